import { MalformedSymbol } from './errors';
import { body as bodyOf } from './registry';

/**
 * The grammar of United Nations document symbols, in the forms Circulate reads and issues:
 *
 *   symbol = organ {"/" body} ["/" leading-series] "/" period "/" numbered {"/" final} ["*"]
 *   numbered = number | slash-series "/" number | dotted-series "." number | country "/" number
 *
 * A/HRC/47/G/10 · A/HRC/47/L.1/Rev.1 · A/HRC/RES/S-30/1 · A/HRC/WG.6/30/AZE/2/Corr.1 ·
 * S/2020/1110 · E/CN.4/Sub.2/AC.2/1987/WP.4/Add.1 · A/76/100* (a leading series takes a bare number).
 * One place for the rule: parse and format here, nowhere else.
 */

export const ORGANS = {
  A: { name: 'General Assembly', example: 'A/75/1' },
  E: { name: 'Economic and Social Council', example: 'E/2019/9' },
  S: { name: 'Security Council', example: 'S/2020/1110' },
  ST: { name: 'Secretariat', example: 'ST/SGB/2019/8' },
} as const;

/** Written before the session or year: A/HRC/RES/47/1, S/PRST/2004/36, A/INF/76/4. */
export const LEADING_SERIES = { RES: 'resolution', DEC: 'decision', PRST: 'presidential statement', INF: 'information document' } as const;
/** A part of their own after the session, then the number: A/HRC/47/G/10. */
export const SLASH_SERIES = { G: 'communication from a State', NGO: 'NGO written statement', INF: 'information document', OD: 'order of the day' } as const;
/** The number joined by a dot: A/HRC/47/L.1. */
export const DOTTED_SERIES = { L: 'limited distribution', CRP: 'conference room paper', SR: 'summary record', PV: 'verbatim record', WP: 'working paper', R: 'restricted distribution' } as const;
export const FINAL_KINDS = { Add: 'addendum', Corr: 'corrigendum', Rev: 'revision', Amend: 'amendment' } as const;
/** The UPR working group issues each review's three documents under the State's code (resolution 5/1, para. 15). */
export const UPR_DOCUMENTS = { 1: 'national report', 2: 'compilation of United Nations information', 3: "summary of stakeholders' submissions" } as const;

export type Organ = keyof typeof ORGANS;
export type LeadingSeries = keyof typeof LEADING_SERIES;
export type SlashSeries = keyof typeof SLASH_SERIES;
export type DottedSeries = keyof typeof DOTTED_SERIES;
export type FinalKind = keyof typeof FINAL_KINDS;

export type Period =
  | { kind: 'session'; number: number } //                   47
  | { kind: 'special-session'; number: number } //           S-4
  | { kind: 'emergency-special-session'; number: number } // ES-10, the General Assembly's own
  | { kind: 'year'; year: number }; //                       2020

export type Series =
  | { kind: 'general' } //                              A/HRC/47/1
  | { kind: 'leading'; code: LeadingSeries } //         A/HRC/RES/47/1
  | { kind: 'slash'; code: SlashSeries } //             A/HRC/47/G/10
  | { kind: 'dotted'; code: DottedSeries } //           A/HRC/47/L.1
  | { kind: 'country'; country: string }; //            A/HRC/WG.6/40/AFG/1

export interface FinalComponent {
  kind: FinalKind;
  number: number;
}

export interface ParsedSymbol {
  organ: Organ;
  /** Subsidiary bodies, outermost first: `['HRC', 'WG.6']`, `['C.3']`, `['CN.4', 'Sub.2']`. */
  bodies: readonly string[];
  series: Series;
  period: Period;
  number: number;
  finals: readonly FinalComponent[];
  /** The trailing `*`: reissued for technical reasons. */
  reissued: boolean;
}

/** The first year of UN documents; a four-digit number before it is neither a year nor a session. */
const FIRST_YEAR = 1946;
const MAX_NUMBER_DIGITS = 6;
const UPR_WORKING_GROUP = { organ: 'A', bodies: 'HRC/WG.6' } as const;

// ---- formatting

function formatPeriod(p: Period): string {
  switch (p.kind) {
    case 'session': return String(p.number);
    case 'special-session': return `S-${p.number}`;
    case 'emergency-special-session': return `ES-${p.number}`;
    case 'year': return String(p.year);
  }
}

