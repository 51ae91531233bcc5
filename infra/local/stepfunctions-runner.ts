import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { z } from 'zod';
import type { LocalStateMachine, TaskHandler } from './stepfunctions';
import { HistoryMapper, causeText, type EmitEvent, type JsonValue, type LibraryEvent } from './stepfunctions-history';
import type { ExecutionStatus } from './stepfunctions-store';

const LAMBDA_INVOKE_ARN = 'arn:aws:states:::lambda:invoke';

/** A state machine ready to run: the library's `StateMachine` plus what the service needs to know. */
export interface CompiledMachine {
  name: string;
  arn: string;
  roleArn: string;
  /** the definition as DescribeStateMachine answers it */
  definition: string;
  taskStates: string[];
  retryStates: string[];
  handlers: Record<string, TaskHandler>;
  stateMachine: StateMachine;
}

export interface RunRequest {
  executionArn: string;
  name: string;
  /** JSON text, already validated */
  input: string;
  redriveCount: number;
}

export type RunOutcome =
  | { status: 'SUCCEEDED'; output: string; stopDate: number }
  | { status: Exclude<ExecutionStatus, 'RUNNING' | 'SUCCEEDED'>; error?: string; cause?: string; stopDate: number };

export interface RunHandle {
  /** the end of the execution, or undefined if it was abandoned */
  finished: Promise<RunOutcome | undefined>;
  /** stops waiting for the execution: nothing of it is reported any more, and no task is called again */
  abandon(): void;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Enough to walk the states; the library validates the whole definition when it is constructed. */
function isDefinition(value: unknown): value is StateMachineDefinition {
  return isRecord(value) && typeof value.StartAt === 'string' && isRecord(value.States);
}

/** Every state, with those of Map iterators and Parallel branches (the library keys overrides by name alone). */
function* statesOf(machine: unknown): Generator<[name: string, state: Record<string, unknown>]> {
  if (!isRecord(machine) || !isRecord(machine.States)) return;
  for (const [name, state] of Object.entries(machine.States)) {
    if (!isRecord(state)) continue;
    yield [name, state];
    yield* statesOf(state.Iterator);
    yield* statesOf(state.ItemProcessor);
    if (Array.isArray(state.Branches)) for (const branch of state.Branches) yield* statesOf(branch);
  }
}

/**
 * aws-local-stepfunctions 3 reads `"ResultPath": "$"` as "put the result in a field named $"
 * instead of "the result replaces the input". Leaving the field out means the same in ASL, and the
 * library gets that right; so the copy it runs has no such field (on states and on catchers).
 */
function forTheLibrary(definition: unknown): unknown {
  // A JSON copy, not structuredClone: the library takes only objects of its own realm for plain
  // objects (Object.getPrototypeOf(v) === Object.prototype), and under jest structuredClone is the host's.
  const copy: unknown = JSON.parse(JSON.stringify(definition));
  for (const [, state] of statesOf(copy)) {
    const catchers = Array.isArray(state.Catch) ? state.Catch.filter(isRecord) : [];
    for (const holder of [state, ...catchers]) if (holder.ResultPath === '$') delete holder.ResultPath;
  }
  return copy;
}

export function compileMachine(local: LocalStateMachine, arn: string, roleArn: string): CompiledMachine {
  const { name, definition, taskHandlers } = local;
  const runnable = forTheLibrary(definition);
  if (!isDefinition(runnable)) throw new Error(`State machine ${name}: the definition has no StartAt or States`);
  const states = [...statesOf(runnable)];
  const tasks = states.filter(([, state]) => state.Type === 'Task');
  const unsupported = tasks.filter(([, state]) => state.Resource !== LAMBDA_INVOKE_ARN).map(([state]) => state);
  if (unsupported.length > 0) {
    throw new Error(`State machine ${name}: only ${LAMBDA_INVOKE_ARN} tasks run locally, not ${unsupported.join(', ')}`);
  }
  const taskStates = tasks.map(([state]) => state);
  const strays = Object.keys(taskHandlers).filter((state) => !taskStates.includes(state));
  if (strays.length > 0) throw new Error(`State machine ${name}: handlers for no Task state: ${strays.join(', ')}`);
  return {
    name,
    arn,
    roleArn,
    definition: JSON.stringify(definition),
    taskStates,
    retryStates: states.filter(([, state]) => Array.isArray(state.Retry)).map(([state]) => state),
    handlers: taskHandlers,
    stateMachine: new StateMachine(runnable),
  };
}

/**
 * What Step Functions makes of a Lambda function error: `Error` is the function's errorType (the
 * thrown error's name, which Retry and Catch match) and `Cause` the error payload as JSON.
 */
class LambdaFunctionError extends Error {
  constructor(errorType: string, errorMessage: string) {
    // The library reports `message` as the Cause; it must carry no `cause` of its own.
    super(JSON.stringify({ errorType, errorMessage }));
    this.name = errorType;
  }
}

const functionError = (error: unknown) =>
  error instanceof Error
    ? new LambdaFunctionError(error.name, error.message)
    : new LambdaFunctionError('Error', String(error));

class NamedError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

const abandonedError = () => new NamedError('ExecutionAbandoned', 'The local Step Functions service was closed');

/** A handler's result as Lambda would return it: through JSON. */
const jsonValue = z.json();
const throughJson = (value: unknown): JsonValue =>
  value === undefined ? null : jsonValue.parse(JSON.parse(JSON.stringify(value)));

function outcomeOf(event: LibraryEvent): RunOutcome | undefined {
  switch (event.type) {
    case 'ExecutionSucceeded':
      return { status: 'SUCCEEDED', output: JSON.stringify(event.output), stopDate: event.timestamp };
    case 'ExecutionFailed':
      return { status: 'FAILED', error: event.Error, cause: causeText(event.Cause), stopDate: event.timestamp };
    case 'ExecutionTimeout':
      return { status: 'TIMED_OUT', error: 'States.Timeout', stopDate: event.timestamp };
    case 'ExecutionAborted':
      return { status: 'ABORTED', stopDate: event.timestamp };
    default:
      return undefined;
  }
}

export interface RunOptions {
  region: string;
  retryWaitMs?: number;
}

/** Runs one execution from the start, reporting its history through `emit`. */
export function runExecution(
  machine: CompiledMachine,
  request: RunRequest,
  emit: EmitEvent,
  options: RunOptions,
): RunHandle {
  const history = new HistoryMapper(emit, options.region);

  let abandoned = false;
  let rejectAbandoned: (reason: Error) => void = () => {};
  const whenAbandoned = new Promise<never>((_, reject) => {
    rejectAbandoned = reject;
  });
  whenAbandoned.catch(() => {});

  // The library gives a Task override the evaluated Parameters; a lambda:invoke returns the
  // Invoke response, which the definition's ResultSelector reads as `$.Payload…`.
  const invoke = async (state: string, parameters: JsonValue): Promise<JsonValue> => {
    if (abandoned) throw abandonedError();
    const attempt = history.taskCalled(state, parameters);
    const handler = machine.handlers[state];
    if (!handler) throw new NamedError('Lambda.ResourceNotFoundException', `No local function for the state ${state}`);
    const payload = isRecord(parameters) && 'Payload' in parameters ? parameters.Payload : {};
    let response: JsonValue;
    try {
      const result = await Promise.race([handler(payload), whenAbandoned]);
      response = { StatusCode: 200, Payload: throughJson(result), ExecutedVersion: '$LATEST' };
    } catch (error) {
      throw abandoned ? error : functionError(error);
    }
    attempt.response = { output: response, at: Date.now() };
    return response;
  };

  const retryWaitMs = options.retryWaitMs;
  const execution = machine.stateMachine.run(jsonValue.parse(JSON.parse(request.input)), {
    overrides: {
      taskResourceLocalHandlers: Object.fromEntries(
        machine.taskStates.map((state) => [state, (parameters: JsonValue) => invoke(state, parameters)]),
      ),
      retryIntervalOverrides:
        retryWaitMs === undefined ? undefined : Object.fromEntries(machine.retryStates.map((s) => [s, retryWaitMs])),
    },
    noThrowOnAbort: true,
    context: {
      Execution: {
        Id: request.executionArn,
        Name: request.name,
        RoleArn: machine.roleArn,
        RedriveCount: request.redriveCount,
        // Input and StartTime are set by the library (StartTime: when this run began).
      },
      StateMachine: { Id: machine.arn, Name: machine.name },
    },
  });

  let outcome: RunOutcome | undefined;
  const logRead = (async () => {
    for await (const event of execution.eventLogs) {
      if (abandoned) return;
      history.onEvent(event);
      outcome ??= outcomeOf(event);
    }
  })();

  const finished = Promise.allSettled([execution.result, logRead]).then(([result, log]): RunOutcome | undefined => {
    if (abandoned) return undefined;
    if (outcome) return outcome;
    // The log always ends with the end of the execution; this is for a failure of the library itself.
    const reason = result.status === 'rejected' ? result.reason : log.status === 'rejected' ? log.reason : 'no end event';
    const cause = causeText(reason instanceof Error ? reason.message : reason);
    return { status: 'FAILED', error: 'States.Runtime', cause, stopDate: Date.now() };
  });

  return {
    finished,
    abandon() {
      if (abandoned) return;
      abandoned = true;
      rejectAbandoned(abandonedError());
      execution.abort();
    },
  };
}
