import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../infra/local/emulators';
import { startEmulatorThread } from '../infra/local/emulator-threads';
import { createS3Client } from '../infra/local/s3-client';
import { freePort } from '../infra/local/ports';

/**
 * What one request to an emulator costs, whole: the SDK client's serialization and signing, the
 * guard's checks and its hop, the emulator's work, all in this process (the emulators in their
 * threads, as the stack runs them). Multiplied by the requests a document makes (the end-to-end
 * section counts them), it is the floor under the stack's CPU per document, whatever the handlers do.
 */
export interface RequestFigures {
  label: string;
  requests: number;
  perSecond: number;
  /** CPU of this process (every thread) per request, ms. */
  cpuMsPerRequest: number;
}

const PAGE = 'x'.repeat(6_000);

export async function benchRequests({ requests }: { requests: number }): Promise<RequestFigures[]> {
  const dir = await mkdtemp(join(tmpdir(), 'circulate-requests-'));
  const [dynamodb, s3] = await Promise.all([
    startEmulatorThread({ service: 'dynamodb', dataDir: dir, port: await freePort(), table: 'circulate' }),
    startEmulatorThread({ service: 's3', dataDir: dir, port: await freePort(), buckets: { intake: 'intake', site: 'site' }, siteOrigin: 'http://localhost:1' }),
  ]);
  const db = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const site = createS3Client(s3.endpoint);
  const key = (i: number) => ({ pk: { S: `BENCH#${i % 50}` }, sk: { S: 'BENCH' } });
  const cases: [string, (i: number) => Promise<unknown>][] = [
    ['DynamoDB GetItem (strongly consistent)', (i) => db.send(new GetItemCommand({ TableName: 'circulate', Key: key(i), ConsistentRead: true }))],
    ['DynamoDB UpdateItem (ADD a counter)', (i) => db.send(new UpdateItemCommand({ TableName: 'circulate', Key: key(i), UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } }))],
    ['S3 PutObject (a 6 KB page)', (i) => site.send(new PutObjectCommand({ Bucket: 'site', Key: `A/HRC/47/G/${i % 200}/index.html`, Body: PAGE, ContentType: 'text/html; charset=utf-8' }))],
  ];
  const figures: RequestFigures[] = [];
  try {
    for (const [label, send] of cases) {
      // Warm: connections open, code compiled.
      for (let i = 0; i < 100; i++) await send(i);
      const inFlight = 8;
      const cpu = process.cpuUsage();
      const started = performance.now();
      for (let k = 0; k < requests / inFlight; k++) await Promise.all(Array.from({ length: inFlight }, (_, j) => send(k * inFlight + j)));
      const used = process.cpuUsage(cpu);
      const seconds = (performance.now() - started) / 1000;
      figures.push({ label, requests, perSecond: requests / seconds, cpuMsPerRequest: (used.user + used.system) / 1000 / requests });
    }
  } finally {
    db.destroy();
    site.destroy();
    await Promise.all([dynamodb.close(), s3.close()]);
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}
