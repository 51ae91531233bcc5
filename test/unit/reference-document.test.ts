import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { localizedMasthead } from '#shared/domain/document';
import { REPRODUCED_AS_RECEIVED } from '../../functions/publish/footnotes';
import { labelled } from '../support/expect';
import { doc } from './publish-fixtures';

/**
 * The French version of A/HRC/47/G/10 as the UN issued it (test/fixtures/, text extracted from the
 * PDF): every line Circulate prints on page one of that version must read as it does there.
 */
const issued = readFileSync('test/fixtures/A_HRC_47_G_10-F.txt', 'utf8')
  // The PDF's text layer breaks lines and pads them with spaces; compare runs of words.
  .replace(/\s+/g, ' ');

describe('the French version of A/HRC/47/G/10 as issued', () => {
  const masthead = localizedMasthead(doc(10), 'fr');

  it.each(['body', 'session', 'sessionDates', 'agendaItem', 'agendaItemTitle'] as const)('prints the masthead’s %s as Circulate words it', (line) => {
    const printed = masthead[line];
    expect(printed?.lang).toBe('fr');
    labelled(`${line}: ${printed?.text}`, () => expect(issued).toContain(printed?.text));
  });

  it('prints those lines confirmed, and in the order the issued version starts with', () => {
    const lines = (['body', 'session', 'sessionDates', 'agendaItem', 'agendaItemTitle'] as const).map((k) => masthead[k]);
    expect(lines.filter((l) => l?.unconfirmed)).toEqual([]);
    expect(issued.trim().startsWith(lines.map((l) => l?.text).join(' '))).toBe(true);
  });

  it('carries the footnote on the annex as Circulate words it', () => {
    labelled(REPRODUCED_AS_RECEIVED.fr.one, () => expect(issued).toContain(REPRODUCED_AS_RECEIVED.fr.one));
  });

  it('is the note verbale whose English original is the example', () => {
    const example = JSON.parse(readFileSync('examples/A_HRC_47_G_10/metadata.json', 'utf8')) as { dated: string; session: number; agendaItem: number };
    expect(example).toMatchObject({ dated: '2021-06-08', session: 47, agendaItem: 4 });
    expect(issued).toContain('Note verbale datée du 8 juin 2021');
  });
});

/**
 * The English version of A/HRC/47/G/10 as issued: its masthead lines as docs/domain.md records them
 * from that document (the repository holds no text of its page one, only of its note and annex).
 */
describe('the English version of A/HRC/47/G/10 as issued', () => {
  const masthead = localizedMasthead(doc(10), 'en');

  it.each<[keyof typeof masthead, string]>([
    ['distribution', 'Distr.: General'], ['date', '18 June 2021'], ['original', 'Original: English'],
    ['body', 'Human Rights Council'], ['session', 'Forty-seventh session'], ['sessionDates', '21 June–9 July 2021'],
    ['agendaItem', 'Agenda item 4'], ['agendaItemTitle', 'Human rights situations that require the Council’s attention'],
  ])('prints the masthead’s %s as issued: %s', (line, text) => {
    expect(masthead[line]).toEqual({ text, lang: 'en' });
  });

  it('names the session as the note itself does', () => {
    const note = readFileSync('examples/A_HRC_47_G_10/note-verbale.txt', 'utf8');
    expect(note).toContain(`a document of the ${masthead.session.text.toLowerCase()} of the ${masthead.body.text}, under ${masthead.agendaItem.text.toLowerCase()}`);
  });
});
