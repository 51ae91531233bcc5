import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { loadSubmission } from '../../cli/metadata';
import { labelled } from '../support/expect';
import { EXAMPLE, api, circulate, sfnClient, startTestStack, submit, waitForFinalStatus } from './helpers';

/**
 * Faults on purpose (test/support/faults.ts): transient ones on the wire, which the SDK's retries
 * and the ASL's must absorb; a permanent one in a step, which ends FAILED with its reason and is
 * redriven; a step that hangs, which Lambda's timeout ends and the workflow's Retry runs again.
 */
type Stack = Awaited<ReturnType<typeof startTestStack>>;
const executionArn = (name: string) => `arn:aws:states:us-east-1:000000000000:execution:circulate:${name}`;

/**
 * POST and presigned PUTs as a client that retries a 5xx should (S3 asks for it): the test's own
 * requests go through the same faulty guards as the handlers'. Five copies of the example, each
 * said to be a different document (a retried POST whose first answer was lost would otherwise be
 * refused as a duplicate of itself, which is what the refusal is for).
 */
async function submitRetrying(stack: Stack): Promise<string> {
  const loaded = await loadSubmission(EXAMPLE);
  const created = await retry5xx(() => api(stack, '/submissions', { method: 'POST', body: JSON.stringify({ ...loaded.body, allowDuplicate: true }), headers: { 'content-type': 'application/json' } }));
  if (created.status !== 201) throw new Error(`POST /submissions answered ${created.status}: ${created.text}`);
  const answer = created.json as { id: string; uploads: { name: string; method: string; url: string; headers: Record<string, string> }[] };
  for (const upload of answer.uploads) {
    const file = loaded.files.find((f) => f.name === upload.name)!;
    const put = await retry5xx(async () => {
      const res = await fetch(upload.url, { method: upload.method, headers: upload.headers, body: file.bytes });
      return { status: res.status, text: await res.text() };
    });
    if (put.status !== 200) throw new Error(`Upload of ${upload.name} answered ${put.status}: ${put.text}`);
  }
  return answer.id;
}

async function retry5xx<T extends { status: number }>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const answer = await send();
    if (answer.status < 500 || attempt === 5) return answer;
    await new Promise((r) => setTimeout(r, 50 * attempt));
  }
}

describe('transient faults: DynamoDB throttling and 500s, S3 500s and slow answers', () => {
  let stack: Stack;
  beforeAll(async () => {
    // About a quarter of DynamoDB requests fail (every 6th throttled, every 9th of the rest a 500)
    // and one S3 request in 10: more than the SDK's own attempts absorb, so some steps fail with
    // the SDK's error names, which the ASL retries (TRANSIENT_ERRORS; docs/operating.md).
    stack = await startTestStack({
      faults: {
        dynamodb: { throttle: { every: 6, times: 60 }, status500: { every: 9, times: 40 } },
        s3: { status500: { every: 10, times: 25 }, slow: { every: 3, ms: 200, times: 40 } },
      },
    });
  });
  afterAll(async () => stack?.cleanup());

  it('are absorbed by the retries: five concurrent submissions all end PUBLISHED, numbered 1 to 5', async () => {
    const before = await stack.faultCounts();
    const ids = await Promise.all(Array.from({ length: 5 }, () => submitRetrying(stack)));
    const records = await Promise.all(ids.map((id) => waitForFinalStatus(stack, id, 45_000)));
    for (const record of records) labelled(`submission ${String(record.id)}: ${JSON.stringify(record.error)}`, () => expect(record.status).toBe('PUBLISHED'));
    expect(records.map((r) => r.symbol).sort()).toEqual([1, 2, 3, 4, 5].map((n) => `A/HRC/47/G/${n}`));

    // The faults fired while these ran, each kind of them.
    const after = await stack.faultCounts();
    console.log(`faults: ${JSON.stringify(after)}`);
    labelled(JSON.stringify(after), () => {
      expect(after.dynamodb.throttle).toBeGreaterThan(before.dynamodb.throttle);
      expect(after.dynamodb.status500).toBeGreaterThan(before.dynamodb.status500);
      expect(after.s3.status500).toBeGreaterThan(before.s3.status500);
      expect(after.s3.slow).toBeGreaterThan(before.s3.slow);
    });
    // The published documents are whole: each answers in the public API, with its session page listing it.
    const session = await (await fetch(`${stack.url}/A/HRC/47/`)).text();
    for (const record of records) {
      expect((await retry5xx(() => api(stack, `/documents/${String(record.symbol)}`, { staff: false }))).status).toBe(200);
      expect(session).toContain(String(record.symbol));
    }
  }, 60_000);
});

