import type { SubmissionStore } from '#shared/adapters/store';
import { executionArn, startExecution, type ExecutionStarter } from '#shared/adapters/workflow';
import type { RedrivenSubmission } from '#shared/api/responses';
import { submissionView } from '#shared/api/views';
import { BadRequest, Conflict, NotFound } from '#shared/domain/errors';
import { redriveTarget } from '#shared/domain/redrive';

const SUBMISSION_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export interface RedriveDeps {
  store: Pick<SubmissionStore, 'getSubmission' | 'transition'>;
  sfn: ExecutionStarter;
  stateMachineArn: string;
  siteUrl: string;
  clock: () => Date;
}

/**
 * Runs a FAILED submission's workflow again under the symbol it already has: the record goes back
 * to the status it had before FAILED (the failure stays in the history, the current error is
 * cleared, who redrove it and the new execution's name are recorded), then that execution is
 * started. A new execution, not Step Functions' RedriveExecution: a redriven execution resumes at
 * the state that failed, which for this workflow is the Fail state after MarkFailed, so it would
 * only fail again; a new one runs every step, and each finds its work done up to where it failed
 * (Register, AssignSymbol and TagTranslationStatus are idempotent) — the same in AWS and locally.
 * In that order: if the start fails, the submission is unfinished and its recorded execution does
 * not exist, so resume-stalled starts it within the hour; the other order could run a step against
 * a record still FAILED.
 */
export async function redriveSubmission(id: string, by: string, deps: RedriveDeps): Promise<RedrivenSubmission> {
  if (!SUBMISSION_ID.test(id)) throw new BadRequest(`"${id}" is not a submission id (26 characters, as returned when the submission was made)`);
  const record = await deps.store.getSubmission(id);
  if (!record) throw new NotFound(`No submission ${id}`);
  if (record.status !== 'FAILED') {
    throw new Conflict(`Submission ${id} is ${record.status}; only a FAILED submission can be redriven`);
  }
  const back = redriveTarget(record);
  if (!back) {
    throw new Conflict(`Submission ${id} failed before it had a symbol: there is nothing to finish; fix what failed and submit it again`);
  }
  const failure = record.error ? `${record.error.error}: ${record.error.cause}` : 'its failure';
  const name = `${id}-redriven-${deps.clock().getTime()}`;
  const moved = await deps.store.transition(id, back, {
    from: ['FAILED'], detail: `redriven by ${by} after ${failure}`, remove: ['error'], set: { execution: name },
  });
  await startExecution(deps.sfn, deps.stateMachineArn, id, name);
  return { ...submissionView(moved, deps.siteUrl), executionArn: executionArn(deps.stateMachineArn, name) };
}
