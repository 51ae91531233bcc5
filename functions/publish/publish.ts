import type { DocumentRecord } from '#shared/domain/document';
import { InvalidTransition } from '#shared/domain/errors';
import { isoDateIn } from '#shared/domain/dates';
import type { Files } from '#shared/adapters/files';
import { publishedFilePath } from '#shared/adapters/files';
import { body as bodyOf } from '#shared/domain/registry';
import type { Clock, DocumentStore, SiteStateStore, SubmissionStore } from '#shared/adapters/store';
import { parseSymbol } from '#shared/domain/symbols';
import { fileTags } from '#shared/domain/translation-status';
import { relatedDocuments, relatedSymbols } from './related';
import { documentPages } from './site-objects';

/** What Publish uses: the submission, the document records, the session's and site's state, the store's clock. */
export type PublishStore = Pick<SubmissionStore, 'mustGetSubmission'>
  & Pick<DocumentStore, 'getDocuments' | 'putDocument'>
  & Pick<SiteStateStore, 'addToSession' | 'addToLatest' | 'addToSite' | 'sessionState'>
  & Clock;

export type PublishDeps = { store: PublishStore; files: Pick<Files, 'publishFile' | 'putPage'>; siteUrl: string };

/** What Publish hands to RenderLists: the versions of the session and of the site that include this publication. */
export interface Published {
  submissionId: string;
  symbol: string;
  sessionVersion: number;
  siteVersion: number;
}

/**
 * Publishes a tagged submission's own part: its files, copied to the site as receive verified
 * them, its document record and its own pages; then it is announced to its session and to the
 * site (their versions move on), whose lists the one list writer of each renders (RenderLists,
 * functions/render-lists), which also makes it PUBLISHED. Nothing links to its pages until then.
 * Every write can be repeated, so a retry or a second run after a crash at any point ends in the
 * same site (a re-run announces it again, which only costs one more render).
 */
export async function publish(submissionId: string, deps: PublishDeps): Promise<Published> {
  const { store, files } = deps;
  const record = await store.mustGetSubmission(submissionId);
  // A second execution for a submission another already published (steps are idempotent): nothing to do.
  if (record.status === 'PUBLISHED' && record.symbol) return { submissionId, symbol: record.symbol, sessionVersion: 0, siteVersion: 0 };
  if (record.status !== 'TAGGED' || !record.symbol || !record.jobNumbers || !record.translations || !record.receivedAt) {
    throw new InvalidTransition(`Submission ${submissionId} is ${record.status}; it cannot be published now`);
  }
  const s = record.submission;
  const b = bodyOf(s.body);
  if (!b) throw new RangeError(`Body ${s.body} is not in the registry`);
  const symbol = record.symbol;
  const [existing] = await store.getDocuments([symbol]);

  // The verified copies, each re-checked as it is copied (VerifiedFileMismatch ends the submission
  // FAILED); one at a time, since each passes through memory.
  const published = s.files.map((f) => ({ file: f, path: publishedFilePath(symbol, f) }));
  for (const { file, path } of published) await files.publishFile(file, path, fileTags(symbol, file, record.translations));

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

  // Its own pages, linked to the documents of its session already published that it belongs to or
  // that belong to it (found by symbol, so only those are read). Their pages, and its own again,
  // are rewritten by the session's next render, which sees every one published by then.
  const { symbols } = await store.sessionState(s.body, s.session);
  const related = relatedDocuments(document, await store.getDocuments(relatedSymbols(symbol, symbols)));
  await Promise.all(documentPages(document, related).map((o) => files.putPage(o.path, o.body, o.contentType)));

  // The announcements, each after what it announces (see functions/render-lists/render-lists.ts).
  const session = await store.addToSession(s.body, s.session, [symbol]);
  await store.addToLatest([document]);
  const site = await store.addToSite(s.body, s.session, session.documents);
  return { submissionId, symbol, sessionVersion: session.version, siteVersion: site.version };
}
