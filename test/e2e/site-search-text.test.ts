import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pageKey } from '#shared/domain/site-paths';
import { documentPages, sessionObjects, siteObjects, staticObjects } from '../../functions/publish/site-objects';
import { buildSiteAssets } from '../../infra/web-assets';
import { axeViolations, describeViolations, launchChromium, screenshot, watchPageProblems } from '../support/browser';
import { labelled } from '../support/expect';
import { documentWithTexts, example, session } from '../support/text-session';

/**
 * The text search and the texts on the pages, in a real browser, over the site as the renderers
 * write it for a session whose documents have texts (the list writer does not load texts yet, so
 * the embedded stack's site has none): every object of sessionObjects, siteObjects and
 * staticObjects, and the bundled scripts, served with the site's Content-Security-Policy.
 */

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

/** A hostile text: markup that would run, were a snippet built from it as HTML. */
const HOSTILE_TEXT = 'The zebrafish report: <img src=x onerror="window.__pwned=1"> "><script>window.__pwned=2</script> <b>bold</b> and more.';

const { documents, texts } = session(
  example(10, { title: 'Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan' }),
  documentWithTexts(11, 'en', [
    { part: 'cover', language: 'en', paragraphs: ['A note about a report.'] },
    { part: 'annex', language: 'en', paragraphs: [HOSTILE_TEXT], translate: false },
  ], { title: 'Note verbale on a report' }),
  documentWithTexts(12, 'ar', [{ part: 'cover', language: 'ar', paragraphs: ['تتشرف البعثة الدائمة لجمهورية أذربيجان بأن تحيل طيّه معلومات عن المنطقة الحدودية.', 'وترجو البعثة الدائمة تعميم هذه المذكرة.'] }],
    { title: 'مذكرة شفوية مؤرخة 8 حزيران/يونيه 2021', sender: 'البعثة الدائمة لجمهورية أذربيجان' }),
);

const WIDTHS = [375, 1280] as const;

describe('the documents’ texts in a browser', () => {
  let server: Server;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    const site = { version: 1, sessions: [{ body: 'HRC', session: 47, documents: documents.length }] };
    const objects = [
      // Each document's pages as its Publish writes them, then the session's and the site's lists.
      ...documents.flatMap((d) => documentPages(d, [], texts)),
      ...sessionObjects('HRC', 47, documents, [], 'http://localhost', texts),
      ...siteObjects(site, documents, 'http://localhost'),
      ...staticObjects(),
      ...(await buildSiteAssets()).map((a) => ({ path: a.key, body: a.body, contentType: a.contentType })),
    ];
    const byKey = new Map(objects.map((o) => [o.path, o]));
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname).replace(/^\//, '');
      const object = byKey.get(pageKey(path));
      res.writeHead(object ? 200 : 404, { 'content-type': object?.contentType ?? 'text/plain', 'content-security-policy': CSP, 'x-content-type-options': 'nosniff' });
      res.end(object?.body ?? 'Not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://localhost:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function open(path: string, width = 1280) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    const dialogs: string[] = [];
    const fetched: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    page.on('response', (r) => {
      if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${url}${path}`);
    return { page, problems, dialogs, fetched, close: () => context.close() };
  }

  it('finds a document by a word only its annex has, with the words around it and the word marked', async () => {
    for (const width of WIDTHS) {
      const { page, problems, fetched, close } = await open('/search/', width);
      await page.locator('#q').waitFor();
      // Loading the page does not load the texts: only typing does.
      await page.waitForLoadState('networkidle');
      expect(fetched.filter((p) => p.endsWith('.text.json'))).toEqual([]);
      await page.locator('#q').fill('landmines');
      const result = page.locator('#search-results li');
      await result.locator('mark').first().waitFor();
      expect(await result.count()).toBe(1);
      expect(await result.locator('.result-symbol').innerText()).toBe('A/HRC/47/G/10');
      expect(await result.locator('.result-snippet mark').allInnerTexts()).toEqual(['landmines']);
      expect(await result.locator('.result-snippet').innerText()).toMatch(/^In the English version: … .*planting landmines in the roads\.$/);
      expect(await result.locator('.result-snippet a').getAttribute('href')).toBe('/A/HRC/47/G/10/en/');
      await page.locator('#search-status').filter({ hasText: /^1 document matches “landmines”\.$/ }).waitFor();
      expect(fetched.filter((p) => p.endsWith('.text.json'))).toEqual(['/search/A/HRC/47.text.json']);
      expect(describeViolations(await axeViolations(page))).toEqual([]);
      await labelled(`at ${width}`, async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width));
      await screenshot(page, `site-search-text-${width}`);
      expect(problems).toEqual([]);
      await close();
    }
  }, 60_000);

  it('finds a French word typed without its accent, in the French version, and opens that version’s page with its text', async () => {
    const { page, problems, close } = await open('/search/?q=reunion');
    const result = page.locator('#search-results li').filter({ hasText: 'A/HRC/47/G/10' });
    await result.locator('mark').first().waitFor();
    expect(await result.locator('.result-snippet mark').allInnerTexts()).toEqual(['réunion']);
    expect(await result.locator('.snippet-text').getAttribute('lang')).toBe('fr');
    await result.locator('.result-snippet a').click();
    await page.waitForURL(`${url}/A/HRC/47/G/10/fr/`);
    expect(await page.locator('#cover ~ .part-text').innerText()).toContain('à l’issue de la réunion du 27 mai');
    expect(await page.locator('#annex ~ .part-text').innerText()).toContain('planting landmines in the roads');
    expect(problems).toEqual([]);
    await close();
  });

  it('shows a hostile text’s snippet as text, and runs none of it', async () => {
    const { page, problems, dialogs, close } = await open('/search/');
    await page.locator('#q').fill('zebrafish');
    const snippet = page.locator('#search-results li .result-snippet');
    await snippet.locator('mark').waitFor();
    expect(await snippet.innerText()).toContain('<img src=x onerror="window.__pwned=1"> "><script>window.__pwned=2</script> <b>bold</b>');
    expect(await snippet.locator('mark').allInnerTexts()).toEqual(['zebrafish']);
    expect(await page.locator('main img, main b, main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    // And on the document's page.
    await page.goto(`${url}/A/HRC/47/G/11/fr/`);
    expect(await page.locator('#annex ~ .part-text').innerText()).toBe(HOSTILE_TEXT);
    expect(await page.locator('main img, main b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('lays an Arabic text out right to left, on a phone as on a desktop, without sideways scrolling', async () => {
    for (const width of WIDTHS) {
      const { page, problems, close } = await open('/A/HRC/47/G/12/ar/', width);
      const text = page.locator('#cover ~ .part-text');
      expect(await text.evaluate((e) => getComputedStyle(e).direction)).toBe('rtl');
      expect(await text.getAttribute('lang')).toBe('ar');
      expect(await text.locator('p').count()).toBe(2);
      expect(describeViolations(await axeViolations(page))).toEqual([]);
      await labelled(`at ${width}`, async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width));
      await screenshot(page, `site-language-text-ar-${width}`);
      expect(problems).toEqual([]);
      await close();
    }
  }, 60_000);
});
