import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { api, circulate, sfnClient, startTestStack, submit, waitForFinalStatus } from './helpers';

/**
 * A permanent fault in Publish (DiskFull is not retried by the ASL, so one failure ends the
 * execution FAILED): the document stays invisible, and a redrive once the fault is gone (the
 * fault fails the first call only) finishes it under its own symbol, with no hole after it.
 */

type Stack = Awaited<ReturnType<typeof startTestStack>>;
const SYMBOL = 'A/HRC/47/G/1';
const executionArn = (id: string) => `arn:aws:states:us-east-1:000000000000:execution:circulate:${id}`;

describe('redrive of a submission that failed in Publish', () => {
  let stack: Stack;
  let site: string;
  beforeAll(async () => {
    stack = await startTestStack({ faults: { Publish: { reject: { name: 'DiskFull', message: 'no space left on the site volume' }, times: 1 } } });
    site = stack.apiUrl.replace(/\/api$/, '');
  });
  afterAll(async () => stack?.cleanup());

  it('keeps the failed document invisible, then publishes it under its symbol and numbers the next one after it', async () => {
    const id = await submit(stack);
    const failed = await waitForFinalStatus(stack, id);
    expect(failed).toMatchObject({ status: 'FAILED', symbol: SYMBOL, error: { code: 'DiskFull' } });

    expect((await api(stack, `/documents/${SYMBOL}`, { staff: false })).status).toBe(404);
    expect((await fetch(`${site}/${SYMBOL}/`)).status).toBe(404);
    const sessionBefore = await fetch(`${site}/A/HRC/47/`);
    const sessionText = await sessionBefore.text();
    expect(sessionBefore.status === 404 || !sessionText.includes(SYMBOL)).toBe(true);

    const redriven = await circulate(stack, 'admin', 'redrive', id);
    expect(redriven.stderr).toBe('');
    expect(redriven.code).toBe(0);
    expect(redriven.stdout).toContain(`redriven: ${id} (${SYMBOL}), back at TAGGED`);

    const published = await waitForFinalStatus(stack, id);
    expect(published).toMatchObject({ status: 'PUBLISHED', symbol: SYMBOL, error: null });
    const history = published.history as { status: string; detail?: string }[];
    expect(history.map((h) => h.status)).toEqual(['AWAITING_UPLOAD', 'RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED', 'FAILED', 'TAGGED', 'PUBLISHED']);
    expect(history[5]?.detail).toBe('redriven by local staff token after DiskFull: no space left on the site volume');

    // The failed execution stays FAILED; the redrive ran a new one, which the submission names.
    const sfn = sfnClient(stack);
    expect(await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(id) }))).toMatchObject({ status: 'FAILED' });
    expect(redriven.stdout).toContain(`${id}-redriven-`);
    const name = /execution:circulate:(\S+)/.exec(redriven.stdout)?.[1];
    expect(await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(name!) }))).toMatchObject({ status: 'SUCCEEDED' });

    expect((await api(stack, `/documents/${SYMBOL}`, { staff: false })).status).toBe(200);
    expect((await fetch(`${site}/${SYMBOL}/`)).status).toBe(200);
    expect(await (await fetch(`${site}/A/HRC/47/`)).text()).toContain(SYMBOL);

    const next = await submit(stack);
    expect(await waitForFinalStatus(stack, next)).toMatchObject({ status: 'PUBLISHED', symbol: 'A/HRC/47/G/2' });
  });

  it('refuses what cannot be redriven, with the reason', async () => {
    const published = (await api(stack, '/submissions?status=PUBLISHED')).json as { items: { id: string }[] };
    const id = published.items[0]!.id;
    const again = await api(stack, `/submissions/${id}/redrive`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(again.text).toContain('is PUBLISHED; only a FAILED submission can be redriven');
    expect((await api(stack, '/submissions/01J00000000000000000000000/redrive', { method: 'POST' })).status).toBe(404);
    const cli = await circulate(stack, 'admin', 'redrive', id);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('only a FAILED submission can be redriven');
  });
});
