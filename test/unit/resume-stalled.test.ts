import { describe, expect, it } from '@jest/globals';
import { DescribeExecutionCommand, ExecutionDoesNotExist, StartExecutionCommand, type DescribeExecutionCommandOutput, type StartExecutionCommandOutput } from '@aws-sdk/client-sfn';
import { resumeStalled, type ResumeDeps } from '../../functions/resume-stalled/resume-stalled';
import { executionArn } from '#shared/adapters/workflow';
import type { Status } from '#shared/domain/schemas';
import { FakeClock, FakeFiles, FakeStepFunctions, FakeSubmissionStore } from '../support/fakes';
import { annex, coverNote, submissionIn } from '../support/submissions';

const HOUR = 3_600_000;

function setup() {
  const clock = new FakeClock('2021-06-18T12:00:00.000Z');
  const store = new FakeSubmissionStore(clock);
  const files = new FakeFiles();
  const sfn = new FakeStepFunctions();
  const logged: Record<string, unknown>[] = [];
  const deps: ResumeDeps = { store, files, sfn, stateMachineArn: sfn.stateMachineArn, clock: clock.date, stalledAfterMs: HOUR, log: (e) => logged.push(e) };
  /** A submission in `status`, last touched `hoursAgo`, with the first `uploaded` of its two files in the bucket. */
  const made = (status: Status, hoursAgo: number, uploaded = 2, bytes?: Uint8Array) => {
    const uploads = [coverNote(), annex()];
    const record = submissionIn(status, { at: new Date(clock.date().getTime() - hoursAgo * HOUR).toISOString(), uploads });
    store.seed(record);
    record.submission.files.slice(0, uploaded).forEach((f, i) => files.upload(f.key, bytes ?? uploads[i]!.bytes));
    return record.id;
  };
  return { clock, store, files, sfn, logged, deps, made };
}

