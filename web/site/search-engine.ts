import MiniSearch, { type AsPlainObject } from 'minisearch';
import {
  MINISEARCH_OPTIONS, TEXT_MINISEARCH_OPTIONS, symbolKey, type SearchDocument, type TextDocument,
} from '#shared/domain/search-options';
import { StoredHit, type Shard, type TextEntry, type TextShard } from './data';
import { SNIPPET_CHARACTERS, snippet, type Segment } from './snippet';

/**
 * The search itself, apart from the page: one MiniSearch per session's shard (a prebuilt index when
 * the shard carries one, else the shard's documents indexed here, with the same options), queried
 * together, and the published symbols, for a query that is exactly one of them. Once a session's
 * text shard is loaded, its documents are found by the words of their texts too, each such result
 * with the words around the match in the version that matched.
 */

export interface TextSearch {
  search: MiniSearch<TextDocument>;
  entries: Map<string, TextEntry>;
}

export interface SessionSearch {
  title: string;
  url: string;
  search: MiniSearch<SearchDocument>;
  /** `symbolKey(symbol)` → the document's page. */
  symbols: Map<string, string>;
  /** Where its text shard is, and the texts' search once it is loaded. */
  textUrl?: string;
  text?: TextSearch;
}

/** Where a document's text matched: the version (its language and page) and the words around the match. */
export interface TextMatch {
  language: TextEntry['language'];
  url: string;
  snippet: Segment[];
}

export interface Hit extends StoredHit {
  score: number;
  session: { title: string; url: string };
  text?: TextMatch;
}

/** Chinese says in 80 characters what the other languages say in 160. */
const snippetSize = (language: string) => (language === 'zh' ? SNIPPET_CHARACTERS / 2 : SNIPPET_CHARACTERS);

/** A match in the text counts for less than one in the title, symbol or sender. */
const TEXT_WEIGHT = 0.5;

function loaded<T>(index: Record<string, unknown>, options: Parameters<typeof MiniSearch.loadJS<T>>[1]): MiniSearch<T> | undefined {
  try {
    // `index` is what MiniSearch#toJSON() gave: loadJS checks its version and shape.
    return MiniSearch.loadJS<T>(index as unknown as AsPlainObject, options);
  } catch {
    return undefined;
  }
}

export function indexShard(shard: Shard): SessionSearch {
  let search = shard.index ? loaded<SearchDocument>(shard.index, MINISEARCH_OPTIONS) : undefined;
  if (!search) {
    if (!shard.documents) throw new Error(`The search data of ${shard.title} has neither documents nor a usable index`);
    search = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
    search.addAll(shard.documents);
  }
  const symbols = new Map<string, string>();
  const listed = shard.documents ?? Object.values((shard.index as { storedFields?: Record<string, unknown> }).storedFields ?? {});
  for (const d of listed) {
    const stored = StoredHit.safeParse(d);
    if (stored.success) symbols.set(symbolKey(stored.data.symbol), stored.data.url);
  }
  return { title: shard.title, url: shard.url, search, symbols, ...(shard.text ? { textUrl: shard.text } : {}) };
}

/** A text shard's search: its prebuilt index, else its entries indexed here. */
export function indexTextShard(shard: TextShard): TextSearch {
  let search = shard.index ? loaded<TextDocument>(shard.index, TEXT_MINISEARCH_OPTIONS) : undefined;
  if (!search) {
    search = new MiniSearch<TextDocument>(TEXT_MINISEARCH_OPTIONS);
    search.addAll(shard.documents);
  }
  return { search, entries: new Map(shard.documents.map((d) => [d.id, d])) };
}

interface Found { hit: Hit; text?: { entry: TextEntry; score: number; terms: string[] } }

/** One session's matches, by symbol: in its records, then in its texts (the best version of each document). */
function searchSession(s: SessionSearch, query: string): Found[] {
  const session = { title: s.title, url: s.url };
  const found = new Map<string, Found>();
  for (const result of s.search.search(query)) {
    const stored = StoredHit.safeParse(result);
    if (stored.success) found.set(stored.data.symbol, { hit: { ...stored.data, score: result.score, session } });
  }
  if (!s.text) return [...found.values()];
  for (const result of s.text.search.search(query)) {
    const entry = s.text.entries.get(String(result.id));
    if (!entry) continue;
    let f = found.get(entry.symbol);
    if (!f) {
      // Found by its text only: what the result shows comes from the session's records.
      const stored = StoredHit.safeParse(s.search.getStoredFields(entry.symbol));
      if (!stored.success) continue;
      f = { hit: { ...stored.data, score: 0, session } };
      found.set(entry.symbol, f);
    }
    if (!f.text || result.score > f.text.score) f.text = { entry, score: result.score, terms: result.terms };
  }
  return [...found.values()].map((f) => (f.text ? { ...f, hit: { ...f.hit, score: f.hit.score + f.text.score * TEXT_WEIGHT } } : f));
}

/**
 * The best matches across sessions, best first (ties: the symbol), and how many matched in all.
 * Only the hits returned get a snippet: it is cut from the text here, after the sort.
 */
export function searchAll(sessions: readonly SessionSearch[], query: string, limit = 50): { total: number; hits: Hit[] } {
  const found = sessions.flatMap((s) => searchSession(s, query));
  found.sort((a, b) => b.hit.score - a.hit.score || (a.hit.symbol < b.hit.symbol ? -1 : a.hit.symbol > b.hit.symbol ? 1 : 0));
  const hits = found.slice(0, limit).map(({ hit, text }) => (text
    ? { ...hit, text: { language: text.entry.language, url: text.entry.url, snippet: snippet(text.entry.text, new Set(text.terms), snippetSize(text.entry.language)) } }
    : hit));
  return { total: found.length, hits };
}

/** The page of the document whose symbol the query is, ignoring case and spaces. */
export function exactSymbol(sessions: readonly SessionSearch[], query: string): string | undefined {
  const key = symbolKey(query);
  if (!key) return undefined;
  for (const s of sessions) {
    const url = s.symbols.get(key);
    if (url) return url;
  }
  return undefined;
}
