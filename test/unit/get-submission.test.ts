import { describe, expect, it } from '@jest/globals';
import { getSubmission } from '../../functions/get-submission/get-submission';
import { BadRequest, NotFound } from '#shared/domain/errors';
import { FakeSubmissionStore } from '../support/fakes';
import { annex, coverNote, submissionIn } from '../support/submissions';
import { taggedSubmission } from './publish-fixtures';

const SITE = 'https://docs.example.org';

function setup(...records: Parameters<FakeSubmissionStore['seed']>) {
  const store = new FakeSubmissionStore().seed(...records);
  return { store, deps: { store, siteUrl: SITE } };
}

describe('get-submission', () => {
  it('answers a submission’s status and history as recorded', async () => {
    const record = submissionIn('RECEIVED', { at: '2021-06-18T07:00:00.000Z' });
    const { deps } = setup(record);
    expect(await getSubmission(record.id, deps)).toMatchObject({
      id: record.id, status: 'RECEIVED', createdAt: '2021-06-18T07:00:00.000Z', history: record.history,
      symbol: null, jobNumbers: null, url: null, translations: null, error: null,
    });
  });

  it('shows the submitted files without the keys they are stored under', async () => {
    const record = submissionIn('AWAITING_UPLOAD', { uploads: [coverNote(), annex()] });
    const view = await getSubmission(record.id, setup(record).deps);
    expect(view.submission.files.map((f) => f.name)).toEqual(['note-verbale.txt', 'annex.txt']);
    expect(view.submission.files.every((f) => !('key' in f))).toBe(true);
  });

  it('prints the job numbers of a numbered submission, not their internal form', async () => {
    const record = taggedSubmission(47, 1);
    const view = await getSubmission(record.id, setup(record).deps);
    expect(view.symbol).toBe('A/HRC/47/G/1');
    expect(view.jobNumbers).toMatchObject({ en: 'GE.21-00008(E)' });
    expect(JSON.stringify(view.jobNumbers)).not.toContain('G2100008');
  });

  it('gives the document’s address only once it is PUBLISHED', async () => {
    const tagged = taggedSubmission(47, 1);
    const published = { ...taggedSubmission(47, 2), status: 'PUBLISHED' as const };
    const { deps } = setup(tagged, published);
    expect((await getSubmission(tagged.id, deps)).url).toBeNull();
    expect((await getSubmission(published.id, deps)).url).toBe(`${SITE}/A/HRC/47/G/2/`);
  });

  it('gives the error of a FAILED submission as a code and a message', async () => {
    const record = submissionIn('FAILED', { set: { error: { error: 'FileMismatch', cause: 'annex.txt has 3 bytes; 6 were declared' } } });
    expect((await getSubmission(record.id, setup(record).deps)).error).toEqual({ code: 'FileMismatch', message: 'annex.txt has 3 bytes; 6 were declared' });
  });

  it.each(['abc', '01j1d7m3zk8q9v2w4x6y8z0a1b', '01J1D7M3ZK8Q9V2W4X6Y8Z0A1', '01J1D7M3ZK8Q9V2W4X6Y8Z0AIL', 'A/HRC/47/G/1', ''])(
    'refuses %p, which is not a submission id, saying what one is', async (id) => {
      await expect(getSubmission(id, setup().deps)).rejects.toThrow(BadRequest);
      await expect(getSubmission(id, setup().deps)).rejects.toThrow(/is not a submission id \(26 characters/);
    });

  it('answers 404 for a well-formed id it does not know', async () => {
    const missing = getSubmission('01J1D7M3ZK8Q9V2W4X6Y8Z0A1B', setup(submissionIn('RECEIVED')).deps);
    await expect(missing).rejects.toThrow(NotFound);
    await expect(missing).rejects.toThrow('No submission 01J1D7M3ZK8Q9V2W4X6Y8Z0A1B');
  });
});
