import { textTermsOf } from '#shared/domain/search-options';

/**
 * The words around where a text matched a query, for a search result: about `size` characters
 * from just before the matched word that begins the passage with most of the query's words, each
 * matched word marked. Plain pieces of text, never
 * markup: the page puts them in text nodes and `<mark>` elements.
 */

export interface Segment {
  text: string;
  marked: boolean;
}

export const SNIPPET_CHARACTERS = 160;
/** How much comes before the first matched word. */
const LEAD = 50;
/** How far a cut may move to fall between words. */
const SLACK = 20;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

interface Span { start: number; end: number }

/** Where to cut near `at`: a space within SLACK characters in `direction`, else `at` (not inside a surrogate pair). */
function cutNear(text: string, at: number, direction: 1 | -1): number {
  for (let i = 0; i <= SLACK; i++) {
    const j = at + i * direction;
    if (j <= 0 || j >= text.length) break;
    if (/\s/.test(text[j]!)) return direction === 1 ? j + 1 : j;
  }
  return /[\uDC00-\uDFFF]/.test(text[at] ?? '') ? at - 1 : at;
}

/** How far into a text to look for a better place than the first match. */
const SCAN = 30_000;

/** The matched words of `text` (by their index terms, `terms`), in order, from its beginning up to SCAN characters. */
function matchesIn(text: string, terms: ReadonlySet<string>): (Span & { term: string })[] {
  const spans: (Span & { term: string })[] = [];
  for (const m of text.matchAll(WORD)) {
    if (m.index >= SCAN && spans.length > 0) break;
    for (const t of textTermsOf(m[0])) {
      if (!terms.has(t.term)) continue;
      const span = { start: m.index + t.start, end: m.index + t.end, term: t.term };
      const last = spans.at(-1);
      // Chinese terms are overlapping pairs of characters: marked as one run.
      if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
      else spans.push(span);
    }
  }
  return spans;
}

/** The match that starts the window with the most different matched terms (the first such): not a common word's first use. */
function bestStart(matches: readonly (Span & { term: string })[], size: number): number {
  let best = 0;
  let bestCount = 0;
  for (let i = 0; i < matches.length; i++) {
    const inWindow = new Set<string>();
    for (let j = i; j < matches.length && matches[j]!.end <= matches[i]!.start + size; j++) inWindow.add(matches[j]!.term);
    if (inWindow.size > bestCount) {
      best = i;
      bestCount = inWindow.size;
    }
  }
  return best;
}

export function snippet(text: string, terms: ReadonlySet<string>, size = SNIPPET_CHARACTERS): Segment[] {
  const all = matchesIn(text, terms);
  const matches = all.slice(bestStart(all, size - LEAD));
  const first = matches[0];
  let start = 0;
  if (first && first.start > LEAD) start = Math.min(cutNear(text, first.start - LEAD, 1), first.start);
  let end = Math.max(start + size, first?.end ?? 0);
  if (end < text.length) end = Math.max(cutNear(text, end, -1), first?.end ?? 0);
  else end = text.length;

  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const segments: Segment[] = [];
  const add = (s: string, marked: boolean) => {
    if (s) segments.push({ text: flat(s), marked });
  };
  let at = start;
  for (const m of matches) {
    if (m.start >= end) break;
    add(text.slice(at, m.start), false);
    add(text.slice(m.start, Math.min(m.end, end)), true);
    at = Math.min(m.end, end);
  }
  add(text.slice(at, end), false);
  if (start > 0) segments.unshift({ text: '… ', marked: false });
  if (end < text.length) segments.push({ text: ' …', marked: false });
  return segments;
}
