import type { Language } from '#shared/domain/languages';

/**
 * The footnote on parts reproduced as received, per language. English and French are as seen on
 * issued documents (docs/domain.md#reproduced-as-received); the other four are unconfirmed wordings — correct them here.
 */
export const REPRODUCED_AS_RECEIVED: Record<Language, string> = {
  en: 'Reproduced as received, in the language of submission only.',
  fr: 'L’annexe est reproduite telle qu’elle a été reçue, dans la langue de l’original seulement.',
  es: 'Se reproduce en el idioma en que se presentó únicamente.',
  ru: 'Воспроизводится в том виде, в каком было получено, только на языке представления.',
  ar: 'مستنسخ كما ورد، وباللغة التي قُدم بها فقط.',
  zh: '按收到时的原样转载,仅以提交时所用语文分发。',
};
