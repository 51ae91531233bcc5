import { readFile } from 'node:fs/promises';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Proposals } from '#shared/api/responses';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators';
import { createS3Client } from '../../infra/local/s3-client';
import { axeViolations, describeViolations, launchChromium, screenshot, watchPageProblems } from '../support/browser';
import { elfExecutable, minimalPdf, utf8 } from '../support/files';
import { api, circulate, startTestStack, waitForFinalStatus } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const DIR = 'examples/A_HRC_47_G_10';
const NOTE = `${DIR}/note-verbale.txt`;
const TEXT = 'text/plain; charset=utf-8';
const FIELDS = ['kind', 'dated', 'sender', 'addressee', 'session', 'agendaItem', 'title', 'originalLanguage'] as const;

/** A note verbale with markup in it, as a hostile or careless sender could write it. */
const HOSTILE = [
  '<script>alert("proposals")</script><img src=x onerror=alert(1)> The Permanent Mission of the Republic of Azerbaijan to the United Nations Office and other international organizations in Geneva presents its compliments to the Office of the United Nations High Commissioner for Human Rights and has the honour to transmit herewith a letter (see annex).',
  'The Permanent Mission kindly requests that the present note verbale and its annex be circulated as a document of the forty-seventh session of the Human Rights Council, under agenda item 4.',
  'Geneva, 8 June 2021',
].join('\n\n');

