import type { Files } from '#shared/adapters/files';
import { publishedFilePath } from '#shared/adapters/files';
import type { Clock, DocumentStore, SiteStateStore, SubmissionStore } from '#shared/adapters/store';
import type { DocumentRecord, IssuedPdf, PublishedFile } from '#shared/domain/document';
import { publishedTexts, type Derived } from '#shared/adapters/texts';
import { issuedPdfPath } from '#shared/domain/site-paths';
import { InvalidTransition, NotFound } from '#shared/domain/errors';
import { reissuedJobNumber } from '#shared/domain/job-numbers';
import { LANGUAGES, type Language } from '#shared/domain/languages';
import type { SubmissionRecord, TranslationOf } from '#shared/domain/schemas';
import { fileTags, issuedPdfTags, partsInOrder, withTranslated } from '#shared/domain/translation-status';
import type { Published } from '../publish/publish';
import { relatedDocuments, relatedSymbols } from '../publish/related';
import { documentPages } from '../publish/site-objects';
import { publishTexts } from '../publish/publish';

export type PublishTranslationStore = Pick<SubmissionStore, 'mustGetSubmission' | 'setTranslationStatuses'>
  & Pick<DocumentStore, 'getDocument' | 'getDocuments' | 'reviseDocument'>
  & Pick<SiteStateStore, 'addToSession' | 'addToLatest' | 'addToSite' | 'sessionState'>
  & Clock;

export interface PublishTranslationDeps {
  store: PublishTranslationStore;
  files: Pick<Files, 'publishFile' | 'putPage'>;
  derived: Pick<Derived, 'publishText' | 'publishedText' | 'publishStagedPdf'>;
}

/** What Publish adds to a version as it issues it: its files' texts (by published path) and its PDF. */
export interface VersionExtras {
  texts?: ReadonlyMap<string, NonNullable<PublishedFile['text']>>;
  pdf?: IssuedPdf;
}

/** Two changes of one document landing together are rare; this many in a row means something is wrong. */
const MAX_REVISIONS = 20;

type Translation = SubmissionRecord & { translation: NonNullable<SubmissionRecord['translation']> };

/** The document with the version's files beside the others: a file of the same part and language replaced. */
function withFiles(doc: DocumentRecord, t: Translation, extras: VersionExtras): DocumentRecord['files'] {
  const { language } = t.translation;
  const added = t.submission.files.map((f) => {
    const path = publishedFilePath(doc.symbol, f);
    const text = extras.texts?.get(path);
    return { part: f.part, language, name: f.name, contentType: f.contentType, size: f.size, sha256: f.sha256, path, ...(text ? { text } : {}) };
  });
  const replaced = new Set(added.map((f) => `${f.part}/${f.language}`));
  return [...doc.files.filter((f) => !replaced.has(`${f.part}/${f.language}`)), ...added];
}

/** The document's PDFs with the version's (a reissue's replaces the one before), when Typeset made one. */
const withPdf = (doc: DocumentRecord, language: Language, extras: VersionExtras) =>
  (extras.pdf ? { pdfs: { ...doc.pdfs, [language]: extras.pdf } } : {});

/**
 * The document with a reissued version: its files replaced, its job number marked reissued (the
 * form it had kept in `reissued`), its title if the reissue changes it, and when it was reissued
 * (by this reissue: a re-run keeps the first time and the form replaced).
 */
function withReissue(doc: DocumentRecord, t: Translation, at: string, extras: VersionExtras): DocumentRecord {
  const { language } = t.translation;
  const current = doc.jobNumbers[language];
  if (!current) throw new InvalidTransition(`${doc.symbol} has no ${language} job number to reissue`);
  const jobNumber = reissuedJobNumber(current);
  const reissued = doc.reissued?.[language]?.submissionId === t.id ? doc.reissued[language]
    : { at, submissionId: t.id, replaced: current };
  const title = t.submission.title;
  return {
    ...doc,
    files: withFiles(doc, t, extras),
    ...withPdf(doc, language, extras),
    jobNumbers: { ...doc.jobNumbers, [language]: jobNumber },
    ...(language === doc.originalLanguage ? { title } : { titles: { ...doc.titles, [language]: title } }),
    reissued: { ...doc.reissued, [language]: reissued },
  };
}

/**
 * The document with a language version in it. A translation: its files beside the others, its
 * parts `translated`, its title, and when it was issued (the first time: a re-run keeps it, so
 * feeds and pages do not change under it). A reissue: `withReissue`.
 */
export function withVersion(doc: DocumentRecord, t: Translation, at: string, extras: VersionExtras = {}): DocumentRecord {
  if (t.translation.kind === 'reissue') return withReissue(doc, t, at, extras);
  const { language } = t.translation;
  const issued = doc.issued?.[language]?.submissionId === t.id ? doc.issued[language] : { at, submissionId: t.id };
  return {
    ...doc,
    files: withFiles(doc, t, extras),
    ...withPdf(doc, language, extras),
    translations: withTranslated(doc.translations, partsInOrder(t.submission.files), language),
    titles: { ...doc.titles, [language]: t.submission.title },
    issued: { ...doc.issued, [language]: issued },
  };
}

