import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isoDateIn } from '#shared/domain/dates';
import { dateIn } from '#shared/domain/masthead-wording/dates';
import { aws, requireAwsCli } from '../support/aws-cli';
import { sha256, utf8 } from '../support/files';
import { api, startTestStack, submit, submitTranslation, waitForFinalStatus, type TestFile } from './helpers';

/**
 * A version reissued for technical reasons (POST /api/reissues/{symbol+}), as staff send it: the
 * example published, its French version added, then the French version reissued with a corrected
 * cover note, and the English original reissued; what the pages, the record, the tags and the feeds
 * then say; what is refused, and one reissue of a version at a time.
 */

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const SYMBOL = 'A/HRC/47/G/1';
const TEXT = 'text/plain';
const cover = (name: string, text: string): TestFile => ({ name, part: 'cover', contentType: TEXT, bytes: utf8(text) });
const pageText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

type Reissue = { language: string; reason: string; title?: string; files: readonly TestFile[] };

describe('a version reissued for technical reasons', () => {
  let stack: Stack;

  beforeAll(async () => {
    requireAwsCli();
    stack = await startTestStack();
    expect(await waitForFinalStatus(stack, await submit(stack))).toMatchObject({ status: 'PUBLISHED', symbol: SYMBOL });
    const french = await submitTranslation(stack, SYMBOL, { language: 'fr', title: 'Note verbale datée du 8 juin 2021', files: [cover('note-fr.txt', 'Note verbale (première version)\n')] });
    expect(await waitForFinalStatus(stack, (french.json as { id: string }).id)).toMatchObject({ status: 'PUBLISHED' });
  }, 60_000);
  afterAll(async () => stack?.cleanup());

  /** POST /api/reissues, then the uploads on a 201 (the route's answer either way). */
  async function reissue(symbol: string, input: Reissue) {
    const files = input.files.map((f) => ({ name: f.name, part: f.part, contentType: f.contentType, size: f.bytes.length, sha256: sha256(f.bytes) }));
    const created = await api(stack, `/reissues/${symbol}`, { method: 'POST', body: JSON.stringify({ ...input, files }), headers: { 'content-type': 'application/json' } });
    if (created.status === 201) {
      for (const [i, u] of (created.json as { uploads: { method: string; url: string; headers: Record<string, string> }[] }).uploads.entries()) {
        const put = await fetch(u.url, { method: u.method, headers: u.headers, body: input.files[i]!.bytes });
        expect(put.ok).toBe(true);
      }
    }
    return created;
  }
  const site = (path: string) => fetch(`${stack.url}/${path}`).then((r) => r.text());
  const documentView = async () => (await api(stack, `/documents/${SYMBOL}`, { staff: false })).json as {
    jobNumbers: Record<string, string>; languages: Record<string, Record<string, string>>; reissued: Record<string, { at: string; replacedJobNumber: string }>;
  };
  const submissionCount = async () => ((await api(stack, '/submissions?limit=100')).json as { items: unknown[] }).items.length;
  const errorOf = (answer: { json: unknown }) => (answer.json as { error: { message: string } }).error.message;

  it('refuses a version not issued, a part reproduced as received, a document not published, and writes nothing', async () => {
    const before = await submissionCount();
    const ok = cover('note.txt', 'Note\n');
    const refusals: [string, Reissue, number, RegExp][] = [
      [SYMBOL, { language: 'es', reason: 'wrong file', files: [ok] }, 400, /the Spanish version of cover of A\/HRC\/47\/G\/1 has not been issued: send it as a translation/],
      [SYMBOL, { language: 'fr', reason: 'wrong file', files: [{ ...ok, part: 'annex' }] }, 400, /annex of A\/HRC\/47\/G\/1 is reproduced as received in French: reissue it in the language it was submitted in/],
      [SYMBOL, { language: 'fr', reason: 'wrong file', files: [{ ...ok, part: 'annex-4' }] }, 400, /has no part "annex-4"/],
      [SYMBOL, { language: 'fr', reason: '', files: [ok] }, 400, /reason/],
      ['A/HRC/47/G/77', { language: 'fr', reason: 'wrong file', files: [ok] }, 404, /No published document A\/HRC\/47\/G\/77: a version is reissued/],
    ];
    for (const [symbol, input, status, message] of refusals) {
      const answer = await reissue(symbol, input);
      expect({ symbol, status: answer.status }).toEqual({ symbol, status });
      expect(errorOf(answer)).toMatch(message);
    }
    expect(await submissionCount()).toBe(before);
  });

  it('reissues the French version: its page marks the symbol and job number with * and says when, in French; the rest is as it was', async () => {
    const before = await documentView();
    const englishPage = await site(`${SYMBOL}/en/`);
    // Two reissues of the version sent at once: one is taken.
    const corrected = 'Note verbale (version corrigée)\n';
    const [a, b] = await Promise.all([1, 2].map((n) => reissue(SYMBOL, { language: 'fr', reason: 'the first page was cut off', files: [cover(`note-fr-${n}.txt`, corrected)] })));
    expect([a!.status, b!.status].sort()).toEqual([201, 409]);
    const taken = [a!, b!].find((x) => x.status === 201)!;
    expect(errorOf([a!, b!].find((x) => x.status === 409)!)).toMatch(/^A reissue of the French version of A\/HRC\/47\/G\/1 is already on its way: submission /);
    const id = (taken.json as { id: string }).id;
    const done = await waitForFinalStatus(stack, id);
    expect(done).toMatchObject({ status: 'PUBLISHED', translation: { of: SYMBOL, language: 'fr', kind: 'reissue' }, url: `${stack.url}/${SYMBOL}/fr/` });
    expect((done as unknown as { history: { detail?: string }[] }).history[0]?.detail).toContain('the first page was cut off');

    const view = await documentView();
    const first = before.jobNumbers.fr!;
    const marked = first.replace(/\(F\)$/, '*(F)');
    expect(view.jobNumbers.fr).toBe(marked);
    expect(view.reissued.fr).toMatchObject({ replacedJobNumber: first });
    expect(view.languages).toEqual(before.languages);
    expect({ ...view.jobNumbers, fr: first }).toEqual(before.jobNumbers);

    const day = isoDateIn('Europe/Zurich', new Date(view.reissued.fr!.at));
    const page = await site(`${SYMBOL}/fr/`);
    const text = pageText(page);
    expect(text).toContain(`${SYMBOL} *`);
    expect(text).toContain(`* Nouveau tirage pour raisons techniques le ${dateIn('fr', day)}.`);
    expect(text).toContain(marked);
    expect(await site(`${SYMBOL}/cover.fr.txt`)).toBe(corrected);
    expect(await site(`${SYMBOL}/en/`)).toBe(englishPage);

    // The tags of the file that replaced the French one still say what it is.
    expect(JSON.parse(await aws(stack.endpoints.s3, 's3api', 'get-object-tagging', '--bucket', stack.names.siteBucket, '--key', `${SYMBOL}/cover.fr.txt`)))
      .toEqual({ TagSet: expect.arrayContaining([{ Key: 'translation-status', Value: 'translated' }, { Key: 'language', Value: 'fr' }]) });
    const feed = await site('A/HRC/47/feed.xml');
    expect(feed).toContain(`${SYMBOL} — French version reissued for technical reasons: Note verbale datée du 8 juin 2021`);
    expect(feed).toContain('term="reissue-fr"');
  }, 60_000);

  it('takes the next reissue of a version once the last one is published, and reissues the original in its language', async () => {
    const again = await reissue(SYMBOL, { language: 'fr', reason: 'a table was garbled', files: [cover('note-fr-3.txt', 'Note verbale (troisième tirage)\n')] });
    expect(again.status).toBe(201);
    const english = await reissue(SYMBOL, { language: 'en', reason: 'the annex scan was unreadable', files: [{ name: 'annex-en.txt', part: 'annex', contentType: TEXT, bytes: utf8('Annex, scanned again\n') }] });
    expect(english.status).toBe(201);
    for (const created of [again, english]) expect(await waitForFinalStatus(stack, (created.json as { id: string }).id)).toMatchObject({ status: 'PUBLISHED' });

    const view = await documentView();
    // Marked once, however often reissued; the original stays the original.
    expect(view.jobNumbers.fr).toMatch(/^GE\.\d\d-\d{5}\*\(F\)$/);
    expect(view.jobNumbers.en).toMatch(/^GE\.\d\d-\d{5}\*\(E\)$/);
    expect(view.languages.annex).toMatchObject({ en: 'original', fr: 'reproduced-as-received' });
    const page = pageText(await site(`${SYMBOL}/en/`));
    expect(page).toContain('* Reissued for technical reasons on');
    expect(await site(`${SYMBOL}/annex.en.txt`)).toBe('Annex, scanned again\n');
    // The French page points to the English annex as received, now the reissued one.
    expect(await site(`${SYMBOL}/fr/`)).toContain(`href="/${SYMBOL}/annex.en.txt"`);
  }, 60_000);
});
