import fc from 'fast-check';
import { describe, expect, it } from '@jest/globals';
import { BadRequest, MalformedSymbol } from '#shared/domain/errors';
import {
  DOTTED_SERIES, FINAL_KINDS, LEADING_SERIES, SLASH_SERIES, formatSymbol, parseSymbol, seriesKeyOf, seriesPrefix, symbolOf,
  validateSymbol, type FinalComponent, type FinalKind, type Organ, type ParsedSymbol, type Period, type Series,
} from '#shared/domain/symbols';
import { labelled } from '../support/expect';

const session = (number: number) => ({ kind: 'session', number });
const year = (y: number) => ({ kind: 'year', year: y });

/** Real symbols, each with where it was seen and the fields that matter. */
const REAL: [symbol: string, seenIn: string, expected: object][] = [
  // Human Rights Council: communications from States (G), NGO statements, reports
  ['A/HRC/47/G/10', 'the sample note verbale (docs/domain.md; docslib.org)', { organ: 'A', bodies: ['HRC'], period: session(47), series: { kind: 'slash', code: 'G' }, number: 10, finals: [], reissued: false }],
  ['A/HRC/30/G/5', 'HRC 30 order of the day, 28 September 2015 (studylib.net)', { series: { kind: 'slash', code: 'G' }, number: 5 }],
  ['A/HRC/32/G/11', 'HRC 32 order of the day, 29 June 2016 (docest.com)', { period: session(32), number: 11 }],
  ['A/HRC/30/NGO/16', 'HRC 30 order of the day (studylib.net)', { series: { kind: 'slash', code: 'NGO' }, number: 16 }],
  ['A/HRC/31/NGO/227', 'HRC 31 order of the day, 9 March 2016 (docslib.org)', { series: { kind: 'slash', code: 'NGO' }, number: 227 }],
  ['A/HRC/8/NGO/18', 'Amnesty International, HRC 8 statements (amnesty.org)', { period: session(8), number: 18 }],
  ['A/HRC/5/21', 'report on the fifth session (humanrightsvoices.org)', { series: { kind: 'general' }, period: session(5), number: 21 }],
  ['A/HRC/4/123', 'report on the fourth session (docslib.org)', { series: { kind: 'general' }, number: 123 }],
  ['A/HRC/31/57/Add.4/Corr.1', 'HRC 31 order of the day, 9 March 2016 (docslib.org)', { number: 57, finals: [{ kind: 'Add', number: 4 }, { kind: 'Corr', number: 1 }] }],
  ['A/HRC/31/70/Corr.1', 'HRC 31 order of the day, 14 March 2016 (docsbay.net)', { number: 70, finals: [{ kind: 'Corr', number: 1 }] }],
  // drafts (L.), conference room papers, summary records, orders of the day
  ['A/HRC/35/L.33/Rev.1', 'HRC 35 order of the day, 22 June 2017 (docslib.org)', { series: { kind: 'dotted', code: 'L' }, number: 33, finals: [{ kind: 'Rev', number: 1 }] }],
  ['A/HRC/44/L.18/Rev.1', 'a citation of the right-to-development draft (GitHub)', { series: { kind: 'dotted', code: 'L' }, number: 18 }],
  ['A/HRC/22/L.13', 'lawsdocbox.com', { series: { kind: 'dotted', code: 'L' }, number: 13, finals: [] }],
  ['A/HRC/32/CRP.3', 'HRC 32 order of the day (docest.com)', { series: { kind: 'dotted', code: 'CRP' }, number: 3 }],
  ['A/HRC/2/CRP.1', 'summary record of HRC 2, 1st meeting (UNISPAL)', { period: session(2), series: { kind: 'dotted', code: 'CRP' } }],
  ['A/HRC/1/SR.3', 'summary record, first session (scribd)', { series: { kind: 'dotted', code: 'SR' }, number: 3 }],
  ['A/HRC/31/OD/3', 'order of the day, 2 March 2016 (studylib.net)', { series: { kind: 'slash', code: 'OD' }, number: 3 }],
  ['A/HRC/37/OD/1/Rev.1', 'order of the day, 26 February 2018 (scribd)', { series: { kind: 'slash', code: 'OD' }, finals: [{ kind: 'Rev', number: 1 }] }],
  // special sessions, resolutions, decisions, President's statements
  ['A/HRC/S-17/2', 'report on the 17th special session (lawsdocbox.com)', { period: { kind: 'special-session', number: 17 }, series: { kind: 'general' }, number: 2 }],
  ['A/HRC/RES/33/10', 'resolution 33/10 (lawsdocbox.com)', { series: { kind: 'leading', code: 'RES' }, period: session(33), number: 10 }],
  ['A/HRC/DEC/18/117', 'HRC decision 18/117 (GitHub mandate registry)', { series: { kind: 'leading', code: 'DEC' }, period: session(18), number: 117 }],
  ['A/HRC/PRST/15/2', "HRC President's statement 15/2 (GitHub mandate registry)", { series: { kind: 'leading', code: 'PRST' }, number: 2 }],
  // Universal Periodic Review: the three documents, a corrigendum, the working group's report
  ['A/HRC/WG.6/30/AZE/1', 'national report, listed in A/HRC/39/14 para. 3 (right-docs.org)', { bodies: ['HRC', 'WG.6'], period: session(30), series: { kind: 'country', country: 'AZE' }, number: 1 }],
  ['A/HRC/WG.6/30/AZE/2/Corr.1', 'compilation "and Corr.1", A/HRC/39/14 para. 3', { series: { kind: 'country', country: 'AZE' }, number: 2, finals: [{ kind: 'Corr', number: 1 }] }],
  ['A/HRC/WG.6/30/AZE/3', 'summary of stakeholders, A/HRC/39/14 para. 3', { series: { kind: 'country', country: 'AZE' }, number: 3 }],
  ['A/HRC/39/14', 'Report of the Working Group on the UPR: Azerbaijan (right-docs.org)', { bodies: ['HRC'], series: { kind: 'general' }, number: 14 }],
  ['A/HRC/WG.8/1/CRP.2', 'HRC review working group (businessdocbox.com)', { bodies: ['HRC', 'WG.8'], series: { kind: 'dotted', code: 'CRP' }, number: 2 }],
  ['A/HRC/EMRIP/2025/2', 'Expert Mechanism on the Rights of Indigenous Peoples (GitHub citation)', { bodies: ['HRC', 'EMRIP'], period: year(2025), number: 2 }],
  // General Assembly and its Main Committees
  ['A/RES/70/1', 'the 2030 Agenda', { organ: 'A', bodies: [], series: { kind: 'leading', code: 'RES' }, period: session(70), number: 1 }],
  ['A/RES/ES-10/21', 'emergency special session resolution (GitHub vote data)', { period: { kind: 'emergency-special-session', number: 10 }, number: 21 }],
  ['A/DEC/80/506', 'GA decision (GitHub vote data)', { series: { kind: 'leading', code: 'DEC' }, period: session(80), number: 506 }],
  ['A/C.3/78/L.41', 'Third Committee draft (GitHub UN resolution data)', { bodies: ['C.3'], series: { kind: 'dotted', code: 'L' }, number: 41 }],
  ['A/C.3/78/L.5/Rev.1', 'Third Committee revised draft (GitHub)', { bodies: ['C.3'], number: 5, finals: [{ kind: 'Rev', number: 1 }] }],
  ['A/C.5/54/SR.1', 'Fifth Committee summary record (UN documents dataset, huggingface.co)', { bodies: ['C.5'], series: { kind: 'dotted', code: 'SR' } }],
  ['A/65/PV.73', 'GA plenary verbatim record (GA votes dataset, huggingface.co)', { bodies: [], series: { kind: 'dotted', code: 'PV' }, number: 73 }],
  ['A/INF/76/4/Rev.1', 'information note for delegations, Delegates Handbook (ST/CS/71)', { series: { kind: 'leading', code: 'INF' }, period: session(76), number: 4, finals: [{ kind: 'Rev', number: 1 }] }],
  ['A/76/100*', 'annotated preliminary list, reissued (123dok.co)', { series: { kind: 'general' }, number: 100, reissued: true }],
  // Security Council, ECOSOC and its commissions, Secretariat: by year
  ['S/2020/1110', 'docs/domain.md#symbols', { organ: 'S', bodies: [], period: year(2020), number: 1110 }],
  ['S/PRST/2004/36', "Security Council President's statement (GitHub mandate registry)", { organ: 'S', series: { kind: 'leading', code: 'PRST' }, period: year(2004) }],
  ['E/2019/9', 'docs/domain.md#symbols', { organ: 'E', period: year(2019), number: 9 }],
  ['E/DEC/2015/1', 'ECOSOC decision (GitHub mandate registry)', { organ: 'E', series: { kind: 'leading', code: 'DEC' } }],
  ['E/CN.4/2005/L.10', 'Commission on Human Rights draft (GitHub symbol parser)', { bodies: ['CN.4'], period: year(2005), series: { kind: 'dotted', code: 'L' } }],
  ['E/CN.17/ESD/2000/L.1', 'Commission on Sustainable Development (UN documents dataset)', { bodies: ['CN.17', 'ESD'], period: year(2000) }],
  ['E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1', 'worked example of the Columbia Law UN research guide', { bodies: ['CN.4', 'Sub.2', 'AC.2'], period: year(1987), series: { kind: 'dotted', code: 'WP' }, number: 4, finals: [{ kind: 'Add', number: 1 }] }],
  ['ST/SGB/2024/1', "Secretary-General's bulletin (GitHub symbol parser)", { organ: 'ST', bodies: ['SGB'], period: year(2024) }],
];

