import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadSubmission } from '../../cli/metadata';
import { createS3Client } from '../../infra/local/s3-client';
import { EXAMPLE, api, startTestStack } from './helpers';
import { labelled } from '../support/expect';

type Stack = Awaited<ReturnType<typeof startTestStack>>;
type Body = Record<string, unknown> & { files: Record<string, unknown>[] };

let valid: Body;
const edit = (change: (b: Body) => void) => (): string => {
  const b: Body = structuredClone(valid);
  change(b);
  return JSON.stringify(b);
};
const file = (i: number, change: Record<string, unknown>) => edit((b) => Object.assign(b.files[i]!, change));
const field = (change: Record<string, unknown>) => edit((b) => Object.assign(b, change));

/** Each bad submission, what it is sent as, and what the answer must say (a field path or words of the message). */
const CORPUS: { name: string; body: () => string; contentType?: string; status?: number; says: string }[] = [
  { name: 'an unknown field', body: field({ priority: 'urgent' }), says: 'priority' },
  { name: 'an unknown field in a file', body: file(0, { path: 'x' }), says: 'files[0].path' },
  { name: 'a session as a string', body: field({ session: '47' }), says: 'session' },
  { name: 'a session out of the body\'s range', body: field({ session: 9999 }), says: 'session' },
  { name: 'session 0', body: field({ session: 0 }), says: 'session' },
  { name: 'a fractional session', body: field({ session: 47.5 }), says: 'session' },
  { name: 'an agenda item the body does not have', body: field({ agendaItem: 99 }), says: 'agendaItem' },
  { name: 'an unknown body', body: field({ body: 'XYZ' }), says: 'body' },
  { name: 'a series not issued for the body', body: field({ series: 'Q' }), says: 'series' },
  { name: 'a kind the series does not take', body: field({ kind: 'report' }), says: 'kind' },
  { name: 'an original language outside the six', body: field({ originalLanguage: 'de' }), says: 'originalLanguage' },
  { name: 'a file language outside the six', body: file(1, { language: 'pt' }), says: 'files[1].language' },
  { name: 'an impossible date', body: field({ dated: '2021-02-30' }), says: 'dated' },
  { name: 'a date in the future', body: field({ dated: '2099-01-01' }), says: 'must not be in the future' },
  { name: 'a date written as words', body: field({ dated: '8 June 2021' }), says: 'dated' },
  { name: 'duplicate file names', body: file(1, { name: 'note-verbale.txt' }), says: 'duplicate file name' },
  { name: 'no cover', body: file(0, { part: 'annex-2' }), says: 'exactly one cover' },
  { name: 'two covers', body: file(1, { part: 'cover' }), says: 'exactly one cover' },
  { name: 'no files', body: field({ files: [] }), says: 'files' },
  { name: 'an empty file', body: file(0, { size: 0 }), says: 'files[0].size' },
  { name: 'a file over the size limit', body: file(1, { size: 200 * 1024 * 1024 }), says: 'the limit is' },
  { name: 'a malformed sha256', body: file(0, { sha256: 'abc123' }), says: 'files[0].sha256' },
  { name: 'an upper-case sha256', body: file(0, { sha256: 'A'.repeat(64) }), says: 'files[0].sha256' },
  { name: 'a content type that is not accepted', body: file(0, { contentType: 'application/x-msdownload' }), says: 'files[0].contentType' },
  { name: 'translate as a string', body: file(1, { translate: 'no' }), says: 'files[1].translate' },
  { name: 'a title over 1,000 characters', body: field({ title: 'T'.repeat(1001) }), says: 'at most 1000 characters' },
  { name: 'an empty title', body: field({ title: '   ' }), says: 'title' },
  { name: 'a file name with a path', body: file(0, { name: '../../etc/passwd' }), says: 'files[0].name' },
  { name: 'a file name with a control character', body: file(0, { name: 'note\u0007.txt' }), says: 'files[0].name' },
  { name: 'a file name disguised by a direction override', body: file(1, { name: 'annex\u202Etxt.exe' }), says: 'files[1].name' },
  { name: 'a sender with a newline and markup', body: field({ sender: 'Mission\n<script>alert(1)</script>' }), says: 'sender' },
  { name: 'a __proto__ key', body: () => JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"admin":true},'), says: '__proto__' },
  { name: 'a JSON array', body: () => '[]', says: 'submission' },
  { name: 'JSON null', body: () => 'null', says: 'submission' },
  { name: 'malformed JSON', body: () => '{"body": "HRC",', says: 'not valid JSON' },
  { name: 'a body that is not JSON at all', body: () => 'body=HRC&session=47', contentType: 'application/x-www-form-urlencoded', status: 415, says: 'application/json' },
  { name: 'JSON sent as text/plain', body: () => JSON.stringify(valid), contentType: 'text/plain', status: 415, says: 'application/json' },
  { name: 'a body over 1 MB', body: () => JSON.stringify({ ...valid, title: 'x'.repeat(1_100_000) }), status: 413, says: '1 MB' },
];

