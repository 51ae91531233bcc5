import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aws, requireAwsCli } from '../support/aws-cli';
import { utf8 } from '../support/files';
import { EXAMPLE, api, startTestStack, submit, submitTranslation, waitForFinalStatus, type TestFile } from './helpers';

/**
 * A translation arriving after publication, as staff send it (POST /api/translations/{symbol+}, then
 * the uploads): the example published in English, then its French cover note from the real French
 * version; what the French page, the record, the S3 tags and the feed then say; what is refused and
 * leaves nothing behind; and versions of several languages sent at once.
 */

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const SYMBOL = 'A/HRC/47/G/1';
const TEXT = 'text/plain';
const FRENCH_TITLE = 'Note verbale datée du 8 juin 2021, adressée au Haut-Commissariat des Nations Unies aux droits de l’homme par la Mission permanente de l’Azerbaïdjan auprès de l’Office des Nations Unies à Genève';
const FRENCH_COVER = 'examples/A_HRC_47_G_10/fr/note-verbale.txt';

const cover = (name: string, text: string): TestFile => ({ name, part: 'cover', contentType: TEXT, bytes: utf8(text) });
/** The page's text, its tags and entities as the reader sees them (’ stays ’). */
const pageText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;|&apos;/g, "'").replace(/\s+/g, ' ');

