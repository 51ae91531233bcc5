import type { Files } from '#shared/adapters/files';
import type { DocumentStore, SubmissionStore } from '#shared/adapters/store';
import type { DocumentRecord } from '#shared/domain/document';
import { InvalidTransition, NotFound } from '#shared/domain/errors';
import { LANGUAGES } from '#shared/domain/languages';
import type { TranslationOf } from '#shared/domain/schemas';
import { partsInOrder, fileTags, withTranslated } from '#shared/domain/translation-status';

export type TagTranslationStore = Pick<SubmissionStore, 'mustGetSubmission' | 'transition'> & Pick<DocumentStore, 'getDocument'>;

/** What the version brings to the document's table: its parts translated; a reissue changes no status. */
const tableWith = (document: DocumentRecord, parts: readonly string[], t: TranslationOf) =>
  (t.kind === 'reissue' ? document.translations : withTranslated(document.translations, parts, t.language));

/**
 * The translation path's TagTranslationStatus: the document's table with the parts this
 * translation brings marked `translated` in its language, recorded on the translation (TAGGED,
 * `translations`), and each of its stored files tagged so; a reissue leaves the table as it is.
 * Tags first, then the status: a retry after a crash in between tags again; a TAGGED one is left alone.
 */
export async function tagTranslation(submissionId: string, store: TagTranslationStore, files: Pick<Files, 'tagStored'>): Promise<{ submissionId: string; symbol: string }> {
  const record = await store.mustGetSubmission(submissionId);
  const t = record.translation;
  if (!t) throw new InvalidTransition(`Submission ${submissionId} is not a translation`);
  if (record.status !== 'RECEIVED') {
    // A retry or a second execution: transition below answers a record already past as it is.
    if (record.status === 'TAGGED' || record.status === 'PUBLISHED') return { submissionId, symbol: t.of };
    throw new InvalidTransition(`Translation ${submissionId} is ${record.status}; it cannot be tagged now`);
  }
  const document = await store.getDocument(t.of, true);
  if (!document) throw new NotFound(`No document ${t.of} to add the ${LANGUAGES[t.language].name} version to`);
  const parts = partsInOrder(record.submission.files);
  const translations = tableWith(document, parts, t);
  for (const f of record.submission.files) await files.tagStored(f, fileTags(t.of, f, translations));
  const name = LANGUAGES[t.language].name;
  await store.transition(submissionId, 'TAGGED', {
    from: ['RECEIVED'],
    detail: `${name} version of ${parts.join(', ')}: ${t.kind === 'reissue' ? 'reissued' : 'translated'}`,
    set: { translations },
  });
  return { submissionId, symbol: t.of };
}
