import MiniSearch from 'minisearch';
import { describe, expect, it } from '@jest/globals';
import { SearchEntry, renderSearchShard, renderSearchTextShard, searchShard } from '../../functions/publish/search-index';
import { DocumentRecord } from '#shared/domain/document';
import { jobNumbersFrom } from '#shared/domain/job-numbers';
import { REGISTRY } from '#shared/domain/registry';
import {
  MINISEARCH_OPTIONS, SEARCH_FIELDS, SEARCH_OPTIONS, STORE_FIELDS, processText, symbolKey, tokenize, type SearchDocument,
} from '#shared/domain/search-options';
import { tagTranslationStatus } from '#shared/domain/translation-status';
import { Shard, TextShard } from '../../web/site/data';
import { guessFromPath } from '../../web/site/paths';
import { exactSymbol, indexShard, indexTextShard, searchAll, type Hit } from '../../web/site/search-engine';
import { SNIPPET_CHARACTERS, snippet } from '../../web/site/snippet';
import { labelled } from '../support/expect';
import { documentWithTexts, example, session as textSession } from '../support/text-session';

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

// ── The documents' texts ───────────────────────────────────────────────────────────────────────

describe('the text search in the browser', () => {
  const { documents, texts } = textSession(
    example(10, { title: 'Note verbale from the Permanent Mission of Azerbaijan' }),
    documentWithTexts(11, 'fr', [{ part: 'cover', language: 'fr', paragraphs: ['La Mission permanente de la France a l’honneur de faire distribuer le compte rendu de la réunion tenue à Genève, où furent adoptées les décisions.'] }],
      { title: 'Lettre de la Mission permanente de la France', sender: 'Mission permanente de la France' }),
    documentWithTexts(12, 'ar', [{ part: 'cover', language: 'ar', paragraphs: ['تتشرف البعثة الدائمة لجمهورية أذربيجان لدى مكتب الأمم المتحدة بأن تحيل طيّه معلومات عن مستشفى المدينة.'] }], { title: 'مذكرة شفوية' }),
    documentWithTexts(13, 'zh', [{ part: 'cover', language: 'zh', paragraphs: ['常驻代表团谨请人权理事会将本普通照会作为第四十七届会议的文件分发。'] }], { title: '普通照会' }),
    documentWithTexts(14, 'ru', [{ part: 'cover', language: 'ru', paragraphs: ['Постоянное представительство имеет честь препроводить мой доклад о ёлке.'] }], { title: 'Вербальная нота' }),
    documentWithTexts(15, 'en', [
      { part: 'cover', language: 'en', paragraphs: ['A cover note about water.'] },
      { part: 'annex', language: 'en', paragraphs: ['Scanned'], scan: true, translate: false },
    ], { title: 'Note on water' }),
  );
  const shard = Shard.parse(JSON.parse(renderSearchShard('HRC', 47, documents)));
  const textShard = TextShard.parse(JSON.parse(renderSearchTextShard('HRC', 47, documents, texts)));
  const withTexts = () => ({ ...indexShard(shard), text: indexTextShard(textShard) });
  const sessions = [withTexts()];
  const found = (query: string) => searchAll(sessions, query).hits;
  const marked = (hit: Hit | undefined) => hit?.text?.snippet.filter((s) => s.marked).map((s) => s.text);

  it('finds a document by a word only its annex has, in the version whose file has it', () => {
    const [hit, ...others] = found('landmines');
    expect(others).toEqual([]);
    expect(hit).toMatchObject({ symbol: 'A/HRC/47/G/10', url: '/A/HRC/47/G/10/', title: 'Note verbale from the Permanent Mission of Azerbaijan', session: { url: '/A/HRC/47/' } });
    expect(hit!.text).toMatchObject({ language: 'en', url: '/A/HRC/47/G/10/en/' });
    expect(marked(hit)).toEqual(['landmines']);
    expect(indexShard(shard).text).toBeUndefined();
    expect(searchAll([indexShard(shard)], 'landmines').total).toBe(0);
  });

  it('finds a word of a translation in that version, linking its page', () => {
    const [hit] = found('Service de presse');
    expect(hit).toMatchObject({ symbol: 'A/HRC/47/G/10', text: { language: 'fr', url: '/A/HRC/47/G/10/fr/' } });
    expect(marked(hit)!.join(' ')).toContain('Service de presse');
  });

  it('finds a French word without its accents, and marks it as written', () => {
    const hits = found('reunion');
    expect(hits.map((h) => [h.symbol, h.text?.language])).toEqual(expect.arrayContaining([['A/HRC/47/G/11', 'fr'], ['A/HRC/47/G/10', 'fr']]));
    expect(marked(hits.find((h) => h.symbol === 'A/HRC/47/G/11'))).toEqual(['réunion']);
    expect(marked(found('ADOPTEES')[0])).toEqual(['adoptées']);
  });

  it('folds Latin letters that are not a letter and an accent', () => {
    expect(marked(found('Yuxari Ayrim')[0])).toEqual(['Yuxarı', 'Ayrım']);
    expect(processText('Łódź')).toEqual(['lodz']);
    expect(processText('Straße')).toEqual(['strasse']);
  });

  it('needs every word of the query in one version, the last one as typed so far', () => {
    expect(found('sabotage landm').map((h) => h.symbol)).toEqual(['A/HRC/47/G/10']);
    // The title search takes any word ("France" is in a title); the text search, all of them.
    expect(found('sabotage France').map((h) => [h.symbol, h.text])).toEqual([['A/HRC/47/G/11', undefined]]);
    // A typo in a longer word is forgiven.
    expect(found('reconnaisance').map((h) => h.symbol)).toEqual(['A/HRC/47/G/10']);
  });

  it('shows a document found by its title and its text once, counting both', () => {
    const { total, hits } = searchAll(sessions, 'Azerbaijan');
    expect(hits.filter((h) => h.symbol === 'A/HRC/47/G/10')).toHaveLength(1);
    expect(total).toBe(hits.length);
    const titleOnly = searchAll([indexShard(shard)], 'Azerbaijan').hits.find((h) => h.symbol === 'A/HRC/47/G/10')!;
    expect(hits.find((h) => h.symbol === 'A/HRC/47/G/10')!.score).toBeGreaterThan(titleOnly.score);
  });

  it('folds Arabic hamza and alef forms, so a word is found however its alef is written', () => {
    expect(found('اذربيجان').map((h) => h.symbol)).toEqual(['A/HRC/47/G/12']);
    expect(marked(found('اذربيجان')[0])).toEqual(['أذربيجان']);
    expect(processText('مستشفى')).toEqual(processText('مستشفي'));
    expect(processText('المدينة')).toEqual(processText('المدينه'));
    expect(processText('طيّه')).toEqual(['طيه']);
  });

  it('finds Chinese words inside a sentence written without spaces', () => {
    const [hit] = found('人权理事会');
    expect(hit).toMatchObject({ symbol: 'A/HRC/47/G/13', text: { language: 'zh', url: '/A/HRC/47/G/13/zh/' } });
    expect(marked(hit)).toEqual(['人权理事会']);
    expect(found('第四十七届').map((h) => h.symbol)).toEqual(['A/HRC/47/G/13']);
    expect(processText('人权')).toEqual(['人权']);
    expect(processText('人权理事会')).toEqual(['人权', '权理', '理事', '事会']);
  });

  it('keeps Russian й a letter of its own, and finds ё as е', () => {
    expect(processText('мой')).not.toEqual(processText('мои'));
    expect(found('елке').map((h) => h.symbol)).toEqual(['A/HRC/47/G/14']);
  });

  it('does not search a scan, and searches no version that has no text of its own', () => {
    expect(textShard.documents.map((d) => d.id)).not.toContain('A/HRC/47/G/15#fr');
    expect(found('Scanned')).toEqual([]);
    expect(found('water').map((h) => h.symbol)).toEqual(['A/HRC/47/G/15']);
  });

  it('answers the same from the prebuilt index as from the texts indexed in the browser', () => {
    const unindexed = TextShard.parse({ documents: textShard.documents });
    const indexedHere = [{ ...indexShard(shard), text: indexTextShard(unindexed) }];
    for (const query of ['landmines', 'reunion', 'اذربيجان', '人权理事会', 'sabotage landm']) {
      labelled(query, () => expect(searchAll(indexedHere, query)).toEqual(searchAll(sessions, query)));
    }
    const broken = TextShard.parse({ ...textShard, index: { serializationVersion: 999 } });
    expect(searchAll([{ ...indexShard(shard), text: indexTextShard(broken) }], 'landmines').total).toBe(1);
  });

  it('refuses texts whose links would leave the site', () => {
    const entry = textShard.documents[0]!;
    for (const url of ['javascript:alert(1)', '//evil.example/A/', 'https://evil.example/']) {
      labelled(url, () => expect(() => TextShard.parse({ documents: [{ ...entry, url }] })).toThrow());
    }
    expect(() => Shard.parse({ ...shard, text: 'https://evil.example/t.json' })).toThrow();
  });
});

