import type { Language } from '../languages';
import { proposeAgendaItem } from './agenda';
import { proposeAnnexes } from './annexes';
import { proposeDated } from './dates';
import { proposeKind } from './kind';
import { proposeLanguage } from './language';
import { proposeAddressee, proposeSender } from './parties';
import { proposeSession } from './session';
import { readNote, type Proposed } from './text';
import { communicationTitle } from './title';

/**
 * Metadata proposed from a note's text: each field with the words of the note it was read from, or
 * absent when the note does not say. Nothing is fetched; the rules are in this folder, one file per
 * concern. The title is built from the other fields by the UN's convention (title.ts); its evidence
 * is the sender's, and `from` names the fields it was built from.
 */
export type Kind = 'note-verbale' | 'letter';

export interface ProposedFields {
  kind?: Proposed<Kind>;
  dated?: Proposed<string>;
  sender?: Proposed<string>;
  addressee?: Proposed<string>;
  session?: Proposed<number>;
  agendaItem?: Proposed<number>;
  title?: Proposed<string> & { from: ('kind' | 'dated' | 'sender' | 'addressee')[] };
  originalLanguage?: Proposed<Language>;
  annexes?: Proposed<number>;
}

export const PROPOSED_FIELDS = ['kind', 'dated', 'sender', 'addressee', 'session', 'agendaItem', 'title', 'originalLanguage', 'annexes'] as const;
export type ProposedField = (typeof PROPOSED_FIELDS)[number];

export function proposeFields(paragraphs: readonly string[]): ProposedFields {
  const note = readNote(paragraphs);
  const fields: ProposedFields = {};
  const kind = proposeKind(note);
  const set = <K extends keyof ProposedFields>(key: K, value: ProposedFields[K] | undefined) => {
    if (value !== undefined) fields[key] = value;
  };
  set('kind', kind);
  set('dated', proposeDated(note));
  set('sender', proposeSender(note, kind?.value));
  set('addressee', proposeAddressee(note));
  set('session', proposeSession(note));
  set('agendaItem', proposeAgendaItem(note));
  set('originalLanguage', proposeLanguage(note));
  set('annexes', proposeAnnexes(note));
  if (fields.kind && fields.dated && fields.sender && fields.addressee) {
    fields.title = {
      value: communicationTitle({ kind: fields.kind.value, dated: fields.dated.value, sender: fields.sender.value, addressee: fields.addressee.value }),
      evidence: fields.sender.evidence,
      from: ['kind', 'dated', 'sender', 'addressee'],
    };
  }
  return fields;
}