describe('resume-stalled', () => {
  it('names executions as Step Functions does', () => {
    expect(executionArn('arn:aws:states:eu-west-1:123456789012:stateMachine:circulate', '01J0')).toBe('arn:aws:states:eu-west-1:123456789012:execution:circulate:01J0');
  });

  it('starts the workflow under the submission’s id for a stalled one that never had one', async () => {
    const t = setup();
    const id = t.made('RECEIVED', 2);
    expect(await resumeStalled(t.deps)).toEqual({ resumed: [id], running: [], failed: [] });
    expect(t.sfn.started).toEqual([id]);
    expect(t.sfn.inputs()).toEqual([{ submissionId: id }]);
  });

  it('starts a new execution under a new name when the one named by the id has ended, with the same input', async () => {
    const t = setup();
    const id = t.made('TAGGED', 2);
    t.sfn.seed(id, 'FAILED');
    expect((await resumeStalled(t.deps)).resumed).toEqual([id]);
    expect(t.sfn.started).toEqual([`${id}-resumed-${t.clock.date().getTime()}`]);
    expect(t.sfn.inputs()).toEqual([{ submissionId: id }]);
  });

  it('leaves alone a submission whose execution is still RUNNING, and reports it', async () => {
    const t = setup();
    const id = t.made('SYMBOL_ASSIGNED', 2);
    t.sfn.seed(id, 'RUNNING');
    expect(await resumeStalled(t.deps)).toEqual({ resumed: [], running: [id], failed: [] });
    expect(t.sfn.started).toEqual([]);
  });

  it('looks at the execution the record names, once a resume started one under a new name', async () => {
    const t = setup();
    const id = t.made('TAGGED', 2);
    t.sfn.seed(id, 'FAILED');
    await resumeStalled(t.deps);
    const resumed = `${id}-resumed-${t.clock.date().getTime()}`;
    expect(t.store.peek(id)?.execution).toBe(resumed);
    // Still RUNNING an hour on: the sweep leaves it, though the execution named by the id has ended.
    t.clock.advance(HOUR);
    expect(await resumeStalled(t.deps)).toEqual({ resumed: [], running: [id], failed: [] });
    expect(t.sfn.started).toEqual([resumed]);
  });

  it('starts the recorded execution when a crash came between recording its name and starting it', async () => {
    const t = setup();
    const id = t.made('TAGGED', 2);
    t.sfn.seed(id, 'FAILED');
    await t.store.recordExecution(id, `${id}-resumed-1`);
    expect((await resumeStalled(t.deps)).resumed).toEqual([id]);
    expect(t.sfn.started).toEqual([`${id}-resumed-1`]);
  });

  it('leaves alone a submission touched within the last hour', async () => {
    const t = setup();
    t.made('RECEIVED', 0.5);
    expect(await resumeStalled(t.deps)).toEqual({ resumed: [], running: [], failed: [] });
    expect(t.sfn.started).toEqual([]);
  });

  it('counts a submission untouched for exactly the hour as stalled', async () => {
    const t = setup();
    const id = t.made('RECEIVED', 1);
    expect((await resumeStalled(t.deps)).resumed).toEqual([id]);
  });

  it('never starts anything for a PUBLISHED or FAILED submission', async () => {
    const t = setup();
    t.made('PUBLISHED', 48);
    t.made('FAILED', 48);
    expect(await resumeStalled(t.deps)).toEqual({ resumed: [], running: [], failed: [] });
    expect(t.sfn.started).toEqual([]);
  });

  it('starts, as receive would, a submission awaiting upload whose last event was lost', async () => {
    const t = setup();
    const id = t.made('AWAITING_UPLOAD', 2);
    expect((await resumeStalled(t.deps)).resumed).toEqual([id]);
    expect(t.sfn.started).toEqual([id]);
  });

  it('does not resume a submission still missing a file: it waits, then expires', async () => {
    const t = setup();
    const id = t.made('AWAITING_UPLOAD', 2, 1);
    expect(await resumeStalled(t.deps)).toEqual({ resumed: [], running: [], failed: [] });
    expect(t.store.peek(id)?.status).toBe('AWAITING_UPLOAD');
  });

  it('fails, as receive would, a submission awaiting upload whose files are wrong, and does not count it resumed', async () => {
    const t = setup();
    const id = t.made('AWAITING_UPLOAD', 2, 2, new TextEncoder().encode('wrong'));
    expect((await resumeStalled(t.deps)).resumed).toEqual([]);
    expect(t.store.peek(id)?.error?.error).toBe('FileMismatch');
  });

  it('finds on a second run the execution it started running, and starts no other', async () => {
    const t = setup();
    const id = t.made('TAGGED', 2);
    await resumeStalled(t.deps);
    expect(await resumeStalled(t.deps)).toEqual({ resumed: [], running: [id], failed: [] });
    expect(t.sfn.started).toEqual([id]);
  });

  it('logs what it resumed, and nothing when it resumed nothing', async () => {
    const t = setup();
    await resumeStalled(t.deps);
    expect(t.logged).toEqual([]);
    const id = t.made('RECEIVED', 2);
    await resumeStalled(t.deps);
    expect(t.logged).toEqual([{ message: 'Resumed stalled submissions', resumed: [id] }]);
  });

  it('logs a Step Functions error other than "no such execution", starts nothing for that one, and goes on to the others', async () => {
    const t = setup();
    const denied = t.made('RECEIVED', 3);
    const other = t.made('TAGGED', 2);
    const started: string[] = [];
    function send(command: DescribeExecutionCommand): Promise<DescribeExecutionCommandOutput>;
    function send(command: StartExecutionCommand): Promise<StartExecutionCommandOutput>;
    async function send(command: DescribeExecutionCommand | StartExecutionCommand): Promise<DescribeExecutionCommandOutput | StartExecutionCommandOutput> {
      if (command instanceof StartExecutionCommand) {
        started.push(command.input.name ?? '');
        return { executionArn: 'x', startDate: new Date(), $metadata: {} };
      }
      if (command.input.executionArn?.endsWith(denied)) throw Object.assign(new Error('User is not authorized to perform states:DescribeExecution'), { name: 'AccessDeniedException' });
      throw new ExecutionDoesNotExist({ message: 'no such execution', $metadata: {} });
    }
    const report = await resumeStalled({ ...t.deps, sfn: { send } });
    expect(report.resumed).toEqual([other]);
    expect(report.failed).toEqual([{ id: denied, error: expect.stringMatching(/not authorized/) }]);
    expect(started).toEqual([other]);
    expect(t.logged).toContainEqual(expect.objectContaining({ level: 'error', count: 1 }));
  });

  it('does not let one malformed record stop the sweep: it is counted, and the others are resumed', async () => {
    const t = setup();
    const first = t.made('RECEIVED', 2);
    t.store.seedMalformed('SUB#01BROKEN', 'submission: Required');
    const second = t.made('SYMBOL_ASSIGNED', 2);
    const report = await resumeStalled(t.deps);
    expect(report.resumed.sort()).toEqual([first, second].sort());
    expect(report.failed).toEqual([{ id: 'SUB#01BROKEN', error: 'malformed record: submission: Required' }]);
    expect(t.sfn.started.sort()).toEqual([first, second].sort());
  });

  it('finds a stalled submission the status index lost (a torn write): it reads the items, not the index', async () => {
    const t = setup();
    const id = t.made('RECEIVED', 2);
    t.store.tear(id);
    expect(await t.store.unfinishedSubmissions()).toEqual([]);
    expect((await resumeStalled(t.deps)).resumed).toEqual([id]);
  });
});
