import type { Language } from '../languages';
import { ordinal } from './ordinals-en';
import { ordinalFr } from './ordinals-fr';
import { ordinalEs } from './ordinals-es';
import { ordinalRu } from './ordinals-ru';
import { ordinalAr } from './ordinals-ar';
import { numeralZh } from './numerals-zh';
import type { Worded } from './source';

/**
 * A session of a body. The registry and documents know regular sessions only (`session: 47`); special
 * sessions (`A/HRC/S-30/…`) are worded here so that a masthead can print them once they are issued.
 */
export interface Session {
  number: number;
  special?: boolean;
}

interface SessionWording {
  regular(n: number): string;
  special(n: number): string;
  /** Where each line was seen: `'rule'` where every number's line is sure, else the numbers seen. */
  seen: { regular: 'rule' | readonly number[]; special: 'rule' | readonly number[] };
}

/** The session line in each language; a line not seen on an issued document is confirmed: false. */
const SESSION_LINES: Record<Language, SessionWording> = {
  // English: ordinals spelled as UN English does (47 and 54 seen); special sessions as the Council
  // prints them ("Thirtieth special session"), not seen here.
  en: { regular: (n) => `${ordinal(n)} session`, special: (n) => `${ordinal(n)} special session`, seen: { regular: 'rule', special: [] } },
  fr: {
    regular: (n) => `${ordinalFr(n)} session`,
    special: (n) => `${ordinalFr(n)} session extraordinaire`,
    seen: { regular: [34, 47, 53], special: [] },
  },
  es: {
    regular: (n) => `${ordinalEs(n)} período de sesiones`,
    special: (n) => `${ordinalEs(n)} período extraordinario de sesiones`,
    seen: { regular: [7, 47, 51], special: [] },
  },
  ru: {
    regular: (n) => `${ordinalRu(n)} сессия`,
    special: (n) => `${ordinalRu(n)} специальная сессия`,
    seen: { regular: [42, 51], special: [] },
  },
  ar: {
    regular: (n) => `الدورة ${ordinalAr(n)}`,
    // The adjective comes first: "the special session, the thirtieth".
    special: (n) => `الدورة الاستثنائية ${ordinalAr(n)}`,
    seen: { regular: [43, 51], special: [] },
  },
  zh: {
    regular: (n) => `第${numeralZh(n)}届会议`,
    special: (n) => `第${numeralZh(n)}届特别会议`,
    seen: { regular: [35, 43], special: [] },
  },
};

/** "Forty-seventh session", "Quarante-septième session", "第三十届特别会议", and whether it was seen. */
export function sessionLine(lang: Language, session: Session): Worded {
  const w = SESSION_LINES[lang];
  const kind = session.special ? 'special' : 'regular';
  const seen = w.seen[kind];
  return { text: w[kind](session.number), confirmed: seen === 'rule' || seen.includes(session.number) };
}
