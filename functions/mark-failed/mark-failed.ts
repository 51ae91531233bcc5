import type { SubmissionStore } from '#shared/adapters/store';
import { UNFINISHED_STATUSES, isFinal, type MarkFailedInput } from '#shared/domain/schemas';

export type MarkFailedStore = Pick<SubmissionStore, 'mustGetSubmission' | 'transition'>;

/** Lambda errors arrive with a JSON Cause ({errorType, errorMessage}); keep what a person can read. */
export function readableCause(cause: string | undefined): string {
  if (!cause) return 'no detail was given';
  try {
    const parsed: unknown = JSON.parse(cause);
    if (parsed && typeof parsed === 'object' && 'errorMessage' in parsed && typeof parsed.errorMessage === 'string') {
      return parsed.errorMessage;
    }
  } catch {
    // not JSON: the cause is already text
  }
  return cause;
}

/** Records why the workflow failed. A submission already published stays published. */
export async function markFailed(input: MarkFailedInput, store: MarkFailedStore): Promise<void> {
  const error = input.error.Error ?? 'Error';
  const cause = readableCause(input.error.Cause);
  const record = await store.mustGetSubmission(input.submissionId);
  if (isFinal(record.status)) return;
  await store.transition(input.submissionId, 'FAILED', {
    from: UNFINISHED_STATUSES,
    detail: `${error}: ${cause}`,
    set: { error: { error, cause } },
  });
}
