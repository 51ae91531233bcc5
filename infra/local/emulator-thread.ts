import { parentPort, workerData } from 'node:worker_threads';
import { startDynamoDB, startS3, type S3ObjectEvent } from './emulators';
import { wireFaultPlan, type WireFaultCounts, type WireFaults } from './wire-faults';

/**
 * One emulator of the embedded stack (DynamoDB or S3), with its guard, in a worker thread of its
 * own (infra/local/emulator-threads.ts): their HTTP parsing, signature checks, LevelDB and file
 * writes then run beside the Step Functions service and the API instead of on the same event loop.
 * Messages in: `counts` (the wire faults it injected), `close`. Out: `ready` with its endpoint,
 * `failed`, `event` (S3's object notifications), `counts`, `closed`.
 */
export type EmulatorThreadData =
  | { service: 'dynamodb'; dataDir: string; port: number; table: string; wireFaults?: WireFaults }
  | { service: 's3'; dataDir: string; port: number; buckets: { intake: string; site: string }; siteOrigin: string; wireFaults?: WireFaults };

export type EmulatorThreadRequest = { type: 'counts'; id: number } | { type: 'close' };
export type EmulatorThreadMessage =
  | { type: 'ready'; endpoint: string }
  | { type: 'failed'; message: string }
  | { type: 'event'; event: S3ObjectEvent }
  | { type: 'counts'; id: number; counts: WireFaultCounts }
  | { type: 'closed' };

const port = parentPort;
if (!port) throw new Error('emulator-thread.ts runs as a worker thread of the embedded stack');
const data = workerData as EmulatorThreadData;
const send = (message: EmulatorThreadMessage) => port.postMessage(message);

// The thread's own plan: its service's half is the only one it draws from, so the counts are its own.
// Without faults it injects none and only counts the requests (what the bench reports per document).
const plan = wireFaultPlan(data.wireFaults ?? {});
try {
  const emulator = data.service === 'dynamodb'
    ? await startDynamoDB(data.dataDir, data.port, data.table, { faults: plan.dynamodb })
    : await startS3(data.dataDir, data.port, data.buckets, (event) => send({ type: 'event', event }), { siteOrigin: data.siteOrigin, faults: plan.s3 });
  port.on('message', (request: EmulatorThreadRequest) => {
    if (request.type === 'counts') send({ type: 'counts', id: request.id, counts: plan.counts() });
    else void emulator.close().then(() => send({ type: 'closed' }));
  });
  send({ type: 'ready', endpoint: emulator.endpoint });
} catch (e) {
  send({ type: 'failed', message: e instanceof Error ? e.stack ?? e.message : String(e) });
}
