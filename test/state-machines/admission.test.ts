import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { startLocalStepFunctions, type LocalStepFunctions } from '../../infra/local/stepfunctions';

const definition = {
  StartAt: 'Work',
  States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'work', 'Payload.$': '$' }, End: true } },
};

const open: { service: LocalStepFunctions; dir: string }[] = [];
afterEach(async () => {
  for (const { service, dir } of open.splice(0)) {
    await service.close();
    await rm(dir, { recursive: true, force: true });
  }
});

/** A service whose one task counts how many run at once and finishes when `release` is called. */
async function serviceWith(maxRunningExecutions?: number) {
  const dir = await mkdtemp(join(tmpdir(), 'circulate-admission-'));
  let now = 0;
  let most = 0;
  const waiting: (() => void)[] = [];
  const work = async () => {
    most = Math.max(most, ++now);
    await new Promise<void>((r) => waiting.push(r));
    now -= 1;
    return {};
  };
  const service = await startLocalStepFunctions({
    port: 0, dataDir: dir, stateMachines: [{ name: 'm', definition, taskHandlers: { Work: work } }],
    ...(maxRunningExecutions ? { maxRunningExecutions } : {}),
  });
  open.push({ service, dir });
  const sfn = new SFNClient({ region: 'us-east-1', endpoint: service.endpoint, credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
  const arn = service.stateMachineArn('m');
  const startMany = (n: number) => Promise.all(Array.from({ length: n }, (_, i) =>
    sfn.send(new StartExecutionCommand({ stateMachineArn: arn, name: `e${i}`, input: '{}' }))));
  /** Lets every task waiting finish, until `done` (tasks admitted later wait again). */
  const drain = async (done: () => Promise<boolean>) => {
    while (!(await done())) {
      waiting.splice(0).forEach((r) => r());
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const succeeded = async () => ((await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'SUCCEEDED' }))).executions ?? []).length;
  return { sfn, arn, startMany, drain, succeeded, most: () => most, running: () => now };
}

describe('admission in the local Step Functions service', () => {
  it('never runs more than maxRunningExecutions at once; the others wait RUNNING, and all finish', async () => {
    const s = await serviceWith(3);
    await s.startMany(20);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.running()).toBe(3);
    // Waiting ones answer RUNNING, as they would in AWS.
    const waitingOne = await s.sfn.send(new DescribeExecutionCommand({ executionArn: `${s.arn.replace(':stateMachine:', ':execution:')}:e19` }));
    expect(waitingOne.status).toBe('RUNNING');
    await s.drain(async () => (await s.succeeded()) === 20);
    expect(s.most()).toBe(3);
  });

  it('runs every execution at once without a limit', async () => {
    const s = await serviceWith();
    await s.startMany(12);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.running()).toBe(12);
    await s.drain(async () => (await s.succeeded()) === 12);
  });

  it('closes without running the executions still waiting', async () => {
    const s = await serviceWith(2);
    await s.startMany(6);
    await new Promise((r) => setTimeout(r, 50));
    await open[0]!.service.close();
    expect(s.most()).toBe(2);
  });
});
