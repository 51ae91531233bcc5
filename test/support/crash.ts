import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { expect } from '@jest/globals';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createStore, indexStamp } from '#shared/adapters/store';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDB } from '../../infra/local/emulators';
import { freePort } from '../../infra/local/ports';
import { createS3Client } from '../../infra/local/s3-client';
import { api, EXAMPLE, type TestStack } from '../e2e/helpers';
import { loadSubmission } from '../../cli/metadata';
import { sha256, utf8 } from './files';

/**
 * What the SIGKILL rounds (test/e2e/crash-*.test.ts, crash-rounds.long.ts) share: submitting with
 * control over each upload, choosing the kill moment from the statuses, looking at the data left by
 * the kill with the stack dead, and the checks made once the restarted stack has settled.
 */

export const SERIES = 'A/HRC/47/G';
export const IN_WORKFLOW = ['RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED'] as const;

export interface Upload { name: string; method: string; url: string; headers: Record<string, string> }
export interface Created { id: string; uploads: { upload: Upload; bytes: Uint8Array<ArrayBuffer> }[] }

interface Listed { id: string; status: string; symbol: string | null }
interface Viewed extends Listed { history: { status: string }[] }

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** POSTs a submission of `parts` plain-text files (cover, annex, annex-2…) of its own, without uploading them. */
export async function create(stack: TestStack, n: number, parts = 3): Promise<Created> {
  const { body } = await loadSubmission(EXAMPLE);
  const files = Array.from({ length: parts }, (_, i) => {
    const part = i === 0 ? 'cover' : i === 1 ? 'annex' : `annex-${i}`;
    const bytes = utf8(`Submission ${n}, ${part}: the text of the ${part}.\n`);
    return { name: `${part}.txt`, part, language: 'en', contentType: 'text/plain', size: bytes.length, sha256: sha256(bytes), bytes };
  });
  const declared = files.map(({ bytes: _bytes, ...f }) => f);
  const created = await api(stack, '/submissions', { method: 'POST', body: JSON.stringify({ ...body, files: declared }), headers: { 'content-type': 'application/json' } });
  if (created.status !== 201) throw new Error(`POST /submissions answered ${created.status}: ${created.text}`);
  const answer = created.json as { id: string; uploads: Upload[] };
  return { id: answer.id, uploads: answer.uploads.map((upload) => ({ upload, bytes: files.find((f) => f.name === upload.name)!.bytes })) };
}

/** PUTs one file to its presigned URL; true once S3 said 200 (a kill during the PUT makes it throw or fail). */
export async function put({ upload, bytes }: Created['uploads'][number]): Promise<boolean> {
  try {
    const res = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: bytes });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * PUTs `uploads` in order, `lanes` at a time, until `stop()` is called: `acked` holds those whose
 * PUT was answered 200, `started()` how many were begun, `done` resolves once every lane is idle.
 */
export function putInLanes(uploads: readonly Created['uploads'][number][], lanes: number) {
  const acked = new Set<Created['uploads'][number]>();
  let next = 0;
  let stopped = false;
  const done = Promise.all(Array.from({ length: lanes }, async () => {
    while (next < uploads.length && !stopped) {
      const u = uploads[next++]!;
      if (await put(u)) acked.add(u);
    }
  }));
  return { acked, done, started: () => next, stop: () => void (stopped = true) };
}

