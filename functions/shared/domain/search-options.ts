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