describe('POST /api/proposals against the embedded stack', () => {
  let stack: Stack;
  let metadata: Record<string, unknown>;
  beforeAll(async () => {
    stack = await startTestStack();
    metadata = JSON.parse(await readFile(`${DIR}/metadata.json`, 'utf8')) as Record<string, unknown>;
  });
  afterAll(async () => stack?.cleanup());

  const post = (body: BodyInit | undefined, contentType?: string, staff = true) =>
    api(stack, '/proposals', { method: 'POST', body, headers: contentType ? { 'content-type': contentType } : {}, staff });

  /** Everything stored: the table's items and both buckets' objects. */
  async function stored() {
    const db = new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const items = await db.send(new ScanCommand({ TableName: stack.names.table, Select: 'COUNT' }));
    const s3 = createS3Client(stack.endpoints.s3);
    const keys = async (Bucket: string) => ((await s3.send(new ListObjectsV2Command({ Bucket }))).Contents ?? []).map((o) => o.Key).sort();
    return { items: items.Count, intake: await keys(stack.names.intakeBucket), site: await keys(stack.names.siteBucket) };
  }

  it('proposes the example’s metadata exactly as its metadata.json says, each with the note’s words', async () => {
    const res = await post(await readFile(NOTE), TEXT);
    expect(res.status).toBe(200);
    const { fields } = Proposals.parse(res.json);
    for (const field of FIELDS) expect({ field, value: fields[field]?.value }).toEqual({ field, value: metadata[field] });
    expect(fields.annexes?.value).toBe(1);
    const note = await readFile(NOTE, 'utf8');
    for (const [field, p] of Object.entries(fields)) expect({ field, quoted: note.includes(p.evidence) }).toEqual({ field, quoted: true });
    expect(fields.dated?.evidence).toBe('Geneva, 8 June 2021');
  });

  it('reads the French version of the note too, and a PDF', async () => {
    const fr = Proposals.parse((await post(await readFile(`${DIR}/fr/note-verbale.txt`), TEXT)).json).fields;
    expect(fr).toMatchObject({ originalLanguage: { value: 'fr' }, sender: { value: metadata.sender }, agendaItem: { value: 4 }, session: { value: 47 } });
    const pdf = await post(minimalPdf('Genève, le 8 juin 2021'), 'application/pdf');
    expect(Proposals.parse(pdf.json).fields.dated?.value).toBe('2021-06-08');
  });

  it('refuses what it cannot read with a clear 4xx, and writes nothing anywhere', async () => {
    const before = await stored();
    const refusals: [string, Promise<{ status: number; json: unknown }>, number, string][] = [
      ['no body', post(undefined, TEXT), 400, 'Send the cover note'],
      ['a type not taken', post(utf8('x'), 'image/png'), 415, 'image/png is not one of the types'],
      ['an executable called a PDF', post(elfExecutable(), 'application/pdf'), 415, 'is not a PDF'],
      ['a scan (no text layer)', post(minimalPdf(''), 'application/pdf'), 422, 'no text to read'],
      ['a note over the limit', post(new Uint8Array(4 * 1024 * 1024 + 1).fill(0x61), TEXT), 413, 'the limit is 4194304 bytes'],
      ['a body over what the route takes', post(new Uint8Array(6 * 1024 * 1024 + 1).fill(0x61), TEXT), 413, 'larger than'],
      ['no staff token', post(utf8('x'), TEXT, false), 401, 'secretariat staff'],
    ];
    for (const [what, answer, status, says] of refusals) {
      const res = await answer;
      expect({ what, status: res.status }).toEqual({ what, status });
      expect({ what, says: JSON.stringify(res.json).includes(says) }).toEqual({ what, says: true });
    }
    // The successes write nothing either.
    await post(await readFile(NOTE), TEXT);
    expect(await stored()).toEqual(before);
  });

  it('gives back markup in a note as plain JSON strings, never interpreted', async () => {
    const res = await api(stack, '/proposals', { method: 'POST', body: HOSTILE, headers: { 'content-type': TEXT } });
    expect(res.status).toBe(200);
    const { fields } = Proposals.parse(res.json);
    expect(fields.originalLanguage?.evidence).toContain('<script>alert("proposals")</script>');
    expect(res.text).toContain('\\"proposals\\"');
    expect(fields.sender?.value).toBe(metadata.sender);
  });

  it('answers twenty proposals sent at once, each one right', async () => {
    const [en, fr] = await Promise.all([readFile(NOTE), readFile(`${DIR}/fr/note-verbale.txt`)]);
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => post(i % 4 === 3 ? fr : en, TEXT)));
    answers.forEach((res, i) => {
      expect(res.status).toBe(200);
      const { fields } = Proposals.parse(res.json);
      expect(fields.originalLanguage?.value).toBe(i % 4 === 3 ? 'fr' : 'en');
      expect(fields.sender?.value).toBe(metadata.sender);
      if (i % 4 !== 3) expect(fields.title?.value).toBe(metadata.title);
    });
  });

  it('lets circulate submit --propose --yes take the fields from the cover and publish the example', async () => {
    const { code, stdout, stderr } = await circulate(stack, 'submit', '--body', 'HRC', '--series', 'G',
      '--cover', NOTE, '--annex', `${DIR}/annex.txt,as-received`, '--allow-duplicate', '--propose', '--yes', '--json', '--wait');
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining('taken (--yes): kind, dated, sender, addressee, session, agendaItem, originalLanguage, title') });
    expect(stderr).toContain('from “Geneva, 8 June 2021”');
    const record = JSON.parse(stdout) as { id: string; status: string; submission: Record<string, unknown> };
    expect(record.status).toBe('PUBLISHED');
    for (const field of FIELDS) expect({ field, value: record.submission[field] }).toEqual({ field, value: metadata[field] });
    expect((await waitForFinalStatus(stack, record.id)).status).toBe('PUBLISHED');
  });

  it('lets a flag win over the proposal, and refuses to guess without --yes off a terminal', async () => {
    const kept = await circulate(stack, 'submit', '--body', 'HRC', '--series', 'G', '--session', '48', '--cover', NOTE, '--propose', '--yes', '--dry-run');
    expect(kept.code).toBe(0);
    expect(JSON.parse(kept.stdout)).toMatchObject({ session: 48, agendaItem: 4, kind: 'note-verbale' });
    expect(kept.stderr).toContain('session: 47  (kept as given: 48)');
    const asked = await circulate(stack, 'submit', '--body', 'HRC', '--series', 'G', '--cover', NOTE, '--propose', '--dry-run');
    expect(asked.code).toBe(2);
    expect(asked.stderr).toContain('add --yes');
  });

  describe('on the staff page, in chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => browser?.close());

    it('fills the empty fields from the cover note, marked as proposed with their evidence, and keeps what staff typed', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems = await watchPageProblems(page);
      let dialogs = 0;
      page.on('dialog', (d) => { dialogs++; void d.dismiss(); });
      await page.goto(`${stack.url}/staff/#new`);
      await page.locator('#file-1-file').waitFor();
      await page.fill('#token', stack.token);
      await page.fill('#addressee', 'Typed by staff');
      await page.setInputFiles('#file-1-file', { name: 'note-verbale.txt', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE) });
      await page.locator('#proposals-status').filter({ hasText: 'Proposed from the cover note' }).waitFor();

      expect(await page.inputValue('#sender')).toBe(metadata.sender);
      expect(await page.inputValue('#dated')).toBe('2021-06-08');
      expect(await page.inputValue('#session')).toBe('47');
      expect(await page.inputValue('#agendaItem')).toBe('4');
      expect(await page.isChecked('#kind-note-verbale')).toBe(true);
      expect(await page.inputValue('#addressee')).toBe('Typed by staff');
      expect(await page.isHidden('#addressee-proposal')).toBe(true);
      expect(await page.inputValue('#title')).toBe(metadata.title);
      // The quotation marks are the <q> element's own (CSS), not text.
      expect(await page.locator('#dated-proposal').innerText()).toBe('Proposed from the cover note: Geneva, 8 June 2021. Check it, and correct it if the note says otherwise.');
      expect(await page.locator('#dated-proposal q').textContent()).toBe('Geneva, 8 June 2021');
      // The note's markup is shown as the note wrote it, as text.
      expect(await page.locator('#originalLanguage-proposal q').textContent()).toContain('<script>alert("proposals")</script>');
      expect(await page.locator('#originalLanguage-proposal script, #originalLanguage-proposal img').count()).toBe(0);
      expect(await page.getAttribute('#sender', 'aria-describedby')).toContain('sender-proposal');
      expect(describeViolations(await axeViolations(page))).toEqual([]);
      await screenshot(page, 'staff-proposals');

      // Staff correct a proposal: it is theirs now, marked changed.
      await page.fill('#sender', 'Permanent Mission of Armenia to the United Nations Office at Geneva');
      expect(await page.locator('#sender-proposal').innerText()).toMatch(/^Changed You changed the proposal; the note said: /);
      expect(dialogs).toBe(0);
      expect(problems).toEqual([]);
    });

    it('says so when the cover note has no text to read', async () => {
      const page = await browser.newPage();
      await page.goto(`${stack.url}/staff/#new`);
      await page.locator('#file-1-file').waitFor();
      await page.fill('#token', stack.token);
      await page.setInputFiles('#file-1-file', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(minimalPdf('')) });
      await page.locator('#proposals-status').filter({ hasText: 'No fields were proposed' }).waitFor();
      expect(await page.locator('#proposals-status').innerText()).toContain('no text to read');
      expect(await page.inputValue('#sender')).toBe('');
    });
  });
});
