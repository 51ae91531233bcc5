import { describe, expect, it } from '@jest/globals';
import { register } from '../../functions/register/register';
import { InvalidTransition, NotFound } from '#shared/domain/errors';
import { FakeClock, FakeSubmissionStore } from '../support/fakes';
import { annex, coverNote, submissionIn } from '../support/submissions';

class Crash extends Error {
  override name = 'Crash';
}

function setup(status: Parameters<typeof submissionIn>[0] = 'AWAITING_UPLOAD', uploads = [coverNote(), annex()]) {
  const clock = new FakeClock('2021-06-18T08:00:00.000Z');
  const record = submissionIn(status, { at: '2021-06-18T07:00:00.000Z', uploads });
  const store = new FakeSubmissionStore(clock).seed(record);
  return { clock, store, id: record.id, record };
}

describe('Register', () => {
  it('moves a submission whose files are in from AWAITING_UPLOAD to RECEIVED', async () => {
    const { store, id } = setup();
    await register(id, store);
    expect(store.peek(id)?.status).toBe('RECEIVED');
  });

  it('stamps receivedAt and updatedAt with the store’s clock', async () => {
    const { store, id } = setup();
    await register(id, store);
    expect(store.peek(id)).toMatchObject({ receivedAt: '2021-06-18T08:00:00.000Z', updatedAt: '2021-06-18T08:00:00.000Z' });
  });

  it('says in the history how many files were received and verified', async () => {
    const two = setup();
    await register(two.id, two.store);
    expect(two.store.peek(two.id)?.history.at(-1)).toEqual({ at: '2021-06-18T08:00:00.000Z', status: 'RECEIVED', detail: '2 files received and verified' });
    const one = setup('AWAITING_UPLOAD', [coverNote()]);
    await register(one.id, one.store);
    expect(one.store.peek(one.id)?.history.at(-1)?.detail).toBe('1 file received and verified');
  });

  it('hands the next step the submission id, and nothing else', async () => {
    const { store, id } = setup();
    expect(await register(id, store)).toEqual({ submissionId: id, flow: 'document' });
  });

  it('keeps the rest of the record as it was', async () => {
    const { store, id, record } = setup();
    await register(id, store);
    const { status: _s, updatedAt: _u, receivedAt: _r, history, ...rest } = store.peek(id)!;
    const { status: _s0, updatedAt: _u0, history: history0, ...before } = record;
    expect(rest).toEqual(before);
    expect(history.slice(0, -1)).toEqual(history0);
  });

  it('changes nothing when run twice: one RECEIVED entry, the first receivedAt', async () => {
    const { store, id, clock } = setup();
    await register(id, store);
    const first = store.peek(id);
    clock.advance(60_000);
    expect(await register(id, store)).toEqual({ submissionId: id, flow: 'document' });
    expect(store.peek(id)).toEqual(first);
    expect(store.peek(id)?.history.filter((h) => h.status === 'RECEIVED')).toHaveLength(1);
    expect(store.writes).toEqual(['transition:RECEIVED']);
  });

  it('ends in the same record when retried after a crash right after its write', async () => {
    const { store, id } = setup();
    store.afterWrite = () => { throw new Crash('died after the write'); };
    await expect(register(id, store)).rejects.toThrow(Crash);
    const crashed = store.peek(id);
    store.afterWrite = undefined;
    await register(id, store);
    expect(store.peek(id)).toEqual(crashed);
    expect(crashed?.status).toBe('RECEIVED');
  });

  it('leaves a submission already further along the flow as it is', async () => {
    const { store, id, record } = setup('SYMBOL_ASSIGNED');
    await register(id, store);
    expect(store.peek(id)).toEqual(record);
    expect(store.writes).toEqual([]);
  });

  it('refuses to register a submission that is already FAILED', async () => {
    const { store, id, record } = setup('FAILED');
    await expect(register(id, store)).rejects.toThrow(InvalidTransition);
    await expect(register(id, store)).rejects.toThrow(`Submission ${id} is FAILED; it cannot become RECEIVED`);
    expect(store.peek(id)).toEqual(record);
  });

  it('refuses a submission it does not know, writing nothing', async () => {
    const store = new FakeSubmissionStore();
    await expect(register('01J0000000000000000000NONE', store)).rejects.toThrow(NotFound);
    expect(store.writes).toEqual([]);
  });
});
