import { readFile, readdir } from 'node:fs/promises';
import { loadSubmission, type LoadedSubmission } from '../cli/metadata';
import { CreatedSubmission, SubmissionView } from '#shared/api/responses';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createStore } from '#shared/adapters/store';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/emulators';
import type { TestStack } from '../test/support/stack';

/**
 * End to end, as an operator would measure it: a fresh embedded stack in a child process of its
 * own (test/support/stack.ts, as `npm start` runs it, with the ASL's real retry waits), driven over
 * HTTP only. At each concurrency level `concurrency` clients each submit the example
 * (POST /api/submissions, then a PUT per presigned URL), poll GET /api/submissions/{id} until the
 * submission is final, and submit the next one — a closed loop with that many in flight.
 *
 * Latency is from this process's clock when the last PUT answered to the PUBLISHED entry of the
 * submission's history (same machine, same clock); the steps are the deltas between history entries.
 */
export const EXAMPLE = 'examples/A_HRC_47_G_10/metadata.json';

export interface LevelFigures {
  concurrency: number;
  documents: number;
  /** From the first POST to the last PUBLISHED. */
  seconds: number;
  docsPerSecond: number;
  /** Last PUT answered → PUBLISHED, ms. */
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Medians of the deltas, ms: last PUT → RECEIVED (receive, the wait for an execution slot, Register), then each step. */
  stepsMs: { received: number; symbolAssigned: number; tagged: number; published: number };
  /** p95 of the same deltas, ms. */
  stepsP95Ms: { received: number; symbolAssigned: number; tagged: number; published: number };
  /** POST + PUTs, median ms (what a client waits before its files are in). */
  submitMs: number;
  failed: number;
  /** Submissions not final within the deadline (counted as failures too). */
  timedOut: number;
  failures: string[];
  /** Peak RSS of the stack process (and any process under it), MiB, sampled every 100 ms. */
  peakRssMiB: number;
  /** CPU time of the stack process over the level, per document, ms (user + system). */
  stackCpuMsPerDoc: number;
  /** The stack process's CPU over the level's wall time: 1.0 = one core busy throughout. */
  stackCores: number;
  /** This process's CPU (the clients) over the level's wall time: it shares the machine's cores with the stack. */
  clientCores: number;
  /** GET /api/submissions/{id} made while polling, per second (load the bench itself adds). */
  pollsPerSecond: number;
  /** Renders of the session's lists (functions/render-lists) during the level, and of the site's. */
  renders: { session: number; site: number };
  /** Requests the emulators' guards let through during the level, per document (status polls included). */
  requestsPerDoc: { dynamodb: number; s3: number };
}

const DEADLINE_MS = 5 * 60_000;
export const quantile = (sorted: readonly number[], q: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN;
const sortedOf = (values: readonly number[]) => [...values].sort((a, b) => a - b);
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polling every 100 ms at 1 in flight, less often with more in flight so that the polls do not take the stack's CPU (the latency comes from the history, not from when a poll saw it). */
export const pollIntervalMs = (concurrency: number) => Math.min(1000, Math.max(100, 20 * concurrency));

/** VmRSS of a process and its descendants, in KiB (Linux /proc); 0 where /proc is not there. */
async function rssKiB(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    let kib = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    for (const task of await readdir(`/proc/${pid}/task`)) {
      const children = (await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')).trim();
      for (const child of children ? children.split(/\s+/) : []) kib += await rssKiB(Number(child));
    }
    return kib;
  } catch {
    return 0;
  }
}

/** user + system CPU time of a process, in ms (Linux /proc; clock ticks assumed 100 Hz, as on every Linux Node runs on). */
export async function cpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, i.e. 12 and 13 after the command.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Samples the stack's RSS until stopped; `peak` in KiB. */
export function sampleRss(pid: number, everyMs = 100) {
  let peak = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      peak = Math.max(peak, await rssKiB(pid));
      await sleep(everyMs);
    }
  })();
  return {
    get peakKiB() { return peak; },
    async stop(): Promise<number> {
      running = false;
      await done;
      return peak;
    },
  };
}

type Stack = Pick<TestStack, 'apiUrl' | 'token' | 'pid' | 'ports' | 'faultCounts'>;

export async function call(stack: Stack, path: string, init: RequestInit = {}): Promise<unknown> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${stack.token}`);
  const res = await fetch(`${stack.apiUrl}${path}`, { ...init, headers });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text);
}

interface Outcome {
  view: SubmissionView;
  started: number;
  uploaded: number;
  polls: number;
}

/** What staff do (test/e2e/helpers.ts `submit`): POST the submission, PUT each file to its presigned URL. */
async function submitOne(stack: Stack, example: LoadedSubmission): Promise<{ id: string; started: number; uploaded: number }> {
  const started = Date.now();
  const created = CreatedSubmission.parse(await call(stack, '/submissions', {
    // The same note, many times, on purpose: each says it is a different document.
    method: 'POST', body: JSON.stringify({ ...example.body, allowDuplicate: true }), headers: { 'content-type': 'application/json' },
  }));
  for (const upload of created.uploads) {
    const file = example.files.find((f) => f.name === upload.name);
    if (!file) throw new Error(`No local file for upload ${upload.name}`);
    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: file.bytes });
    if (!put.ok) throw new Error(`PUT of ${upload.name} answered ${put.status}: ${await put.text()}`);
  }
  return { id: created.id, started, uploaded: Date.now() };
}

async function untilFinal(stack: Stack, id: string, intervalMs: number): Promise<{ view: SubmissionView; polls: number } | { timedOut: true; polls: number }> {
  const deadline = Date.now() + DEADLINE_MS;
  let polls = 0;
  for (;;) {
    await sleep(intervalMs);
    polls++;
    const view = SubmissionView.parse(await call(stack, `/submissions/${id}`));
    if (view.status === 'PUBLISHED' || view.status === 'FAILED') return { view, polls };
    if (Date.now() > deadline) return { timedOut: true, polls };
  }
}

const at = (view: SubmissionView, status: string) => {
  const entry = view.history.find((h) => h.status === status);
  return entry ? Date.parse(entry.at) : NaN;
};

/** How many renders the example's session (A/HRC/47) and the site have had: read from their items in the stack's table. */
async function rendersSoFar(stack: Stack): Promise<{ session: number; site: number }> {
  const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${stack.ports().dynamodb}`, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    const store = createStore(DynamoDBDocumentClient.from(client), 'circulate');
    const [session, site] = await Promise.all([
      store.listGroupState({ kind: 'session', body: 'HRC', session: 47 }), store.listGroupState({ kind: 'site' }),
    ]);
    return { session: session.renders, site: site.renders };
  } finally {
    client.destroy();
  }
}

