import MiniSearch, { type AsPlainObject } from 'minisearch';
import { MINISEARCH_OPTIONS, symbolKey, type SearchDocument } from '#shared/domain/search-options';
import { StoredHit, type Shard } from './data';

/**
 * The search itself, apart from the page: one MiniSearch per session's shard (a prebuilt index when
 * the shard carries one, else the shard's documents indexed here, with the same options), queried
 * together, and the published symbols, for a query that is exactly one of them.
 */

export interface SessionSearch {
  title: string;
  url: string;
  search: MiniSearch<SearchDocument>;
  /** `symbolKey(symbol)` → the document's page. */
  symbols: Map<string, string>;
}

export interface Hit extends StoredHit {
  score: number;
  session: { title: string; url: string };
}

function fromPrebuilt(index: Record<string, unknown>): MiniSearch<SearchDocument> | undefined {
  try {
    // The shard's `index` is what MiniSearch#toJSON() gave: loadJS checks its version and shape.
    return MiniSearch.loadJS<SearchDocument>(index as unknown as AsPlainObject, MINISEARCH_OPTIONS);
  } catch {
    return undefined;
  }
}

export function indexShard(shard: Shard): SessionSearch {
  let search = shard.index ? fromPrebuilt(shard.index) : undefined;
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
  return { title: shard.title, url: shard.url, search, symbols };
}

/** The best matches across sessions, best first (ties: the symbol), and how many matched in all. */
export function searchAll(sessions: readonly SessionSearch[], query: string, limit = 50): { total: number; hits: Hit[] } {
  const hits: Hit[] = [];
  for (const s of sessions) {
    for (const result of s.search.search(query)) {
      const stored = StoredHit.safeParse(result);
      if (stored.success) hits.push({ ...stored.data, score: result.score, session: { title: s.title, url: s.url } });
    }
  }
  hits.sort((a, b) => b.score - a.score || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0));
  return { total: hits.length, hits: hits.slice(0, limit) };
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
