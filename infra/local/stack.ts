import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event, ScheduledEvent } from 'aws-lambda';
import { ENV } from '#shared/adapters/config';
import { submissionIdOfKey } from '#shared/adapters/files';
import { UPLOAD_EXPIRY_ENV } from '../../functions/expire-submissions/expire-submissions';
import { buildWebAssets } from '../web-assets';
import { ALL_FUNCTIONS, RECEIVE_FUNCTION, ROUTES, SCHEDULED_FUNCTIONS, STATE_MACHINE_FILE, STEP_FUNCTIONS, STEP_TIMEOUT_SECONDS, functionArnPlaceholder, type StepState } from '../functions';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type S3ObjectEvent } from './emulators';
import { startEmulatorThread } from './emulator-threads';
import { startGateway, type ApiFunction } from './gateway';
import { startGuard } from './guard';
import type { WireFaultCounts, WireFaults } from './wire-faults';
import { lambdaContext } from './lambda';
import { lambdaWorkers, startLambdaPool } from './lambda-pool';
import { createS3Client } from './s3-client';
import { freePort } from './ports';
import { localToken } from './token';
import { startLocalStepFunctions, type TaskHandler } from './stepfunctions';

/**
 * The embedded stack: the emulators, the local Step Functions service running the very ASL file,
 * the S3 → receive wiring, and one port for the API and the site. Handlers are the real ones,
 * loaded in process after the environment points their AWS clients at the emulators.
 */
export interface EmbeddedStackOptions {
  dataDir: string;
  /** The API + site port; 0 picks a free one. */
  port?: number;
  /** Emulator ports; 0 (default) picks free ones. A restart on the same data must reuse them in one process. */
  ports?: { dynamodb?: number; s3?: number; sfn?: number };
  token?: string;
  /** For tests: run this instead of a workflow step's handler (to throw, to never finish, or to call `run` — the real one — after all). */
  faults?: Partial<Record<StepState, (run: () => Promise<unknown>) => Promise<unknown>>>;
  /**
   * For tests only: DynamoDB throttling and 500s, S3 500s and slow answers, injected by the emulator
   * guards (wire-faults.ts). Only the test stack's process passes these (and `faults`); `npm start`
   * (main.ts) never does, so neither can be turned on outside a test.
   */
  wireFaults?: WireFaults;
  /** For tests: how long a workflow step may run before it times out, as Lambda's timeout (default STEP_TIMEOUT_SECONDS). */
  functionTimeoutMs?: number;
  /** For tests: shorten every Retry wait (ms). */
  retryWaitMs?: number;
  /** For tests: how long a submission may wait for its files (default CIRCULATE_UPLOAD_EXPIRY_HOURS, else 24 h). */
  uploadExpiryMs?: number;
  /** How often expired submissions are swept (default 10 minutes; also once on start). */
  expirySweepMs?: number;
  /**
   * How many workflow executions run at once (default CIRCULATE_MAX_RUNNING_EXECUTIONS, else 32);
   * the others wait their turn. A restart resumes every unfinished submission: unbounded, hundreds
   * of them would pile into Publish at once.
   */
  maxRunningExecutions?: number;
}

const DEFAULT_MAX_RUNNING_EXECUTIONS = 32;

function maxRunningExecutions(option: number | undefined): number {
  const value = option ?? Number(process.env[ENV.maxRunningExecutions] || DEFAULT_MAX_RUNNING_EXECUTIONS);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${ENV.maxRunningExecutions} must be a whole number of at least 1, not ${value}`);
  return value;
}

export interface EmbeddedStack {
  url: string;
  apiUrl: string;
  token: string;
  endpoints: { dynamodb: string; s3: string; sfn: string };
  /** The environment the handlers see (AWS region and credentials, endpoints, names): what a script needs to use their modules against this stack. */
  environment: Record<string, string>;
  names: { table: string; intakeBucket: string; siteBucket: string; stateMachineArn: string };
  /** How many requests the emulator guards saw, and how many each injected fault took (all 0 without `wireFaults`). */
  faultCounts(): Promise<WireFaultCounts>;
  /** Resolves when no workflow execution and no receive is running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const NAMES = { table: 'circulate', intakeBucket: 'circulate-intake', siteBucket: 'circulate-site', stateMachine: 'circulate' };

type Handler = (event: unknown, context: ReturnType<typeof lambdaContext>) => Promise<unknown>;

async function loadHandler(name: string): Promise<Handler> {
  const module: { handler: Handler } = await import(`../../functions/${name}/handler.ts`);
  return module.handler;
}

/**
 * Lambda ends a function at its timeout, and Step Functions reports `Sandbox.Timedout` for it; here
 * the step's promise is only left behind (it may still finish its writes, which the next step's
 * conditions tolerate, as a Lambda killed mid-way would leave them half-done).
 */
function timeLimited<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`), { name: 'Sandbox.Timedout' })), timeoutMs);
  });
  return Promise.race([work, timedOut]).finally(() => clearTimeout(timer));
}

