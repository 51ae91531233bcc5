import { describe, expect, it } from '@jest/globals';
import { createSubmission, type CreateSubmissionDeps } from '../../functions/create-submission/create-submission';
import { UNRECORDED_CLAIM_GRACE_MS } from '#shared/domain/duplicates';
import { BadRequest, Conflict, Duplicate, NotFound } from '#shared/domain/errors';
import { FakeClock, FakeDocumentStore, FakeFiles, FakeSubmissionStore } from '../support/fakes';
import { submissionIn } from '../support/submissions';
import { doc } from './publish-fixtures';

const ID = '01J1D7M3ZK8Q9V2W4X6Y8Z0A1B';
const MAX = 1000;

/** A valid body, as the CLI and the staff page send it. */
function body(over: Record<string, unknown> = {}) {
  return {
    body: 'HRC', session: 47, agendaItem: 4, series: 'G', kind: 'note-verbale',
    sender: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
    addressee: 'Office of the United Nations High Commissioner for Human Rights',
    dated: '2021-06-08', originalLanguage: 'en', title: 'Note verbale dated 8 June 2021',
    files: [
      { name: 'Note verbale (final).pdf', part: 'cover', language: 'en', contentType: 'application/pdf', size: 500, sha256: 'a'.repeat(64) },
      { name: 'annex.txt', part: 'annex', language: 'en', translate: false, contentType: 'text/plain', size: MAX, sha256: 'b'.repeat(64) },
    ],
    ...over,
  };
}

/** The session's published documents are A/HRC/47/G/1 and those of `published`; `sessionSymbols`, what the session has announced. */
function setup(sessionSymbols: string[] = []) {
  const clock = new FakeClock('2021-06-18T08:00:00.000Z');
  const store = new FakeSubmissionStore(clock);
  const documents = new FakeDocumentStore();
  const files = new FakeFiles();
  const symbols = ['A/HRC/47/G/1', ...sessionSymbols];
  const deps: CreateSubmissionDeps = {
    store: Object.assign(store, { getDocument: documents.getDocument, sessionState: async () => ({ version: 1, symbols }) }),
    files, newId: () => ID, maxFileSize: MAX, uploadExpiry: 3600,
  };
  const publish = async (symbol: string, status: 'PUBLISHED' | 'TAGGED' = 'PUBLISHED') => {
    const d = doc(1, { symbol, submissionId: `01J1D7M3ZK8Q9V2W4X6Y8Z0${symbols.indexOf(symbol) + 100}` });
    await documents.putDocument(d);
    store.seed(submissionIn(status, { id: d.submissionId, set: { symbol } }));
  };
  return { clock, store, files, deps, publish };
}

const COVER = 'a'.repeat(64);
const OTHER = '01J1D7M3ZK8Q9V2W4X6Y8Z0A2B';
const withId = (deps: CreateSubmissionDeps, id: string): CreateSubmissionDeps => ({ ...deps, newId: () => id });

