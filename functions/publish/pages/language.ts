import { attr, type SafeAttr } from '../html';
import { LANGUAGES, type Language } from '#shared/domain/languages';

/** The `lang` and `dir` attributes of text in one language inside an element of another. */

export const dirOf = (language: Language) => LANGUAGES[language].dir;

/**
 * The attributes text in `language` needs inside an element whose language is `context` (and
 * direction `contextDir`): `lang` when they differ, `dir` too when its direction differs.
 */
export function langAttrs(language: Language, context: Language, contextDir: 'ltr' | 'rtl' = dirOf(context)): SafeAttr[] {
  return [attr('lang', language !== context && language), attr('dir', dirOf(language) !== contextDir && dirOf(language))];
}

/** Submitter text inside English page furniture carries the document's language. */
export function langOf(language: Language): SafeAttr | null {
  return language === 'en' ? null : attr('lang', language);
}