/**
 * S3 invokes receive asynchronously, and Lambda retries a failed asynchronous invocation twice
 * (after about 1 and 2 minutes; here 1 and 2 seconds): a throttled or failing table must not leave
 * an upload unreceived until resume-stalled finds it an hour later. receive is idempotent.
 */
const RECEIVE_RETRIES = 2;
const RECEIVE_RETRY_MS = 1_000;

async function receiveAsLambdaRetries(receive: Handler, event: S3Event): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await receive(event, lambdaContext(RECEIVE_FUNCTION));
    } catch (e) {
      if (attempt >= RECEIVE_RETRIES) throw e;
      console.error(`circulate: receive failed (${e instanceof Error ? e.name : String(e)}), retried in ${RECEIVE_RETRY_MS * 2 ** attempt} ms`);
      await new Promise((r) => setTimeout(r, RECEIVE_RETRY_MS * 2 ** attempt));
    }
  }
}

export async function startEmbeddedStack(opts: EmbeddedStackOptions): Promise<EmbeddedStack> {
  const dataDir = resolve(opts.dataDir);
  const token = opts.token ?? localToken(dataDir);
  const [dynamodbPort, s3Port, sfnPort, port] = await Promise.all([
    opts.ports?.dynamodb || freePort(), opts.ports?.s3 || freePort(), opts.ports?.sfn || freePort(),
    opts.port === undefined ? 3000 : opts.port || freePort(),
  ]);
  const siteUrl = `http://localhost:${port}`;

  const pending = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => undefined);
    return p;
  };
  let receive: Handler | undefined;
  // One receive at a time per submission: the uploads of one submission land together, and two
  // receives running at once would both read and copy every file (receive is idempotent, so this
  // only saves the work; in AWS, concurrent invocations are possible and as harmless).
  const receiving = new Map<string, Promise<unknown>>();
  const receiveInTurn = (ids: readonly string[], event: S3Event): Promise<unknown> => {
    const before = Promise.allSettled(ids.map((id) => receiving.get(id)));
    const run = before.then(() => receiveAsLambdaRetries(receive!, event));
    for (const id of ids) receiving.set(id, run);
    void run.finally(() => { for (const id of ids) if (receiving.get(id) === run) receiving.delete(id); }).catch(() => undefined);
    return run;
  };
  const onS3Event = (event: S3ObjectEvent) => {
    // What AWS's bucket notification does: ObjectCreated in the intake bucket under submissions/ → receive.
    const records = event.Records.filter((r) => r.eventName.startsWith('ObjectCreated') && r.s3.bucket.name === NAMES.intakeBucket && r.s3.object.key.startsWith('submissions/'));
    if (!records.length || !receive) return;
    const s3Event = {
      Records: records.map((r) => ({ ...r, s3: { ...r.s3, object: { ...r.s3.object, key: encodeURIComponent(r.s3.object.key).replace(/%2F/g, '/').replace(/%20/g, '+') } } })),
    } as unknown as S3Event;
    const ids = [...new Set(records.map((r) => submissionIdOfKey(r.s3.object.key) ?? ''))];
    track(receiveInTurn(ids, s3Event)).catch((e: unknown) => console.error('circulate: receive failed', e));
  };

  // Each emulator (with its guard, and its half of the test's wire faults) in a thread of its own.
  const wireFaults = opts.wireFaults ? { wireFaults: opts.wireFaults } : {};
  const [dynamodb, s3] = await Promise.all([
    startEmulatorThread({ service: 'dynamodb', dataDir, port: dynamodbPort, table: NAMES.table, ...wireFaults }),
    startEmulatorThread({ service: 's3', dataDir, port: s3Port, buckets: { intake: NAMES.intakeBucket, site: NAMES.siteBucket }, siteOrigin: siteUrl, ...wireFaults }, onS3Event),
  ]);

  // The local Step Functions service listens on a port of its own, behind its guard on sfnPort, as the other emulators.
  const sfnUpstreamPort = await freePort();
  const sfnGuard = await startGuard({ service: 'states', port: sfnPort, upstreamPort: sfnUpstreamPort, credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION });
  const stateMachineArn = `arn:aws:states:${LOCAL_REGION}:000000000000:stateMachine:${NAMES.stateMachine}`;
  const environment: Record<string, string> = {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    [ENV.table]: NAMES.table,
    [ENV.intakeBucket]: NAMES.intakeBucket,
    [ENV.siteBucket]: NAMES.siteBucket,
    [ENV.stateMachineArn]: stateMachineArn,
    [ENV.siteUrl]: siteUrl,
    [ENV.staffToken]: token,
    [ENV.dynamodbEndpoint]: dynamodb.endpoint,
    [ENV.s3Endpoint]: s3.endpoint,
    [ENV.sfnEndpoint]: sfnGuard.endpoint,
  };
  Object.assign(process.env, environment);

  if (opts.uploadExpiryMs !== undefined) process.env[UPLOAD_EXPIRY_ENV] = String(opts.uploadExpiryMs / 3_600_000);

  const handlers = Object.fromEntries(await Promise.all(ALL_FUNCTIONS.map(async (name) => [name, await loadHandler(name)] as const)));
  receive = handlers[RECEIVE_FUNCTION];

  const asl = await readFile(join(ROOT, STATE_MACHINE_FILE), 'utf8');
  const steps = Object.entries(STEP_FUNCTIONS) as [StepState, string][];
  const substitutions = new Map(steps.map(([state, fn]) => [functionArnPlaceholder(state), `arn:aws:lambda:${LOCAL_REGION}:000000000000:function:circulate-${fn}`]));
  const definition: unknown = JSON.parse(asl.replace(/\$\{(\w+)\}/g, (placeholder, name: string) => substitutions.get(name) ?? placeholder));
  // The steps run in worker threads (infra/local/lambda-pool.ts), with the environment set above.
  const workers = lambdaWorkers();
  const pool = workers ? await startLambdaPool(steps.map(([, fn]) => fn), workers) : undefined;
  const taskHandlers: Record<string, TaskHandler> = {};
  for (const [state, fn] of steps) {
    const handler = handlers[fn]!;
    const fault = opts.faults?.[state];
    const timeoutMs = opts.functionTimeoutMs ?? STEP_TIMEOUT_SECONDS[state] * 1000;
    taskHandlers[state] = async (payload) => {
      const run = () => (pool ? pool.invoke(fn, payload) : handler(payload, lambdaContext(fn, timeoutMs)));
      return timeLimited(fault ? fault(run) : run(), timeoutMs);
    };
  }
  const sfn = await startLocalStepFunctions({
    port: sfnUpstreamPort, dataDir: join(dataDir, 'stepfunctions'),
    stateMachines: [{ name: NAMES.stateMachine, definition, taskHandlers }],
    maxRunningExecutions: maxRunningExecutions(opts.maxRunningExecutions),
    ...(opts.retryWaitMs !== undefined ? { retryWaitMs: opts.retryWaitMs } : {}),
  });

  // The site's static assets (staff page, search and 404 scripts), served from the site bucket like the published pages.
  const siteS3 = createS3Client(s3.endpoint);
  for (const asset of await buildWebAssets()) {
    await siteS3.send(new PutObjectCommand({ Bucket: NAMES.siteBucket, Key: asset.key, Body: asset.body, ContentType: asset.contentType, CacheControl: 'no-cache' }));
  }

  const gateway = await startGateway({
    port,
    functions: Object.fromEntries(ROUTES.map((r) => [r.fn, handlers[r.fn] as ApiFunction])),
    s3: siteS3,
    siteBucket: NAMES.siteBucket,
    // The staff page PUTs files to presigned URLs on the S3 emulator's origin.
    connectSrc: [s3.endpoint],
  });

  // Drive on whatever was accepted but not finished when the stack last stopped. (Imported here:
  // it builds the handlers' clients, which must see the environment set above.)
  const { resumeUnfinished } = await import('./resume');
  await resumeUnfinished();

  // What the hourly EventBridge rules do in AWS, here on start and then every ten minutes (one sweep at a time).
  let sweeping = false;
  const sweep = () => {
    if (sweeping) return;
    sweeping = true;
    const event: ScheduledEvent = {
      version: '0', id: randomUUID(), 'detail-type': 'Scheduled Event', source: 'aws.events', account: '000000000000',
      time: new Date().toISOString(), region: LOCAL_REGION, resources: [], detail: {},
    };
    const runs = Object.values(SCHEDULED_FUNCTIONS).map((name) =>
      handlers[name]!(event, lambdaContext(name)).catch((e: unknown) => console.error(`circulate: ${name} failed`, e)));
    void track(Promise.all(runs)).finally(() => (sweeping = false));
  };
  sweep();
  const sweeper = setInterval(sweep, opts.expirySweepMs ?? 10 * 60_000);
  sweeper.unref();

  return {
    url: gateway.url,
    apiUrl: `${gateway.url}/api`,
    token,
    endpoints: { dynamodb: dynamodb.endpoint, s3: s3.endpoint, sfn: sfnGuard.endpoint },
    environment,
    names: { table: NAMES.table, intakeBucket: NAMES.intakeBucket, siteBucket: NAMES.siteBucket, stateMachineArn },
    async faultCounts() {
      const [d, s] = await Promise.all([dynamodb.counts(), s3.counts()]);
      return { dynamodb: d.dynamodb, s3: s.s3 };
    },
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
      await sfn.idle();
      while (pending.size) await Promise.allSettled([...pending]);
    },
    async close() {
      clearInterval(sweeper);
      await gateway.close();
      await sfnGuard.close();
      await sfn.close();
      await pool?.close();
      await Promise.allSettled([...pending]);
      await s3.close();
      await dynamodb.close();
    },
  };
}
