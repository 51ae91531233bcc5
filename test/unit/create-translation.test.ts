import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTranslation, type CreateTranslationDeps } from '../../functions/create-translation/create-translation';
import { publish } from '../../functions/publish/publish';
import { UNRECORDED_CLAIM_GRACE_MS } from '#shared/domain/duplicates';
import { BadRequest, Conflict, NotFound } from '#shared/domain/errors';
import type { SubmissionRecord } from '#shared/domain/schemas';
import { tagTranslationStatus } from '#shared/domain/translation-status';
import { startTestStore } from '../support/dynamodb';
import { FakeFiles } from '../support/fakes';
import { SITE, memorySite, siteDeps } from './memory-site';
import { taggedSubmission } from './publish-fixtures';

/**
 * POST /api/translations/{symbol+} on dynalite: what is refused (and leaves nothing written), the
 * record a translation is, and the one claim per document and language — taken by one of two sent
 * together, taken over from a holder that can no longer bring the version.
 */

const MAX = 1000;
const SESSION = 61;
let nextId = 0;
const newId = () => `01J1D7M3ZK8Q9V2W4X6Y8Z${String(nextId++).padStart(4, '0')}`;

const file = (over: Record<string, unknown> = {}) => ({ name: 'note-fr.pdf', part: 'cover', contentType: 'application/pdf', size: 500, sha256: 'c'.repeat(64), ...over });
const body = (over: Record<string, unknown> = {}) => ({ language: 'fr', title: 'Note verbale datée du 8 juin 2021', files: [file()], ...over });

