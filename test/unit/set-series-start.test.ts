import { describe, expect, it } from '@jest/globals';
import { setSeriesStart } from '../../functions/set-series-start/set-series-start';
import { BadRequest, Conflict } from '#shared/domain/errors';
import { FakeClock, FakeCounterStore } from '../support/fakes';

const BY = 'registry.clerk@un.org';

function setup() {
  const clock = new FakeClock('2021-06-18T08:00:00.000Z');
  return { clock, counters: new FakeCounterStore(clock) };
}

describe('set-series-start', () => {
  it('starts a series no number was issued in at the given number', async () => {
    const { counters } = setup();
    expect(await setSeriesStart({ series: 'A/HRC/47/G', start: 10 }, BY, counters)).toEqual({
      series: 'A/HRC/47/G', start: 10, next: 10, issued: 0,
      history: [{ at: '2021-06-18T08:00:00.000Z', action: 'series-start', start: 10, by: BY }],
    });
  });

  it('makes the first number taken afterwards the start', async () => {
    const { counters } = setup();
    await setSeriesStart({ series: 'A/HRC/47/G', start: 10 }, BY, counters);
    expect(await counters.allocate('A/HRC/47/G', '01J0000000000000000000000A', 1)).toBe(10);
  });

  it('may change the start until a number is issued, keeping every change in the history', async () => {
    const { counters, clock } = setup();
    await setSeriesStart({ series: 'A/HRC/47/G', start: 10 }, BY, counters);
    clock.advance(60_000);
    const view = await setSeriesStart({ series: 'A/HRC/47/G', start: 12 }, 'second.clerk@un.org', counters);
    expect(view).toMatchObject({ start: 12, next: 12 });
    expect(view.history.map((h) => [h.start, h.by])).toEqual([[10, BY], [12, 'second.clerk@un.org']]);
  });

  it('refuses to move the start once a number has been issued, saying which', async () => {
    const { counters } = setup();
    await setSeriesStart({ series: 'A/HRC/47/G', start: 10 }, BY, counters);
    await counters.allocate('A/HRC/47/G', '01J0000000000000000000000A', 1);
    const refused = setSeriesStart({ series: 'A/HRC/47/G', start: 20 }, BY, counters);
    await expect(refused).rejects.toThrow(Conflict);
    await expect(refused).rejects.toThrow('A/HRC/47/G has already issued numbers from 10 to 10; its start can no longer change');
    expect((await counters.getCounter('A/HRC/47/G'))?.next).toBe(11);
  });

  it('refuses a series Circulate does not issue numbers in, giving examples', async () => {
    const { counters } = setup();
    await expect(setSeriesStart({ series: 'A/HRC/47/NGO', start: 10 }, BY, counters)).rejects.toThrow(/^"A\/HRC\/47\/NGO" is not a series Circulate issues numbers in \(for example A\/HRC\/\d+\/G/);
    expect(counters.writes).toEqual([]);
  });

  it.each(['A/HRC/99/G', 'A/HRC/47/G/1', 'A/HRC/47/G/', 'a/hrc/47/g'])('refuses %s, which is not a series of a known session', async (series) => {
    const { counters } = setup();
    await expect(setSeriesStart({ series, start: 10 }, BY, counters)).rejects.toThrow(BadRequest);
    expect(counters.writes).toEqual([]);
  });

  it.each([[0, 'must be 1 or more'], [100_000, 'must be at most 99999'], [1.5, '']])('refuses a start of %s', async (start, words) => {
    const { counters } = setup();
    await expect(setSeriesStart({ series: 'A/HRC/47/G', start }, BY, counters)).rejects.toThrow(new RegExp(`^The series start is not valid: start: .*${words}`));
  });

  it('refuses a body with a field it does not take, or without the series', async () => {
    const { counters } = setup();
    await expect(setSeriesStart({ series: 'A/HRC/47/G', start: 10, next: 3 }, BY, counters)).rejects.toThrow(BadRequest);
    await expect(setSeriesStart({ start: 10 }, BY, counters)).rejects.toThrow(/series/);
    await expect(setSeriesStart(null, BY, counters)).rejects.toThrow(BadRequest);
    expect(counters.writes).toEqual([]);
  });

  it('leaves other series alone', async () => {
    const { counters } = setup();
    await setSeriesStart({ series: 'A/HRC/47/G', start: 10 }, BY, counters);
    expect(await counters.getCounter('A/HRC/48/G')).toBeUndefined();
  });
});
