import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestStore } from '../support/dynamodb';

describe('allocating numbers in a series', () => {
  let t: Awaited<ReturnType<typeof startTestStore>>;
  beforeAll(async () => { t = await startTestStore(); });
  afterAll(async () => t?.close());

  it('gives numbers from the start upward, one per owner', async () => {
    expect(await t.store.allocate('A/HRC/47/G', 'sub-a', 1)).toBe(1);
    expect(await t.store.allocate('A/HRC/47/G', 'sub-b', 1)).toBe(2);
    expect(await t.store.allocate('A/HRC/47/G', 'sub-c', 1)).toBe(3);
  });

  it('gives an owner that asks again the number it already has', async () => {
    expect(await t.store.allocate('A/HRC/47/G', 'sub-b', 1)).toBe(2);
    expect(await t.store.allocate('A/HRC/47/G', 'sub-d', 1)).toBe(4);
  });

  it('starts a new series at its configured start', async () => {
    expect(await t.store.allocate('A/HRC/48/G', 'sub-x', 10)).toBe(10);
  });

  it('gives concurrent owners distinct consecutive numbers', async () => {
    const owners = Array.from({ length: 50 }, (_, i) => `c-${i}`);
    const numbers = await Promise.all(owners.map((o) => t.store.allocate('A/HRC/49/G', o, 1)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
