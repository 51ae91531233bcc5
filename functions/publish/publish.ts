import type { DocumentRecord } from '#shared/domain/document';
import { DomainError, InvalidTransition } from '#shared/domain/errors';
import { isoDateIn } from '#shared/domain/dates';
import type { Files } from '#shared/adapters/files';
import { publishedFilePath } from '#shared/adapters/files';
import { body as bodyOf } from '#shared/domain/registry';
import type { Clock, DocumentStore, SiteState, SiteStateStore, SubmissionStore } from '#shared/adapters/store';
import { LANGUAGE_CODES } from '#shared/domain/languages';
import { parseSymbol } from '#shared/domain/symbols';
import {
  HOME_PAGE_PATH, NOT_FOUND_PATH, SEARCH_INDEX_PATH, SEARCH_PAGE_PATH, SITEMAP_INDEX_PATH, SITE_FEED_PATH, STYLESHEET_PATH,
  documentLanguagePagePath, documentPagePath, documentPath,
} from '#shared/domain/site-paths';
import { renderSessionCatalogue } from './catalogue';
import { FEED_CONTENT_TYPE, FEED_ENTRIES, renderSessionFeed, renderSiteFeed } from './feeds';
import { JSON_CONTENT_TYPE, renderSearchIndex, renderSearchShard } from './search-index';
import { SITE_CSS } from './site-css';
import { renderDocumentPage } from './pages/document';
import { renderLanguagePage } from './pages/document-language';
import { renderHomePage } from './pages/home';
import { renderNotFoundPage } from './pages/not-found';
import { renderSearchPage } from './pages/search';
import { renderSessionPage } from './pages/session';
import { relatedDocuments, touchedByPublication, type RelatedDocument } from './related';
import { searchShardPath, sessionCataloguePath, sessionFeedPath, sessionPagePath, sessionSitemapPath } from './sessions';
import { SITEMAP_CONTENT_TYPE, renderSessionSitemap, renderSitemapIndex } from './sitemaps';

const LATEST_ON_HOME = 10;
const HTML = 'text/html; charset=utf-8';
/** Far more renders than concurrent publications ever cause; past it, something keeps moving the version. */
const MAX_RENDERS = 25;

/** An object of the site: its key, its bytes, its type. */
export interface SiteObject {
  path: string;
  body: string;
  contentType: string;
}

/** What Publish uses: the submission, the document records, the session's and site's state, the store's clock. */
export type PublishStore = Pick<SubmissionStore, 'mustGetSubmission' | 'transition'>
  & Pick<DocumentStore, 'getDocuments' | 'putDocument'>
  & Pick<SiteStateStore, 'addToSession' | 'addToLatest' | 'addToSite' | 'sessionState' | 'siteState' | 'latestDocuments' | 'markIndexed'>
  & Clock;

export type PublishDeps = { store: PublishStore; files: Pick<Files, 'publishFile' | 'putPage'>; siteUrl: string };

/** The session's or site's version kept moving while its files were rewritten, more times than concurrency explains. */
export class PublishContention extends DomainError {
  override name = 'PublishContention';
  override readonly code = 'PublishContention';
}

/**
 * Every page a document has: the page of all its versions, and one per language (each links to
 * the other five). The session's sitemap lists the same keys, so a page added here is both
 * written and listed.
 */
export function documentPages(d: DocumentRecord, related: readonly RelatedDocument[] = []): SiteObject[] {
  return [
    { path: documentPagePath(d.symbol), body: renderDocumentPage(d, related), contentType: HTML },
    ...LANGUAGE_CODES.map((lang) => ({ path: documentLanguagePagePath(d.symbol, lang), body: renderLanguagePage(d, lang, related), contentType: HTML })),
  ];
}

/** Pages and files that are the same whatever is published; written each time so a new release reaches the site. */
function staticObjects(): SiteObject[] {
  return [
    { path: STYLESHEET_PATH, body: SITE_CSS, contentType: 'text/css; charset=utf-8' },
    { path: NOT_FOUND_PATH, body: renderNotFoundPage(), contentType: HTML },
    { path: SEARCH_PAGE_PATH, body: renderSearchPage(), contentType: HTML },
  ];
}

