import fc from 'fast-check';
import { describe, expect, it } from '@jest/globals';
import { formatDate, formatPeriod, formatPeriods } from '#shared/domain/dates';
import { ordinal } from '#shared/domain/masthead-wording/ordinals-en';
import { agendaItemTitle, body, sessionDates, sessionInRange } from '#shared/domain/registry';
import { tagTranslationStatus } from '#shared/domain/translation-status';

describe('ordinals as mastheads print them', () => {
  it.each([
    [1, 'First'], [2, 'Second'], [3, 'Third'], [5, 'Fifth'], [8, 'Eighth'], [9, 'Ninth'], [12, 'Twelfth'],
    [20, 'Twentieth'], [21, 'Twenty-first'], [34, 'Thirty-fourth'], [40, 'Fortieth'], [47, 'Forty-seventh'],
    [53, 'Fifty-third'], [54, 'Fifty-fourth'], [99, 'Ninety-ninth'], [100, 'One hundredth'],
    [101, 'One hundred and first'], [112, 'One hundred and twelfth'], [1000, 'One thousandth'],
  ])('%i → %s', (n, words) => expect(ordinal(n)).toBe(words));

  it('gives every session number a capitalised ordinal ending in -st, -nd, -rd or -th', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 999_999 }), (n) => {
      const words = ordinal(n);
      expect(words[0]).toMatch(/[A-Z]/);
      expect(words).toMatch(/(first|second|third|th)$/i);
    }));
  });

  it('refuses numbers that are not sessions', () => {
    expect(() => ordinal(0)).toThrow(RangeError);
    expect(() => ordinal(1.5)).toThrow(RangeError);
  });
});

describe('dates as UN documents print them', () => {
  it('prints a day', () => expect(formatDate('2021-06-18')).toBe('18 June 2021'));
  it('prints a session spanning two months', () => expect(formatPeriod('2021-06-21', '2021-07-09')).toBe('21 June–9 July 2021'));
  it('prints a session within one month', () => expect(formatPeriod('2020-06-15', '2020-06-23')).toBe('15–23 June 2020'));
  it('prints a session across the new year', () => expect(formatPeriod('2020-12-28', '2021-01-03')).toBe('28 December 2020–3 January 2021'));
  it('prints split periods with the year once', () => {
    expect(formatPeriods([{ from: '2020-02-24', to: '2020-03-13' }, { from: '2020-06-15', to: '2020-06-23' }]))
      .toBe('24 February–13 March and 15–23 June 2020');
  });
});

describe('the registry', () => {
  const hrc = body('HRC')!;
  it('knows session 47 with its dates and agenda item 4 with its title', () => {
    expect(sessionDates(hrc, 47)).toBe('21 June–9 July 2021');
    expect(agendaItemTitle(hrc, 4)).toBe('Human rights situations that require the Council’s attention');
    expect(agendaItemTitle(hrc, 4, 'fr')).toBe('Situations relatives aux droits de l’homme qui requièrent l’attention du Conseil');
  });
  it('accepts a session in range without dates, and none outside it', () => {
    expect(sessionInRange(hrc, 48)).toBe(true);
    expect(sessionDates(hrc, 48)).toBeUndefined();
    expect(sessionInRange(hrc, 0)).toBe(false);
    expect(sessionInRange(hrc, 10_000)).toBe(false);
  });
  it('does not know bodies it was not configured for', () => expect(body('toString')).toBeUndefined());
});

describe('translation status', () => {
  const files = [
    { part: 'cover', language: 'en' as const, translate: true },
    { part: 'annex', language: 'en' as const, translate: false },
  ];
  it('marks the submitted language original, others pending, and untranslated parts reproduced as received', () => {
    const table = tagTranslationStatus(files, 'en');
    expect(table.cover).toEqual({ ar: 'pending', zh: 'pending', en: 'original', fr: 'pending', ru: 'pending', es: 'pending' });
    expect(table.annex).toEqual({ ar: 'reproduced-as-received', zh: 'reproduced-as-received', en: 'original', fr: 'reproduced-as-received', ru: 'reproduced-as-received', es: 'reproduced-as-received' });
  });
  it('marks versions submitted in other languages as translated', () => {
    const table = tagTranslationStatus([...files, { part: 'cover', language: 'fr' as const, translate: true }], 'en');
    expect(table.cover?.fr).toBe('translated');
    expect(table.cover?.en).toBe('original');
  });
  it('gives every part all six languages, exactly one of them original', () => {
    const langs = fc.constantFrom('ar', 'zh', 'en', 'fr', 'ru', 'es') as fc.Arbitrary<'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es'>;
    fc.assert(fc.property(fc.array(fc.record({ part: fc.constantFrom('cover', 'annex', 'annex-2'), language: langs, translate: fc.boolean() }), { minLength: 1 }), langs, (fs, original) => {
      const table = tagTranslationStatus(fs, original);
      for (const statuses of Object.values(table)) {
        expect(Object.keys(statuses).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
        expect(Object.values(statuses).filter((s) => s === 'original')).toHaveLength(1);
      }
    }));
  });
});
