import { describe, expect, it } from '@jest/globals';
import { expireSubmissions, type ExpireDeps } from '../../functions/expire-submissions/expire-submissions';
import { FakeClock, FakeFiles, FakeSubmissionStore } from '../support/fakes';
import { annex, coverNote, submissionIn } from '../support/submissions';

const HOUR = 3_600_000;
const EXPIRY = 24 * HOUR;

/** A submission created `hoursAgo` before the sweep, in `status`, with the first `uploaded` of its two files in the bucket. */
function made(t: ReturnType<typeof setup>, hoursAgo: number, uploaded: number, status: Parameters<typeof submissionIn>[0] = 'AWAITING_UPLOAD') {
  const uploads = [coverNote(), annex()];
  const record = submissionIn(status, { at: new Date(t.clock.date().getTime() - hoursAgo * HOUR).toISOString(), uploads });
  t.store.seed(record);
  record.submission.files.slice(0, uploaded).forEach((f, i) => t.files.upload(f.key, uploads[i]!.bytes));
  return record.id;
}

function setup() {
  const clock = new FakeClock('2021-06-20T08:00:00.000Z');
  const store = new FakeSubmissionStore(clock);
  const files = new FakeFiles();
  const logged: Record<string, unknown>[] = [];
  const deps: ExpireDeps = { store, files, clock: clock.date, expiryMs: EXPIRY, log: (e) => logged.push(e) };
  return { clock, store, files, logged, deps };
}

