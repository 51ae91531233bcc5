import { describe, expect, it } from '@jest/globals';
import { getDocument } from '../../functions/get-document/get-document';
import { MalformedSymbol, NotFound } from '#shared/domain/errors';
import type { Status } from '#shared/domain/schemas';
import type { DocumentRecord } from '#shared/domain/document';
import { FakeDocumentStore, FakeSubmissionStore } from '../support/fakes';
import { submissionIn } from '../support/submissions';
import { doc } from './publish-fixtures';

const SITE = 'https://docs.example.org';

/**
 * Documents 1 and 2, whose submissions are PUBLISHED unless `statuses` says otherwise, and any
 * `more` documents of the session with their submissions' statuses.
 */
async function setup(statuses: Partial<Record<1 | 2, Status>> = {}, more: readonly [DocumentRecord, Status][] = []) {
  const documents = new FakeDocumentStore();
  const submissions = new FakeSubmissionStore();
  const all: [DocumentRecord, Status][] = [
    [doc(1), statuses[1] ?? 'PUBLISHED'], [doc(2, { title: 'Second note' }), statuses[2] ?? 'PUBLISHED'], ...more,
  ];
  for (const [d, status] of all) {
    await documents.putDocument(d);
    submissions.seed(submissionIn(status, { id: d.submissionId, set: { symbol: d.symbol } }));
  }
  const symbols = all.map(([d]) => d.symbol);
  const store = {
    getDocument: documents.getDocument, getSubmission: submissions.getSubmission,
    sessionState: async () => ({ version: all.length, symbols }),
  };
  return { store, deps: { store, siteUrl: SITE } };
}

/** A corrigendum, revision or addendum of document 1, as AssignSymbol names it. */
const of1 = (final: string, n: number) => doc(1, { symbol: `A/HRC/47/G/1/${final}`, submissionId: `01J0000000000000000000L${String(n).padStart(3, '0')}`, title: `${final} of 1` });

