/**
 * The local Step Functions service of the embedded stack: runs state machines with
 * aws-local-stepfunctions, calling the Lambda handlers in process, and answers the Step Functions
 * API on a port so that `@aws-sdk/client-sfn` and the AWS CLI work against it unchanged.
 */
import { ExecutionFiles } from './stepfunctions-store';
import { Executions } from './stepfunctions-executions';
import { closeServer, createApiServer, listen } from './stepfunctions-http';
import { createOperations } from './stepfunctions-operations';
import { compileMachine, type CompiledMachine } from './stepfunctions-runner';

export type TaskHandler = (payload: unknown) => Promise<unknown>;

export interface LocalStateMachine {
  /** e.g. 'circulate' */
  name: string;
  /** parsed ASL JSON, placeholders already substituted */
  definition: unknown;
  /** keyed by Task state name; gets the evaluated `Parameters.Payload` of a lambda:invoke task */
  taskHandlers: Record<string, TaskHandler>;
}

export interface LocalStepFunctionsOptions {
  /** 0 = pick a free port */
  port: number;
  /** default 127.0.0.1 */
  host?: string;
  /** executions are persisted here (JSON files), created if missing */
  dataDir: string;
  stateMachines: LocalStateMachine[];
  /** for tests: override every Retry wait (ms), so retries don't slow tests */
  retryWaitMs?: number;
  /** at most this many executions run at once, the others wait RUNNING in start order (default: no limit) */
  maxRunningExecutions?: number;
  /** default us-east-1 */
  region?: string;
  /** default 000000000000 */
  accountId?: string;
}

export interface LocalStepFunctions {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  /** arn:aws:states:<region>:<account>:stateMachine:<name> */
  stateMachineArn(name: string): string;
  /** resolves when no execution is running */
  idle(): Promise<void>;
  /** stops the server; running executions are abandoned (they stay RUNNING on disk) */
  close(): Promise<void>;
}

export async function startLocalStepFunctions(opts: LocalStepFunctionsOptions): Promise<LocalStepFunctions> {
  const region = opts.region ?? 'us-east-1';
  const account = opts.accountId ?? '000000000000';
  const host = opts.host ?? '127.0.0.1';
  const stateMachineArn = (name: string) => `arn:aws:states:${region}:${account}:stateMachine:${name}`;
  const executionArn = (machine: string, name: string) =>
    `arn:aws:states:${region}:${account}:execution:${machine}:${name}`;
  const roleArn = (machine: string) => `arn:aws:iam::${account}:role/${machine}-state-machine`;

  const machines = new Map<string, CompiledMachine>();
  for (const local of opts.stateMachines) {
    const arn = stateMachineArn(local.name);
    if (machines.has(arn)) throw new Error(`Two state machines are named ${local.name}`);
    machines.set(arn, compileMachine(local, arn, roleArn(local.name)));
  }

  const files = new ExecutionFiles(opts.dataDir);
  const loaded = await files.load(opts.stateMachines.map((m) => m.name));
  const executions = new Executions(files, loaded, { region, retryWaitMs: opts.retryWaitMs, maxRunning: opts.maxRunningExecutions, executionArn });
  const server = createApiServer(createOperations({ machines, executions, creationDate: Date.now() }));
  const port = await listen(server, opts.port, host);

  let closing: Promise<void> | undefined;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    stateMachineArn,
    idle: () => executions.idle(),
    close: () => (closing ??= Promise.all([closeServer(server), executions.close()]).then(() => {})),
  };
}