export async function benchEndToEnd(stack: Stack, opts: {
  concurrency: number;
  documents: number;
  onProgress?: (finished: number, documents: number) => void;
}): Promise<LevelFigures> {
  const example = await loadSubmission(EXAMPLE);
  const intervalMs = pollIntervalMs(opts.concurrency);
  const outcomes: Outcome[] = [];
  const failures: string[] = [];
  let timedOut = 0;
  let polls = 0;
  let next = 0;
  let finished = 0;

  const rendersBefore = await rendersSoFar(stack);
  const requestsBefore = await stack.faultCounts();
  const rss = sampleRss(stack.pid);
  const cpuBefore = await cpuMs(stack.pid);
  const clientBefore = process.cpuUsage();
  const started = Date.now();
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, opts.documents) }, async () => {
    while (next < opts.documents) {
      next++;
      try {
        const submitted = await submitOne(stack, example);
        const result = await untilFinal(stack, submitted.id, intervalMs);
        polls += result.polls;
        if ('timedOut' in result) {
          timedOut++;
          failures.push(`${submitted.id}: not final after ${DEADLINE_MS / 1000} s`);
        } else {
          outcomes.push({ ...submitted, ...result });
          if (result.view.status === 'FAILED') failures.push(`${submitted.id}: FAILED ${result.view.error?.code ?? ''} ${result.view.error?.message ?? ''}`.trim());
        }
      } catch (e) {
        failures.push(e instanceof Error ? e.message : String(e));
      }
      opts.onProgress?.(++finished, opts.documents);
    }
  }));
  const wallMs = Date.now() - started;
  const cpuAfter = await cpuMs(stack.pid);
  const client = process.cpuUsage(clientBefore);
  const peakKiB = await rss.stop();
  const rendersAfter = await rendersSoFar(stack);
  const requestsAfter = await stack.faultCounts();

  const published = outcomes.filter((o) => o.view.status === 'PUBLISHED');
  const lastPublished = Math.max(started, ...published.map((o) => at(o.view, 'PUBLISHED')));
  const seconds = (lastPublished - started) / 1000;
  const latency = sortedOf(published.map((o) => at(o.view, 'PUBLISHED') - o.uploaded));
  const delta = (from: (o: Outcome) => number, to: string) => sortedOf(published.map((o) => at(o.view, to) - from(o)));
  const steps = {
    received: delta((o) => o.uploaded, 'RECEIVED'),
    symbolAssigned: delta((o) => at(o.view, 'RECEIVED'), 'SYMBOL_ASSIGNED'),
    tagged: delta((o) => at(o.view, 'SYMBOL_ASSIGNED'), 'TAGGED'),
    published: delta((o) => at(o.view, 'TAGGED'), 'PUBLISHED'),
  };
  const each = <T>(f: (values: number[]) => T) => ({
    received: f(steps.received), symbolAssigned: f(steps.symbolAssigned), tagged: f(steps.tagged), published: f(steps.published),
  });
  return {
    concurrency: opts.concurrency,
    documents: opts.documents,
    seconds,
    docsPerSecond: published.length / seconds,
    latencyMs: { p50: quantile(latency, 0.5), p95: quantile(latency, 0.95), p99: quantile(latency, 0.99), max: latency.at(-1) ?? NaN },
    stepsMs: each((v) => quantile(v, 0.5)),
    stepsP95Ms: each((v) => quantile(v, 0.95)),
    submitMs: quantile(sortedOf(outcomes.map((o) => o.uploaded - o.started)), 0.5),
    failed: failures.length,
    timedOut,
    failures,
    peakRssMiB: peakKiB / 1024,
    stackCpuMsPerDoc: (cpuAfter - cpuBefore) / opts.documents,
    stackCores: (cpuAfter - cpuBefore) / wallMs,
    clientCores: (client.user + client.system) / 1000 / wallMs,
    pollsPerSecond: polls / (wallMs / 1000),
    renders: { session: rendersAfter.session - rendersBefore.session, site: rendersAfter.site - rendersBefore.site },
    requestsPerDoc: {
      dynamodb: (requestsAfter.dynamodb.requests - requestsBefore.dynamodb.requests) / opts.documents,
      s3: (requestsAfter.s3.requests - requestsBefore.s3.requests) / opts.documents,
    },
  };
}
