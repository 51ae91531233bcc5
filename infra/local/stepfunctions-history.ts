import type { StateMachine } from 'aws-local-stepfunctions';

/** The library exports neither its JSON type nor its event type; take them from `run`. */
export type JsonValue = Parameters<StateMachine['run']>[0];
type Execution = ReturnType<StateMachine['run']>;
export type LibraryEvent = Execution['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

/** Adds one event to the execution's history; `details` are keyed as in the API's HistoryEvent. */
export type EmitEvent = (type: string, timestamp: number, details?: Record<string, unknown>) => void;

/** One call of a lambda:invoke task, as the task override saw it. */
export interface TaskAttempt {
  parameters: JsonValue;
  scheduledAt: number;
  /** set when the function returned: the whole lambda:invoke response */
  response?: { output: JsonValue; at: number };
}

// Only `arn:aws:states:::lambda:invoke` tasks run locally (checked when a machine is loaded).
const LAMBDA_INVOKE = { resourceType: 'lambda', resource: 'invoke' } as const;
const NOT_TRUNCATED = { truncated: false } as const;

const json = (value: JsonValue) => JSON.stringify(value);
export const causeText = (cause: unknown): string => (typeof cause === 'string' ? cause : JSON.stringify(cause));

/** The first event of an execution's history, saved with the execution when it starts. */
export const executionStarted = (input: string, roleArn: string) => ({
  executionStartedEventDetails: { input, inputDetails: NOT_TRUNCATED, roleArn },
});

/** Marks where an execution was run again from the start, after the process running it stopped. */
export const executionRedriven = (redriveCount: number) => ({
  executionRedrivenEventDetails: { redriveCount },
});

/**
 * Turns aws-local-stepfunctions' event log into Step Functions history events: `StateEntered` of a
 * Task becomes `TaskStateEntered`, and each call of its function `TaskScheduled`, `TaskStarted` and
 * `TaskSucceeded`/`TaskFailed`, as AWS records them (a retry is another scheduled call; a catch is
 * no event of its own).
 *
 * The library's events carry neither the task's parameters nor the function's raw response, so the
 * task override reports each call here (`taskCalled`). It does so synchronously right after the
 * library dispatches the state's entered (or retried) event, and the log is read asynchronously, so
 * when that event is read its call is already queued.
 */
export class HistoryMapper {
  private readonly queued = new Map<string, TaskAttempt[]>();
  private readonly current = new Map<string, TaskAttempt>();

  constructor(
    private readonly emit: EmitEvent,
    private readonly region: string,
  ) {}

  taskCalled(state: string, parameters: JsonValue): TaskAttempt {
    const attempt: TaskAttempt = { parameters, scheduledAt: Date.now() };
    const queue = this.queued.get(state) ?? [];
    queue.push(attempt);
    this.queued.set(state, queue);
    return attempt;
  }

  onEvent(event: LibraryEvent): void {
    const { emit } = this;
    switch (event.type) {
      case 'ExecutionStarted':
        return; // recorded by the service when it starts (or re-runs) the execution: see executionStarted
      case 'ExecutionSucceeded':
        emit('ExecutionSucceeded', event.timestamp, {
          executionSucceededEventDetails: { output: json(event.output), outputDetails: NOT_TRUNCATED },
        });
        return;
      case 'ExecutionFailed':
        emit('ExecutionFailed', event.timestamp, {
          executionFailedEventDetails: { error: event.Error, cause: causeText(event.Cause) },
        });
        return;
      case 'ExecutionAborted':
        emit('ExecutionAborted', event.timestamp, { executionAbortedEventDetails: {} });
        return;
      case 'ExecutionTimeout':
        emit('ExecutionTimedOut', event.timestamp, {
          executionTimedOutEventDetails: { error: 'States.Timeout' },
        });
        return;
      case 'StateEntered':
        emit(`${event.state.type}StateEntered`, event.timestamp, {
          stateEnteredEventDetails: {
            name: event.state.name,
            input: json(event.state.input),
            inputDetails: NOT_TRUNCATED,
          },
        });
        if (event.state.type === 'Task') this.taskStarted(event.state.name);
        if (event.state.type === 'Map' || event.state.type === 'Parallel') {
          emit(`${event.state.type}StateStarted`, event.timestamp);
        }
        return;
      case 'StateRetried':
        if (event.state.type === 'Task') this.taskStarted(event.state.name);
        return;
      case 'StateFailed':
        if (event.state.type === 'Task') {
          this.taskEnded(event.state.name, event.timestamp, { error: event.Error, cause: event.Cause });
        }
        if (event.state.type === 'Map' || event.state.type === 'Parallel') {
          emit(`${event.state.type}StateFailed`, event.timestamp);
        }
        return;
      case 'StateExited':
        if (event.state.type === 'Task') this.taskEnded(event.state.name, event.timestamp);
        if (event.state.type === 'Map' || event.state.type === 'Parallel') {
          emit(`${event.state.type}StateSucceeded`, event.timestamp);
        }
        emit(`${event.state.type}StateExited`, event.timestamp, {
          stateExitedEventDetails: {
            name: event.state.name,
            output: json(event.state.output ?? null),
            outputDetails: NOT_TRUNCATED,
          },
        });
        return;
      case 'MapIterationStarted':
      case 'MapIterationSucceeded':
      case 'MapIterationFailed': {
        const key = `${event.type.charAt(0).toLowerCase()}${event.type.slice(1)}EventDetails`;
        emit(event.type, event.timestamp, { [key]: { name: event.parentState.name, index: event.index } });
        return;
      }
      // No AWS counterpart: a caught error shows as the next state entered; branches have no events.
      case 'StateCaught':
      case 'ParallelBranchStarted':
      case 'ParallelBranchSucceeded':
      case 'ParallelBranchFailed':
        return;
    }
  }

  private taskStarted(state: string): void {
    const attempt = this.queued.get(state)?.shift();
    // No call when the state failed before calling its function (e.g. a Parameters path missing).
    if (!attempt) return;
    this.current.set(state, attempt);
    this.emit('TaskScheduled', attempt.scheduledAt, {
      taskScheduledEventDetails: { ...LAMBDA_INVOKE, region: this.region, parameters: json(attempt.parameters) },
    });
    this.emit('TaskStarted', attempt.scheduledAt, { taskStartedEventDetails: LAMBDA_INVOKE });
  }

  /** `failure` is the state's error; the function may still have succeeded (e.g. ResultSelector failed). */
  private taskEnded(state: string, at: number, failure?: { error: string; cause: unknown }): void {
    const attempt = this.current.get(state);
    if (!attempt) return;
    this.current.delete(state);
    if (attempt.response) {
      this.emit('TaskSucceeded', attempt.response.at, {
        taskSucceededEventDetails: {
          ...LAMBDA_INVOKE,
          output: json(attempt.response.output),
          outputDetails: NOT_TRUNCATED,
        },
      });
    } else if (failure) {
      const timedOut = failure.error === 'States.Timeout';
      this.emit(timedOut ? 'TaskTimedOut' : 'TaskFailed', at, {
        [timedOut ? 'taskTimedOutEventDetails' : 'taskFailedEventDetails']: {
          ...LAMBDA_INVOKE,
          error: failure.error,
          cause: causeText(failure.cause),
        },
      });
    }
  }
}
