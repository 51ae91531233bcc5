import type { Store } from '../shared/adapters/store';

/** The workflow's first step: the submission's files are all in and verified; record it as received. */
export async function register(submissionId: string, store: Store): Promise<{ submissionId: string }> {
  const record = await store.mustGetSubmission(submissionId);
  const files = record.submission.files.length;
  await store.transition(submissionId, 'RECEIVED', {
    from: ['AWAITING_UPLOAD'],
    detail: `${files} file${files === 1 ? '' : 's'} received and verified`,
    set: { receivedAt: store.now() },
  });
  return { submissionId };
}
