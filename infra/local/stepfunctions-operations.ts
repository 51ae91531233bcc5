import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ApiError } from './stepfunctions-errors';
import type { Executions } from './stepfunctions-executions';
import type { CompiledMachine } from './stepfunctions-runner';
import { executionStatusSchema, type ExecutionRecord, type HistoryEvent } from './stepfunctions-store';

/** One API operation: the request body (parsed JSON) in, the response body out. */
export type Operation = (body: unknown) => Promise<unknown>;

export interface OperationsDeps {
  machines: ReadonlyMap<string, CompiledMachine>;
  executions: Executions;
  /** when the machines were "created": when the service started */
  creationDate: number;
}

// AWS's rules: 1–80 characters, none of whitespace, brackets, wildcards, these specials or controls.
// eslint-disable-next-line no-control-regex -- the control characters are what the rule refuses
const EXECUTION_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/u;
const MAX_INPUT_BYTES = 256 * 1024;
const DEFAULT_PAGE_SIZE = 100;
const STATES_ARN = /^arn:[\w-]+:states:[\w-]*:\d*:/;

const pageRequest = {
  maxResults: z.number().int().min(0).max(1000).optional(),
  nextToken: z.string().optional(),
};
const requests = {
  StartExecution: z.object({
    stateMachineArn: z.string(),
    name: z.string().optional(),
    input: z.string().optional(),
    traceHeader: z.string().optional(),
  }),
  DescribeExecution: z.object({ executionArn: z.string() }),
  GetExecutionHistory: z.object({ executionArn: z.string(), reverseOrder: z.boolean().optional(), ...pageRequest }),
  ListExecutions: z.object({
    stateMachineArn: z.string({ error: 'stateMachineArn is required (map runs are not supported locally)' }),
    statusFilter: executionStatusSchema.optional(),
    ...pageRequest,
  }),
  DescribeStateMachine: z.object({ stateMachineArn: z.string() }),
  ListStateMachines: z.object(pageRequest),
};

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`);
  throw new ApiError('ValidationException', problems.join('; '));
}

/** The API's dates are epoch seconds. */
const seconds = (ms: number | undefined) => (ms === undefined ? undefined : ms / 1000);

const pageToken = z.object({ offset: z.number().int().min(0) });

/** A page of `items`; the token is the offset of the next page. */
function page<T>(items: readonly T[], request: { maxResults?: number; nextToken?: string }) {
  let start = 0;
  if (request.nextToken !== undefined) {
    const token = pageToken.safeParse(decodeToken(request.nextToken));
    if (!token.success) throw new ApiError('InvalidToken', `Invalid Token: '${request.nextToken}'`);
    start = token.data.offset;
  }
  const end = start + (request.maxResults || DEFAULT_PAGE_SIZE);
  const nextToken = end < items.length ? Buffer.from(JSON.stringify({ offset: end })).toString('base64url') : undefined;
  return { items: items.slice(start, end), nextToken };
}

function decodeToken(token: string): unknown {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

function checkArn(arn: string): void {
  if (!STATES_ARN.test(arn)) throw new ApiError('InvalidArn', `Invalid Arn: '${arn}'`);
}

function checkInput(input: string): void {
  if (Buffer.byteLength(input, 'utf8') > MAX_INPUT_BYTES) {
    throw new ApiError('InvalidExecutionInput', `The input is larger than ${MAX_INPUT_BYTES} bytes`);
  }
  try {
    JSON.parse(input);
  } catch {
    throw new ApiError('InvalidExecutionInput', `Invalid State Machine Execution Input: '${input}'`);
  }
}

const describeExecution = (r: ExecutionRecord) => ({
  executionArn: r.executionArn,
  stateMachineArn: r.stateMachineArn,
  name: r.name,
  status: r.status,
  startDate: seconds(r.startDate),
  stopDate: seconds(r.stopDate),
  input: r.input,
  inputDetails: { included: true },
  output: r.output,
  outputDetails: r.output === undefined ? undefined : { included: true },
  error: r.error,
  cause: r.cause,
  redriveCount: r.redriveCount,
  redriveDate: seconds(r.redriveDate),
});

const listItem = (r: ExecutionRecord) => ({
  executionArn: r.executionArn,
  stateMachineArn: r.stateMachineArn,
  name: r.name,
  status: r.status,
  startDate: seconds(r.startDate),
  stopDate: seconds(r.stopDate),
  redriveCount: r.redriveCount,
});

const historyItem = (event: HistoryEvent) => ({ ...event, timestamp: seconds(event.timestamp) });

/** The Step Functions operations the local service answers, by name (`x-amz-target` without prefix). */
export function createOperations({ machines, executions, creationDate }: OperationsDeps): Record<string, Operation> {
  const machine = (arn: string): CompiledMachine => {
    checkArn(arn);
    const found = machines.get(arn);
    if (!found) throw new ApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
    return found;
  };
  const execution = (arn: string): ExecutionRecord => {
    checkArn(arn);
    const found = executions.get(arn);
    if (!found) throw new ApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return found;
  };

  return {
    async StartExecution(body) {
      const request = parse(requests.StartExecution, body);
      const target = machine(request.stateMachineArn);
      const name = request.name ?? randomUUID();
      if (!EXECUTION_NAME.test(name)) throw new ApiError('InvalidName', `Invalid Name: '${name}'`);
      const input = request.input ?? '{}';
      checkInput(input);
      const started = await executions.start(target, name, input);
      return { executionArn: started.executionArn, startDate: seconds(started.startDate) };
    },

    async DescribeExecution(body) {
      return describeExecution(execution(parse(requests.DescribeExecution, body).executionArn));
    },

    async GetExecutionHistory(body) {
      const request = parse(requests.GetExecutionHistory, body);
      const events = execution(request.executionArn).history.map(historyItem);
      const { items, nextToken } = page(request.reverseOrder ? events.reverse() : events, request);
      return { events: items, nextToken };
    },

    async ListExecutions(body) {
      const request = parse(requests.ListExecutions, body);
      const listed = executions.list(machine(request.stateMachineArn).arn, request.statusFilter).map(listItem);
      const { items, nextToken } = page(listed, request);
      return { executions: items, nextToken };
    },

    async DescribeStateMachine(body) {
      const target = machine(parse(requests.DescribeStateMachine, body).stateMachineArn);
      return {
        stateMachineArn: target.arn,
        name: target.name,
        status: 'ACTIVE',
        definition: target.definition,
        roleArn: target.roleArn,
        type: 'STANDARD',
        creationDate: seconds(creationDate),
        loggingConfiguration: { level: 'OFF', includeExecutionData: false },
        tracingConfiguration: { enabled: false },
      };
    },

    async ListStateMachines(body) {
      const listed = [...machines.values()].map((m) => ({
        stateMachineArn: m.arn,
        name: m.name,
        type: 'STANDARD',
        creationDate: seconds(creationDate),
      }));
      const { items, nextToken } = page(listed, parse(requests.ListStateMachines, body));
      return { stateMachines: items, nextToken };
    },
  };
}
