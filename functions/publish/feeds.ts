import { titleIn, type DocumentRecord } from '#shared/domain/document';
import { LANGUAGES, type Language } from '#shared/domain/languages';
import { formatDate } from '#shared/domain/dates';
import { agendaItemTitle } from '#shared/domain/registry';
import { HOME_PAGE_PATH, SITE_FEED_PATH, absolute, documentLanguagePath, documentPath } from '#shared/domain/site-paths';
import { lineageOf } from '#shared/domain/lineage';
import { FINAL_KINDS } from '#shared/domain/symbols';
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

/**
 * What a feed announces: a document's publication, a language version of it issued later
 * ("French version issued"), or a version reissued for technical reasons ("French version
 * reissued for technical reasons"), each an entry of its own at its own time.
 */
interface Issue {
  document: DocumentRecord;
  /** The language version issued later, or reissued; none for the document's publication. */
  version?: Language;
  /** A version's first issue after the original, or its reissue for technical reasons (the last one). */
  kind?: 'issued' | 'reissued';
  at: string;
}

/** A document's publication, each language version issued since, and each version reissued (its last reissue). */
function issuesOf(d: DocumentRecord): Issue[] {
  const later = Object.entries(d.issued ?? {}).map(([lang, i]): Issue => ({ document: d, version: lang as Language, kind: 'issued', at: i.at }));
  const reissues = Object.entries(d.reissued ?? {}).map(([lang, r]): Issue => ({ document: d, version: lang as Language, kind: 'reissued', at: r.at }));
  return [{ document: d, at: d.publishedAt }, ...later, ...reissues];
}

const latestFirst = (a: Issue, b: Issue) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)
  || a.document.symbol.localeCompare(b.document.symbol) || (a.version ?? '').localeCompare(b.version ?? '')
  || (a.kind ?? '').localeCompare(b.kind ?? '');

/** What an entry of a version says it is: "French version issued", "French version reissued for technical reasons". */
function versionEvent(version: Language, kind: 'issued' | 'reissued'): string {
  return `${LANGUAGES[version].name} version ${kind === 'issued' ? 'issued' : 'reissued for technical reasons'}`;
}

/**
 * An entry's id: the URL of the page it announces, and for a reissue that URL with the reissue's
 * submission (`…/fr/#reissued-<submissionId>`), so that it differs from the version's first issue
 * and stays the same at every render, and a later reissue of the version is a new entry.
 */
function entryId(d: DocumentRecord, url: string, version: Language | undefined, kind: Issue['kind']): string {
  const reissue = version && kind === 'reissued' ? d.reissued?.[version] : undefined;
  return reissue ? `${url}#reissued-${reissue.submissionId}` : url;
}

function entry({ document: d, version, kind = 'issued', at }: Issue, siteUrl: string) {
  const url = absolute(siteUrl, version ? documentLanguagePath(d.symbol, version) : documentPath(d.symbol));
  const title = titleIn(d, version ?? d.originalLanguage);
  const lang = title.lang === 'en' ? undefined : title.lang;
  const event = version && versionEvent(version, kind);
  return el('entry', {},
    el('id', {}, entryId(d, url, version, kind)),
    el('title', { 'xml:lang': lang }, event ? `${d.symbol} — ${event}: ${title.text}` : `${d.symbol} — ${title.text}`),
    ...lineage(d, siteUrl),
    el('updated', {}, at),
    el('published', {}, at),
    el('link', { rel: 'alternate', type: 'text/html', href: url, hreflang: version }),
    el('author', {}, el('name', { 'xml:lang': d.originalLanguage === 'en' ? undefined : d.originalLanguage }, d.sender)),
    el('category', { term: `agenda-item-${d.agendaItem}`, label: agendaItem(d) }),
    event && el('category', { term: `${kind === 'issued' ? 'version' : 'reissue'}-${version}`, label: event }),
    el('summary', {}, event ? `${event}. ${summary(d)}` : summary(d)));
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
  const entries = f.documents.flatMap(issuesOf).sort(latestFirst).slice(0, FEED_ENTRIES);
  return xmlDocument(el('feed', { xmlns: ATOM, 'xml:lang': 'en' },
    el('id', {}, self),
    el('title', {}, f.title),
    el('updated', {}, entries[0]?.at ?? NEVER),
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
