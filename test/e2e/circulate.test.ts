import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadSubmission } from '../../cli/metadata';
import { EXAMPLE, api, startTestStack, submit, waitForFinalStatus, sfnClient } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

describe('a note verbale on the embedded stack', () => {
  let stack: Stack;
  let id: string;
  let record: Record<string, unknown> & { status: string };

  beforeAll(async () => {
    stack = await startTestStack();
    id = await submit(stack);
    record = await waitForFinalStatus(stack, id);
  });
  afterAll(async () => stack?.cleanup());

  it('goes from upload to PUBLISHED with the first symbol of its series', () => {
    expect(record.status).toBe('PUBLISHED');
    expect(record.symbol).toBe('A/HRC/47/G/1');
    expect((record.history as { status: string }[]).map((h) => h.status)).toEqual(
      ['AWAITING_UPLOAD', 'RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED', 'PUBLISHED']);
    expect(record.url).toBe(`${stack.url}/A/HRC/47/G/1/`);
  });

  it('gives the six language versions consecutive job numbers of this year, shown on the page', async () => {
    const yy = String(new Date().getFullYear() % 100).padStart(2, '0');
    expect(record.jobNumbers).toEqual({
      ar: `GE.${yy}-00001(A)`, zh: `GE.${yy}-00002(C)`, en: `GE.${yy}-00003(E)`,
      fr: `GE.${yy}-00004(F)`, ru: `GE.${yy}-00005(R)`, es: `GE.${yy}-00006(S)`,
    });
    expect(await (await fetch(`${stack.url}/A/HRC/47/G/1/`)).text()).toContain(`GE.${yy}-00003(E)`);
  });

  it('records the annex as reproduced as received and the cover as pending translation', () => {
    const translations = record.translations as Record<string, Record<string, string>>;
    expect(translations.cover).toMatchObject({ en: 'original', fr: 'pending', ar: 'pending' });
    expect(translations.annex).toMatchObject({ en: 'original', fr: 'reproduced-as-received', zh: 'reproduced-as-received' });
  });

  it('serves the document page with the symbol, the masthead and the footnote', async () => {
    const res = await fetch(`${stack.url}/A/HRC/47/G/1/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const page = await res.text();
    for (const text of ['A/HRC/47/G/1', 'Distr.: General', 'Original: English', 'Human Rights Council',
      'Forty-seventh session', '21 June–9 July 2021', 'Agenda item 4',
      'Human rights situations that require the Council’s attention',
      'Reproduced as received, in the language of submission only.']) {
      expect(page).toContain(text);
    }
  });

  it('publishes the files as received, byte for byte', async () => {
    const res = await fetch(`${stack.url}/A/HRC/47/G/1/annex.en.txt`);
    expect(res.status).toBe(200);
    const { readFile } = await import('node:fs/promises');
    expect(await res.text()).toBe(await readFile('examples/A_HRC_47_G_10/annex.txt', 'utf8'));
  });

  it('lists the document on the session page and answers the public API', async () => {
    const session = await (await fetch(`${stack.url}/A/HRC/47/`)).text();
    expect(session).toContain('A/HRC/47/G/1');
    const doc = await api(stack, '/documents/A/HRC/47/G/1', { staff: false });
    expect(doc.status).toBe(200);
    expect(doc.json).toMatchObject({ symbol: 'A/HRC/47/G/1', agendaItem: 4, originalLanguage: 'en' });
    const list = await api(stack, '/sessions/HRC/47/documents', { staff: false });
    expect(list.json).toMatchObject({ agendaItems: [{ item: 4, documents: [{ symbol: 'A/HRC/47/G/1' }] }] });
  });

  it('judges symbols: 400 with the grammar\'s message for a malformed one, 404 for a well-formed one not published', async () => {
    const malformed = await api(stack, '/documents/A/HRC/47/G/010', { staff: false });
    expect(malformed.status).toBe(400);
    expect((malformed.json as { error: { message: string } }).error.message).toMatch(/0/);
    const unknown = await api(stack, '/documents/A/HRC/47/G/99', { staff: false });
    expect(unknown.status).toBe(404);
  });

  it('gives the next submission in the series the next number', async () => {
    const second = await submit(stack);
    const yy = String(new Date().getFullYear() % 100).padStart(2, '0');
    expect(await waitForFinalStatus(stack, second)).toMatchObject({
      status: 'PUBLISHED', symbol: 'A/HRC/47/G/2', jobNumbers: { ar: `GE.${yy}-00007(A)`, es: `GE.${yy}-00012(S)` },
    });
  });

  it('starts one execution per submission, named by its id, though every upload triggered receive', async () => {
    const sfn = sfnClient(stack);
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: stack.names.stateMachineArn }));
    const { items } = (await api(stack, '/submissions')).json as { items: { id: string }[] };
    expect(executions?.map((e) => e.name).sort()).toEqual(items.map((i) => i.id).sort());
    expect(executions?.every((e) => e.status === 'SUCCEEDED')).toBe(true);
  });

  it('keeps staff routes for staff and public routes read-only', async () => {
    expect((await api(stack, `/submissions/${id}`, { staff: false })).status).toBe(401);
    expect((await api(stack, '/submissions', { method: 'POST', staff: false, body: '{}', headers: { 'content-type': 'application/json' } })).status).toBe(401);
    expect((await api(stack, '/documents/A/HRC/47/G/1', { method: 'POST', staff: false })).status).toBe(405);
  });

  it('refuses a bad submission with a 400 that names the field, and records nothing', async () => {
    const before = (await api(stack, '/submissions')).json as { items: unknown[] };
    const { body } = await loadSubmission(EXAMPLE);
    const res = await api(stack, '/submissions', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, agendaItem: 99 }),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain('agendaItem');
    const after = (await api(stack, '/submissions')).json as { items: unknown[] };
    expect(after.items.length).toBe(before.items.length);
  });
});
