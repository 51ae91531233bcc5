import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestStack, circulate } from './helpers';

/** A step that fails, in its own file: the handlers' clients are module-wide, so one embedded stack per test process. */

type Stack = Awaited<ReturnType<typeof startTestStack>>;


const DIR = 'examples/A_HRC_47_G_10';


describe('the circulate commands when a step fails', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startTestStack({ faults: { Publish: { reject: { name: 'DiskFull', message: 'the site bucket refused the page' } } } });
  });
  afterAll(async () => stack?.cleanup());

  it('submit --wait and watch end FAILED with the reason, exit 1', async () => {
    const submitted = await circulate(stack, 'submit', `${DIR}/metadata.json`, '--cover', `${DIR}/note-verbale.txt`, '--wait');
    expect(submitted.code).toBe(1);
    expect(submitted.stdout).toMatch(/^\[4\/5\] +FAILED +\S+ +DiskFull: the site bucket refused the page$/m);
    expect(submitted.stdout).toContain('status: FAILED');
    expect(submitted.stderr).toContain('error: DiskFull: the site bucket refused the page');

    const id = submitted.stdout.split('\n')[0] ?? '';
    const watched = await circulate(stack, 'watch', id);
    expect(watched.code).toBe(1);
    const status = await circulate(stack, 'status', id);
    expect(status.code).toBe(1);
    expect(status.stdout).toMatch(/^error: +DiskFull: the site bucket refused the page$/m);
    const list = await circulate(stack, 'list', '--status', 'FAILED');
    expect(list.stdout).toContain(id);
  });
});
