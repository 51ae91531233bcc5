/** The six official languages: one table, used for validation, job-number letters and page labels. */
export const LANGUAGES = {
  ar: { letter: 'A', name: 'Arabic', library: 'ara', native: 'العربية', dir: 'rtl' },
  zh: { letter: 'C', name: 'Chinese', library: 'chi', native: '中文', dir: 'ltr' },
  en: { letter: 'E', name: 'English', library: 'eng', native: 'English', dir: 'ltr' },
  fr: { letter: 'F', name: 'French', library: 'fre', native: 'Français', dir: 'ltr' },
  ru: { letter: 'R', name: 'Russian', library: 'rus', native: 'Русский', dir: 'ltr' },
  es: { letter: 'S', name: 'Spanish', library: 'spa', native: 'Español', dir: 'ltr' },
} as const;

export type Language = keyof typeof LANGUAGES;

/** In the order the UN lists them (alphabetical in English). */
export const LANGUAGE_CODES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const satisfies readonly Language[];

export function isLanguage(code: string): code is Language {
  return Object.hasOwn(LANGUAGES, code);
}

export function requireLanguage(code: string): Language {
  if (!isLanguage(code)) throw new RangeError(`Not an official language: ${code}`);
  return code;
}
