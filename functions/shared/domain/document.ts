import { z } from 'zod';
import { JobNumbers, Language, TranslationTable, KINDS } from './schemas';
import { agendaItemTitle, body as bodyOf, organOf, sessionTitle } from './registry';
import { LANGUAGES, type Language as LanguageCode } from './languages';
import { formatDate, formatPeriods } from './dates';

/** A published document: what the document API answers and what the site's pages are made from. */
export const PublishedFile = z.object({
  part: z.string(),
  language: Language,
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  /** Path on the site, from its root: `A/HRC/47/G/10/cover.en.pdf` */
  path: z.string(),
});
export type PublishedFile = z.infer<typeof PublishedFile>;

export const DocumentRecord = z.object({
  symbol: z.string(),
  submissionId: z.string(),
  body: z.string(),
  session: z.number(),
  agendaItem: z.number(),
  series: z.string(),
  number: z.number(),
  kind: z.enum(KINDS),
  title: z.string(),
  sender: z.string(),
  addressee: z.string(),
  dated: z.string(),
  originalLanguage: Language,
  /** The masthead date: the day the document was registered for processing (Geneva time). */
  mastheadDate: z.string(),
  distribution: z.literal('General'),
  translations: TranslationTable,
  jobNumbers: JobNumbers,
  files: z.array(PublishedFile),
  publishedAt: z.string(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

/** The masthead as docs/domain.md#mastheads describes it, as one language version prints it (default English). */
export const Masthead = z.object({
  unitedNations: z.string(),
  organ: z.string(),
  symbol: z.string(),
  distribution: z.string(),
  date: z.string(),
  /** The version's own language ("Français"), printed by translated versions only. */
  version: z.string().optional(),
  original: z.string(),
  body: z.string(),
  session: z.string(),
  sessionDates: z.string().optional(),
  agendaItem: z.string(),
  agendaItemTitle: z.string().optional(),
});
export type Masthead = z.infer<typeof Masthead>;

/** A masthead line and the language it is actually in: English where a version's wording is unknown. */
export interface MastheadText {
  text: string;
  lang: LanguageCode;
}

/** Each line with its language, for pages that must mark English lines inside another language. */
export type LocalizedMasthead = { lang: LanguageCode; symbol: string }
  & { [K in Exclude<keyof Masthead, 'symbol' | OptionalLine>]: MastheadText }
  & { [K in OptionalLine]?: MastheadText };

type OptionalLine = 'version' | 'sessionDates' | 'agendaItemTitle';

/**
 * The wording of each version's masthead (docs/domain.md#mastheads):
 * the one table to correct. Russian, Arabic and Chinese versions print the distribution block
 * (distribution, date, version, original) in English. Session lines are known only where they were
 * seen; month names are the languages' own, range shapes only those seen on documents. Anything
 * else is printed in English, and marked so.
 */
interface Wording {
  /** The language of the distribution block. */
  block: LanguageCode;
  distribution: Record<DocumentRecord['distribution'], string>;
  /** The line a translated version prints to name its own language. */
  version?: string;
  original(language: LanguageCode): string;
  date(iso: string): string;
  agendaItem(item: number): string;
  /** Session lines seen on documents, by session number. */
  sessions: Readonly<Record<number, string>>;
  /** A session's dates, or undefined where the shape of this range was not seen in this language. */
  periods(periods: readonly Period[]): string | undefined;
}

interface Period {
  from: string;
  to: string;
}

const ymd = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
};

const FR_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const ES_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const RU_MONTHS = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
// The double names UN Arabic documents print (Levantine/Syriac name / name from the Latin).
const AR_MONTHS = ['كانون الثاني/يناير', 'شباط/فبراير', 'آذار/مارس', 'نيسان/أبريل', 'أيار/مايو', 'حزيران/يونيه', 'تموز/يوليه',
  'آب/أغسطس', 'أيلول/سبتمبر', 'تشرين الأول/أكتوبر', 'تشرين الثاني/نوفمبر', 'كانون الأول/ديسمبر'];

/** The original language as French and Spanish mastheads name it ("Original : anglais"). */
const LANGUAGE_IN: Record<'fr' | 'es', Record<LanguageCode, string>> = {
  fr: { ar: 'arabe', zh: 'chinois', en: 'anglais', fr: 'français', ru: 'russe', es: 'espagnol' },
  es: { ar: 'árabe', zh: 'chino', en: 'inglés', fr: 'francés', ru: 'ruso', es: 'español' },
};

type Shape = 'same-month' | 'two-months';

/** One-period ranges within a year, by shape; a range across years was not seen in any language but English. */
function range(periods: readonly Period[], format: Partial<Record<Shape, (a: ReturnType<typeof ymd>, b: ReturnType<typeof ymd>) => string>>) {
  if (periods.length !== 1) return undefined;
  const a = ymd(periods[0]!.from);
  const b = ymd(periods[0]!.to);
  if (a.y !== b.y) return undefined;
  return format[a.m === b.m ? 'same-month' : 'two-months']?.(a, b);
}

const frDay = (d: number) => (d === 1 ? '1er' : String(d));

/** "24 février-13 mars et 15-23 juin 2020": periods of one year share it, as in English. */
function frenchPeriods(periods: readonly Period[]): string | undefined {
  const parts = periods.map((p) => ({ a: ymd(p.from), b: ymd(p.to) }));
  if (parts.some(({ a, b }) => a.y !== b.y) || new Set(parts.map(({ a }) => a.y)).size !== 1) return undefined;
  const texts = parts.map(({ a, b }) => (a.m === b.m
    ? `${frDay(a.d)}-${b.d} ${FR_MONTHS[b.m - 1]}`
    : `${frDay(a.d)} ${FR_MONTHS[a.m - 1]}-${frDay(b.d)} ${FR_MONTHS[b.m - 1]}`));
  return `${texts.join(' et ')} ${parts[0]!.a.y}`;
}

const englishBlock = {
  block: 'en',
  distribution: { General: 'Distr.: General' },
  original: (l: LanguageCode) => `Original: ${LANGUAGES[l].name}`,
  date: formatDate,
} as const;

const WORDING: Record<LanguageCode, Wording> = {
  en: {
    ...englishBlock,
    version: 'English',
    agendaItem: (n) => `Agenda item ${n}`,
    sessions: {},
    periods: formatPeriods,
  },
  fr: {
    block: 'fr',
    distribution: { General: 'Distr. générale' },
    version: 'Français',
    original: (l) => `Original : ${LANGUAGE_IN.fr[l]}`,
    date: (iso) => {
      const { y, m, d } = ymd(iso);
      return `${frDay(d)} ${FR_MONTHS[m - 1]} ${y}`;
    },
    agendaItem: (n) => `Point ${n} de l’ordre du jour`,
    sessions: { 34: 'Trente-quatrième session', 47: 'Quarante-septième session', 53: 'Cinquante-troisième session' },
    periods: frenchPeriods,
  },
  es: {
    block: 'es',
    distribution: { General: 'Distr. general' },
    version: 'Español',
    original: (l) => `Original: ${LANGUAGE_IN.es[l]}`,
    date: (iso) => {
      const { y, m, d } = ymd(iso);
      return `${d} de ${ES_MONTHS[m - 1]} de ${y}`;
    },
    agendaItem: (n) => `Tema ${n} de la agenda`,
    sessions: { 7: 'Séptimo período de sesiones', 47: '47º período de sesiones', 51: '51er período de sesiones' },
    periods: (p) => range(p, { 'two-months': (a, b) => `${a.d} de ${ES_MONTHS[a.m - 1]} a ${b.d} de ${ES_MONTHS[b.m - 1]} de ${b.y}` }),
  },
  ru: {
    ...englishBlock,
    version: 'Russian',
    agendaItem: (n) => `Пункт ${n} повестки дня`,
    sessions: { 42: 'Сорок вторая сессия', 51: 'Пятьдесят первая сессия' },
    periods: (p) => range(p, {
      'same-month': (a, b) => `${a.d}–${b.d} ${RU_MONTHS[b.m - 1]} ${b.y} года`,
      'two-months': (a, b) => `${a.d} ${RU_MONTHS[a.m - 1]} — ${b.d} ${RU_MONTHS[b.m - 1]} ${b.y} года`,
    }),
  },
  ar: {
    ...englishBlock,
    version: 'Arabic',
    agendaItem: (n) => `البند ${n} من جدول الأعمال`,
    sessions: { 43: 'الدورة الثالثة والأربعون', 51: 'الدورة الحادية والخمسون' },
    periods: (p) => range(p, { 'two-months': (a, b) => `${a.d} ${AR_MONTHS[a.m - 1]} - ${b.d} ${AR_MONTHS[b.m - 1]} ${b.y}` }),
  },
  zh: {
    ...englishBlock,
    version: 'Chinese',
    agendaItem: (n) => `议程项目${n}`,
    sessions: { 35: '第三十五届会议', 43: '第四十三届会议' },
    periods: (p) => range(p, { 'same-month': (a, b) => `${a.y}年${a.m}月${a.d}日至${b.d}日` }),
  },
};

/** The masthead with each line's language: the version's where its wording is known, else English. */
export function localizedMasthead(d: DocumentRecord, lang: LanguageCode = 'en'): LocalizedMasthead {
  const b = bodyOf(d.body);
  if (!b) throw new RangeError(`Unknown body ${d.body}`);
  const organ = organOf(b);
  const w = WORDING[lang];
  const inLang = (text: string, language: LanguageCode = lang): MastheadText => ({ text, lang: language });
  /** The version's wording if known, else the English one. */
  const either = (text: string | undefined, english: string | undefined): MastheadText | undefined =>
    (text !== undefined ? inLang(text) : english !== undefined ? inLang(english, 'en') : undefined);
  const periods = b.sessions.listed.find((s) => s.number === d.session)?.periods;
  return {
    lang,
    symbol: d.symbol,
    unitedNations: either(organ.unitedNations[lang], organ.unitedNations.en ?? 'United Nations')!,
    organ: either(organ.name[lang], organ.name.en ?? b.organ)!,
    distribution: inLang(w.distribution[d.distribution], w.block),
    date: inLang(w.date(d.mastheadDate), w.block),
    // Only a translation names its own language: the original's masthead has "Original: …" alone.
    version: w.version === undefined || lang === d.originalLanguage ? undefined : inLang(w.version, w.block),
    original: inLang(w.original(d.originalLanguage), w.block),
    body: either(b.name[lang], b.name.en ?? d.body)!,
    session: either(lang === 'en' ? sessionTitle(d.session) : w.sessions[d.session], sessionTitle(d.session))!,
    sessionDates: periods && either(w.periods(periods), formatPeriods(periods)),
    agendaItem: inLang(w.agendaItem(d.agendaItem)),
    agendaItemTitle: either(agendaItemTitle(b, d.agendaItem, lang), agendaItemTitle(b, d.agendaItem, 'en')),
  };
}

/** The masthead's text as a version prints it (English by default: the API's `masthead`). */
export function masthead(d: DocumentRecord, lang: LanguageCode = 'en'): Masthead {
  const m = localizedMasthead(d, lang);
  return {
    unitedNations: m.unitedNations.text,
    organ: m.organ.text,
    symbol: m.symbol,
    distribution: m.distribution.text,
    date: m.date.text,
    ...(m.version ? { version: m.version.text } : {}),
    original: m.original.text,
    body: m.body.text,
    session: m.session.text,
    ...(m.sessionDates ? { sessionDates: m.sessionDates.text } : {}),
    agendaItem: m.agendaItem.text,
    ...(m.agendaItemTitle ? { agendaItemTitle: m.agendaItemTitle.text } : {}),
  };
}
