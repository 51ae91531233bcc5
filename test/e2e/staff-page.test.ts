import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { axeViolations, describeViolations, launchChromium, screenshot, watchPageProblems } from '../support/browser';
import { EXAMPLE, api, startTestStack } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

interface ExampleFile { name: string; part: string; language: string; translate?: boolean; path: string }
interface Example {
  session: number; agendaItem: number; series: string; kind: string; sender: string; addressee: string;
  dated: string; originalLanguage: string; title: string; files: ExampleFile[];
}

const text = (page: Page, selector: string) => page.locator(selector).innerText();
/** Text including what only screen readers get (the visually hidden "Error: "). */
const content = async (page: Page, selector: string) => (await page.locator(selector).textContent()) ?? '';

describe('the staff upload page', () => {
  let stack: Stack;
  let browser: Browser;
  let example: Example;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
    example = JSON.parse(await readFile(EXAMPLE, 'utf8')) as Example;
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.cleanup();
  });

  it('takes a note verbale from the empty form to its published page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const problems = await watchPageProblems(page);
    const posts: number[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/submissions') posts.push(r.status());
    });

    // The empty form: served by the stack, choices from the registry, accessible.
    await page.goto(`${stack.url}/staff/#new`);
    await page.locator('#file-1-file').waitFor();
    expect(await text(page, '#view-new h1')).toBe('Register a note verbale or letter');
    expect(await page.title()).toBe('Register a note verbale or letter — Circulate (staff)');
    expect(await page.locator('#session optgroup').first().locator('option').allInnerTexts())
      .toEqual(['46 — Forty-sixth session', '47 — Forty-seventh session, 21 June–9 July 2021', '48 — Forty-eighth session']);
    expect(await page.locator('#file-1-part').inputValue()).toBe('cover');
    expect(await page.locator('#file-1-translate').isChecked()).toBe(false);
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await screenshot(page, 'staff-empty');

    // Fill it in from the example's metadata, leaving the title empty: a mistake the page catches itself.
    const files = example.files.map((f) => ({ ...f, path: join(dirname(EXAMPLE), f.path) }));
    await page.fill('#token', 'not-the-staff-token');
    await page.selectOption('#session', String(example.session));
    await page.selectOption('#agendaItem', String(example.agendaItem));
    expect(await page.locator('#series').inputValue()).toBe(example.series);
    await page.check(`#kind-${example.kind}`);
    await page.fill('#sender', example.sender);
    await page.fill('#addressee', example.addressee);
    await page.fill('#dated', example.dated);
    await page.selectOption('#originalLanguage', example.originalLanguage);
    await page.setInputFiles('#file-1-file', files[0]!.path);
    await page.click('#add-file');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('file-2-file');
    await page.setInputFiles('#file-2-file', files[1]!.path);
    expect(await page.locator('#file-2-part').inputValue()).toBe('annex');
    expect(await page.locator('#file-2-translate').isChecked()).toBe(true); // reproduced as received
    await page.locator('#file-2-facts').filter({ hasText: 'SHA-256' }).waitFor();

    await page.click('#submit');
    await page.locator('#error-summary').waitFor();
    expect(await content(page, '#title-error')).toBe('Error: Must not be empty');
    expect(await page.getAttribute('#title', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#title', 'aria-describedby')).toContain('title-error');
    const summaryLink = page.locator('#error-summary-list a');
    expect(await summaryLink.allInnerTexts()).toEqual(['Title: must not be empty']);
    expect(await summaryLink.getAttribute('href')).toBe('#title');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    expect(posts).toEqual([]); // nothing was sent
    expect(describeViolations(await axeViolations(page))).toEqual([]);
    await screenshot(page, 'staff-error');
    await summaryLink.click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('title');

    // A mistake only the server can catch: the token is not the stack's. Its answer is shown at the token.
    await page.fill('#title', example.title);
    await page.click('#submit');
    await page.locator('#token-error').filter({ hasText: 'not valid' }).waitFor();
    expect(posts).toEqual([401]);
    expect(await content(page, '#token-error')).toBe('Error: The staff token is not valid');
    expect(await content(page, '#title-error')).toBe('');
    await screenshot(page, 'staff-error-server');

    // The server's details go next to the field they name: a request altered on the way (a checksum
    // the page did not compute) is refused by the API, and its issue lands at file 2.
    await page.fill('#token', stack.token);
    await page.route('**/api/submissions', async (route) => {
      const body = route.request().postDataJSON() as { files: { sha256: string }[] };
      body.files[1]!.sha256 = 'not-a-checksum';
      await route.continue({ postData: JSON.stringify(body) });
    }, { times: 1 });
    await page.click('#submit');
    await page.locator('#file-2-file-error').filter({ hasText: 'hexadecimal' }).waitFor();
    expect(posts).toEqual([401, 400]);
    expect(await content(page, '#file-2-file-error')).toBe('Error: Must be 64 lowercase hexadecimal characters');
    expect(await text(page, '#error-summary-message')).toBe('The submission is not valid: files[1].sha256: must be 64 lowercase hexadecimal characters');
    expect(await page.locator('#error-summary-list a').allInnerTexts()).toEqual(['File 2: must be 64 lowercase hexadecimal characters']);
    expect(await content(page, '#token-error')).toBe('');

    // Submit as the page means it: uploads with progress, then the live status until the published link.
    await page.click('#submit');
    const link = page.locator('#published-link');
    await link.waitFor({ timeout: 30_000 });
    expect(posts).toEqual([401, 400, 201]);
    const href = await link.getAttribute('href');
    expect(new URL(href!).origin).toBe(new URL(stack.url).origin);
    expect(new URL(href!).pathname).toBe('/A/HRC/47/G/1/');
    expect(await text(page, '#status-result')).toContain('Published as A/HRC/47/G/1');
    expect(await page.locator('#status-steps li.done .step-label').allInnerTexts())
      .toEqual(['Awaiting upload', 'Received', 'Symbol assigned', 'Tagged', 'Published']);
    for (const bar of await page.locator('#upload progress').all()) {
      expect(await bar.evaluate((p: HTMLProgressElement) => p.value === p.max && p.max > 0)).toBe(true);
    }
    expect(await page.locator('#sender').isDisabled()).toBe(true); // what was sent stays on screen, unchangeable
    expect(await page.locator('#submit').isHidden()).toBe(true);
    await screenshot(page, 'staff-submitted');

    // What the browser declared is what the files are, as received; the annex is reproduced as received.
    const id = await text(page, '#status-id');
    const record = (await api(stack, `/submissions/${id}`)).json as {
      submission: { files: { name: string; size: number; sha256: string; translate: boolean; contentType: string }[] };
      translations: Record<string, Record<string, string>>;
    };
    for (const [i, f] of files.entries()) {
      const bytes = await readFile(f.path);
      expect(record.submission.files[i]).toMatchObject({
        name: f.name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
        translate: f.part !== 'annex', contentType: 'text/plain',
      });
    }
    expect(record.translations.annex).toMatchObject({ en: 'original', fr: 'reproduced-as-received' });

    // The link leads to the published document.
    await link.click();
    await page.waitForURL(`${stack.url}/A/HRC/47/G/1/`);
    expect(await text(page, '.masthead-symbol')).toBe('A/HRC/47/G/1');
    expect(await text(page, 'h1')).toBe(example.title);

    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);

  it('fits a 375-pixel-wide screen without sideways scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 }, locale: 'en-GB' });
    const problems = await watchPageProblems(page);
    await page.goto(`${stack.url}/staff/#new`);
    await page.locator('#file-1-file').waitFor();
    await page.click('#add-file');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await screenshot(page, 'staff-empty-375');
    expect(problems).toEqual([]);
    await page.close();
  });
});
