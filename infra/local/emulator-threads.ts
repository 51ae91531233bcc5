import { Worker } from 'node:worker_threads';
import { threadExecArgv } from './thread-argv';
import type { EmulatorThreadData, EmulatorThreadMessage, EmulatorThreadRequest } from './emulator-thread';
import type { S3ObjectEvent } from './emulators';
import type { WireFaultCounts } from './wire-faults';

/**
 * The embedded stack's emulators, each in a worker thread of its own (emulator-thread.ts). In one
 * event loop with the Step Functions service and the API, the stack used about one core of two
 * however many submissions were in flight (docs/toolchain.md, Profiling). A thread that dies
 * ends the stack, as an uncaught exception in the emulator did when it ran on the main thread:
 * the next start resumes the work on the same data.
 */
export interface EmulatorThread {
  endpoint: string;
  counts(): Promise<WireFaultCounts>;
  close(): Promise<void>;
}

export async function startEmulatorThread(data: EmulatorThreadData, onEvent: (event: S3ObjectEvent) => void = () => undefined): Promise<EmulatorThread> {
  const worker = new Worker(new URL('./emulator-thread.ts', import.meta.url), { workerData: data, execArgv: threadExecArgv() });
  let closing = false;
  let nextId = 0;
  const asked = new Map<number, (counts: WireFaultCounts) => void>();
  let closed: (() => void) | undefined;
  const started = new Promise<string>((resolve, reject) => {
    worker.on('message', (m: EmulatorThreadMessage) => {
      if (m.type === 'ready') resolve(m.endpoint);
      else if (m.type === 'failed') {
        closing = true;
        reject(new Error(`The ${data.service} emulator did not start: ${m.message}`));
      } else if (m.type === 'event') onEvent(m.event);
      else if (m.type === 'counts') {
        asked.get(m.id)?.(m.counts);
        asked.delete(m.id);
      } else closed?.();
    });
    worker.once('error', reject);
  });
  // A thread that could not start (its port taken, say) may hold what it did open: it goes whole.
  const endpoint = await started.catch(async (e: unknown) => {
    closing = true;
    await worker.terminate();
    throw e;
  });
  worker.on('error', (e) => {
    console.error(`circulate: the ${data.service} emulator failed; the stack stops (unfinished work resumes on the next start)`, e);
    process.exit(1);
  });
  worker.on('exit', (code) => {
    if (closing) return;
    console.error(`circulate: the ${data.service} emulator's thread exited (code ${code}); the stack stops`);
    process.exit(1);
  });
  const request = (r: EmulatorThreadRequest) => worker.postMessage(r);
  return {
    endpoint,
    counts: () => new Promise((resolve) => {
      const id = nextId++;
      asked.set(id, resolve);
      request({ type: 'counts', id });
    }),
    async close() {
      closing = true;
      await new Promise<void>((resolve) => {
        closed = resolve;
        request({ type: 'close' });
      });
      await worker.terminate();
    },
  };
}
