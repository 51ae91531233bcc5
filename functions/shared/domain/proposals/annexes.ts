import { findAll, type Note, type Proposed } from './text';

/**
 * How many annexes the note says it has: a number given ("two annexes", "deux annexes", "3 annexes"),
 * else the highest annex numbered ("annex I … annex III", "annexe 2"), else one for an annex named
 * in the singular ("(see annex)", "its annex", "l'annexe"). Annexes in the plural with no number
 * say too little: no proposal.
 */
const NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10,
};
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };
const COUNTED = new RegExp(`\\b(${Object.keys(NUMBERS).join('|')}|\\d{1,2}) annex(?:es|e|es)?\\b`);
const LABEL = '(?:x|ix|iv|v|v?i{1,3}|\\d{1,2})';
/** "annex II", "annexes I, II and III", "annexe 2": its labels, not an annex of another text ("annex I to resolution 5/1"). */
const NUMBERED = new RegExp(`\\bannexe?s? (${LABEL}(?:(?:, | and | et |-)${LABEL})*)\\b(?! (?:of|to|de|du|a|au) (?:the |la |le )?(?:resolution|decision|report|rapport|convention|charter))`);
const SINGULAR = /\b(?:see annex|(?:its|the|this|an|his|her|their|son|sa|l'|une|en|voir l')\s?annexe?|annexe? (?:thereto|hereto|attached|enclosed|ci-jointe?)|annexed)\b(?!s)/;

export function proposeAnnexes(note: Note): Proposed<number> | undefined {
  const counted = findAll(note, COUNTED)[0];
  if (counted) {
    const word = counted.groups[0]!.toLowerCase();
    const n = NUMBERS[word] ?? Number(word);
    if (n > 0) return { value: n, evidence: counted.evidence };
  }
  const numbered = findAll(note, NUMBERED)
    .map((f) => ({ f, n: Math.max(...f.groups[0]!.toLowerCase().split(/, | and | et |-/).map((label) => ROMAN[label] ?? Number(label))) }))
    .filter(({ n }) => Number.isInteger(n) && n > 0)
    .sort((a, b) => b.n - a.n)[0];
  if (numbered) return { value: numbered.n, evidence: numbered.f.evidence };
  const singular = findAll(note, SINGULAR)[0];
  if (singular) return { value: 1, evidence: singular.evidence };
  return undefined;
}
