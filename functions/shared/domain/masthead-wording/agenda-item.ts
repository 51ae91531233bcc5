import type { Language } from '../languages';

/**
 * The agenda item line per language, all seen on HRC documents (docs/domain.md). The items' titles
 * are the registry's (`registry.json` → `agendaItems`), each language marked where unconfirmed.
 */
export const AGENDA_ITEM: Record<Language, (item: number) => string> = {
  en: (n) => `Agenda item ${n}`,
  fr: (n) => `Point ${n} de l’ordre du jour`,
  es: (n) => `Tema ${n} de la agenda`,
  ru: (n) => `Пункт ${n} повестки дня`,
  ar: (n) => `البند ${n} من جدول الأعمال`,
  zh: (n) => `议程项目${n}`,
};
