import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { INDEXES } from '#shared/adapters/table';
import { resumeOnStart, type StartResumeDeps } from '../../infra/local/resume';
import { startTestStore, tearIndexEntries } from '../support/dynamodb';
import { FakeClock, FakeFiles, FakeStepFunctions, FakeSubmissionStore } from '../support/fakes';
import { submissionIn } from '../support/submissions';

type TestStore = Awaited<ReturnType<typeof startTestStore>>;

function depsWith(store: StartResumeDeps['store']) {
  const sfn = new FakeStepFunctions();
  const logged: Record<string, unknown>[] = [];
  const deps: StartResumeDeps = { store, files: new FakeFiles(), sfn, stateMachineArn: sfn.stateMachineArn, clock: new FakeClock().date, log: (e) => logged.push(e) };
  return { deps, sfn, logged };
}

describe('resume on start, against dynalite torn by a kill', () => {
  let t: TestStore;
  beforeAll(async () => (t = await startTestStore()));
  afterAll(async () => t.close());

  it('finds a submission whose status index entry the kill deleted, drives it on, and repairs the index', async () => {
    const torn = submissionIn('RECEIVED');
    const whole = submissionIn('SYMBOL_ASSIGNED');
    await t.store.createSubmission(whole);
    await t.store.createSubmission(torn);
    await t.restart(async (level) => {
      expect(await tearIndexEntries(level, INDEXES.byStatus.name, `SUB#${torn.id}`)).toBe(1);
    });
    // What the old resume saw: the index holds only the whole one.
    expect((await t.store.unfinishedSubmissions()).map((r) => r.id)).toEqual([whole.id]);

    const { deps, sfn, logged } = depsWith(t.store);
    const report = await resumeOnStart(deps);
    expect(report.repaired).toEqual([torn.id]);
    expect(report.resumed.sort()).toEqual([torn.id, whole.id].sort());
    expect(report.failed).toEqual([]);
    expect(sfn.started.sort()).toEqual([torn.id, whole.id].sort());
    expect(logged).toContainEqual(expect.objectContaining({ repaired: [torn.id] }));
    // Written again, the item has its index entry back, with the record unchanged.
    expect((await t.store.unfinishedSubmissions()).map((r) => r.id).sort()).toEqual([torn.id, whole.id].sort());
    expect(await t.store.getSubmission(torn.id)).toEqual(torn);
  });

  it('goes on past a malformed submission item, counting it', async () => {
    const good = submissionIn('TAGGED');
    await t.store.createSubmission(good);
    await t.client.send(new PutCommand({ TableName: 'circulate', Item: { pk: 'SUB#01BROKEN', sk: 'SUB', status: 'RECEIVED', createdAt: '2021-06-18T08:00:00.000Z' } }));
    const { deps, sfn } = depsWith(t.store);
    const report = await resumeOnStart(deps);
    expect(report.resumed).toContain(good.id);
    expect(report.failed).toEqual([{ id: 'SUB#01BROKEN', error: expect.stringMatching(/^malformed record: /) }]);
    expect(sfn.started).toContain(good.id);
  });
});

describe('resume on start', () => {
  it('runs again under its name an execution left RUNNING by the stopped process, and under a new name one that ended', async () => {
    const clock = new FakeClock();
    const store = new FakeSubmissionStore(clock);
    const left = submissionIn('SYMBOL_ASSIGNED');
    const ended = submissionIn('TAGGED');
    store.seed(left, ended);
    const { deps, sfn } = depsWith(store);
    sfn.seed(left.id, 'RUNNING').seed(ended.id, 'FAILED');
    const report = await resumeOnStart({ ...deps, clock: clock.date });
    expect(report.resumed.sort()).toEqual([left.id, ended.id].sort());
    // The fake answers a RUNNING name with that execution (as the local service redrives it), so only the new name is "started".
    expect(sfn.started).toEqual([`${ended.id}-resumed-${clock.date().getTime()}`]);
  });

  it('repairs a torn index entry the fake loses, and nothing else', async () => {
    const store = new FakeSubmissionStore();
    const a = submissionIn('RECEIVED');
    const b = submissionIn('RECEIVED');
    store.seed(a, b).tear(a.id);
    const { deps } = depsWith(store);
    expect((await resumeOnStart(deps)).repaired).toEqual([a.id]);
    expect((await store.unfinishedSubmissions()).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
  });
});
