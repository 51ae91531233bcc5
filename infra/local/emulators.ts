import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { INDEXES, TABLE_KEYS } from '#shared/adapters/table';
import { startGuard } from './guard';
import type { FaultDecision } from './wire-faults';
import { freePort } from './ports';

/**
 * The AWS services the embedded stack emulates, kept on disk under the data folder: DynamoDB
 * (dynalite) and S3 (s3rver). The same table and buckets the CDK app creates, by the same schema.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'us-east-1';

export interface S3ObjectEvent {
  Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string; size?: number } } }[];
}

/** dynalite listens on a port of its own; `port` is its guard's (infra/local/guard.ts). */
export async function startDynamoDB(dataDir: string, port: number, table: string, { faults }: { faults?: (operation: string) => FaultDecision } = {}): Promise<{ endpoint: string; close(): Promise<void> }> {
  const path = join(dataDir, 'dynamodb');
  await mkdir(path, { recursive: true });
  answerDiskFullInDynalite();
  const server: Server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const upstreamPort = await freePort();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(upstreamPort, '127.0.0.1', () => resolve()));
  const guard = await startGuard({ service: 'dynamodb', port, upstreamPort, credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION, ...(faults ? { faults } : {}) });
  // Straight to dynalite: the table is there before any fault a test asked for can touch it.
  const client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${upstreamPort}`, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  await ensureTable(client, table);
  client.destroy();
  return {
    endpoint: guard.endpoint,
    close: async () => {
      await guard.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections?.();
      });
    },
  };
}

/** Out of disk space (ENOSPC), or over quota: the error a store write gives when the machine is full, as Node or LevelDB words it. */
export function isDiskFull(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  return code === 'ENOSPC' || code === 'EDQUOT' || /ENOSPC|No space left on device|Disk quota exceeded/i.test(e.message);
}

const DISK_FULL_MESSAGE = 'The local stack has no disk space left for its data folder: free some space and try again';

const require = createRequire(import.meta.url);
let dynaliteGuarded = false;

/**
 * dynalite rethrows a failed LevelDB write from inside a callback (`if (err) throw err`), so a full
 * disk was an uncaught exception that ended the whole stack. Its actions pass on errors that carry
 * a `statusCode` and `body` as the service's answer: a failed write becomes one — 503 for a full
 * disk (the SDK retries it), 500 otherwise. Patched where dynalite's `level` writes (put, del, batch).
 */
export function answerDiskFullInDynalite(): void {
  if (dynaliteGuarded) return;
  dynaliteGuarded = true;
  const { Level } = require(require.resolve('level', { paths: [require.resolve('dynalite')] })) as { Level: { prototype: Record<string, unknown> } };
  for (const method of ['put', 'del', 'batch'] as const) {
    const original = Level.prototype[method] as (...args: unknown[]) => unknown;
    Level.prototype[method] = function (this: unknown, ...args: unknown[]) {
      const result = original.apply(this, args);
      // batch() without operations is a chained batch, not a promise.
      if (!(result instanceof Promise)) return result;
      return result.catch((e: unknown) => {
        throw Object.assign(new Error(e instanceof Error ? e.message : String(e)), isDiskFull(e)
          ? { statusCode: 503, body: { __type: 'com.amazonaws.dynamodb.v20120810#ServiceUnavailable', message: DISK_FULL_MESSAGE } }
          : { statusCode: 500, body: { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'The local DynamoDB failed to write' } });
      });
    };
  }
}

/**
 * Creates the table if it is not there, and returns once it is ACTIVE: dynalite answers CreateTable
 * while the table is still CREATING (it turns ACTIVE on a timer, even with createTableMs 0) and
 * refuses reads and writes until then, so a first write straight after start could fail.
 */
export async function ensureTable(client: DynamoDBClient, table: string): Promise<void> {
  try {
    if ((await client.send(new DescribeTableCommand({ TableName: table }))).Table?.TableStatus === 'ACTIVE') return;
  } catch (e) {
    if (!(e instanceof ResourceNotFoundException)) throw e;
    await createTable(client, table);
  }
  for (let attempt = 0; attempt < 500; attempt++) {
    if ((await client.send(new DescribeTableCommand({ TableName: table }))).Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`Table ${table} did not become ACTIVE in the emulator`);
}

async function createTable(client: DynamoDBClient, table: string): Promise<void> {
  const indexes = Object.values(INDEXES);
  const attributes = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])]);
  await client.send(new CreateTableCommand({
    TableName: table,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: indexes.map((i) => ({
      IndexName: i.name,
      KeySchema: [{ AttributeName: i.partitionKey, KeyType: 'HASH' }, { AttributeName: i.sortKey, KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'ALL' },
    })),
  }));
}

/** Presigned uploads come from a browser too (the staff page, on the site's origin), so the intake bucket allows its cross-origin PUT. */
const intakeCors = (siteOrigin: string) => `<CORSConfiguration><CORSRule><AllowedOrigin>${siteOrigin}</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

const UPLOADING = '.uploading';

