import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, LOCAL_REGION, type S3ObjectEvent } from '../../infra/local/emulators';
import { startEmulatorThread, type EmulatorThread } from '../../infra/local/emulator-threads';
import { createS3Client } from '../../infra/local/s3-client';
import { freePort } from '../../infra/local/ports';

/**
 * The emulators in worker threads of their own: the same guarded endpoints as in process, S3's
 * notifications carried back to the stack, the guard's request counts asked across the thread.
 */
describe('an emulator in a thread of its own', () => {
  let dir: string;
  let dynamodb: EmulatorThread;
  let s3: EmulatorThread;
  const events: S3ObjectEvent[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'circulate-threads-'));
    [dynamodb, s3] = await Promise.all([
      startEmulatorThread({ service: 'dynamodb', dataDir: dir, port: await freePort(), table: 'circulate' }),
      startEmulatorThread({ service: 's3', dataDir: dir, port: await freePort(), buckets: { intake: 'intake', site: 'site' }, siteOrigin: 'http://localhost:1' }, (e) => events.push(e)),
    ]);
  }, 30_000);
  afterAll(async () => {
    await Promise.all([dynamodb?.close(), s3?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('answers DynamoDB behind its guard, and counts what it let through', async () => {
    const client = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const before = (await dynamodb.counts()).dynamodb.requests;
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual(['circulate']);
    const wrong = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: LOCAL_REGION, credentials: { accessKeyId: 'nobody', secretAccessKey: 'x' }, maxAttempts: 1 });
    await expect(wrong.send(new ListTablesCommand({}))).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    expect((await dynamodb.counts()).dynamodb.requests).toBe(before + 1);
    client.destroy();
    wrong.destroy();
  });

  it('stores an S3 object and sends its notification back to the stack', async () => {
    const client = createS3Client(s3.endpoint);
    await client.send(new PutObjectCommand({ Bucket: 'intake', Key: 'submissions/x/1-cover.en', Body: 'note' }));
    for (let i = 0; i < 100 && !events.length; i++) await new Promise((r) => setTimeout(r, 10));
    expect(events.flatMap((e) => e.Records.map((r) => [r.eventName, r.s3.bucket.name, r.s3.object.key]))).toEqual([['ObjectCreated:Put', 'intake', 'submissions/x/1-cover.en']]);
    expect((await s3.counts()).s3.requests).toBeGreaterThanOrEqual(1);
    client.destroy();
  });

  it('fails to start with the reason when its port is taken, and leaves nothing running', async () => {
    const taken = createServer();
    const port = await freePort();
    await new Promise<void>((r) => taken.listen(port, '127.0.0.1', () => r()));
    try {
      await expect(startEmulatorThread({ service: 'dynamodb', dataDir: join(dir, 'other'), port, table: 'circulate' })).rejects.toThrow(/The dynamodb emulator did not start: .*EADDRINUSE/s);
    } finally {
      await new Promise<void>((r) => taken.close(() => r()));
    }
  });
});
