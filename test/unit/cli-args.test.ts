import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { draftFromFlags, parseFileSpec, type FileFlag, type SubmitFlags } from '../../cli/args';
import { InvalidMetadata, completeSubmission, readMetadata, type LoadedSubmission } from '../../cli/metadata';
import { SubmissionInput } from '#shared/domain/schemas';

const EXAMPLE = fileURLToPath(new URL('../../examples/A_HRC_47_G_10/', import.meta.url));
const METADATA = path.join(EXAMPLE, 'metadata.json');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every field of the example as flags; its files as --cover and --annex, relative to the example's folder. */
const EXAMPLE_FLAGS: SubmitFlags = {
  body: 'HRC',
  session: '47',
  agendaItem: '4',
  series: 'G',
  kind: 'note-verbale',
  sender: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
  addressee: 'Office of the United Nations High Commissioner for Human Rights',
  dated: '2021-06-08',
  originalLanguage: 'en',
  title: 'Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan',
  files: [{ option: '--cover', spec: 'note-verbale.txt' }, { option: '--annex', spec: 'annex.txt,as-received' }],
};

const build = (flags: SubmitFlags, base?: Awaited<ReturnType<typeof readMetadata>>) =>
  completeSubmission(draftFromFlags(flags, base, EXAMPLE));

async function issuesOf(submission: Promise<LoadedSubmission>): Promise<readonly string[]> {
  const error = await submission.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidMetadata);
  return error instanceof InvalidMetadata ? error.issues : [];
}

describe('a file given on the command line', () => {
  it('is its path, then attributes after commas: a part, a language, as-received', () => {
    expect(parseFileSpec('annex-fr.pdf,annex-2,fr,as-received')).toEqual({
      path: 'annex-fr.pdf', part: 'annex-2', language: 'fr', translate: false, problems: [],
    });
    expect(parseFileSpec('note.docx,part=cover,language=en,translate=yes,name=Note.docx,type=docx')).toEqual({
      path: 'note.docx', part: 'cover', language: 'en', translate: true, name: 'Note.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', problems: [],
    });
    expect(parseFileSpec('scans/note.pdf')).toEqual({ path: 'scans/note.pdf', problems: [] });
  });

  it('keeps a comma in a file name as part of the path, up to the first attribute', () => {
    expect(parseFileSpec('Note, annex 1.pdf,annex,ru')).toMatchObject({ path: 'Note, annex 1.pdf', part: 'annex', language: 'ru', problems: [] });
  });

  it('names an attribute it does not know, and one given twice', () => {
    expect(parseFileSpec('annex.pdf,eng').problems).toEqual([
      { field: '', message: expect.stringMatching(/^"eng" is not an attribute: use cover, annex, annex-N, a language \(ar, zh, en, fr, ru, es\)/) },
    ]);
    expect(parseFileSpec('annex.pdf,colour=red').problems).toEqual([{ field: '', message: expect.stringContaining('"colour=" is not an attribute') }]);
    expect(parseFileSpec('annex.pdf,en,fr').problems).toEqual([{ field: 'language', message: 'given twice ("fr")' }]);
    expect(parseFileSpec('annex.pdf,translate=maybe').problems).toEqual([{ field: 'translate', message: 'must be yes or no ("translate=maybe")' }]);
  });
});