describe('a translation added to a published document', () => {
  let stack: Stack;
  let french: string;

  beforeAll(async () => {
    requireAwsCli();
    stack = await startTestStack();
    // As staff submit it: no allowDuplicate (the translation must not trip over the cover claim).
    expect(await waitForFinalStatus(stack, await submit(stack, EXAMPLE, (b) => { b.allowDuplicate = false; }))).toMatchObject({ status: 'PUBLISHED', symbol: SYMBOL });
  }, 60_000);
  afterAll(async () => stack?.cleanup());

  const site = (path: string) => fetch(`${stack.url}/${path}`).then(async (r) => ({ status: r.status, text: await r.text() }));
  const submissionCount = async () => ((await api(stack, '/submissions?limit=100')).json as { items: unknown[] }).items.length;
  const intakeKeys = async () => JSON.parse(await aws(stack.endpoints.s3, 's3api', 'list-objects-v2', '--bucket', stack.names.intakeBucket) || '{}') as { Contents?: { Key: string }[] };
  const tagsOf = async (bucket: string, key: string) => {
    const { TagSet } = JSON.parse(await aws(stack.endpoints.s3, 's3api', 'get-object-tagging', '--bucket', bucket, '--key', key)) as { TagSet: { Key: string; Value: string }[] };
    return Object.fromEntries(TagSet.map((t) => [t.Key, t.Value]));
  };

  it('refuses what cannot be a translation, naming why, and writes nothing', async () => {
    const before = { submissions: await submissionCount(), intake: (await intakeKeys()).Contents?.length ?? 0 };
    const ok = cover('note-fr.txt', 'Note verbale\n');
    const refusals: [string, { language: string; title: string; files: TestFile[] }, number, RegExp][] = [
      [SYMBOL, { language: 'xx', title: 'Note', files: [ok] }, 400, /language/],
      [SYMBOL, { language: 'en', title: 'Note', files: [ok] }, 400, /language: must not be en: it is the original language of A\/HRC\/47\/G\/1/],
      ['A/HRC/47/G/99', { language: 'fr', title: 'Note', files: [ok] }, 404, /No published document A\/HRC\/47\/G\/99/],
      ['not a symbol', { language: 'fr', title: 'Note', files: [ok] }, 400, /symbol/i],
      [SYMBOL, { language: 'fr', title: 'Note', files: [{ ...ok, part: 'annex-3' }] }, 400, /files\[0\]\.part: A\/HRC\/47\/G\/1 has no part "annex-3"; its parts are cover, annex/],
      [SYMBOL, { language: 'fr', title: 'Note', files: [ok, { ...ok, name: 'annex-fr.txt', part: 'annex' }] }, 400, /files\[1\]\.part: annex of A\/HRC\/47\/G\/1 is reproduced as received/],
      [SYMBOL, { language: 'fr', title: '', files: [ok] }, 400, /title/],
      [SYMBOL, { language: 'fr', title: '<script>alert(1)</script>', files: [] }, 400, /files/],
    ];
    for (const [symbol, input, status, message] of refusals) {
      const answer = await submitTranslation(stack, symbol, input);
      expect({ symbol, language: input.language, status: answer.status }).toEqual({ symbol, language: input.language, status });
      expect((answer.json as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(await submissionCount()).toBe(before.submissions);
    expect((await intakeKeys()).Contents?.length ?? 0).toBe(before.intake);
    // No claim was left either: the French version can still be sent (the next test sends it).
  });

  it('publishes the French version: the French page, the record, the tags and the feed say so', async () => {
    const bytes = new Uint8Array(await readFile(FRENCH_COVER));
    const created = await submitTranslation(stack, SYMBOL, { language: 'fr', title: FRENCH_TITLE, files: [{ name: 'note-verbale-fr.txt', part: 'cover', contentType: TEXT, bytes }] });
    expect(created.status).toBe(201);
    french = (created.json as { id: string }).id;
    const done = await waitForFinalStatus(stack, french);
    expect(done).toMatchObject({ status: 'PUBLISHED', symbol: SYMBOL, translation: { of: SYMBOL, language: 'fr' }, url: `${stack.url}/${SYMBOL}/fr/` });

    // The French page: the sample's masthead, the French title, the French cover note as translated, the annex in English.
    const page = await site(`${SYMBOL}/fr/`);
    expect(page.status).toBe(200);
    const text = pageText(page.text);
    for (const line of ['Conseil des droits de l’homme', 'Quarante-septième session', '21 juin-9 juillet 2021', 'Point 4 de l’ordre du jour',
      'Situations relatives aux droits de l’homme qui requièrent l’attention du Conseil', FRENCH_TITLE,
      'Translated: the French version is issued.', '* L’annexe est reproduite telle qu’elle a été reçue, dans la langue de l’original seulement.',
      'Reproduced as received: issued in English only']) {
      expect(text).toContain(line);
    }
    expect(text).not.toContain('Pending translation');
    expect(page.text).toContain(`href="/${SYMBOL}/cover.fr.txt"`);
    expect(page.text).toContain(`href="/${SYMBOL}/annex.en.txt"`);
    expect((await site(`${SYMBOL}/cover.fr.txt`)).text).toBe(bytes.length ? new TextDecoder().decode(bytes) : '');
    // The English page keeps its own title; the document's page lists the French file.
    expect(pageText((await site(`${SYMBOL}/en/`)).text)).not.toContain(FRENCH_TITLE);

    // The API: French translated, its title, its file.
    const doc = (await api(stack, `/documents/${SYMBOL}`, { staff: false })).json as {
      titles: Record<string, string>; languages: Record<string, Record<string, string>>; files: { part: string; language: string }[];
    };
    expect(doc.titles.fr).toBe(FRENCH_TITLE);
    expect(doc.languages.cover).toMatchObject({ en: 'original', fr: 'translated', es: 'pending' });
    expect(doc.languages.annex?.fr).toBe('reproduced-as-received');
    expect(doc.files).toContainEqual(expect.objectContaining({ part: 'cover', language: 'fr' }));
    const original = (await api(stack, `/submissions?limit=100`)).json as { items: { id: string; symbol: string | null; translation: unknown; translations: Record<string, Record<string, string>> | null }[] };
    expect(original.items.find((s) => s.symbol === SYMBOL && !s.translation)?.translations?.cover?.fr).toBe('translated');

    // The S3 tags, read with the AWS CLI: the published French file, its upload and its verified copy.
    const tags = { symbol: SYMBOL, language: 'fr', part: 'cover', 'translation-status': 'translated' };
    expect(await tagsOf(stack.names.siteBucket, `${SYMBOL}/cover.fr.txt`)).toEqual(tags);
    const keys = ((await intakeKeys()).Contents ?? []).map((c) => c.Key).filter((k) => k.includes(french));
    // The upload, its verified copy and its text say what the file is; the version's PDF, what the version is.
    expect(keys.sort()).toEqual([`issued/${french}/fr.pdf`, `submissions/${french}/1-cover.fr`, `texts/${french}/1-cover.fr.json`, `verified/${french}/1-cover.fr`]);
    for (const key of keys.filter((k) => !k.startsWith('issued/'))) expect(await tagsOf(stack.names.intakeBucket, key)).toEqual(tags);
    expect(await tagsOf(stack.names.intakeBucket, `issued/${french}/fr.pdf`)).toEqual({ symbol: SYMBOL, language: 'fr', part: 'issued', 'translation-status': 'translated' });
    // The English files say what the table says of them in English: the originals (the annex is
    // reproduced as received in the other languages, from this very file).
    for (const part of ['cover', 'annex']) {
      expect(await tagsOf(stack.names.siteBucket, `${SYMBOL}/${part}.en.txt`)).toEqual({ symbol: SYMBOL, language: 'en', part, 'translation-status': 'original' });
    }

    // The feeds announce it, under its French title.
    for (const feed of ['feed.xml', 'A/HRC/47/feed.xml']) {
      const xml = (await site(feed)).text;
      expect(xml).toContain(`${SYMBOL} — French version issued: ${FRENCH_TITLE}`);
      expect(xml).toContain('term="version-fr"');
    }
  }, 60_000);

  it('refuses a second French version with 409, naming the corrigendum, and writes nothing', async () => {
    const before = await submissionCount();
    const again = await submitTranslation(stack, SYMBOL, { language: 'fr', title: FRENCH_TITLE, files: [cover('note-fr-2.txt', 'Autre note\n')] });
    expect(again.status).toBe(409);
    expect((again.json as { error: { message: string } }).error.message)
      .toBe(`The French version of cover of ${SYMBOL} is already issued; a correction to it is issued as a corrigendum`);
    expect(await submissionCount()).toBe(before);
  });

  it('takes several languages at once, one version each, and all of them end in the record and on their pages', async () => {
    const titles = { es: 'Nota verbal de fecha 8 de junio de 2021', ru: 'Вербальная нота от 8 июня 2021 года', zh: '2021年6月8日阿塞拜疆常驻联合国日内瓦办事处代表团的普通照会', ar: 'مذكرة شفوية مؤرخة 8 حزيران/يونيه 2021' };
    // Each language sent twice at the same moment: one of the two is taken, the other refused.
    const answers = await Promise.all(Object.entries(titles).flatMap(([language, title]) => [1, 2].map((n) =>
      submitTranslation(stack, SYMBOL, { language, title, files: [cover(`note-${language}-${n}.txt`, `${title} (${n})\n`)] })
        .then((a) => ({ language, ...a })))));
    for (const language of Object.keys(titles)) {
      expect(answers.filter((a) => a.language === language).map((a) => a.status).sort()).toEqual([201, 409]);
    }
    const accepted = answers.filter((a) => a.status === 201).map((a) => (a.json as { id: string }).id);
    for (const id of accepted) expect(await waitForFinalStatus(stack, id, 60_000)).toMatchObject({ status: 'PUBLISHED' });

    const doc = (await api(stack, `/documents/${SYMBOL}`, { staff: false })).json as { titles: Record<string, string>; languages: Record<string, Record<string, string>> };
    expect(doc.languages.cover).toEqual({ en: 'original', fr: 'translated', es: 'translated', ru: 'translated', zh: 'translated', ar: 'translated' });
    expect(doc.titles).toMatchObject({ fr: FRENCH_TITLE, ...titles });
    for (const [language, title] of Object.entries(titles)) {
      const page = pageText((await site(`${SYMBOL}/${language}/`)).text);
      expect(page).toContain(title);
      expect(page).not.toContain('Pending translation');
    }
    // Every feed entry once: the document, then each version.
    const feed = (await site('A/HRC/47/feed.xml')).text;
    expect(feed.match(/version issued: /g)).toHaveLength(5);
  }, 120_000);

  it('shows a hostile title as text: escaped on the page and in the feed, never markup', async () => {
    const other = String((await waitForFinalStatus(stack, await submit(stack))).symbol);
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)> “Note”';
    const created = await submitTranslation(stack, other, { language: 'fr', title: hostile, files: [cover('note-fr.txt', 'Note verbale\n')] });
    expect(created.status).toBe(201);
    expect(await waitForFinalStatus(stack, (created.json as { id: string }).id)).toMatchObject({ status: 'PUBLISHED' });
    const page = await site(`${other}/fr/`);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;script&gt;alert(');
    const feed = (await site('A/HRC/47/feed.xml')).text;
    expect(feed).not.toContain('<script>alert');
    expect(feed).toContain(`${other} — French version issued: &lt;script&gt;alert(`);
    expect(((await api(stack, `/documents/${other}`, { staff: false })).json as { titles: Record<string, string> }).titles.fr).toBe(hostile);
  }, 60_000);
});