describe('create-submission', () => {
  it('records the submission AWAITING_UPLOAD, stamped with the store’s clock', async () => {
    const t = setup();
    await createSubmission(body(), t.deps);
    expect(t.store.peek(ID)).toMatchObject({
      id: ID, status: 'AWAITING_UPLOAD', createdAt: '2021-06-18T08:00:00.000Z', updatedAt: '2021-06-18T08:00:00.000Z',
      history: [{ at: '2021-06-18T08:00:00.000Z', status: 'AWAITING_UPLOAD', detail: '2 file(s) declared' }],
    });
  });

  it('answers the id, the status and one presigned PUT per declared file, by submitted name and in order', async () => {
    const t = setup();
    expect(await createSubmission(body(), t.deps)).toEqual({
      id: ID, status: 'AWAITING_UPLOAD', uploads: [
        { name: 'Note verbale (final).pdf', method: 'PUT', url: `https://intake.example/submissions/${ID}/1-cover.en?expires=3600`, headers: { 'content-type': 'application/pdf' } },
        { name: 'annex.txt', method: 'PUT', url: `https://intake.example/submissions/${ID}/2-annex.en?expires=3600`, headers: { 'content-type': 'text/plain' } },
      ],
    });
  });

  it('stores each file under a key made of the id, its position, part and language, never its submitted name', async () => {
    const t = setup();
    await createSubmission(body(), t.deps);
    expect(t.store.peek(ID)?.submission.files.map((f) => f.key)).toEqual([`submissions/${ID}/1-cover.en`, `submissions/${ID}/2-annex.en`]);
    expect(t.store.peek(ID)?.submission.files.map((f) => f.name)).toEqual(['Note verbale (final).pdf', 'annex.txt']);
  });

  it('presigns every upload for the time it is given', async () => {
    const t = setup();
    await createSubmission(body(), { ...t.deps, uploadExpiry: 900 });
    expect(t.files.presigned.map((p) => p.expiresIn)).toEqual([900, 900]);
  });

  it('keeps the submission as parsed: trimmed text, translate defaulting to true', async () => {
    const t = setup();
    await createSubmission(body({ title: '  Note verbale dated 8 June 2021 ' }), t.deps);
    const s = t.store.peek(ID)!.submission;
    expect(s.title).toBe('Note verbale dated 8 June 2021');
    expect(s.files.map((f) => f.translate)).toEqual([true, false]);
  });

  it('accepts a file exactly at the size limit', async () => {
    const t = setup();
    await expect(createSubmission(body(), t.deps)).resolves.toMatchObject({ id: ID });
  });

  it('refuses a file over the size limit, naming it and the limit, and records nothing', async () => {
    const t = setup();
    const files = body().files.map((f, i) => (i === 1 ? { ...f, size: MAX + 1 } : f));
    const refused = createSubmission(body({ files }), t.deps);
    await expect(refused).rejects.toThrow(BadRequest);
    await expect(refused).rejects.toMatchObject({
      message: `files[1].size: annex.txt is ${MAX + 1} bytes; the limit is ${MAX} bytes`,
      details: [{ path: 'files[1].size', message: `must be at most ${MAX} bytes` }],
    });
    expect(t.store.size).toBe(0);
    expect(t.files.presigned).toEqual([]);
  });

  it('refuses a body that is not a submission, naming the field, and records nothing', async () => {
    const t = setup();
    const { title: _t, ...untitled } = body();
    await expect(createSubmission(untitled, t.deps)).rejects.toThrow(/^The submission is not valid: title: /);
    await expect(createSubmission(null, t.deps)).rejects.toThrow(BadRequest);
    expect(t.store.size).toBe(0);
  });

  it('refuses a field the contract does not have', async () => {
    const t = setup();
    await expect(createSubmission(body({ symbol: 'A/HRC/47/G/1' }), t.deps)).rejects.toThrow(BadRequest);
    expect(t.store.size).toBe(0);
  });

  it('refuses what the registry does not know: an agenda item HRC does not have', async () => {
    const t = setup();
    await expect(createSubmission(body({ agendaItem: 99 }), t.deps)).rejects.toMatchObject({
      details: [expect.objectContaining({ path: 'agendaItem' })],
    });
  });

  it('records nothing when an upload cannot be presigned, so no submission waits for files nobody can send', async () => {
    const t = setup();
    t.files.presignFailure = new Error('The security token included in the request is expired');
    await expect(createSubmission(body(), t.deps)).rejects.toThrow(/token/);
    expect(t.store.size).toBe(0);
  });

  it('never overwrites a submission already recorded under the id, nor lets go of its claim', async () => {
    const t = setup();
    await createSubmission(body(), t.deps);
    const first = t.store.peek(ID);
    await expect(createSubmission(body({ title: 'Another note' }), t.deps)).rejects.toThrow();
    expect(t.store.peek(ID)).toEqual(first);
    expect(await t.store.getCoverClaim(COVER)).toMatchObject({ submissionId: ID });
  });

  it('gives each submission the id it draws', async () => {
    const t = setup();
    const ids = ['01J1D7M3ZK8Q9V2W4X6Y8Z0A1C', '01J1D7M3ZK8Q9V2W4X6Y8Z0A1D'];
    for (const id of ids) await createSubmission(body({ allowDuplicate: true }), { ...t.deps, newId: () => id });
    expect(ids.map((id) => t.store.peek(id)?.id)).toEqual(ids);
  });

  it('keeps allowDuplicate on the stored submission, false unless the staff says so', async () => {
    const t = setup();
    await createSubmission(body(), t.deps);
    expect(t.store.peek(ID)?.submission.allowDuplicate).toBe(false);
    await createSubmission(body({ allowDuplicate: true }), withId(t.deps, OTHER));
    expect(t.store.peek(OTHER)?.submission.allowDuplicate).toBe(true);
  });

  it('claims the cover note’s sha256 for the submission', async () => {
    const t = setup();
    await createSubmission(body(), t.deps);
    expect(await t.store.getCoverClaim(COVER)).toMatchObject({ sha256: COVER, submissionId: ID });
  });

  it('refuses with 409 a cover note already accepted, naming that submission and its symbol and how to go on, and records nothing', async () => {
    const t = setup();
    await createSubmission(body(), t.deps);
    await t.store.transition(ID, 'SYMBOL_ASSIGNED', { from: ['AWAITING_UPLOAD'], set: { symbol: 'A/HRC/47/G/10' } });
    const refused = createSubmission(body({ title: 'The same note again' }), withId(t.deps, OTHER));
    await expect(refused).rejects.toThrow(Duplicate);
    await expect(refused).rejects.toMatchObject({
      status: 409,
      message: `The cover note Note verbale (final).pdf (sha256 ${COVER}) is that of submission ${ID} (A/HRC/47/G/10, SYMBOL_ASSIGNED), already accepted; `
        + 'if it is a different document, submit again with allowDuplicate: true (circulate submit --allow-duplicate; on the staff page, tick "This is a different document with the same cover note")',
      details: [{ path: 'allowDuplicate', message: expect.stringContaining(ID) }],
    });
    expect(t.store.peek(OTHER)).toBeUndefined();
    expect(await t.store.getCoverClaim(COVER)).toMatchObject({ submissionId: ID });
  });

  it('accepts the same cover note when the staff says it is a different document, leaving the claim to the first', async () => {
    const t = setup();
    await createSubmission(body(), t.deps);
    await expect(createSubmission(body({ allowDuplicate: true }), withId(t.deps, OTHER))).resolves.toMatchObject({ id: OTHER });
    expect(await t.store.getCoverClaim(COVER)).toMatchObject({ submissionId: ID });
  });

  it('claims nothing for an allowed duplicate, even a free cover note', async () => {
    const t = setup();
    await createSubmission(body({ allowDuplicate: true }), t.deps);
    expect(await t.store.getCoverClaim(COVER)).toBeUndefined();
  });

  it('gives one of two identical submissions arriving together a 201 and the other a 409', async () => {
    const t = setup();
    const results = await Promise.allSettled([ID, OTHER].map((id) => createSubmission(body(), withId(t.deps, id))));
    const created = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.id] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(created).toHaveLength(1);
    expect(refused).toEqual([expect.any(Duplicate)]);
    expect((refused[0] as Duplicate).message).toContain(`submission ${created[0]} (`);
    expect(t.store.size).toBe(1);
    expect(await t.store.getCoverClaim(COVER)).toMatchObject({ submissionId: created[0] });
  });

  it('is not blocked by a submission that failed before it had a symbol (its files were wrong): the claim is taken over', async () => {
    const t = setup();
    await createSubmission(body(), t.deps);
    await t.store.transition(ID, 'FAILED', { from: ['AWAITING_UPLOAD'], set: { error: { error: 'FileMismatch', cause: 'wrong bytes' } } });
    await expect(createSubmission(body(), withId(t.deps, OTHER))).resolves.toMatchObject({ id: OTHER });
    expect(await t.store.getCoverClaim(COVER)).toMatchObject({ submissionId: OTHER });
  });

  it('is blocked by one that failed after it had a symbol: that one is redriven, not submitted again', async () => {
    const t = setup();
    await createSubmission(body(), t.deps);
    await t.store.transition(ID, 'FAILED', { from: ['AWAITING_UPLOAD'], set: { symbol: 'A/HRC/47/G/10', error: { error: 'Boom', cause: 'x' } } });
    await expect(createSubmission(body(), withId(t.deps, OTHER))).rejects.toThrow(/A\/HRC\/47\/G\/10, FAILED/);
  });

  it('refuses while the claim’s submission is being recorded, and takes over a claim whose submission never was once the grace is over', async () => {
    const t = setup();
    await t.store.claimCover(COVER, ID);
    await expect(createSubmission(body(), withId(t.deps, OTHER))).rejects.toThrow(`submission ${ID} (being recorded)`);
    t.clock.advance(UNRECORDED_CLAIM_GRACE_MS);
    await expect(createSubmission(body(), withId(t.deps, OTHER))).resolves.toMatchObject({ id: OTHER });
    expect(await t.store.getCoverClaim(COVER)).toMatchObject({ submissionId: OTHER });
  });

  it('releases its claim when the record cannot be written, so a retry is not refused', async () => {
    const t = setup();
    t.store.createSubmission = async () => { throw new Error('DynamoDB is down'); };
    await expect(createSubmission(body(), t.deps)).rejects.toThrow(/down/);
    expect(await t.store.getCoverClaim(COVER)).toBeUndefined();
  });

  it('keeps its claim when the record write landed but its answer was lost', async () => {
    const t = setup();
    t.store.afterWrite = (write) => { if (write === 'createSubmission') throw new Error('socket hang up'); };
    await expect(createSubmission(body(), t.deps)).rejects.toThrow(/hang up/);
    expect(await t.store.getCoverClaim(COVER)).toMatchObject({ submissionId: ID });
  });

  it('writes no claim for a body it refuses', async () => {
    const t = setup();
    await expect(createSubmission(body({ agendaItem: 99 }), t.deps)).rejects.toThrow(BadRequest);
    t.files.presignFailure = new Error('expired token');
    await expect(createSubmission(body(), t.deps)).rejects.toThrow(/token/);
    expect(await t.store.getCoverClaim(COVER)).toBeUndefined();
  });

  describe('a corrigendum, revision or addendum (relatesTo)', () => {
    const corrects = (symbol: string, over: Record<string, unknown> = {}) => body({ relatesTo: { symbol, kind: 'Corr' }, ...over });

    it('records what it relates to, for AssignSymbol to number it under that document', async () => {
      const t = setup();
      await t.publish('A/HRC/47/G/1');
      await createSubmission(corrects('A/HRC/47/G/1'), t.deps);
      expect(t.store.peek(ID)?.submission.relatesTo).toEqual({ symbol: 'A/HRC/47/G/1', kind: 'Corr' });
    });

    it('refuses a malformed symbol with the grammar’s words (400)', async () => {
      const t = setup();
      const refused = createSubmission(corrects('A/HRC/47/G/01'), t.deps);
      await expect(refused).rejects.toThrow(BadRequest);
      await expect(refused).rejects.toThrow(/relatesTo\.symbol: "A\/HRC\/47\/G\/01" — numbers do not start with 0/);
    });

    it('refuses what the grammar forbids: nothing follows a corrigendum, no revision of a revision (400)', async () => {
      const t = setup();
      await expect(createSubmission(corrects('A/HRC/47/G/1/Corr.1'), t.deps)).rejects.toThrow(/nothing follows a corrigendum/);
      await expect(createSubmission(body({ relatesTo: { symbol: 'A/HRC/47/G/1/Rev.1', kind: 'Rev' } }), t.deps)).rejects.toThrow(/never twice the same kind in a row/);
      await expect(createSubmission(body({ relatesTo: { symbol: 'A/HRC/47/G/1', kind: 'Amend' } }), t.deps)).rejects.toThrow(/must be Corr \(corrigendum\), Rev \(revision\) or Add \(addendum\)/);
    });

    it('refuses a document that is not published, naming it (404), also while its Publish is under way', async () => {
      const t = setup(['A/HRC/47/G/2']);
      await expect(createSubmission(corrects('A/HRC/47/G/9'), t.deps)).rejects.toThrow(NotFound);
      await expect(createSubmission(corrects('A/HRC/47/G/9'), t.deps)).rejects.toThrow('relatesTo.symbol: no published document A/HRC/47/G/9; a corrigendum is issued for a published document');
      await t.publish('A/HRC/47/G/2', 'TAGGED');
      await expect(createSubmission(corrects('A/HRC/47/G/2'), t.deps)).rejects.toThrow(NotFound);
      expect(t.store.peek(ID)).toBeUndefined();
    });

    it('refuses a submission not in its document’s place, naming both values (400)', async () => {
      const t = setup();
      await t.publish('A/HRC/47/G/1');
      const refused = createSubmission(corrects('A/HRC/47/G/1', { agendaItem: 3, session: 46 }), t.deps);
      await expect(refused).rejects.toThrow(BadRequest);
      await expect(refused).rejects.toThrow('session: is 46, but A/HRC/47/G/1 is session 47; a corrigendum keeps its document\'s session; '
        + 'agendaItem: is 3, but A/HRC/47/G/1 is under agenda item 4; a corrigendum keeps its document\'s agendaItem');
    });

    it('refuses to correct or add to a document a revision has replaced, naming the revision (409); another revision is allowed', async () => {
      const t = setup(['A/HRC/47/G/1/Rev.1']);
      await t.publish('A/HRC/47/G/1');
      const refused = createSubmission(corrects('A/HRC/47/G/1'), t.deps);
      await expect(refused).rejects.toThrow(Conflict);
      await expect(refused).rejects.toThrow('A/HRC/47/G/1 has been replaced by its revision A/HRC/47/G/1/Rev.1; issue the corrigendum for A/HRC/47/G/1/Rev.1 instead');
      await expect(createSubmission(body({ relatesTo: { symbol: 'A/HRC/47/G/1', kind: 'Add' } }), t.deps)).rejects.toThrow(Conflict);
      await createSubmission(body({ relatesTo: { symbol: 'A/HRC/47/G/1', kind: 'Rev' } }), t.deps);
      expect(t.store.peek(ID)?.submission.relatesTo?.kind).toBe('Rev');
    });
  });
});
