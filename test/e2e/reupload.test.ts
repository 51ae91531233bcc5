import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadSubmission } from '../../cli/metadata';
import { sha256, utf8 } from '../support/files';
import { EXAMPLE, api, startTestStack, waitForFinalStatus, sfnClient } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const ANNEX = utf8('Annex: statement of the Ministry of Foreign Affairs.\n');
// Other bytes of the same length: the presigned URL is signed for the declared Content-Length, so
// only a same-size replacement gets past S3 (and the local stack's guard) at all.
const REPLACED = utf8('Annex: statement of the Ministry of Foreign Affairz.\n');
const REPLACED_AGAIN = utf8('Annex: STATEMENT of the Ministry of Foreign Affairs.\n');
const COVER = utf8('The Permanent Mission of Azerbaijan presents its compliments to the Office of the High Commissioner.\n');
/** Long enough to PUT again while a step waits for its retry, short enough for a test. */
const RETRY_WAIT_MS = 2_500;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The presigned PUT URLs stay valid for an hour: a file sent again to its URL after receive verified
 * it must change nothing that is published. Register and Publish each fail once with an error the
 * workflow retries, which holds the submission AWAITING_UPLOAD (after receive) and TAGGED (before
 * Publish) long enough to PUT other bytes to the annex's URL at each moment.
 */
describe('a file sent again after receive verified it', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startTestStack({
      retryWaitMs: RETRY_WAIT_MS,
      faults: {
        Register: { reject: { name: 'Lambda.ServiceException', message: 'Register held for the test' }, times: 1 },
        Publish: { reject: { name: 'InternalError', message: 'Publish held for the test (an S3 500, retried)' }, times: 1 },
      },
    });
  });
  afterAll(async () => stack?.cleanup());

  it('is not what gets published: the site serves the verified bytes, and the document is PUBLISHED', async () => {
    expect([REPLACED.length, REPLACED_AGAIN.length]).toEqual([ANNEX.length, ANNEX.length]);
    const { body } = await loadSubmission(EXAMPLE);
    const files = [
      { name: 'note-verbale.txt', part: 'cover', language: 'en', contentType: 'text/plain', size: COVER.length, sha256: sha256(COVER) },
      { name: 'annex.txt', part: 'annex', language: 'en', contentType: 'text/plain', size: ANNEX.length, sha256: sha256(ANNEX) },
    ];
    const created = await api(stack, '/submissions', { method: 'POST', body: JSON.stringify({ ...body, files }), headers: { 'content-type': 'application/json' } });
    expect(created.status).toBe(201);
    const { id, uploads } = created.json as { id: string; uploads: { url: string; method: string; headers: Record<string, string> }[] };
    const put = async (i: number, bytes: Uint8Array<ArrayBuffer>) => {
      const res = await fetch(uploads[i]!.url, { method: uploads[i]!.method, headers: uploads[i]!.headers, body: bytes });
      expect(res.status).toBe(200);
    };
    const status = async () => ((await api(stack, `/submissions/${id}`)).json as { status: string }).status;
    await put(0, COVER);
    await put(1, ANNEX);

    // receive verified both files and started the workflow; Register has not yet moved the submission on.
    const sfn = sfnClient(stack);
    await until('the execution receive starts', async () =>
      ((await sfn.send(new ListExecutionsCommand({ stateMachineArn: stack.names.stateMachineArn }))).executions ?? []).find((e) => e.name === id));
    expect(await status()).toBe('AWAITING_UPLOAD');
    await put(1, REPLACED);

    // Numbered and tagged, Publish waiting for its retry: the upload is replaced once more.
    await until('TAGGED', async () => ((await status()) === 'TAGGED' ? true : undefined));
    await put(1, REPLACED_AGAIN);

    const record = await waitForFinalStatus(stack, id);
    expect(record).toMatchObject({ status: 'PUBLISHED', symbol: 'A/HRC/47/G/1', error: null });
    const served = await fetch(`${stack.url}/A/HRC/47/G/1/annex.en.txt`);
    expect(served.status).toBe(200);
    const bytes = new Uint8Array(await served.arrayBuffer());
    expect(sha256(bytes)).toBe(files[1]!.sha256);
    expect(Buffer.from(bytes).toString('utf8')).toBe(Buffer.from(ANNEX).toString('utf8'));
    const document = (await api(stack, '/documents/A/HRC/47/G/1', { staff: false })).json as { files: { part: string; sha256: string }[] };
    expect(document.files.find((f) => f.part === 'annex')?.sha256).toBe(files[1]!.sha256);
  });
});
