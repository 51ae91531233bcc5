import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { assignSymbol } from '../../functions/assign-symbol/assign-symbol';
import type { StoreOptions } from '#shared/adapters/store';
import { startTestStore } from '../support/dynamodb';
import { numbersOf, range, receivedSubmission, seedReceived } from '../support/submissions';

class Crash extends Error {
  override name = 'Crash';
}

/** A store whose process "dies" right after its n-th write. */
function crashingAfter(n: number): StoreOptions & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    afterWrite: (write) => {
      writes.push(write);
      if (writes.length === n) throw new Crash(`crashed after ${write}`);
    },
  };
}

describe('AssignSymbol, crashed after any one of its writes, then retried', () => {
  let t: Awaited<ReturnType<typeof startTestStore>>;
  beforeAll(async () => { t = await startTestStore(); });
  afterAll(async () => t?.close());

  it('leaves no gap and no double, even when others take numbers between the crash and the retry', async () => {
    // Every write of a first allocation: both counters created, both numbers taken, the symbol claimed, the status set.
    const probe = crashingAfter(Number.POSITIVE_INFINITY);
    const [probeId] = await seedReceived(t.store, 1, 60, '2001-06-18T08:00:00.000Z');
    await assignSymbol(probeId!, t.storeWith(probe));
    expect(probe.writes).toEqual(['createCounter:A/HRC/60/G', 'allocate:A/HRC/60/G', 'claimSymbol',
      'createCounter:JOB#G#2001', 'allocate:JOB#G#2001', 'transition:SYMBOL_ASSIGNED']);

    for (let n = 1; n <= probe.writes.length; n++) {
      // A fresh series and a fresh job-number year, so that every write of the list above happens.
      const session = 60 + n;
      const receivedAt = `${2001 + n}-06-18T08:00:00.000Z`;
      const [crashing, bystander] = await seedReceived(t.store, 2, session, receivedAt);
      await expect(assignSymbol(crashing!, t.storeWith(crashingAfter(n)))).rejects.toThrow(Crash);
      // Another submission is numbered while the crashed one waits for its retry.
      const other = await assignSymbol(bystander!, t.store);
      const retried = await assignSymbol(crashing!, t.store);
      expect(await assignSymbol(crashing!, t.store)).toEqual(retried);

      expect(numbersOf([other.symbol, retried.symbol])).toEqual([1, 2]);
      const jobs = await Promise.all([crashing!, bystander!].map(async (id) => (await t.store.mustGetSubmission(id)).jobNumbers!));
      const sequences = jobs.flatMap((j) => Object.values(j).map((job) => Number(job.internal.slice(-5))));
      expect(sequences.sort((a, b) => a - b)).toEqual(range(1, 12));
      for (const id of [crashing!, bystander!]) {
        const record = await t.store.mustGetSubmission(id);
        expect(record.status).toBe('SYMBOL_ASSIGNED');
        expect(record.history.filter((h) => h.status === 'SYMBOL_ASSIGNED')).toHaveLength(1);
      }
    }
  });

  it('gives the same six job numbers to a retry after a crash between taking them and recording them', async () => {
    const [id] = await seedReceived(t.store, 1, 62);
    const hook = crashingAfter(Number.POSITIVE_INFINITY);
    hook.afterWrite = (write) => {
      if (write.startsWith('allocate:JOB')) throw new Crash('crashed after taking job numbers');
    };
    await expect(assignSymbol(id!, t.storeWith(hook))).rejects.toThrow(Crash);
    await assignSymbol(id!, t.store);
    const [other] = await seedReceived(t.store, 1, 62);
    await assignSymbol(other!, t.store);
    const first = (await t.store.mustGetSubmission(id!)).jobNumbers!;
    const second = (await t.store.mustGetSubmission(other!)).jobNumbers!;
    expect(Number(second.ar.internal.slice(-5)) - Number(first.ar.internal.slice(-5))).toBe(6);
  });

  it('gives one symbol to concurrent duplicate runs for one submission', async () => {
    const [id] = await seedReceived(t.store, 1, 90);
    const runs = await Promise.all(Array.from({ length: 8 }, () => assignSymbol(id!, t.store)));
    expect(new Set(runs.map((r) => r.symbol))).toEqual(new Set(['A/HRC/90/G/1']));
    const [next] = await seedReceived(t.store, 1, 90);
    expect((await assignSymbol(next!, t.store)).symbol).toBe('A/HRC/90/G/2');
  });

  it('gives no number to a submission that failed, so none is wasted', async () => {
    const [failed, next] = await seedReceived(t.store, 2, 91);
    await t.store.transition(failed!, 'FAILED', { from: ['RECEIVED'], detail: 'test' });
    await expect(assignSymbol(failed!, t.store)).rejects.toThrow(/only a RECEIVED submission/);
    expect((await assignSymbol(next!, t.store)).symbol).toBe('A/HRC/91/G/1');
  });
});

