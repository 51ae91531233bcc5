import MiniSearch, { type AsPlainObject } from 'minisearch';
import { describe, expect, it } from '@jest/globals';
import { MINISEARCH_OPTIONS } from '#shared/domain/search-options';
import { renderSessionCatalogue, sessionDocumentsView } from '../../functions/publish/catalogue';
import { SearchIndex, SearchShard, renderSearchIndex, renderSearchShard } from '../../functions/publish/search-index';
import { SEARCH_INDEX_PATH } from '#shared/domain/site-paths';
import { searchShardPath, sessionCataloguePath } from '../../functions/publish/sessions';
import { documentView } from '#shared/api/views';
import { doc } from './publish-fixtures';

const SITE = 'https://docs.example.org';

describe('the session catalogue', () => {
  const documents = [doc(3), doc(1, { agendaItem: 2 }), doc(2), doc(10)];

  it('groups the documents by agenda item, in the order of issue, as the API answers', () => {
    const view = sessionDocumentsView('HRC', 47, documents, SITE);
    expect(view).toMatchObject({ body: 'HRC', session: 47, title: 'Forty-seventh session', dates: '21 June–9 July 2021' });
    expect(view.agendaItems.map((i) => [i.item, i.documents.map((d) => d.symbol)])).toEqual([
      [2, ['A/HRC/47/G/1']],
      [4, ['A/HRC/47/G/2', 'A/HRC/47/G/3', 'A/HRC/47/G/10']],
    ]);
    expect(view.agendaItems[1]!.title).toBe('Human rights situations that require the Council’s attention');
    expect(view.agendaItems[1]!.documents[0]).toEqual(documentView(documents[2]!, SITE));
  });

  it('does not depend on the order the store gives the documents in', () => {
    expect(sessionDocumentsView('HRC', 47, [...documents].reverse(), SITE)).toEqual(sessionDocumentsView('HRC', 47, documents, SITE));
  });

  it('is published beside the session page as that same answer, in JSON', () => {
    expect(sessionCataloguePath('HRC', 47)).toBe('A/HRC/47/documents.json');
    expect(JSON.parse(renderSessionCatalogue('HRC', 47, documents, SITE))).toEqual(sessionDocumentsView('HRC', 47, documents, SITE));
  });

  it('lists each document’s issued PDFs, as the API does', () => {
    const pdf = { path: 'A/HRC/47/G/3/A_HRC_47_G_3-F.pdf', size: 2_000, sha256: 'e'.repeat(64), pages: 1, jobNumber: 'GE.21-08256(F)', at: '2021-06-18T09:00:00.000Z' };
    const catalogue = JSON.parse(renderSessionCatalogue('HRC', 47, [doc(3, { pdfs: { fr: pdf } }), doc(1)], SITE)) as { agendaItems: { documents: { symbol: string; pdfs: unknown }[] }[] };
    expect(catalogue.agendaItems[0]!.documents.map((d) => [d.symbol, d.pdfs])).toEqual([
      ['A/HRC/47/G/1', {}],
      ['A/HRC/47/G/3', { fr: { url: `${SITE}/A/HRC/47/G/3/A_HRC_47_G_3-F.pdf`, size: 2_000, pages: 1, sha256: 'e'.repeat(64), jobNumber: 'GE.21-08256(F)' } }],
    ]);
  });

  it('refuses a document of another session', () => {
    expect(() => sessionDocumentsView('HRC', 47, [doc(1, { session: 48 })], SITE)).toThrow(RangeError);
  });
});

describe('the search data', () => {
  it('gives each session a shard with what to search and what to show of each document', () => {
    expect(searchShardPath('HRC', 47)).toBe('search/A/HRC/47.json');
    const shard = SearchShard.parse(JSON.parse(renderSearchShard('HRC', 47, [doc(2), doc(1, { title: 'Lettre « datée » <b>', originalLanguage: 'fr' })])));
    expect(shard).toMatchObject({ body: 'HRC', session: 47, title: 'Human Rights Council — Forty-seventh session', url: '/A/HRC/47/' });
    expect(shard.documents[0]).toEqual({
      id: 'A/HRC/47/G/1', symbol: 'A/HRC/47/G/1', title: 'Lettre « datée » <b>',
      sender: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
      dated: '2021-06-08', datedText: '8 June 2021', agendaItem: 4,
      agendaItemTitle: 'Human rights situations that require the Council’s attention',
      language: 'fr', url: '/A/HRC/47/G/1/', publishedAt: '2021-06-18T09:00:01.000Z',
    });
    expect(shard.documents.map((d) => d.symbol)).toEqual(['A/HRC/47/G/1', 'A/HRC/47/G/2']);
  });

  it('ships a prebuilt index in each shard, made with the options the search page uses', () => {
    const published = JSON.parse(renderSearchShard('HRC', 47, [doc(1), doc(2, { title: 'Letter about water' })])) as { index: unknown };
    const index = MiniSearch.loadJS(published.index as AsPlainObject, MINISEARCH_OPTIONS);
    expect(index.documentCount).toBe(2);
    expect(index.search('water').map((r) => r.id)).toEqual(['A/HRC/47/G/2']);
  });

  it('lists the shards, newest session first', () => {
    expect(SEARCH_INDEX_PATH).toBe('search/index.json');
    const index = SearchIndex.parse(JSON.parse(renderSearchIndex([{ body: 'HRC', session: 47 }, { body: 'HRC', session: 48 }])));
    expect(index.shards).toEqual([
      { body: 'HRC', session: 48, title: 'Human Rights Council — Forty-eighth session', url: '/search/A/HRC/48.json' },
      { body: 'HRC', session: 47, title: 'Human Rights Council — Forty-seventh session', url: '/search/A/HRC/47.json' },
    ]);
  });
});
