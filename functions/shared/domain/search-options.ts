import type { Options, SearchOptions } from 'minisearch';

/**
 * How the site's search indexes and queries documents (MiniSearch), in one place for both sides:
 * the browser (web/site/search.ts) indexes the search shards with these options, and a publish
 * step that ships a prebuilt index (`MiniSearch#toJSON()`) must make it with them too, or the
 * browser's queries would not match what was indexed.
 */

/** A search shard's document (functions/publish/search-index.ts `SearchEntry`): what is indexed and shown. */
export interface SearchDocument {
  id: string;
  symbol: string;
  title: string;
  sender: string;
  dated: string;
  datedText: string;
  agendaItem: number;
  agendaItemTitle: string | null;
  language: string;
  url: string;
}

/** The fields searched: a symbol, a word of the title, a sender, a date as written or as ISO. */
export const SEARCH_FIELDS = ['symbol', 'title', 'sender', 'dated', 'datedText', 'agendaItemTitle'] as const satisfies readonly (keyof SearchDocument)[];

/** The fields a result shows, kept in the index so a prebuilt one needs nothing else. */
export const STORE_FIELDS = ['symbol', 'title', 'sender', 'dated', 'datedText', 'agendaItem', 'language', 'url'] as const satisfies readonly (keyof SearchDocument)[];

export type StoredDocument = Pick<SearchDocument, (typeof STORE_FIELDS)[number]>;

/** Prefix and typo-tolerant matching; the symbol and the title count most. */
export const SEARCH_OPTIONS = {
  prefix: true,
  fuzzy: 0.2,
  boost: { symbol: 3, title: 2 },
} as const satisfies SearchOptions;

/**
 * Words are runs of letters, digits and their marks: anything else separates them, symbols too
 * (MiniSearch's default splits only on spaces and punctuation, so `<b>bold` stayed one word).
 */
export function tokenize(text: string): string[] {
  return text.split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
}

/** Case and accents do not matter: "generale" finds "générale", and vowel marks are ignored in Arabic. */
export function processTerm(term: string): string | null {
  const folded = term.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
  return folded === '' ? null : folded;
}

export const MINISEARCH_OPTIONS = {
  idField: 'id',
  fields: [...SEARCH_FIELDS],
  storeFields: [...STORE_FIELDS],
  tokenize,
  processTerm,
  searchOptions: { ...SEARCH_OPTIONS, boost: { ...SEARCH_OPTIONS.boost } },
} satisfies Options<SearchDocument>;

/** A query or symbol as compared for "is this exactly a published symbol": no spaces, any case. */
export function symbolKey(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

// ── The documents' texts (the per-session text shard) ───────────────────────────────────────────

/**
 * A text shard's entry: one language version's text of one document, made of the files in that
 * language (cover note, annexes), so a word is found in the version whose files carry it.
 */
export interface TextDocument {
  /** `A/HRC/47/G/10#fr`: a document's version. */
  id: string;
  symbol: string;
  language: string;
  /** The version's page: `/A/HRC/47/G/10/fr/`. */
  url: string;
  /** Its paragraphs, one a line. */
  text: string;
}

const HAN = /\p{Script=Han}/u;

/**
 * One word of a text, for the text index, with where each of its terms is in it (for the marks of a
 * snippet): case and accents folded as in titles ("reunion" finds "réunion"), and the Latin letters
 * that do not decompose (ı, ł, ø, ß…) too, except that Russian й stays a letter of its own; Arabic alef and hamza forms folded by the decomposition (أ إ آ → ا,
 * ؤ → و, ئ → ي), alef wasla and maksura, teh marbuta and tatweel normalised; Chinese, written
 * without spaces, indexed by overlapping pairs of characters (a run of characters would otherwise be
 * one word, found only by its beginning).
 */
export function textTermsOf(word: string): { term: string; start: number; end: number }[] {
  if (!HAN.test(word)) {
    const term = foldText(word);
    return term ? [{ term, start: 0, end: word.length }] : [];
  }
  const terms: { term: string; start: number; end: number }[] = [];
  // Runs of Han characters as pairs, the rest of the word (digits, a Latin name) as words.
  for (const m of word.matchAll(/\p{Script=Han}+|[^\p{Script=Han}]+/gu)) {
    const at = m.index;
    const chars = Array.from(m[0]);
    if (!HAN.test(m[0])) {
      const term = foldText(m[0]);
      if (term) terms.push({ term, start: at, end: at + m[0].length });
      continue;
    }
    let offset = at;
    const starts = chars.map((c) => {
      const s = offset;
      offset += c.length;
      return s;
    });
    if (chars.length === 1) terms.push({ term: chars[0]!, start: at, end: offset });
    for (let i = 0; i + 1 < chars.length; i++) {
      terms.push({ term: chars[i]! + chars[i + 1]!, start: starts[i]!, end: starts[i + 1]! + chars[i + 1]!.length });
    }
  }
  return terms;
}

/** Latin letters that are not a letter and a mark, so the decomposition does not fold them: Yuxarı is found as "yuxari". */
const UNMARKED: Record<string, string> = { 'ı': 'i', 'ł': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe' };

function foldText(word: string): string {
  // Most words of most texts: nothing to fold but case.
  if (/^[A-Za-z0-9]*$/.test(word)) return word.toLowerCase();
  return word.toLowerCase().normalize('NFD')
    .replace(/\u0438\u0306/g, '\u0439')
    .replace(/\p{M}+/gu, '')
    .replace(/[ıłøđħßæœ]/g, (c) => UNMARKED[c]!)
    .replace(/\u0640/g, '')
    .replace(/\u0671/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647');
}

export function processText(word: string): string[] {
  return textTermsOf(word).map((t) => t.term);
}

/**
 * Texts are long: all the words of a query must be in the version (not any, as for titles), the
 * last one as a prefix (it is being typed), and only longer words with a typo allowed.
 */
export const TEXT_SEARCH_OPTIONS = {
  combineWith: 'AND',
  prefix: (_term: string, i: number, terms: string[]) => i === terms.length - 1,
  fuzzy: (term: string) => (term.length >= 6 ? 0.2 : false),
} as const satisfies SearchOptions;

export const TEXT_MINISEARCH_OPTIONS = {
  idField: 'id',
  fields: ['text'],
  storeFields: [],
  tokenize,
  processTerm: processText,
  searchOptions: { ...TEXT_SEARCH_OPTIONS },
} satisfies Options<TextDocument>;
