import { body, hasAgendaItem } from '../registry';
import { findAll, type Note, type Proposed } from './text';

/**
 * The agenda item: "under agenda item 4", "under item 4 of the agenda", "au titre du point 4 de
 * l'ordre du jour", "point 4 de l'ordre du jour". Only an item the Council's agenda has (registry.json).
 */
const PATTERNS = [
  /\bagenda items? (\d{1,2})\b/,
  /\bitem (\d{1,2}) of (?:the |its )?(?:council's |provisional )?agenda\b/,
  /\bpoints? (\d{1,2}) de l'ordre du jour\b/,
  /\bordre du jour[^.]{0,20}\bpoint (\d{1,2})\b/,
];
const CIRCULATION = /(?:under|au titre du|au titre des|sous le|in connection with)\s*$/;

export function proposeAgendaItem(note: Note, bodyCode = 'HRC'): Proposed<number> | undefined {
  const config = body(bodyCode);
  const found = PATTERNS.flatMap((p) => findAll(note, p))
    .map((f) => ({ f, n: Number(f.groups[0]) }))
    .filter(({ n }) => config && hasAgendaItem(config, n))
    .map(({ f, n }) => ({ f, n, circulation: CIRCULATION.test(note.folded[f.paragraph]!.slice(Math.max(0, f.index - 20), f.index)) }))
    .sort((a, b) => Number(b.circulation) - Number(a.circulation) || a.f.paragraph - b.f.paragraph || a.f.index - b.f.index)[0];
  return found ? { value: found.n, evidence: found.f.evidence } : undefined;
}
