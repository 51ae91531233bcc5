import type { Language } from '../languages';
import { dateIn } from './dates';
import { seen, UNCONFIRMED, type Source, type Worded } from './source';

/**
 * The footnote on page one of a language version reissued for technical reasons, whose symbol is
 * printed with `*` ("A/HRC/47/G/1*"): "* Reissued for technical reasons on 16 June 2021." The date
 * is the day the reissue was issued, on Geneva's calendar, in the version's own date style
 * (`dates.ts`: "16 juin 2021", "16 июня 2021 года", "2021年6月16日"). docs/domain.md#reissues.
 */
interface ReissueWording {
  footnote(date: string): string;
  source: Source;
}

/** A/65/L.78*, reissued on 16 June 2011, as the UN's English–Arabic alignment of it prints both versions. */
const A_65_L_78 = 'A/65/L.78* (General Assembly, reissued 16 June 2011; English and Arabic versions)';

export const REISSUED: Record<Language, ReissueWording> = {
  en: { footnote: (date) => `Reissued for technical reasons on ${date}.`, source: seen(A_65_L_78) },
  // The UN's usual terms, not seen on an issued document recorded here.
  fr: { footnote: (date) => `Nouveau tirage pour raisons techniques le ${date}.`, source: UNCONFIRMED },
  es: { footnote: (date) => `Publicado nuevamente por razones técnicas el ${date}.`, source: UNCONFIRMED },
  ru: { footnote: (date) => `Переиздано по техническим причинам ${date}.`, source: UNCONFIRMED },
  ar: { footnote: (date) => `أعيد إصدارها لأسباب فنية في ${date}.`, source: seen(A_65_L_78) },
  // The date first: "2021年6月16日因技术原因重新印发。"
  zh: { footnote: (date) => `${date}因技术原因重新印发。`, source: UNCONFIRMED },
};

/**
 * The footnote a version reissued on `day` prints, without its marker. `day` is an ISO date on
 * Geneva's calendar (`isoDateIn(timeZone, new Date(reissued.at))`), not an instant: the instant's
 * UTC date is the day before in Geneva's first hours.
 */
export function reissuedFootnote(lang: Language, day: string): Worded {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`Not an ISO date (a Geneva day, not an instant): ${day}`);
  const w = REISSUED[lang];
  return { text: w.footnote(dateIn(lang, day)), confirmed: w.source.confirmed };
}
