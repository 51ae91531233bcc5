import { describe, expect, it } from '@jest/globals';
import { tagSubmission } from '../../functions/tag-translation-status/tag-translation-status';
import { InvalidTransition, NotFound } from '#shared/domain/errors';
import { LANGUAGE_CODES } from '#shared/domain/languages';
import type { Status, SubmissionRecord } from '#shared/domain/schemas';
import { verifiedKey } from '#shared/adapters/files';
import { FakeClock, FakeFiles, FakeSubmissionStore } from '../support/fakes';
import { annex, coverNote, submissionIn, type TestUpload } from '../support/submissions';

const SYMBOL = 'A/HRC/47/G/1';

/** The intake bucket with each file's upload and verified copy, as receive leaves it. */
function filesOf(record: SubmissionRecord) {
  const files = new FakeFiles();
  for (const f of record.submission.files) files.upload(f.key, new Uint8Array(f.size)).upload(verifiedKey(f), new Uint8Array(f.size));
  return files;
}

function setup(status: Status = 'SYMBOL_ASSIGNED', uploads: TestUpload[] = [coverNote(), annex()], symbol: string | null = SYMBOL) {
  const record = submissionIn(status, { at: '2021-06-18T07:00:00.000Z', uploads, set: symbol ? { symbol } : {} });
  const clock = new FakeClock('2021-06-18T08:00:00.000Z');
  const store = new FakeSubmissionStore(clock).seed(record);
  return { store, clock, files: filesOf(record), id: record.id, record };
}