describe('AssignSymbol for a corrigendum, revision or addendum (relatesTo)', () => {
  let t: Awaited<ReturnType<typeof startTestStore>>;
  beforeAll(async () => { t = await startTestStore(); });
  afterAll(async () => t?.close());

  async function seedRelated(symbol: string, kind: 'Corr' | 'Rev' | 'Add', count = 1): Promise<string[]> {
    const records = Array.from({ length: count }, () => {
      const r = receivedSubmission({ session: 70 });
      return { ...r, submission: { ...r.submission, relatesTo: { symbol, kind } } };
    });
    for (const r of records) await t.store.createSubmission(r);
    return records.map((r) => r.id);
  }

  it('numbers each kind from 1 under its document, apart from the series and from other documents', async () => {
    const [series] = await seedReceived(t.store, 1, 70);
    const [corr1, corr2] = await seedRelated('A/HRC/70/G/1', 'Corr', 2);
    const [rev1] = await seedRelated('A/HRC/70/G/1', 'Rev');
    const [add1] = await seedRelated('A/HRC/70/G/1', 'Add');
    const [other] = await seedRelated('A/HRC/70/G/2', 'Corr');
    const symbols = [];
    for (const id of [corr1, series, corr2, rev1, add1, other]) symbols.push((await assignSymbol(id!, t.store)).symbol);
    expect(symbols).toEqual(['A/HRC/70/G/1/Corr.1', 'A/HRC/70/G/1', 'A/HRC/70/G/1/Corr.2', 'A/HRC/70/G/1/Rev.1', 'A/HRC/70/G/1/Add.1', 'A/HRC/70/G/2/Corr.1']);
    expect((await t.store.mustGetSubmission(corr2!)).jobNumbers).toBeDefined();
  });

  it('gives concurrent corrigenda of one document gapless numbers, each once', async () => {
    const ids = await seedRelated('A/HRC/70/G/5', 'Corr', 12);
    const runs = await Promise.all(ids.flatMap((id) => [assignSymbol(id, t.store), assignSymbol(id, t.store)]));
    const byId = new Map(runs.map((r) => [r.submissionId, r.symbol]));
    expect(byId.size).toBe(12);
    expect([...byId.values()].map((s) => Number(s.split('.').pop())).sort((a, b) => a - b)).toEqual(range(1, 12));
  });

  it('gives a retry after a crash between taking the number and recording it the same number', async () => {
    const [crashing, bystander] = await seedRelated('A/HRC/70/G/6', 'Rev', 2);
    const hook = crashingAfter(Number.POSITIVE_INFINITY);
    hook.afterWrite = (write) => {
      if (write === 'allocate:A/HRC/70/G/6/Rev') throw new Crash('crashed after taking the revision number');
    };
    await expect(assignSymbol(crashing!, t.storeWith(hook))).rejects.toThrow(Crash);
    expect((await assignSymbol(bystander!, t.store)).symbol).toBe('A/HRC/70/G/6/Rev.2');
    expect((await assignSymbol(crashing!, t.store)).symbol).toBe('A/HRC/70/G/6/Rev.1');
  });
});