/** Where the document's number was taken: `A/HRC/47/G`, `A/HRC/47/L`, `A/HRC/RES/47`, `A/HRC/47` (general series). */
export function seriesKeyOf(p: ParsedSymbol): string {
  const parts: string[] = [p.organ, ...p.bodies];
  if (p.series.kind === 'leading') parts.push(p.series.code);
  parts.push(formatPeriod(p.period));
  if (p.series.kind === 'slash' || p.series.kind === 'dotted') parts.push(p.series.code);
  if (p.series.kind === 'country') parts.push(p.series.country);
  return parts.join('/');
}

export function formatSymbol(p: ParsedSymbol): string {
  const numbered = `${seriesKeyOf(p)}${p.series.kind === 'dotted' ? '.' : '/'}${p.number}`;
  return [numbered, ...p.finals.map((f) => `${f.kind}.${f.number}`)].join('/') + (p.reissued ? '*' : '');
}

// ---- reading: characters, then `/`-separated parts, each classified by its shape

interface Part {
  text: string;
  /** Offset of the part in the symbol, for `details.at`. */
  at: number;
}

type Shape =
  | { kind: 'number'; digits: string } //               47
  | { kind: 'word'; word: string } //                   HRC, G, Corr
  | { kind: 'dotted'; word: string; digits: string } // WG.6, L.1, Corr. (digits may be empty)
  | { kind: 'dashed'; word: string; digits: string } // S-4, ES-10
  | { kind: 'glued'; word: string; digits: string } //  Add1 (the dot left out)
  | { kind: 'other' };

const isLetter = (c: string | undefined) => c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isCapitals = (w: string) => w.length > 0 && w === w.toUpperCase();

function shapeOf(text: string): Shape {
  let i = 0;
  while (isLetter(text[i])) i++;
  const word = text.slice(0, i);
  const separator = text[i] === '.' || text[i] === '-' ? text[i++] : '';
  const start = i;
  while (isDigit(text[i])) i++;
  const digits = text.slice(start, i);
  if (i !== text.length) return { kind: 'other' };
  if (!word) return separator || !digits ? { kind: 'other' } : { kind: 'number', digits };
  if (separator === '.') return { kind: 'dotted', word, digits };
  if (separator === '-') return { kind: 'dashed', word, digits };
  return digits ? { kind: 'glued', word, digits } : { kind: 'word', word };
}

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);
const finalKindOf = (word: string): FinalKind | undefined =>
  (Object.keys(FINAL_KINDS) as FinalKind[]).find((k) => k.toLowerCase() === word.toLowerCase());
/** Words that mean something else, so no body is named by them. */
const isReserved = (word: string) =>
  has(LEADING_SERIES, word) || has(SLASH_SERIES, word) || has(DOTTED_SERIES, word) || finalKindOf(word) !== undefined || word.toUpperCase() === 'SUB';

class Reader {
  private position = 0;
  constructor(readonly symbol: string, private readonly parts: readonly Part[], readonly endsWithSlash: boolean) {}

  peek(): Part | undefined {
    return this.parts[this.position];
  }

  take(): Part | undefined {
    const part = this.parts[this.position];
    if (part) this.position++;
    return part;
  }

  /** The part read before `part` (for messages that say where). */
  before(part: Part): string {
    return this.parts[this.parts.indexOf(part) - 1]?.text ?? '';
  }

  require(what: string): Part {
    return this.take() ?? this.missing(what);
  }

  missing(what: string): never {
    const last = this.parts[this.position - 1]?.text ?? '';
    return this.fail(`${what} is missing after "${last}${this.endsWithSlash ? '/' : ''}"`, this.symbol.length);
  }

  failAt(part: Part, problem: string): never {
    return this.fail(problem, part.at);
  }

  fail(problem: string, at: number): never {
    throw malformed(this.symbol, problem, at);
  }
}

function malformed(symbol: string, problem: string, at: number): MalformedSymbol {
  return new MalformedSymbol(`"${symbol}" — ${problem}`, { symbol, at });
}

