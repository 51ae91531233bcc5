import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { loadSubmission } from '../../cli/metadata';
import { EXAMPLE, api, startTestStack, circulate } from './helpers';
import { labelled } from '../support/expect';

type Stack = Awaited<ReturnType<typeof startTestStack>>;


const DIR = 'examples/A_HRC_47_G_10';
/** The example submission as flags only: no metadata file. */
const EXAMPLE_FLAGS = [
  '--body', 'HRC', '--session', '47', '--agenda-item', '4', '--series', 'G', '--kind', 'note-verbale',
  '--sender', 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
  '--addressee', 'Office of the United Nations High Commissioner for Human Rights',
  '--dated', '2021-06-08', '--original-language', 'en',
  '--title', 'Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
  '--cover', `${DIR}/note-verbale.txt`, '--annex', `${DIR}/annex.txt,as-received`,
];

const ListJson = z.object({ items: z.array(z.object({ id: z.string(), status: z.string(), symbol: z.string().nullable() })), cursor: z.string().nullable() });
const ID = /^[0-9A-Z]{26}$/;

async function listAll(stack: Stack) {
  const { code, stdout } = await circulate(stack, 'list', '--all', '--json');
  expect(code).toBe(0);
  return ListJson.parse(JSON.parse(stdout)).items;
}