describe('TagTranslationStatus', () => {
  it('moves a numbered submission from SYMBOL_ASSIGNED to TAGGED and hands on its symbol', async () => {
    const { store, files, id } = setup();
    expect(await tagSubmission(id, store, files)).toEqual({ submissionId: id, symbol: SYMBOL });
    expect(store.peek(id)?.status).toBe('TAGGED');
  });

  it('tags each stored file, upload and verified copy, with its symbol, language, part and status', async () => {
    const { store, files, id, record } = setup();
    await tagSubmission(id, store, files);
    const [cover, annexFile] = record.submission.files;
    expect(files.tags.get(cover!.key)).toEqual({ symbol: SYMBOL, language: 'en', part: 'cover', 'translation-status': 'original' });
    expect(files.tags.get(verifiedKey(annexFile!))).toEqual({ symbol: SYMBOL, language: 'en', part: 'annex', 'translation-status': 'original' });
  });

  it('gives every part a status in each of the six languages', async () => {
    const { store, files, id } = setup();
    await tagSubmission(id, store, files);
    const translations = store.peek(id)!.translations!;
    expect(Object.keys(translations).sort()).toEqual(['annex', 'cover']);
    for (const part of ['annex', 'cover']) expect(Object.keys(translations[part]!).sort()).toEqual([...LANGUAGE_CODES].sort());
  });

  it('marks the cover original in its language and pending in the other five', async () => {
    const { store, files, id } = setup();
    await tagSubmission(id, store, files);
    expect(store.peek(id)?.translations?.cover).toEqual({ ar: 'pending', zh: 'pending', en: 'original', fr: 'pending', ru: 'pending', es: 'pending' });
  });

  it('marks a part not to be translated as reproduced as received, and says so in the history', async () => {
    const { store, files, id } = setup();
    await tagSubmission(id, store, files);
    const record = store.peek(id)!;
    expect(record.translations?.annex).toMatchObject({ en: 'original', fr: 'reproduced-as-received', zh: 'reproduced-as-received' });
    expect(record.history.at(-1)).toEqual({ at: '2021-06-18T08:00:00.000Z', status: 'TAGGED', detail: 'reproduced as received: annex' });
  });

  it('says all parts are to be translated when none is reproduced as received', async () => {
    const { store, files, id } = setup('SYMBOL_ASSIGNED', [coverNote(), annex('Annex\n', { translate: true })]);
    await tagSubmission(id, store, files);
    expect(store.peek(id)?.history.at(-1)?.detail).toBe('all parts to be translated');
  });

  it('marks a version submitted in another language as translated', async () => {
    const { store, files, id } = setup('SYMBOL_ASSIGNED', [coverNote(), { name: 'note-fr.txt', part: 'cover', language: 'fr', bytes: new TextEncoder().encode('Note\n') }]);
    await tagSubmission(id, store, files);
    expect(store.peek(id)?.translations?.cover).toMatchObject({ en: 'original', fr: 'translated', es: 'pending' });
  });

  it('changes nothing when run twice: one TAGGED entry, the same translations', async () => {
    const { store, files, id, clock } = setup();
    await tagSubmission(id, store, files);
    const first = store.peek(id);
    clock.advance(1000);
    expect(await tagSubmission(id, store, files)).toEqual({ submissionId: id, symbol: SYMBOL });
    expect(store.peek(id)).toEqual(first);
    expect(store.writes).toEqual(['transition:TAGGED']);
  });

  it('leaves a submission already PUBLISHED as it is, and still hands on its symbol', async () => {
    const { store, files, id, record } = setup('PUBLISHED');
    expect(await tagSubmission(id, store, files)).toEqual({ submissionId: id, symbol: SYMBOL });
    expect(store.peek(id)).toEqual(record);
  });

  it('refuses a submission that has no symbol yet, writing nothing', async () => {
    const { store, files, id } = setup('RECEIVED', [coverNote()], null);
    await expect(tagSubmission(id, store, files)).rejects.toThrow(InvalidTransition);
    await expect(tagSubmission(id, store, files)).rejects.toThrow(`Submission ${id} has no symbol yet`);
    expect(store.writes).toEqual([]);
  });

  it('refuses to tag a submission that FAILED after it was numbered', async () => {
    const { store, files, id, record } = setup('FAILED');
    await expect(tagSubmission(id, store, files)).rejects.toThrow(`Submission ${id} is FAILED; it cannot become TAGGED`);
    expect(store.peek(id)).toEqual(record);
  });

  it('refuses a submission it does not know', async () => {
    await expect(tagSubmission('01J0000000000000000000NONE', new FakeSubmissionStore(), new FakeFiles())).rejects.toThrow(NotFound);
  });

  it('marks the versions a corrigendum does not correct not-issued, not pending', async () => {
    const french = { ...coverNote('Rectificatif\n'), language: 'fr' as const };
    const record = submissionIn('SYMBOL_ASSIGNED', { uploads: [french, annex('Annexe\n', { language: 'fr' })], set: { symbol: 'A/HRC/47/G/1/Corr.1' } });
    const store = new FakeSubmissionStore().seed({ ...record, submission: { ...record.submission, originalLanguage: 'fr', relatesTo: { symbol: SYMBOL, kind: 'Corr' } } });
    await tagSubmission(record.id, store, filesOf(record));
    const { cover, annex: reproduced } = store.peek(record.id)!.translations!;
    expect(cover).toEqual({ ar: 'not-issued', zh: 'not-issued', en: 'not-issued', fr: 'original', ru: 'not-issued', es: 'not-issued' });
    expect(reproduced).toEqual({ ar: 'not-issued', zh: 'not-issued', en: 'not-issued', fr: 'original', ru: 'not-issued', es: 'not-issued' });
  });

  it('leaves a revision’s and an addendum’s missing versions pending: they are whole documents to translate', async () => {
    const record = submissionIn('SYMBOL_ASSIGNED', { uploads: [coverNote()], set: { symbol: 'A/HRC/47/G/1/Rev.1' } });
    const store = new FakeSubmissionStore().seed({ ...record, submission: { ...record.submission, relatesTo: { symbol: SYMBOL, kind: 'Rev' } } });
    await tagSubmission(record.id, store, filesOf(record));
    expect(store.peek(record.id)!.translations!.cover!.fr).toBe('pending');
  });
});