describe('create-translation', () => {
  let t: Awaited<ReturnType<typeof startTestStore>>;
  let files: FakeFiles;
  let deps: CreateTranslationDeps;
  let number = 0;
  beforeAll(async () => {
    t = await startTestStore();
    files = new FakeFiles();
    deps = { store: t.store, files, newId, maxFileSize: MAX, uploadExpiry: 900 };
  });
  afterAll(async () => t?.close());

  /** A submission ready for Publish: a cover note in English, and an annex reproduced as received. */
  function tagged(): SubmissionRecord {
    const base = taggedSubmission(SESSION, ++number);
    const files = [...base.submission.files, {
      name: 'annex.txt', part: 'annex', language: 'en' as const, translate: false, contentType: 'text/plain' as const,
      size: 10, sha256: 'b'.repeat(64), key: `submissions/${base.id}/2-annex.en`,
    }];
    return { ...base, submission: { ...base.submission, files }, translations: tagTranslationStatus(files, 'en') };
  }

  /** A document published in English, its annex reproduced as received. */
  async function published(): Promise<string> {
    const record = tagged();
    await t.store.createSubmission(record);
    await publish(record.id, { store: t.store, ...siteDeps(memorySite()), siteUrl: SITE });
    await t.store.transition(record.id, 'PUBLISHED', { from: ['TAGGED'] });
    return record.symbol!;
  }

  /** Everything a refusal could have written: submissions of the session and the claims' presigned keys. */
  const written = async () => ({ presigned: files.presigned.length, submissions: (await t.store.listSubmissions({ limit: 100 })).items.length });

  it('refuses, naming the field, and writes nothing', async () => {
    const symbol = await published();
    const before = await written();
    const cases: [string, unknown, RegExp, typeof BadRequest | typeof NotFound][] = [
      [symbol, body({ language: 'xx' }), /language/, BadRequest],
      [symbol, body({ language: 'en' }), /^language: must not be en: it is the original language of/, BadRequest],
      [symbol, body({ files: [file({ part: 'annex-7' })] }), new RegExp(`^files\\[0\\]\\.part: ${symbol} has no part "annex-7"; its parts are cover, annex$`), BadRequest],
      [symbol, body({ files: [file(), file({ name: 'annex-fr.pdf', part: 'annex' })] }), /^files\[1\]\.part: annex of .* is reproduced as received, in the language of submission only: it is not translated$/, BadRequest],
      [symbol, body({ files: [file({ size: MAX + 1 })] }), /files\[0\]/, BadRequest],
      [symbol, body({ title: ' ' }), /title/, BadRequest],
      [symbol, { ...body(), extra: 1 }, /extra/, BadRequest],
      ['A/HRC/61/G/999', body(), /^No published document A\/HRC\/61\/G\/999/, NotFound],
      ['A/HRC/61/X/1/', body(), /symbol|series|A\/HRC\/61\/X\/1/, BadRequest],
    ];
    for (const [path, input, message, type] of cases) {
      const refused = createTranslation(path, input, deps);
      await expect(refused).rejects.toBeInstanceOf(type);
      await expect(refused).rejects.toThrow(message);
    }
    expect(await written()).toEqual(before);
    // …and no claim: the French version is still free to send.
    await expect(createTranslation(symbol, body(), deps)).resolves.toMatchObject({ status: 'AWAITING_UPLOAD' });
  });

  it('signs the uploads before it claims: a signing failure leaves no claim behind', async () => {
    const symbol = await published();
    files.presignFailure = new Error('The security token included in the request is expired');
    await expect(createTranslation(symbol, body({ language: 'es' }), deps)).rejects.toThrow('expired');
    files.presignFailure = undefined;
    expect(await t.store.translationClaim(symbol, 'es')).toBeUndefined();
    await expect(createTranslation(symbol, body({ language: 'es' }), deps)).resolves.toMatchObject({ status: 'AWAITING_UPLOAD' });
  });

  it('refuses a document not yet published, even with its record written', async () => {
    const record = tagged();
    await t.store.createSubmission(record);
    await publish(record.id, { store: t.store, ...siteDeps(memorySite()), siteUrl: SITE });
    await expect(createTranslation(record.symbol!, body(), deps)).rejects.toThrow(`No published document ${record.symbol}`);
  });

  it('records a submission under the document’s symbol, its particulars with the version’s title and files, and presigns each upload', async () => {
    const symbol = await published();
    const created = await createTranslation(`${symbol}/`, body(), deps);
    expect(created.uploads).toEqual([expect.objectContaining({ name: 'note-fr.pdf', method: 'PUT' })]);
    const record = await t.store.mustGetSubmission(created.id);
    expect(record).toMatchObject({
      status: 'AWAITING_UPLOAD', symbol, translation: { of: symbol, language: 'fr' },
      submission: { title: 'Note verbale datée du 8 juin 2021', session: SESSION, originalLanguage: 'en',
        files: [{ name: 'note-fr.pdf', part: 'cover', language: 'fr', translate: true, key: `submissions/${created.id}/1-cover.fr` }] },
    });
    expect(record.history.at(-1)?.detail).toBe(`French version of ${symbol}: 1 file(s) declared`);
    expect(files.presigned.at(-1)).toEqual({ key: `submissions/${created.id}/1-cover.fr`, expiresIn: 900 });
  });

  it('takes one of two versions of a language sent together, and names the holder to the other', async () => {
    const symbol = await published();
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => createTranslation(symbol, body(), deps)));
    const taken = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.id] : []));
    expect(taken).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') {
        expect(r.reason).toBeInstanceOf(Conflict);
        expect((r.reason as Error).message).toMatch(new RegExp(`^The French version of ${symbol} is already on its way: submission ${taken[0]} is AWAITING_UPLOAD$|^Another French version`));
      }
    }
    // Other languages are not held by it.
    await expect(createTranslation(symbol, body({ language: 'es' }), deps)).resolves.toMatchObject({ status: 'AWAITING_UPLOAD' });
  });

  it('takes a claim over from a holder that expired, or whose record was never written (a crash between the two) once the grace is over', async () => {
    const symbol = await published();
    const first = await createTranslation(symbol, body(), deps);
    await t.store.transition(first.id, 'FAILED', { from: ['AWAITING_UPLOAD'], set: { error: { error: 'UploadExpired', cause: 'the upload expired' } } });
    const second = await createTranslation(symbol, body(), deps);
    expect(second.id).not.toBe(first.id);
    expect((await t.store.translationClaim(symbol, 'fr'))?.submissionId).toBe(second.id);

    // A claim whose submission is not recorded: a request still running, within the grace…
    expect(await t.store.claimTranslation(symbol, 'ru', 'NOSUCHSUBMISSION0000000000')).toBe(true);
    await expect(createTranslation(symbol, body({ language: 'ru' }), deps))
      .rejects.toThrow(`The Russian version of ${symbol} is already on its way: submission NOSUCHSUBMISSION0000000000 is being recorded`);
    // …and one that died between its two writes, after it: taken over.
    const later = t.storeWith({ clock: () => new Date(Date.now() + UNRECORDED_CLAIM_GRACE_MS + 1000) });
    const third = await createTranslation(symbol, body({ language: 'ru' }), { ...deps, store: later });
    expect((await t.store.translationClaim(symbol, 'ru'))?.submissionId).toBe(third.id);
  });

  it('lets the next version of a language come once its holder is published (an annex translated later): the parts’ check then decides', async () => {
    const symbol = await published();
    const first = await createTranslation(symbol, body({ language: 'ar' }), deps);
    for (const [from, to] of [['AWAITING_UPLOAD', 'RECEIVED'], ['RECEIVED', 'TAGGED'], ['TAGGED', 'PUBLISHED']] as const) {
      await t.store.transition(first.id, to, { from: [from] });
    }
    const next = await createTranslation(symbol, body({ language: 'ar' }), deps);
    expect((await t.store.translationClaim(symbol, 'ar'))?.submissionId).toBe(next.id);
  });

  it('keeps the claim of a holder that failed once tagged (it is redriven, not sent again), not of one whose files were refused', async () => {
    const symbol = await published();
    const refused = await createTranslation(symbol, body({ language: 'zh' }), deps);
    await t.store.transition(refused.id, 'RECEIVED', { from: ['AWAITING_UPLOAD'] });
    await t.store.transition(refused.id, 'FAILED', { from: ['RECEIVED'], set: { error: { error: 'FileRejected', cause: 'note-fr.pdf does not match its sha256' } } });
    const tagged = await createTranslation(symbol, body({ language: 'zh' }), deps);
    expect(tagged.id).not.toBe(refused.id);
    await t.store.transition(tagged.id, 'RECEIVED', { from: ['AWAITING_UPLOAD'] });
    await t.store.transition(tagged.id, 'TAGGED', { from: ['RECEIVED'] });
    await t.store.transition(tagged.id, 'FAILED', { from: ['TAGGED'], set: { error: { error: 'DiskFull', cause: 'no space' } } });
    await expect(createTranslation(symbol, body({ language: 'zh' }), deps))
      .rejects.toThrow(`The Chinese version of ${symbol} is already on its way: submission ${tagged.id} is FAILED; redrive it (circulate admin redrive ${tagged.id}) rather than send it again`);
  });
});