describe('a submission from flags alone', () => {
  it('is the same body as the example\'s metadata file gives, sizes and checksums computed from the files', async () => {
    // The example's title, shorter: the rest is the example's metadata file, field for field.
    const fromFile = await build({ title: EXAMPLE_FLAGS.title }, await readMetadata(METADATA));
    const { body, files } = await build(EXAMPLE_FLAGS);
    expect(body).toEqual(fromFile.body);
    expect(SubmissionInput.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({ session: 47, agendaItem: 4, originalLanguage: 'en' });
    const annex = await readFile(path.join(EXAMPLE, 'annex.txt'));
    expect(body.files[1]).toEqual({
      name: 'annex.txt', part: 'annex', language: 'en', translate: false, contentType: 'text/plain',
      size: annex.byteLength, sha256: sha256(annex),
    });
    expect(files.map((f) => f.path)).toEqual([path.join(EXAMPLE, 'note-verbale.txt'), path.join(EXAMPLE, 'annex.txt')]);
  });

  it('takes each file\'s language from --original-language unless the file says, and keeps the files in the order given', async () => {
    const files: FileFlag[] = [
      { option: '--annex', spec: 'annex.txt,as-received' },
      { option: '--cover', spec: 'note-verbale.txt' },
      { option: '--file', spec: 'note-verbale.txt,cover,fr,name=note-verbale-fr.txt' },
    ];
    const { body } = await build({ ...EXAMPLE_FLAGS, files });
    expect(body.files.map((f) => [f.name, f.part, f.language, f.translate])).toEqual([
      ['annex.txt', 'annex', 'en', false],
      ['note-verbale.txt', 'cover', 'en', true],
      ['note-verbale-fr.txt', 'cover', 'fr', true],
    ]);
  });

  it('tells the content type from the extension, and lets type= say otherwise', async () => {
    const files: FileFlag[] = [{ option: '--cover', spec: 'note-verbale.txt,type=pdf' }];
    const { body } = await build({ ...EXAMPLE_FLAGS, files });
    expect(body.files[0]?.contentType).toBe('application/pdf');
  });
});

describe('flags with a metadata file', () => {
  it('replace the fields they give and keep the others', async () => {
    const { body } = await build({ session: '48', agendaItem: '3', dated: '2021-07-01' }, await readMetadata(METADATA));
    expect(body).toMatchObject({ session: 48, agendaItem: 3, dated: '2021-07-01', sender: EXAMPLE_FLAGS.sender, kind: 'note-verbale' });
    expect(body.files.map((f) => f.name)).toEqual(['note-verbale.txt', 'annex.txt']);
  });

  it('replace the whole list of files when any file is given', async () => {
    const { body } = await build({ files: [{ option: '--cover', spec: 'annex.txt' }] }, await readMetadata(METADATA));
    expect(body.files).toHaveLength(1);
    expect(body.files[0]).toMatchObject({ name: 'annex.txt', part: 'cover', language: 'en' });
  });
});

describe('--allow-duplicate', () => {
  it('sets allowDuplicate, which is false without it, with flags alone or over a metadata file', async () => {
    expect((await build(EXAMPLE_FLAGS)).body.allowDuplicate).toBe(false);
    expect((await build({ ...EXAMPLE_FLAGS, allowDuplicate: true })).body.allowDuplicate).toBe(true);
    expect((await build({ allowDuplicate: true }, await readMetadata(METADATA))).body.allowDuplicate).toBe(true);
  });
});

describe('a bad flag', () => {
  it('gives one line naming the field and the flag as typed, for every problem at once', async () => {
    const issues = await issuesOf(build({ ...EXAMPLE_FLAGS, session: 'forty-seven', dated: '2021-06-31', kind: 'memo' }));
    expect(issues).toEqual([
      'session (--session forty-seven): must be a whole number',
      expect.stringMatching(/^kind \(--kind memo\): /),
      'dated (--dated 2021-06-31): must be a real date written YYYY-MM-DD',
    ]);
  });

  it('checks the registry as the API does: a session out of range, an agenda item the body does not have', async () => {
    expect(await issuesOf(build({ ...EXAMPLE_FLAGS, session: '99', agendaItem: '11' }))).toEqual([
      'session (--session 99): must be a session of HRC from 1 to 70',
      expect.stringMatching(/^agendaItem \(--agenda-item 11\): must be an agenda item of HRC: 1, 2/),
    ]);
  });

  it('cuts a long value in the message', async () => {
    const issues = await issuesOf(build({ ...EXAMPLE_FLAGS, sender: `${'x'.repeat(600)}` }));
    expect(issues).toEqual([`sender (--sender ${'x'.repeat(39)}…): must be at most 500 characters`]);
  });

  it('names the file flag of a file that is missing, has no part, or whose type cannot be told', async () => {
    const files: FileFlag[] = [
      { option: '--cover', spec: 'note-verbale.txt' },
      { option: '--annex', spec: 'no-such-annex.pdf' },
      { option: '--file', spec: 'annex.txt' },
      { option: '--annex', spec: 'scan.tiff,annex-2' },
    ];
    const issues = await issuesOf(build({ ...EXAMPLE_FLAGS, files }));
    expect(issues).toEqual([
      'files[2].part (--file annex.txt): is required: add cover, annex or annex-N (or use --cover / --annex)',
      'files[3].contentType (--annex scan.tiff,annex-2): cannot tell the type from the extension .tiff: add type=pdf, type=docx or type=txt',
      `files[1].path (--annex no-such-annex.pdf): no such file: ${path.join(EXAMPLE, 'no-such-annex.pdf')}`,
      `files[3].path (--annex scan.tiff,annex-2): no such file: ${path.join(EXAMPLE, 'scan.tiff')}`,
    ]);
  });

  it('reports a file attribute it does not know, naming the file', async () => {
    const files: FileFlag[] = [{ option: '--cover', spec: 'note-verbale.txt,eng' }];
    const issues = await issuesOf(build({ ...EXAMPLE_FLAGS, files }));
    expect(issues).toEqual([expect.stringMatching(/^files\[0\] \(--cover note-verbale.txt,eng\): "eng" is not an attribute/)]);
  });

  it('says which flag gives each missing field, and that files are needed', async () => {
    const issues = await issuesOf(build({ body: 'HRC', session: '47' }));
    expect(issues).toContain('files: none given: list them in the metadata file, or give --cover, --annex or --file');
    expect(issues).toContain('agendaItem: is required: give --agenda-item');
    expect(issues).toContain('kind: is required: give --kind');
    expect(issues).toContain('originalLanguage: is required: give --original-language');
    expect(issues).not.toContainEqual(expect.stringMatching(/^(body|session)\b/));
  });

  it('needs one cover in the original language', async () => {
    const files: FileFlag[] = [{ option: '--cover', spec: 'note-verbale.txt,fr' }];
    expect(await issuesOf(build({ ...EXAMPLE_FLAGS, files }))).toEqual(['files: must have exactly one cover in the original language (en); found 0']);
  });
});

describe('--corrects, --revises, --adds-to', () => {
  it('make the submission a corrigendum, revision or addendum of the symbol given', async () => {
    expect((await build({ ...EXAMPLE_FLAGS, relatesTo: [{ kind: 'Corr', symbol: 'A/HRC/47/G/10', flag: '--corrects' }] })).body.relatesTo)
      .toEqual({ symbol: 'A/HRC/47/G/10', kind: 'Corr' });
    expect((await build({ ...EXAMPLE_FLAGS, relatesTo: [{ kind: 'Add', symbol: 'A/HRC/47/G/10', flag: '--adds-to' }] })).body.relatesTo)
      .toEqual({ symbol: 'A/HRC/47/G/10', kind: 'Add' });
  });

  it('refuse a malformed symbol before sending, naming the flag, and two of them at once', async () => {
    expect(await issuesOf(build({ ...EXAMPLE_FLAGS, relatesTo: [{ kind: 'Rev', symbol: 'A/HRC/47/G/010', flag: '--revises' }] })))
      .toEqual([expect.stringMatching(/^relatesTo\.symbol \(--revises A\/HRC\/47\/G\/010\): "A\/HRC\/47\/G\/010" — numbers do not start with 0/)]);
    expect(await issuesOf(build({
      ...EXAMPLE_FLAGS, relatesTo: [{ kind: 'Corr', symbol: 'A/HRC/47/G/10', flag: '--corrects' }, { kind: 'Rev', symbol: 'A/HRC/47/G/10', flag: '--revises' }],
    }))).toEqual(['relatesTo: give one of --corrects, --revises, --adds-to, not --corrects and --revises']);
  });
});
