/**
 * What every rule reads the note through: its paragraphs, a folded copy of each (lower case, no
 * accents, one kind of apostrophe and dash) of exactly the same length, so that a pattern matched on
 * the folded text quotes the note's own words, character for character, as its evidence.
 */
export interface Found {
  /** The note's own words: a substring of one paragraph. */
  evidence: string;
  /** Which paragraph, and where in it. */
  paragraph: number;
  index: number;
  /** The pattern's groups, read from the note itself (not the folded copy); undefined when a group did not take part. */
  groups: (string | undefined)[];
}

export interface Note {
  paragraphs: readonly string[];
  folded: readonly string[];
}

const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4\u2032]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212]/;

/** One UTF-16 unit for one: a letter without its accents, lower case; apostrophes as ', dashes as -, spaces as a space. */
function foldUnit(c: string): string {
  if (APOSTROPHES.test(c)) return "'";
  if (DASHES.test(c)) return '-';
  if (/\s/.test(c)) return ' ';
  const bare = c.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return bare.length === 1 ? bare : c.toLowerCase().length === 1 ? c.toLowerCase() : c;
}

export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i]!);
  return out;
}

export function readNote(paragraphs: readonly string[]): Note {
  return { paragraphs, folded: paragraphs.map(fold) };
}

/** Every match of a pattern (written for folded text, with the `g` flag added here) in every paragraph, in reading order. */
export function findAll(note: Note, pattern: RegExp): Found[] {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const found: Found[] = [];
  note.folded.forEach((folded, p) => {
    const original = note.paragraphs[p]!;
    for (const m of folded.matchAll(new RegExp(pattern.source, flags.includes('d') ? flags : `${flags}d`))) {
      const start = m.index;
      const indices = m.indices ?? [];
      found.push({
        evidence: original.slice(start, start + m[0].length),
        paragraph: p,
        index: start,
        groups: indices.slice(1).map((span) => (span ? original.slice(span[0], span[1]) : undefined)),
      });
    }
  });
  return found;
}

export function findFirst(note: Note, pattern: RegExp): Found | undefined {
  return findAll(note, pattern)[0];
}

/** A proposed field: the value, and the words of the note it was read from. */
export interface Proposed<T> {
  value: T;
  evidence: string;
}
