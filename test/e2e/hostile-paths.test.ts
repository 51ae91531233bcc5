import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { labelled } from '../support/expect';
import { api, startTestStack, submit, type TestStack } from './helpers';

/** A raw HTTP request: fetch() would normalise `..` and `\` before sending. */
function raw(url: string, method: string, path: string, body?: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolveAnswer, reject) => {
    const req = request({ hostname, port, method, path, headers: body === undefined ? {} : { 'content-type': 'text/html', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolveAnswer({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the public port against hostile paths', () => {
  let stack: TestStack;
  let id: string;
  let cover: string;
  const marker = `hostile-${Date.now()}`;

  beforeAll(async () => {
    stack = await startTestStack();
    id = await submit(stack);
    await stack.idle();
    const intake = (await filesUnder(join(stack.dataDir, 's3', stack.names.intakeBucket))).find((f) => f.includes(`${id}/1-cover.en`) && !f.includes('metadata'));
    if (!intake) throw new Error('the cover was not stored in the intake bucket');
    cover = (await readFile(intake, 'utf8')).slice(0, 40);
  });
  afterAll(async () => stack?.cleanup());

  const intakeKey = () => `circulate-intake/submissions/${id}/1-cover.en`;
  const hostile = () => [
    `/..%2F${intakeKey().replaceAll('/', '%2F')}`,
    `/..%2f${intakeKey()}`,
    `/%2e%2e/${intakeKey()}`,
    `/%2E%2E%2F${intakeKey()}`,
    `/../${intakeKey()}`,
    `/A/../../${intakeKey()}`,
    `/..%252F${intakeKey()}`,
    `/%252e%252e%252f${intakeKey()}`,
    `/..%5C${intakeKey()}`,
    `/..\\${intakeKey().replaceAll('/', '\\')}`,
    `/%c0%ae%c0%ae/${intakeKey()}`,
    `/%c0%af${intakeKey()}`,
    `/%e0%80%ae%e0%80%ae/${intakeKey()}`,
    '/%00',
    '/index.html%00.txt',
    '/%0d%0aSet-Cookie:%20x=1',
    '/%7f',
    '/%',
    '/%zz',
    `//${intakeKey()}`,
    `/./../${intakeKey()}`,
  ];

  it('answers each with 400 or 404, never a 5xx, and never with an intake file', async () => {
    for (const path of hostile()) {
      for (const method of ['GET', 'HEAD']) {
        const answer = await raw(stack.url, method, path);
        labelled(`${method} ${path}`, () => expect([400, 404]).toContain(answer.status));
        labelled(`${method} ${path}`, () => expect(answer.text).not.toContain(cover));
      }
    }
  });

  it('says what is wrong in plain words', async () => {
    const answer = await raw(stack.url, 'GET', '/..%2Fcirculate-intake');
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/encoded slash/);
  });

  it('still serves the site, and the API', async () => {
    expect((await raw(stack.url, 'GET', '/A/HRC/47/G/1/')).status).toBe(200);
    expect((await api(stack, `/submissions/${id}`)).status).toBe(200);
    expect((await raw(stack.url, 'GET', '/api/documents/%c0%ae')).status).toBe(400);
  });

  it('writes nothing through the site: no PUT, POST or DELETE reaches a bucket, inside the data folder or out of it', async () => {
    const before = await filesUnder(stack.dataDir);
    const paths = [`/${marker}.html`, `/..%2F..%2F..%2F${marker}.html`, `/../../../${marker}.html`, `/%2e%2e/%2e%2e/%2e%2e/${marker}.html`, `/..%5C..%5C${marker}.html`, `/${marker}/..%2F..%2F..%2F..%2F..%2F${marker}.html`];
    for (const path of paths) {
      for (const method of ['PUT', 'POST', 'DELETE']) {
        const answer = await raw(stack.url, method, path, '<script>alert(1)</script>');
        labelled(`${method} ${path}`, () => expect([400, 404, 405]).toContain(answer.status));
      }
    }
    expect((await raw(stack.url, 'DELETE', '/index.html')).status).toBe(405);
    expect((await raw(stack.url, 'GET', '/')).status).toBe(200);
    expect(await filesUnder(stack.dataDir)).toEqual(before);
    const site = join(stack.dataDir, 's3', stack.names.siteBucket);
    for (let up = 0; up <= 6; up++) {
      const outside = resolve(site, '../'.repeat(up), `${marker}.html`);
      labelled(outside, () => expect(existsSync(outside)).toBe(false));
    }
    expect((await readdir(dirname(stack.dataDir))).filter((name) => name.includes(marker))).toEqual([]);
  });
});
