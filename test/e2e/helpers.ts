import { execFile } from 'node:child_process';
import { SFNClient } from '@aws-sdk/client-sfn';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators';
import { promisify } from 'node:util';
import { loadSubmission } from '../../cli/metadata';
import { sha256 } from '../support/files';
import { startStackProcess, type TestStack } from '../support/stack';

const exec = promisify(execFile);

export const EXAMPLE = 'examples/A_HRC_47_G_10/metadata.json';

export { startStackProcess as startTestStack, type TestStack };
type EmbeddedStack = Pick<TestStack, 'apiUrl' | 'token'>;

export async function api(stack: EmbeddedStack, path: string, init: RequestInit & { staff?: boolean } = {}) {
  const headers = new Headers(init.headers);
  if (init.staff !== false) headers.set('authorization', `Bearer ${stack.token}`);
  const res = await fetch(`${stack.apiUrl}${path}`, { ...init, headers });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

/**
 * The tests send the example's cover note many times over to one stack, on purpose: each copy says
 * it is a different document (allowDuplicate), as staff would, unless the test says otherwise.
 */
const ON_PURPOSE = { allowDuplicate: true };

/**
 * Submits a metadata file as staff would: POST the submission, then PUT each file to its presigned URL.
 * `edit` may change the body, and declare files of its own whose bytes `files` gives by name.
 */
export async function submit(
  stack: EmbeddedStack, metadataFile = EXAMPLE, edit: (body: Record<string, unknown>) => void = () => undefined,
  files: readonly { name: string; bytes: Uint8Array<ArrayBuffer> }[] = [],
) {
  const loaded = await loadSubmission(metadataFile);
  const body: Record<string, unknown> = { ...loaded.body, ...ON_PURPOSE };
  edit(body);
  const created = await api(stack, '/submissions', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  if (created.status !== 201) throw new Error(`POST /submissions answered ${created.status}: ${created.text}`);
  const answer = created.json as { id: string; uploads: { name: string; method: string; url: string; headers: Record<string, string> }[] };
  for (const upload of answer.uploads) {
    const file = files.find((f) => f.name === upload.name) ?? loaded.files.find((f) => f.name === upload.name);
    if (!file) throw new Error(`No local file for upload ${upload.name}`);
    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: file.bytes });
    if (!put.ok) throw new Error(`Upload of ${upload.name} answered ${put.status}: ${await put.text()}`);
  }
  return answer.id;
}

export interface TestFile {
  name: string;
  part: string;
  contentType: string;
  /** The file: its declared size and sha256 are those of these bytes unless `declared` says otherwise. */
  bytes: Uint8Array<ArrayBuffer>;
  declared?: { size?: number; sha256?: string };
  /** What is PUT to the presigned URL (default: `bytes`); null: nothing is uploaded. */
  upload?: Uint8Array<ArrayBuffer> | null;
}

/** Submits the example's metadata with these files (in English) instead of its own. */
export async function submitFiles(stack: EmbeddedStack, files: readonly TestFile[]): Promise<string> {
  const { body } = await loadSubmission(EXAMPLE);
  const declared = files.map((f) => ({
    name: f.name, part: f.part, language: 'en', contentType: f.contentType,
    size: f.declared?.size ?? f.bytes.length, sha256: f.declared?.sha256 ?? sha256(f.bytes),
  }));
  const created = await api(stack, '/submissions', { method: 'POST', body: JSON.stringify({ ...body, ...ON_PURPOSE, files: declared }), headers: { 'content-type': 'application/json' } });
  if (created.status !== 201) throw new Error(`POST /submissions answered ${created.status}: ${created.text}`);
  const answer = created.json as Created;
  await putFiles(answer, files);
  return answer.id;
}

interface Created { id: string; uploads: { name: string; method: string; url: string; headers: Record<string, string> }[] }

/** PUTs each declared file to its presigned URL, in order (`upload` null: not uploaded). */
async function putFiles(answer: Created, files: readonly TestFile[]): Promise<void> {
  for (const [i, upload] of answer.uploads.entries()) {
    const bytes = files[i]!.upload === undefined ? files[i]!.bytes : files[i]!.upload;
    if (!bytes) continue;
    const put = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: bytes });
    if (!put.ok) throw new Error(`Upload of ${upload.name} answered ${put.status}: ${await put.text()}`);
  }
}

/**
 * Adds a translation of a published document as staff would (POST /api/translations/{symbol},
 * then its uploads); answers the route's status and body, the files uploaded only on a 201.
 */
export async function submitTranslation(
  stack: EmbeddedStack, symbol: string, input: { language: string; title: string; files: readonly TestFile[] },
) {
  const files = input.files.map((f) => ({ name: f.name, part: f.part, contentType: f.contentType, size: f.declared?.size ?? f.bytes.length, sha256: f.declared?.sha256 ?? sha256(f.bytes) }));
  const created = await api(stack, `/translations/${symbol}`, { method: 'POST', body: JSON.stringify({ language: input.language, title: input.title, files }), headers: { 'content-type': 'application/json' } });
  if (created.status === 201) await putFiles(created.json as Created, input.files);
  return created;
}

export async function waitForFinalStatus(stack: EmbeddedStack, id: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { json } = await api(stack, `/submissions/${id}`);
    const record = json as { status: string };
    if (record.status === 'PUBLISHED' || record.status === 'FAILED') return json as Record<string, unknown> & { status: string };
    if (Date.now() > deadline) throw new Error(`Submission ${id} still ${record.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs the `circulate` command as staff would, against the stack (stdout is a pipe, not a terminal). */
export async function circulate(stack: EmbeddedStack, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec('node', ['cli/bin.js', ...args], {
      env: { ...process.env, CIRCULATE_API: stack.apiUrl, CIRCULATE_TOKEN: stack.token },
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** A Step Functions client for the stack's local service, with the local stack's credentials (its guard refuses others). */
export function sfnClient(stack: Pick<TestStack, 'endpoints'>): SFNClient {
  return new SFNClient({ endpoint: stack.endpoints.sfn, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}
