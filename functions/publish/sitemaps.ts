import type { DocumentRecord } from '#shared/domain/document';
import { absolute } from '#shared/domain/site-paths';
import { byAgendaItemThenIssue, updatedAt } from './order';
import { requireSession, sessionPagePath, sessionSitemapPath } from './sessions';
import { el, xmlDocument } from './xml';

/**
 * Sitemaps (sitemaps.org 0.9): `sitemap.xml` is an index of one sitemap per session, so it changes
 * only when a session first appears, and publishing a document rewrites only its session's sitemap.
 */

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';
const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export function renderSitemapIndex(sessions: readonly { body: string; session: number }[], siteUrl: string): string {
  const ordered = [...sessions].sort((a, b) => (a.body < b.body ? -1 : a.body > b.body ? 1 : a.session - b.session));
  return xmlDocument(el('sitemapindex', { xmlns: SITEMAP },
    ordered.map((s) => el('sitemap', {}, el('loc', {}, absolute(siteUrl, sessionSitemapPath(s.body, s.session)))))));
}

/**
 * The session's page and every page of each of its documents (`pagesOf` gives a document's page
 * keys: the same list publish writes, so a new kind of page is listed as soon as it is written).
 */
export function renderSessionSitemap(
  body: string, session: number, documents: readonly DocumentRecord[], siteUrl: string,
  pagesOf: (d: DocumentRecord) => readonly string[],
): string {
  requireSession(body, session, documents);
  const ordered = [...documents].sort(byAgendaItemThenIssue);
  const latest = ordered.map(updatedAt).sort().at(-1);
  const url = (key: string, lastmod: string | undefined) => el('url', {}, el('loc', {}, absolute(siteUrl, key)), lastmod && el('lastmod', {}, lastmod));
  return xmlDocument(el('urlset', { xmlns: SITEMAP },
    url(sessionPagePath(body, session), latest),
    ordered.flatMap((d) => pagesOf(d).map((key) => url(key, updatedAt(d))))));
}