describe('expire-submissions', () => {
  it('deletes a submission whose files never all came, with what of them was uploaded', async () => {
    const t = setup();
    const half = made(t, 25, 1);
    const none = made(t, 30, 0);
    expect(await expireSubmissions(t.deps)).toEqual({ expired: [none, half], complete: [], movedOn: [] });
    expect(t.store.size).toBe(0);
    expect(t.files.objects.size).toBe(0);
    expect(t.files.deleted).toEqual([`submissions/${half}/1-cover.en`]);
  });

  it('deletes the verified copies too, that a receive which crashed while making them left', async () => {
    const t = setup();
    const id = made(t, 25, 1);
    const [cover] = t.store.peek(id)!.submission.files;
    await t.files.keepVerified(cover!);
    expect(await t.files.verifiedKeys(id)).toHaveLength(1);
    expect((await expireSubmissions(t.deps)).expired).toEqual([id]);
    expect(t.files.objects.size).toBe(0);
    expect(t.files.deleted).toEqual([`submissions/${id}/1-cover.en`, `verified/${id}/1-cover.en`]);
  });

  it('deletes the objects before the record, so a crash between leaves a record the next sweep finds', async () => {
    const t = setup();
    const id = made(t, 25, 1);
    let objectsLeftAtDelete = -1;
    t.store.afterWrite = async () => { objectsLeftAtDelete = (await t.files.uploadedKeys(id)).length; };
    await expireSubmissions(t.deps);
    expect(objectsLeftAtDelete).toBe(0);
  });

  it('expires, on the next sweep, a submission whose sweep died while deleting its objects', async () => {
    const t = setup();
    const id = made(t, 25, 1);
    const deleteUpload = t.files.deleteUpload;
    t.files.deleteUpload = async () => { throw new Error('S3 unavailable'); };
    await expect(expireSubmissions(t.deps)).rejects.toThrow('S3 unavailable');
    expect(t.store.peek(id)?.status).toBe('AWAITING_UPLOAD');
    t.files.deleteUpload = deleteUpload;
    expect((await expireSubmissions(t.deps)).expired).toEqual([id]);
    expect(t.files.objects.size).toBe(0);
  });

  it('leaves a submission still within its time to upload', async () => {
    const t = setup();
    const id = made(t, 23, 1);
    expect(await expireSubmissions(t.deps)).toEqual({ expired: [], complete: [], movedOn: [] });
    expect(t.store.peek(id)).toBeDefined();
    expect(t.files.objects.size).toBe(1);
  });

  it('leaves a submission created exactly at the deadline, and takes it a moment later', async () => {
    const t = setup();
    const id = made(t, 24, 0);
    expect((await expireSubmissions(t.deps)).expired).toEqual([]);
    t.clock.advance(1);
    expect((await expireSubmissions(t.deps)).expired).toEqual([id]);
  });

  it('leaves to receive a stale submission whose files are all in, and warns', async () => {
    const t = setup();
    const id = made(t, 30, 2);
    expect(await expireSubmissions(t.deps)).toEqual({ expired: [], complete: [id], movedOn: [] });
    expect(t.files.objects.size).toBe(2);
    expect(t.logged).toEqual([{ level: 'warn', message: 'A stale submission has all its files; leaving it to receive', id }]);
  });

  it.each(['RECEIVED', 'TAGGED', 'PUBLISHED', 'FAILED'] as const)('never touches a %s submission, however old', async (status) => {
    const t = setup();
    const id = made(t, 100, 1, status);
    expect(await expireSubmissions(t.deps)).toEqual({ expired: [], complete: [], movedOn: [] });
    expect(t.store.peek(id)?.status).toBe(status);
    expect(t.files.objects.size).toBe(1);
  });

  it('keeps the record of a submission that moved on while it was being expired', async () => {
    const t = setup();
    const id = made(t, 25, 1);
    // Its last file came and its workflow registered it between the sweep's list and its delete.
    const uploadedKeys = t.files.uploadedKeys;
    t.files.uploadedKeys = async (submissionId) => {
      const keys = await uploadedKeys(submissionId);
      await t.store.transition(submissionId, 'RECEIVED', { from: ['AWAITING_UPLOAD'] });
      return keys;
    };
    expect(await expireSubmissions(t.deps)).toEqual({ expired: [], complete: [], movedOn: [id] });
    expect(t.store.peek(id)?.status).toBe('RECEIVED');
  });

  it('finds nothing to do when run again', async () => {
    const t = setup();
    made(t, 25, 1);
    await expireSubmissions(t.deps);
    expect(await expireSubmissions(t.deps)).toEqual({ expired: [], complete: [], movedOn: [] });
  });

  it('deletes only the expired submission’s objects, not another’s', async () => {
    const t = setup();
    made(t, 25, 1);
    const fresh = made(t, 1, 1);
    await expireSubmissions(t.deps);
    expect([...t.files.objects.keys()]).toEqual([`submissions/${fresh}/1-cover.en`]);
  });

  it('logs each expiry with when it was made and how many objects went with it', async () => {
    const t = setup();
    const id = made(t, 25, 1);
    await expireSubmissions(t.deps);
    expect(t.logged).toEqual([{ message: 'Expired a submission whose files never arrived', id, createdAt: '2021-06-19T07:00:00.000Z', deletedObjects: 1 }]);
  });

  it('lets go of an expired submission’s claim on its cover note, so the note can be submitted again, and of no other claim', async () => {
    const t = setup();
    const expired = made(t, 25, 1);
    const moved = made(t, 25, 1, 'RECEIVED');
    const [cover] = t.store.peek(expired)!.submission.files;
    await t.store.claimCover(cover!.sha256, expired);
    await t.store.claimCover('f'.repeat(64), moved);
    expect((await expireSubmissions(t.deps)).expired).toEqual([expired]);
    expect(await t.store.getCoverClaim(cover!.sha256)).toBeUndefined();
    expect(await t.store.claimCover(cover!.sha256, '01J1D7M3ZK8Q9V2W4X6Y8Z0NEW')).toEqual({ claimed: true });
    expect(await t.store.getCoverClaim('f'.repeat(64))).toMatchObject({ submissionId: moved });
  });

  it('leaves the claim to the submission that now holds it', async () => {
    const t = setup();
    const expired = made(t, 25, 1);
    const [cover] = t.store.peek(expired)!.submission.files;
    await t.store.claimCover(cover!.sha256, 'someone-else');
    await expireSubmissions(t.deps);
    expect(await t.store.getCoverClaim(cover!.sha256)).toMatchObject({ submissionId: 'someone-else' });
  });
});