const pageKeys = (d: DocumentRecord) => documentPages(d).map((p) => p.path);

/**
 * What a publication in a session rewrites there: each is made from the session's documents only.
 * The published document's pages are among them, with the pages of the documents it is linked to
 * (the document it corrects, its own corrigenda…), so their links to each other are never stale.
 */
function sessionObjects(symbol: string, body: string, session: number, documents: readonly DocumentRecord[], siteUrl: string): SiteObject[] {
  return [
    ...touchedByPublication({ symbol }, documents).flatMap((d) => documentPages(d, relatedDocuments(d, documents))),
    { path: sessionPagePath(body, session), body: renderSessionPage(body, session, [...documents]), contentType: HTML },
    { path: sessionCataloguePath(body, session), body: renderSessionCatalogue(body, session, documents, siteUrl), contentType: JSON_CONTENT_TYPE },
    { path: sessionFeedPath(body, session), body: renderSessionFeed(body, session, documents, siteUrl), contentType: FEED_CONTENT_TYPE },
    { path: searchShardPath(body, session), body: renderSearchShard(body, session, documents), contentType: JSON_CONTENT_TYPE },
    { path: sessionSitemapPath(body, session), body: renderSessionSitemap(body, session, documents, siteUrl, pageKeys), contentType: SITEMAP_CONTENT_TYPE },
  ];
}

/**
 * What a publication rewrites site-wide, from bounded data: the sessions with their counts and
 * the latest documents. The indexes of sessions (sitemap index, search index) only when asked:
 * they change only when a session first appears.
 */
function siteObjects(site: SiteState, latest: readonly DocumentRecord[], siteUrl: string, indexes: boolean): SiteObject[] {
  return [
    { path: HOME_PAGE_PATH, body: renderHomePage(site.sessions, latest.slice(0, LATEST_ON_HOME)), contentType: HTML },
    { path: SITE_FEED_PATH, body: renderSiteFeed(latest, siteUrl), contentType: FEED_CONTENT_TYPE },
    ...(indexes ? [
      { path: SITEMAP_INDEX_PATH, body: renderSitemapIndex(site.sessions, siteUrl), contentType: SITEMAP_CONTENT_TYPE },
      { path: SEARCH_INDEX_PATH, body: renderSearchIndex(site.sessions), contentType: JSON_CONTENT_TYPE },
    ] : []),
  ];
}

/**
 * Renders and writes a group of objects (a session's, or the site's) until the render is known
 * to be fresh. Every change to what the group shows is written to the store *before* a single
 * update that moves the group's version on (document record, then `ADD version 1`), and whoever
 * moves the version then comes here. Here: read version v, read the data (after v, strongly
 * consistent), render, write, read the version again; if it is still v, stop, else go round.
 *
 * Why nothing is lost: take the last write W of an object, made in a round that read v at t0 and
 * v again at t3 after W. That round saw every change whose version move came before t0, since its
 * data were read after t0; no move came between t0 and t3, or v would have changed. A change
 * whose move came after t3 belongs to a publication that writes the object after its move, so
 * after W: then W would not be the last write. A round that saw the version move goes round
 * again, so a stale render is never a publication's last word. A crash anywhere is retried from the
 * top, which moves the version again: harmless, it only causes a render. The argument needs
 * reads that see every earlier write, which a GSI query does not promise in AWS: hence a session's
 * documents come from its item's set of symbols (BatchGet, consistent) and the latest documents
 * from a partition of the table, not from the indexes.
 */
async function writeUntilSettled<S extends { version: number }>(
  files: PublishDeps['files'], read: () => Promise<S>, render: (state: S) => Promise<SiteObject[]>,
): Promise<void> {
  let state = await read();
  for (let round = 0; round < MAX_RENDERS; round++) {
    const objects = await render(state);
    await Promise.all(objects.map((o) => files.putPage(o.path, o.body, o.contentType)));
    const after = await read();
    if (after.version === state.version) return;
    state = after;
  }
  throw new PublishContention(`The version kept moving over ${MAX_RENDERS} renders; retry`);
}

