import type { DocumentRecord } from '../shared/document';
import { InvalidTransition } from '../shared/errors';
import { isoDateIn } from '../shared/dates';
import type { Files } from '../shared/files';
import { publishedFilePath } from '../shared/files';
import { body as bodyOf } from '../shared/registry';
import type { Store } from '../shared/store';
import { documentPath } from '../shared/symbols';
import { SITE_CSS } from './site-css';
import {
  HOME_PAGE_PATH, NOT_FOUND_PATH, STYLESHEET_PATH, documentPagePath, renderDocumentPage, renderHomePage,
  renderNotFoundPage, renderSessionPage, sessionPagePath,
} from './site';

const LATEST_ON_HOME = 10;

/**
 * Publishes a tagged submission: its files are copied to the site as received, its document
 * record is written, then its page, its session's page and the home page. Every write replaces
 * the same object or item with the same content, so a retry or a second run changes nothing.
 */
export async function publish(submissionId: string, deps: { store: Store; files: Files; siteUrl: string }) {
  const { store, files } = deps;
  const record = await store.mustGetSubmission(submissionId);
  if (!record.symbol || !record.jobNumbers || !record.translations || !record.receivedAt) {
    throw new InvalidTransition(`Submission ${submissionId} is ${record.status}; it cannot be published yet`);
  }
  const s = record.submission;
  const b = bodyOf(s.body);
  if (!b) throw new RangeError(`Body ${s.body} is not in the registry`);
  const symbol = record.symbol;
  const existing = await store.getDocument(symbol);

  const published = s.files.map((f) => ({ file: f, path: publishedFilePath(symbol, f) }));
  await Promise.all(published.map(({ file, path }) => files.publishFile(file, path)));

  const document: DocumentRecord = {
    symbol,
    submissionId,
    body: s.body,
    session: s.session,
    agendaItem: s.agendaItem,
    series: s.series,
    number: Number(symbol.split('/').pop()),
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
  await store.addPublishedSession(s.body, s.session);

  await files.putPage(documentPagePath(symbol), renderDocumentPage(document));
  const sessionDocuments = await store.listSessionDocuments(s.body, s.session);
  await files.putPage(sessionPagePath(s.body, s.session), renderSessionPage(s.body, s.session, sessionDocuments));
  await writeHomePage(store, files);
  await files.putPage(STYLESHEET_PATH, SITE_CSS, 'text/css; charset=utf-8');
  await files.putPage(NOT_FOUND_PATH, renderNotFoundPage());

  const url = `${deps.siteUrl}/${documentPath(symbol)}`;
  await store.transition(submissionId, 'PUBLISHED', { from: ['TAGGED'], detail: url, set: { url } });
  return { submissionId, symbol, url };
}

async function writeHomePage(store: Store, files: Files): Promise<void> {
  const sessions = await store.publishedSessions();
  const bySession = await Promise.all(sessions.map(async (s) => ({ ...s, list: await store.listSessionDocuments(s.body, s.session) })));
  const latest = bySession.flatMap((s) => s.list).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).slice(0, LATEST_ON_HOME);
  await files.putPage(HOME_PAGE_PATH, renderHomePage(bySession.map((s) => ({ body: s.body, session: s.session, documents: s.list.length })), latest));
}