/** Has the document already taken this version in (a re-run after the write)? */
const hasTaken = (doc: DocumentRecord, t: Translation) =>
  (t.translation.kind === 'reissue' ? doc.reissued : doc.issued)?.[t.translation.language]?.submissionId === t.id;

/** When the version was issued (or reissued), as the document records it. */
const issuedAt = (doc: DocumentRecord, t: TranslationOf) => (t.kind === 'reissue' ? doc.reissued : doc.issued)?.[t.language]?.at;

async function mustGetDocument(store: PublishTranslationStore, symbol: string): Promise<DocumentRecord> {
  const doc = await store.getDocument(symbol, true);
  if (!doc) throw new NotFound(`No document ${symbol}`);
  return doc;
}

/** Writes the version into the document over the revision read, reading again when another change landed first. */
async function reviseWith(t: Translation, deps: PublishTranslationDeps, extras: VersionExtras): Promise<DocumentRecord> {
  const at = deps.store.now();
  for (let i = 0; i < MAX_REVISIONS; i++) {
    const doc = await mustGetDocument(deps.store, t.translation.of);
    if (hasTaken(doc, t)) return doc;
    const next = withVersion(doc, t, at, extras);
    if (await deps.store.reviseDocument(next)) return { ...next, revision: (doc.revision ?? 0) + 1 };
  }
  throw new InvalidTransition(`${t.translation.of} kept changing: ${MAX_REVISIONS} changes landed while its ${LANGUAGES[t.translation.language].name} version was written; retry`);
}

/**
 * Writes the document's own pages from `doc`, then reads it again: if another change landed
 * meanwhile (another language arriving at once), its pages may have been written before these,
 * so they are written again from the newer record, until the record read after a write is the one
 * written. Whoever writes last read the latest record, so the pages end as the latest record says.
 */
async function writePages(doc: DocumentRecord, deps: PublishTranslationDeps): Promise<void> {
  let current = doc;
  for (let i = 0; i < MAX_REVISIONS; i++) {
    const { symbols } = await deps.store.sessionState(current.body, current.session);
    const related = relatedDocuments(current, await deps.store.getDocuments(relatedSymbols(current.symbol, symbols)));
    const texts = await publishedTexts(deps.derived, current.files);
    await Promise.all(documentPages(current, related, texts).map((o) => deps.files.putPage(o.path, o.body, o.contentType)));
    const after = await mustGetDocument(deps.store, current.symbol);
    if ((after.revision ?? 0) === (current.revision ?? 0)) return;
    current = after;
  }
}

/**
 * The translation path's Publish: a language version of a published document, arriving later.
 * Its files are copied from their verified copies to the site (tagged `translated`), the document
 * record takes the version in (files, status, title, when issued) over the revision it read, the
 * published submission's table says the same, the document's pages are written again, and the
 * document is announced to its session and the site as Publish announces a new one, so that
 * RenderLists renders the lists (the feeds: "French version issued") and then records the
 * translation PUBLISHED. A reissue goes the same way, its version's files replaced and its job
 * number marked reissued (`withReissue`), no status changed. Every write can be repeated: a retry or second run ends the same.
 */
export async function publishTranslation(submissionId: string, deps: PublishTranslationDeps): Promise<Published> {
  const { store, files } = deps;
  const record = await store.mustGetSubmission(submissionId);
  const t = record.translation;
  if (!t) throw new InvalidTransition(`Submission ${submissionId} is not a translation`);
  if (record.status === 'PUBLISHED') return { submissionId, symbol: t.of, sessionVersion: 0, siteVersion: 0 };
  if (record.status !== 'TAGGED' || !record.translations) {
    throw new InvalidTransition(`Translation ${submissionId} is ${record.status}; it cannot be published now`);
  }
  const translation = { ...record, translation: t };
  for (const f of record.submission.files) {
    await files.publishFile(f, publishedFilePath(t.of, f), fileTags(t.of, f, record.translations));
  }
  const { summaries } = await publishTexts(deps.derived, t.of, record, record.translations);
  const original = (await mustGetDocument(store, t.of)).originalLanguage;
  const pdf = await deps.derived.publishStagedPdf(submissionId, t.language, issuedPdfPath(t.of, t.language), issuedPdfTags(t.of, t.language, original));
  const doc = await reviseWith(translation, deps, { texts: summaries, ...(pdf ? { pdf } : {}) });
  // A reissue changes no status: the document's own submission already says what the version is.
  if (t.kind === 'translation') {
    await store.setTranslationStatuses(doc.submissionId, partsInOrder(record.submission.files).map((part) => ({ part, language: t.language, status: 'translated' })));
  }
  await writePages(doc, deps);

  const session = await store.addToSession(doc.body, doc.session, [doc.symbol]);
  await store.addToLatest([{ symbol: doc.symbol, publishedAt: issuedAt(doc, t) ?? store.now() }]);
  const site = await store.addToSite(doc.body, doc.session, session.documents);
  return { submissionId, symbol: t.of, sessionVersion: session.version, siteVersion: site.version };
}