describe('bad submissions', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startTestStack();
    valid = (await loadSubmission(EXAMPLE)).body as unknown as Body;
  });
  afterAll(async () => stack?.cleanup());

  async function post(body: string, contentType = 'application/json') {
    return api(stack, '/submissions', { method: 'POST', headers: { 'content-type': contentType }, body });
  }

  async function traces() {
    const listed = (await api(stack, '/submissions')).json as { items: unknown[] };
    const s3 = createS3Client(stack.endpoints.s3);
    const objects = await s3.send(new ListObjectsV2Command({ Bucket: stack.names.intakeBucket }));
    return { submissions: listed.items.length, intakeObjects: objects.KeyCount ?? 0 };
  }

  it('has a corpus of at least 25 kinds of bad submission', () => expect(CORPUS.length).toBeGreaterThanOrEqual(25));

  it.each(CORPUS)('refuses $name with a 4xx that says what to fix', async ({ body, contentType, status, says }) => {
    const res = await post(body(), contentType);
    expect(res.status).toBe(status ?? 400);
    const error = (res.json as { error: { code: string; message: string; details?: unknown } }).error;
    expect(error.message.length).toBeGreaterThan(10);
    expect(JSON.stringify(error)).toContain(says);
  });

  it('keeps no trace of any of them: no submission recorded, no file in the intake bucket', async () => {
    expect(await traces()).toEqual({ submissions: 0, intakeObjects: 0 });
  });

  it('accepts the valid submission they were made from (so the corpus tests the mistakes, not the base)', async () => {
    const res = await post(JSON.stringify(valid));
    expect(res.status).toBe(201);
  });

  it('never answers 5xx to random JSON, nor to random changes of a valid submission', async () => {
    const randomJson = fc.jsonValue().map((v) => JSON.stringify(v));
    const mutated = fc.record({
      key: fc.constantFrom(...Object.keys(valid), 'files.0.size', 'files.1.name', 'files.0.sha256', 'files.1.part'),
      value: fc.jsonValue(),
    }).map(({ key, value }) => {
      const b = structuredClone(valid) as Record<string, unknown>;
      const [head, index, leaf] = key.split('.');
      if (leaf && Array.isArray(b[head!])) ((b[head!] as Record<string, unknown>[])[Number(index)]!)[leaf] = value;
      else b[head!] = value;
      return JSON.stringify(b);
    });
    await fc.assert(fc.asyncProperty(fc.oneof(randomJson, mutated, fc.string()), async (body) => {
      const res = await post(body);
      labelled(`${res.status} for ${body.slice(0, 200)}: ${res.text.slice(0, 200)}`, () => expect(res.status).toBeLessThan(500));
    }), { numRuns: 300 });
  });
});
