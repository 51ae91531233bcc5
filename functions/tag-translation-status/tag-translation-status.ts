import { InvalidTransition } from '#shared/domain/errors';
import type { SubmissionStore } from '#shared/adapters/store';
import { tagTranslationStatus } from '#shared/domain/translation-status';

export type TagStore = Pick<SubmissionStore, 'mustGetSubmission' | 'transition'>;

/** Records, per part and language, whether the version is original, pending or reproduced as received. */
export async function tagSubmission(submissionId: string, store: TagStore): Promise<{ submissionId: string; symbol: string }> {
  const record = await store.mustGetSubmission(submissionId);
  if (!record.symbol) throw new InvalidTransition(`Submission ${submissionId} has no symbol yet`);
  const { files, originalLanguage, relatesTo } = record.submission;
  const translations = tagTranslationStatus(files, originalLanguage, { corrigendum: relatesTo?.kind === 'Corr' });
  const reproduced = Object.entries(translations).filter(([, langs]) => Object.values(langs).includes('reproduced-as-received')).map(([part]) => part);
  await store.transition(submissionId, 'TAGGED', {
    from: ['SYMBOL_ASSIGNED'],
    detail: reproduced.length ? `reproduced as received: ${reproduced.join(', ')}` : 'all parts to be translated',
    set: { translations },
  });
  return { submissionId, symbol: record.symbol };
}