describe('real symbols', () => {
  it('has a table of at least 30', () => expect(REAL.length).toBeGreaterThanOrEqual(30));

  it.each(REAL)('%s (%s) parses to its structure and formats back identically', (symbol, _seenIn, expected) => {
    const parsed = parseSymbol(symbol);
    expect(parsed).toMatchObject(expected);
    expect(formatSymbol(parsed)).toBe(symbol);
    expect(validateSymbol(symbol)).toEqual({ ok: true, symbol: parsed });
  });

  it('keys each document to the series its number was taken in', () => {
    expect(seriesKeyOf(parseSymbol('A/HRC/47/G/10'))).toBe('A/HRC/47/G');
    expect(seriesKeyOf(parseSymbol('A/HRC/35/L.33/Rev.1'))).toBe('A/HRC/35/L');
    expect(seriesKeyOf(parseSymbol('A/HRC/31/57/Add.4/Corr.1'))).toBe('A/HRC/31');
    expect(seriesKeyOf(parseSymbol('A/HRC/RES/33/10'))).toBe('A/HRC/RES/33');
    expect(seriesKeyOf(parseSymbol('A/HRC/WG.6/30/AZE/2/Corr.1'))).toBe('A/HRC/WG.6/30/AZE');
    expect(seriesKeyOf(parseSymbol('S/2020/1110'))).toBe('S/2020');
  });
});

