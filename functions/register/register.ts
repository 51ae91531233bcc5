import type { Clock, SubmissionStore } from '#shared/adapters/store';

/** What Register reads and writes: the submission, and the store's clock for the time it was received. */
export type RegisterStore = Pick<SubmissionStore, 'mustGetSubmission' | 'transition'> & Clock;

/** Which path of the workflow a submission takes after Register: a new document, or a language version of a published one. */
export type Flow = 'document' | 'translation';

/** The workflow's first step: the submission's files are all in and verified; record it as received, and say which path it takes. */
export async function register(submissionId: string, store: RegisterStore): Promise<{ submissionId: string; flow: Flow }> {
  const record = await store.mustGetSubmission(submissionId);
  const files = record.submission.files.length;
  await store.transition(submissionId, 'RECEIVED', {
    from: ['AWAITING_UPLOAD'],
    detail: `${files} file${files === 1 ? '' : 's'} received and verified`,
    set: { receivedAt: store.now() },
  });
  return { submissionId, flow: record.translation ? 'translation' : 'document' };
}
