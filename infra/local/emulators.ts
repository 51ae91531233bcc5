import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import S3rver from 's3rver';
import { INDEXES, TABLE_KEYS } from '#shared/adapters/table';

/**
 * The AWS services the embedded stack emulates, kept on disk under the data folder: DynamoDB
 * (dynalite) and S3 (s3rver). The same table and buckets the CDK app creates, by the same schema.
 */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'us-east-1';

export interface S3ObjectEvent {
  Records: { eventName: string; s3: { bucket: { name: string }; object: { key: string; size?: number } } }[];
}

export async function startDynamoDB(dataDir: string, port: number, table: string): Promise<{ endpoint: string; close(): Promise<void> }> {
  const path = join(dataDir, 'dynamodb');
  await mkdir(path, { recursive: true });
  const server: Server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', () => resolve()));
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  await ensureTable(client, table);
  client.destroy();
  return {
    endpoint,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    }),
  };
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

/** Presigned uploads come from browsers too (the staff page), so the intake bucket allows cross-origin PUT. */
const INTAKE_CORS = `<CORSConfiguration><CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader><MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>`;

export async function startS3(
  dataDir: string,
  port: number,
  buckets: { intake: string; site: string },
  onEvent: (event: S3ObjectEvent) => void,
): Promise<{ endpoint: string; close(): Promise<void> }> {
  const directory = join(dataDir, 's3');
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    port, address: '127.0.0.1', directory, silent: true,
    configureBuckets: [{ name: buckets.intake, configs: [INTAKE_CORS] }, { name: buckets.site }],
  });
  makePutsAtomic(server.store);
  server.on('event', onEvent);
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * S3 makes an object visible only once it is whole. s3rver writes straight to the object's file
 * and may announce it before the bytes are flushed, so a `receive` checking the other files of a
 * submission could see one half-written and refuse it. Write to a temporary file, then rename.
 */
function makePutsAtomic(store: S3rver['store']): void {
  store.putObject = async (object) => {
    const objectPath = store.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(objectPath), { recursive: true });
    const temporary = `${objectPath}.${randomUUID()}.uploading`;
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
    await pipeline(source, measure, createWriteStream(temporary));
    const digest = md5.digest('hex');
    await store.putMetadata(object.bucket, object.key, object.metadata, digest);
    await rename(temporary, objectPath);
    return { size, md5: digest };
  };
}
