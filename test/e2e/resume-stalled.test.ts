import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { api, startTestStack, submit, sfnClient } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

async function waitForStatus(stack: Stack, id: string, status: string, executions: () => Promise<string[]>, done: string[]) {
  for (let i = 0; i < 400; i++) {
    const { json } = await api(stack, `/submissions/${id}`);
    if ((json as { status: string }).status === status && (done.length === 0 || (await executions()).join() === done.join())) return json as { status: string; history: { status: string }[]; symbol: string };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Submission ${id} never reached ${status}`);
}

describe('a workflow that ended without recording its end', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startTestStack({
      faults: {
        // Publish fails once; MarkFailed fails more often than its retries, so the first execution ends
        // FAILED while the submission stays TAGGED — what no step can mend from inside the workflow.
        Publish: { reject: { name: 'Error', message: 'site bucket unavailable' }, times: 1 },
        MarkFailed: { reject: { name: 'Error', message: 'table unavailable' }, times: 10 },
      },
    });
  });
  afterAll(async () => stack?.cleanup());

  it('is found by resume-stalled and driven on to PUBLISHED under a new execution', async () => {
    const sfn = sfnClient(stack);
    const executions = async () => ((await sfn.send(new ListExecutionsCommand({ stateMachineArn: stack.names.stateMachineArn }))).executions ?? [])
      .map((e) => e.status ?? '').sort();
    const id = await submit(stack);
    await waitForStatus(stack, id, 'TAGGED', executions, ['FAILED']);

    // The sweep's own logic, run here with the stack's environment, as the hourly schedule would run it.
    Object.assign(process.env, stack.environment);
    const { resumeStalled } = await import('../../functions/resume-stalled/resume-stalled');
    const runtime = await import('#shared/adapters/runtime');
    const outcome = await resumeStalled({
      store: runtime.storeFromEnv(), files: runtime.filesFromEnv(), sfn: runtime.sfn, stateMachineArn: stack.names.stateMachineArn,
      clock: () => new Date(), stalledAfterMs: 0, log: () => undefined,
    });
    expect(outcome.resumed).toEqual([id]);

    const record = await waitForStatus(stack, id, 'PUBLISHED', executions, ['FAILED', 'SUCCEEDED']);
    expect(record.symbol).toBe('A/HRC/47/G/1');
    expect(record.history.map((h) => h.status)).toEqual(['AWAITING_UPLOAD', 'RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED', 'PUBLISHED']);
    // Nothing left to resume.
    const again = await resumeStalled({
      store: runtime.storeFromEnv(), files: runtime.filesFromEnv(), sfn: runtime.sfn, stateMachineArn: stack.names.stateMachineArn,
      clock: () => new Date(), stalledAfterMs: 0, log: () => undefined,
    });
    expect(again).toEqual({ resumed: [], running: [], failed: [] });
  });
});
