import { LANGUAGES, type Language } from '../languages';
import { dateIn } from './dates';

/**
 * The distribution block of a masthead (distribution, masthead date, version line, original) per
 * language. Russian, Arabic and Chinese versions print it in English ("Distr.: General / Russian /
 * Original: English"); French and Spanish translate it. All seen on HRC documents (docs/domain.md).
 */
interface DistributionBlock {
  /** The language the block is printed in. */
  block: Language;
  distribution: Record<'General', string>;
  /** The line a translated version prints to name its own language. */
  version: string;
  original(language: Language): string;
  /** Original languages whose name was seen in this block's language: the others are unconfirmed. */
  seenOriginals: 'all' | readonly Language[];
}

/** The original language as French and Spanish mastheads name it ("Original : anglais"). */
const LANGUAGE_IN: Record<'fr' | 'es', Record<Language, string>> = {
  fr: { ar: 'arabe', zh: 'chinois', en: 'anglais', fr: 'français', ru: 'russe', es: 'espagnol' },
  es: { ar: 'árabe', zh: 'chino', en: 'inglés', fr: 'francés', ru: 'ruso', es: 'español' },
};

const inEnglish = (version: string): DistributionBlock => ({
  block: 'en',
  distribution: { General: 'Distr.: General' },
  version,
  original: (l) => `Original: ${LANGUAGES[l].name}`,
  seenOriginals: 'all',
});

export const DISTRIBUTION: Record<Language, DistributionBlock> = {
  en: inEnglish('English'),
  fr: {
    block: 'fr',
    distribution: { General: 'Distr. générale' },
    version: 'Français',
    // French typography: a space before the colon.
    original: (l) => `Original : ${LANGUAGE_IN.fr[l]}`,
    seenOriginals: ['en'],
  },
  es: {
    block: 'es',
    distribution: { General: 'Distr. general' },
    version: 'Español',
    original: (l) => `Original: ${LANGUAGE_IN.es[l]}`,
    seenOriginals: ['en'],
  },
  ru: inEnglish('Russian'),
  ar: inEnglish('Arabic'),
  zh: inEnglish('Chinese'),
};

/** The masthead date in the block's language: "18 June 2021", "18 juin 2021", "18 de junio de 2021". */
export function mastheadDate(lang: Language, iso: string): string {
  return dateIn(DISTRIBUTION[lang].block, iso);
}
