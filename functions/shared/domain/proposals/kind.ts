import type { KINDS } from '../schemas';
import { findAll, type Note, type Proposed } from './text';

/**
 * Note verbale or letter. A note verbale speaks of the mission in the third person ("The Permanent
 * Mission … presents its compliments", "has the honour", "avails itself of this opportunity") and
 * often calls itself "the present note verbale"; a letter is written in the first person and signed
 * ("I have the honour", "J'ai l'honneur", "(Signed)"). A document naming itself settles it.
 */
type Kind = (typeof KINDS)[number];

const CUES: { kind: Kind; weight: number; pattern: RegExp }[] = [
  { kind: 'note-verbale', weight: 5, pattern: /\b(?:the|this|la|cette) (?:present(?:e)? )?note verbale\b/ },
  { kind: 'letter', weight: 5, pattern: /\b(?:the present letter|this letter|la presente lettre|cette lettre)\b/ },
  { kind: 'note-verbale', weight: 2, pattern: /\b(?:presents its compliments|presente ses compliments|avails itself of this opportunity|saisit cette occasion pour renouveler)\b/ },
  { kind: 'note-verbale', weight: 1, pattern: /\b(?:mission|delegation) [^.]{0,160}?\b(?:has the honour|a l'honneur)\b/ },
  { kind: 'letter', weight: 3, pattern: /\b(?:i have the honour|i write|i am writing|j'ai l'honneur|je vous ecris)\b/ },
  { kind: 'letter', weight: 2, pattern: /\((?:signed|signe|signee)\)/ },
  // A note verbale speaks for the mission; only a letter's signatory says "I".
  { kind: 'letter', weight: 2, pattern: /(?:^|[\s(])(?:i (?:am|have|wish|would|should|write|enclose|examined|kindly|take|bring|must|hereby|present)|je (?:vous|suis|souhaite|voudrais|tiens))\b/ },
  { kind: 'letter', weight: 1, pattern: /^(?:excellency|dear (?:mr|madam|madame|sir)|monsieur le president|madame la presidente)\b/ },
];

export function proposeKind(note: Note): Proposed<Kind> | undefined {
  const score: Record<Kind, number> = { 'note-verbale': 0, letter: 0 };
  const strongest: Partial<Record<Kind, { weight: number; evidence: string }>> = {};
  for (const cue of CUES) {
    const found = findAll(note, cue.pattern)[0];
    if (!found) continue;
    score[cue.kind] += cue.weight;
    if ((strongest[cue.kind]?.weight ?? 0) < cue.weight) strongest[cue.kind] = { weight: cue.weight, evidence: found.evidence };
  }
  if (score['note-verbale'] === score.letter) return undefined;
  const kind: Kind = score['note-verbale'] > score.letter ? 'note-verbale' : 'letter';
  return { value: kind, evidence: strongest[kind]!.evidence };
}
