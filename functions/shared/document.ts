import { z } from 'zod';
import { JobNumbers, Language, TranslationTable, KINDS } from './schemas';
import { agendaItemTitle, body as bodyOf, organOf, sessionDates, sessionTitle } from './registry';
import { LANGUAGES, type Language as LanguageCode } from './languages';
import { formatDate } from './dates';

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

/** The masthead as DOMAIN.md describes it, in the original language (English wording for now). */
export interface Masthead {
  unitedNations: string;
  organ: string;
  symbol: string;
  distribution: string;
  date: string;
  original: string;
  body: string;
  session: string;
  sessionDates?: string;
  agendaItem: string;
  agendaItemTitle?: string;
}

export function masthead(d: DocumentRecord): Masthead {
  const b = bodyOf(d.body);
  if (!b) throw new RangeError(`Unknown body ${d.body}`);
  const organ = organOf(b);
  const lang: LanguageCode = 'en';
  return {
    unitedNations: organ.unitedNations[lang] ?? 'United Nations',
    organ: organ.name[lang] ?? b.organ,
    symbol: d.symbol,
    distribution: `Distr.: ${d.distribution}`,
    date: formatDate(d.mastheadDate),
    original: `Original: ${LANGUAGES[d.originalLanguage].name}`,
    body: b.name[lang] ?? d.body,
    session: sessionTitle(d.session),
    sessionDates: sessionDates(b, d.session),
    agendaItem: `Agenda item ${d.agendaItem}`,
    agendaItemTitle: agendaItemTitle(b, d.agendaItem, lang),
  };
}
