import { ExecutionDoesNotExist, ExecutionNotRedrivable, RedriveExecutionCommand, type RedriveExecutionCommandOutput } from '@aws-sdk/client-sfn';
import type { SubmissionStore } from '#shared/adapters/store';
import type { RedrivenSubmission } from '#shared/api/responses';
import { submissionView } from '#shared/api/views';
import { BadRequest, Conflict, NotFound } from '#shared/domain/errors';
import { UNFINISHED_STATUSES, type SubmissionRecord, type UnfinishedStatus } from '#shared/domain/schemas';
import { executionArn } from '../resume-stalled/resume-stalled';

const SUBMISSION_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The one Step Functions call a redrive makes (an SFNClient is one). */
export interface ExecutionRedriver {
  send(command: RedriveExecutionCommand): Promise<RedriveExecutionCommandOutput>;
}

export interface RedriveDeps {
  store: Pick<SubmissionStore, 'getSubmission' | 'transition'>;
  sfn: ExecutionRedriver;
  stateMachineArn: string;
  siteUrl: string;
}

/** The status a FAILED submission had when it failed: the last history entry before its last FAILED one. */
export function statusBeforeFailure(record: Pick<SubmissionRecord, 'history'>): UnfinishedStatus | undefined {
  const failedAt = record.history.findLastIndex((h) => h.status === 'FAILED');
  const before = record.history.slice(0, Math.max(failedAt, 0)).findLast((h) => h.status !== 'FAILED');
  return UNFINISHED_STATUSES.find((s) => s === before?.status);
}

/**
 * Runs a FAILED submission's workflow again, from where it failed, under the symbol it already
 * has: the record goes back to the status it had before FAILED (the failure stays in the history,
 * the current error is cleared, who redrove it is recorded), then the execution named by its id is
 * redriven. In that order: if the redrive call fails, the submission is unfinished and not
 * running, so resume-stalled drives it on within the hour; the other order could run a step
 * against a record still FAILED.
 */
export async function redriveSubmission(id: string, by: string, deps: RedriveDeps): Promise<RedrivenSubmission> {
  if (!SUBMISSION_ID.test(id)) throw new BadRequest(`"${id}" is not a submission id (26 characters, as returned when the submission was made)`);
  const record = await deps.store.getSubmission(id);
  if (!record) throw new NotFound(`No submission ${id}`);
  if (record.status !== 'FAILED') {
    throw new Conflict(`Submission ${id} is ${record.status}; only a FAILED submission can be redriven`);
  }
  const back = statusBeforeFailure(record);
  if (!record.symbol || !back || back === 'AWAITING_UPLOAD' || back === 'RECEIVED') {
    throw new Conflict(`Submission ${id} failed before it had a symbol: there is nothing to finish; fix what failed and submit it again`);
  }
  const failure = record.error ? `${record.error.error}: ${record.error.cause}` : 'its failure';
  const moved = await deps.store.transition(id, back, {
    from: ['FAILED'], detail: `redriven by ${by} after ${failure}`, remove: ['error'],
  });
  const arn = executionArn(deps.stateMachineArn, id);
  try {
    await deps.sfn.send(new RedriveExecutionCommand({ executionArn: arn }));
  } catch (e) {
    // No execution to redrive (older than Step Functions keeps, or it ended otherwise): the record is
    // unfinished now, so resume-stalled starts a new execution for it.
    if (!(e instanceof ExecutionNotRedrivable) && !(e instanceof ExecutionDoesNotExist)) throw e;
  }
  return { ...submissionView(moved, deps.siteUrl), executionArn: arn };
}
