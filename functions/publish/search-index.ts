import MiniSearch from 'minisearch';
import { z } from 'zod';
import { MINISEARCH_OPTIONS, TEXT_MINISEARCH_OPTIONS } from '#shared/domain/search-options';
import type { DocumentRecord } from '#shared/domain/document';
import type { TextsByPath } from '#shared/text/extract';
import { formatDate } from '#shared/domain/dates';
import { LANGUAGE_CODES } from '#shared/domain/languages';
import { Language } from '#shared/domain/schemas';
import { agendaItemTitle } from '#shared/domain/registry';
import { documentHref, documentLanguageHref, rootRelative } from '#shared/domain/site-paths';
import { partsInOrder } from '#shared/domain/translation-status';
import { fileText } from './file-texts';
import { byAgendaItemThenIssue } from './order';
import { requireBody, requireSession, searchShardPath, searchTextShardPath, sessionHref, sessionLabel } from './sessions';

/**
 * The data of the site's search, which runs in the browser: one shard per session
 * (`search/A/HRC/47.json`, rewritten when a document of that session is published), the texts of
 * the session's documents beside it (`search/A/HRC/47.text.json`, loaded only once the reader
 * types, so the first shard stays small), and an index of the shards (`search/index.json`). Each
 * shard holds its records (what to show) and their MiniSearch index, prebuilt with the options of
 * functions/shared/domain/search-options.ts; the browser indexes the records itself only when a
 * prebuilt index cannot be loaded. Links are from the site root, so they work on any host.
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
  /** The session's text shard, written with this one: searched once the reader types. */
  text: z.string(),
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
    text: rootRelative(searchTextShardPath(body, session)),
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
export function renderSearchShard(body: string, session: number, documents: readonly DocumentRecord[]): string {
  const shard = searchShard(body, session, documents);
  const index = new MiniSearch<SearchEntry>(MINISEARCH_OPTIONS);
  index.addAll(shard.documents);
  return `${JSON.stringify({ ...shard, index: index.toJSON() })}\n`;
}
/** One language version's text of a document, in the text shard (`TextDocument` in search-options). */
export const SearchTextEntry = z.object({
  id: z.string(),
  symbol: z.string(),
  language: Language,
  url: z.string(),
  text: z.string(),
});
export type SearchTextEntry = z.infer<typeof SearchTextEntry>;

export const SearchTextShard = z.object({
  format: z.literal(FORMAT),
  body: z.string(),
  session: z.number(),
  documents: z.array(SearchTextEntry),
});
export type SearchTextShard = z.infer<typeof SearchTextShard>;

/** The most of one version's text that is searched (and shipped for its snippets): a long annex is found by its first part. */
export const MAX_SEARCHED_TEXT_CHARACTERS = 100_000;

/** Paragraphs, one a line, up to `max` characters (the last one cut at a space). */
function boundedText(paragraphs: readonly string[], max: number): string {
  const kept: string[] = [];
  let left = max;
  for (const p of paragraphs) {
    if (left <= 0) break;
    if (p.length > left) {
      const space = p.lastIndexOf(' ', left);
      kept.push(p.slice(0, space > 0 ? space : left));
      break;
    }
    kept.push(p);
    left -= p.length + 1;
  }
  return kept.join('\n');
}

/**
 * The texts of a session's documents, one entry per document and language version that has text
 * of its own: the files in that language (cover note, then annexes), so a part reproduced as received
 * is searched once, in its original's version, and a version still pending adds nothing. A scan,
 * and a file without an extracted text, add nothing either.
 */
export function searchTextShard(body: string, session: number, documents: readonly DocumentRecord[], texts: TextsByPath): SearchTextShard {
  requireSession(body, session, documents);
  const entries = [...documents].sort(byAgendaItemThenIssue).flatMap((d) => LANGUAGE_CODES.flatMap((language) => {
    const files = d.files.filter((f) => f.language === language);
    const paragraphs = partsInOrder(files).flatMap((part) => files.filter((f) => f.part === part)).flatMap((f) => {
      const text = fileText(f, texts);
      return text.kind === 'text' ? text.paragraphs : [];
    });
    if (paragraphs.length === 0) return [];
    return [{ id: `${d.symbol}#${language}`, symbol: d.symbol, language, url: documentLanguageHref(d.symbol, language), text: boundedText(paragraphs, MAX_SEARCHED_TEXT_CHARACTERS) }];
  }));
  return { format: FORMAT, body, session, documents: entries };
}

/**
 * The text shard as published: its entries (the snippets are cut from them) and their MiniSearch
 * index, prebuilt with the options the search page queries it with (TEXT_MINISEARCH_OPTIONS), so
 * the browser only loads it.
 */
export function renderSearchTextShard(body: string, session: number, documents: readonly DocumentRecord[], texts: TextsByPath): string {
  const shard = searchTextShard(body, session, documents, texts);
  const index = new MiniSearch(TEXT_MINISEARCH_OPTIONS);
  index.addAll(shard.documents);
  return `${JSON.stringify({ ...shard, index: index.toJSON() })}\n`;
}

export const renderSearchIndex = (sessions: readonly { body: string; session: number }[]) => `${JSON.stringify(searchIndex(sessions))}\n`;