function readerOf(symbol: string): { reader: Reader; reissued: boolean } {
  if (symbol === '') throw malformed(symbol, 'the symbol is empty (for example A/HRC/47/G/10)', 0);
  const space = symbol.search(/\s/);
  if (space !== -1) throw malformed(symbol, `whitespace at position ${space + 1} (symbols contain no spaces)`, space);
  const stray = symbol.search(/[^A-Za-z0-9/.*-]/);
  if (stray !== -1) throw malformed(symbol, `"${symbol[stray]}" at position ${stray + 1} is not used in symbols`, stray);
  const star = symbol.indexOf('*');
  if (star !== -1 && star !== symbol.length - 1) throw malformed(symbol, 'the reissue mark "*" comes once, at the very end', star);
  const reissued = star !== -1;
  const text = reissued ? symbol.slice(0, -1) : symbol;
  if (text === '') throw malformed(symbol, 'a reissue mark "*" with no symbol before it', 0);
  if (text.startsWith('/')) throw malformed(symbol, 'the organ (A, E, S or ST) is missing before the first "/"', 0);

  const parts: Part[] = [];
  let at = 0;
  for (const piece of text.split('/')) {
    parts.push({ text: piece, at });
    at += piece.length + 1;
  }
  const endsWithSlash = parts.length > 1 && parts.at(-1)?.text === '';
  if (endsWithSlash) parts.pop();
  const empty = parts.findIndex((p) => p.text === '');
  if (empty !== -1) {
    throw malformed(symbol, `empty part ("//") after "${text.slice(0, (parts[empty]?.at ?? 1) - 1)}"`, (parts[empty]?.at ?? 1) - 1);
  }
  return { reader: new Reader(symbol, parts, endsWithSlash), reissued };
}

const inCapitals = (part: Part) => `symbols are written in capitals ("${part.text}" → "${part.text.toUpperCase()}")`;

function numberIn(r: Reader, part: Part, digits: string): number {
  if (digits.length > 1 && digits.startsWith('0')) r.failAt(part, `numbers do not start with 0 ("${part.text}")`);
  if (digits === '0') r.failAt(part, `numbers start at 1 ("${part.text}")`);
  if (digits.length > MAX_NUMBER_DIGITS) r.failAt(part, `"${digits}" is too long for a number (at most ${MAX_NUMBER_DIGITS} digits)`);
  return Number(digits);
}

// ---- the grammar, one function per component, in order

function readOrgan(r: Reader): Organ {
  const part = r.require('the organ');
  if (has(ORGANS, part.text)) return part.text;
  if (has(ORGANS, part.text.toUpperCase())) r.failAt(part, inCapitals(part));
  return r.failAt(part, `unknown organ "${part.text}" (expected A, E, S or ST)`);
}

/** HRC, WG.6, C.3, CN.4, AC.109, Sub.2 — letters, optionally a dot and a number. */
function readBodies(r: Reader): string[] {
  const bodies: string[] = [];
  for (let part = r.peek(); part; part = r.peek()) {
    const shape = shapeOf(part.text);
    if (shape.kind !== 'word' && !(shape.kind === 'dotted' && shape.digits)) break;
    const { word } = shape;
    if (word.toUpperCase() === 'SUB' && shape.kind === 'dotted') {
      if (word !== 'Sub') r.failAt(part, `"${part.text}" is written "Sub.${shape.digits}"`);
    } else if (isReserved(word) || isReserved(word.toUpperCase())) {
      break;
    } else if (!isCapitals(word)) {
      r.failAt(part, inCapitals(part));
    }
    if (shape.kind === 'dotted') numberIn(r, part, shape.digits);
    bodies.push(part.text);
    r.take();
  }
  return bodies;
}

function readLeadingSeries(r: Reader): Extract<Series, { kind: 'leading' }> | undefined {
  const part = r.peek();
  if (!part) return undefined;
  if (has(LEADING_SERIES, part.text)) {
    r.take();
    return { kind: 'leading', code: part.text };
  }
  if (has(LEADING_SERIES, part.text.toUpperCase())) r.failAt(part, inCapitals(part));
  return undefined;
}

function readPeriod(r: Reader, organ: Organ, bodies: readonly string[]): Period {
  const part = r.require('the session or year');
  const period = periodOf(r, part);
  const byYear = organ === 'S' || organ === 'ST' || (organ === 'E' && period.kind !== 'special-session');
  if (byYear && period.kind !== 'year') {
    r.failAt(part, `${ORGANS[organ].name} (${organ}) documents carry a year, not a session (${ORGANS[organ].example})`);
  }
  if (organ === 'A' && bodies.length === 0 && period.kind === 'year') {
    r.failAt(part, `General Assembly documents carry a session, not a year (${ORGANS.A.example})`);
  }
  if (period.kind === 'emergency-special-session' && (organ !== 'A' || bodies.length > 0)) {
    r.failAt(part, 'emergency special sessions ("ES-10") are the General Assembly\'s own (A/ES-10/…)');
  }
  return period;
}

