import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type { CounterStore, CoverStore, SubmissionStore } from '#shared/adapters/store';
import { UNRECORDED_CLAIM_GRACE_MS } from '#shared/domain/duplicates';
import { Conflict, InvalidTransition, NotFound } from '#shared/domain/errors';
import { startTestStore } from '../support/dynamodb';
import { FakeClock, FakeCounterStore, FakeSubmissionStore } from '../support/fakes';
import { submissionIn } from '../support/submissions';

type Submissions = Pick<SubmissionStore, 'createSubmission' | 'mustGetSubmission' | 'transition' | 'unfinishedSubmissions' | 'awaitingUploadSince' | 'deleteSubmissionIfAwaiting'
  | 'scanUnfinishedSubmissions' | 'indexedUnfinished' | 'repairIndexEntries'>;
type Counters = Pick<CounterStore, 'allocate' | 'setCounterStart' | 'getCounter'>;
type Covers = Pick<CoverStore, 'claimCover' | 'releaseCover' | 'getCoverClaim'>;
/** A cover note's sha256 no other check uses (the real table is shared). */
const newCover = () => randomBytes(32).toString('hex');

/**
 * The fakes the unit tests use must behave as the real store does where the logic relies on it:
 * the same checks, run against each. (Sessions and times are per check, so the real table can
 * be shared.)
 */
