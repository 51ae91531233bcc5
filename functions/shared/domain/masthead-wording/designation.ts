import type { Language } from '../languages';
import type { FinalKind } from '../symbols';
import type { Worded } from './source';

/**
 * The word printed under the title of a corrigendum or an addendum ("Corrigendum", "Addendum"), as
 * each version prints it. A revision prints none: it is the whole text again. None of these was
 * seen on an issued HRC document recorded in docs/domain.md: all unconfirmed, the UN's usual terms.
 */
const DESIGNATION: Partial<Record<FinalKind, Record<Language, string>>> = {
  Corr: { en: 'Corrigendum', fr: 'Rectificatif', es: 'Corrección', ru: 'Исправление', ar: 'تصويب', zh: '更正' },
  Add: { en: 'Addendum', fr: 'Additif', es: 'Adición', ru: 'Добавление', ar: 'إضافة', zh: '增编' },
};

export function designation(kind: FinalKind, lang: Language): Worded | undefined {
  const text = DESIGNATION[kind]?.[lang];
  return text === undefined ? undefined : { text, confirmed: false };
}
