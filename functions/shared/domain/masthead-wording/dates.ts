import type { Language } from '../languages';
import type { Worded } from './source';

/**
 * Dates and session periods as each language's mastheads print them (`../dates.ts` gives the
 * English ones to the rest of the code). All six follow one pattern: a period within a year
 * without its year, the year once after all the periods of one year (before them in Chinese),
 * full dates for a period across years.
 */
export interface Period {
  from: string;
  to: string;
}

interface Day {
  y: number;
  m: number;
  d: number;
}

/** The four shapes of a session's dates, each confirmed or not per language. */
export type Shape = 'one-month' | 'two-months' | 'two-years' | 'split';

interface DateStyle {
  date(a: Day): string;
  /** A period within one year, without the year. */
  withinYear(a: Day, b: Day): string;
  /** Periods of one year, with the year. */
  inYear(text: string, y: number): string;
  acrossYears(a: Day, b: Day): string;
  /** Between split periods. */
  and: string;
  /** Shapes seen on issued documents (docs/domain.md#masthead-wording-by-language). */
  seen: readonly Shape[];
}

const day = (iso: string): Day => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
};

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const ES_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
// Genitive: "21 июня".
const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
// UN Arabic prints both names of a month: the Syriac (Levantine) one / the one from the Latin.
const AR_MONTHS = ['كانون الثاني/يناير', 'شباط/فبراير', 'آذار/مارس', 'نيسان/أبريل', 'أيار/مايو', 'حزيران/يونيه', 'تموز/يوليه',
  'آب/أغسطس', 'أيلول/سبتمبر', 'تشرين الأول/أكتوبر', 'تشرين الثاني/نوفمبر', 'كانون الأول/ديسمبر'];

const enDate = (a: Day) => `${a.d} ${EN_MONTHS[a.m - 1]}`;
const frDay = (d: number) => (d === 1 ? '1er' : String(d));
const frDate = (a: Day) => `${frDay(a.d)} ${FR_MONTHS[a.m - 1]}`;
const esDate = (a: Day) => `${a.d} de ${ES_MONTHS[a.m - 1]}`;
const ruDate = (a: Day) => `${a.d} ${RU_MONTHS[a.m - 1]}`;
const arDate = (a: Day) => `${a.d} ${AR_MONTHS[a.m - 1]}`;
const zhDate = (a: Day) => `${a.m}月${a.d}日`;

const STYLES: Record<Language, DateStyle> = {
  // "18 June 2021", "21 June–9 July 2021" (A/HRC/47/G/10), "15–23 June 2020", "24 February–13 March and 15–23 June 2020".
  // Across years not seen.
  en: {
    date: (a) => `${enDate(a)} ${a.y}`,
    withinYear: (a, b) => (a.m === b.m ? `${a.d}–${enDate(b)}` : `${enDate(a)}–${enDate(b)}`),
    inYear: (t, y) => `${t} ${y}`,
    acrossYears: (a, b) => `${enDate(a)} ${a.y}–${enDate(b)} ${b.y}`,
    and: ' and ',
    seen: ['one-month', 'two-months', 'split'],
  },
  // "21 juin-9 juillet 2021" (A/HRC/47/G/10-F), "24 février-13 mars et 15-23 juin 2020": a hyphen, no spaces.
  fr: {
    date: (a) => `${frDate(a)} ${a.y}`,
    withinYear: (a, b) => (a.m === b.m ? `${frDay(a.d)}-${b.d} ${FR_MONTHS[b.m - 1]}` : `${frDate(a)}-${frDate(b)}`),
    inYear: (t, y) => `${t} ${y}`,
    acrossYears: (a, b) => `${frDate(a)} ${a.y}-${frDate(b)} ${b.y}`,
    and: ' et ',
    seen: ['one-month', 'two-months', 'split'],
  },
  // "21 de junio a 9 de julio de 2021".
  es: {
    date: (a) => `${esDate(a)} de ${a.y}`,
    withinYear: (a, b) => (a.m === b.m ? `${a.d} a ${esDate(b)}` : `${esDate(a)} a ${esDate(b)}`),
    inYear: (t, y) => `${t} de ${y}`,
    acrossYears: (a, b) => `${esDate(a)} de ${a.y} a ${esDate(b)} de ${b.y}`,
    and: ' y ',
    seen: ['two-months'],
  },
  // "9–27 сентября 2019 года", "12 сентября — 7 октября 2022 года": an en dash within a month, a spaced em dash across.
  ru: {
    date: (a) => `${ruDate(a)} ${a.y} года`,
    withinYear: (a, b) => (a.m === b.m ? `${a.d}–${ruDate(b)}` : `${ruDate(a)} — ${ruDate(b)}`),
    inYear: (t, y) => `${t} ${y} года`,
    acrossYears: (a, b) => `${ruDate(a)} ${a.y} года — ${ruDate(b)} ${b.y} года`,
    and: ' и ',
    seen: ['one-month', 'two-months'],
  },
  // "12 أيلول/سبتمبر - 7 تشرين الأول/أكتوبر 2022": a spaced hyphen; و joins the next word.
  ar: {
    date: (a) => `${arDate(a)} ${a.y}`,
    withinYear: (a, b) => (a.m === b.m ? `${a.d}-${arDate(b)}` : `${arDate(a)} - ${arDate(b)}`),
    inYear: (t, y) => `${t} ${y}`,
    acrossYears: (a, b) => `${arDate(a)} ${a.y} - ${arDate(b)} ${b.y}`,
    and: ' و',
    seen: ['two-months'],
  },
  // "2017年6月6日至23日": the year first, 至 between.
  zh: {
    date: (a) => `${a.y}年${zhDate(a)}`,
    withinYear: (a, b) => (a.m === b.m ? `${zhDate(a)}至${b.d}日` : `${zhDate(a)}至${zhDate(b)}`),
    inYear: (t, y) => `${y}年${t}`,
    acrossYears: (a, b) => `${a.y}年${zhDate(a)}至${b.y}年${zhDate(b)}`,
    and: '和',
    seen: ['one-month'],
  },
};

export function shapesOf(periods: readonly Period[]): Shape[] {
  const shapes = new Set<Shape>(periods.length > 1 ? ['split'] : []);
  for (const p of periods) {
    const a = day(p.from);
    const b = day(p.to);
    shapes.add(a.y !== b.y ? 'two-years' : a.m !== b.m ? 'two-months' : 'one-month');
  }
  return [...shapes];
}

/** A session's dates in a language, confirmed where every shape in them was seen in that language. */
export function periodsIn(lang: Language, periods: readonly Period[]): Worded {
  const s = STYLES[lang];
  const confirmed = shapesOf(periods).every((shape) => s.seen.includes(shape));
  const days = periods.map((p) => ({ a: day(p.from), b: day(p.to) }));
  const years = new Set(days.flatMap(({ a, b }) => [a.y, b.y]));
  const text = years.size === 1
    ? s.inYear(days.map(({ a, b }) => s.withinYear(a, b)).join(s.and), [...years][0]!)
    : days.map(({ a, b }) => (a.y === b.y ? s.inYear(s.withinYear(a, b), a.y) : s.acrossYears(a, b))).join(s.and);
  return { text, confirmed };
}

/** A day ("18 juin 2021", "18 de junio de 2021"), as the masthead date and dated notes print it. */
export function dateIn(lang: Language, iso: string): string {
  return STYLES[lang].date(day(iso));
}
