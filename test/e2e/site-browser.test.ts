import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadSubmission } from '../../cli/metadata';
import { axeViolations, describeViolations, launchChromium, screenshot, watchPageProblems } from '../support/browser';
import { EXAMPLE, api, startTestStack, submit, waitForFinalStatus } from './helpers';
import { labelled } from '../support/expect';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/** Metadata a submitter could send to break the page, and must be shown as text. */
const HOSTILE = {
  title: '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">',
  sender: '"><b>bold</b>',
  fileName: 'note <i>verbale.txt',
};

/** The example with hostile metadata and a hostile file name (submit() finds files by name, so this one is sent here). */
async function submitHostile(stack: Stack): Promise<string> {
  const loaded = await loadSubmission(EXAMPLE);
  const body = {
    ...loaded.body, title: HOSTILE.title, sender: HOSTILE.sender,
    files: loaded.body.files.map((f, i) => (i === 0 ? { ...f, name: HOSTILE.fileName } : f)),
  };
  const created = await api(stack, '/submissions', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  labelled(created.text, () => expect(created.status).toBe(201));
  const answer = created.json as { id: string; uploads: { name: string; method: string; url: string; headers: Record<string, string> }[] };
  for (const upload of answer.uploads) {
    const i = body.files.findIndex((f) => f.name === upload.name);
    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: loaded.files[i]!.bytes });
    expect(put.ok).toBe(true);
  }
  return answer.id;
}

async function published(stack: Stack, id: string): Promise<string> {
  const record = await waitForFinalStatus(stack, id, 60_000);
  labelled(JSON.stringify(record.error), () => expect(record.status).toBe('PUBLISHED'));
  return record.symbol as string;
}

const WIDTHS = [375, 1280] as const;

