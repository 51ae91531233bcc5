import type { DocumentRecord } from '../shared/domain/document';
import { body as bodyOf, sessionTitle, type BodyConfig } from '../shared/domain/registry';
import { sessionPagePath } from './site';

/** Where a session's files live and how site keys become links, for the feeds, sitemaps and data files. */

const INDEX_PAGE = 'index.html';

export function requireBody(code: string): BodyConfig {
  const b = bodyOf(code);
  if (!b) throw new RangeError(`Unknown body ${code}`);
  return b;
}

/** `HRC`, 47 → `A/HRC/47/`: the folder of the session's page, where its other files go too. */
export function sessionFolder(body: string, session: number): string {
  return sessionPagePath(body, session).slice(0, -INDEX_PAGE.length);
}

/** `Human Rights Council — Forty-seventh session` */
export function sessionLabel(body: string, session: number): string {
  return `${requireBody(body).name.en ?? body} — ${sessionTitle(session)}`;
}

/**
 * A site key as a link from the site root: `A/HRC/47/G/10/index.html` → `/A/HRC/47/G/10/`, each
 * segment percent-encoded so that no key can make a link leave the site.
 */
export function rootRelative(key: string): string {
  const path = key.endsWith(`/${INDEX_PAGE}`) || key === INDEX_PAGE ? key.slice(0, -INDEX_PAGE.length) : key;
  return `/${path.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`;
}

/** The absolute URL of a site key, for feeds and sitemaps (which must carry absolute URLs). */
export function absolute(siteUrl: string, key: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${rootRelative(key)}`;
}

/** What was last changed in a document: when it was published (later, when a translation was added). */
export function updatedAt(d: DocumentRecord): string {
  return d.publishedAt;
}

/** Agenda item, then series and number: the order of the session's page, its catalogue and the API. */
export function byAgendaItemThenIssue(a: DocumentRecord, b: DocumentRecord): number {
  return a.agendaItem - b.agendaItem || (a.series < b.series ? -1 : a.series > b.series ? 1 : 0) || a.number - b.number
    || (a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0);
}

/** Most recently updated first (ties by symbol, so the order never depends on the store's). */
export function byLatest(a: DocumentRecord, b: DocumentRecord): number {
  const ua = updatedAt(a);
  const ub = updatedAt(b);
  return ua < ub ? 1 : ua > ub ? -1 : a.symbol < b.symbol ? -1 : a.symbol > b.symbol ? 1 : 0;
}

/** Session files are made from one session's documents only. */
export function requireSession(body: string, session: number, documents: readonly DocumentRecord[]): void {
  const stray = documents.find((d) => d.body !== body || d.session !== session);
  if (stray) throw new RangeError(`${stray.symbol} is not a document of ${body} session ${session}`);
}
