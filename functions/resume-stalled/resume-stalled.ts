import {
  DescribeExecutionCommand, ExecutionDoesNotExist, StartExecutionCommand,
  type DescribeExecutionCommandOutput, type StartExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import type { SubmissionStore } from '#shared/adapters/store';
import { receiveKey, type ReceiveDeps } from '../receive/receive';

/** The two Step Functions calls resume-stalled makes (an SFNClient is one). */
export interface ExecutionRunner {
  send(command: DescribeExecutionCommand): Promise<DescribeExecutionCommandOutput>;
  send(command: StartExecutionCommand): Promise<StartExecutionCommandOutput>;
}

/** A submission still awaiting its files is looked at again as receive would, so resume needs what receive does. */
export interface ResumeDeps extends Omit<ReceiveDeps, 'store' | 'sfn'> {
  store: ReceiveDeps['store'] & Pick<SubmissionStore, 'unfinishedSubmissions'>;
  sfn: ExecutionRunner;
  clock: () => Date;
  /** A submission untouched for this long, and not being worked on, is stalled. */
  stalledAfterMs: number;
}

/** `arn:aws:states:r:a:stateMachine:m` + name → `arn:aws:states:r:a:execution:m:name` */
export function executionArn(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

/**
 * Every accepted submission ends PUBLISHED or FAILED: this finds those that stalled — their
 * workflow ended without recording an end (MarkFailed itself failed, or the workflow was stopped),
 * or never started (receive gave up) — and drives them on. Each step is idempotent, so running
 * the workflow again is safe; one still RUNNING is left alone. In AWS an hourly schedule runs it;
 * the embedded stack does the same on start (infra/local/resume.ts), where a process that stopped
 * has no running workflow left.
 */
export async function resumeStalled(deps: ResumeDeps): Promise<{ resumed: string[]; running: string[] }> {
  const before = deps.clock().getTime() - deps.stalledAfterMs;
  const resumed: string[] = [];
  const running: string[] = [];
  for (const record of await deps.store.unfinishedSubmissions()) {
    if (Date.parse(record.updatedAt) > before) continue;
    if (record.status === 'AWAITING_UPLOAD') {
      // Its last upload's event may have been lost: look at its files again (expiry deletes it after its deadline).
      const first = record.submission.files[0];
      if (first && (await receiveKey(first.key, deps)) === 'started') resumed.push(record.id);
      continue;
    }
    let status: string | undefined;
    try {
      status = (await deps.sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(deps.stateMachineArn, record.id) }))).status;
    } catch (e) {
      if (!(e instanceof ExecutionDoesNotExist)) throw e;
    }
    if (status === 'RUNNING') {
      running.push(record.id);
      continue;
    }
    // A finished execution keeps its name for ever: a new run needs a new one (the input names the submission).
    const name = status ? `${record.id}-resumed-${deps.clock().getTime()}` : record.id;
    await deps.sfn.send(new StartExecutionCommand({ stateMachineArn: deps.stateMachineArn, name, input: JSON.stringify({ submissionId: record.id }) }));
    resumed.push(record.id);
  }
  if (resumed.length) deps.log({ message: 'Resumed stalled submissions', resumed });
  return { resumed, running };
}
