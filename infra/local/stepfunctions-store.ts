import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

export const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'] as const;
export const executionStatusSchema = z.enum(EXECUTION_STATUSES);
export type ExecutionStatus = z.infer<typeof executionStatusSchema>;

/** One event as GetExecutionHistory answers it (details objects as in the API), timestamp in epoch ms. */
export const historyEventSchema = z.looseObject({
  id: z.number().int(),
  previousEventId: z.number().int(),
  timestamp: z.number(),
  type: z.string(),
});
export type HistoryEvent = z.infer<typeof historyEventSchema>;

/** What is kept of an execution; dates are epoch milliseconds. */
export const executionRecordSchema = z.object({
  executionArn: z.string(),
  stateMachineArn: z.string(),
  stateMachineName: z.string(),
  name: z.string(),
  status: executionStatusSchema,
  input: z.string(),
  output: z.string().optional(),
  error: z.string().optional(),
  cause: z.string().optional(),
  startDate: z.number(),
  stopDate: z.number().optional(),
  /** how many times the execution was run again from the start after its process died */
  redriveCount: z.number().int().default(0),
  redriveDate: z.number().optional(),
  history: z.array(historyEventSchema),
});
export type ExecutionRecord = z.infer<typeof executionRecordSchema>;

const TEMP_SUFFIX = '.tmp';

/** A file name for any execution or machine name (names may hold any non-special Unicode). */
function fileName(name: string): string {
  const encoded = encodeURIComponent(name);
  return encoded.length <= 200 ? encoded : createHash('sha256').update(name).digest('hex');
}

/**
 * One JSON file per execution, `<dataDir>/<machine>/<execution>.json`, replaced atomically
 * (temp file + rename) so a crash leaves either the old or the new record, never half of one.
 */
export class ExecutionFiles {
  /** the last write of each execution, so writes of one record land in order */
  private readonly writes = new Map<string, Promise<void>>();

  constructor(private readonly dataDir: string) {}

  /** Reads the records of the given machines; a leftover temp file is the trace of a crash mid-write. */
  async load(machineNames: readonly string[]): Promise<ExecutionRecord[]> {
    await mkdir(this.dataDir, { recursive: true });
    const records: ExecutionRecord[] = [];
    for (const machine of machineNames) {
      const dir = path.join(this.dataDir, fileName(machine));
      const entries = await readdir(dir).catch((error: unknown) => {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
        throw error;
      });
      for (const entry of entries) {
        const file = path.join(dir, entry);
        if (entry.endsWith(TEMP_SUFFIX)) {
          await rm(file, { force: true });
          continue;
        }
        if (!entry.endsWith('.json')) continue;
        const parsed = executionRecordSchema.safeParse(parseJson(await readFile(file, 'utf8')));
        if (!parsed.success) throw new Error(`${file} is not an execution record: ${z.prettifyError(parsed.error)}`);
        records.push(parsed.data);
      }
    }
    return records;
  }

  /** Saves the record as it is now (later changes to the object need another save). */
  save(record: ExecutionRecord): Promise<void> {
    const file = path.join(this.dataDir, fileName(record.stateMachineName), `${fileName(record.name)}.json`);
    const text = `${JSON.stringify(record, null, 2)}\n`;
    const previous = this.writes.get(record.executionArn) ?? Promise.resolve();
    const write = previous.catch(() => {}).then(() => writeAtomically(file, text));
    this.writes.set(record.executionArn, write);
    const forget = () => {
      if (this.writes.get(record.executionArn) === write) this.writes.delete(record.executionArn);
    };
    write.then(forget, forget);
    return write;
  }

  /** Resolves when every save started so far has landed (or failed). */
  async flush(): Promise<void> {
    await Promise.allSettled([...this.writes.values()]);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomUUID()}${TEMP_SUFFIX}`;
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
