import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators';
import { splitTarget } from '../../infra/local/object-path';
import { verifySignature, type SignedRequest } from '../../infra/local/sigv4';

/** A server that records what the SDK sends, as the emulators' guard receives it, and answers nothing useful. */
let server: Server;
let endpoint: string;
const seen: SignedRequest[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? 'GET', ...splitTarget(req.url ?? '/'), headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  endpoint = `http://127.0.0.1:${address && typeof address === 'object' ? address.port : 0}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const local = { credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION };
const config = (credentials = LOCAL_CREDENTIALS) => ({ endpoint, region: LOCAL_REGION, credentials, maxAttempts: 1 });
const s3 = (credentials = LOCAL_CREDENTIALS) => new S3Client({ ...config(credentials), forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });

async function capture(send: () => Promise<unknown>): Promise<SignedRequest> {
  seen.length = 0;
  await send().catch(() => undefined);
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

describe('the SigV4 check of the emulators’ guard', () => {
  it('accepts what the SDK signs with the local key, for each service', async () => {
    const requests = [
      { service: 'dynamodb', request: await capture(() => new DynamoDBClient(config()).send(new ScanCommand({ TableName: 'circulate' }))) },
      { service: 'states', request: await capture(() => new SFNClient(config()).send(new ListExecutionsCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:circulate' }))) },
      { service: 's3', request: await capture(() => s3().send(new ListObjectsV2Command({ Bucket: 'circulate-site', Prefix: 'A/HRC/47 (x)/', MaxKeys: 2 }))) },
      { service: 's3', request: await capture(() => s3().send(new GetObjectCommand({ Bucket: 'circulate-site', Key: 'A/HRC/47/G/1/index.html' }))) },
      { service: 's3', request: await capture(() => s3().send(new PutObjectCommand({ Bucket: 'circulate-site', Key: 'a b/ü+.txt', Body: 'hello', ContentType: 'text/plain' }))) },
    ];
    for (const { service, request } of requests) {
      expect(await verifySignature({ ...request, body: service === 's3' ? undefined : request.body }, { ...local, service })).toEqual({ ok: true });
    }
  });

  it('refuses a request signed with another access key, another secret, or not at all', async () => {
    const other = await capture(() => new DynamoDBClient(config({ accessKeyId: 'AKIAEVIL', secretAccessKey: 'S3RVER' })).send(new ScanCommand({ TableName: 'circulate' })));
    expect(await verifySignature(other, { ...local, service: 'dynamodb' })).toMatchObject({ ok: false, reason: 'unknown-key' });
    const wrongSecret = await capture(() => new DynamoDBClient(config({ accessKeyId: 'S3RVER', secretAccessKey: 'guess' })).send(new ScanCommand({ TableName: 'circulate' })));
    expect(await verifySignature(wrongSecret, { ...local, service: 'dynamodb' })).toMatchObject({ ok: false, reason: 'mismatch' });
    const { authorization: _, ...unsigned } = wrongSecret.headers;
    expect(await verifySignature({ ...wrongSecret, headers: unsigned }, { ...local, service: 'dynamodb' })).toMatchObject({ ok: false, reason: 'missing' });
  });

  it('refuses a signed request whose body, target, service or time was changed', async () => {
    const scan = await capture(() => new DynamoDBClient(config()).send(new ScanCommand({ TableName: 'circulate' })));
    const check = (r: SignedRequest, service = 'dynamodb', now?: number) => verifySignature(r, { ...local, service, ...(now ? { now } : {}) });
    expect(await check({ ...scan, body: Buffer.from('{"TableName":"other"}') })).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(await check({ ...scan, headers: { ...scan.headers, 'x-amz-target': 'DynamoDB_20120810.DeleteTable' } })).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(await check(scan, 'states')).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(await check(scan, 'dynamodb', Date.now() + 20 * 60_000)).toMatchObject({ ok: false, reason: 'skewed' });
  });

  describe('a presigned PUT, as S3 checks it', () => {
    const put = (key = 'submissions/01J/1-cover.en', expiresIn = 3600, signingDate?: Date) => getSignedUrl(
      s3(), new PutObjectCommand({ Bucket: 'circulate-intake', Key: key, ContentType: 'application/pdf', ContentLength: 5 }),
      { expiresIn, signableHeaders: new Set(['content-type', 'content-length']), ...(signingDate ? { signingDate } : {}) },
    );
    const request = (url: string, headers: IncomingHttpHeaders = {}): SignedRequest => {
      const parsed = new URL(url);
      return { method: 'PUT', ...splitTarget(url.slice(parsed.origin.length)), headers: { host: parsed.host, 'content-type': 'application/pdf', 'content-length': '5', ...headers } };
    };
    const check = (r: SignedRequest) => verifySignature(r, { ...local, service: 's3' });

    it('is accepted as signed', async () => {
      expect(await check(request(await put()))).toEqual({ ok: true });
    });
    it('is refused for another key, another bucket or a changed signature', async () => {
      const url = await put();
      expect(await check(request(url.replace('1-cover.en', '2-annex.en')))).toMatchObject({ ok: false, reason: 'mismatch' });
      expect(await check(request(url.replace('circulate-intake', 'circulate-site')))).toMatchObject({ ok: false, reason: 'mismatch' });
      expect(await check(request(url.replace(/X-Amz-Signature=([0-9a-f])/, (_, d: string) => `X-Amz-Signature=${d === '0' ? '1' : '0'}`)))).toMatchObject({ ok: false });
    });
    it('is refused with another content type or length than it was signed for', async () => {
      const url = await put();
      expect(await check(request(url, { 'content-type': 'text/html' }))).toMatchObject({ ok: false, reason: 'mismatch' });
      expect(await check(request(url, { 'content-length': '6' }))).toMatchObject({ ok: false, reason: 'mismatch' });
    });
    it('is refused once expired', async () => {
      const url = await put(undefined, 60, new Date(Date.now() - 120_000));
      expect(await check(request(url))).toMatchObject({ ok: false, reason: 'expired' });
    });
    it('is refused when signed with another key', async () => {
      const url = await getSignedUrl(s3({ accessKeyId: 'AKIAEVIL', secretAccessKey: 'S3RVER' }), new PutObjectCommand({ Bucket: 'circulate-site', Key: 'index.html' }));
      expect(await check(request(url))).toMatchObject({ ok: false, reason: 'unknown-key' });
    });
  });
});
