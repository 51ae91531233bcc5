import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { markFailed, ownObjects } from '../../functions/mark-failed/mark-failed';
import { publish } from '../../functions/publish/publish';
import { VerifiedFileMismatch } from '#shared/domain/errors';
import { startTestStore } from '../support/dynamodb';
import { SITE, memorySite } from './memory-site';
import { taggedSubmission } from './publish-fixtures';

/**
 * MarkFailed after a failed Publish, on dynalite with the site in memory: what the publication put
 * on the site before its session listed it is taken off; once listed, it stays for a redrive.
 */
describe('MarkFailed and the site', () => {
  let t: Awaited<ReturnType<typeof startTestStore>>;
  beforeAll(async () => { t = await startTestStore(); });
  afterAll(async () => t?.close());

  const failure = { Error: 'VerifiedFileMismatch', Cause: 'annex.en.pdf: the bytes differ from those receive verified' };

  it('takes off the site the files and pages of a publication that failed before its session listed it', async () => {
    const record = taggedSubmission(90, 1);
    await t.store.createSubmission(record);
    const site = memorySite();
    // The first file is copied, its own pages written, and then the announcement fails.
    const failing = { ...t.store, addToSession: async () => { throw new VerifiedFileMismatch('stands for any permanent fault before the announcement'); } };
    await expect(publish(record.id, { store: failing, files: site.files, derived: site.derived, siteUrl: SITE })).rejects.toThrow(VerifiedFileMismatch);
    const written = [...site.objects.keys()];
    expect(written.length).toBeGreaterThan(1);
    expect(ownObjects(record, record.symbol!)).toEqual(expect.arrayContaining(written));

    await markFailed({ submissionId: record.id, error: failure }, t.store, { store: t.store, files: site.files });
    expect([...site.objects.keys()]).toEqual([]);
    const failed = await t.store.mustGetSubmission(record.id);
    expect(failed.status).toBe('FAILED');
    expect(failed.history.at(-1)?.detail).toBe(`VerifiedFileMismatch: ${failure.Cause}`);
  });

  it('leaves on the site a publication its session already lists (its lists may link to it), for a redrive to finish', async () => {
    const record = taggedSubmission(91, 1);
    await t.store.createSubmission(record);
    const site = memorySite();
    await publish(record.id, { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE });
    const before = [...site.objects.keys()].sort();

    await markFailed({ submissionId: record.id, error: { Error: 'ListingPending', Cause: 'not yet on its session\'s lists' } }, t.store, { store: t.store, files: site.files });
    expect([...site.objects.keys()].sort()).toEqual(before);
    expect((await t.store.mustGetSubmission(record.id)).status).toBe('FAILED');
  });

  it('removes nothing for a submission that failed before it had a symbol', async () => {
    const record = { ...taggedSubmission(92, 1), status: 'RECEIVED' as const, symbol: undefined };
    await t.store.createSubmission(record);
    const site = memorySite();
    await site.files.putPage('A/HRC/92/G/1/index.html', 'not this one’s');
    await markFailed({ submissionId: record.id, error: failure }, t.store, { store: t.store, files: site.files });
    expect([...site.objects.keys()]).toEqual(['A/HRC/92/G/1/index.html']);
  });
});