describe('a permanent fault in a step', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startTestStack({ faults: { TagTranslationStatus: { reject: { name: 'RegistryUnavailable', message: 'the language registry could not be read' }, times: 1 } } });
  });
  afterAll(async () => stack?.cleanup());

  it('ends FAILED with its reason, and a redrive once it is gone publishes it under the same symbol', async () => {
    const id = await submit(stack);
    const failed = await waitForFinalStatus(stack, id);
    expect(failed).toMatchObject({ status: 'FAILED', symbol: 'A/HRC/47/G/1', error: { code: 'RegistryUnavailable', message: 'the language registry could not be read' } });

    const redriven = await circulate(stack, 'admin', 'redrive', id);
    expect(redriven.stderr).toBe('');
    expect(redriven.code).toBe(0);
    expect(redriven.stdout).toContain(`redriven: ${id} (A/HRC/47/G/1), back at SYMBOL_ASSIGNED`);
    const published = await waitForFinalStatus(stack, id);
    expect(published).toMatchObject({ status: 'PUBLISHED', symbol: 'A/HRC/47/G/1', error: null });
    expect((published.history as { status: string }[]).map((h) => h.status)).toEqual(['AWAITING_UPLOAD', 'RECEIVED', 'SYMBOL_ASSIGNED', 'FAILED', 'SYMBOL_ASSIGNED', 'TAGGED', 'PUBLISHED']);
    expect((await api(stack, '/documents/A/HRC/47/G/1', { staff: false })).status).toBe(200);
  });
});

describe('a step that hangs', () => {
  const TIMEOUT_MS = 3_000;
  let stack: Stack;
  beforeAll(async () => {
    stack = await startTestStack({ functionTimeoutMs: TIMEOUT_MS, faults: { Publish: { hang: true, times: 1 } } });
  });
  afterAll(async () => stack?.cleanup());

  /**
   * Lambda ends it at its timeout (Sandbox.Timedout), which the ASL retries like every transient
   * fault (every step is idempotent): the second Publish finishes it, with no FAILED on the way.
   */
  it('is timed out as Lambda times it out and run again, and ends PUBLISHED unaided', async () => {
    const id = await submit(stack);
    const started = Date.now();
    const published = await waitForFinalStatus(stack, id, TIMEOUT_MS + 20_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 500);
    expect(published).toMatchObject({ status: 'PUBLISHED', symbol: 'A/HRC/47/G/1', error: null });
    expect((published.history as { status: string }[]).map((h) => h.status)).toEqual(['AWAITING_UPLOAD', 'RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED', 'PUBLISHED']);

    // Publish ran twice: the timed-out one, and its retry.
    const history = await sfnClient(stack).send(new GetExecutionHistoryCommand({ executionArn: executionArn(id), maxResults: 1000 }));
    const publishes = (history.events ?? []).filter((e) => e.type === 'TaskScheduled' && e.taskScheduledEventDetails?.parameters?.includes('circulate-publish'));
    expect(publishes).toHaveLength(2);
    expect((history.events ?? []).some((e) => e.type === 'TaskTimedOut' || e.taskFailedEventDetails?.error === 'Sandbox.Timedout')).toBe(true);
  });
});
