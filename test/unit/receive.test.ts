import { describe, expect, it } from '@jest/globals';
import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { receiveKey, startWorkflow, type ReceiveDeps } from '../../functions/receive/receive';
import { verifiedKey } from '#shared/adapters/files';
import { FakeClock, FakeFiles, FakeStepFunctions, FakeSubmissionStore } from '../support/fakes';
import { elfExecutable } from '../support/files';
import type { SubmissionRecord } from '#shared/domain/schemas';
import { annex, coverNote, submissionIn, type TestUpload } from '../support/submissions';

function setup(status: Parameters<typeof submissionIn>[0] = 'AWAITING_UPLOAD', uploads: TestUpload[] = [coverNote(), annex()]) {
  const record = submissionIn(status, { at: '2021-06-18T07:00:00.000Z', uploads });
  const store = new FakeSubmissionStore(new FakeClock('2021-06-18T08:00:00.000Z')).seed(record);
  const files = new FakeFiles();
  const sfn = new FakeStepFunctions();
  const logged: Record<string, unknown>[] = [];
  const deps: ReceiveDeps = { store, files, sfn, stateMachineArn: sfn.stateMachineArn, log: (e) => logged.push(e) };
  const [cover, second] = record.submission.files.map((f) => f.key);
  /** Uploads the i-th declared file, or other bytes in its place. */
  const upload = (i: number, bytes = uploads[i]!.bytes) => {
    files.upload(record.submission.files[i]!.key, bytes);
    return { upload };
  };
  return { record, id: record.id, store, files, sfn, deps, logged, upload, keys: { cover: cover!, second: second! } };
}

