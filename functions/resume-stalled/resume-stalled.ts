import {
  DescribeExecutionCommand, ExecutionDoesNotExist, StartExecutionCommand,
  type DescribeExecutionCommandOutput, type StartExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import type { SubmissionStore } from '#shared/adapters/store';
import { executionArn, startExecution } from '#shared/adapters/workflow';
import type { SubmissionRecord } from '#shared/domain/schemas';
import { receiveKey, type ReceiveDeps } from '../receive/receive';

/** The two Step Functions calls resume-stalled makes (an SFNClient is one). */
export interface ExecutionRunner {
  send(command: DescribeExecutionCommand): Promise<DescribeExecutionCommandOutput>;
  send(command: StartExecutionCommand): Promise<StartExecutionCommandOutput>;
}

/** A submission still awaiting its files is looked at again as receive would, so resume needs what receive does. */
export interface ResumeDeps extends Omit<ReceiveDeps, 'store' | 'sfn'> {
  store: DriveStore & Pick<SubmissionStore, 'scanUnfinishedSubmissions'>;
  sfn: ExecutionRunner;
  clock: () => Date;
  /** A submission untouched for this long, and not being worked on, is stalled. */
  stalledAfterMs: number;
}


export type DriveOutcome = 'resumed' | 'running' | 'waiting';

/** What driving a submission on needs of the store: what receive needs, and recording a new execution's name. */
export type DriveStore = ReceiveDeps['store'] & Pick<SubmissionStore, 'recordExecution'>;

/**
 * Drives one unfinished submission on. Awaiting upload: its last upload's event may have been
 * lost, so its files are looked at again as receive would (expiry deletes it after its deadline).
 * Otherwise its workflow is started again — each step is idempotent — unless its execution (the
 * one named by its id, or the one it records as started since, by a resume or a redrive) is
 * RUNNING. A new name is recorded before its execution starts, so a crash in between leaves a
 * name that does not exist yet, which the next drive starts. `runningIsStale` is for the embedded stack on start: an execution left RUNNING on
 * disk has no process running it, and starting it under its name runs it again.
 */
export async function driveOn(
  record: SubmissionRecord,
  deps: Omit<ResumeDeps, 'store' | 'stalledAfterMs'> & { store: DriveStore },
  opts: { runningIsStale?: boolean } = {},
): Promise<DriveOutcome> {
  if (record.status === 'AWAITING_UPLOAD') {
    const first = record.submission.files[0];
    return first && (await receiveKey(first.key, deps)) === 'started' ? 'resumed' : 'waiting';
  }
  const current = record.execution ?? record.id;
  let status: string | undefined;
  try {
    status = (await deps.sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(deps.stateMachineArn, current) }))).status;
  } catch (e) {
    if (!(e instanceof ExecutionDoesNotExist)) throw e;
  }
  if (status === 'RUNNING' && !opts.runningIsStale) return 'running';
  // A finished execution keeps its name for ever: a new run needs a new one (the input names the submission).
  const name = status && status !== 'RUNNING' ? `${record.id}-resumed-${deps.clock().getTime()}` : current;
  if (name !== current) await deps.store.recordExecution(record.id, name);
  await startExecution(deps.sfn, deps.stateMachineArn, record.id, name);
  return 'resumed';
}

export interface ResumeReport {
  resumed: string[];
  running: string[];
  /** Records that could not be read or driven on: each logged, none stops the sweep. */
  failed: { id: string; error: string }[];
}

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * Every accepted submission ends PUBLISHED or FAILED: this finds those that stalled — their
 * workflow ended without recording an end (MarkFailed itself failed, or the workflow was stopped),
 * or never started (receive gave up) — and drives them on. One still RUNNING is left alone. In AWS
 * an hourly schedule runs it; the embedded stack on start and every ten minutes. It reads the
 * items (a Scan), not the status index, so a torn index entry (dynalite after a kill) cannot hide
 * one; a record that does not parse, or whose drive fails, is logged and counted, and the others go on.
 */
export async function resumeStalled(deps: ResumeDeps): Promise<ResumeReport> {
  const before = deps.clock().getTime() - deps.stalledAfterMs;
  const report: ResumeReport = { resumed: [], running: [], failed: [] };
  const { records, malformed } = await deps.store.scanUnfinishedSubmissions();
  for (const bad of malformed) report.failed.push({ id: bad.pk, error: `malformed record: ${bad.problem}` });
  for (const record of records) {
    if (Date.parse(record.updatedAt) > before) continue;
    try {
      const outcome = await driveOn(record, deps);
      if (outcome === 'resumed') report.resumed.push(record.id);
      if (outcome === 'running') report.running.push(record.id);
    } catch (e) {
      report.failed.push({ id: record.id, error: describe(e) });
    }
  }
  if (report.resumed.length) deps.log({ message: 'Resumed stalled submissions', resumed: report.resumed });
  if (report.failed.length) deps.log({ level: 'error', message: 'Could not resume some submissions', count: report.failed.length, failed: report.failed });
  return report;
}
