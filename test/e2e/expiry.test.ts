import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createS3Client } from '../../infra/local/s3-client';
import { utf8 } from '../support/files';
import { api, startTestStack, submit, submitFiles, type TestFile } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

const EXPIRY_MS = 2_000;

const files = (uploadAnnex: boolean): TestFile[] => [
  { name: 'note-verbale.txt', part: 'cover', contentType: 'text/plain', bytes: utf8('Note verbale\n') },
  { name: 'annex.txt', part: 'annex', contentType: 'text/plain', bytes: utf8('Annex\n'), ...(uploadAnnex ? {} : { upload: null }) },
];

async function intake(stack: Stack, id: string) {
  const listed = await createS3Client(stack.endpoints.s3).send(new ListObjectsV2Command({ Bucket: stack.names.intakeBucket, Prefix: `submissions/${id}/` }));
  return (listed.Contents ?? []).map((o) => o.Key);
}

async function status(stack: Stack, id: string) {
  return (await api(stack, `/submissions/${id}`)).status;
}

async function waitUntilGone(stack: Stack, ids: string[]) {
  const deadline = Date.now() + EXPIRY_MS + 10_000;
  for (const id of ids) {
    while ((await status(stack, id)) !== 404) {
      if (Date.now() > deadline) throw new Error(`Submission ${id} did not expire`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('submissions whose files never arrive', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Register never finishes, so a submission whose files all came stays AWAITING_UPLOAD with its
    // workflow started: what a sweep could meet between receive and Register. (One stack per file:
    // the handlers' clients keep the endpoints of the first.)
    stack = await startTestStack({ uploadExpiryMs: EXPIRY_MS, expirySweepMs: 200, faults: { Register: { hang: true } } });
  });
  afterAll(async () => stack?.cleanup());

  it('expire with whatever of them was uploaded and leave nothing, while one whose files all came stays', async () => {
    const started = await submit(stack);
    const nothingUploaded = await submitFiles(stack, files(false).map((f) => ({ ...f, upload: null })));
    const halfUploaded = await submitFiles(stack, files(false));

    // Before the deadline they are there, waiting.
    expect(await status(stack, nothingUploaded)).toBe(200);
    expect(await status(stack, halfUploaded)).toBe(200);
    expect(await intake(stack, halfUploaded)).toEqual([`submissions/${halfUploaded}/1-cover.en`]);

    await waitUntilGone(stack, [nothingUploaded, halfUploaded]);
    expect(await intake(stack, nothingUploaded)).toEqual([]);
    expect(await intake(stack, halfUploaded)).toEqual([]);
    const listed = (await api(stack, '/submissions')).json as { items: { id: string }[] };
    expect(listed.items.map((i) => i.id)).toEqual([started]);

    // Past the deadline too, through the same sweeps and more: its record and files stay for its workflow.
    await new Promise((r) => setTimeout(r, 500));
    expect((await api(stack, `/submissions/${started}`)).json).toMatchObject({ status: 'AWAITING_UPLOAD' });
    expect(await intake(stack, started)).toHaveLength(2);
  });
});
