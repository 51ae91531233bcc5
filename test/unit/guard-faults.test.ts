import { DynamoDBClient, GetItemCommand, ProvisionedThroughputExceededException, ThrottlingException } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDB, startS3 } from '../../infra/local/emulators';
import { freePort } from '../../infra/local/ports';
import { createS3Client } from '../../infra/local/s3-client';
import type { FaultDecision } from '../../infra/local/wire-faults';

/**
 * The guards' faults as the real SDK v3 clients see them: the error class the SDK maps the answer
 * to, and its own retries (3 attempts by default, 4 for DynamoDB) absorbing what it may retry.
 */
let next: FaultDecision[] = [];
const faults = (): FaultDecision => next.shift() ?? { delayMs: 0 };
const throttled = (code = 'ProvisionedThroughputExceededException'): FaultDecision => ({ delayMs: 0, error: { status: 400, code, message: 'slow down' } });
const failed = (code: string): FaultDecision => ({ delayMs: 0, error: { status: 500, code, message: 'internal error' } });

describe('faults on the wire, through the emulator guards', () => {
  let dir: string;
  let dynamodb: Awaited<ReturnType<typeof startDynamoDB>>;
  let s3: Awaited<ReturnType<typeof startS3>>;
  let db: DynamoDBClient;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'circulate-guard-faults-'));
    dynamodb = await startDynamoDB(dir, await freePort(), 'circulate', { faults });
    s3 = await startS3(dir, await freePort(), { intake: 'intake', site: 'site' }, () => undefined, { siteOrigin: 'http://localhost:1', faults });
    db = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  });
  afterAll(async () => {
    db?.destroy();
    await s3?.close();
    await dynamodb?.close();
    await rm(dir, { recursive: true, force: true });
  });
  const getItem = () => db.send(new GetItemCommand({ TableName: 'circulate', Key: { pk: { S: 'X' }, sk: { S: 'X' } } }));

  it('has DynamoDB throttling and 500s retried by the SDK, which succeeds on its third attempt', async () => {
    next = [throttled(), failed('InternalServerError')];
    const answer = await getItem();
    expect(answer.$metadata.attempts).toBe(3);
    expect(next).toEqual([]);
  });

  it('answers what the SDK maps to its error classes (one attempt, no retry)', async () => {
    const once = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
    const get = () => once.send(new GetItemCommand({ TableName: 'circulate', Key: { pk: { S: 'X' }, sk: { S: 'X' } } }));
    next = [throttled()];
    await expect(get()).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
    next = [throttled('ThrottlingException')];
    await expect(get()).rejects.toBeInstanceOf(ThrottlingException);
    next = [failed('InternalServerError')];
    await expect(get()).rejects.toMatchObject({ name: 'InternalServerError', $metadata: { httpStatusCode: 500 } });
    once.destroy();
  });

  it('has S3 500s retried by the SDK, and an S3 InternalError once its attempts are spent', async () => {
    const client = createS3Client(s3.endpoint);
    next = [failed('InternalError')];
    const put = await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'a.txt', Body: 'hello' }));
    expect(put.$metadata.attempts).toBe(2);
    next = [failed('InternalError'), failed('InternalError'), failed('InternalError')];
    const error = await client.send(new GetObjectCommand({ Bucket: 'site', Key: 'a.txt' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(S3ServiceException);
    expect(error).toMatchObject({ name: 'InternalError', message: 'internal error', $metadata: { httpStatusCode: 500, attempts: 3 } });
    client.destroy();
  });

  it('answers a slow S3 request late, and whole', async () => {
    const client = createS3Client(s3.endpoint);
    next = [{ delayMs: 300 }];
    const started = Date.now();
    const got = await client.send(new GetObjectCommand({ Bucket: 'site', Key: 'a.txt' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(await got.Body?.transformToString()).toBe('hello');
    client.destroy();
  });
});
