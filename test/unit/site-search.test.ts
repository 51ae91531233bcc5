import MiniSearch from 'minisearch';
import { describe, expect, it } from '@jest/globals';
import { SearchEntry, searchShard } from '../../functions/publish/search-index';
import { DocumentRecord } from '#shared/domain/document';
import { jobNumbersFrom } from '#shared/domain/job-numbers';
import { REGISTRY } from '#shared/domain/registry';
import { MINISEARCH_OPTIONS, SEARCH_FIELDS, SEARCH_OPTIONS, STORE_FIELDS, symbolKey, tokenize, type SearchDocument } from '#shared/domain/search-options';
import { tagTranslationStatus } from '#shared/domain/translation-status';
import { Shard } from '../../web/site/data';
import { guessFromPath } from '../../web/site/paths';
import { exactSymbol, indexShard, searchAll } from '../../web/site/search-engine';
import { labelled } from '../support/expect';

function doc(n: number, over: Partial<DocumentRecord> = {}): DocumentRecord {
  const files = [{ part: 'cover', language: 'en' as const, translate: true }];
  return DocumentRecord.parse({
    symbol: `A/HRC/47/G/${n}`, submissionId: `01J00000000000000000000${String(n).padStart(3, '0')}`,
    body: 'HRC', session: 47, agendaItem: 4, series: 'G', number: n, kind: 'note-verbale',
    title: `Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan (${n})`,
    sender: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
    addressee: 'Office of the United Nations High Commissioner for Human Rights', dated: '2021-06-08',
    originalLanguage: 'en', mastheadDate: '2021-06-18', distribution: 'General', publishedAt: '2021-06-18T09:00:00.000Z',
    jobNumbers: jobNumbersFrom(REGISTRY.dutyStations.GE!, 2021, 6 * n), translations: tagTranslationStatus(files, 'en'),
    files: [{ part: 'cover', language: 'en', name: 'note.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64), path: `A/HRC/47/G/${n}/cover.en.pdf` }],
    ...over,
  });
}

const DOCS = [
  doc(1),
  doc(2, { title: 'Lettre datée du 3 juin 2021, adressée par la Mission permanente de la France', sender: 'Mission permanente de la France', originalLanguage: 'fr', agendaItem: 3, dated: '2021-06-03' }),
  doc(10, { title: 'Note verbale from the Permanent Mission of Chile', sender: 'Permanent Mission of Chile', dated: '2021-07-01' }),
];

/** The shard exactly as publish writes it, read back as the browser reads it. */
const shard = Shard.parse(JSON.parse(JSON.stringify(searchShard('HRC', 47, DOCS))));
const sessions = [indexShard(shard)];
const symbolsOf = (query: string) => searchAll(sessions, query).hits.map((h) => h.symbol);

describe('the search options', () => {
  it('search and store fields that publish writes in every shard entry', () => {
    const written = Object.keys(SearchEntry.shape);
    for (const field of [...SEARCH_FIELDS, ...STORE_FIELDS, 'id']) labelled(field, () => expect(written).toContain(field));
    expect(MINISEARCH_OPTIONS.fields).toEqual([...SEARCH_FIELDS]);
    expect(MINISEARCH_OPTIONS.storeFields).toEqual([...STORE_FIELDS]);
    expect(SEARCH_OPTIONS).toEqual({ prefix: true, fuzzy: 0.2, boost: { symbol: 3, title: 2 } });
    expect(MINISEARCH_OPTIONS.searchOptions).toEqual(SEARCH_OPTIONS);
  });

  it('split words on anything but letters, digits and marks, in any script', () => {
    expect(tokenize('"><b>bold</b>')).toEqual(['b', 'bold', 'b']);
    expect(tokenize('A/HRC/47/L.1/Rev.1')).toEqual(['A', 'HRC', '47', 'L', '1', 'Rev', '1']);
    expect(tokenize('Council’s 2021-06-08')).toEqual(['Council', 's', '2021', '06', '08']);
    expect(tokenize('البند 4 من جدول الأعمال')).toEqual(['البند', '4', 'من', 'جدول', 'الأعمال']);
    expect(tokenize('Générale + Conseil=Rights')).toEqual(['Générale', 'Conseil', 'Rights']);
  });

  it('compare symbols without case or spaces', () => {
    expect(symbolKey(' a/hrc/47/g/10 ')).toBe('A/HRC/47/G/10');
    expect(symbolKey('A/HRC/47/ G/10')).toBe('A/HRC/47/G/10');
  });
});

describe('the search in the browser', () => {
  it('finds documents by a word of the title, by a prefix and despite a typo', () => {
    expect(symbolsOf('Chile')).toEqual(['A/HRC/47/G/10']);
    expect(symbolsOf('Chil')).toEqual(['A/HRC/47/G/10']);
    expect(symbolsOf('Azerbaijn')).toEqual(expect.arrayContaining(['A/HRC/47/G/1']));
    expect(symbolsOf('Azerbaijan')).not.toContain('A/HRC/47/G/2');
  });

  it('finds words joined to markup-like symbols', () => {
    const odd = Shard.parse(JSON.parse(JSON.stringify(searchShard('HRC', 47, [doc(7, { sender: '"><b>bold</b>', title: '<script>x</script>' })]))));
    expect(searchAll([indexShard(odd)], 'bold').hits.map((h) => h.symbol)).toEqual(['A/HRC/47/G/7']);
  });

  it('ignores accents and case', () => {
    expect(symbolsOf('LETTRE')).toEqual(['A/HRC/47/G/2']);
    expect(symbolsOf('datee')[0]).toBe('A/HRC/47/G/2');
    expect(symbolsOf('DATÉE')[0]).toBe('A/HRC/47/G/2');
  });

  it('finds a document by its date as written and by its sender', () => {
    expect(symbolsOf('3 June 2021')[0]).toBe('A/HRC/47/G/2');
    expect(symbolsOf('Mission permanente de la France')[0]).toBe('A/HRC/47/G/2');
  });

  it('gives each result what the page shows, with its session, best first', () => {
    const { total, hits } = searchAll(sessions, 'Chile');
    expect(total).toBe(1);
    expect(hits[0]).toMatchObject({
      symbol: 'A/HRC/47/G/10', title: 'Note verbale from the Permanent Mission of Chile', sender: 'Permanent Mission of Chile',
      dated: '2021-07-01', datedText: '1 July 2021', agendaItem: 4, language: 'en', url: '/A/HRC/47/G/10/',
      session: { title: 'Human Rights Council — Forty-seventh session', url: '/A/HRC/47/' },
    });
    expect(searchAll(sessions, 'Permanent Mission', 1)).toMatchObject({ total: 3, hits: [expect.anything()] });
  });

  it('knows a query that is exactly a published symbol, in any case and with spaces', () => {
    expect(exactSymbol(sessions, 'a/hrc/47/g/1')).toBe('/A/HRC/47/G/1/');
    expect(exactSymbol(sessions, ' A/HRC/47/G/10 ')).toBe('/A/HRC/47/G/10/');
    expect(exactSymbol(sessions, 'A/HRC/47/G/11')).toBeUndefined();
    expect(exactSymbol(sessions, 'A/HRC/47/G/')).toBeUndefined();
    expect(exactSymbol(sessions, '')).toBeUndefined();
  });

  it('loads a prebuilt index made with the same options, and answers as if it had indexed the documents', () => {
    const prebuilt = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
    prebuilt.addAll(shard.documents!);
    const withIndex = Shard.parse({ title: shard.title, url: shard.url, index: JSON.parse(JSON.stringify(prebuilt)) });
    expect(withIndex.documents).toBeUndefined();
    const loaded = [indexShard(withIndex)];
    for (const query of ['Chile', 'Azerbaijn', 'datée', '3 June 2021', 'a/hrc/47/g/1']) {
      expect(searchAll(loaded, query)).toEqual(searchAll(sessions, query));
    }
    expect(exactSymbol(loaded, 'a/hrc/47/g/2')).toBe('/A/HRC/47/G/2/');
  });

  it('indexes the documents when a prebuilt index cannot be loaded', () => {
    const broken = Shard.parse({ ...shard, index: { serializationVersion: 999 } });
    expect(searchAll([indexShard(broken)], 'Chile').hits.map((h) => h.symbol)).toEqual(['A/HRC/47/G/10']);
    expect(() => indexShard(Shard.parse({ title: 't', url: '/A/HRC/47/', index: { serializationVersion: 999 } }))).toThrow(/neither documents nor a usable index/);
  });

  it('refuses search data whose links would leave the site', () => {
    const entry = shard.documents![0]!;
    for (const url of ['javascript:alert(1)', '//evil.example/A/', 'https://evil.example/', '/\\evil.example']) {
      labelled(url, () => expect(() => Shard.parse({ ...shard, documents: [{ ...entry, url }] })).toThrow());
    }
    expect(() => Shard.parse({ ...shard, url: 'javascript:alert(1)' })).toThrow();
  });
});

describe('guessFromPath, for the 404 page', () => {
  it.each([
    ['/A/HRC/47/G/99/', { session: 'A/HRC/47', symbol: 'A/HRC/47/G/99' }],
    ['/a/hrc/47/g/10', { session: 'A/HRC/47', symbol: 'a/hrc/47/g/10' }],
    ['/A/HRC/47/G/10/fr/', { session: 'A/HRC/47', symbol: 'A/HRC/47/G/10' }],
    ['/A/HRC/47/G/10/cover.en.pdf', { session: 'A/HRC/47', symbol: 'A/HRC/47/G/10' }],
    ['/A/HRC/47/L.1/Rev.1/', { session: 'A/HRC/47', symbol: 'A/HRC/47/L.1/Rev.1' }],
    ['/A/HRC/S-4/5/', { session: 'A/HRC/S-4', symbol: 'A/HRC/S-4/5' }],
    ['/A/HRC/WG.6/40/AFG/1/', { session: 'A/HRC/WG.6/40', symbol: 'A/HRC/WG.6/40/AFG/1' }],
    ['/A/HRC/48/', { session: 'A/HRC/48' }],
    ['/A%2FHRC%2F47%2FG%2F3', { session: 'A/HRC/47', symbol: 'A/HRC/47/G/3' }],
  ])('reads %s', (path, guess) => {
    expect(guessFromPath(path)).toEqual(guess);
  });

  it.each(['/', '/search/x', '/assets/site.css', '/A/HRC/', '/A/HRC/G/', '/staff/', '/%E0%A4%A'])('finds no symbol in %s', (path) => {
    expect(guessFromPath(path)).toBeUndefined();
  });
});
