import { describe, expect, it } from '@jest/globals';
import { redriveSubmission } from '../../functions/redrive-submission/redrive-submission';
import { statusBeforeFailure } from '#shared/domain/redrive';
import { BadRequest, Conflict, NotFound } from '#shared/domain/errors';
import type { HistoryEntry, Status, SubmissionRecord } from '#shared/domain/schemas';
import { resumeStalled } from '../../functions/resume-stalled/resume-stalled';
import { FakeClock, FakeFiles, FakeStepFunctions, FakeSubmissionStore } from '../support/fakes';
import { submissionIn } from '../support/submissions';

const at = '2021-06-18T07:00:00.000Z';
const SYMBOL = 'A/HRC/47/G/1';

/** A submission that failed at `failedAt` (the status it had then), with its symbol unless told otherwise. */
function failedAt(status: Status, over: Partial<SubmissionRecord> = {}): SubmissionRecord {
  const flow: Status[] = ['AWAITING_UPLOAD', 'RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED'];
  const history: HistoryEntry[] = [...flow.slice(0, flow.indexOf(status) + 1), 'FAILED'].map((s) => ({ at, status: s as Status }));
  history[history.length - 1] = { at, status: 'FAILED', detail: 'DiskFull: no space left' };
  return submissionIn('FAILED', {
    at, set: { history, symbol: SYMBOL, error: { error: 'DiskFull', cause: 'no space left' }, ...over },
  });
}

function setup(record: SubmissionRecord, executionStatus: 'FAILED' | 'RUNNING' | 'SUCCEEDED' | null = 'FAILED') {
  const store = new FakeSubmissionStore(new FakeClock('2021-06-18T09:00:00.000Z')).seed(record);
  const sfn = new FakeStepFunctions();
  if (executionStatus) sfn.seed(record.id, executionStatus);
  const deps = { store, sfn, stateMachineArn: sfn.stateMachineArn, siteUrl: 'https://docs.example.org', clock: () => new Date('2021-06-18T09:00:00.000Z') };
  return { store, sfn, deps, id: record.id };
}

describe('redriving a FAILED submission', () => {
  it('puts it back at the status it failed from, clears its error, keeps the failure in its history, and starts a new execution, recorded on it', async () => {
    const { store, sfn, deps, id } = setup(failedAt('TAGGED'));
    const answer = await redriveSubmission(id, 'ana@example.org', deps);
    const record = store.peek(id)!;
    expect(record.status).toBe('TAGGED');
    expect(record.symbol).toBe(SYMBOL);
    expect(record.error).toBeUndefined();
    expect(record.history.slice(-2)).toEqual([
      { at, status: 'FAILED', detail: 'DiskFull: no space left' },
      { at: '2021-06-18T09:00:00.000Z', status: 'TAGGED', detail: 'redriven by ana@example.org after DiskFull: no space left' },
    ]);
    const name = `${id}-redriven-${Date.parse('2021-06-18T09:00:00.000Z')}`;
    expect(record.execution).toBe(name);
    expect(sfn.started).toEqual([name]);
    expect(sfn.inputs()).toEqual([{ submissionId: id }]);
    expect(answer).toMatchObject({ id, status: 'TAGGED', symbol: SYMBOL, error: null, executionArn: sfn.arnOf(name) });
  });

  it('goes back to SYMBOL_ASSIGNED for one that failed tagging', async () => {
    const { store, deps, id } = setup(failedAt('SYMBOL_ASSIGNED'));
    await redriveSubmission(id, 'local staff token', deps);
    expect(store.peek(id)?.status).toBe('SYMBOL_ASSIGNED');
  });

  it('is 404 for an unknown id and 400 for something that is not an id', async () => {
    const { deps } = setup(failedAt('TAGGED'));
    await expect(redriveSubmission('01J00000000000000000000000', 'x', deps)).rejects.toThrow(NotFound);
    await expect(redriveSubmission('../etc', 'x', deps)).rejects.toThrow(BadRequest);
  });

  it('is a 409 naming the status for a submission that is not FAILED, and changes nothing', async () => {
    for (const status of ['TAGGED', 'PUBLISHED'] as const) {
      const record = submissionIn(status, { at, set: { symbol: SYMBOL } });
      const { store, sfn, deps, id } = setup(record, status === 'PUBLISHED' ? 'SUCCEEDED' : 'RUNNING');
      const refusal = redriveSubmission(id, 'x', deps);
      await expect(refusal).rejects.toThrow(Conflict);
      await expect(refusal).rejects.toThrow(`is ${status}; only a FAILED submission can be redriven`);
      expect(store.peek(id)).toEqual(record);
      expect(sfn.started).toEqual([]);
    }
  });

  it('is a 409 for one that failed before it had a symbol: nothing to finish, it may be submitted again', async () => {
    const { store, sfn, deps, id } = setup(failedAt('RECEIVED', { symbol: undefined }));
    await expect(redriveSubmission(id, 'x', deps)).rejects.toThrow(/before it had a symbol.*submit it again/);
    expect(store.peek(id)?.status).toBe('FAILED');
    expect(sfn.started).toEqual([]);
    // Files refused by receive: FAILED straight from AWAITING_UPLOAD, never a symbol.
    const refused = setup(submissionIn('FAILED', { at, set: { history: [{ at, status: 'AWAITING_UPLOAD' }, { at, status: 'FAILED' }] } }));
    await expect(redriveSubmission(refused.id, 'x', refused.deps)).rejects.toThrow(Conflict);
  });

  it('leaves the submission back in the flow, under the execution it records, when the start fails: resume-stalled starts that one', async () => {
    const { store, sfn, deps, id } = setup(failedAt('TAGGED'));
    const down = { send: async () => { throw new Error('Step Functions is unreachable'); } };
    await expect(redriveSubmission(id, 'x', { ...deps, sfn: down })).rejects.toThrow('unreachable');
    const record = store.peek(id)!;
    expect(record.status).toBe('TAGGED');
    const report = await resumeStalled({
      store, sfn, files: new FakeFiles(), stateMachineArn: sfn.stateMachineArn, clock: () => new Date('2021-06-18T11:00:00.000Z'),
      stalledAfterMs: 60_000, log: () => undefined,
    });
    expect(report.resumed).toEqual([id]);
    expect(sfn.started).toEqual([record.execution]);
  });

  it('is refused a second time once the first put it back in the flow', async () => {
    const { deps, id } = setup(failedAt('TAGGED'));
    await redriveSubmission(id, 'x', deps);
    await expect(redriveSubmission(id, 'x', deps)).rejects.toThrow('is TAGGED');
  });
});

describe('the status before a failure', () => {
  it('is the last entry before the last FAILED one', () => {
    expect(statusBeforeFailure(failedAt('TAGGED'))).toBe('TAGGED');
    const twice = failedAt('TAGGED');
    twice.history.push({ at, status: 'TAGGED', detail: 'redriven' }, { at, status: 'FAILED' });
    expect(statusBeforeFailure(twice)).toBe('TAGGED');
    expect(statusBeforeFailure({ history: [{ at, status: 'FAILED' }] })).toBeUndefined();
  });
});
