import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidArn,
  InvalidExecutionInput,
  InvalidName,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
  StartExecutionCommand,
  StateMachineDoesNotExist,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { waitFor } from '../support/expect';
import { startLocalStepFunctions, type LocalStepFunctions, type TaskHandler } from '../../infra/local/stepfunctions';

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const CATCH_ALL = [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordFailure' }];

/** Prepare (retried on Contention) → Ship; any failure → RecordFailure → Fail. */
const definition = {
  StartAt: 'Prepare',
  States: {
    Prepare: {
      Type: 'Task',
      Resource: LAMBDA_INVOKE,
      Parameters: { FunctionName: 'prepare', Payload: { 'orderId.$': '$.orderId' } },
      ResultSelector: { 'orderId.$': '$.Payload.orderId', 'prepared.$': '$.Payload.prepared' },
      ResultPath: '$',
      // Long waits: the test service overrides them (retryWaitMs), or the retry test would be slow.
      Retry: [{ ErrorEquals: ['Contention'], IntervalSeconds: 5, MaxAttempts: 3, BackoffRate: 2 }],
      Catch: CATCH_ALL,
      Next: 'Ship',
    },
    Ship: {
      Type: 'Task',
      Resource: LAMBDA_INVOKE,
      Parameters: { FunctionName: 'ship', Payload: { 'orderId.$': '$.orderId' } },
      ResultSelector: { 'orderId.$': '$.Payload.orderId', 'shipped.$': '$.Payload.shipped' },
      ResultPath: '$',
      Catch: CATCH_ALL,
      End: true,
    },
    RecordFailure: {
      Type: 'Task',
      Resource: LAMBDA_INVOKE,
      Parameters: { FunctionName: 'record-failure', Payload: { 'orderId.$': '$.orderId', 'error.$': '$.error' } },
      ResultPath: null,
      Next: 'Failed',
    },
    Failed: { Type: 'Fail', ErrorPath: '$.error.Error', CausePath: '$.error.Cause' },
  },
};

class Contention extends Error {
  override name = 'Contention';
}
class OrderRejected extends Error {
  override name = 'OrderRejected';
}

/** How Prepare behaves for an order. */
interface Plan {
  contention?: number;
  reject?: string;
  gate?: Promise<void>;
  hang?: boolean;
}
let plans = new Map<string, Plan>();
let calls: { state: string; payload: unknown }[] = [];
const callsOf = (state: string, orderId: string) =>
  calls.filter((c) => c.state === state && order.parse(c.payload).orderId === orderId);

const order = z.looseObject({ orderId: z.string() });
const taskHandlers: Record<string, TaskHandler> = {
  async Prepare(payload) {
    calls.push({ state: 'Prepare', payload });
    const { orderId } = order.parse(payload);
    const plan = plans.get(orderId) ?? {};
    if (plan.hang) return new Promise(() => {});
    await plan.gate;
    if (plan.contention) {
      plan.contention -= 1;
      throw new Contention('the counter is busy');
    }
    if (plan.reject) throw new OrderRejected(plan.reject);
    return { orderId, prepared: true };
  },
  async Ship(payload) {
    calls.push({ state: 'Ship', payload });
    const { orderId } = order.parse(payload);
    return { orderId, shipped: `parcel-${orderId}` };
  },
  async RecordFailure(payload) {
    calls.push({ state: 'RecordFailure', payload });
    return { recorded: true };
  },
};

let dataDir = '';
const open: { service: LocalStepFunctions; sfn: SFNClient }[] = [];

async function startService() {
  const service = await startLocalStepFunctions({
    port: 0,
    dataDir,
    stateMachines: [{ name: 'orders', definition, taskHandlers }],
    retryWaitMs: 0,
  });
  const sfn = new SFNClient({
    region: 'us-east-1',
    endpoint: service.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  open.push({ service, sfn });
  return { service, sfn, stateMachineArn: service.stateMachineArn('orders') };
}

function deferred() {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function fullHistory(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  return (await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [];
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'circulate-sfn-'));
  plans = new Map();
  calls = [];
});

afterEach(async () => {
  for (const { service, sfn } of open.splice(0)) {
    sfn.destroy();
    await service.close();
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe('the local Step Functions service', () => {
  it('runs an execution to SUCCEEDED and answers its output', async () => {
    const { service, sfn, stateMachineArn } = await startService();
    expect(stateMachineArn).toBe('arn:aws:states:us-east-1:000000000000:stateMachine:orders');
    const input = JSON.stringify({ orderId: 'o-1' });

    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'o-1', input }));
    expect(started.executionArn).toBe('arn:aws:states:us-east-1:000000000000:execution:orders:o-1');
    expect(started.startDate).toBeInstanceOf(Date);
    await service.idle();

    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(described).toMatchObject({ name: 'o-1', stateMachineArn, status: 'SUCCEEDED', input });
    expect(JSON.parse(described.output ?? '')).toEqual({ orderId: 'o-1', shipped: 'parcel-o-1' });
    expect(described.startDate?.getTime()).toBe(started.startDate?.getTime());
    expect(described.stopDate?.getTime()).toBeGreaterThanOrEqual(described.startDate?.getTime() ?? Infinity);
    expect(callsOf('Ship', 'o-1').map((c) => c.payload)).toEqual([{ orderId: 'o-1' }]);
  });

  it('names an execution with a UUID when StartExecution gives no name, and defaults the input to {}', async () => {
    const { service, sfn, stateMachineArn } = await startService();
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn }));
    expect(executionArn).toMatch(/:execution:orders:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await service.idle();
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    // {} has no orderId: the Parameters path fails, which no Catch can catch.
    expect(described).toMatchObject({ input: '{}', status: 'FAILED', error: 'States.Runtime' });
  });

  it('retries a task whose error name matches its Retry, then succeeds', async () => {
    const { service, sfn, stateMachineArn } = await startService();
    plans.set('o-2', { contention: 2 });
    const began = Date.now();

    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'o-2', input: JSON.stringify({ orderId: 'o-2' }) }),
    );
    await service.idle();

    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('SUCCEEDED');
    expect(callsOf('Prepare', 'o-2')).toHaveLength(3);
    expect(Date.now() - began).toBeLessThan(4000); // IntervalSeconds 5 and 10 were overridden
    const events = await fullHistory(sfn, executionArn ?? '');
    const failed = events.filter((e) => e.type === 'TaskFailed');
    expect(failed.map((e) => e.taskFailedEventDetails?.error)).toEqual(['Contention', 'Contention']);
    expect(JSON.parse(failed[0]?.taskFailedEventDetails?.cause ?? '')).toEqual({
      errorType: 'Contention',
      errorMessage: 'the counter is busy',
    });
    expect(events.filter((e) => e.type === 'TaskScheduled')).toHaveLength(4); // Prepare ×3, Ship
  });

  it('records a caught failure and ends FAILED with the error and a Lambda-style cause', async () => {
    const { service, sfn, stateMachineArn } = await startService();
    plans.set('o-3', { reject: 'out of stock' });

    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn, name: 'o-3', input: JSON.stringify({ orderId: 'o-3' }) }),
    );
    await service.idle();

    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described.status).toBe('FAILED');
    expect(described.error).toBe('OrderRejected');
    expect(JSON.parse(described.cause ?? '')).toEqual({ errorType: 'OrderRejected', errorMessage: 'out of stock' });
    expect(described.output).toBeUndefined();
    // Not retried: the Retry names another error.
    expect(callsOf('Prepare', 'o-3')).toHaveLength(1);
    expect(callsOf('Ship', 'o-3')).toHaveLength(0);
    expect(callsOf('RecordFailure', 'o-3').map((c) => c.payload)).toEqual([
      { orderId: 'o-3', error: { Error: 'OrderRejected', Cause: described.cause } },
    ]);
    const events = await fullHistory(sfn, executionArn ?? '');
    expect(events.map((e) => e.type).slice(-3)).toEqual(['TaskStateExited', 'FailStateEntered', 'ExecutionFailed']);
    expect(events.at(-1)?.executionFailedEventDetails).toEqual({ error: 'OrderRejected', cause: described.cause });
  });

  it('answers a repeated StartExecution of an open execution with that execution, and refuses other input', async () => {
    const { service, sfn, stateMachineArn } = await startService();
    const gate = deferred();
    plans.set('o-4', { gate: gate.promise });
    const input = JSON.stringify({ orderId: 'o-4' });

    const [first, concurrent] = await Promise.all([
      sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'o-4', input })),
      sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'o-4', input })),
    ]);
    const again = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'o-4', input }));
    for (const answer of [concurrent, again]) {
      expect(answer.executionArn).toBe(first.executionArn);
      expect(answer.startDate?.getTime()).toBe(first.startDate?.getTime());
    }
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'o-4', input: JSON.stringify({ orderId: 'o-5' }) })),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);

    gate.resolve();
    await service.idle();
    expect(callsOf('Prepare', 'o-4')).toHaveLength(1);
    expect(callsOf('Ship', 'o-4')).toHaveLength(1);
    // As in AWS, the name of a closed execution is taken whatever the input.
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'o-4', input }))).rejects.toBeInstanceOf(
      ExecutionAlreadyExists,
    );
  });

  it("keeps the states' entered and exited events in order in the history", async () => {
    const { service, sfn, stateMachineArn } = await startService();
    const input = JSON.stringify({ orderId: 'o-5' });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'o-5', input }));
    await service.idle();

    const events = await fullHistory(sfn, executionArn ?? '');
    const task = ['TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited'];
    expect(events.map((e) => e.type)).toEqual(['ExecutionStarted', ...task, ...task, 'ExecutionSucceeded']);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((e) => e.previousEventId)).toEqual(events.map((_, i) => i));
    expect(events[0]?.executionStartedEventDetails?.input).toBe(input);
    expect(events[1]?.stateEnteredEventDetails).toMatchObject({ name: 'Prepare', input });
    expect(JSON.parse(events[2]?.taskScheduledEventDetails?.parameters ?? '')).toEqual({
      FunctionName: 'prepare',
      Payload: { orderId: 'o-5' },
    });
    expect(JSON.parse(events[4]?.taskSucceededEventDetails?.output ?? '')).toMatchObject({
      StatusCode: 200,
      Payload: { orderId: 'o-5', prepared: true },
    });
    expect(events[5]?.stateExitedEventDetails?.name).toBe('Prepare');
    expect(JSON.parse(events[5]?.stateExitedEventDetails?.output ?? '')).toEqual({ orderId: 'o-5', prepared: true });
    expect(events[6]?.stateEnteredEventDetails?.name).toBe('Ship');
    expect(JSON.parse(events.at(-1)?.executionSucceededEventDetails?.output ?? '')).toEqual({
      orderId: 'o-5',
      shipped: 'parcel-o-5',
    });
    const times = events.map((e) => e.timestamp?.getTime() ?? NaN);
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const reversed = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true }));
    expect(reversed.events?.map((e) => e.id)).toEqual(events.map((e) => e.id).reverse());

    const paged: (number | undefined)[] = [];
    let nextToken: string | undefined;
    do {
      const page = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 5, nextToken }));
      expect(page.events?.length).toBeLessThanOrEqual(5);
      paged.push(...(page.events ?? []).map((e) => e.id));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(paged).toEqual(events.map((e) => e.id));
  });

  it('lists executions by status', async () => {
    const { service, sfn, stateMachineArn } = await startService();
    plans.set('o-6b', { reject: 'no' });
    for (const orderId of ['o-6a', 'o-6b']) {
      await sfn.send(new StartExecutionCommand({ stateMachineArn, name: orderId, input: JSON.stringify({ orderId }) }));
      await service.idle();
    }

    const names = async (statusFilter?: 'SUCCEEDED' | 'FAILED' | 'RUNNING') =>
      (await sfn.send(new ListExecutionsCommand({ stateMachineArn, statusFilter }))).executions?.map((e) => e.name);
    expect(await names('SUCCEEDED')).toEqual(['o-6a']);
    expect(await names('FAILED')).toEqual(['o-6b']);
    expect(await names('RUNNING')).toEqual([]);
    expect(await names()).toEqual(['o-6b', 'o-6a']); // newest first

    const firstPage = await sfn.send(new ListExecutionsCommand({ stateMachineArn, maxResults: 1 }));
    expect(firstPage.executions?.map((e) => e.name)).toEqual(['o-6b']);
    const secondPage = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn, maxResults: 1, nextToken: firstPage.nextToken }),
    );
    expect(secondPage.executions?.map((e) => e.name)).toEqual(['o-6a']);
    expect(secondPage.nextToken).toBeUndefined();
  });

  it('answers for the executions of an earlier service on the same data folder', async () => {
    const before = await startService();
    const input = JSON.stringify({ orderId: 'o-7' });
    const { executionArn } = await before.sfn.send(
      new StartExecutionCommand({ stateMachineArn: before.stateMachineArn, name: 'o-7', input }),
    );
    await before.service.idle();
    const history = await fullHistory(before.sfn, executionArn ?? '');
    await before.service.close();
    expect(JSON.parse(await readFile(path.join(dataDir, 'orders', 'o-7.json'), 'utf8'))).toMatchObject({
      executionArn,
      status: 'SUCCEEDED',
    });

    const after = await startService();
    const described = await after.sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(described).toMatchObject({ status: 'SUCCEEDED', input });
    expect(JSON.parse(described.output ?? '')).toEqual({ orderId: 'o-7', shipped: 'parcel-o-7' });
    expect(await fullHistory(after.sfn, executionArn ?? '')).toEqual(history);
    const listed = await after.sfn.send(new ListExecutionsCommand({ stateMachineArn: after.stateMachineArn }));
    expect(listed.executions?.map((e) => e.executionArn)).toEqual([executionArn]);
    await expect(
      after.sfn.send(new StartExecutionCommand({ stateMachineArn: after.stateMachineArn, name: 'o-7', input })),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    expect(callsOf('Prepare', 'o-7')).toHaveLength(1);
  });

  it('runs again from the start, under the same ARN, an execution left RUNNING when the service stopped', async () => {
    const before = await startService();
    plans.set('o-8', { hang: true });
    const input = JSON.stringify({ orderId: 'o-8' });
    const started = await before.sfn.send(
      new StartExecutionCommand({ stateMachineArn: before.stateMachineArn, name: 'o-8', input }),
    );
    await waitFor(() => expect(callsOf('Prepare', 'o-8')).toHaveLength(1));
    const closing = Date.now();
    await before.service.close();
    expect(Date.now() - closing).toBeLessThan(1000);
    await expect(before.sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }))).rejects.toThrow();

    plans.delete('o-8');
    const after = await startService();
    const stale = await after.sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(stale.status).toBe('RUNNING');
    await expect(
      after.sfn.send(
        new StartExecutionCommand({ stateMachineArn: after.stateMachineArn, name: 'o-8', input: '{"orderId":"other"}' }),
      ),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);

    const restarted = await after.sfn.send(
      new StartExecutionCommand({ stateMachineArn: after.stateMachineArn, name: 'o-8', input }),
    );
    expect(restarted.executionArn).toBe(started.executionArn);
    expect(restarted.startDate?.getTime()).toBe(started.startDate?.getTime());
    await after.service.idle();

    const described = await after.sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn }));
    expect(described).toMatchObject({ status: 'SUCCEEDED', redriveCount: 1 });
    expect(JSON.parse(described.output ?? '')).toEqual({ orderId: 'o-8', shipped: 'parcel-o-8' });
    expect(callsOf('Prepare', 'o-8')).toHaveLength(2);
    const types = (await fullHistory(after.sfn, started.executionArn ?? '')).map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(['ExecutionStarted', 'ExecutionRedriven', 'TaskStateEntered']);
    expect(types.at(-1)).toBe('ExecutionSucceeded');
  });

  it('answers API errors as AWS does', async () => {
    const { service, sfn, stateMachineArn } = await startService();
    const unknownExecution = 'arn:aws:states:us-east-1:000000000000:execution:orders:nobody';
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: unknownExecution }))).rejects.toBeInstanceOf(
      ExecutionDoesNotExist,
    );
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: 'o-1' }))).rejects.toBeInstanceOf(InvalidArn);
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: `${stateMachineArn}-not`, input: '{}' })),
    ).rejects.toBeInstanceOf(StateMachineDoesNotExist);
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, input: '{"orderId":' }))).rejects.toBeInstanceOf(
      InvalidExecutionInput,
    );
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'two words' }))).rejects.toBeInstanceOf(
      InvalidName,
    );

    const post = (target: string, body: string) =>
      fetch(`${service.endpoint}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target },
        body,
      });
    const unknown = await post('AWSStepFunctions.SendTaskSuccess', '{}');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const malformed = await post('AWSStepFunctions.DescribeExecution', '{"executionArn": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ __type: 'SerializationException' });
    const invalid = await post('AWSStepFunctions.DescribeExecution', '{"executionArn": 42}');
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ __type: 'ValidationException' });
    expect(existsSync(path.join(dataDir, 'orders'))).toBe(false); // refused requests write nothing
  });

  it('refuses at start a state machine it cannot run locally', async () => {
    const withActivity = structuredClone(definition);
    withActivity.States.Ship.Resource = 'arn:aws:states:us-east-1:000000000000:activity:ship';
    await expect(
      startLocalStepFunctions({ port: 0, dataDir, stateMachines: [{ name: 'orders', definition: withActivity, taskHandlers }] }),
    ).rejects.toThrow(/only arn:aws:states:::lambda:invoke tasks run locally, not Ship/);
    await expect(
      startLocalStepFunctions({
        port: 0,
        dataDir,
        stateMachines: [{ name: 'orders', definition, taskHandlers: { ...taskHandlers, Shipp: async () => ({}) } }],
      }),
    ).rejects.toThrow(/handlers for no Task state: Shipp/);
  });

  it('describes and lists its state machines', async () => {
    const { sfn, stateMachineArn } = await startService();
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn }));
    expect(described).toMatchObject({ stateMachineArn, name: 'orders', type: 'STANDARD', status: 'ACTIVE' });
    expect(JSON.parse(described.definition ?? '')).toEqual(definition);
    expect(described.creationDate).toBeInstanceOf(Date);
    const listed = await sfn.send(new ListStateMachinesCommand({}));
    expect(listed.stateMachines?.map((m) => m.name)).toEqual(['orders']);
  });
});