/** The metadata s3rver keeps for an object (its S3Object.ALLOWED_METADATA), besides x-amz-meta-*. */
const STORED_METADATA = new Set((require('s3rver/lib/models/object.js') as { ALLOWED_METADATA: string[] }).ALLOWED_METADATA);

/** s3rver listens on a port of its own; `port` is its guard's, which lets only `siteOrigin` in from a browser. */
export async function startS3(
  dataDir: string,
  port: number,
  buckets: { intake: string; site: string },
  onEvent: (event: S3ObjectEvent) => void,
  { siteOrigin, faults }: { siteOrigin: string; faults?: (operation: string) => FaultDecision },
): Promise<{ endpoint: string; store: S3rver['store']; close(): Promise<void> }> {
  const directory = join(dataDir, 's3');
  await mkdir(directory, { recursive: true });
  await removeUnfinishedUploads(directory);
  const upstreamPort = await freePort();
  const server = new S3rver({
    port: upstreamPort, address: '127.0.0.1', directory, silent: true,
    configureBuckets: [{ name: buckets.intake, configs: [intakeCors(siteOrigin)] }, { name: buckets.site }],
  });
  makePutsAtomic(server.store);
  answerDiskFullInS3rver(server);
  server.on('event', onEvent);
  await server.run();
  const guard = await startGuard({ service: 's3', port, upstreamPort, credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION, allowedOrigins: [siteOrigin], ...(faults ? { faults } : {}) });
  return {
    endpoint: guard.endpoint,
    store: server.store,
    close: async () => {
      await guard.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const METADATA = '._S3rver_metadata.json';

/**
 * What puts a stop or a crash cut short leaves, removed on start: the temporary files of
 * makePutsAtomic (never an object), and an object whose metadata file does not parse (written by
 * a version that wrote it in place, and killed in the middle: s3rver would answer every GET and
 * HEAD of it with a 500 for ever). Such an object's put was never acknowledged; without it, the
 * upload is sent again, receive copies it again, a page is rendered again. Returns what it removed.
 */
export async function removeUnfinishedUploads(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const unfinished = files.filter((path) => path.endsWith(UPLOADING));
  for (const path of files.filter((f) => f.endsWith(METADATA))) {
    try {
      JSON.parse(await readFile(path, 'utf8'));
    } catch {
      const base = path.slice(0, -METADATA.length);
      unfinished.push(path, `${base}._S3rver_object`, `${base}._S3rver_object.md5`);
    }
  }
  await Promise.all(unfinished.map((path) => rm(path, { force: true })));
  return unfinished;
}

/** Writes a file whole or not at all: a temporary file, then a rename. */
async function writeWhole(path: string, body: string): Promise<void> {
  const temporary = `${path}.${randomUUID()}${UPLOADING}`;
  try {
    await writeFile(temporary, body);
    await rename(temporary, path);
  } catch (e) {
    await rm(temporary, { force: true });
    throw e;
  }
}

/** A full disk is S3's 503 ServiceUnavailable (which clients retry), not a generic 500. */
function answerDiskFullInS3rver(server: S3rver): void {
  const S3Error = require('s3rver/lib/models/error.js') as new (code: string, message: string) => Error;
  const onerror = server.context.onerror;
  server.context.onerror = function (this: unknown, err: unknown) {
    return onerror.call(this, isDiskFull(err) ? new S3Error('ServiceUnavailable', DISK_FULL_MESSAGE) : err);
  };
}

/**
 * S3 makes an object visible only once it is whole. s3rver writes straight to the object's file
 * and may announce it before the bytes are flushed, so a `receive` checking the other files of a
 * submission could see one half-written and refuse it. Write to a temporary file, then rename.
 */
function makePutsAtomic(store: S3rver['store']): void {
  // s3rver's putMetadata writes its two files in place: a kill in the middle leaves a metadata file
  // that does not parse, and the object answers 500 for ever. Each is written whole here, as
  // s3rver would write it (the same fields).
  store.putMetadata = async (bucket, key, metadata, md5) => {
    const kept = Object.fromEntries(Object.entries(metadata).filter(([k]) => STORED_METADATA.has(k) || k.startsWith('x-amz-meta-')));
    if (md5) await writeWhole(store.getResourcePath(bucket, key, 'object.md5'), md5);
    await writeWhole(store.getResourcePath(bucket, key, 'metadata.json'), JSON.stringify(kept, null, 2));
  };
  store.putObject = async (object) => {
    const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(objectPath), { recursive: true });
    const temporary = `${objectPath}.${randomUUID()}${UPLOADING}`;
    const md5 = createHash('md5');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        md5.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const source = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
    try {
      await pipeline(source, measure, createWriteStream(temporary));
      const digest = md5.digest('hex');
      await store.putMetadata(object.bucket, object.key, object.metadata, digest);
      await rename(temporary, objectPath);
      return { size, md5: digest };
    } catch (e) {
      // A failed put (a full disk, a client gone) leaves no temporary file behind.
      await rm(temporary, { force: true });
      throw e;
    }
  };
}