describe('receive', () => {
  it('starts the workflow, named by the submission id, once every declared file is in and right', async () => {
    const t = setup();
    t.upload(0).upload(1);
    expect(await receiveKey(t.keys.second, t.deps)).toBe('started');
    expect(t.sfn.started).toEqual([t.id]);
    expect(t.sfn.inputs()).toEqual([{ submissionId: t.id }]);
  });

  it('starts a language version of a published document, which claims no cover (its document’s is claimed), allowDuplicate or not', async () => {
    const base = submissionIn('AWAITING_UPLOAD', { at: '2021-06-18T07:00:00.000Z', uploads: [coverNote()], set: { symbol: 'A/HRC/47/G/1', translation: { of: 'A/HRC/47/G/1', language: 'fr', kind: 'translation' } } });
    const record: SubmissionRecord = { ...base, submission: { ...base.submission, allowDuplicate: false, files: base.submission.files.map((f) => ({ ...f, language: 'fr' as const })) } };
    const store = new FakeSubmissionStore(new FakeClock('2021-06-18T08:00:00.000Z')).seed(record);
    const files = new FakeFiles().upload(record.submission.files[0]!.key, coverNote().bytes);
    const sfn = new FakeStepFunctions();
    expect(await receiveKey(record.submission.files[0]!.key, { store, files, sfn, stateMachineArn: sfn.stateMachineArn, log: () => undefined })).toBe('started');
    expect(sfn.started).toEqual([record.id]);
  });

  it('leaves the submission AWAITING_UPLOAD when it starts the workflow: Register moves it on', async () => {
    const t = setup();
    t.upload(0).upload(1);
    await receiveKey(t.keys.cover, t.deps);
    expect(t.store.peek(t.id)).toEqual(t.record);
  });

  it('keeps a copy of exactly the bytes it verified, before it starts the workflow', async () => {
    const t = setup();
    t.upload(0).upload(1);
    let keptAtStart: (Uint8Array | undefined)[] = [];
    const send = t.sfn.send.bind(t.sfn);
    t.deps.sfn = { send: async (c) => { keptAtStart = t.record.submission.files.map((f) => t.files.objects.get(verifiedKey(f))); return send(c); } };
    expect(await receiveKey(t.keys.second, t.deps)).toBe('started');
    expect(keptAtStart).toEqual([coverNote().bytes, annex().bytes]);
  });

  it('ignores other bytes PUT to a presigned URL once the file is verified: the kept copy stays, nothing is refused', async () => {
    const t = setup();
    t.upload(0).upload(1);
    await receiveKey(t.keys.second, t.deps);
    t.upload(1, new TextEncoder().encode('Other\n'));
    expect(await receiveKey(t.keys.second, t.deps)).toBe('started');
    expect(t.store.peek(t.id)).toEqual(t.record);
    expect(t.files.objects.get(verifiedKey(t.record.submission.files[1]!))).toEqual(annex().bytes);
    expect(t.sfn.started).toEqual([t.id]);
  });

  it('keeps the bytes it read, not what a PUT landing after the read leaves there', async () => {
    const t = setup();
    t.upload(0).upload(1);
    t.files.beforeKeep = (f) => { if (f.key === t.keys.second) t.upload(1, new TextEncoder().encode('Other\n')); };
    expect(await receiveKey(t.keys.second, t.deps)).toBe('started');
    expect(t.files.objects.get(verifiedKey(t.record.submission.files[1]!))).toEqual(annex().bytes);
  });

  it('judges a file again on what it keeps: one changed between the check and the copy is refused', async () => {
    const t = setup();
    t.upload(0).upload(1);
    const check = t.files.check;
    t.files.check = async (f) => {
      const verdict = await check(f);
      if (f.key === t.keys.second) t.upload(1, new TextEncoder().encode('Other\n'));
      return verdict;
    };
    expect(await receiveKey(t.keys.second, t.deps)).toBe('rejected');
    expect(t.store.peek(t.id)?.error?.cause).toMatch(/^annex\.txt does not match its sha256/);
    expect(t.files.objects.has(verifiedKey(t.record.submission.files[1]!))).toBe(false);
    expect(t.sfn.started).toEqual([]);
  });

  it('finishes after a crash between two copies: the copy made is kept, the other made, the workflow started', async () => {
    const t = setup();
    t.upload(0).upload(1);
    const keep = t.files.keepVerified;
    t.files.keepVerified = async (f) => {
      if (f.key === t.keys.second) throw new Error('S3 unavailable');
      return keep(f);
    };
    await expect(receiveKey(t.keys.second, t.deps)).rejects.toThrow('S3 unavailable');
    expect(t.sfn.started).toEqual([]);
    t.files.keepVerified = keep;
    t.files.checked.length = 0;
    expect(await receiveKey(t.keys.second, t.deps)).toBe('started');
    expect(t.files.checked).toEqual([t.keys.second]);
    expect(await t.files.verifiedKeys(t.id)).toHaveLength(2);
  });

  it('waits for the next upload while a declared file is missing', async () => {
    const t = setup();
    t.upload(0);
    expect(await receiveKey(t.keys.cover, t.deps)).toBe('waiting');
    expect(t.sfn.started).toEqual([]);
    expect(t.store.peek(t.id)?.status).toBe('AWAITING_UPLOAD');
  });

  it('waits while a file is missing even if another is wrong: the verdict comes with the last upload', async () => {
    const t = setup();
    t.upload(0, new TextEncoder().encode('Not the declared note\n'));
    expect(await receiveKey(t.keys.cover, t.deps)).toBe('waiting');
    t.upload(1);
    expect(await receiveKey(t.keys.second, t.deps)).toBe('rejected');
  });

  it('starts one execution when duplicate events or the last two uploads arrive together', async () => {
    const t = setup();
    t.upload(0).upload(1);
    const outcomes = await Promise.all([receiveKey(t.keys.cover, t.deps), receiveKey(t.keys.second, t.deps), receiveKey(t.keys.second, t.deps)]);
    expect(outcomes).toEqual(['started', 'started', 'started']);
    expect(t.sfn.started).toEqual([t.id]);
  });

  it('counts a workflow that already ran under the id as started, without an error', async () => {
    const t = setup();
    t.upload(0).upload(1);
    t.sfn.seed(t.id, 'SUCCEEDED');
    expect(await receiveKey(t.keys.cover, t.deps)).toBe('started');
    expect(t.sfn.started).toEqual([]);
  });

  it('fails a submission whose file does not match its sha256, naming the file, and starts nothing', async () => {
    const t = setup();
    t.upload(0).upload(1, new TextEncoder().encode('Annee\n'));
    expect(await receiveKey(t.keys.second, t.deps)).toBe('rejected');
    const record = t.store.peek(t.id)!;
    expect(record.status).toBe('FAILED');
    expect(record.error?.error).toBe('FileMismatch');
    expect(record.error?.cause).toMatch(/^annex\.txt does not match its sha256/);
    expect(record.history.at(-1)?.detail).toBe(record.error?.cause);
    expect(t.sfn.started).toEqual([]);
  });

  it('fails a submission whose upload was cut short, with the sizes', async () => {
    const t = setup();
    t.upload(0).upload(1, new TextEncoder().encode('Ann'));
    expect(await receiveKey(t.keys.second, t.deps)).toBe('rejected');
    expect(t.store.peek(t.id)?.error?.cause).toMatch(/^annex\.txt has 3 bytes; 6 were declared/);
  });

  it('fails an executable declared as a PDF, whatever its checksum says', async () => {
    const exe = elfExecutable(2048);
    const t = setup('AWAITING_UPLOAD', [{ name: 'note.pdf', part: 'cover', contentType: 'application/pdf', bytes: exe }]);
    t.upload(0);
    expect(await receiveKey(t.keys.cover, t.deps)).toBe('rejected');
    expect(t.store.peek(t.id)?.error?.cause).toMatch(/^note\.pdf .*PDF/);
  });

  it('names every wrong file in one cause, in the order they were declared', async () => {
    const t = setup();
    t.upload(0, new TextEncoder().encode('x')).upload(1, new TextEncoder().encode('y'));
    await receiveKey(t.keys.second, t.deps);
    const cause = t.store.peek(t.id)!.error!.cause;
    expect(cause).toMatch(/^note-verbale\.txt has 1 bytes; 13 were declared; annex\.txt has 1 bytes; 6 were declared$/);
  });

  it('ignores an upload of a submission it has already judged, so a late event changes nothing', async () => {
    const t = setup();
    t.upload(0).upload(1, new TextEncoder().encode('y'));
    await receiveKey(t.keys.second, t.deps);
    const failed = t.store.peek(t.id);
    t.upload(1);
    expect(await receiveKey(t.keys.second, t.deps)).toBe('ignored');
    expect(t.store.peek(t.id)).toEqual(failed);
    expect(t.sfn.started).toEqual([]);
  });

  it('ignores a submission already past AWAITING_UPLOAD without reading its files', async () => {
    const t = setup('RECEIVED');
    expect(await receiveKey(t.keys.cover, t.deps)).toBe('ignored');
    expect(t.files.checked).toEqual([]);
    expect(t.sfn.started).toEqual([]);
  });

  it('ignores an upload for a submission it does not know (expired, or never made)', async () => {
    const t = setup();
    expect(await receiveKey('submissions/01J0000000000000000000NONE/1-cover.en', t.deps)).toBe('ignored');
    expect(t.files.checked).toEqual([]);
  });

  it.each(['uploads/note.pdf', 'submissions/not-an-id/1-cover.en', 'submissions/01J0000000000000000000NONE/sub/1-cover.en'])(
    'ignores %s, a key Circulate did not hand out, and says so in the log', async (key) => {
      const t = setup();
      expect(await receiveKey(key, t.deps)).toBe('ignored');
      expect(t.logged).toEqual([{ message: 'Ignoring an object Circulate did not ask for', key }]);
    });

  it('lets any other Step Functions error through, so the upload event is retried', async () => {
    const t = setup();
    t.upload(0).upload(1);
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const deps = { ...t.deps, sfn: { send: async (_: StartExecutionCommand) => { throw throttled; } } };
    await expect(receiveKey(t.keys.cover, deps)).rejects.toThrow('Rate exceeded');
    expect(t.store.peek(t.id)?.status).toBe('AWAITING_UPLOAD');
  });
});

