import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, PutItemCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Level } from 'level';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDB, startS3 } from '../../infra/local/emulators';
import { freePort } from '../../infra/local/ports';
import { createS3Client } from '../../infra/local/s3-client';

const diskFull = () => Object.assign(new Error('IO error: /data/000005.log: No space left on device'), { code: 'LEVEL_IO_ERROR' });
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('the emulators when the disk is full', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'circulate-disk-')); });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  it('DynamoDB answers 503 and keeps running', async () => {
    const dynamodb = await startDynamoDB(join(dir, 'd'), await freePort(), 'circulate');
    const client = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
    const item = { pk: { S: 'X' }, sk: { S: 'Y' } };
    try {
      const write = (jest.spyOn(Level.prototype as unknown as { _put: () => Promise<void> }, '_put')).mockRejectedValue(diskFull());
      await expect(client.send(new PutItemCommand({ TableName: 'circulate', Item: item }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 503 } });
      write.mockRestore();
      await client.send(new PutItemCommand({ TableName: 'circulate', Item: item }));
      expect((await client.send(new GetItemCommand({ TableName: 'circulate', Key: item }))).Item).toEqual(item);
    } finally {
      client.destroy();
      await dynamodb.close();
    }
  });

  it('S3 answers 503, leaves no temporary file, and keeps running', async () => {
    const s3 = await startS3(join(dir, 's'), await freePort(), { intake: 'in', site: 'site' }, () => undefined, { siteOrigin: 'http://localhost:1' });
    const client = createS3Client(s3.endpoint);
    try {
      const putMetadata = s3.store.putMetadata.bind(s3.store);
      s3.store.putMetadata = () => Promise.reject(enospc());
      await expect(client.send(new PutObjectCommand({ Bucket: 'site', Key: 'a.txt', Body: 'hello' }))).rejects.toMatchObject({ name: 'ServiceUnavailable', $metadata: { httpStatusCode: 503 } });
      expect((await readdir(join(dir, 's'), { recursive: true })).filter((f) => f.endsWith('.uploading'))).toEqual([]);
      s3.store.putMetadata = putMetadata;
      await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'a.txt', Body: 'hello' }));
      expect(await (await client.send(new GetObjectCommand({ Bucket: 'site', Key: 'a.txt' }))).Body?.transformToString()).toBe('hello');
    } finally {
      client.destroy();
      await s3.close();
    }
  });

  it('S3 removes the temporary files of puts cut short, and nothing else, on start', async () => {
    const folder = join(dir, 'u', 's3', 'in', 'submissions', '01J');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, '1-cover.en._S3rver_object.0f8e.uploading'), 'half');
    await writeFile(join(folder, '2-annex.en._S3rver_object'), 'whole');
    const s3 = await startS3(join(dir, 'u'), await freePort(), { intake: 'in', site: 'site' }, () => undefined, { siteOrigin: 'http://localhost:1' });
    await s3.close();
    expect(await readdir(folder)).toEqual(['2-annex.en._S3rver_object']);
  });

  it('S3 removes on start an object whose metadata a kill left torn (s3rver would answer 500 for it for ever), and writes metadata whole', async () => {
    const data = join(dir, 't');
    const port = await freePort();
    const start = () => startS3(data, port, { intake: 'in', site: 'site' }, () => undefined, { siteOrigin: 'http://localhost:1' });
    let s3 = await start();
    const client = createS3Client(s3.endpoint);
    try {
      await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'A/HRC/47/index.html', Body: '<p>page</p>', ContentType: 'text/html; charset=utf-8' }));
      await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'A/HRC/47/feed.xml', Body: '<feed/>', ContentType: 'application/atom+xml' }));
      const folder = join(data, 's3', 'site', 'A', 'HRC', '47');
      expect((await readdir(folder)).filter((f) => f.endsWith('.uploading'))).toEqual([]);
      // The metadata is what s3rver itself keeps: the type comes back.
      expect((await client.send(new GetObjectCommand({ Bucket: 'site', Key: 'A/HRC/47/feed.xml' }))).ContentType).toBe('application/atom+xml');
      await writeFile(join(folder, 'index.html._S3rver_metadata.json'), '');
      await expect(client.send(new HeadObjectCommand({ Bucket: 'site', Key: 'A/HRC/47/index.html' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 500 } });
      await s3.close();

      s3 = await start();
      await expect(client.send(new HeadObjectCommand({ Bucket: 'site', Key: 'A/HRC/47/index.html' }))).rejects.toMatchObject({ name: 'NotFound' });
      expect((await client.send(new GetObjectCommand({ Bucket: 'site', Key: 'A/HRC/47/feed.xml' }))).ContentType).toBe('application/atom+xml');
    } finally {
      client.destroy();
      await s3.close();
    }
  });
});
