import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { axeViolations, describeViolations, launchChromium, screenshot, watchPageProblems } from '../support/browser';
import { utf8 } from '../support/files';
import { loadSubmission } from '../../cli/metadata';
import { EXAMPLE, startTestStack, submit, submitFiles, submitTranslation, waitForFinalStatus } from './helpers';

/**
 * The staff desk in chromium: four submissions in four states — G/1 failed in Publish (a fault on
 * its first call), G/2 published, one refused by receive before it had a symbol, one still waiting
 * for its files — listed by group, searched, paged, opened, and G/1 redriven from the page.
 */

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const TEXT = 'text/plain';
const rows = (page: Page) => page.locator('#desk-list > li');
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id);
const expectAxeClean = async (page: Page) => expect(describeViolations(await axeViolations(page))).toEqual([]);

describe('the staff desk', () => {
  let stack: Stack;
  let browser: Browser;
  let failedInPublish: string;
  let published: string;
  let refused: string;
  let waiting: string;

  beforeAll(async () => {
    [stack, browser] = await Promise.all([
      startTestStack({ faults: { Publish: { reject: { name: 'DiskFull', message: 'no space left on the site volume' }, times: 1 } } }),
      launchChromium(),
    ]);
    failedInPublish = await submit(stack);
    expect(await waitForFinalStatus(stack, failedInPublish)).toMatchObject({ status: 'FAILED', symbol: 'A/HRC/47/G/1' });
    published = await submit(stack);
    expect(await waitForFinalStatus(stack, published)).toMatchObject({ status: 'PUBLISHED', symbol: 'A/HRC/47/G/2' });
    const cover = utf8('Note verbale\n');
    refused = await submitFiles(stack, [{ name: 'note.txt', part: 'cover', contentType: TEXT, bytes: cover, upload: utf8('Note verbalf\n') }]);
    expect(await waitForFinalStatus(stack, refused)).toMatchObject({ status: 'FAILED', symbol: null });
    waiting = await submitFiles(stack, [{ name: 'note.txt', part: 'cover', contentType: TEXT, bytes: cover, upload: null }]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.cleanup();
  });

  /** The desk in a new page, signed in and loaded; the page reports no script error or CSP refusal. */
  async function onDesk(width: number, query: string, test: (page: Page) => Promise<void>) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'en-GB' });
    const problems = await watchPageProblems(page);
    await page.goto(`${stack.url}/staff/${query}`);
    await page.locator('#desk-title').waitFor();
    await page.fill('#token', stack.token);
    await page.click('#desk-show');
    await rows(page).first().waitFor();
    await test(page);
    expect(problems).toEqual([]);
    await page.close();
  }

  async function show(page: Page, group: string) {
    await page.selectOption('#desk-group', group);
    await page.click('#desk-show'); // disabled until the group is loaded
    await page.waitForFunction(() => !document.querySelector('#desk-show:disabled'));
  }

  const rowIds = async (page: Page) => (await rows(page).locator('button').evaluateAll((bs) => bs.map((b) => b.id.slice('open-'.length))));

  it('lists submissions newest first, a page at a time, by group and by search', async () => {
    await onDesk(1280, '?limit=2', async (page) => {
      expect(await page.title()).toBe('Submissions — Circulate (staff)');
      expect(await page.getAttribute('#nav-desk', 'aria-current')).toBe('page');

      // Two at a time: the newest two, then "More" brings the rest and focus to the first it added.
      await page.locator('#desk-count').filter({ hasText: 'shown' }).waitFor();
      expect(await rowIds(page)).toEqual([waiting, refused]);
      expect(await page.locator('#desk-more').isVisible()).toBe(true);
      await expectAxeClean(page);
      await screenshot(page, 'staff-desk-all');
      await page.click('#desk-more');
      await page.waitForFunction(() => document.querySelectorAll('#desk-list > li').length === 4);
      expect(await rowIds(page)).toEqual([waiting, refused, published, failedInPublish]);
      expect(await focused(page)).toBe(`open-${published}`);
      // A full page may end on a cursor (DynamoDB's LastEvaluatedKey); the page after it is empty, and ends the list.
      await page.click('#desk-more');
      await page.locator('#desk-more').waitFor({ state: 'hidden' });
      expect(await rows(page).count()).toBe(4);
      expect(await focused(page)).toBe('desk-count');
      expect(await page.locator('#desk-count').innerText()).toBe('4 shown');
      expect(await rows(page).nth(3).locator('.row-error').innerText()).toBe('Not published: no space left on the site volume');
      expect(await rows(page).nth(1).locator('button').innerText()).toBe(`Submission ${refused}`);
      expect(await rows(page).nth(2).locator('.row-note').innerText()).toBe('Translations pending: Arabic, Chinese, French, Russian, Spanish');

      // Search filters what is loaded, by symbol, id or sender.
      await page.fill('#desk-search', 'g/2');
      expect(await rowIds(page)).toEqual([published]);
      expect(await page.locator('#desk-count').innerText()).toBe('1 of 4 loaded match “g/2”');
      await page.fill('#desk-search', refused.toLowerCase());
      expect(await rowIds(page)).toEqual([refused]);
      await page.fill('#desk-search', 'Azerbaijan Geneva');
      expect(await rows(page).count()).toBe(4);
      await page.fill('#desk-search', 'Armenia');
      expect(await rows(page).count()).toBe(0);
      expect(await page.locator('#desk-count').innerText()).toBe('0 of 4 loaded match “Armenia”');
      await page.fill('#desk-search', '');

      // The groups.
      await show(page, 'failed');
      expect(await rowIds(page)).toEqual([refused, failedInPublish]);
      expect(await rows(page).locator('.row-error').allInnerTexts()).toEqual([
        expect.stringContaining('Not published: note.txt does not match its sha256'),
        'Not published: no space left on the site volume',
      ]);
      await expectAxeClean(page);
      await screenshot(page, 'staff-desk-failed');
      await show(page, 'waiting');
      expect(await rowIds(page)).toEqual([waiting]);
      await show(page, 'in-progress');
      expect(await rows(page).count()).toBe(0);
      expect(await page.locator('#desk-count').innerText()).toMatch(/^No submissions in “In progress”/);
      await show(page, 'published');
      expect(await rowIds(page)).toEqual([published]);
      await show(page, 'pending-translations');
      expect(await rowIds(page)).toEqual([published]);

    });
  }, 60_000);

  it('opens a published document: its versions, history and the translation form', async () => {
    await onDesk(1280, '', async (page) => {
      await page.click(`#open-${published}`);
      await page.locator('#detail').waitFor();
      expect(await focused(page)).toBe('detail-title');
      expect(await page.locator('#detail-title').innerText()).toBe('A/HRC/47/G/2');

      // Languages × parts, from the document's record.
      await page.locator('#detail-versions tbody tr').first().waitFor();
      expect(await page.locator('#detail-versions thead th').allInnerTexts()).toEqual(['Language', 'Cover note', 'Annex']);
      const english = page.locator('#detail-versions tbody tr', { hasText: 'English' });
      expect(await english.locator('td').allInnerTexts()).toEqual(['Original', 'Original']);
      const french = page.locator('#detail-versions tbody tr', { hasText: 'French' });
      expect(await french.locator('td').allInnerTexts()).toEqual(['Pending', 'As received']);
      expect((await page.locator('#detail-history li strong').allInnerTexts()))
        .toEqual(['Awaiting upload', 'Received', 'Symbol assigned', 'Tagged', 'Published']);
      expect(await page.locator('#detail-failure').isHidden()).toBe(true);
      expect(await page.locator('#related button').allInnerTexts()).toEqual(['Issue a corrigendum', 'Issue a revision', 'Issue an addendum']);

      // The translation form: the pending languages, the title in the language's direction, a file per pending part.
      await page.locator('#translate-section').waitFor();
      expect(await page.locator('#tr-language option').allInnerTexts())
        .toEqual(['Choose the language', 'Arabic (العربية)', 'Chinese (中文)', 'French (Français)', 'Russian (Русский)', 'Spanish (Español)']);
      await page.selectOption('#tr-language', 'ar');
      expect(await page.getAttribute('#tr-title', 'lang')).toBe('ar');
      expect(await page.getAttribute('#tr-title', 'dir')).toBe('rtl');
      expect(await page.locator('#tr-files input[type=file]').evaluateAll((inputs) => inputs.map((i) => i.id))).toEqual(['tr-file-cover']);
      expect(await page.locator('label[for=tr-file-cover]').innerText()).toBe('The cover note in Arabic');
      await expectAxeClean(page);
      await screenshot(page, 'staff-desk-document');

      // Checked before it is sent.
      await page.click('#tr-submit');
      await page.locator('#tr-error-summary').waitFor();
      expect(await page.locator('#tr-error-summary-list a').allInnerTexts())
        .toEqual(['Title in this language: must not be empty', 'File for the cover note: choose a file']);
      expect(await focused(page)).toBe('tr-error-summary');
      await expectAxeClean(page);

      // Meanwhile a colleague sends the Arabic version (its file still to come): the route's 409 is shown, nothing is sent twice.
      const arabic = await submitTranslation(stack, 'A/HRC/47/G/2', { language: 'ar', title: 'مذكرة شفوية', files: [{ name: 'note-ar.txt', part: 'cover', contentType: TEXT, bytes: utf8('مذكرة شفوية من زميل\n'), upload: null }] });
      expect(arabic.status).toBe(201);
      await page.fill('#tr-title', 'مذكرة شفوية');
      await page.setInputFiles('#tr-file-cover', { name: 'note-ar.txt', mimeType: TEXT, buffer: Buffer.from('مذكرة شفوية\n') });
      await page.click('#tr-submit');
      await page.locator('#tr-error-summary-message').filter({ hasText: 'already on its way' }).waitFor();
      expect(await page.locator('#tr-error-summary-message').innerText()).toBe(`The Arabic version of A/HRC/47/G/2 is already on its way: submission ${(arabic.json as { id: string }).id} is AWAITING_UPLOAD`);
      await expectAxeClean(page);

      // The Spanish version, sent from the form, uploaded and followed to its publication.
      await page.selectOption('#tr-language', 'es');
      expect(await page.getAttribute('#tr-title', 'dir')).toBe('ltr');
      await page.fill('#tr-title', 'Nota verbal de fecha 8 de junio de 2021');
      await page.setInputFiles('#tr-file-cover', { name: 'nota-es.txt', mimeType: TEXT, buffer: Buffer.from('Nota verbal\n') });
      await page.click('#tr-submit');
      await page.locator('#tr-published-link').waitFor({ timeout: 30_000 });
      expect(await page.locator('#tr-status-result').innerText()).toBe('Published the Spanish version of A/HRC/47/G/2. Open the Spanish version of A/HRC/47/G/2 on the public site');
      expect(await page.getAttribute('#tr-published-link', 'href')).toBe(`${stack.url}/A/HRC/47/G/2/es/`);
      expect(await page.locator('#tr-status-steps li .step-label').allInnerTexts()).toEqual(['Awaiting upload', 'Received', 'Tagged', 'Published']);
      await expectAxeClean(page);
      await screenshot(page, 'staff-desk-translated');

      // Closing gives focus back to the row.
      await page.click('#detail-close');
      expect(await focused(page)).toBe(`open-${published}`);
    });
  }, 60_000);

  it('issues a corrigendum of a published document: the form opens with its masthead, and it is numbered under it', async () => {
    await onDesk(1280, '', async (page) => {
      await page.click(`#open-${published}`);
      await page.locator('#related').waitFor();
      await Promise.all([page.waitForEvent('load'), page.click('#related [data-relates=Corr]')]);
      await page.locator('#relates-to').waitFor();
      expect(await page.locator('#relates-to').innerText()).toBe('This submission will be issued as a corrigendum to A/HRC/47/G/2. Check the masthead and the title, attach its files, and date it.');
      expect(await focused(page)).toBe('new-title');
      const { title } = (await loadSubmission(EXAMPLE)).body;
      expect(await page.locator('#title').inputValue()).toBe(title);
      expect(await page.locator('#session').inputValue()).toBe('47');
      await expectAxeClean(page);

      await page.fill('#dated', '2021-06-15');
      await page.setInputFiles('#file-1-file', { name: 'corrigendum.txt', mimeType: TEXT, buffer: Buffer.from('Corrigendum\nPage 1, paragraph 2: for 8 June read 9 June.\n') });
      await page.locator('#file-1-facts').filter({ hasText: 'SHA-256' }).waitFor();
      await page.click('#submit');
      await page.locator('#published-link').waitFor({ timeout: 30_000 });
      expect(await page.locator('#status-result').innerText()).toContain('Published as A/HRC/47/G/2/Corr.1');
      expect(await page.getAttribute('#published-link', 'href')).toBe(`${stack.url}/A/HRC/47/G/2/Corr.1/`);
      await expectAxeClean(page);
      await screenshot(page, 'staff-desk-corrigendum');
    });
    const corrected = await fetch(`${stack.url}/A/HRC/47/G/2/`).then((r) => r.text());
    expect(corrected).toContain('A/HRC/47/G/2/Corr.1');
  }, 60_000);

  it('reissues a version for technical reasons: the versions issued offered, checked, sent, followed', async () => {
    await onDesk(1280, '', async (page) => {
      await page.click(`#open-${published}`);
      await page.locator('#reissue-section').waitFor();
      // English is the original, Spanish was translated from the desk; the others are pending.
      expect(await page.locator('#ri-language option').allInnerTexts()).toEqual(['Choose the language', 'English (English)', 'Spanish (Español)']);
      await page.selectOption('#ri-language', 'en');
      expect(await page.locator('#ri-files input[type=file]').evaluateAll((inputs) => inputs.map((i) => i.id))).toEqual(['ri-file-cover', 'ri-file-annex']);
      await page.click('#ri-submit');
      await page.locator('#ri-error-summary').waitFor();
      expect(await page.locator('#ri-error-summary-list a').allInnerTexts())
        .toEqual(['What was wrong: must not be empty', 'Files: choose the file of at least one part']); // in the form's order
      expect(await focused(page)).toBe('ri-error-summary');
      await expectAxeClean(page);

      await page.fill('#ri-reason', 'the scan of the annex was unreadable');
      await page.setInputFiles('#ri-file-annex', { name: 'annex-rescanned.txt', mimeType: TEXT, buffer: Buffer.from('Annex, scanned again\n') });
      await page.click('#ri-submit');
      await page.locator('#ri-published-link').waitFor({ timeout: 30_000 });
      expect(await page.locator('#ri-status-result').innerText()).toBe('Reissued the English version of A/HRC/47/G/2. Open the English version of A/HRC/47/G/2 on the public site');
      await expectAxeClean(page);
      await screenshot(page, 'staff-desk-reissued');
    });
    expect(await fetch(`${stack.url}/A/HRC/47/G/2/annex.en.txt`).then((r) => r.text())).toBe('Annex, scanned again\n');
    expect(await fetch(`${stack.url}/A/HRC/47/G/2/en/`).then((r) => r.text())).toContain('Reissued for technical reasons on');
  }, 60_000);

  it('redrives a failed submission from its panel, and says why one cannot be', async () => {
    await onDesk(1280, '', async (page) => {
      // Failed before it had a symbol: the API's 409 is shown.
      await page.click(`#open-${refused}`);
      await page.locator('#detail-failure').waitFor();
      expect(await page.locator('#detail-title').innerText()).toBe('No symbol yet');
      await page.click('#detail-redrive');
      await page.locator('#detail-redrive-error').filter({ hasText: 'Not redriven' }).waitFor();
      expect(await page.locator('#detail-redrive-error').innerText()).toBe(`Not redriven: Submission ${refused} failed before it had a symbol: there is nothing to finish; fix what failed and submit it again`);
      await expectAxeClean(page);

      // Failed in Publish: redriven, followed to its publication, its row updated.
      await page.click(`#open-${failedInPublish}`);
      expect(await page.locator('#detail-title').innerText()).toBe('A/HRC/47/G/1');
      expect(await page.locator('#detail-redrive-error').innerText()).toBe('');
      expect(await page.locator('#detail-error').innerText()).toBe('Not published: no space left on the site volume');
      await expectAxeClean(page);
      await screenshot(page, 'staff-desk-failed-document');
      await page.click('#detail-redrive');
      await page.locator('#detail-published-link').waitFor({ timeout: 30_000 });
      expect(await page.locator('#detail-result').innerText()).toContain('Published as A/HRC/47/G/1');
      expect(await page.locator('#detail-failure').isHidden()).toBe(true);
      expect(await page.locator('#detail-history li').last().innerText()).toContain('Published');
      expect(await page.locator('#detail-history li').allInnerTexts()).toContainEqual(expect.stringContaining('redriven by local staff token after DiskFull'));
      expect(await page.locator(`#desk-list li:has(#open-${failedInPublish}) .badge`).innerText()).toBe('Published');
      await page.locator('#translate-section').waitFor(); // published now: its translations can come
      await expectAxeClean(page);
      await screenshot(page, 'staff-desk-redriven');
    });
  }, 60_000);

  it('fits a 360-pixel-wide screen, list and panel, without sideways scrolling', async () => {
    await onDesk(360, '', async (page) => {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await screenshot(page, 'staff-desk-360');
      await page.click(`#open-${published}`);
      await page.locator('#translate-section').waitFor();
      await page.selectOption('#tr-language', 'fr');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await expectAxeClean(page);
      await screenshot(page, 'staff-desk-document-360');
      // The views are links: the form is one key press away, and back.
      await page.click('#nav-new');
      expect(await focused(page)).toBe('new-title');
      expect(await page.locator('#view-desk').isHidden()).toBe(true);
      await page.goBack();
      expect(await focused(page)).toBe('desk-title');
    });
  }, 60_000);
});
