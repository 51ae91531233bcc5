import type { Language } from '#shared/domain/languages';
import { seen, UNCONFIRMED, type Source } from '#shared/domain/masthead-wording/source';

interface Footnote {
  /** On one part reproduced as received. */
  one: string;
  /** On several, the footnote shared by their markers. */
  many: string;
  source: { one: Source; many: Source };
}

/**
 * The footnote on parts reproduced as received, per language (docs/domain.md#reproduced-as-received).
 * English needs no plural: its wording names no part. Chinese does not inflect for number.
 */
export const REPRODUCED_AS_RECEIVED: Record<Language, Footnote> = {
  en: {
    one: 'Reproduced as received, in the language of submission only.',
    many: 'Reproduced as received, in the language of submission only.',
    source: { one: seen('A/HRC/47/G/10'), many: seen('A/HRC/47/G/10 (the wording names no part)') },
  },
  fr: {
    one: 'L’annexe est reproduite telle qu’elle a été reçue, dans la langue de l’original seulement.',
    many: 'Les annexes sont reproduites telles qu’elles ont été reçues, dans la langue de l’original seulement.',
    source: { one: seen('A/HRC/47/G/10 (French, test/fixtures/A_HRC_47_G_10-F.txt)'), many: UNCONFIRMED },
  },
  es: {
    one: 'El anexo se reproduce tal como se recibió, únicamente en el idioma en que se presentó.',
    many: 'Los anexos se reproducen tal como se recibieron, únicamente en el idioma en que se presentaron.',
    source: { one: UNCONFIRMED, many: UNCONFIRMED },
  },
  ru: {
    one: 'Приложение воспроизводится в том виде, в каком оно было получено, только на языке представления.',
    many: 'Приложения воспроизводятся в том виде, в каком они были получены, только на языке представления.',
    source: { one: UNCONFIRMED, many: UNCONFIRMED },
  },
  ar: {
    one: 'يُستنسخ المرفق كما ورد، وباللغة التي قُدِّم بها فقط.',
    many: 'تُستنسخ المرفقات كما وردت، وباللغة التي قُدِّمت بها فقط.',
    source: { one: UNCONFIRMED, many: UNCONFIRMED },
  },
  zh: {
    one: '附件按原文照发，仅以提交语文分发。',
    many: '附件按原文照发，仅以提交语文分发。',
    source: { one: UNCONFIRMED, many: UNCONFIRMED },
  },
};

/** The footnote a version prints for `parts` parts reproduced as received. */
export function reproducedAsReceived(lang: Language, parts: number): string {
  return parts > 1 ? REPRODUCED_AS_RECEIVED[lang].many : REPRODUCED_AS_RECEIVED[lang].one;
}
