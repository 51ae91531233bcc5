import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api, startTestStack, submit, waitForFinalStatus } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;


describe('a step that throws', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startTestStack({ faults: { Publish: { reject: { name: 'DiskFull', message: 'the site bucket refused the page' } } } });
  });
  afterAll(async () => stack?.cleanup());

  it('ends the submission FAILED with the reason visible in GET /api/submissions/{id}', async () => {
    const id = await submit(stack);
    const record = await waitForFinalStatus(stack, id);
    expect(record.status).toBe('FAILED');
    expect(record.error).toEqual({ code: 'DiskFull', message: 'the site bucket refused the page' });
    expect((record.history as { status: string }[]).map((h) => h.status).at(-1)).toBe('FAILED');
    // The symbol it was given stays with it: numbers are never reused.
    expect(record.symbol).toBe('A/HRC/47/G/1');
  });

  it('publishes nothing for it', async () => {
    expect((await fetch(`${stack.url}/A/HRC/47/G/1/`)).status).toBe(404);
    expect((await api(stack, '/documents/A/HRC/47/G/1', { staff: false })).status).toBe(404);
  });
});
