import MiniSearch from 'minisearch';
import { z } from 'zod';
import { MINISEARCH_OPTIONS } from '#shared/domain/search-options';
import type { DocumentRecord } from '#shared/domain/document';
import type { TextsByPath } from '#shared/text/extract';
import { formatDate } from '#shared/domain/dates';
import { Language } from '#shared/domain/schemas';
import { agendaItemTitle } from '#shared/domain/registry';
import { documentHref, rootRelative } from '#shared/domain/site-paths';
import { byAgendaItemThenIssue } from './order';
import { requireBody, requireSession, searchShardPath, sessionHref, sessionLabel } from './sessions';

/**
 * The data of the site's search, which runs in the browser: one shard per session
 * (`search/A/HRC/47.json`, rewritten when a document of that session is published) and an index
 * of the shards (`search/index.json`, rewritten only when a session first appears). A shard holds
 * the fields to search and to show (the browser indexes them as functions/shared/domain/search-options.ts
 * says), not a serialized search index: a session's documents (a few hundred) are indexed in the
 * browser in milliseconds, and plain records are smaller and outlive a change of search options. Links are from the site root, so they work on any host.
 */

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
const FORMAT = 1;

export const SearchEntry = z.object({
  /** The symbol: unique, so it is the search library's document id too. */
  id: z.string(),
  symbol: z.string(),
  title: z.string(),
  sender: z.string(),
  /** `2021-06-08`, and as people write it, `8 June 2021`, so both find it. */
  dated: z.string(),
  datedText: z.string(),
  agendaItem: z.number(),
  agendaItemTitle: z.string().nullable(),
  language: Language,
  url: z.string(),
  publishedAt: z.string(),
});
export type SearchEntry = z.infer<typeof SearchEntry>;

export const SearchShard = z.object({
  format: z.literal(FORMAT),
  body: z.string(),
  session: z.number(),
  title: z.string(),
  url: z.string(),
  documents: z.array(SearchEntry),
});
export type SearchShard = z.infer<typeof SearchShard>;

export const SearchIndex = z.object({
  format: z.literal(FORMAT),
  shards: z.array(z.object({ body: z.string(), session: z.number(), title: z.string(), url: z.string() })),
});
export type SearchIndex = z.infer<typeof SearchIndex>;

export function searchShard(body: string, session: number, documents: readonly DocumentRecord[]): SearchShard {
  requireSession(body, session, documents);
  const b = requireBody(body);
  return {
    format: FORMAT,
    body,
    session,
    title: sessionLabel(body, session),
    url: sessionHref(body, session),
    documents: [...documents].sort(byAgendaItemThenIssue).map((d) => ({
      id: d.symbol,
      symbol: d.symbol,
      title: d.title,
      sender: d.sender,
      dated: d.dated,
      datedText: formatDate(d.dated),
      agendaItem: d.agendaItem,
      agendaItemTitle: agendaItemTitle(b, d.agendaItem) ?? null,
      language: d.originalLanguage,
      url: documentHref(d.symbol),
      publishedAt: d.publishedAt,
    })),
  };
}

export function searchIndex(sessions: readonly { body: string; session: number }[]): SearchIndex {
  const ordered = [...sessions].sort((a, b) => (a.body < b.body ? -1 : a.body > b.body ? 1 : b.session - a.session));
  return {
    format: FORMAT,
    shards: ordered.map((s) => ({ body: s.body, session: s.session, title: sessionLabel(s.body, s.session), url: rootRelative(searchShardPath(s.body, s.session)) })),
  };
}

/**
 * The shard as published: its records and, prebuilt here with the options the browser uses
 * (functions/shared/domain/search-options.ts), the session's MiniSearch index, which the search page
 * loads as it is instead of indexing the records.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the texts are searched next (issue 11)
export function renderSearchShard(body: string, session: number, documents: readonly DocumentRecord[], texts: TextsByPath = new Map()): string {
  const shard = searchShard(body, session, documents);
  const index = new MiniSearch<SearchEntry>(MINISEARCH_OPTIONS);
  index.addAll(shard.documents);
  return `${JSON.stringify({ ...shard, index: index.toJSON() })}\n`;
}
export const renderSearchIndex = (sessions: readonly { body: string; session: number }[]) => `${JSON.stringify(searchIndex(sessions))}\n`;