describe('get-document', () => {
  it('answers the published document by its symbol, with its address on the site', async () => {
    const { deps } = await setup();
    expect(await getDocument('A/HRC/47/G/2', deps)).toMatchObject({
      symbol: 'A/HRC/47/G/2', url: `${SITE}/A/HRC/47/G/2/`, title: 'Second note', body: 'HRC', session: 47, agendaItem: 4,
      originalLanguage: 'en', publishedAt: '2021-06-18T09:00:02.000Z',
    });
  });

  it('accepts the symbol with a trailing slash, as a folder URL gives it', async () => {
    const { deps } = await setup();
    expect((await getDocument('A/HRC/47/G/1/', deps)).symbol).toBe('A/HRC/47/G/1');
  });

  it('links each file on the site and gives its checksum', async () => {
    const { deps } = await setup();
    expect((await getDocument('A/HRC/47/G/1', deps)).files).toEqual([
      { part: 'cover', language: 'en', name: 'note.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64), url: `${SITE}/A/HRC/47/G/1/cover.en.pdf` },
    ]);
  });

  it('links each language version’s issued PDF, with its size, pages and job number', async () => {
    const pdf = { path: 'A/HRC/47/G/3/A_HRC_47_G_3-E.pdf', size: 90_112, sha256: 'd'.repeat(64), pages: 4, jobNumber: 'GE.21-08253(E)', at: '2021-06-18T09:00:00.000Z' };
    const { deps } = await setup({}, [[doc(3, { pdfs: { en: pdf } }), 'PUBLISHED']]);
    expect((await getDocument('A/HRC/47/G/3', deps)).pdfs).toEqual({
      en: { url: `${SITE}/A/HRC/47/G/3/A_HRC_47_G_3-E.pdf`, size: 90_112, pages: 4, sha256: 'd'.repeat(64), jobNumber: 'GE.21-08253(E)' },
    });
    expect((await getDocument('A/HRC/47/G/1', deps)).pdfs).toEqual({});
  });

  it('prints the job numbers, one per language, as they appear on the documents', async () => {
    const { deps } = await setup();
    expect((await getDocument('A/HRC/47/G/1', deps)).jobNumbers).toEqual({
      ar: 'GE.21-08241(A)', zh: 'GE.21-08242(C)', en: 'GE.21-08243(E)', fr: 'GE.21-08244(F)', ru: 'GE.21-08245(R)', es: 'GE.21-08246(S)',
    });
  });

  it('gives the masthead and the status of each language version', async () => {
    const { deps } = await setup();
    const view = await getDocument('A/HRC/47/G/1', deps);
    expect(view.masthead).toBeDefined();
    expect(view.languages.cover).toMatchObject({ en: 'original', fr: 'pending' });
  });

  it('refuses a malformed symbol with the grammar’s words, without asking the store', async () => {
    const { store } = await setup();
    const asked: string[] = [];
    const deps = { store: { ...store, getDocument: (s: string) => { asked.push(s); return store.getDocument(s); } }, siteUrl: SITE };
    await expect(getDocument('A/HRC/47/G/010', deps)).rejects.toThrow(MalformedSymbol);
    await expect(getDocument('A/HRC/47/G/010', deps)).rejects.toThrow(/numbers do not start with 0/);
    await expect(getDocument('', deps)).rejects.toThrow(/empty/);
    expect(asked).toEqual([]);
  });

  it('answers 404 for a well-formed symbol that is not published', async () => {
    const { deps } = await setup();
    const missing = getDocument('A/HRC/47/G/99', deps);
    await expect(missing).rejects.toThrow(NotFound);
    await expect(missing).rejects.toThrow('No published document A/HRC/47/G/99');
  });

  it('answers 404 for a document whose submission is not PUBLISHED: what a Publish that failed, or is under way, wrote is not public', async () => {
    for (const status of ['FAILED', 'TAGGED'] as const) {
      const { deps } = await setup({ 2: status });
      await expect(getDocument('A/HRC/47/G/2', deps)).rejects.toThrow('No published document A/HRC/47/G/2');
      expect((await getDocument('A/HRC/47/G/1', deps)).symbol).toBe('A/HRC/47/G/1');
    }
  });

  it('does not mend a symbol written in the wrong case: it is malformed', async () => {
    const { deps } = await setup();
    await expect(getDocument('a/hrc/47/g/1', deps)).rejects.toThrow(MalformedSymbol);
  });

  it('shows the lineage both ways: what corrects, revises or adds to a document, and what it is of', async () => {
    const { deps } = await setup({}, [[of1('Corr.1', 1), 'PUBLISHED'], [of1('Rev.1', 2), 'PUBLISHED'], [of1('Add.1', 3), 'TAGGED']]);
    const base = await getDocument('A/HRC/47/G/1', deps);
    // The addendum's Publish is under way: not public, so not in the lineage either.
    expect(base.related).toEqual([
      { symbol: 'A/HRC/47/G/1/Corr.1', relation: 'corrigendum', url: `${SITE}/A/HRC/47/G/1/Corr.1/` },
      { symbol: 'A/HRC/47/G/1/Rev.1', relation: 'revision', url: `${SITE}/A/HRC/47/G/1/Rev.1/` },
    ]);
    expect(base.supersededBy).toBe('A/HRC/47/G/1/Rev.1');
    const corrigendum = await getDocument('A/HRC/47/G/1/Corr.1', deps);
    expect(corrigendum.related).toEqual([{ symbol: 'A/HRC/47/G/1', relation: 'corrects', url: `${SITE}/A/HRC/47/G/1/` }]);
    expect(corrigendum.supersededBy).toBeNull();
    expect((await getDocument('A/HRC/47/G/2', deps)).related).toEqual([]);
  });

  it('names the latest revision as the one that supersedes a document and its earlier revisions', async () => {
    const { deps } = await setup({}, [[of1('Rev.1', 1), 'PUBLISHED'], [of1('Rev.2', 2), 'PUBLISHED']]);
    expect((await getDocument('A/HRC/47/G/1', deps)).supersededBy).toBe('A/HRC/47/G/1/Rev.2');
    const first = await getDocument('A/HRC/47/G/1/Rev.1', deps);
    expect(first.supersededBy).toBe('A/HRC/47/G/1/Rev.2');
    expect(first.related.map((r) => [r.symbol, r.relation])).toEqual([['A/HRC/47/G/1', 'revises'], ['A/HRC/47/G/1/Rev.2', 'revision']]);
  });
});
