import type { DocumentRecord } from '#shared/domain/document';
import { formatDate } from '#shared/domain/dates';
import { agendaItemTitle } from '#shared/domain/registry';
import { HOME_PAGE_PATH, SITE_FEED_PATH, absolute, documentPath } from '#shared/domain/site-paths';
import { lineageOf } from '#shared/domain/lineage';
import { FINAL_KINDS } from '#shared/domain/symbols';
import { byLatest, updatedAt } from './order';
import { SITE_NAME } from './pages/layout';
import { requireBody, requireSession, sessionFeedPath, sessionLabel, sessionPagePath } from './sessions';
import { el, xmlDocument } from './xml';

/** Atom feeds (RFC 4287) of new and updated documents: the whole site's, and each session's. */

export const FEED_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';
/** Entries per feed: readers poll often; older documents are on the pages and in the catalogues. */
export const FEED_ENTRIES = 50;
const PUBLISHER = 'Secretariat of the Human Rights Council';
/** An empty feed still needs `updated`; only ever seen before anything is published. */
const NEVER = '1970-01-01T00:00:00.000Z';
const ATOM = 'http://www.w3.org/2005/Atom';

function agendaItem(d: DocumentRecord): string {
  const title = agendaItemTitle(requireBody(d.body), d.agendaItem);
  return `Agenda item ${d.agendaItem}${title ? `: ${title}` : ''}`;
}

/** Sender, date of the note and agenda item, as plain text (escaped by the XML writer). */
function summary(d: DocumentRecord): string {
  return `Sender: ${d.sender}. Dated: ${formatDate(d.dated)}. ${agendaItem(d)}.`;
}

/** A corrigendum, revision or addendum says so and links its document: a category (`corrigendum`), and `rel="related"`. */
function lineage(d: DocumentRecord, siteUrl: string) {
  const l = lineageOf(d.symbol);
  if (!l) return [];
  const what = FINAL_KINDS[l.kind];
  return [
    el('category', { term: what, label: `${what[0]!.toUpperCase()}${what.slice(1)} of ${l.parent}` }),
    el('link', { rel: 'related', type: 'text/html', href: absolute(siteUrl, documentPath(l.parent)), title: l.parent }),
  ];
}

function entry(d: DocumentRecord, siteUrl: string) {
  const url = absolute(siteUrl, documentPath(d.symbol));
  const lang = d.originalLanguage === 'en' ? undefined : d.originalLanguage;
  return el('entry', {},
    el('id', {}, url),
    el('title', { 'xml:lang': lang }, `${d.symbol} — ${d.title}`),
    ...lineage(d, siteUrl),
    el('updated', {}, updatedAt(d)),
    el('published', {}, d.publishedAt),
    el('link', { rel: 'alternate', type: 'text/html', href: url }),
    el('author', {}, el('name', { 'xml:lang': lang }, d.sender)),
    el('category', { term: `agenda-item-${d.agendaItem}`, label: agendaItem(d) }),
    el('summary', {}, summary(d)));
}

interface Feed {
  /** The feed's own key on the site: its URL is also its id. */
  path: string;
  /** The page the feed follows. */
  pagePath: string;
  title: string;
  documents: readonly DocumentRecord[];
}

function renderFeed(f: Feed, siteUrl: string): string {
  const self = absolute(siteUrl, f.path);
  const entries = [...f.documents].sort(byLatest).slice(0, FEED_ENTRIES);
  return xmlDocument(el('feed', { xmlns: ATOM, 'xml:lang': 'en' },
    el('id', {}, self),
    el('title', {}, f.title),
    el('updated', {}, entries[0] ? updatedAt(entries[0]) : NEVER),
    el('link', { rel: 'self', type: 'application/atom+xml', href: self }),
    el('link', { rel: 'alternate', type: 'text/html', href: absolute(siteUrl, f.pagePath) }),
    el('author', {}, el('name', {}, PUBLISHER)),
    entries.map((d) => entry(d, siteUrl))));
}

/** The latest documents of the whole site (the caller passes the latest few, not all). */
export function renderSiteFeed(latest: readonly DocumentRecord[], siteUrl: string): string {
  return renderFeed({ path: SITE_FEED_PATH, pagePath: HOME_PAGE_PATH, title: SITE_NAME, documents: latest }, siteUrl);
}

export function renderSessionFeed(body: string, session: number, documents: readonly DocumentRecord[], siteUrl: string): string {
  requireSession(body, session, documents);
  return renderFeed({
    path: sessionFeedPath(body, session), pagePath: sessionPagePath(body, session),
    title: sessionLabel(body, session), documents,
  }, siteUrl);
}