function periodOf(r: Reader, part: Part): Period {
  const shape = shapeOf(part.text);
  if (shape.kind === 'number') {
    const value = numberIn(r, part, shape.digits);
    if (shape.digits.length <= 3) return { kind: 'session', number: value };
    if (shape.digits.length === 4 && value >= FIRST_YEAR) return { kind: 'year', year: value };
    return r.failAt(part, `"${part.text}" is neither a session (at most 3 digits) nor a year (${FIRST_YEAR} or later)`);
  }
  if (shape.kind === 'dashed' && (shape.word === 'S' || shape.word === 'ES')) {
    if (!shape.digits) r.failAt(part, `"${part.text}" needs the session's number ("${shape.word}-4")`);
    const number = numberIn(r, part, shape.digits);
    return shape.word === 'S' ? { kind: 'special-session', number } : { kind: 'emergency-special-session', number };
  }
  if (shape.kind === 'dashed' && ['S', 'ES'].includes(shape.word.toUpperCase())) r.failAt(part, inCapitals(part));
  return r.failAt(part, `expected the session ("47", "S-4") or the year ("2020") after "${r.before(part)}", found "${part.text}"`);
}

function readNumber(r: Reader, what: string): { part: Part; number: number } {
  const part = r.require(what);
  const shape = shapeOf(part.text);
  if (shape.kind === 'number') return { part, number: numberIn(r, part, shape.digits) };
  return r.failAt(part, `expected ${what} after "${r.before(part)}", found "${part.text}"`);
}

function readSeriesAndNumber(r: Reader, organ: Organ, bodies: readonly string[]): { series: Series; number: number } {
  const part = r.require('the document number');
  const shape = shapeOf(part.text);
  const inUpr = organ === UPR_WORKING_GROUP.organ && bodies.join('/') === UPR_WORKING_GROUP.bodies;
  const isCountry = (w: string) => inUpr && w.length === 3 && isCapitals(w);

  if (shape.kind === 'number') return { series: { kind: 'general' }, number: numberIn(r, part, shape.digits) };
  if (shape.kind === 'dashed' || shape.kind === 'other') r.failAt(part, `"${part.text}" is not a document number`);
  const { word } = shape;
  if (shape.kind === 'word') {
    if (has(SLASH_SERIES, word)) return { series: { kind: 'slash', code: word }, number: readNumber(r, 'the document number').number };
    if (isCountry(word)) {
      const { part: numberPart, number } = readNumber(r, 'the document number');
      if (!has(UPR_DOCUMENTS, String(number))) {
        r.failAt(numberPart, `UPR documents are numbered 1 (national report), 2 (compilation) or 3 (summary), not ${number}`);
      }
      return { series: { kind: 'country', country: word }, number };
    }
    if (has(DOTTED_SERIES, word)) r.failAt(part, `"${word}" takes its number after a dot ("${word}.1")`);
  }
  if (shape.kind === 'dotted') {
    if (has(DOTTED_SERIES, word)) {
      if (!shape.digits) r.failAt(part, `"${part.text}" needs a number ("${word}.1")`);
      return { series: { kind: 'dotted', code: word }, number: numberIn(r, part, shape.digits) };
    }
    if (has(SLASH_SERIES, word)) r.failAt(part, `the ${word} series is written with a slash ("${word}/${shape.digits || 1}")`);
  }
  if (finalKindOf(word)) r.failAt(part, `the document number is missing before "${part.text}"`);
  const upper = word.toUpperCase();
  if (has(SLASH_SERIES, upper) || has(DOTTED_SERIES, upper) || (shape.kind === 'word' && isCountry(upper))) {
    r.failAt(part, inCapitals(part));
  }
  return r.failAt(part, `unknown series "${part.text}" (expected G/, NGO/, INF/, OD/, L., CRP., SR., PV., WP., R.${inUpr ? ', a country code' : ''} or a number)`);
}

/**
 * Add., Corr., Rev. and Amend., chained as the UN chains them (A/HRC/31/57/Add.4/Corr.1,
 * E/ECE/324/Rev.1/Add.15/Rev.7): never twice the same kind in a row, and a corrigendum is last.
 */
function readFinals(r: Reader): FinalComponent[] {
  const finals: FinalComponent[] = [];
  for (let part = r.take(); part; part = r.take()) {
    const final = finalOf(r, part);
    const previous = finals.at(-1);
    if (previous?.kind === 'Corr') r.failAt(part, `nothing follows a corrigendum ("Corr.${previous.number}")`);
    if (previous?.kind === final.kind) {
      r.failAt(part, `"${part.text}" cannot follow "${previous.kind}.${previous.number}" (never twice the same kind in a row)`);
    }
    finals.push(final);
  }
  return finals;
}

