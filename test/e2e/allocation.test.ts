import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Store } from '#shared/adapters/store';
import { lambdaContext } from '../../infra/local/lambda';
import { numbersOf, range, seedReceived } from '../support/submissions';
import { api, startTestStack, submit, waitForFinalStatus, sfnClient } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;
type AssignSymbol = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<{ symbol: string }>;

describe('symbols on the embedded stack, under concurrency', () => {
  let stack: Stack;
  let store: Store;
  let assign: AssignSymbol;
  let sfn: SFNClient;

  beforeAll(async () => {
    stack = await startTestStack();
    // The modules the stack runs, loaded here with the stack's environment: the real handler, with
    // clients pointed at the stack's emulators.
    Object.assign(process.env, stack.environment);
    store = (await import('#shared/adapters/runtime')).storeFromEnv();
    assign = (await import('../../functions/assign-symbol/handler')).handler as unknown as AssignSymbol;
    sfn = sfnClient(stack);
  });
  afterAll(async () => stack?.cleanup());

  const run = (id: string) => assign({ submissionId: id }, lambdaContext('assign-symbol'));

  it('gives 200 concurrent allocations in one series exactly the numbers 1–200, once each', async () => {
    const ids = await seedReceived(store, 200, 50);
    const results = await Promise.all(ids.map(run));
    expect(numbersOf(results.map((r) => r.symbol))).toEqual(range(1, 200));
    // Each submission's record holds the symbol its run returned.
    const records = await Promise.all(ids.map((id) => store.mustGetSubmission(id)));
    expect(records.map((r) => r.symbol)).toEqual(results.map((r) => r.symbol));
  });

  it('gives two series allocating at once each its own sequence', async () => {
    const [a, b] = await Promise.all([seedReceived(store, 60, 51), seedReceived(store, 60, 52)]);
    const interleaved = a.flatMap((id, i) => [id, b[i]!]);
    const results = await Promise.all(interleaved.map(run));
    const symbols = results.map((r) => r.symbol);
    expect(numbersOf(symbols.filter((s) => s.startsWith('A/HRC/51/')))).toEqual(range(1, 60));
    expect(numbersOf(symbols.filter((s) => s.startsWith('A/HRC/52/')))).toEqual(range(1, 60));
  });

  it('gives one symbol when two executions run for one submission', async () => {
    const id = await submit(stack);
    // A second execution under another name, as a manual re-run would start: it must not number the document again.
    const duplicate = await sfn.send(new StartExecutionCommand({
      stateMachineArn: stack.names.stateMachineArn, name: `${id}-again`, input: JSON.stringify({ submissionId: id }),
    }));
    const record = await waitForFinalStatus(stack, id);
    await stack.idle();
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: duplicate.executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(record).toMatchObject({ status: 'PUBLISHED', symbol: 'A/HRC/47/G/1' });
    const statuses = ((await api(stack, `/submissions/${id}`)).json as { history: { status: string }[] }).history.map((h) => h.status);
    expect(statuses.filter((s) => s === 'SYMBOL_ASSIGNED')).toHaveLength(1);
    const next = await submit(stack);
    expect(await waitForFinalStatus(stack, next)).toMatchObject({ symbol: 'A/HRC/47/G/2' });
  });
});