describe('a result’s snippet', () => {
  const text = `${'Preamble words come first here. '.repeat(8)}The Mission requests that the annex on landmines be circulated, as landmines were planted near the border.\nA second paragraph follows with more words than the snippet can hold, and more again.`;
  const pieces = snippet(text, new Set(['landmines']));
  const whole = pieces.map((p) => p.text).join('');

  it('gives about 160 characters from just before the first match, cut between words, with ellipses', () => {
    expect(whole.length).toBeLessThanOrEqual(SNIPPET_CHARACTERS + 4);
    expect(whole.length).toBeGreaterThan(SNIPPET_CHARACTERS - 30);
    expect(whole).toMatch(/^… [A-Z]?[a-z]/);
    expect(whole).toMatch(/[a-z,.] …$/);
    expect(whole).toContain('The Mission requests that the annex on landmines');
  });

  it('marks every matched word in it, and only those', () => {
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(['landmines', 'landmines']);
  });

  it('shows the passage with most of the query’s words, not a common word’s first use', () => {
    const passage = snippet(`${'Of the of the of. '.repeat(20)}The annex of the note on landmines.`, new Set(['of', 'landmines']));
    expect(passage.filter((p) => p.marked).map((p) => p.text)).toContain('landmines');
  });

  it('starts at the beginning when the match is near it, and keeps paragraphs on one line', () => {
    const short = snippet('Landmines were found.\nThen nothing.', new Set(['landmines']));
    expect(short).toEqual([{ text: 'Landmines', marked: true }, { text: ' were found. Then nothing.', marked: false }]);
  });

  it('keeps markup in a text as plain text', () => {
    const hostile = snippet('sabotage <img src=x onerror=alert(1)> "><script>alert(2)</script>', new Set(['sabotage']));
    expect(hostile).toEqual([{ text: 'sabotage', marked: true }, { text: ' <img src=x onerror=alert(1)> "><script>alert(2)</script>', marked: false }]);
  });

  it('gives the text’s beginning when no word can be found', () => {
    expect(snippet('Nothing here matches.', new Set(['absent']))).toEqual([{ text: 'Nothing here matches.', marked: false }]);
  });
});
