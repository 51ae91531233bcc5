import { ExecutionAlreadyExists, StartExecutionCommand, type StartExecutionCommandOutput } from '@aws-sdk/client-sfn';
import type { Files } from '#shared/adapters/files';
import { submissionIdOfKey } from '#shared/adapters/files';
import type { SubmissionStore } from '#shared/adapters/store';

/** The one Step Functions call receive makes (an SFNClient is one). */
export interface ExecutionStarter {
  send(command: StartExecutionCommand): Promise<StartExecutionCommandOutput>;
}

export interface ReceiveDeps {
  store: Pick<SubmissionStore, 'getSubmission' | 'transition'>;
  files: Pick<Files, 'check'>;
  sfn: ExecutionStarter;
  stateMachineArn: string;
  log: (entry: Record<string, unknown>) => void;
}

export type ReceiveOutcome = 'started' | 'waiting' | 'rejected' | 'ignored';

/**
 * A file landed in the intake bucket. When every declared file of its submission is there with the
 * declared size and sha256, start the workflow, named by the submission id: a duplicate event, or
 * the last two files landing at once, start nothing new (Step Functions dedupes by name + input).
 */
export async function receiveKey(key: string, deps: ReceiveDeps): Promise<ReceiveOutcome> {
  const id = submissionIdOfKey(key);
  if (!id) {
    deps.log({ message: 'Ignoring an object Circulate did not ask for', key });
    return 'ignored';
  }
  const record = await deps.store.getSubmission(id);
  if (!record || record.status !== 'AWAITING_UPLOAD') return 'ignored';
  const checks = await Promise.all(record.submission.files.map((f) => deps.files.check(f)));
  if (checks.some((c) => !c.ok && c.missing)) return 'waiting';
  const problems = checks.flatMap((c) => (c.ok ? [] : [c.reason]));
  if (problems.length > 0) {
    await deps.store.transition(id, 'FAILED', {
      from: ['AWAITING_UPLOAD'],
      detail: problems.join('; '),
      set: { error: { error: 'FileMismatch', cause: problems.join('; ') } },
    });
    return 'rejected';
  }
  await startWorkflow(id, deps);
  return 'started';
}

export async function startWorkflow(submissionId: string, deps: Pick<ReceiveDeps, 'sfn' | 'stateMachineArn'>): Promise<void> {
  try {
    await deps.sfn.send(new StartExecutionCommand({
      stateMachineArn: deps.stateMachineArn,
      name: submissionId,
      input: JSON.stringify({ submissionId }),
    }));
  } catch (e) {
    // Same name + same input answers a running execution; a finished one answers ExecutionAlreadyExists:
    // either way the submission's workflow has been started, which is all receive must ensure.
    if (!(e instanceof ExecutionAlreadyExists)) throw e;
  }
}