describe('the circulate commands against the embedded stack', () => {
  let stack: Stack;
  let published: string;
  beforeAll(async () => { stack = await startTestStack(); });
  afterAll(async () => stack?.cleanup());

  it('submits with flags alone, and watch shows each step then PUBLISHED, symbol and URL (exit 0)', async () => {
    const submitted = await circulate(stack, 'submit', ...EXAMPLE_FLAGS);
    expect(submitted.stderr).toContain('uploaded annex.txt');
    expect(submitted.code).toBe(0);
    published = submitted.stdout.trim();
    expect(published).toMatch(ID);

    const { code, stdout } = await circulate(stack, 'watch', published);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^\[1\/5\] +AWAITING_UPLOAD +\S+ +2 file\(s\) declared$/),
      expect.stringMatching(/^\[2\/5\] +RECEIVED +/),
      expect.stringMatching(/^\[3\/5\] +SYMBOL_ASSIGNED +\S+ +A\/HRC\/47\/G\/1;/),
      expect.stringMatching(/^\[4\/5\] +TAGGED +\S+ +reproduced as received: annex$/),
      expect.stringMatching(/^\[5\/5\] +PUBLISHED +/),
      'status: PUBLISHED',
      'symbol: A/HRC/47/G/1',
      `url: ${stack.url}/A/HRC/47/G/1/`,
    ]);
    // Not a terminal: nothing is redrawn or coloured.
    expect(stdout).not.toContain('\u001b');
  });

  it('shows the submission: symbol, job numbers and languages, history, URL', async () => {
    const { code, stdout } = await circulate(stack, 'status', published);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^symbol: +A\/HRC\/47\/G\/1$/m);
    expect(stdout).toMatch(/^ +en +GE\.\d{2}-\d{5}\(E\) +original +original$/m);
    expect(stdout).toMatch(/^ +fr +GE\.\d{2}-\d{5}\(F\) +pending +reproduced-as-received$/m);
    expect(stdout).toMatch(/^ +annex\.txt +annex +en +no \(as received\)/m);
    expect(stdout).toMatch(/^ +\S+ +TAGGED +reproduced as received: annex$/m);
    expect(stdout).toMatch(new RegExp(`^url: +${stack.url}/A/HRC/47/G/1/$`, 'm'));
    const json = await circulate(stack, 'status', published, '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ id: published, symbol: 'A/HRC/47/G/1', status: 'PUBLISHED' });
  });

  it('submits a metadata file with --wait, showing the same steps', async () => {
    const { code, stdout } = await circulate(stack, 'submit', EXAMPLE, '--session', '48', '--allow-duplicate', '--wait');
    expect(code).toBe(0);
    const [id, ...steps] = stdout.trimEnd().split('\n');
    expect(id).toMatch(ID);
    expect(steps.filter((l) => l.startsWith('['))).toHaveLength(5);
    expect(steps.slice(-3)).toEqual(['status: PUBLISHED', 'symbol: A/HRC/48/G/1', `url: ${stack.url}/A/HRC/48/G/1/`]);
  });

  it('lists by status and session, as a table', async () => {
    const { code, stdout } = await circulate(stack, 'list', '--status', 'PUBLISHED', '--session', '47');
    expect(code).toBe(0);
    const [header, ...rows] = stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID +STATUS +SYMBOL +SESS\/ITEM +TITLE +CREATED/);
    expect(rows).toEqual([expect.stringMatching(new RegExp(`^${published} +PUBLISHED +A/HRC/47/G/1 +47/4 +Note verbale dated 8 June 2021 .+ \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`))]);
    const failed = await circulate(stack, 'list', '--status', 'FAILED');
    expect(failed.stdout.trim()).toBe('no submissions');
  });

  it('lists as JSON, one page at a time with --limit and --cursor, or all with --all', async () => {
    const all = await listAll(stack);
    expect(all.map((s) => s.symbol)).toEqual(['A/HRC/48/G/1', 'A/HRC/47/G/1']);
    const first = await circulate(stack, 'list', '--json', '--limit', '1');
    const page = ListJson.parse(JSON.parse(first.stdout));
    expect(page.items.map((s) => s.id)).toEqual([all[0]?.id]);
    expect(page.cursor).not.toBeNull();
    const next = await circulate(stack, 'list', '--json', '--limit', '1', '--cursor', page.cursor ?? '');
    expect(ListJson.parse(JSON.parse(next.stdout)).items.map((s) => s.id)).toEqual([published]);
    expect(first.stderr).toBe('');
    const table = await circulate(stack, 'list', '--limit', '1');
    expect(table.stderr).toContain(`--limit 1 --cursor ${page.cursor}`);
  });

  it('refuses a bad flag value with exit 2, naming the field, and sends nothing', async () => {
    const before = await listAll(stack);
    const flags = EXAMPLE_FLAGS.map((f, i) => (EXAMPLE_FLAGS[i - 1] === '--session' ? '99' : f));
    const { code, stdout, stderr } = await circulate(stack, 'submit', ...flags);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('nothing was sent');
    expect(stderr).toContain('session (--session 99): must be a session of HRC from 1 to 70');
    expect(await listAll(stack)).toEqual(before);

    const choice = await circulate(stack, 'list', '--status', 'DONE');
    expect(choice.code).toBe(2);
    expect(choice.stderr).toMatch(/--status.*DONE.*PUBLISHED/s);
  });

  it('checks with --dry-run: prints the body with sizes and checksums, sends nothing, exit 0', async () => {
    const before = await listAll(stack);
    const { code, stdout } = await circulate(stack, 'submit', ...EXAMPLE_FLAGS, '--dry-run');
    expect(code).toBe(0);
    const { body } = await loadSubmission(EXAMPLE);
    expect(JSON.parse(stdout)).toMatchObject({ session: 47, files: body.files.map(({ name, size, sha256 }) => ({ name, size, sha256 })) });
    expect(await listAll(stack)).toEqual(before);
  });

  it('gives up watching at --timeout with exit 3, showing how far it got', async () => {
    // A submission whose files never come stays AWAITING_UPLOAD.
    const { body } = await loadSubmission(EXAMPLE);
    const created = await api(stack, '/submissions', { method: 'POST', body: JSON.stringify({ ...body, allowDuplicate: true }), headers: { 'content-type': 'application/json' } });
    const { id } = z.object({ id: z.string() }).parse(created.json);
    const { code, stdout, stderr } = await circulate(stack, 'watch', id, '--timeout', '1');
    expect(code).toBe(3);
    expect(stdout).toMatch(/^\[1\/5\] +AWAITING_UPLOAD/);
    expect(stderr).toContain(`gave up waiting for submission ${id} after 1 s (last status: AWAITING_UPLOAD)`);
  });

  it('says watch takes an id, not a symbol (exit 2)', async () => {
    const { code, stderr } = await circulate(stack, 'watch', 'A/HRC/47/G/1');
    expect(code).toBe(2);
    expect(stderr).toContain('circulate status A/HRC/47/G/1');
  });

  it('has --help for every command, with its options and examples (exit 0)', async () => {
    const expected: [string[], string[]][] = [
      [[], ['submit', 'status', 'watch', 'list', 'admin', 'Exit codes', '3  timed out', 'CIRCULATE_TOKEN']],
      [['submit'], ['--body', '--session', '--agenda-item', '--series', '--kind', '--sender', '--addressee', '--dated',
        '--original-language', '--title', '--cover', '--annex', '--file', 'as-received', '--dry-run', '--wait', '--timeout', '--json']],
      [['status'], ['<id|symbol>', '--json']],
      [['watch'], ['<id>', '--timeout', '--json', 'Exits 0 when PUBLISHED, 1 when FAILED, 3 on timeout']],
      [['list'], ['--status', '--session', '--body', '--limit', '--cursor', '--all', '--json']],
      [['admin'], ['series-start', 'series']],
      [['admin', 'series-start'], ['<series>', '<start>', '--json']],
      [['admin', 'series'], ['<series>', '--json']],
    ];
    await Promise.all(expected.map(async ([command, mentions]) => {
      const { code, stdout } = await circulate(stack, ...command, '--help');
      labelled(command.join(' '), () => expect(code).toBe(0));
      for (const mention of mentions) labelled(`${command.join(' ')} --help`, () => expect(stdout).toContain(mention));
      labelled(`${command.join(' ')} --help`, () => expect(stdout).toContain('$ circulate'));
    }));
  });
});
