import type { DocumentRecord, PublishedFile } from '#shared/domain/document';
import { InvalidTransition } from '#shared/domain/errors';
import type { Files } from '#shared/adapters/files';
import { publishedFilePath } from '#shared/adapters/files';
import type { Derived } from '#shared/adapters/texts';
import type { Clock, DocumentStore, SiteStateStore, SubmissionStore } from '#shared/adapters/store';
import { issuedPdfPath } from '#shared/domain/site-paths';
import { fileTags, issuedPdfTags } from '#shared/domain/translation-status';
import type { SubmissionRecord } from '#shared/domain/schemas';
import type { ExtractedText } from '#shared/text/extract';
import { documentOf } from './document-record';
import { relatedDocuments, relatedSymbols } from './related';
import { documentPages } from './site-objects';

/** What Publish uses: the submission, the document records, the session's and site's state, the store's clock. */
export type PublishStore = Pick<SubmissionStore, 'mustGetSubmission'>
  & Pick<DocumentStore, 'getDocuments' | 'putDocument'>
  & Pick<SiteStateStore, 'addToSession' | 'addToLatest' | 'addToSite' | 'sessionState'>
  & Clock;

export type PublishDeps = {
  store: PublishStore;
  files: Pick<Files, 'publishFile' | 'putPage'>;
  derived: Pick<Derived, 'publishText' | 'publishStagedPdf'>;
  siteUrl: string;
};

/** What Publish hands to RenderLists: the versions of the session and of the site that include this publication. */
export interface Published {
  submissionId: string;
  symbol: string;
  sessionVersion: number;
  siteVersion: number;
}

/** What the record says of a file's text: whether it has one, a PDF's pages, its length. */
export const textSummary = (t: ExtractedText): NonNullable<PublishedFile['text']> => ({
  textLayer: t.textLayer, ...(t.pages ? { pages: t.pages } : {}), characters: t.paragraphs.reduce((n, p) => n + p.length, 0),
});

/**
 * Copies a version's files' texts beside the published files, tagged as the files are: answers
 * each text (for the pages) and what the record says of it, by the file's published path.
 */
export async function publishTexts(
  derived: Pick<Derived, 'publishText'>, symbol: string, record: SubmissionRecord, table: NonNullable<SubmissionRecord['translations']>,
): Promise<{ texts: Map<string, ExtractedText>; summaries: Map<string, NonNullable<PublishedFile['text']>> }> {
  const texts = new Map<string, ExtractedText>();
  const summaries = new Map<string, NonNullable<PublishedFile['text']>>();
  for (const file of record.submission.files) {
    const path = publishedFilePath(symbol, file);
    const text = await derived.publishText(file, path, fileTags(symbol, file, table));
    if (!text) continue;
    texts.set(path, text);
    summaries.set(path, textSummary(text));
  }
  return { texts, summaries };
}

/**
 * Publishes a tagged submission's own part: its files, copied to the site as receive verified
 * them, with their texts beside them, its original's issued PDF (as Typeset made it), its document
 * record and its own pages; then it is announced to its session and to the site (their versions
 * move on), whose lists the one list writer of each renders (RenderLists, functions/render-lists),
 * which also makes it PUBLISHED. Nothing links to its pages until then. Every write can be
 * repeated, so a retry or a second run after a crash at any point ends in the same site (a re-run
 * announces it again, which only costs one more render).
 */
export async function publish(submissionId: string, deps: PublishDeps): Promise<Published> {
  const { store, files, derived } = deps;
  const record = await store.mustGetSubmission(submissionId);
  // A second execution for a submission another already published (steps are idempotent): nothing to do.
  if (record.status === 'PUBLISHED' && record.symbol) return { submissionId, symbol: record.symbol, sessionVersion: 0, siteVersion: 0 };
  if (record.status !== 'TAGGED' || !record.symbol || !record.jobNumbers || !record.translations || !record.receivedAt) {
    throw new InvalidTransition(`Submission ${submissionId} is ${record.status}; it cannot be published now`);
  }
  const s = record.submission;
  const symbol = record.symbol;
  const [existing] = await store.getDocuments([symbol]);

  // The verified copies, each re-checked as it is copied (VerifiedFileMismatch ends the submission
  // FAILED); one at a time, since each passes through memory.
  for (const file of s.files) await files.publishFile(file, publishedFilePath(symbol, file), fileTags(symbol, file, record.translations));
  const { texts, summaries } = await publishTexts(derived, symbol, record, record.translations);
  const lang = s.originalLanguage;
  const pdf = await derived.publishStagedPdf(submissionId, lang, issuedPdfPath(symbol, lang), issuedPdfTags(symbol, lang, lang));

  const document: DocumentRecord = documentOf(record, existing, store.now(), { texts: summaries, pdfs: pdf ? { [lang]: pdf } : undefined });
  await store.putDocument(document);

  // Its own pages, linked to the documents of its session already published that it belongs to or
  // that belong to it (found by symbol, so only those are read). Their pages, and its own again,
  // are rewritten by the session's next render, which sees every one published by then.
  const { symbols } = await store.sessionState(s.body, s.session);
  const related = relatedDocuments(document, await store.getDocuments(relatedSymbols(symbol, symbols)));
  await Promise.all(documentPages(document, related, texts).map((o) => files.putPage(o.path, o.body, o.contentType)));

  // The announcements, each after what it announces (see functions/render-lists/render-lists.ts).
  const session = await store.addToSession(s.body, s.session, [symbol]);
  await store.addToLatest([document]);
  const site = await store.addToSite(s.body, s.session, session.documents);
  return { submissionId, symbol, sessionVersion: session.version, siteVersion: site.version };
}
