import { ordinal } from '../masthead-wording/ordinals-en';
import { ordinalFr } from '../masthead-wording/ordinals-fr';
import { fold, findAll, type Found, type Note, type Proposed } from './text';

/**
 * The Council session the note is to be circulated at: "the forty-seventh session of the Human Rights
 * Council", "its 47th session", "la quarante-septième session du Conseil des droits de l'homme",
 * "47e session". The ordinals are the mastheads' own (masthead-wording/ordinals-*.ts), read backwards.
 * A session of another body ("the seventy-fifth session of the General Assembly") and special sessions
 * are not the Council's regular session; the session the note asks to be circulated at comes first.
 */
const MAX_SESSION = 199;
const WORDS = new Map<string, number>();
for (let n = 1; n <= MAX_SESSION; n++) {
  WORDS.set(fold(ordinal(n)), n);
  WORDS.set(fold(ordinalFr(n, 'f')), n);
  // "vingt-et-unième", the 1990 spelling, beside "vingt et unième".
  WORDS.set(fold(ordinalFr(n, 'f')).replace(/ et /g, '-et-'), n);
}
const WORD = `(${[...WORDS.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[-]/g, '[- ]')).join('|')})`;

const PATTERNS: { pattern: RegExp; number(g: (string | undefined)[]): number | undefined }[] = [
  { pattern: new RegExp(`\\b${WORD} (?:regular |ordinary |ordinaire )?session\\b`), number: (g) => wordNumber(g[0]!) },
  { pattern: /\b(\d{1,3})(?:st|nd|rd|th|e|eme|er|re)? (?:regular |ordinary |ordinaire )?session\b/, number: (g) => Number(g[0]) },
  { pattern: /\bsession (\d{1,3}) (?:of the human rights council|du conseil)\b/, number: (g) => Number(g[0]) },
  { pattern: /\bhrc ?(\d{1,3})\b/, number: (g) => Number(g[0]) },
];

/** "forty seventh" written with a space for the hyphen reads as "forty-seventh". */
const BARE = new Map([...WORDS].map(([w, n]) => [w.replace(/[- ]/g, ''), n]));
function wordNumber(words: string): number | undefined {
  return BARE.get(fold(words).replace(/[- ]/g, ''));
}

const OTHER_BODY = /^\s*(?:of the (?:united nations )?(?:general assembly|security council|economic and social council|commission|committee|working group|conference)|de l'assemblee generale|du conseil de securite|du conseil economique)/;
const COUNCIL = /^\s*(?:of the (?:united nations )?human rights council|of the council|du conseil des droits de l'homme|du conseil)\b/;
const CIRCULATION = /(?:document of the|document de la|during the|at the|a la|lors de la|au cours de la|upcoming|forthcoming|prochaine)\s*$/;

export function proposeSession(note: Note): Proposed<number> | undefined {
  const candidates: { found: Found; n: number; score: number }[] = [];
  for (const { pattern, number } of PATTERNS) {
    for (const found of findAll(note, pattern)) {
      const n = number(found.groups);
      if (!n || n < 1 || n > MAX_SESSION) continue;
      const folded = note.folded[found.paragraph]!;
      const after = folded.slice(found.index + found.evidence.length);
      if (OTHER_BODY.test(after)) continue;
      const before = folded.slice(Math.max(0, found.index - 40), found.index);
      const score = (COUNCIL.test(after) ? 2 : 0) + (CIRCULATION.test(before) ? 2 : 0) + (/circulat|distribu/.test(folded) ? 1 : 0);
      candidates.push({ found, n, score });
    }
  }
  const best = candidates.sort((a, b) => b.score - a.score || a.found.paragraph - b.found.paragraph || a.found.index - b.found.index)[0];
  return best ? { value: best.n, evidence: best.found.evidence } : undefined;
}