function contract(name: string, make: () => { submissions: Submissions; counters: Counters; covers: Covers; clock: FakeClock }) {
  describe(name, () => {
    it('moves a submission from an allowed status, appending to its history and setting fields', async () => {
      const { submissions } = make();
      const r = submissionIn('AWAITING_UPLOAD');
      await submissions.createSubmission(r);
      const moved = await submissions.transition(r.id, 'RECEIVED', { from: ['AWAITING_UPLOAD'], detail: 'in', set: { receivedAt: '2021-06-18T09:00:00.000Z' } });
      expect(moved).toMatchObject({ status: 'RECEIVED', receivedAt: '2021-06-18T09:00:00.000Z' });
      expect(moved.history.map((h) => [h.status, h.detail])).toEqual([['AWAITING_UPLOAD', undefined], ['RECEIVED', 'in']]);
    });

    it('returns a submission already at or past the target unchanged', async () => {
      const { submissions } = make();
      const r = submissionIn('TAGGED');
      await submissions.createSubmission(r);
      expect(await submissions.transition(r.id, 'TAGGED', { from: ['SYMBOL_ASSIGNED'] })).toEqual(r);
      expect(await submissions.transition(r.id, 'RECEIVED', { from: ['AWAITING_UPLOAD'] })).toEqual(r);
    });

    it('refuses to move a FAILED submission on, and an unknown one', async () => {
      const { submissions } = make();
      const r = submissionIn('FAILED');
      await submissions.createSubmission(r);
      await expect(submissions.transition(r.id, 'SYMBOL_ASSIGNED', { from: ['RECEIVED'] })).rejects.toThrow(InvalidTransition);
      await expect(submissions.transition(r.id, 'FAILED', { from: ['TAGGED'] })).resolves.toEqual(r);
      await expect(submissions.transition('01J0000000000000000000NONE', 'RECEIVED', { from: ['AWAITING_UPLOAD'] })).rejects.toThrow(NotFound);
    });

    it('moves a FAILED submission back into the flow only from FAILED, removing its error and keeping the failure in its history', async () => {
      const { submissions } = make();
      const r = submissionIn('FAILED', { set: { symbol: 'A/HRC/47/G/1', error: { error: 'DiskFull', cause: 'no space' } } });
      await submissions.createSubmission(r);
      const back = await submissions.transition(r.id, 'TAGGED', { from: ['FAILED'], detail: 'redriven', remove: ['error'] });
      expect(back.status).toBe('TAGGED');
      expect(back.error).toBeUndefined();
      expect(back.symbol).toBe('A/HRC/47/G/1');
      expect(back.history.slice(-2).map((h) => [h.status, h.detail])).toEqual([['FAILED', r.history.at(-1)?.detail], ['TAGGED', 'redriven']]);
      const published = submissionIn('PUBLISHED');
      await submissions.createSubmission(published);
      await expect(submissions.transition(published.id, 'TAGGED', { from: ['FAILED'] })).resolves.toEqual(published);
    });

    it('refuses to move to FAILED a submission already PUBLISHED', async () => {
      const { submissions } = make();
      const r = submissionIn('PUBLISHED');
      await submissions.createSubmission(r);
      await expect(submissions.transition(r.id, 'FAILED', { from: ['TAGGED'] })).rejects.toThrow(InvalidTransition);
    });

    it('never creates a submission twice under one id', async () => {
      const { submissions } = make();
      const r = submissionIn('AWAITING_UPLOAD');
      await submissions.createSubmission(r);
      await expect(submissions.createSubmission({ ...r, status: 'RECEIVED' })).rejects.toThrow();
      expect((await submissions.mustGetSubmission(r.id)).status).toBe('AWAITING_UPLOAD');
    });

    it('lists awaiting submissions created before a time, oldest first, and deletes only awaiting ones', async () => {
      const { submissions } = make();
      const at = (d: number) => `1999-01-0${d}T00:00:00.000Z`;
      const old = submissionIn('AWAITING_UPLOAD', { at: at(2) });
      const older = submissionIn('AWAITING_UPLOAD', { at: at(1) });
      const recent = submissionIn('AWAITING_UPLOAD', { at: at(5) });
      const moved = submissionIn('RECEIVED', { at: at(1) });
      for (const r of [old, older, recent, moved]) await submissions.createSubmission(r);
      expect((await submissions.awaitingUploadSince(at(3))).map((r) => r.id)).toEqual([older.id, old.id]);
      expect(await submissions.deleteSubmissionIfAwaiting(moved.id)).toBe(false);
      expect(await submissions.deleteSubmissionIfAwaiting(old.id)).toBe(true);
      expect(await submissions.deleteSubmissionIfAwaiting(old.id)).toBe(false);
      expect((await submissions.awaitingUploadSince(at(3))).map((r) => r.id)).toEqual([older.id]);
    });

    it('lists unfinished submissions by status in flow order, never final ones', async () => {
      const { submissions } = make();
      const records = (['TAGGED', 'PUBLISHED', 'AWAITING_UPLOAD', 'FAILED', 'RECEIVED'] as const).map((s) => submissionIn(s));
      for (const r of records) await submissions.createSubmission(r);
      const ours = new Set(records.map((r) => r.id));
      expect((await submissions.unfinishedSubmissions()).filter((r) => ours.has(r.id)).map((r) => r.status)).toEqual(['AWAITING_UPLOAD', 'RECEIVED', 'TAGGED']);
    });

    it('finds the same unfinished submissions by Scan as by the index, and writes one again only if unchanged since read', async () => {
      const { submissions } = make();
      const records = (['TAGGED', 'PUBLISHED', 'AWAITING_UPLOAD', 'FAILED', 'RECEIVED'] as const).map((s) => submissionIn(s));
      for (const r of records) await submissions.createSubmission(r);
      const ours = new Set(records.map((r) => r.id));
      const { records: scanned } = await submissions.scanUnfinishedSubmissions();
      const unfinished = records.filter((r) => !['PUBLISHED', 'FAILED'].includes(r.status));
      expect(scanned.filter((r) => ours.has(r.id)).map((r) => r.id).sort()).toEqual(unfinished.map((r) => r.id).sort());
      const indexed = await submissions.indexedUnfinished();
      for (const r of unfinished) expect(indexed.get(r.id)).toBe(`${r.status}@${r.updatedAt}`);
      const tagged = records[0]!;
      expect(await submissions.repairIndexEntries(tagged)).toBe(true);
      expect(await submissions.mustGetSubmission(tagged.id)).toEqual(tagged);
      expect(await submissions.repairIndexEntries({ ...tagged, updatedAt: '1999-01-01T00:00:00.000Z' })).toBe(false);
    });

    it('claims a cover note for one submission, again for it, and for no other while it stands, naming the holder', async () => {
      const { submissions, covers } = make();
      const sha = newCover();
      const first = submissionIn('SYMBOL_ASSIGNED', { set: { symbol: 'A/HRC/47/G/10' } });
      await submissions.createSubmission(first);
      expect(await covers.claimCover(sha, first.id)).toEqual({ claimed: true });
      expect(await covers.claimCover(sha, first.id)).toEqual({ claimed: true });
      expect(await covers.claimCover(sha, 'other')).toEqual({ claimed: false, holder: { id: first.id, status: 'SYMBOL_ASSIGNED', symbol: 'A/HRC/47/G/10' } });
      expect(await covers.releaseCover(sha, 'other')).toBe(false);
      expect(await covers.getCoverClaim(sha)).toMatchObject({ sha256: sha, submissionId: first.id });
      expect(await covers.releaseCover(sha, first.id)).toBe(true);
      expect(await covers.getCoverClaim(sha)).toBeUndefined();
    });

    it('gives one cover note to one of two submissions claiming it at once', async () => {
      const { covers } = make();
      const sha = newCover();
      const outcomes = await Promise.all(['a', 'b'].map((id) => covers.claimCover(sha, id)));
      expect(outcomes.filter((o) => o.claimed)).toHaveLength(1);
      const holder = (await covers.getCoverClaim(sha))?.submissionId;
      expect(outcomes.find((o) => !o.claimed)).toEqual({ claimed: false, holder: { id: holder } });
    });

    it('takes a cover note over from a submission that failed before its symbol, and from one never recorded once the grace is over', async () => {
      const { submissions, covers, clock } = make();
      const failed = submissionIn('FAILED');
      await submissions.createSubmission(failed);
      const sha = newCover();
      await covers.claimCover(sha, failed.id);
      expect(await covers.claimCover(sha, 'next')).toEqual({ claimed: true });
      const lost = newCover();
      await covers.claimCover(lost, 'never-recorded');
      expect(await covers.claimCover(lost, 'next')).toMatchObject({ claimed: false });
      clock.advance(UNRECORDED_CLAIM_GRACE_MS);
      const takers = await Promise.all(['next', 'another'].map((id) => covers.claimCover(lost, id)));
      expect(takers.filter((o) => o.claimed)).toHaveLength(1);
    });

    it('gives each owner one number, the same when it asks again, from the start', async () => {
      const { counters } = make();
      const series = `TEST#${name}#1`;
      expect(await counters.allocate(series, 'a', 5)).toBe(5);
      expect(await counters.allocate(series, 'b', 5, 6)).toBe(6);
      expect(await counters.allocate(series, 'a', 5)).toBe(5);
      expect(await counters.allocate(series, 'c', 5)).toBe(12);
      expect(await counters.getCounter(series)).toMatchObject({ next: 13, first: 5, claims: { a: 5, b: 6, c: 12 } });
    });

    it('moves a counter’s start only while it has issued nothing', async () => {
      const { counters } = make();
      const series = `TEST#${name}#2`;
      expect(await counters.setCounterStart(series, 10, 'x')).toMatchObject({ next: 10, first: 10, history: [{ action: 'series-start', start: 10, by: 'x' }] });
      expect((await counters.setCounterStart(series, 11, 'y')).history).toHaveLength(2);
      await counters.allocate(series, 'a', 1);
      await expect(counters.setCounterStart(series, 12, 'z')).rejects.toThrow(Conflict);
      await expect(counters.setCounterStart(series, 12, 'z')).rejects.toThrow(`${series} has already issued numbers from 11 to 11; its start can no longer change`);
    });
  });
}

let t: Awaited<ReturnType<typeof startTestStore>>;
/** The real store's clock, moved on by the checks that need time to pass (every check's times are its own). */
const tableClock = new FakeClock();
beforeAll(async () => { t = await startTestStore({ clock: tableClock.date }); });
afterAll(async () => t?.close());

contract('the real store on dynalite', () => ({ submissions: t.store, counters: t.store, covers: t.store, clock: tableClock }));
contract('the fakes', () => {
  const clock = new FakeClock();
  const submissions = new FakeSubmissionStore(clock);
  return { submissions, counters: new FakeCounterStore(clock), covers: submissions, clock };
});
