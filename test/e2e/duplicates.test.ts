import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadSubmission } from '../../cli/metadata';
import { axeViolations, describeViolations, launchChromium, screenshot, watchPageProblems } from '../support/browser';
import { EXAMPLE, api, circulate, startTestStack, submit, waitForFinalStatus } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/** The example exactly as staff would send it: no word that it is a different document. */
const asIs = (body: Record<string, unknown>) => { body.allowDuplicate = false; };

async function post(stack: Stack, body: Record<string, unknown>) {
  return api(stack, '/submissions', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

const count = async (stack: Stack) => ((await api(stack, '/submissions?limit=100')).json as { items: unknown[] }).items.length;

describe('a cover note sent twice', () => {
  let stack: Stack;
  let first: string;
  beforeAll(async () => { stack = await startTestStack(); });
  afterAll(async () => stack?.cleanup());

  it('is refused the second time with 409, naming the first submission and its symbol, and recorded nowhere', async () => {
    first = await submit(stack, EXAMPLE, asIs);
    expect(await waitForFinalStatus(stack, first)).toMatchObject({ status: 'PUBLISHED', symbol: 'A/HRC/47/G/1' });
    const before = await count(stack);
    const { body } = await loadSubmission(EXAMPLE);
    const again = await post(stack, { ...body, allowDuplicate: false });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({
      error: {
        code: 'Conflict',
        message: expect.stringContaining(`is that of submission ${first} (A/HRC/47/G/1, PUBLISHED), already accepted; if it is a different document, submit again with allowDuplicate: true`),
        details: [{ path: 'allowDuplicate', message: expect.stringContaining(first) }],
      },
    });
    expect(await count(stack)).toBe(before);
  });

  it('is accepted when the staff says it is a different document, and both are published under two symbols', async () => {
    const second = await submit(stack, EXAMPLE, (body) => { body.allowDuplicate = true; });
    expect(await waitForFinalStatus(stack, second)).toMatchObject({ status: 'PUBLISHED', symbol: 'A/HRC/47/G/2' });
    expect(await waitForFinalStatus(stack, first)).toMatchObject({ status: 'PUBLISHED', symbol: 'A/HRC/47/G/1' });
  });

  it('is refused by circulate submit with the API’s message and exit 2, and accepted with --allow-duplicate', async () => {
    const refused = await circulate(stack, 'submit', EXAMPLE);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(`submission ${first} (A/HRC/47/G/1, PUBLISHED)`);
    expect(refused.stderr).toContain('circulate submit --allow-duplicate');
    const allowed = await circulate(stack, 'submit', EXAMPLE, '--allow-duplicate', '--wait', '--json');
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ status: 'PUBLISHED', symbol: 'A/HRC/47/G/3', submission: { allowDuplicate: true } });
  });

  it('is refused by the staff page, whose error summary leads to the checkbox that sends it as a different document', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems = await watchPageProblems(page);
      const { body } = await loadSubmission(EXAMPLE);
      await page.goto(`${stack.url}/staff/#new`);
      await page.locator('#file-1-file').waitFor();
      const typed = { token: stack.token, sender: body.sender, addressee: body.addressee, dated: body.dated, title: body.title };
      for (const [id, value] of Object.entries(typed)) await page.fill(`#${id}`, value);
      for (const id of ['session', 'agendaItem'] as const) await page.selectOption(`#${id}`, String(body[id]));
      await page.check(`#kind-${body.kind}`);
      await page.setInputFiles('#file-1-file', join(dirname(EXAMPLE), 'note-verbale.txt'));
      await page.click('#add-file');
      await page.setInputFiles('#file-2-file', join(dirname(EXAMPLE), 'annex.txt'));
      await page.locator('#file-2-facts').filter({ hasText: 'SHA-256' }).waitFor();

      await page.click('#submit');
      await page.locator('#allowDuplicate-error').filter({ hasText: first }).waitFor();
      expect(await page.locator('#error-summary-message').innerText()).toContain(`submission ${first} (A/HRC/47/G/1, PUBLISHED)`);
      const link = page.locator('#error-summary-list a');
      expect(await link.allInnerTexts()).toEqual([expect.stringMatching(/^This is a different document with the same cover note: /)]);
      expect(describeViolations(await axeViolations(page))).toEqual([]);
      await screenshot(page, 'staff-duplicate');

      await link.click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('allowDuplicate');
      await page.keyboard.press('Space');
      expect(await page.locator('#allowDuplicate').isChecked()).toBe(true);
      await page.click('#submit');
      await page.locator('#published-link').waitFor({ timeout: 30_000 });
      expect(await page.locator('#status-result').innerText()).toContain('Published as A/HRC/47/G/4');
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
