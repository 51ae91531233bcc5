import { describe, expect, it } from '@jest/globals';
import { formatJobNumber, jobCounterName, jobNumbersFrom, reissuedJobNumber } from '#shared/domain/job-numbers';
import { REGISTRY } from '#shared/domain/registry';

const GENEVA = REGISTRY.dutyStations.GE!;
const NEW_YORK = { name: 'New York', letter: 'N', printedPrefix: '', jobNumberStart: 1 };

describe('job numbers', () => {
  it('prints Geneva numbers as GE.yy-nnnnn(L) and keeps the internal form', () => {
    expect(formatJobNumber(GENEVA, 2021, 8237, 'en')).toEqual({ internal: 'G2108237', printed: 'GE.21-08237(E)' });
  });
  it('prints a bare number where the duty station prints no prefix', () => {
    expect(formatJobNumber(NEW_YORK, 2021, 8237, 'fr').printed).toBe('21-08237');
  });
  it('numbers the six versions consecutively in the UN language order', () => {
    const jobs = jobNumbersFrom(GENEVA, 2021, 8235);
    expect(Object.values(jobs).map((j) => j.printed)).toEqual(
      ['GE.21-08235(A)', 'GE.21-08236(C)', 'GE.21-08237(E)', 'GE.21-08238(F)', 'GE.21-08239(R)', 'GE.21-08240(S)']);
  });
  it('refuses a sequence that does not fit five digits', () => {
    expect(() => jobNumbersFrom(GENEVA, 2021, 99_996)).toThrow(/outside 1–99999/);
  });
  it('keeps one counter per duty station and year', () => {
    expect(jobCounterName(GENEVA, 2021)).not.toBe(jobCounterName(GENEVA, 2022));
  });
  it('marks a reissued version’s number with * before its language letter, once, and keeps the number', () => {
    const fr = formatJobNumber(GENEVA, 2021, 8238, 'fr');
    expect(reissuedJobNumber(fr)).toEqual({ internal: 'G2108238', printed: 'GE.21-08238*(F)' });
    expect(reissuedJobNumber(reissuedJobNumber(fr))).toEqual(reissuedJobNumber(fr));
    expect(reissuedJobNumber(formatJobNumber(NEW_YORK, 2021, 8237, 'fr')).printed).toBe('21-08237*');
  });
});