describe('malformed symbols', () => {
  it.each([
    ['A/HRC/47/G/', '"A/HRC/47/G/" — the document number is missing after "G/"'],
    ['A/HRC/47/G/010', '"A/HRC/47/G/010" — numbers do not start with 0'],
    ['A/HRC/47/10/Corr', '"A/HRC/47/10/Corr" — "Corr" needs a number ("Corr.1")'],
    ['a/hrc/47/1', '"a/hrc/47/1" — symbols are written in capitals'],
    ['A/HRC/47/10/Adendum.1', 'unknown final component "Adendum.1" (expected Add., Corr., Rev. or Amend.)'],
    ['', 'the symbol is empty'],
    ['A/HRC/47/G/10 ', 'whitespace at position 14'],
    [' A/HRC/47/G/10', 'whitespace at position 1'],
    ['S/RES/2532 (2020)', 'whitespace at position 11'],
    ['A/HRC/47/G#10', '"#" at position 11 is not used in symbols'],
    ['A/HRC//47/1', 'empty part ("//") after "A/HRC"'],
    ['A/HRC/47/1/', 'nothing follows the last "/"'],
    ['/A/HRC/47/1', 'the organ (A, E, S or ST) is missing before the first "/"'],
    ['A/HRC/47', 'the document number is missing after "47"'],
    ['A/HRC', 'the session or year is missing after "HRC"'],
    ['A/HRC/G/10', 'expected the session ("47", "S-4") or the year ("2020") after "HRC", found "G"'],
    ['A/HRC/047/1', 'numbers do not start with 0 ("047")'],
    ['A/HRC/47/0', 'numbers start at 1'],
    ['A/HRC/47/1234567', 'too long for a number'],
    ['A/HRC/s-4/5', 'symbols are written in capitals ("s-4" → "S-4")'],
    ['A/HRC/S-/5', '"S-" needs the session\'s number ("S-4")'],
    ['A/HRC/1899/1', '"1899" is neither a session (at most 3 digits) nor a year (1946 or later)'],
    ['S/75/1', 'Security Council (S) documents carry a year, not a session (S/2020/1110)'],
    ['E/47/1', 'Economic and Social Council (E) documents carry a year'],
    ['A/2020/1', 'General Assembly documents carry a session, not a year (A/75/1)'],
    ['A/HRC/ES-10/1', 'emergency special sessions ("ES-10") are the General Assembly\'s own'],
    ['A/HRC/47/L', '"L" takes its number after a dot ("L.1")'],
    ['A/HRC/47/L./Rev.1', '"L." needs a number ("L.1")'],
    ['A/HRC/47/G.10', 'the G series is written with a slash ("G/10")'],
    ['A/HRC/47/ngo/1', 'symbols are written in capitals ("ngo" → "NGO")'],
    ['A/HRC/47/XYZ/1', 'unknown series "XYZ"'],
    ['A/HRC/47/AZE/1', 'unknown series "AZE"'],
    ['A/HRC/47/Add.1', 'the document number is missing before "Add.1"'],
    ['A/HRC/47/10/add.1', '"add.1" is written "Add.1"'],
    ['A/HRC/47/10/Add1', '"Add1" is written "Add.1"'],
    ['A/HRC/47/10/Add.01', 'numbers do not start with 0 ("Add.01")'],
    ['A/HRC/47/10/11', 'unexpected "11" after the document number (expected Add., Corr., Rev. or Amend.)'],
    ['A/HRC/47/10/Corr.1/Add.1', 'nothing follows a corrigendum ("Corr.1")'],
    ['A/HRC/47/L.1/Rev.1/Rev.2', '"Rev.2" cannot follow "Rev.1" (never twice the same kind in a row)'],
    ['A/HRC/47/10**', 'the reissue mark "*" comes once, at the very end'],
    ['A/HRC/47*/10', 'the reissue mark "*" comes once, at the very end'],
    ['CCPR/C/GC/36', 'unknown organ "CCPR" (expected A, E, S or ST)'],
    ['A/HRC/WG.6/30/AZE/4', 'UPR documents are numbered 1 (national report), 2 (compilation) or 3 (summary), not 4'],
    ['A/HRC/WG.06/30/AZE/1', 'numbers do not start with 0 ("WG.06")'],
    ['A/HRC/RES/47', 'the resolution number is missing after "47"'],
    ['A/HRC/RES/47/L.1', 'expected the resolution number after "47", found "L.1"'],
    ['E/CN.4/SUB.2/2005/1', '"SUB.2" is written "Sub.2"'],
  ])('%j: %s', (input, fragment) => {
    expect(() => parseSymbol(input)).toThrow(MalformedSymbol);
    expect(() => parseSymbol(input)).toThrow(fragment);
    expect(validateSymbol(input)).toEqual({ ok: false, error: expect.stringContaining(fragment) });
  });

  it('is a 400 named MalformedSymbol that points at the offending part', () => {
    const error = (() => { try { parseSymbol('A/HRC/47/G/010'); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(BadRequest);
    expect(error).toMatchObject({ name: 'MalformedSymbol', status: 400, details: { symbol: 'A/HRC/47/G/010', at: 11 } });
  });
});

// ---- arbitraries: valid structures only, by the same rules the grammar states

const RESERVED = new Set([...Object.keys(LEADING_SERIES), ...Object.keys(SLASH_SERIES), ...Object.keys(DOTTED_SERIES), ...Object.keys(FINAL_KINDS).map((k) => k.toUpperCase()), 'SUB']);
const positive = (max: number) => fc.integer({ min: 1, max });
const bodyWord = fc.stringMatching(/^[A-Z]{1,5}$/).filter((w) => !RESERVED.has(w));
const body = fc.oneof(bodyWord, fc.tuple(bodyWord, positive(999)).map(([w, n]) => `${w}.${n}`), positive(9).map((n) => `Sub.${n}`));

const organAndBodies: fc.Arbitrary<{ organ: Organ; bodies: string[] }> = fc.oneof(
  fc.record({ organ: fc.constantFrom<Organ>('A', 'E', 'S', 'ST'), bodies: fc.array(body, { maxLength: 3 }) }),
  fc.constant<{ organ: Organ; bodies: string[] }>({ organ: 'A', bodies: ['HRC'] }),
  fc.constant<{ organ: Organ; bodies: string[] }>({ organ: 'A', bodies: ['HRC', 'WG.6'] }),
);

function periodFor(organ: Organ, bodies: string[]): fc.Arbitrary<Period> {
  const regular = positive(999).map((number): Period => ({ kind: 'session', number }));
  const special = positive(99).map((number): Period => ({ kind: 'special-session', number }));
  const emergency = positive(99).map((number): Period => ({ kind: 'emergency-special-session', number }));
  const byYear = fc.integer({ min: 1946, max: 9999 }).map((y): Period => ({ kind: 'year', year: y }));
  if (organ === 'S' || organ === 'ST') return byYear;
  if (organ === 'E') return fc.oneof(byYear, special);
  return bodies.length === 0 ? fc.oneof(regular, special, emergency) : fc.oneof(regular, special, byYear);
}

function seriesFor(organ: Organ, bodies: string[]): fc.Arbitrary<Series> {
  const options: fc.Arbitrary<Series>[] = [
    fc.constant({ kind: 'general' }),
    fc.constantFrom(...(Object.keys(LEADING_SERIES) as (keyof typeof LEADING_SERIES)[])).map((code): Series => ({ kind: 'leading', code })),
    fc.constantFrom(...(Object.keys(SLASH_SERIES) as (keyof typeof SLASH_SERIES)[])).map((code): Series => ({ kind: 'slash', code })),
    fc.constantFrom(...(Object.keys(DOTTED_SERIES) as (keyof typeof DOTTED_SERIES)[])).map((code): Series => ({ kind: 'dotted', code })),
  ];
  if (organ === 'A' && bodies.join('/') === 'HRC/WG.6') {
    options.push(fc.stringMatching(/^[A-Z]{3}$/).filter((c) => !RESERVED.has(c)).map((country): Series => ({ kind: 'country', country })));
  }
  return fc.oneof(...options);
}

/** Add/Rev/Amend never twice in a row, then perhaps a corrigendum, which ends the chain. */
const finals: fc.Arbitrary<FinalComponent[]> = fc
  .tuple(fc.array(fc.record({ kind: fc.constantFrom<FinalKind>('Add', 'Rev', 'Amend'), number: positive(150) }), { maxLength: 4 }), fc.option(positive(9), { nil: undefined }))
  .map(([chain, corr]) => {
    const out = chain.filter((f, i) => i === 0 || chain[i - 1]?.kind !== f.kind);
    return corr === undefined ? out : [...out, { kind: 'Corr' as const, number: corr }];
  });

const parsedSymbol: fc.Arbitrary<ParsedSymbol> = organAndBodies.chain(({ organ, bodies }) =>
  fc.record({ period: periodFor(organ, bodies), series: seriesFor(organ, bodies) }).chain(({ period, series }) =>
    fc.record({
      organ: fc.constant(organ),
      bodies: fc.constant(bodies),
      series: fc.constant(series),
      period: fc.constant(period),
      number: series.kind === 'country' ? positive(3) : positive(999_999),
      finals,
      reissued: fc.boolean(),
    })));

// ---- mutations that are never valid

type Mutation = (p: ParsedSymbol, s: string, pick: number) => string;
const withoutMark = (p: ParsedSymbol, s: string) => (p.reissued ? s.slice(0, -1) : s);
const withMark = (p: ParsedSymbol, s: string) => (p.reissued ? `${s}*` : s);
const periodIndex = (p: ParsedSymbol) => 1 + p.bodies.length + (p.series.kind === 'leading' ? 1 : 0);
const numberIndex = (p: ParsedSymbol) => periodIndex(p) + 1 + (p.series.kind === 'slash' || p.series.kind === 'country' ? 1 : 0);

const MUTATIONS: Record<string, Mutation> = {
  // The session (or year) and the number are each required exactly once.
  'drop the session': (p, s) => withMark(p, withoutMark(p, s).split('/').filter((_, i) => i !== periodIndex(p)).join('/')),
  'drop the number': (p, s) => withMark(p, withoutMark(p, s).split('/').filter((_, i) => i !== numberIndex(p)).join('/')),
  'double a slash': (_p, s, pick) => {
    const slashes = [...s].flatMap((c, i) => (c === '/' ? [i] : []));
    const at = slashes[pick % slashes.length] ?? 0;
    return `${s.slice(0, at)}/${s.slice(at)}`;
  },
  'insert a space': (_p, s, pick) => { const at = pick % (s.length + 1); return `${s.slice(0, at)} ${s.slice(at)}`; },
  'lower-case': (_p, s) => s.toLowerCase(),
  'add a leading zero': (_p, s, pick) => {
    const starts = [...s].flatMap((c, i) => (/\d/.test(c) && !/\d/.test(s[i - 1] ?? '') ? [i] : []));
    const at = starts[pick % starts.length] ?? 0;
    return `${s.slice(0, at)}0${s.slice(at)}`;
  },
  'strip the number from a final component': (p, s, pick) => {
    if (p.finals.length === 0) return `${withoutMark(p, s)}/Add${p.reissued ? '*' : ''}`;
    const parts = withoutMark(p, s).split('/');
    const i = parts.length - p.finals.length + (pick % p.finals.length);
    parts[i] = pick % 2 ? `${p.finals[i - (parts.length - p.finals.length)]?.kind}` : `${p.finals[i - (parts.length - p.finals.length)]?.kind}.`;
    return withMark(p, parts.join('/'));
  },
  'append junk': (_p, s, pick) => s + (['/', '//', '/X', '-', '#', '**', ' ', '.', '/Add', '/0', '/add.1', 'x'][pick % 12] ?? '/'),
};

describe('the grammar, by property', () => {
  it('formats every valid structure so that it parses back to the same structure', () => {
    fc.assert(fc.property(parsedSymbol, (p) => {
      const s = formatSymbol(p);
      expect(parseSymbol(s)).toEqual(p);
      expect(formatSymbol(parseSymbol(s))).toBe(s);
      expect(s.startsWith(seriesKeyOf(p))).toBe(true);
    }), { numRuns: 2000 });
  });

  it.each(Object.keys(MUTATIONS))('rejects a valid symbol after "%s", saying why', (name) => {
    const mutate = MUTATIONS[name]!;
    fc.assert(fc.property(parsedSymbol, fc.nat(), (p, pick) => {
      const mutated = mutate(p, formatSymbol(p), pick);
      let error: unknown;
      try { parseSymbol(mutated); } catch (e) { error = e; }
      labelled(`${formatSymbol(p)} → ${mutated}`, () => expect(error).toBeInstanceOf(MalformedSymbol));
      expect((error as MalformedSymbol).message.length).toBeGreaterThan(`"${mutated}" — `.length);
    }), { numRuns: 500 });
  });
});

describe('symbols issued from the registry', () => {
  it('numbers the G series with a slash', () => {
    expect(symbolOf({ body: 'HRC', session: 47, series: 'G' }, 10)).toBe('A/HRC/47/G/10');
    expect(seriesPrefix({ body: 'HRC', session: 47, series: 'G' })).toBe('A/HRC/47/G');
  });

  it('numbers the general series straight after the session', () => {
    expect(symbolOf({ body: 'HRC', session: 47, series: '' }, 3)).toBe('A/HRC/47/3');
    expect(seriesPrefix({ body: 'HRC', session: 47, series: '' })).toBe('A/HRC/47');
  });

  it('numbers a dotted series after the dot', () => {
    expect(symbolOf({ body: 'HRC', session: 47, series: 'L' }, 3)).toBe('A/HRC/47/L.3');
    expect(seriesPrefix({ body: 'HRC', session: 47, series: 'L' })).toBe('A/HRC/47/L');
  });

  it('issues symbols the grammar reads back into the series they were numbered in', () => {
    const codes = ['', ...Object.keys(SLASH_SERIES), ...Object.keys(DOTTED_SERIES), 'RES', 'DEC', 'PRST'];
    fc.assert(fc.property(positive(999), fc.constantFrom(...codes), positive(999_999), (s, series, n) => {
      const ref = { body: 'HRC', session: s, series };
      const parsed = parseSymbol(symbolOf(ref, n));
      expect(parsed).toMatchObject({ organ: 'A', bodies: ['HRC'], period: { kind: 'session', number: s }, number: n, finals: [], reissued: false });
      expect(seriesKeyOf(parsed)).toBe(seriesPrefix(ref));
    }));
  });

  it('refuses what would not be a symbol, as a programming error rather than a bad request', () => {
    expect(() => symbolOf({ body: 'XYZ', session: 47, series: 'G' }, 1)).toThrow(RangeError);
    expect(() => symbolOf({ body: 'HRC', session: 47, series: 'Q' }, 1)).toThrow(RangeError);
    expect(() => symbolOf({ body: 'HRC', session: 0, series: 'G' }, 1)).toThrow(RangeError);
    expect(() => symbolOf({ body: 'HRC', session: 47, series: 'G' }, 0)).toThrow(RangeError);
    expect(() => symbolOf({ body: 'HRC', session: 47, series: 'G' }, 1.5)).toThrow(RangeError);
    expect(() => seriesPrefix({ body: 'HRC', session: 1000, series: 'G' })).toThrow(RangeError);
  });
});
