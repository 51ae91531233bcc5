/**
 * Paragraphs out of extracted text. A plain text (or a DOCX's raw text) separates paragraphs with
 * a blank line; a PDF has only lines, so a paragraph ends where the gap to the next line is
 * clearly wider than the page's usual line spacing. Lines of a paragraph are joined with a space,
 * a word hyphenated across them is not rejoined (the hyphen may be real).
 */

/** One line of a PDF page: its text and its baseline (PDF units, growing up the page). */
export interface Line { text: string; y: number; height: number }

const tidy = (s: string) => s.replace(/[\t\u00A0 ]+/g, ' ').trim();

/** Blank-line separated paragraphs, each one's lines joined. Control characters but newlines and tabs are dropped. */
export function paragraphsOfText(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .split(/\n[ \t]*\n+/)
    .map((p) => tidy(p.split('\n').map(tidy).filter(Boolean).join(' ')))
    .filter(Boolean);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A page's lines into paragraphs: a new one where the line gap exceeds 1.4 times the median gap (and the line height). */
export function paragraphsOfLines(lines: readonly Line[]): string[] {
  const kept = lines.map((l) => ({ ...l, text: tidy(l.text) })).filter((l) => l.text !== '');
  if (kept.length === 0) return [];
  const gaps = kept.slice(1).map((l, i) => Math.abs(kept[i]!.y - l.y)).filter((g) => g > 0);
  const usual = median(gaps);
  const paragraphs: string[][] = [[kept[0]!.text]];
  for (let i = 1; i < kept.length; i++) {
    const gap = Math.abs(kept[i - 1]!.y - kept[i]!.y);
    const wide = usual > 0 && gap > usual * 1.4 && gap > kept[i]!.height * 1.2;
    if (wide) paragraphs.push([kept[i]!.text]);
    else paragraphs[paragraphs.length - 1]!.push(kept[i]!.text);
  }
  return paragraphs.map((p) => p.join(' '));
}
