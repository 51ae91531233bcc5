import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EXAMPLE, startTestStack, circulate } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;


describe('the circulate CLI against the embedded stack', () => {
  let stack: Stack;
  beforeAll(async () => { stack = await startTestStack(); });
  afterAll(async () => stack?.cleanup());

  it('starts a series at 10 when G/1–G/9 were issued before Circulate, and records who did it', async () => {
    const set = await circulate(stack, 'admin', 'series-start', 'A/HRC/47/G', '10');
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('next:    A/HRC/47/G/10');
    expect(set.stdout).toMatch(/series-start 10 {2}by local staff token/);
  });

  it('submits the example and waits until it is published as A/HRC/47/G/10', async () => {
    const { code, stdout } = await circulate(stack, 'submit', EXAMPLE, '--wait');
    expect(code).toBe(0);
    expect(stdout).toContain('status: PUBLISHED');
    expect(stdout).toContain('symbol: A/HRC/47/G/10');
    expect(stdout).toContain(`url: ${stack.url}/A/HRC/47/G/10/`);
    const page = await (await fetch(`${stack.url}/A/HRC/47/G/10/`)).text();
    expect(page).toContain('A/HRC/47/G/10');
  });

  it('shows the published document by its symbol', async () => {
    const { code, stdout } = await circulate(stack, 'status', 'A/HRC/47/G/10');
    expect(code).toBe(0);
    expect(stdout).toContain('A/HRC/47/G/10');
  });

  it('refuses to move the start of a series Circulate has issued numbers in (exit 2, with the reason)', async () => {
    const { code, stderr } = await circulate(stack, 'admin', 'series-start', 'A/HRC/47/G', '1');
    expect(code).toBe(2);
    expect(stderr).toContain('A/HRC/47/G has already issued numbers from 10 to 10');
    const shown = await circulate(stack, 'admin', 'series', 'A/HRC/47/G');
    expect(shown.stdout).toContain('issued:  1');
  });

  it('refuses a series Circulate does not issue numbers in', async () => {
    const { code, stderr } = await circulate(stack, 'admin', 'series-start', 'A/HRC/47/XYZ', '5');
    expect(code).toBe(2);
    expect(stderr).toContain('is not a series Circulate issues numbers in');
  });
});
