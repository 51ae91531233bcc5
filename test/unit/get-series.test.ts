import { describe, expect, it } from '@jest/globals';
import { getSeries } from '../../functions/get-series/get-series';
import { BadRequest, NotFound } from '#shared/domain/errors';
import { FakeClock, FakeCounterStore } from '../support/fakes';

function setup() {
  return new FakeCounterStore(new FakeClock('2021-06-18T08:00:00.000Z'));
}

describe('get-series', () => {
  it('answers where a series starts, its next number and how many were issued', async () => {
    const counters = setup();
    for (const owner of ['a', 'b', 'c']) await counters.allocate('A/HRC/47/G', owner, 1);
    expect(await getSeries('A/HRC/47/G', counters)).toEqual({ series: 'A/HRC/47/G', start: 1, next: 4, issued: 3, history: [] });
  });

  it('shows who set the start of a series and when', async () => {
    const counters = setup();
    await counters.setCounterStart('A/HRC/47/G', 10, 'registry.clerk@un.org');
    await counters.allocate('A/HRC/47/G', 'a', 1);
    expect(await getSeries('A/HRC/47/G', counters)).toEqual({
      series: 'A/HRC/47/G', start: 10, next: 11, issued: 1,
      history: [{ at: '2021-06-18T08:00:00.000Z', action: 'series-start', start: 10, by: 'registry.clerk@un.org' }],
    });
  });

  it('accepts the series with a trailing slash', async () => {
    const counters = setup();
    await counters.allocate('A/HRC/47/G', 'a', 1);
    expect((await getSeries('A/HRC/47/G/', counters)).series).toBe('A/HRC/47/G');
  });

  it('answers 404 for a series no number was issued or reserved in yet', async () => {
    const counters = setup();
    await counters.allocate('A/HRC/47/G', 'a', 1);
    await expect(getSeries('A/HRC/48/G', counters)).rejects.toThrow(NotFound);
    await expect(getSeries('A/HRC/48/G', counters)).rejects.toThrow('No number has been issued or reserved in A/HRC/48/G yet');
  });

  it('refuses a series Circulate does not issue numbers in, with examples of one it does', async () => {
    await expect(getSeries('A/HRC/47/NGO', setup())).rejects.toThrow(/^"A\/HRC\/47\/NGO" is not a series Circulate issues numbers in \(for example A\/HRC\/\d+\/G/);
  });

  it.each(['A/HRC/47/G/1', 'A/HRC/0/G', 'A/HRC/999/G', 'JOB#G#2021', ''])('refuses %p, which is not a series', async (series) => {
    await expect(getSeries(series, setup())).rejects.toThrow(BadRequest);
  });

  it('writes nothing', async () => {
    const counters = setup();
    await counters.allocate('A/HRC/47/G', 'a', 1);
    const before = [...counters.writes];
    await getSeries('A/HRC/47/G', counters);
    await expect(getSeries('A/HRC/48/G', counters)).rejects.toThrow(NotFound);
    expect(counters.writes).toEqual(before);
  });
});
