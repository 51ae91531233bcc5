import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { draftFromFlags } from '../../cli/args';
import { confirmProposals, type ProposedFields } from '../../cli/proposals';

const FIELDS: ProposedFields = {
  kind: { value: 'note-verbale', evidence: 'the present note verbale' },
  dated: { value: '2021-06-08', evidence: 'Geneva, 8 June 2021' },
  session: { value: 47, evidence: 'forty-seventh session' },
  annexes: { value: 1, evidence: 'see annex' },
};

describe('circulate submit --propose: confirming what the note proposes', () => {
  let stderr: string[];
  beforeEach(() => {
    stderr = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((line) => {
      stderr.push(String(line));
      return true;
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('takes every proposal with --yes, and prints each with the note’s words', async () => {
    expect(await confirmProposals(FIELDS, {}, { yes: true })).toEqual({ kind: 'note-verbale', dated: '2021-06-08', session: 47 });
    const printed = stderr.join('');
    expect(printed).toContain('dated: 2021-06-08\n      from “Geneva, 8 June 2021”');
    expect(printed).toContain('the note mentions 1 annex: “see annex”');
    expect(printed).toContain('sender: not found in the note');
  });

  it('keeps a field given on the command line, showing the proposal without taking it', async () => {
    expect(await confirmProposals(FIELDS, { session: 46 }, { yes: true })).toEqual({ kind: 'note-verbale', dated: '2021-06-08' });
    expect(stderr.join('')).toContain('session: 47  (kept as given: 46)');
  });

  it('asks field by field: yes, no, then all the rest', async () => {
    const answers = ['', 'n', 'a'];
    const asked: string[] = [];
    const taken = await confirmProposals({ ...FIELDS, sender: { value: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva', evidence: 'x' } }, {}, {
      yes: false, ask: async (q) => { asked.push(q); return answers.shift()!; },
    });
    expect(asked[0]).toBe('take kind = note-verbale? [Y]es, [n]o, [a]ll the rest, [q]uit: ');
    expect(taken).toEqual({ kind: 'note-verbale', sender: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva', session: 47 });
  });

  it('refuses to guess without a terminal or --yes', async () => {
    await expect(confirmProposals(FIELDS, {}, { yes: false })).rejects.toThrow(/on a terminal: run it in one, or add --yes/);
  });

  it('fills only what neither a flag nor the metadata file gives, before the files take the original language', () => {
    const draft = draftFromFlags({ session: '46', files: [{ option: '--cover', spec: 'note.txt' }], proposed: { session: 47, originalLanguage: 'fr' } },
      { source: 'm.json', fields: { kind: 'letter' }, issues: [], given: {} }, '/tmp');
    expect(draft.fields).toMatchObject({ session: 46, kind: 'letter', originalLanguage: 'fr' });
    expect(draft.files?.[0]?.declaration.language).toBe('fr');
    expect(draft.given.originalLanguage).toBe('proposed from the cover note');
  });
});
