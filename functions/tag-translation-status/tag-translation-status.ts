import { InvalidTransition } from '#shared/domain/errors';
import type { SubmissionStore } from '#shared/adapters/store';
import type { Files } from '#shared/adapters/files';
import { fileTags, tagTranslationStatus } from '#shared/domain/translation-status';

export type TagStore = Pick<SubmissionStore, 'mustGetSubmission' | 'transition'>;

/**
 * Records, per part and language, whether the version is original, pending or reproduced as
 * received: on the submission, and as tags of each stored file (its upload and verified copy), so
 * the intake bucket says the same. Tags first: a retry after a crash in between tags again.
 */
export async function tagSubmission(submissionId: string, store: TagStore, files: Pick<Files, 'tagStored'>): Promise<{ submissionId: string; symbol: string }> {
  const record = await store.mustGetSubmission(submissionId);
  if (!record.symbol) throw new InvalidTransition(`Submission ${submissionId} has no symbol yet`);
  const { files: declared, originalLanguage, relatesTo } = record.submission;
  const translations = tagTranslationStatus(declared, originalLanguage, { corrigendum: relatesTo?.kind === 'Corr' });
  if (record.status === 'SYMBOL_ASSIGNED') {
    for (const f of declared) await files.tagStored(f, fileTags(record.symbol, f, translations));
  }
  const reproduced = Object.entries(translations).filter(([, langs]) => Object.values(langs).includes('reproduced-as-received')).map(([part]) => part);
  await store.transition(submissionId, 'TAGGED', {
    from: ['SYMBOL_ASSIGNED'],
    detail: reproduced.length ? `reproduced as received: ${reproduced.join(', ')}` : 'all parts to be translated',
    set: { translations },
  });
  return { submissionId, symbol: record.symbol };
}
