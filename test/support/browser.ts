import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, RunOptions } from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * A real browser for the e2e tests: Debian's chromium driven by playwright-core (a test tool's own
 * browser download does not work on these machines, docs/toolchain.md#chromium), screenshots for review, and
 * axe-core for accessibility. Nothing here knows about a particular page.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots');

/** A headless chromium; playwright gives each launch a fresh, temporary profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** Writes `test/e2e/screenshots/<name>.png` (the whole page) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * What a page reports that a test should usually fail on: uncaught script errors, and anything the
 * Content-Security-Policy refused (the `securitypolicyviolation` events, caught or not). Call before
 * the first navigation; the array fills as the page runs.
 */
export async function watchPageProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation;
      report(`${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile || document.URL}:${e.lineNumber}`);
    }, true);
  });
  return problems;
}

let axeSource: Promise<string> | undefined;

type Violation = AxeResults['violations'][number];

/**
 * axe-core's violations on the page as it is now. axe is evaluated through the DevTools protocol
 * rather than added as a <script>: the pages' CSP (script-src 'self') refuses inline scripts.
 */
export async function axeViolations(page: Page, options: RunOptions = {}): Promise<Violation[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const source = await axeSource;
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  return page.evaluate(async (opts) => {
    const { axe } = window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } };
    return (await axe.run(document, opts)).violations;
  }, options as Record<string, unknown>);
}

/** One line per violation and element, for an assertion message a person can act on. */
export function describeViolations(violations: readonly Violation[]): string[] {
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${n.target.join(' ')}`));
}
