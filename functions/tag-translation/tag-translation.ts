import type { Files } from '#shared/adapters/files';
import type { DocumentStore, SubmissionStore } from '#shared/adapters/store';
import { InvalidTransition, NotFound } from '#shared/domain/errors';
import { LANGUAGES } from '#shared/domain/languages';
import { partsInOrder, fileTags, withTranslated } from '#shared/domain/translation-status';

export type TagTranslationStore = Pick<SubmissionStore, 'mustGetSubmission' | 'transition'> & Pick<DocumentStore, 'getDocument'>;

/**
 * The translation path's TagTranslationStatus: the document's table with the parts this
 * translation brings marked `translated` in its language, recorded on the translation (TAGGED,
 * `translations`), and each of its stored files tagged so. Tags first, then the status: a retry
 * after a crash in between tags again; a TAGGED translation is not tagged again.
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
  const translations = withTranslated(document.translations, parts, t.language);
  for (const f of record.submission.files) await files.tagStored(f, fileTags(t.of, f, translations));
  await store.transition(submissionId, 'TAGGED', {
    from: ['RECEIVED'],
    detail: `${LANGUAGES[t.language].name} version of ${parts.join(', ')}: translated`,
    set: { translations },
  });
  return { submissionId, symbol: t.of };
}
