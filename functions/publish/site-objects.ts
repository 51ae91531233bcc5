import type { DocumentRecord } from '#shared/domain/document';
import type { SiteState } from '#shared/adapters/store';
import type { TextsByPath } from '#shared/text/extract';
import { LANGUAGE_CODES } from '#shared/domain/languages';
import {
  HOME_PAGE_PATH, NOT_FOUND_PATH, SEARCH_INDEX_PATH, SEARCH_PAGE_PATH, SITEMAP_INDEX_PATH, SITE_FEED_PATH, STYLESHEET_PATH,
  documentPagePaths,
} from '#shared/domain/site-paths';
import { renderSessionCatalogue } from './catalogue';
import { FEED_CONTENT_TYPE, renderSessionFeed, renderSiteFeed } from './feeds';
import { JSON_CONTENT_TYPE, renderSearchIndex, renderSearchShard, renderSearchTextShard } from './search-index';
import { SITE_CSS } from './site-css';
import { renderDocumentPage } from './pages/document';
import { renderLanguagePage } from './pages/document-language';
import { renderHomePage } from './pages/home';
import { renderNotFoundPage } from './pages/not-found';
import { renderSearchPage } from './pages/search';
import { renderSessionPage } from './pages/session';
import { relatedDocuments, touchedByPublication, type RelatedDocument } from './related';
import { searchShardPath, searchTextShardPath, sessionCataloguePath, sessionFeedPath, sessionPagePath, sessionSitemapPath } from './sessions';
import { SITEMAP_CONTENT_TYPE, renderSessionSitemap, renderSitemapIndex } from './sitemaps';

/**
 * What each part of the site is made of, as objects to write: a document's pages (written by its
 * own Publish), a session's lists and the site's lists (written by the one list writer of each,
 * functions/render-lists), the static pages.
 */

const LATEST_ON_HOME = 10;
const HTML = 'text/html; charset=utf-8';

/** An object of the site: its key, its bytes, its type. */
export interface SiteObject {
  path: string;
  body: string;
  contentType: string;
}

/**
 * Every page a document has (documentPagePaths): the page of all its versions, and one per language
 * (each links to the other five). The session's sitemap lists the same keys, so a page added there
 * is both written and listed.
 */
export function documentPages(d: DocumentRecord, related: readonly RelatedDocument[] = [], texts: TextsByPath = new Map()): SiteObject[] {
  const [all, ...languages] = documentPagePaths(d.symbol);
  return [
    { path: all!, body: renderDocumentPage(d, related), contentType: HTML },
    ...LANGUAGE_CODES.map((lang, i) => ({ path: languages[i]!, body: renderLanguagePage(d, lang, related, texts), contentType: HTML })),
  ];
}

/** Pages and files that are the same whatever is published; written with the site's lists so a new release reaches the site. */
export function staticObjects(): SiteObject[] {
  return [
    { path: STYLESHEET_PATH, body: SITE_CSS, contentType: 'text/css; charset=utf-8' },
    { path: NOT_FOUND_PATH, body: renderNotFoundPage(), contentType: HTML },
    { path: SEARCH_PAGE_PATH, body: renderSearchPage(), contentType: HTML },
  ];
}

/** The sitemap's keys of a document: its pages' paths, without rendering them. */
const pageKeys = (d: DocumentRecord) => documentPagePaths(d.symbol);

/** The documents whose pages a session's render rewrites: each of `rewritten`, the document it is a component of, its own components. */
export function touchedDocuments(documents: readonly DocumentRecord[], rewritten: readonly string[]): DocumentRecord[] {
  const touched = new Map<string, DocumentRecord>();
  for (const symbol of rewritten) for (const d of touchedByPublication({ symbol }, documents)) touched.set(d.symbol, d);
  return [...touched.values()];
}

/**
 * A session's lists, made from the session's documents only, and the pages of the documents
 * `rewritten` touches (touchedDocuments), so their links to each other are never stale. `texts`
 * holds the texts of the files of the session's documents (the pages show them, the text shard
 * searches them).
 */
export function sessionObjects(
  body: string, session: number, documents: readonly DocumentRecord[], rewritten: readonly string[], siteUrl: string,
  texts: TextsByPath = new Map(),
): SiteObject[] {
  return [
    ...touchedDocuments(documents, rewritten).flatMap((d) => documentPages(d, relatedDocuments(d, documents), texts)),
    { path: sessionPagePath(body, session), body: renderSessionPage(body, session, [...documents]), contentType: HTML },
    { path: sessionCataloguePath(body, session), body: renderSessionCatalogue(body, session, documents, siteUrl), contentType: JSON_CONTENT_TYPE },
    { path: sessionFeedPath(body, session), body: renderSessionFeed(body, session, documents, siteUrl), contentType: FEED_CONTENT_TYPE },
    { path: searchShardPath(body, session), body: renderSearchShard(body, session, documents), contentType: JSON_CONTENT_TYPE },
    { path: searchTextShardPath(body, session), body: renderSearchTextShard(body, session, documents, texts), contentType: JSON_CONTENT_TYPE },
    { path: sessionSitemapPath(body, session), body: renderSessionSitemap(body, session, documents, siteUrl, pageKeys), contentType: SITEMAP_CONTENT_TYPE },
  ];
}

/** The site's lists, from bounded data: the sessions with their counts, and the latest documents. */
export function siteObjects(site: SiteState, latest: readonly DocumentRecord[], siteUrl: string): SiteObject[] {
  return [
    { path: HOME_PAGE_PATH, body: renderHomePage(site.sessions, latest.slice(0, LATEST_ON_HOME)), contentType: HTML },
    { path: SITE_FEED_PATH, body: renderSiteFeed(latest, siteUrl), contentType: FEED_CONTENT_TYPE },
    { path: SITEMAP_INDEX_PATH, body: renderSitemapIndex(site.sessions, siteUrl), contentType: SITEMAP_CONTENT_TYPE },
    { path: SEARCH_INDEX_PATH, body: renderSearchIndex(site.sessions), contentType: JSON_CONTENT_TYPE },
  ];
}
