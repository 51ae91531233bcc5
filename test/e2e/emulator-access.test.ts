import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { request } from 'node:http';
import { promisify } from 'node:util';
import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadSubmission } from '../../cli/metadata';
import { createS3Client } from '../../infra/local/s3-client';
import { labelled } from '../support/expect';
import { api, EXAMPLE, startTestStack, type TestStack, sfnClient } from './helpers';

const AWS = '/usr/bin/aws';
const EVIL = 'http://evil.example';

/** The AWS CLI with the given keys and nothing of this machine's set-up. */
async function aws(endpoint: string, keys: { id: string; secret: string }, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(AWS, ['--endpoint-url', endpoint, '--output', 'json', ...args], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin', AWS_ACCESS_KEY_ID: keys.id, AWS_SECRET_ACCESS_KEY: keys.secret, AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_PAGER: '', AWS_MAX_ATTEMPTS: '1',
    },
    timeout: 30_000,
  });
  return stdout;
}

/** A request with a Host header of our choosing (fetch refuses to set it). */
function withHost(url: string, host: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((done, reject) => {
    request({ hostname, port, method: 'GET', path: '/', headers: { host } }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    }).on('error', reject).end();
  });
}

describe('the emulators’ ports, to anyone but the stack', () => {
  let stack: TestStack;
  let uploads: { name: string; url: string; headers: Record<string, string> }[];
  let files: Awaited<ReturnType<typeof loadSubmission>>['files'];
  const good = { id: 'S3RVER', secret: 'S3RVER' };

  beforeAll(async () => {
    if (!existsSync(AWS)) throw new Error(`${AWS} is missing: install Debian's awscli (scripts/test.sh does)`);
    stack = await startTestStack();
    const loaded = await loadSubmission(EXAMPLE);
    files = loaded.files;
    const created = await api(stack, '/submissions', { method: 'POST', body: JSON.stringify(loaded.body), headers: { 'content-type': 'application/json' } });
    expect(created.status).toBe(201);
    uploads = (created.json as { uploads: typeof uploads }).uploads;
  });
  afterAll(async () => stack?.cleanup());

  const emulators = (): { name: string; url: string; method?: string; headers: Record<string, string>; body: string }[] => [
    { name: 'DynamoDB', url: stack.endpoints.dynamodb, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.Scan' }, body: JSON.stringify({ TableName: 'circulate' }) },
    { name: 'S3', url: `${stack.endpoints.s3}/${stack.names.siteBucket}/evil.html`, method: 'PUT', headers: { 'content-type': 'text/html' }, body: '<script>alert(document.domain)</script>' },
    { name: 'Step Functions', url: stack.endpoints.sfn, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.StartExecution' }, body: JSON.stringify({ stateMachineArn: stack.names.stateMachineArn, name: 'evil', input: '{"submissionId":"x"}' }) },
  ];

  it('refuses a request from another origin, and sends no Access-Control-Allow-Origin', async () => {
    for (const e of emulators()) {
      const answer = await fetch(e.url, { method: e.method ?? 'POST', headers: { ...e.headers, origin: EVIL }, body: e.body });
      labelled(e.name, () => expect(answer.status).toBe(403));
      labelled(e.name, () => expect(answer.headers.get('access-control-allow-origin')).toBeNull());
      const preflight = await fetch(e.url, { method: 'OPTIONS', headers: { origin: EVIL, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } });
      labelled(`${e.name} preflight`, () => expect(preflight.status).toBe(403));
      labelled(`${e.name} preflight`, () => expect(preflight.headers.get('access-control-allow-origin')).toBeNull());
    }
  });

  it('refuses a request without credentials, or with another access key in Authorization', async () => {
    for (const e of emulators()) {
      const unsigned = await fetch(e.url, { method: e.method ?? 'POST', headers: e.headers, body: e.body });
      labelled(`${e.name} unsigned`, () => expect(unsigned.status).toBe(403));
      const authorization = 'AWS4-HMAC-SHA256 Credential=AKIAEVIL/20250101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=' + '0'.repeat(64);
      const bogus = await fetch(e.url, { method: e.method ?? 'POST', headers: { ...e.headers, authorization }, body: e.body });
      labelled(`${e.name} bogus key`, () => expect(bogus.status).toBe(403));
    }
    await expect(createS3Client(stack.endpoints.s3).send(new HeadObjectCommand({ Bucket: stack.names.siteBucket, Key: 'evil.html' }))).rejects.toMatchObject({ name: 'NotFound' });
    const sfn = sfnClient(stack);
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: stack.names.stateMachineArn }));
    expect(executions?.map((x) => x.name)).not.toContain('evil');
  });

  it('refuses a cross-origin HTML form posting into the site bucket', async () => {
    const form = new FormData();
    form.set('key', 'index.html');
    form.set('Content-Type', 'text/html');
    form.set('file', new Blob(['<h1>defaced</h1>']), 'index.html');
    for (const headers of [{ origin: EVIL }, {}] as Record<string, string>[]) {
      const answer = await fetch(`${stack.endpoints.s3}/${stack.names.siteBucket}`, { method: 'POST', headers, body: form });
      expect(answer.status).toBe(403);
    }
    expect(await (await fetch(`${stack.url}/`)).text()).not.toContain('defaced');
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    for (const url of [stack.endpoints.dynamodb, stack.endpoints.s3, stack.endpoints.sfn]) {
      expect(await withHost(url, `evil.example:${new URL(url).port}`)).toBe(403);
    }
  });

  it('refuses the AWS CLI with another access key, or the local key with another secret', async () => {
    const wrong = [{ id: 'AKIAEVIL', secret: 'S3RVER' }, { id: 'S3RVER', secret: 'guessed' }];
    for (const keys of wrong) {
      await expect(aws(stack.endpoints.dynamodb, keys, 'dynamodb', 'scan', '--table-name', 'circulate')).rejects.toThrow(/UnrecognizedClientException|InvalidSignatureException/);
      await expect(aws(stack.endpoints.s3, keys, 's3', 'ls', `s3://${stack.names.intakeBucket}`, '--recursive')).rejects.toThrow(/InvalidAccessKeyId|SignatureDoesNotMatch/);
      await expect(aws(stack.endpoints.sfn, keys, 'stepfunctions', 'list-executions', '--state-machine-arn', stack.names.stateMachineArn)).rejects.toThrow(/UnrecognizedClientException|InvalidSignatureException/);
    }
    expect(JSON.parse(await aws(stack.endpoints.dynamodb, good, 'dynamodb', 'scan', '--table-name', 'circulate', '--max-items', '1'))).toHaveProperty('Items');
  });

  it('refuses a signed request for a key outside its bucket, and writes nothing there', async () => {
    const name = `escaped-${Date.now()}.html`;
    await expect(createS3Client(stack.endpoints.s3).send(new PutObjectCommand({ Bucket: stack.names.siteBucket, Key: `../../${name}`, Body: 'x' }))).rejects.toThrow();
    for (let up = 0; up <= 4; up++) expect(existsSync(resolve(stack.dataDir, 's3', stack.names.siteBucket, '../'.repeat(up), name))).toBe(false);
  });

  describe('a presigned upload', () => {
    const cover = () => {
      const upload = uploads[0]!;
      return { upload, bytes: files.find((f) => f.name === upload.name)!.bytes };
    };

    it('is refused for another key, a changed signature, another content type, or from another origin', async () => {
      const { upload, bytes } = cover();
      const tries = [
        { label: 'another key', url: upload.url.replace(/\/1-cover\.en\?/, '/2-annex.en?'), headers: upload.headers },
        { label: 'into the site bucket', url: upload.url.replace(stack.names.intakeBucket, stack.names.siteBucket), headers: upload.headers },
        { label: 'changed signature', url: upload.url.replace(/X-Amz-Signature=([0-9a-f])/, (_m, c: string) => `X-Amz-Signature=${c === '0' ? '1' : '0'}`), headers: upload.headers },
        { label: 'longer expiry', url: upload.url.replace(/X-Amz-Expires=\d+/, 'X-Amz-Expires=604800'), headers: upload.headers },
        { label: 'another content type', url: upload.url, headers: { 'content-type': 'text/html' } },
        { label: 'another origin', url: upload.url, headers: { ...upload.headers, origin: EVIL } },
      ];
      for (const t of tries) {
        const answer = await fetch(t.url, { method: 'PUT', headers: t.headers, body: bytes });
        labelled(t.label, () => expect(answer.status).toBe(403));
      }
      const longer = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: Buffer.concat([Buffer.from(bytes), Buffer.from('x')]) });
      expect(longer.status).toBe(403);
    });

    it('works from the site’s origin, which alone gets CORS headers, and never `*`', async () => {
      const { upload, bytes } = cover();
      const preflight = await fetch(upload.url, { method: 'OPTIONS', headers: { origin: stack.url, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' } });
      expect(preflight.status).toBe(200);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(stack.url);
      const put = await fetch(upload.url, { method: 'PUT', headers: { ...upload.headers, origin: stack.url }, body: bytes });
      expect(put.status).toBe(200);
      expect(put.headers.get('access-control-allow-origin')).toBe(stack.url);
    });
  });
});