/** Every submission, through the list API (all pages). */
export async function listAll(stack: TestStack): Promise<Listed[]> {
  const items: Listed[] = [];
  let cursor: string | null = null;
  do {
    const { status, json, text } = await api(stack, `/submissions?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (status !== 200) throw new Error(`GET /submissions answered ${status}: ${text}`);
    const page = json as { items: Listed[]; cursor: string | null };
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

export function countBy(statuses: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
}

/** Polls the statuses of `ids` until `ready` says so (or `timeoutMs` passes); returns the last counts. */
export async function waitForMoment(stack: TestStack, ids: readonly string[], ready: (c: Record<string, number>) => boolean, timeoutMs = 30_000) {
  const wanted = new Set(ids);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = countBy((await listAll(stack)).filter((i) => wanted.has(i.id)).map((i) => i.status));
    if (ready(counts) || Date.now() > deadline) return counts;
    await sleep(10);
  }
}

export interface AtKill {
  /** status → how many, from the items. */
  statuses: Record<string, number>;
  /** Unfinished submissions the status index does not hold under their status. */
  torn: number;
  /** Symbols whose document folder is on the site while their submission is not PUBLISHED. */
  publicNotPublished: string[];
}

/** With the stack dead: what the kill left, read from its data folder (the table through dynalite, the site bucket from disk). */
export async function afterKill(dataDir: string): Promise<AtKill> {
  const db = await startDynamoDB(dataDir, await freePort(), 'circulate');
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: db.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  try {
    const items: { status: string; symbol?: string }[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new ScanCommand({ TableName: 'circulate', FilterExpression: 'sk = :sub', ExpressionAttributeValues: { ':sub': 'SUB' }, ExclusiveStartKey: start, ConsistentRead: true }));
      items.push(...((page.Items ?? []) as { status: string; symbol?: string }[]));
      start = page.LastEvaluatedKey;
    } while (start);
    const store = createStore(doc, 'circulate');
    const { records } = await store.scanUnfinishedSubmissions();
    const indexed = await store.indexedUnfinished();
    const published = new Set(items.filter((i) => i.status === 'PUBLISHED').map((i) => i.symbol));
    const folders = await readdir(join(dataDir, 's3', 'circulate-site', ...SERIES.split('/'))).catch(() => [] as string[]);
    return {
      statuses: countBy(items.map((i) => i.status)),
      torn: records.filter((r) => indexed.get(r.id) !== indexStamp(r)).length,
      publicNotPublished: folders.map((n) => `${SERIES}/${n}`).filter((s) => !published.has(s)),
    };
  } finally {
    doc.destroy();
    await db.close();
  }
}

async function listKeys(stack: TestStack, bucket: string): Promise<string[]> {
  const s3 = createS3Client(stack.endpoints.s3);
  try {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
      keys.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.NextContinuationToken;
    } while (token);
    return keys;
  } finally {
    s3.destroy();
  }
}

async function viewOf(stack: TestStack, id: string, timeoutMs: number): Promise<Viewed> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { status, json, text } = await api(stack, `/submissions/${id}`);
    if (status !== 200) throw new Error(`GET /submissions/${id} answered ${status}: ${text}`);
    const view = json as Viewed;
    if (view.status === 'PUBLISHED' || view.status === 'FAILED' || Date.now() > deadline) return view;
    await sleep(100);
  }
}

const numberOf = (symbol: string) => Number(symbol.slice(SERIES.length + 1));

/**
 * The promises a restart keeps, once it settled: every one of `complete` (all its files in)
 * PUBLISHED with one PUBLISHED in its history; the others still AWAITING_UPLOAD without a symbol;
 * nothing FAILED or left in the workflow; symbols 1..n, once each, in the session's catalogue too;
 * nothing public for a symbol whose submission is not PUBLISHED; every PUBLISHED one issued whole,
 * its PDF on the site as its record says (Typeset and Publish resumed, not skipped); no object in
 * the intake bucket but a live submission's, no document folder on the site but a PUBLISHED one's.
 */
export async function expectSettled(stack: TestStack, complete: readonly string[], incomplete: readonly string[] = [], timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const views: Viewed[] = [];
  // A few at a time: 1,000 polls at once would only compete with the stack for the CPU.
  for (let i = 0; i < complete.length; i += 20) {
    views.push(...(await Promise.all(complete.slice(i, i + 20).map((id) => viewOf(stack, id, Math.max(deadline - Date.now(), 0))))));
  }
  expect(countBy(views.map((v) => v.status))).toEqual({ PUBLISHED: complete.length });
  for (const v of views) expect({ id: v.id, published: v.history.filter((h) => h.status === 'PUBLISHED').length }).toEqual({ id: v.id, published: 1 });

  const all = await listAll(stack);
  const incompleteSet = new Set(incomplete);
  expect(all.map((i) => i.id).sort()).toEqual([...complete, ...incomplete].sort());
  for (const i of all.filter((s) => incompleteSet.has(s.id))) expect({ id: i.id, status: i.status, symbol: i.symbol }).toEqual({ id: i.id, status: 'AWAITING_UPLOAD', symbol: null });

  const symbols = views.map((v) => v.symbol!);
  expect(symbols.map(numberOf).sort((a, b) => a - b)).toEqual(Array.from({ length: complete.length }, (_, i) => i + 1));
  const catalogue = await fetch(new URL(`${SERIES.split('/').slice(0, 3).join('/')}/documents.json`, stack.url));
  expect(catalogue.status).toBe(200);
  const listed = ((await catalogue.json()) as { agendaItems: { documents: { symbol: string }[] }[] }).agendaItems.flatMap((a) => a.documents.map((d) => d.symbol));
  expect(listed.sort()).toEqual([...symbols].sort());

  // Issued whole: the original's PDF in the record, and on the site with the size the record says (a few checked when there are many).
  for (const symbol of symbols.filter((_, i) => i % Math.max(1, Math.floor(symbols.length / 30)) === 0)) {
    const { pdfs } = (await api(stack, `/documents/${symbol}`, { staff: false })).json as { pdfs?: Record<string, { url: string; size: number }> };
    expect({ symbol, pdf: Boolean(pdfs?.en) }).toEqual({ symbol, pdf: true });
    const pdf = await fetch(pdfs!.en!.url);
    expect({ symbol, status: pdf.status, size: (await pdf.arrayBuffer()).byteLength }).toEqual({ symbol, status: 200, size: pdfs!.en!.size });
  }

  // Nothing public for a symbol held by a submission that is not PUBLISHED (none should hold one here; checked all the same).
  for (const s of all.filter((i) => i.status !== 'PUBLISHED' && i.symbol)) {
    expect((await api(stack, `/documents/${s.symbol}`, { staff: false })).status).toBe(404);
    expect((await fetch(new URL(`${s.symbol}/`, stack.url))).status).toBe(404);
  }

  const live = new Set(all.map((i) => i.id));
  const intake = await listKeys(stack, stack.names.intakeBucket);
  const orphans = intake.filter((k) => {
    const m = /^(?:submissions|verified|texts|issued)\/([^/]+)\//.exec(k);
    return !m || !live.has(m[1]!);
  });
  expect(orphans).toEqual([]);
  const publishedSymbols = new Set(symbols);
  const folders = new Set((await listKeys(stack, stack.names.siteBucket))
    .filter((k) => k.startsWith(`${SERIES}/`))
    .map((k) => k.split('/').slice(0, 5).join('/')));
  expect([...folders].filter((f) => !publishedSymbols.has(f))).toEqual([]);
  expect(folders.size).toBe(complete.length);
}
