import { ApiError } from './stepfunctions-errors';
import { executionRedriven, executionStarted, type EmitEvent } from './stepfunctions-history';
import { runExecution, type CompiledMachine, type RunHandle } from './stepfunctions-runner';
import type { ExecutionFiles, ExecutionRecord, ExecutionStatus } from './stepfunctions-store';

export interface ExecutionsOptions {
  region: string;
  retryWaitMs?: number;
  /** At most this many executions run at once; the others wait their turn, RUNNING (default: no limit). */
  maxRunning?: number;
  executionArn(machineName: string, name: string): string;
}

interface Active {
  done: Promise<void>;
  abandon(): void;
}

/**
 * The executions of all machines: their records (kept in memory, saved under the data folder when
 * an execution starts and when it ends) and the runs going on in this process.
 */
export class Executions {
  private readonly records = new Map<string, ExecutionRecord>();
  private readonly active = new Map<string, Active>();
  private closed = false;
  /** Admission: how many executions hold a slot, and the turns of those waiting for one (first come, first run). */
  private runningCount = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly files: ExecutionFiles,
    loaded: readonly ExecutionRecord[],
    private readonly options: ExecutionsOptions,
  ) {
    for (const record of loaded) this.records.set(record.executionArn, record);
  }

  get(executionArn: string): ExecutionRecord | undefined {
    return this.records.get(executionArn);
  }

  /** Newest first, as ListExecutions answers. */
  list(stateMachineArn: string, status?: ExecutionStatus): ExecutionRecord[] {
    return [...this.records.values()]
      .filter((r) => r.stateMachineArn === stateMachineArn && (status === undefined || r.status === status))
      .sort((a, b) => b.startDate - a.startDate);
  }

  /**
   * StartExecution of a Standard workflow: the same name and input as an open execution answer
   * that execution; a closed one, or other input, make the name taken (ExecutionAlreadyExists).
   */
  async start(machine: CompiledMachine, name: string, input: string): Promise<ExecutionRecord> {
    if (this.closed) throw new ApiError('ServiceUnavailable', 'The local Step Functions service is closed', 503);
    const executionArn = this.options.executionArn(machine.name, name);
    const existing = this.records.get(executionArn);
    if (!existing) {
      const record: ExecutionRecord = {
        executionArn,
        stateMachineArn: machine.arn,
        stateMachineName: machine.name,
        name,
        status: 'RUNNING',
        input,
        startDate: Date.now(),
        redriveCount: 0,
        history: [],
      };
      append(record, 'ExecutionStarted', record.startDate, executionStarted(input, machine.roleArn));
      this.records.set(executionArn, record);
      try {
        await this.launch(machine, record);
      } catch (error) {
        this.records.delete(executionArn);
        throw error;
      }
      return record;
    }
    if (existing.status !== 'RUNNING' || existing.input !== input) {
      throw new ApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    if (!this.active.has(executionArn)) {
      // Open on disk but run by no one: the process that ran it stopped. The workflow's steps are
      // idempotent, so it runs again from the start, under the same ARN.
      existing.redriveCount += 1;
      existing.redriveDate = Date.now();
      append(existing, 'ExecutionRedriven', existing.redriveDate, executionRedriven(existing.redriveCount));
      await this.launch(machine, existing);
    }
    return existing;
  }

  /** Resolves when no execution is running (and every record is saved). */
  async idle(): Promise<void> {
    while (this.active.size > 0) {
      await Promise.allSettled([...this.active.values()].map((a) => a.done));
    }
    await this.files.flush();
  }

  /**
   * Abandons the running executions: they stay RUNNING on disk, as after a crash. Resolves once
   * nothing more will be written (an abandoned run stops at once: its pending task call is dropped).
   */
  async close(): Promise<void> {
    this.closed = true;
    const active = [...this.active.values()];
    for (const execution of active) execution.abandon();
    await Promise.allSettled(active.map((execution) => execution.done));
    await this.files.flush();
  }

  /** Resolves when the execution may run; a released slot goes straight to the next waiting. */
  private admit(): Promise<void> {
    if (this.runningCount < (this.options.maxRunning ?? Infinity)) {
      this.runningCount += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.runningCount -= 1;
  }

  /** Saves the record, then runs it once admitted; resolves once the record is saved. */
  private launch(machine: CompiledMachine, record: ExecutionRecord): Promise<void> {
    let run: RunHandle | undefined;
    let abandoned = false;
    const saved = this.files.save(record);
    const done = saved
      .then(async () => {
        await this.admit();
        try {
          // Abandoned while it waited (close releases the slots one by one): it never runs.
          if (abandoned) return;
          const emit: EmitEvent = (type, timestamp, details) => append(record, type, timestamp, details);
          run = runExecution(machine, record, emit, this.options);
          const outcome = await run.finished;
          if (!outcome) return;
          record.status = outcome.status;
          record.stopDate = outcome.stopDate;
          if (outcome.status === 'SUCCEEDED') {
            record.output = outcome.output;
          } else {
            record.error = outcome.error;
            record.cause = outcome.cause;
          }
          await this.files.save(record);
        } finally {
          this.leave();
        }
      })
      .catch((error: unknown) => console.error(`local Step Functions: ${record.executionArn}:`, error))
      .finally(() => {
        if (this.active.get(record.executionArn) === active) this.active.delete(record.executionArn);
      });
    const active: Active = {
      done,
      abandon: () => {
        abandoned = true;
        run?.abandon();
      },
    };
    this.active.set(record.executionArn, active);
    return saved;
  }
}

function append(record: ExecutionRecord, type: string, timestamp: number, details?: Record<string, unknown>): void {
  const id = record.history.length + 1;
  record.history.push({ ...details, id, previousEventId: id - 1, timestamp, type });
}
