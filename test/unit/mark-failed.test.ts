import { describe, expect, it } from '@jest/globals';
import { markFailed, readableCause } from '../../functions/mark-failed/mark-failed';
import { NotFound } from '#shared/domain/errors';
import { UNFINISHED_STATUSES, type Status } from '#shared/domain/schemas';
import { FakeClock, FakeSubmissionStore } from '../support/fakes';
import { submissionIn } from '../support/submissions';

const lambdaCause = (message: string) => JSON.stringify({ errorType: 'Error', errorMessage: message, trace: ['at publish (publish.ts:1)'] });

function setup(status: Status, set: NonNullable<Parameters<typeof submissionIn>[1]>['set'] = {}) {
  const record = submissionIn(status, { at: '2021-06-18T07:00:00.000Z', set });
  const store = new FakeSubmissionStore(new FakeClock('2021-06-18T08:00:00.000Z')).seed(record);
  return { store, id: record.id, record };
}

describe('the readable cause of a workflow error', () => {
  it('is the errorMessage of a Lambda error’s JSON cause, without its stack', () => {
    expect(readableCause(lambdaCause('site bucket unavailable'))).toBe('site bucket unavailable');
  });

  it('is the cause itself when it is plain text, or JSON without an errorMessage', () => {
    expect(readableCause('States.Timeout after 300 s')).toBe('States.Timeout after 300 s');
    expect(readableCause('{"reason":"x"}')).toBe('{"reason":"x"}');
    expect(readableCause('{"errorMessage": 42}')).toBe('{"errorMessage": 42}');
  });

  it('says no detail was given when there is none', () => {
    expect(readableCause(undefined)).toBe('no detail was given');
    expect(readableCause('')).toBe('no detail was given');
  });
});

describe('MarkFailed', () => {
  it('records the error’s name and readable cause on the submission and in its history', async () => {
    const { store, id } = setup('TAGGED');
    await markFailed({ submissionId: id, error: { Error: 'ListingPending', Cause: lambdaCause('A/HRC/47/G/1 is not yet on its session lists; retry') } }, store);
    const record = store.peek(id)!;
    expect(record.status).toBe('FAILED');
    expect(record.error).toEqual({ error: 'ListingPending', cause: 'A/HRC/47/G/1 is not yet on its session lists; retry' });
    expect(record.history.at(-1)).toEqual({ at: '2021-06-18T08:00:00.000Z', status: 'FAILED', detail: 'ListingPending: A/HRC/47/G/1 is not yet on its session lists; retry' });
  });

  it('names the error "Error" when Step Functions gave no name', async () => {
    const { store, id } = setup('RECEIVED');
    await markFailed({ submissionId: id, error: {} }, store);
    expect(store.peek(id)?.error).toEqual({ error: 'Error', cause: 'no detail was given' });
  });

  it.each(UNFINISHED_STATUSES)('fails a submission that is %s', async (status) => {
    const { store, id } = setup(status);
    await markFailed({ submissionId: id, error: { Error: 'SymbolConflict', Cause: 'taken' } }, store);
    expect(store.peek(id)?.status).toBe('FAILED');
  });

  it('keeps the symbol and job numbers of a submission that failed after AssignSymbol', async () => {
    const { store, id } = setup('SYMBOL_ASSIGNED', { symbol: 'A/HRC/47/G/3' });
    await markFailed({ submissionId: id, error: { Error: 'Error', Cause: 'x' } }, store);
    expect(store.peek(id)).toMatchObject({ status: 'FAILED', symbol: 'A/HRC/47/G/3' });
  });

  it('leaves a PUBLISHED submission published, writing nothing', async () => {
    const { store, id, record } = setup('PUBLISHED', { url: 'https://docs.example.org/A/HRC/47/G/1/' });
    await markFailed({ submissionId: id, error: { Error: 'Error', Cause: 'late failure of a retried Publish' } }, store);
    expect(store.peek(id)).toEqual(record);
    expect(store.writes).toEqual([]);
  });

  it('keeps the first error of a submission already FAILED', async () => {
    const { store, id } = setup('TAGGED');
    await markFailed({ submissionId: id, error: { Error: 'FirstError', Cause: 'first' } }, store);
    await markFailed({ submissionId: id, error: { Error: 'SecondError', Cause: 'second' } }, store);
    expect(store.peek(id)?.error).toEqual({ error: 'FirstError', cause: 'first' });
  });

  it('changes nothing when run twice with the same error: one FAILED entry', async () => {
    const { store, id } = setup('TAGGED');
    const input = { submissionId: id, error: { Error: 'Error', Cause: 'x' } };
    await markFailed(input, store);
    const first = store.peek(id);
    await markFailed(input, store);
    expect(store.peek(id)).toEqual(first);
    expect(first?.history.filter((h) => h.status === 'FAILED')).toHaveLength(1);
  });

  it('refuses a submission it does not know (so the ASL retries, then the execution fails)', async () => {
    await expect(markFailed({ submissionId: '01J0000000000000000000NONE', error: {} }, new FakeSubmissionStore())).rejects.toThrow(NotFound);
  });
});
