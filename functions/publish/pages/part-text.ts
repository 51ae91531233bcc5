import { html, type SafeHtml } from '../html';
import type { PublishedFile } from '#shared/domain/document';
import type { TextsByPath } from '#shared/text/extract';
import { isLanguage } from '#shared/domain/languages';
import { rootRelative } from '#shared/domain/site-paths';
import { fileText } from '../file-texts';
import { fileDescription } from './document-parts';
import { plural } from './format';
import { langAttrs } from './language';

/**
 * The text of a part's file on a language version's page, under the part's heading, so the
 * document reads on a phone without a download: its paragraphs as `<p>`, in the text's own
 * language and direction. A scan says it has no text and links the file; a file without an
 * extracted text shows only its link, as before texts existed.
 */

/** The most text one page shows, across its parts: past it, a part says the rest is in its file. */
export const MAX_PAGE_TEXT_CHARACTERS = 200_000;

/** What is left of a page's text budget as its parts are rendered, in order. */
export interface TextBudget { remaining: number }

export const pageTextBudget = (): TextBudget => ({ remaining: MAX_PAGE_TEXT_CHARACTERS });

/** A paragraph cut to at most `max` characters, at the last space if there is one near, never inside a surrogate pair. */
function cut(paragraph: string, max: number): string {
  let end = max;
  const space = paragraph.lastIndexOf(' ', max);
  if (space > max - 200 && space > 0) end = space;
  else if (/[\uD800-\uDBFF]/.test(paragraph[end - 1] ?? '')) end -= 1;
  return `${paragraph.slice(0, end).trimEnd()} …`;
}

/** The paragraphs that fit in `budget`, and whether some were left out. */
function fitting(paragraphs: readonly string[], budget: TextBudget): { shown: string[]; cut: boolean } {
  const shown: string[] = [];
  for (const p of paragraphs) {
    if (p.length <= budget.remaining) {
      shown.push(p);
      budget.remaining -= p.length;
      continue;
    }
    // A paragraph longer than what is left (a PDF read as one long paragraph): its beginning, if any room is left.
    if (budget.remaining > 0 && shown.length === 0) shown.push(cut(p, budget.remaining));
    budget.remaining = 0;
    return { shown, cut: true };
  }
  return { shown, cut: false };
}

const link = (f: PublishedFile) => html`<a href="${rootRelative(f.path)}" hreflang="${f.language}" type="${f.contentType}">${fileDescription(f)}</a>`;

/** The text of one file shown for a part, or nothing to add to its link. */
export function partText(f: PublishedFile, texts: TextsByPath, budget: TextBudget): SafeHtml | null {
  const text = fileText(f, texts);
  if (text.kind === 'none') return null;
  if (text.kind === 'scan') {
    return html`<p class="text-notice">This file is a scan: it has no text to show on this page. Read it in the file: ${link(f)}.</p>`;
  }
  const { shown, cut: wasCut } = fitting(text.paragraphs, budget);
  const shownCharacters = shown.reduce((n, p) => n + p.length, 0);
  // The page's parts are English furniture: the text carries its own language, and Arabic its direction.
  const own = isLanguage(f.language) ? langAttrs(f.language, 'en') : [];
  return html`${shown.length > 0 && html`<div class="part-text"${own}>
${shown.map((p) => html`<p>${p}</p>\n`)}</div>
`}${wasCut && html`<p class="text-notice">${shown.length > 0
    ? `The text is too long to show in full here: the first ${plural(Math.min(shownCharacters, text.characters), 'character', 'characters')} of ${text.characters.toLocaleString('en')} are shown. The rest is in the file: `
    : 'The text is too long to show here. Read it in the file: '}${link(f)}.</p>`}`;
}
