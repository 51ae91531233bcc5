import MiniSearch, { type AsPlainObject } from 'minisearch';
import { describe, expect, it } from '@jest/globals';
import { renderSessionCatalogue, sessionDocumentsView } from '../../functions/publish/catalogue';
import { MINISEARCH_OPTIONS, TEXT_MINISEARCH_OPTIONS } from '#shared/domain/search-options';
import {
  MAX_SEARCHED_TEXT_CHARACTERS, SearchIndex, SearchShard, SearchTextShard, renderSearchIndex, renderSearchShard, renderSearchTextShard, searchTextShard,
} from '../../functions/publish/search-index';
import { SEARCH_INDEX_PATH, searchTextShardPathOf } from '#shared/domain/site-paths';
import { searchShardPath, searchTextShardPath, sessionCataloguePath } from '../../functions/publish/sessions';
import { sessionObjects } from '../../functions/publish/site-objects';
import { documentView } from '#shared/api/views';
import { EXAMPLE_ANNEX, EXAMPLE_COVER, EXAMPLE_COVER_FR, documentWithTexts, example, session } from '../support/text-session';
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
    // The texts are in a shard of their own, which the shard names.
    expect(shard.text).toBe('/search/A/HRC/47.text.json');
    expect(JSON.stringify(shard)).not.toContain('"paragraphs"');
  });

  it('ships a prebuilt index in each shard, made with the options the search page uses', () => {
    const published = JSON.parse(renderSearchShard('HRC', 47, [doc(1), doc(2, { title: 'Letter about water' })])) as { index: unknown };
    const index = MiniSearch.loadJS(published.index as AsPlainObject, MINISEARCH_OPTIONS);
    expect(index.documentCount).toBe(2);
    expect(index.search('water').map((r) => r.id)).toEqual(['A/HRC/47/G/2']);
  });

  describe('the text shard', () => {
    const scanned = documentWithTexts(3, 'en', [
      { part: 'cover', language: 'en', paragraphs: ['A short cover note.'] },
      { part: 'annex', language: 'en', paragraphs: [], scan: true, translate: false },
    ]);
    const { documents, texts } = session(example(2), scanned, documentWithTexts(1, 'fr', [{ part: 'cover', language: 'fr', paragraphs: ['Une note.', 'Deux paragraphes.'] }]));

    it('is beside the session’s shard', () => {
      expect(searchTextShardPath('HRC', 47)).toBe('search/A/HRC/47.text.json');
      expect(searchTextShardPathOf('A/HRC/47/')).toBe('search/A/HRC/47.text.json');
    });

    it('holds each version’s text of its own files, cover first: a part reproduced as received once, in the original’s version', () => {
      const shard = searchTextShard('HRC', 47, documents, texts);
      expect(shard.documents.map((d) => d.id)).toEqual(['A/HRC/47/G/1#fr', 'A/HRC/47/G/2#en', 'A/HRC/47/G/2#fr', 'A/HRC/47/G/3#en']);
      expect(shard.documents[1]).toEqual({
        id: 'A/HRC/47/G/2#en', symbol: 'A/HRC/47/G/2', language: 'en', url: '/A/HRC/47/G/2/en/', text: [...EXAMPLE_COVER, ...EXAMPLE_ANNEX].join('\n'),
      });
      expect(shard.documents[2]!.text).toBe(EXAMPLE_COVER_FR.join('\n'));
      // A scan adds nothing.
      expect(shard.documents[3]!.text).toBe('A short cover note.');
    });

    it('leaves out files without a text, and texts of other bytes than the file’s', () => {
      expect(searchTextShard('HRC', 47, documents, new Map()).documents).toEqual([]);
      const [path, text] = example(2).texts[0]!;
      expect(searchTextShard('HRC', 47, [example(2).document], new Map([[path, { ...text, sha256: '0'.repeat(64) }]])).documents).toEqual([]);
    });

    it('searches at most the first 100,000 characters of a version, cut between words', () => {
      const long = documentWithTexts(4, 'en', [{ part: 'cover', language: 'en', paragraphs: Array.from({ length: 30 }, (_, i) => `${i} ${'word '.repeat(1_000)}`.trim()) }]);
      const [entry] = searchTextShard('HRC', 47, [long.document], new Map(long.texts)).documents;
      expect(entry!.text.length).toBeLessThanOrEqual(MAX_SEARCHED_TEXT_CHARACTERS);
      expect(entry!.text.length).toBeGreaterThan(MAX_SEARCHED_TEXT_CHARACTERS - 10);
      expect(entry!.text).toMatch(/ word$/);
    });

    it('ships its prebuilt index, made with the text search’s options', () => {
      const published = JSON.parse(renderSearchTextShard('HRC', 47, documents, texts)) as { index: unknown };
      expect(SearchTextShard.parse(published).documents).toHaveLength(4);
      const index = MiniSearch.loadJS(published.index as AsPlainObject, TEXT_MINISEARCH_OPTIONS);
      expect(index.search('landmines').map((r) => r.id)).toEqual(['A/HRC/47/G/2#en']);
      expect(index.search('reunion').map((r) => r.id)).toEqual(['A/HRC/47/G/2#fr']);
    });

    it('is written with the session’s lists, from all its documents', () => {
      const objects = sessionObjects('HRC', 47, documents, [], SITE, texts);
      const written = objects.find((o) => o.path === 'search/A/HRC/47.text.json')!;
      expect(written.contentType).toBe('application/json; charset=utf-8');
      expect(written.body).toBe(renderSearchTextShard('HRC', 47, documents, texts));
      expect(objects.find((o) => o.path === 'search/A/HRC/47.json')!.body).not.toContain('landmines');
    });
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
