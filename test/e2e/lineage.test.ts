import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api, startTestStack, submit, waitForFinalStatus } from './helpers';
import { sha256, utf8 } from '../support/files';

/**
 * Corrigenda, revisions and addenda issued by Circulate: the example is published as
 * A/HRC/47/G/1, then corrected (two corrigenda at once, one for the French version only), added
 * to and revised through the API; the symbols, both ends' pages on the site, the API's lineage and
 * the session's feed say how they are related.
 */

type Stack = Awaited<ReturnType<typeof startTestStack>>;
const BASE = 'A/HRC/47/G/1';

/** Posts a cover note of `kind` for `symbol` in each of `languages` (the first is the original), and uploads it. */
async function submitRelated(stack: Stack, symbol: string, kind: 'Corr' | 'Rev' | 'Add', languages: readonly ('en' | 'fr')[], over: Record<string, unknown> = {}) {
  let answer: Awaited<ReturnType<typeof api>> | undefined;
  const texts = languages.map((language) => ({ language, bytes: utf8(`${kind} of ${symbol} (${language})\n`) }));
  const id = await submit(stack, undefined, (body) => {
    Object.assign(body, {
      originalLanguage: languages[0], title: `${kind} of the note verbale dated 8 June 2021`,
      relatesTo: { symbol, kind },
      files: texts.map(({ language, bytes }) => ({
        name: `${kind}-${language}.txt`, part: 'cover', language, contentType: 'text/plain', size: bytes.length, sha256: sha256(bytes),
      })),
    }, over);
  }, texts.map(({ language, bytes }) => ({ name: `${kind}-${language}.txt`, bytes }))).catch((e: unknown) => {
    answer = { status: Number(/answered (\d+)/.exec(String(e))?.[1]), json: undefined, text: String(e) };
    return undefined;
  });
  return { id, refused: answer };
}

async function published(stack: Stack, id: string | undefined): Promise<string> {
  const record = await waitForFinalStatus(stack, id!, 60_000);
  expect(record.status).toBe('PUBLISHED');
  return record.symbol as string;
}

describe('corrigenda, revisions and addenda of a published document', () => {
  let stack: Stack;
  let site: string;
  const page = async (path: string) => {
    const res = await fetch(`${site}/${path}`);
    expect(res.status).toBe(200);
    return res.text();
  };
  beforeAll(async () => {
    stack = await startTestStack();
    site = stack.apiUrl.replace(/\/api$/, '');
  });
  afterAll(async () => stack?.cleanup());

  it('numbers them under the document, links both ends on the site, in the API and in the feed', async () => {
    expect(await published(stack, await submit(stack))).toBe(BASE);

    // Two corrigenda at once: Corr.1 and Corr.2, in whichever order they came.
    const [french, english] = await Promise.all([submitRelated(stack, BASE, 'Corr', ['fr']), submitRelated(stack, BASE, 'Corr', ['en'])]);
    const [frenchSymbol, englishSymbol] = await Promise.all([published(stack, french.id), published(stack, english.id)]);
    expect([frenchSymbol, englishSymbol].sort()).toEqual([`${BASE}/Corr.1`, `${BASE}/Corr.2`]);

    expect(await published(stack, (await submitRelated(stack, BASE, 'Add', ['en'])).id)).toBe(`${BASE}/Add.1`);
    expect(await published(stack, (await submitRelated(stack, BASE, 'Rev', ['en'])).id)).toBe(`${BASE}/Rev.1`);

    // The French corrigendum: what it corrects, which version, its heading; its English version is not issued.
    const corrigendum = await page(`${frenchSymbol}/`);
    expect(corrigendum).toContain(`Corrigendum to <a href="/${BASE}/" dir="ltr">${BASE}</a>, correcting the French version only.`);
    expect(corrigendum).toContain(`<p class="masthead-symbol" dir="ltr" itemprop="identifier">${frenchSymbol}</p>`);
    expect(await page(`${frenchSymbol}/fr/`)).toContain('<p class="designation">Rectificatif</p>');
    const notIssued = await page(`${frenchSymbol}/en/`);
    expect(notIssued).toContain('<strong>Not issued in English:</strong>');
    expect(notIssued).not.toContain('Pending translation');

    // The document: superseded, first thing on every page, and linked to each of them.
    for (const path of [`${BASE}/`, `${BASE}/fr/`, `${BASE}/ar/`]) {
      const text = await page(path);
      expect(text).toMatch(new RegExp(`<p class="notice superseded" role="note"( lang="en"( dir="ltr")?)?><strong>Superseded by <a href="/${BASE}/Rev.1/" dir="ltr">${BASE}/Rev.1</a></strong>`));
      expect(text.indexOf('notice superseded')).toBeLessThan(text.indexOf('<header class="masthead"'));
    }
    const basePage = await page(`${BASE}/`);
    for (const s of ['Corr.1', 'Corr.2', 'Add.1', 'Rev.1']) expect(basePage).toContain(`<a href="/${BASE}/${s}/" dir="ltr">${BASE}/${s}</a>`);
    expect(await page(`${BASE}/Rev.1/`)).toContain(`Revision of <a href="/${BASE}/" dir="ltr">${BASE}</a>, which it replaces.`);

    // The API: the lineage both ways.
    const view = await api(stack, `/documents/${BASE}`, { staff: false });
    expect(view.status).toBe(200);
    const base = view.json as { related: { symbol: string; relation: string }[]; supersededBy: string | null };
    expect(base.supersededBy).toBe(`${BASE}/Rev.1`);
    expect(base.related.map((r) => [r.symbol, r.relation]).sort()).toEqual([
      [`${BASE}/Add.1`, 'addendum'], [`${BASE}/Corr.1`, 'corrigendum'], [`${BASE}/Corr.2`, 'corrigendum'], [`${BASE}/Rev.1`, 'revision'],
    ]);
    const corr = (await api(stack, `/documents/${frenchSymbol}`, { staff: false })).json as { related: { symbol: string; relation: string }[]; languages: Record<string, Record<string, string>> };
    expect(corr.related.map((r) => [r.symbol, r.relation])).toEqual([[BASE, 'corrects']]);
    expect(corr.languages.cover).toMatchObject({ fr: 'original', en: 'not-issued' });

    // The feed: each entry says what it is of.
    const feed = await page('A/HRC/47/feed.xml');
    expect(feed).toContain(`<category term="corrigendum" label="Corrigendum of ${BASE}"/>`);
    expect(feed).toContain(`<category term="revision" label="Revision of ${BASE}"/>`);
    expect(feed).toContain(`<category term="addendum" label="Addendum of ${BASE}"/>`);
  });

  it('refuses what cannot be issued: a malformed symbol, an unpublished document, a document a revision replaced, another session', async () => {
    expect((await submitRelated(stack, 'A/HRC/47/G/01', 'Corr', ['en'])).refused?.status).toBe(400);
    expect((await submitRelated(stack, 'A/HRC/47/G/9', 'Corr', ['en'])).refused?.status).toBe(404);
    const replaced = await submitRelated(stack, BASE, 'Corr', ['en']);
    expect(replaced.refused?.status).toBe(409);
    expect(replaced.refused?.text).toContain(`${BASE} has been replaced by its revision ${BASE}/Rev.1`);
    expect((await submitRelated(stack, BASE, 'Add', ['en'], { session: 46 })).refused?.status).toBe(400);
  });
});
