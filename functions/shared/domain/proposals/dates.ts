import { findAll, fold, type Found, type Note, type Proposed } from './text';

/**
 * The note's date. A note as received ends with its place and date ("Geneva, 8 June 2021",
 * "Genève, le 8 juin 2021"), or carries the date on a line of its own; a date inside a sentence
 * ("the statement of 13 May 2021") is some other day. Dates are read in English and French, in words
 * ("8 June 2021", "June 8, 2021", "8 juin 2021", "1er juin 2021") and in figures, day first
 * ("08.06.2021", "8/6/2021"), or ISO ("2021-06-08").
 */
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const FR_MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];
const MONTH_NUMBER = new Map<string, number>([
  ...EN_MONTHS.map((m, i) => [m, i + 1] as const),
  ...FR_MONTHS.map((m, i) => [m, i + 1] as const),
  ...EN_MONTHS.map((m, i) => [m.slice(0, 3), i + 1] as const),
  ['sept', 9],
]);
/** A month's number from its name as the note writes it ("June", "juin", "Sept."); 0 if it is none. */
const month = (name: string | undefined) => MONTH_NUMBER.get(fold(name ?? '').replace(/\.$/, '')) ?? 0;
const MONTH = `(${[...MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|re|e)?';
const YEAR = '((?:19|20)\\d{2})';

/** Each shape: its pattern (on folded text), and how its groups give year, month, day. */
const SHAPES: { pattern: string; read(g: (string | undefined)[]): [number, number, number] }[] = [
  // 8 June 2021, 8 juin 2021, 1er juin 2021, 8th of June 2021
  { pattern: `${DAY}(?: of)? ${MONTH},? ${YEAR}`, read: (g) => [Number(g[2]), month(g[1]), Number(g[0])] },
  // June 8, 2021
  { pattern: `${MONTH} ${DAY},? ${YEAR}`, read: (g) => [Number(g[2]), month(g[0]), Number(g[1])] },
  // 2021-06-08
  { pattern: `${YEAR}-(\\d{2})-(\\d{2})`, read: (g) => [Number(g[0]), Number(g[1]), Number(g[2])] },
  // 08.06.2021, 8/6/2021, 08-06-2021: day first, as in Geneva
  { pattern: `(\\d{1,2})[./-](\\d{1,2})[./-]${YEAR}`, read: (g) => [Number(g[2]), Number(g[1]), Number(g[0])] },
];

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

interface Candidate { found: Found; iso: string; score: number }

/** How the words around a date say whose date it is: the note's own (its place-and-date line), or another day's. */
function score(note: Note, found: Found): number {
  const paragraph = note.folded[found.paragraph]!;
  const before = paragraph.slice(0, found.index);
  const after = paragraph.slice(found.index + found.evidence.length);
  // A line that is its place and date, or its date alone: "Geneva, 8 June 2021", "Genève, le 8 juin 2021".
  const placeLine = /(^|[.;:]\s*)([\p{L}' -]{2,40},\s*)?(le\s+)?$/u;
  if (placeLine.test(before) && /^[\s.]*$/.test(after)) return 3;
  // "…its highest consideration. Geneva, 8 June 2021 (signature)": a place and the date, after a sentence ends.
  if (/(^|[.;:]\s*)[\p{L}' -]{2,40},\s*(le\s+)?$/u.test(before)) return 2;
  // "dated 8 June 2021" in a note that does not otherwise give its date is usually another document's date.
  return 0;
}

/** The note's date, if it says it: the strongest candidate, the last of equals (the date line closes a note). */
export function proposeDated(note: Note): Proposed<string> | undefined {
  const candidates: Candidate[] = [];
  for (const shape of SHAPES) {
    for (const found of findAll(note, new RegExp(`(?<![\\p{L}\\d])${shape.pattern}(?![\\p{L}\\d])`, 'u'))) {
      const [y, m, d] = shape.read(found.groups);
      if (!isRealDate(y, m, d)) continue;
      // One date, seen by two shapes, counts once.
      if (candidates.some((c) => c.found.paragraph === found.paragraph && c.found.index === found.index)) continue;
      candidates.push({ found, iso: iso(y, m, d), score: score(note, found) });
    }
  }
  const best = candidates.filter((c) => c.score > 0)
    .sort((a, b) => a.score - b.score || a.found.paragraph - b.found.paragraph || a.found.index - b.found.index)
    .at(-1);
  if (!best) return undefined;
  const paragraph = note.paragraphs[best.found.paragraph]!;
  // The evidence is the whole date line where there is one ("Geneva, 8 June 2021"), else the date.
  const lineStart = best.score === 3 ? Math.max(paragraph.lastIndexOf('.', best.found.index) + 1, 0) : best.found.index;
  const evidence = paragraph.slice(lineStart, best.found.index + best.found.evidence.length).trim();
  return { value: best.iso, evidence };
}