function finalOf(r: Reader, part: Part): FinalComponent {
  const expected = '(expected Add., Corr., Rev. or Amend.)';
  const shape = shapeOf(part.text);
  if (shape.kind === 'number') r.failAt(part, `unexpected "${part.text}" after the document number ${expected}`);
  if (shape.kind === 'word' || shape.kind === 'dotted' || shape.kind === 'glued') {
    const kind = finalKindOf(shape.word);
    if (kind && kind === shape.word && shape.kind !== 'glued') {
      if (shape.kind === 'word' || !shape.digits) r.failAt(part, `"${part.text}" needs a number ("${kind}.1")`);
      return { kind, number: numberIn(r, part, shape.digits) };
    }
    if (kind) r.failAt(part, `"${part.text}" is written "${kind}.${'digits' in shape && shape.digits ? shape.digits : 1}"`);
  }
  return r.failAt(part, `unknown final component "${part.text}" ${expected}`);
}

// ---- the API

/** The structure of a symbol, or a MalformedSymbol whose message says what is wrong and where. */
export function parseSymbol(symbol: string): ParsedSymbol {
  const { reader: r, reissued } = readerOf(symbol);
  const organ = readOrgan(r);
  const bodies = readBodies(r);
  const leading = readLeadingSeries(r);
  const period = readPeriod(r, organ, bodies);
  const { series, number } = leading
    ? { series: leading, number: readNumber(r, `the ${LEADING_SERIES[leading.code]} number`).number }
    : readSeriesAndNumber(r, organ, bodies);
  const finals = readFinals(r);
  if (r.endsWithSlash) r.fail('nothing follows the last "/"', symbol.length - (reissued ? 2 : 1));
  return { organ, bodies, series, period, number, finals, reissued };
}

export function validateSymbol(symbol: string): { ok: true; symbol: ParsedSymbol } | { ok: false; error: string } {
  try {
    return { ok: true, symbol: parseSymbol(symbol) };
  } catch (e) {
    if (e instanceof MalformedSymbol) return { ok: false, error: e.message };
    throw e;
  }
}

/**
 * Where a document's number comes from: body + session + series (`A/HRC/47/G`). The series '' is
 * the general series (reports: `A/HRC/47/1`); `L`, `CRP`, `SR`… take the number after a dot.
 */
export interface SeriesRef {
  body: string;
  session: number;
  series: string;
}

function seriesOfCode(code: string): Series {
  if (code === '') return { kind: 'general' };
  // INF is written after the session in the Council's symbols, before it in the Assembly's (A/INF/76/4).
  if (has(SLASH_SERIES, code)) return { kind: 'slash', code };
  if (has(DOTTED_SERIES, code)) return { kind: 'dotted', code };
  if (has(LEADING_SERIES, code)) return { kind: 'leading', code };
  throw new RangeError(`Series "${code}" is not in the symbol grammar (G, NGO, INF, OD, L, CRP, SR, PV, WP, R, RES, DEC, PRST or '')`);
}

/** The organ and bodies of a registry prefix such as `A/HRC`, read by the same grammar. */
function organAndBodiesOf(prefix: string): { organ: Organ; bodies: string[] } {
  const { reader: r, reissued } = readerOf(prefix);
  const organ = readOrgan(r);
  const bodies = readBodies(r);
  const rest = r.peek();
  if (reissued || r.endsWithSlash || rest) r.fail('a symbol prefix is an organ and its bodies only (A/HRC)', rest?.at ?? 0);
  return { organ, bodies };
}

/** The symbol of document `number` of a series: `A/HRC/47/G/10`, `A/HRC/47/L.3`, `A/HRC/47/3`. */
export function symbolOf(ref: SeriesRef, number: number): string {
  const b = bodyOf(ref.body);
  if (!b) throw new RangeError(`Unknown body ${ref.body}`);
  try {
    const { organ, bodies } = organAndBodiesOf(b.symbolPrefix);
    const symbol = formatSymbol({
      organ, bodies, series: seriesOfCode(ref.series), period: { kind: 'session', number: ref.session }, number, finals: [], reissued: false,
    });
    parseSymbol(symbol);
    return symbol;
  } catch (e) {
    // A bad registry entry or a bad number is our mistake, not the caller's: not a 400.
    if (e instanceof MalformedSymbol) throw new RangeError(`No valid symbol for ${ref.body} ${ref.session} "${ref.series}" ${number}: ${e.message}`, { cause: e });
    throw e;
  }
}

/** The counter key of a series, as `seriesKeyOf` reads it back from the series' symbols. */
export function seriesPrefix(ref: SeriesRef): string {
  return seriesKeyOf(parseSymbol(symbolOf(ref, 1)));
}

/** The site path of a document (`A/HRC/47/G/10/`), from the site's paths; kept here for the API's views. */
export { documentPath } from './site-paths';