describe('receive, on a cover note already accepted', () => {
  /** Another submission in `status`, with the same cover note, holding its claim. */
  async function holder(t: ReturnType<typeof setup>, status: Parameters<typeof submissionIn>[0], set: Partial<SubmissionRecord> = {}) {
    const other = submissionIn(status, { uploads: [coverNote(), annex('Another annex\n')], set });
    t.store.seed(other);
    expect(await t.store.claimCover(other.submission.files[0]!.sha256, other.id)).toEqual({ claimed: true });
    return other.id;
  }

  it('fails a submission whose verified cover bytes are another accepted one’s, naming it and its symbol, and starts nothing', async () => {
    const t = setup();
    const other = await holder(t, 'PUBLISHED', { symbol: 'A/HRC/47/G/10' });
    t.upload(0).upload(1);
    expect(await receiveKey(t.keys.second, t.deps)).toBe('rejected');
    const failed = t.store.peek(t.id)!;
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toEqual({ error: 'Duplicate', cause: expect.stringContaining(`is that of submission ${other} (A/HRC/47/G/10, PUBLISHED), already accepted; if it is a different document, submit again with allowDuplicate`) });
    expect(t.sfn.started).toEqual([]);
    expect((await t.store.getCoverClaim(t.record.submission.files[0]!.sha256))?.submissionId).toBe(other);
  });

  it('refuses the second of two declarations that both got past create-submission, once its bytes are in', async () => {
    const t = setup();
    await holder(t, 'AWAITING_UPLOAD');
    t.upload(0).upload(1);
    expect(await receiveKey(t.keys.cover, t.deps)).toBe('rejected');
    expect(t.store.peek(t.id)?.error?.error).toBe('Duplicate');
  });

  it('starts a submission the staff said is a different document, without taking the claim', async () => {
    const t = setup();
    const other = await holder(t, 'PUBLISHED', { symbol: 'A/HRC/47/G/10' });
    t.store.seed({ ...t.record, submission: { ...t.record.submission, allowDuplicate: true } });
    t.upload(0).upload(1);
    expect(await receiveKey(t.keys.cover, t.deps)).toBe('started');
    expect((await t.store.getCoverClaim(t.record.submission.files[0]!.sha256))?.submissionId).toBe(other);
  });

  it('claims a cover note whose claim was lost, or whose holder failed before it had a symbol, and goes on', async () => {
    const t = setup();
    t.upload(0).upload(1);
    expect(await receiveKey(t.keys.cover, t.deps)).toBe('started');
    expect((await t.store.getCoverClaim(t.record.submission.files[0]!.sha256))?.submissionId).toBe(t.id);
    const u = setup();
    await holder(u, 'FAILED');
    u.upload(0).upload(1);
    expect(await receiveKey(u.keys.cover, u.deps)).toBe('started');
    expect((await u.store.getCoverClaim(u.record.submission.files[0]!.sha256))?.submissionId).toBe(u.id);
  });

  it('lets go of the claim of a submission whose files were wrong, so the note can be submitted again', async () => {
    const t = setup();
    const sha = t.record.submission.files[0]!.sha256;
    await t.store.claimCover(sha, t.id);
    t.upload(0).upload(1, new TextEncoder().encode('Other\n'));
    expect(await receiveKey(t.keys.second, t.deps)).toBe('rejected');
    expect(t.store.peek(t.id)?.error?.error).toBe('FileMismatch');
    expect(await t.store.getCoverClaim(sha)).toBeUndefined();
  });
});

describe('startWorkflow', () => {
  it('is a no-op for a submission whose workflow exists already, running or finished', async () => {
    const sfn = new FakeStepFunctions();
    const deps = { sfn, stateMachineArn: sfn.stateMachineArn };
    await startWorkflow('01J000000000000000000000AA', deps);
    await startWorkflow('01J000000000000000000000AA', deps);
    sfn.seed('01J000000000000000000000BB', 'FAILED');
    await startWorkflow('01J000000000000000000000BB', deps);
    expect(sfn.started).toEqual(['01J000000000000000000000AA']);
  });
});
