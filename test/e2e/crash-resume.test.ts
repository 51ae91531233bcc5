import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from '@jest/globals';
import { createStore, indexStamp } from '#shared/adapters/store';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDB } from '../../infra/local/emulators';
import { freePort } from '../../infra/local/ports';
import { afterKill, expectSettled, waitForMoment } from '../support/crash';
import { api, startTestStack, submit, waitForFinalStatus, type TestStack } from './helpers';

const SUBMISSIONS = 30;
const IN_WORKFLOW = ['RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED'];

async function statuses(stack: TestStack): Promise<string[]> {
  const { json } = await api(stack, '/submissions?limit=100');
  return (json as { items: { status: string }[] }).items.map((i) => i.status);
}

/** With the stack dead, how many unfinished submissions its status index does not hold under their status (torn by the kill). */
async function tornBy(dataDir: string): Promise<{ unfinished: number; torn: number }> {
  const db = await startDynamoDB(dataDir, await freePort(), 'circulate');
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: db.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  try {
    const store = createStore(doc, 'circulate');
    const { records } = await store.scanUnfinishedSubmissions();
    const indexed = await store.indexedUnfinished();
    return { unfinished: records.length, torn: records.filter((r) => indexed.get(r.id) !== indexStamp(r)).length };
  } finally {
    doc.destroy();
    await db.close();
  }
}

describe('SIGKILL with thirty submissions in the workflow', () => {
  let stack: TestStack | undefined;
  afterAll(async () => stack?.cleanup());

  it('ends every one PUBLISHED exactly once after a restart, with symbols 1 to 30 and no gap', async () => {
    const first = await startTestStack();
    const ids = await Promise.all(Array.from({ length: SUBMISSIONS }, () => submit(first)));
    // Kill once the first is published, while several are between Register and Publish.
    for (let i = 0; i < 1000; i++) {
      const now = await statuses(first);
      const published = now.filter((s) => s === 'PUBLISHED').length;
      if ((published >= 1 && now.filter((s) => IN_WORKFLOW.includes(s)).length >= 5) || published >= SUBMISSIONS / 2) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const { dataDir, token } = first;
    const ports = first.ports();
    await first.kill();
    const found = await tornBy(dataDir);
    console.log(`crash-resume: killed with ${SUBMISSIONS - found.unfinished} published, ${found.unfinished} unfinished, ${found.torn} torn from the status index`);

    stack = await startTestStack({ dataDir, token, ports });
    const records = await Promise.all(ids.map((id) => waitForFinalStatus(stack!, id, 45_000)));
    expect(records.map((r) => r.status)).toEqual(ids.map(() => 'PUBLISHED'));
    for (const r of records) {
      expect((r.history as { status: string }[]).filter((h) => h.status === 'PUBLISHED')).toHaveLength(1);
    }
    const numbers = records.map((r) => Number(String(r.symbol).replace('A/HRC/47/G/', ''))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: SUBMISSIONS }, (_, i) => i + 1));
    // The session's list holds each once.
    const { json } = await api(stack, '/sessions/HRC/47/documents', { staff: false });
    const listed = (json as { agendaItems: { documents: { symbol: string }[] }[] }).agendaItems.flatMap((a) => a.documents.map((d) => d.symbol));
    expect(listed.sort()).toEqual(records.map((r) => String(r.symbol)).sort());
    // And the status index agrees with the items again: nothing left unfinished under any status.
    expect((await statuses(stack)).filter((s) => s !== 'PUBLISHED')).toEqual([]);
    const { json: unfinished } = await api(stack, '/submissions?status=RECEIVED');
    expect((unfinished as { items: unknown[] }).items).toEqual([]);
  }, 180_000);
});

describe('SIGKILL during publication, several TAGGED', () => {
  let again: TestStack | undefined;
  afterAll(async () => again?.cleanup());

  it('ends every one PUBLISHED once, gapless, with nothing public that is not PUBLISHED and no orphan object', async () => {
    const started = Date.now();
    const first = await startTestStack();
    const ids = await Promise.all(Array.from({ length: SUBMISSIONS }, () => submit(first)));
    const statuses = await waitForMoment(first, ids, (c) => ((c.TAGGED ?? 0) >= 4 && (c.PUBLISHED ?? 0) >= 1) || (c.PUBLISHED ?? 0) >= SUBMISSIONS / 2);
    const { dataDir, token } = first;
    const ports = first.ports();
    await first.kill();
    const atKill = await afterKill(dataDir);
    console.log(`crash-resume publication: killed at ${JSON.stringify(statuses)} (API), items ${JSON.stringify(atKill.statuses)}, ${atKill.torn} torn from the status index, public but not PUBLISHED: ${atKill.publicNotPublished.length}`);
    again = await startTestStack({ dataDir, token, ports });
    expect(statuses.TAGGED ?? 0).toBeGreaterThanOrEqual(4);
    await expectSettled(again, ids);
    console.log(`crash-resume publication: ${Date.now() - started} ms`);
  }, 180_000);
});