describe('the public site in a browser', () => {
  let stack: Stack;
  let browser: Browser;
  let example: string;
  let hostile: string;
  let exampleTitle: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
    example = await published(stack, await submit(stack));
    hostile = await published(stack, await submitHostile(stack));
    exampleTitle = (await loadSubmission(EXAMPLE)).body.title as string;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.cleanup();
  });

  /**
   * A page at a width, watched: script errors, CSP refusals, and any of its own requests that fail
   * (other than the page itself, for the 404 page).
   */
  async function open(path: string, width: number, opts: { javaScript?: boolean } = {}) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB', javaScriptEnabled: opts.javaScript ?? true });
    const page = await context.newPage();
    const problems = await watchPageProblems(page);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && r.request().resourceType() !== 'document') problems.push(`${r.status()} ${r.url()}`);
    });
    const response = await page.goto(`${stack.url}${path}`);
    return { page, problems, dialogs, status: response?.status(), close: () => context.close() };
  }

  /** What each kind of page needs before it is looked at (the scripted ones fill themselves in). */
  const KINDS: { kind: string; path: () => string; status?: number; ready?: (page: Page) => Promise<unknown> }[] = [
    { kind: 'home', path: () => '/' },
    { kind: 'session', path: () => '/A/HRC/47/' },
    { kind: 'document', path: () => `/${example}/` },
    { kind: 'language-fr', path: () => `/${example}/fr/` },
    { kind: 'language-ar', path: () => `/${example}/ar/` },
    { kind: 'search', path: () => '/search/?q=Azerbaijan', ready: (page) => page.locator('#search-results li').first().waitFor() },
    { kind: '404', path: () => '/A/HRC/47/G/99/', status: 404, ready: (page) => page.locator('#not-found-suggestion a').first().waitFor() },
  ];

  for (const { kind, path, status, ready } of KINDS) {
    it(`shows the ${kind} page at 375 and 1280 pixels, accessible, without sideways scrolling or CSP violations`, async () => {
      for (const width of WIDTHS) {
        const { page, problems, status: answered, close } = await open(path(), width);
        expect(answered).toBe(status ?? 200);
        await ready?.(page);
        expect(describeViolations(await axeViolations(page))).toEqual([]);
        await labelled(`${kind} at ${width}`, async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width));
        await screenshot(page, `site-${kind}-${width}`);
        expect(problems).toEqual([]);
        await close();
      }
    }, 60_000);
  }

  it('shows the document page with its masthead, parts, language versions and microdata', async () => {
    const { page, problems, close } = await open(`/${example}/`, 1280);
    expect(await page.locator('.masthead-symbol').innerText()).toBe(example);
    expect(await page.locator('h1').innerText()).toBe(exampleTitle);
    expect(await page.locator('.masthead .agenda-item').innerText()).toBe('Agenda item 4');
    expect(await page.locator('#footnote-reproduced').innerText()).toBe('* Reproduced as received, in the language of submission only.');
    expect(await page.locator('.language-versions a').allInnerTexts()).toEqual(['العربية', '中文', 'English', 'Français', 'Русский', 'Español']);
    const item = page.locator('[itemscope][itemtype="https://schema.org/DigitalDocument"]');
    expect(await item.locator('[itemprop="identifier"]').innerText()).toBe(example);
    expect(await item.locator('[itemprop="name"]').first().innerText()).toBe(exampleTitle);
    expect(await item.locator('[itemprop="author"] [itemprop="name"]').innerText()).toBe('Permanent Mission of Azerbaijan to the United Nations Office at Geneva');
    expect(await item.locator('[itemprop="isPartOf"]').getAttribute('href')).toBe('/A/HRC/47/');
    expect(await page.locator('link[rel="alternate"][type="application/atom+xml"]').evaluateAll((ls) => ls.map((l) => l.getAttribute('href'))))
      .toEqual(['/feed.xml', '/A/HRC/47/feed.xml']);
    // The links lead somewhere: files, each language version, the session, the feeds.
    const hrefs = await page.locator('main a[href^="/"], link[rel="alternate"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const href of new Set(hrefs)) await labelled(href, async () => expect((await fetch(`${stack.url}${href}`)).status).toBe(200));
    expect(problems).toEqual([]);
    await close();
  });

  it('shows the French version with the French masthead and the footnote in French', async () => {
    const { page, problems, close } = await open(`/${example}/fr/`, 1280);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    const masthead = await page.locator('header.masthead').innerText();
    expect(masthead).toMatch(/\n\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\n/);
    for (const line of ['Nations Unies', 'Distr. générale', 'Français', 'Original : anglais', 'Conseil des droits de l’homme',
      'Quarante-septième session', '21 juin-9 juillet 2021', 'Point 4 de l’ordre du jour']) expect(masthead).toContain(line);
    expect(await page.locator('#cover ~ .version-status').innerText()).toContain('Pending translation');
    expect(await page.locator('#footnote-reproduced').innerText()).toBe('* L’annexe est reproduite telle qu’elle a été reçue, dans la langue de l’original seulement.');
    expect(await page.locator('.language-versions a[aria-current="page"]').innerText()).toBe('Français');
    expect(problems).toEqual([]);
    await close();
  });

  it('lays the Arabic version out right to left', async () => {
    const { page, problems, close } = await open(`/${example}/ar/`, 1280);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('.masthead-un').innerText()).toBe('الأمم المتحدة');
    // Mirrored as printed: the organ on the right, the symbol on the left.
    const un = (await page.locator('.masthead-un').boundingBox())!;
    const symbol = (await page.locator('.masthead-symbol').boundingBox())!;
    expect(un.x).toBeGreaterThan(symbol.x);
    expect(await page.locator('.masthead-symbol').innerText()).toBe(example);
    expect(problems).toEqual([]);
    await close();
  });

  it('shows hostile metadata as text on every page, and runs none of it', async () => {
    const pages = [`/${hostile}/`, `/${hostile}/fr/`, `/${hostile}/ar/`, '/A/HRC/47/', '/', '/search/?q=bold'];
    for (const path of pages) {
      const { page, problems, dialogs, close } = await open(path, 1280);
      if (path.startsWith('/search/')) await page.locator('#search-results li').first().waitFor();
      await labelled(path, async () => expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined());
      labelled(path, () => expect(dialogs).toEqual([]));
      await labelled(path, async () => expect(await page.locator('b, img, i, body script:not([src])').count()).toBe(0));
      const text = await page.locator('main').innerText();
      // The home page lists titles only; search results and the other pages show the sender too.
      if (path !== '/') labelled(path, () => expect(text).toContain(HOSTILE.sender));
      if (!path.startsWith('/search/')) labelled(path, () => expect(text).toContain(HOSTILE.title));
      if (path.startsWith(`/${hostile}/`)) {
        expect(await page.locator('h1').innerText()).toBe(HOSTILE.title);
        expect(text).toContain(HOSTILE.fileName);
        expect(await page.title()).toContain(HOSTILE.title);
      }
      if (path === `/${hostile}/`) await screenshot(page, 'site-hostile-1280');
      labelled(path, () => expect(problems).toEqual([]));
      await close();
    }
  });

  it('finds a document by a word of its title, and announces how many match', async () => {
    const { page, problems, close } = await open('/search/', 1280);
    await page.locator('#q').fill('Azerbaijan');
    await page.locator('#search-results li').first().waitFor();
    expect(await page.locator('#search-results .result-symbol').allInnerTexts()).toContain(example);
    // The example by its title, and the hostile document by the words of its note (the example's note, "… of Azerbaijan …"): its text is searched too.
    expect(await page.locator('#search-status').innerText()).toMatch(/^2 documents match “Azerbaijan”\.$/);
    expect(await page.locator('#search-status').getAttribute('aria-live')).toBe('polite');
    expect(new URL(page.url()).searchParams.get('q')).toBe('Azerbaijan');
    // Keyboard: from the field, Tab reaches the button, then the first result.
    await page.locator('#q').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(example);
    await page.locator('#q').fill('zzqqxxj');
    await page.locator('#search-status').filter({ hasText: 'No document matches' }).waitFor();
    expect(await page.locator('#search-results li').count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });

  it('opens the document when the query is exactly its symbol, in any case', async () => {
    const { page, problems, close } = await open('/search/', 1280);
    await page.locator('#q').fill(example.toLowerCase());
    await page.keyboard.press('Enter');
    await page.waitForURL(`${stack.url}/${example}/`);
    expect(await page.locator('.masthead-symbol').innerText()).toBe(example);
    // From an address too: a search form on another page, or a link.
    await page.goto(`${stack.url}/search/?q=${encodeURIComponent(` ${example.toLowerCase()} `)}`);
    await page.waitForURL(`${stack.url}/${example}/`);
    await page.goto(`${stack.url}/`);
    await page.locator('#home-q').fill(example.toLowerCase());
    await page.keyboard.press('Enter');
    await page.waitForURL(`${stack.url}/${example}/`);
    expect(problems).toEqual([]);
    await close();
  });

  it('suggests the session of a symbol that has no page, and the document when only the case was wrong', async () => {
    const missing = await open('/A/HRC/47/G/99/', 1280);
    expect(missing.status).toBe(404);
    const suggestion = missing.page.locator('#not-found-suggestion');
    await suggestion.locator('a').first().waitFor();
    expect(await suggestion.innerText()).toBe('Look for it in the session’s documents: /A/HRC/47/.');
    expect(await suggestion.locator('a').getAttribute('href')).toBe('/A/HRC/47/');
    expect(await missing.page.locator('#not-found-q').inputValue()).toBe('A/HRC/47/G/99');
    expect(missing.problems).toEqual([]);
    await missing.close();

    const lower = await open(`/${example.toLowerCase()}/`, 1280);
    expect(lower.status).toBe(404);
    await lower.page.locator('#not-found-suggestion').filter({ hasText: 'Did you mean' }).waitFor();
    expect(await lower.page.locator('#not-found-suggestion a').first().getAttribute('href')).toBe(`/${example}/`);
    expect(lower.problems).toEqual([]);
    await lower.close();

    const unknownSession = await open('/A/HRC/12/G/1/', 1280);
    await unknownSession.page.locator('#not-found-suggestion').filter({ hasText: 'No document of session A/HRC/12' }).waitFor();
    await unknownSession.close();

    const notASymbol = await open('/no/such/page', 1280);
    expect(notASymbol.status).toBe(404);
    expect(await notASymbol.page.locator('#not-found-suggestion').isHidden()).toBe(true);
    expect(notASymbol.problems).toEqual([]);
    await notASymbol.close();
  });

  it('works without JavaScript: the document page, the 404 page and the search page', async () => {
    const documentPage = await open(`/${example}/`, 375, { javaScript: false });
    expect(await documentPage.page.locator('.masthead-symbol').innerText()).toBe(example);
    expect(await documentPage.page.locator('.masthead').innerText()).toContain('Distr.: General');
    const files = await documentPage.page.locator('.versions a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(files).toEqual(expect.arrayContaining([`/${example}/cover.en.txt`, `/${example}/annex.en.txt`]));
    expect(await documentPage.page.locator('.language-versions a').count()).toBe(6);
    await screenshot(documentPage.page, 'site-document-nojs-375');
    await documentPage.close();

    const missing = await open('/A/HRC/47/G/99/', 1280, { javaScript: false });
    expect(await missing.page.locator('#not-found-suggestion').isHidden()).toBe(true);
    expect(await missing.page.locator('main a[href="/"]').count()).toBeGreaterThan(0);
    expect(await missing.page.locator('main form[action="/search/"] input[name="q"]').count()).toBe(1);
    await missing.close();

    const search = await open('/search/?q=Azerbaijan', 1280, { javaScript: false });
    expect(await search.page.locator('#search-no-script').isVisible()).toBe(true);
    expect(await search.page.locator('#search-form input[name="q"]').count()).toBe(1);
    await screenshot(search.page, 'site-search-nojs-1280');
    await search.close();
  });
});
