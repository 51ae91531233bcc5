import { parentPort, workerData } from 'node:worker_threads';
import { lambdaContext } from './lambda';

/**
 * One Lambda sandbox of the embedded stack (infra/local/lambda-pool.ts): a worker thread that
 * loads the given functions' handlers, as `functions/<name>/handler.ts`, with the environment the
 * stack set, and runs one invocation per message. Errors go back with their name and message,
 * which is what the state machine matches.
 */

type Handler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;
export type Invocation = { id: number; fn: string; event: unknown };
export type Outcome = { id: number; result: unknown } | { id: number; error: { name: string; message: string; stack?: string } };

const { functions } = workerData as { functions: string[] };
const port = parentPort;
if (!port) throw new Error('lambda-worker.ts runs as a worker thread of the embedded stack');

const handlers = new Map<string, Handler>();
for (const name of functions) {
  const module = (await import(`../../functions/${name}/handler.ts`)) as { handler: Handler };
  handlers.set(name, module.handler);
}

port.on('message', (invocation: Invocation) => {
  const handler = handlers.get(invocation.fn);
  const run = handler
    ? handler(invocation.event, lambdaContext(invocation.fn))
    : Promise.reject(new Error(`No function ${invocation.fn} in this worker`));
  run.then(
    (result) => port.postMessage({ id: invocation.id, result } satisfies Outcome),
    (e: unknown) => {
      const error = e instanceof Error ? { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } : { name: 'Error', message: String(e) };
      port.postMessage({ id: invocation.id, error } satisfies Outcome);
    },
  );
});
port.postMessage({ ready: true });
