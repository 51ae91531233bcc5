import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { InvalidMetadata, formatPath, loadSubmission } from '../../cli/metadata';
import { SubmissionInput } from '#shared/domain/schemas';
import { labelled } from '../support/expect';

const EXAMPLE = fileURLToPath(new URL('../../examples/A_HRC_47_G_10/', import.meta.url));
const METADATA = path.join(EXAMPLE, 'metadata.json');

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const Editable = z.looseObject({ files: z.array(z.looseObject({})) });
type Editable = z.infer<typeof Editable>;
const exampleMetadata = async (): Promise<Editable> => Editable.parse(JSON.parse(await readFile(METADATA, 'utf8')));

/** Writes a metadata file in a fresh folder; file paths in it are made absolute to the example's files. */
let folders: string[] = [];
async function writeMetadata(edit: (m: Editable) => void): Promise<string> {
  const metadata = await exampleMetadata();
  for (const f of metadata.files) f.path = path.join(EXAMPLE, String(f.path));
  edit(metadata);
  const dir = await mkdtemp(path.join(tmpdir(), 'circulate-cli-'));
  folders.push(dir);
  const file = path.join(dir, 'metadata.json');
  await writeFile(file, JSON.stringify(metadata));
  return file;
}

async function issuesOf(metadataFile: string): Promise<readonly string[]> {
  const error = await loadSubmission(metadataFile).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidMetadata);
  return error instanceof InvalidMetadata ? error.issues : [];
}

afterEach(async () => {
  await Promise.all(folders.map((d) => rm(d, { recursive: true, force: true })));
  folders = [];
});

describe('reading a metadata file', () => {
  it('computes each file\'s size and sha256 from its bytes, resolving paths from the metadata file', async () => {
    const { body, files } = await loadSubmission(METADATA);
    for (const name of ['note-verbale.txt', 'annex.txt']) {
      const bytes = await readFile(path.join(EXAMPLE, name));
      const declared = body.files.find((f) => f.name === name);
      expect(declared).toMatchObject({ size: bytes.byteLength, sha256: sha256(bytes) });
      expect(declared?.sha256).toMatch(/^[0-9a-f]{64}$/);
      const local = files.find((f) => f.name === name);
      expect(local?.path).toBe(path.join(EXAMPLE, name));
      expect(Buffer.from(local?.bytes ?? []).equals(bytes)).toBe(true);
    }
  });

  it('builds a body that passes SubmissionInput, with no local path left in it', async () => {
    const { body } = await loadSubmission(METADATA);
    expect(SubmissionInput.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({ body: 'HRC', session: 47, agendaItem: 4, series: 'G', kind: 'note-verbale', dated: '2021-06-08' });
    expect(body.files.map((f) => [f.name, f.part, f.language, f.translate, f.contentType])).toEqual([
      ['note-verbale.txt', 'cover', 'en', true, 'text/plain'],
      ['annex.txt', 'annex', 'en', false, 'text/plain'],
    ]);
    for (const f of body.files) expect(f).not.toHaveProperty('path');
  });

  it('finds the files relative to the metadata file, not to the working directory', async () => {
    const cwd = process.cwd();
    process.chdir(tmpdir());
    try {
      const { body } = await loadSubmission(METADATA);
      expect(body.files).toHaveLength(2);
    } finally {
      process.chdir(cwd);
    }
  });

  it('names the entry and the file when a listed file does not exist', async () => {
    const file = await writeMetadata((m) => {
      m.files[1]!.path = 'no-such-annex.pdf';
    });
    const issues = await issuesOf(file);
    expect(issues).toEqual([`files[1].path: no such file: ${path.join(path.dirname(file), 'no-such-annex.pdf')}`]);
  });

  it('says so when the metadata file itself is missing or is not JSON', async () => {
    await expect(loadSubmission(path.join(EXAMPLE, 'nope.json'))).rejects.toThrow(/nope\.json: no such file/);
    const file = await writeMetadata(() => {});
    await writeFile(file, '{ "body": "HRC", ');
    await expect(loadSubmission(file)).rejects.toThrow(/not valid JSON/);
  });

  it('rejects an unknown field, naming it, at the top level and in a file entry', async () => {
    const file = await writeMetadata((m) => {
      m.colour = 'blue';
      m.files[0]!.pages = 2;
    });
    const issues = await issuesOf(file);
    expect(issues).toContain('colour: unknown field (not part of the submission contract)');
    expect(issues).toContain('files[0].pages: unknown field (not part of the submission contract)');
  });

  it('rejects a size or sha256 written in the metadata: they come from the file', async () => {
    const file = await writeMetadata((m) => {
      m.files[1]!.sha256 = 'a'.repeat(64);
    });
    expect(await issuesOf(file)).toEqual(['files[1].sha256: is computed from the file; remove it from the metadata']);
  });

  it('reports every invalid field with its path, as the API would', async () => {
    const file = await writeMetadata((m) => {
      m.dated = '2021-06-31';
      delete m.title;
      m.files[1]!.contentType = 'image/png';
    });
    const issues = await issuesOf(file);
    expect(issues).toContain('dated: must be a real date written YYYY-MM-DD');
    expect(issues).toContain('title: is required');
    expect(issues.some((i) => i.startsWith('files[1].contentType: '))).toBe(true);
    expect(issues).toHaveLength(3);
  });

  it('rejects an empty file by its size', async () => {
    const file = await writeMetadata((m) => {
      m.files[1]!.path = 'empty.txt';
    });
    await writeFile(path.join(path.dirname(file), 'empty.txt'), '');
    expect(await issuesOf(file)).toEqual(['files[1].size: must be more than 0 bytes']);
  });
});

describe('formatPath', () => {
  it('writes array indexes in brackets and fields after dots', () => {
    expect(formatPath(['files', 1, 'sha256'])).toBe('files[1].sha256');
    expect(formatPath(['title'])).toBe('title');
    expect(formatPath([])).toBe('');
  });
});

describe('the example submission', () => {
  it('is UTF-8 text with LF line endings and no trailing spaces', async () => {
    for (const name of ['metadata.json', 'note-verbale.txt', 'annex.txt']) {
      const text = await readFile(path.join(EXAMPLE, name), 'utf8');
      labelled(name, () => expect(text).not.toContain('\r'));
      labelled(name, () => expect(text).not.toContain('\uFFFD'));
      labelled(name, () => expect(text).not.toMatch(/[ \t]$/m));
      labelled(name, () => expect(text.endsWith('\n')).toBe(true));
    }
  });
});
