// First: zod must be configured before the schemas below are defined.
import './zod-config';
import * as z from 'zod/mini';
import { LANGUAGE_CODES } from '#shared/domain/languages';
import type { STORE_FIELDS } from '#shared/domain/search-options';

/**
 * The search data as the browser reads it (functions/publish/search-index.ts writes it): the list
 * of shards, each session's shard, and its text shard. Only what the pages use is checked; links must stay on the
 * site, so nothing fetched can make a page link or navigate elsewhere.
 */

/** A path from this site's root: `/A/HRC/47/G/10/`, never `//host/…` or `javascript:…`. */
const SitePath = z.string().check(z.regex(/^\/(?![/\\])/, 'must be a path on this site'));

export const ShardDocument = z.object({
  id: z.string(),
  symbol: z.string(),
  title: z.string(),
  sender: z.string(),
  dated: z.string(),
  datedText: z.string(),
  agendaItem: z.number(),
  agendaItemTitle: z.nullable(z.string()),
  language: z.enum(LANGUAGE_CODES),
  url: SitePath,
});
export type ShardDocument = z.infer<typeof ShardDocument>;

/** What a result shows (the index's stored fields), checked again when they come from a prebuilt index. */
export const StoredHit = z.pick(ShardDocument, {
  symbol: true, title: true, sender: true, dated: true, datedText: true, agendaItem: true, language: true, url: true,
} as const satisfies Record<(typeof STORE_FIELDS)[number], true>);
export type StoredHit = z.infer<typeof StoredHit>;

export const Shard = z.object({
  /** The session: `Human Rights Council — Forty-seventh session`, and its page. */
  title: z.string(),
  url: SitePath,
  /** Its text shard, searched once the reader types (absent from shards written before texts were searched). */
  text: z.optional(SitePath),
  documents: z.optional(z.array(ShardDocument)),
  /** A prebuilt MiniSearch index (`toJSON()`), made with functions/shared/domain/search-options.ts. */
  index: z.optional(z.record(z.string(), z.unknown())),
});
export type Shard = z.infer<typeof Shard>;

/** One language version's text (functions/publish/search-index.ts `SearchTextEntry`). */
export const TextEntry = z.object({
  id: z.string(),
  symbol: z.string(),
  language: z.enum(LANGUAGE_CODES),
  url: SitePath,
  text: z.string(),
});
export type TextEntry = z.infer<typeof TextEntry>;

export const TextShard = z.object({
  documents: z.array(TextEntry),
  /** The entries' MiniSearch index (`toJSON()`), made with TEXT_MINISEARCH_OPTIONS. */
  index: z.optional(z.record(z.string(), z.unknown())),
});
export type TextShard = z.infer<typeof TextShard>;

export const SearchIndex = z.object({
  shards: z.array(z.object({ title: z.string(), url: SitePath })),
});
export type SearchIndex = z.infer<typeof SearchIndex>;

async function getJson(url: string): Promise<unknown> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
}

export async function fetchSearchIndex(url: string): Promise<SearchIndex> {
  return SearchIndex.parse(await getJson(url));
}

export async function fetchShard(url: string): Promise<Shard> {
  return Shard.parse(await getJson(url));
}

export async function fetchTextShard(url: string): Promise<TextShard> {
  return TextShard.parse(await getJson(url));
}
