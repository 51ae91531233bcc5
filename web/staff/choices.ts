import { LANGUAGES, LANGUAGE_CODES } from '#shared/domain/languages';
import { REGISTRY, agendaItemTitle, sessionDates, sessionTitle, type BodyConfig } from '#shared/domain/registry';
import { KINDS, SUBMISSION_LIMITS } from '#shared/domain/schemas';

/** The form's choices, all from the registry and the language table: nothing listed twice. */
export interface Choice { value: string; text: string }
export interface ChoiceGroup { label?: string; choices: Choice[] }

export const KIND_LABELS: Record<(typeof KINDS)[number], string> = { 'note-verbale': 'Note verbale', letter: 'Letter' };
export const KIND_CHOICES: Choice[] = KINDS.map((k) => ({ value: k, text: KIND_LABELS[k] }));

export function bodyChoices(): Choice[] {
  return Object.entries(REGISTRY.bodies).map(([code, b]) => ({ value: code, text: `${b.name.en ?? code} (${b.symbolPrefix})` }));
}

/** Sessions the registry lists (with their dates where known) first, then the rest of the body's range. */
export function sessionGroups(b: BodyConfig): ChoiceGroup[] {
  const choice = (n: number): Choice => {
    const dates = sessionDates(b, n);
    return { value: String(n), text: `${n} — ${sessionTitle(n)}${dates ? `, ${dates}` : ''}` };
  };
  const listed = b.sessions.listed.map((s) => s.number).filter((n) => n >= b.sessions.first && n <= b.sessions.last);
  const others: number[] = [];
  for (let n = b.sessions.first; n <= b.sessions.last; n++) if (!listed.includes(n)) others.push(n);
  return [
    { label: 'Listed sessions', choices: listed.map(choice) },
    { label: `Other sessions (${b.sessions.first}–${b.sessions.last})`, choices: others.map(choice) },
  ];
}

export function agendaItemChoices(b: BodyConfig): Choice[] {
  return Object.keys(b.agendaItems).map(Number).sort((x, y) => x - y)
    .map((n) => ({ value: String(n), text: `${n}. ${agendaItemTitle(b, n) ?? `Agenda item ${n}`}` }));
}

export function seriesChoices(b: BodyConfig): Choice[] {
  return Object.entries(b.series).map(([code, s]) => ({ value: code, text: `${code || '(general)'} — ${s.name}` }));
}

export const LANGUAGE_CHOICES: Choice[] = LANGUAGE_CODES.map((code) => ({ value: code, text: LANGUAGES[code].name }));

/** The parts a submission can have (FileDeclaration.part): the cover, then annex, annex-2, annex-3, … one per file it may have. */
export const MAX_FILES = SUBMISSION_LIMITS.files;
export const PART_CHOICES: Choice[] = [
  { value: 'cover', text: 'Cover note' },
  { value: 'annex', text: 'Annex' },
  ...Array.from({ length: MAX_FILES - 2 }, (_, i) => ({ value: `annex-${i + 2}`, text: `Annex ${i + 2}` })),
];

/** Fills a select, keeping the current value when it is still a choice. */
export function fillSelect(select: HTMLSelectElement, groups: ChoiceGroup[] | Choice[], placeholder?: string): void {
  const previous = select.value;
  const option = (c: Choice) => new Option(c.text, c.value);
  const nodes: HTMLElement[] = [];
  if (placeholder) nodes.push(new Option(placeholder, ''));
  for (const g of groups) {
    if ('choices' in g) {
      if (!g.choices.length) continue;
      const group = document.createElement('optgroup');
      if (g.label) group.label = g.label;
      group.append(...g.choices.map(option));
      nodes.push(group);
    } else {
      nodes.push(option(g));
    }
  }
  select.replaceChildren(...nodes);
  if (Array.from(select.options).some((o) => o.value === previous)) select.value = previous;
}
