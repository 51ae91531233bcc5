import { z } from 'zod';
import { JobNumbers, Language, TranslationTable, KINDS } from './schemas';
import { body as bodyOf, isConfirmed, organOf, type LocalizedText } from './registry';
import type { Language as LanguageCode } from './languages';
import { DISTRIBUTION, mastheadDate } from './masthead-wording/distribution';
import { sessionLine } from './masthead-wording/session-lines';
import { periodsIn } from './masthead-wording/dates';
import { AGENDA_ITEM } from './masthead-wording/agenda-item';
import type { Worded } from './masthead-wording/source';

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
  /**
   * Its extracted text, published beside it (`fileTextPath`): whether it has any (a PDF without a
   * text layer has none: a scan), a PDF's page count, and its length. Absent for a file published
   * before texts were extracted.
   */
  text: z.object({ textLayer: z.boolean(), pages: z.number().int().positive().optional(), characters: z.number().int().nonnegative() }).optional(),
});
export type PublishedFile = z.infer<typeof PublishedFile>;

/** A language version's issued PDF, as published. */
export const IssuedPdf = z.object({
  path: z.string(),
  size: z.number().int().positive(),
  sha256: z.string(),
  pages: z.number().int().positive(),
  /** The job number printed at its foot: a reissue prints a new PDF under the same address. */
  jobNumber: z.string(),
  /** When it was typeset. */
  at: z.string(),
});
export type IssuedPdf = z.infer<typeof IssuedPdf>;

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
  /** Each language version's own title, for the versions issued after the original (`title` is the original's). */
  titles: z.partialRecord(Language, z.string()).optional(),
  /** When each language version issued after the original was issued, and by which submission: the feeds announce it. */
  issued: z.partialRecord(Language, z.object({ at: z.string(), submissionId: z.string() })).optional(),
  /**
   * The language versions reissued for technical reasons: when (the last time), by which
   * submission, and the job number as the version first printed it (`jobNumbers` holds it marked `*`). The
   * version's symbol is printed with `*` and its footnote says "Reissued for technical reasons on <date>".
   */
  reissued: z.partialRecord(Language, z.object({ at: z.string(), submissionId: z.string(), replaced: z.object({ internal: z.string(), printed: z.string() }) })).optional(),
  /**
   * Each language version's issued PDF (`issuedPdfPath`): page one as the UN prints it, then the
   * annexes. Written by Typeset when the version is issued (again on a reissue).
   */
  pdfs: z.partialRecord(Language, IssuedPdf).optional(),
  /** Moved on by every change after the first publication: a change is written only over the revision it read. */
  revision: z.number().int().nonnegative().optional(),
});
export type DocumentRecord = z.infer<typeof DocumentRecord>;

/** A version's title and the language it is in: its own, once issued, else the original's. */
export function titleIn(d: Pick<DocumentRecord, 'title' | 'titles' | 'originalLanguage'>, lang: LanguageCode): { text: string; lang: LanguageCode } {
  const own = lang === d.originalLanguage ? d.title : d.titles?.[lang];
  return own === undefined ? { text: d.title, lang: d.originalLanguage } : { text: own, lang };
}

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

/**
 * A masthead line and the language it is actually in: English where a version's wording is unknown.
 * `unconfirmed` marks a wording not seen on an issued document (a default, to correct where it is defined).
 */
export interface MastheadText {
  text: string;
  lang: LanguageCode;
  unconfirmed?: true;
}

/** Each line with its language, for pages that must mark English lines inside another language. */
export type LocalizedMasthead = { lang: LanguageCode; symbol: string }
  & { [K in Exclude<keyof Masthead, 'symbol' | OptionalLine>]: MastheadText }
  & { [K in OptionalLine]?: MastheadText };

type OptionalLine = 'version' | 'sessionDates' | 'agendaItemTitle';

/**
 * The masthead with each line's language, as the version in `lang` prints it. The wording is
 * `masthead-wording/` (one file per kind: distribution block, session line, dates, agenda item) and,
 * for names and titles, `registry.json`; a name the registry lacks in a language is printed in English.
 */
export function localizedMasthead(d: DocumentRecord, lang: LanguageCode = 'en'): LocalizedMasthead {
  const b = bodyOf(d.body);
  if (!b) throw new RangeError(`Unknown body ${d.body}`);
  const organ = organOf(b);
  const block = DISTRIBUTION[lang];
  const text = (t: string, language: LanguageCode, confirmed = true): MastheadText =>
    ({ text: t, lang: language, ...(confirmed ? {} : { unconfirmed: true as const }) });
  const worded = (w: Worded) => text(w.text, lang, w.confirmed);
  /** A registry name or title in the version's language if there, else in English. */
  const named = (l: LocalizedText | undefined, english?: string): MastheadText | undefined => {
    const own = l?.[lang];
    if (l && own !== undefined) return text(own, lang, isConfirmed(l, lang));
    const en = l?.en ?? english;
    return en === undefined ? undefined : text(en, 'en', !l || isConfirmed(l, 'en'));
  };
  const periods = b.sessions.listed.find((s) => s.number === d.session)?.periods;
  const originalSeen = block.seenOriginals === 'all' || block.seenOriginals.includes(d.originalLanguage);
  return {
    lang,
    symbol: d.symbol,
    unitedNations: named(organ.unitedNations, 'United Nations')!,
    organ: named(organ.name, b.organ)!,
    distribution: text(block.distribution[d.distribution], block.block),
    date: text(mastheadDate(lang, d.mastheadDate), block.block),
    // Only a translation names its own language: the original's masthead has "Original: …" alone.
    version: lang === d.originalLanguage ? undefined : text(block.version, block.block),
    original: text(block.original(d.originalLanguage), block.block, originalSeen),
    body: named(b.name, d.body)!,
    session: worded(sessionLine(lang, { number: d.session })),
    sessionDates: periods && worded(periodsIn(lang, periods)),
    agendaItem: text(AGENDA_ITEM[lang](d.agendaItem), lang),
    agendaItemTitle: named(b.agendaItems[String(d.agendaItem)]),
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