/**
 * Publishes a tagged submission: its files are copied to the site as receive verified them, its document
 * record is written, then what it touches is rewritten — its own pages, its session's page,
 * catalogue, feed, search shard and sitemap, the site's feed and home page (and the site's
 * indexes when its session is new) — never the whole site. Every write can be repeated, so a
 * retry or a second run after a crash at any point ends in the same site.
 */
export async function publish(submissionId: string, deps: PublishDeps) {
  const { store, files, siteUrl } = deps;
  const record = await store.mustGetSubmission(submissionId);
  if (!record.symbol || !record.jobNumbers || !record.translations || !record.receivedAt) {
    throw new InvalidTransition(`Submission ${submissionId} is ${record.status}; it cannot be published yet`);
  }
  const s = record.submission;
  const b = bodyOf(s.body);
  if (!b) throw new RangeError(`Body ${s.body} is not in the registry`);
  const symbol = record.symbol;
  const [existing] = await store.getDocuments([symbol]);

  // The verified copies, each re-checked as it is copied (VerifiedFileMismatch ends the submission
  // FAILED); one at a time, since each passes through memory.
  const published = s.files.map((f) => ({ file: f, path: publishedFilePath(symbol, f) }));
  for (const { file, path } of published) await files.publishFile(file, path);

  const document: DocumentRecord = {
    symbol,
    submissionId,
    body: s.body,
    session: s.session,
    agendaItem: s.agendaItem,
    series: s.series,
    // The document's number in its series (10 in A/HRC/47/G/10 and in A/HRC/47/G/10/Corr.1).
    number: parseSymbol(symbol).number,
    kind: s.kind,
    title: s.title,
    sender: s.sender,
    addressee: s.addressee,
    dated: s.dated,
    originalLanguage: s.originalLanguage,
    mastheadDate: isoDateIn(b.timeZone, new Date(record.receivedAt)),
    distribution: 'General',
    translations: record.translations,
    jobNumbers: record.jobNumbers,
    files: published.map(({ file, path }) => ({
      part: file.part, language: file.language, name: file.name, contentType: file.contentType,
      size: file.size, sha256: file.sha256, path,
    })),
    // A re-run keeps the first publication's time, so feeds and pages do not change under it.
    publishedAt: existing?.publishedAt ?? store.now(),
  };
  await store.putDocument(document);

  // The changes, each before the version move that announces it (see writeUntilSettled).
  const { documents } = await store.addToSession(s.body, s.session, [symbol]);
  await store.addToLatest([document]);
  await store.addToSite(s.body, s.session, documents);

  let indexes: boolean | undefined;
  await Promise.all([
    writeUntilSettled(files, () => store.sessionState(s.body, s.session), async ({ symbols }) =>
      sessionObjects(symbol, s.body, s.session, await store.getDocuments(symbols), siteUrl)),
    writeUntilSettled(files, () => store.siteState(), async (site) => {
      // The indexes change only when a session is added, which moves the site's version like any
      // change; the publications of a session not yet marked indexed write them, so one always
      // does after the move (the first, or a later one that finds it unmarked). Decided once: a
      // publication that has written them keeps writing them until its render settles.
      indexes ??= !site.indexed.some((i) => i.body === s.body && i.session === s.session);
      return siteObjects(site, await store.latestDocuments(FEED_ENTRIES), siteUrl, indexes);
    }),
  ]);
  // Only once the indexes are known to list the session: a crash before this rewrites them on retry.
  if (indexes) await store.markIndexed(s.body, s.session);

  await Promise.all(staticObjects().map((o) => files.putPage(o.path, o.body, o.contentType)));

  const url = `${siteUrl}/${documentPath(symbol)}`;
  await store.transition(submissionId, 'PUBLISHED', { from: ['TAGGED'], detail: url, set: { url } });
  return { submissionId, symbol, url };
}
