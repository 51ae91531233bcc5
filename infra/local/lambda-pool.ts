import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Invocation, Outcome } from './lambda-worker';
import { threadExecArgv } from './thread-argv';

/**
 * The embedded stack runs the workflow's step functions in worker threads, as Lambda runs each
 * invocation in a sandbox of its own: the stack's main thread (emulators, Step Functions service,
 * API) is then not also the thread every handler's SDK calls, rendering and hashing run on, and
 * the work spreads over the machine's cores. Each worker loads every step handler once; an
 * invocation goes to the worker with the fewest in flight. A worker that dies fails its
 * invocations with `Lambda.ServiceException` (which the ASL retries) and is replaced.
 * `CIRCULATE_LAMBDA_WORKERS=0` runs the handlers in the main thread instead.
 */
export interface LambdaPool {
  invoke(fn: string, event: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export const LAMBDA_WORKERS_ENV = 'CIRCULATE_LAMBDA_WORKERS';

/** Workers to start: CIRCULATE_LAMBDA_WORKERS, else one per core (at most 4). */
export function lambdaWorkers(): number {
  const set = process.env[LAMBDA_WORKERS_ENV];
  const value = set === undefined || set === '' ? Math.min(4, availableParallelism()) : Number(set);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${LAMBDA_WORKERS_ENV} must be a whole number (0 runs the handlers in process), not ${set}`);
  return value;
}

class ServiceException extends Error {
  override name = 'Lambda.ServiceException';
}

interface Sandbox {
  worker: Worker;
  inFlight: Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>;
}

export async function startLambdaPool(functions: readonly string[], size: number): Promise<LambdaPool> {
  let nextId = 0;
  let closing = false;
  const sandboxes: Sandbox[] = [];

  async function spawn(): Promise<Sandbox> {
    // tsx loads the TypeScript handlers in the worker as it does in the stack (and under jest, which has no loader of its own there).
    const worker = new Worker(new URL('./lambda-worker.ts', import.meta.url), { workerData: { functions: [...functions] }, execArgv: threadExecArgv() });
    const sandbox: Sandbox = { worker, inFlight: new Map() };
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: unknown) => {
        if (m && typeof m === 'object' && 'ready' in m) {
          worker.off('error', reject);
          resolve();
        }
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
    });
    worker.on('message', (m: Outcome | { ready: true }) => {
      if (!('id' in m)) return;
      const call = sandbox.inFlight.get(m.id);
      if (!call) return;
      sandbox.inFlight.delete(m.id);
      if ('error' in m) call.reject(Object.assign(new Error(m.error.message), { name: m.error.name, ...(m.error.stack ? { stack: m.error.stack } : {}) }));
      else call.resolve(m.result);
    });
    const died = (why: string) => {
      for (const call of sandbox.inFlight.values()) call.reject(new ServiceException(`The function's sandbox ${why}`));
      sandbox.inFlight.clear();
      const at = sandboxes.indexOf(sandbox);
      if (at >= 0) sandboxes.splice(at, 1);
      if (!closing) {
        spawn().then((s) => sandboxes.push(s), (e: unknown) => console.error('circulate: could not start a Lambda worker', e));
      }
    };
    worker.on('error', (e) => {
      console.error('circulate: a Lambda worker failed', e);
      died(`failed: ${e.message}`);
    });
    worker.on('exit', (code) => {
      if (sandboxes.includes(sandbox)) died(`exited with code ${code}`);
    });
    return sandbox;
  }

  sandboxes.push(...(await Promise.all(Array.from({ length: size }, spawn))));

  return {
    invoke(fn, event) {
      const sandbox = sandboxes.reduce<Sandbox | undefined>((best, s) => (!best || s.inFlight.size < best.inFlight.size ? s : best), undefined);
      if (!sandbox) return Promise.reject(new ServiceException('No Lambda worker is running'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        sandbox.inFlight.set(id, { resolve, reject });
        sandbox.worker.postMessage({ id, fn, event } satisfies Invocation);
      });
    },
    async close() {
      closing = true;
      const all = sandboxes.splice(0);
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
