import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { DocumentRecord, PublishedFile } from '#shared/domain/document';
import type { ExtractedText } from '#shared/text/extract';
import { TEXT_MINISEARCH_OPTIONS, type TextDocument } from '#shared/domain/search-options';
import { paragraphsOfText } from '#shared/text/paragraphs';
import { tagTranslationStatus } from '#shared/domain/translation-status';
import { renderSearchShard, renderSearchTextShard, searchTextShard } from '../functions/publish/search-index';
import { doc } from '../test/unit/publish-fixtures';
// A deterministic generator, so every run measures the same session.
import { random } from '../infra/local/wire-faults';

/**
 * The size of a session's search data once texts are searched: a session of `documents` notes
 * verbales, each an English original (cover note and annex) and a French version (its cover note;
 * every other annex translated, the others reproduced as received), their texts made from the
 * example's (examples/A_HRC_47_G_10): the cover notes as they are, annexes written anew in the
 * words of the example's annex (French ones, of its French cover note) one to ten times its length
 * (some annexes are long); then other States' names, and one word in ten drawn from a vocabulary
 * of 50,000 with Zipf's law (the names, places and terms that make each text its own, so the index
 * has a realistic number of distinct terms). Prints the shard and the text shard,
 * raw and gzipped, and the time to build them (`npx tsx bench/search-shards.ts`, or in `npm run bench`).
 */

export interface ShardSize { bytes: number; gzipBytes: number; buildMs: number }

export interface SearchShardFigures {
  documents: number;
  /** Text shard entries: language versions with a text of their own. */
  versions: number;
  textCharacters: number;
  shard: ShardSize;
  textShard: ShardSize;
  /** The same texts without the prebuilt index, for comparison: what indexing in the browser would ship. */
  textsOnly: ShardSize;
  /** In this process, as the browser would: loading the prebuilt index, and indexing the texts instead. */
  loadIndexMs: number;
  indexInBrowserMs: number;
  /** A two-word query against the loaded index. */
  queryMs: number;
  /**
   * What gzip makes of real prose (docs/architecture.md and domain.md), and the text shard's size
   * had its texts compressed that well and no better: generated texts repeat more than real ones.
   */
  proseGzipRatio: number;
  estimatedGzipBytes: number;
}

const EXAMPLE = fileURLToPath(new URL('../examples/A_HRC_47_G_10/', import.meta.url));
const read = (name: string) => paragraphsOfText(readFileSync(`${EXAMPLE}${name}`, 'utf8'));
const COVER_EN = read('note-verbale.txt');
const ANNEX_EN = read('annex.txt');
const COVER_FR = read('fr/note-verbale.txt');

const STATES = ['Chile', 'Norway', 'Kenya', 'Viet Nam', 'Uruguay', 'Senegal', 'Indonesia', 'Ukraine', 'Morocco', 'Peru', 'Philippines',
  'Egypt', 'Mongolia', 'Ecuador', 'Nepal', 'Ghana', 'Georgia', 'Tunisia', 'Cuba', 'Fiji', 'Pakistan', 'Bolivia', 'Latvia', 'Qatar'];
const VOCABULARY = 50_000;
const SYLLABLES = ['ka', 'ro', 'mi', 'tu', 'sa', 'le', 'no', 'vi', 'da', 'pe', 'shi', 'gor', 'an', 'el', 'ur', 'ba', 'zet', 'qu', 'fo', 'ny'];

/** The word of rank `n` in the made-up vocabulary. */
function word(n: number): string {
  let w = '';
  let i = n;
  do {
    w += SYLLABLES[i % SYLLABLES.length];
    i = Math.floor(i / SYLLABLES.length);
  } while (i > 0);
  return w;
}

function varied(paragraphs: readonly string[], rnd: () => number, state: string): string[] {
  // Zipf's law, exponent 1: the rank is log-uniform.
  const zipf = () => word(Math.floor(Math.exp(rnd() * Math.log(VOCABULARY))));
  return paragraphs.map((p) => p
    .replace(/Azerbaïdjan|Azerbaijan(i)?/g, state)
    .replace(/\b\d+\b/g, () => String(1 + Math.floor(rnd() * 31)))
    .split(' ').map((w) => (rnd() < 0.1 ? zipf() : w)).join(' '));
}

/**
 * Text in the words of `source`, about `characters` long: a walk of its word pairs (each next word
 * one that follows the last in the source), so no long passage repeats verbatim, as in real texts
 * (gzip makes about a third of real prose; repeated paragraphs would flatter it).
 */
function written(source: readonly string[], characters: number, rnd: () => number): string[] {
  const words = source.join(' ').split(' ');
  const next = new Map<string, string[]>();
  words.forEach((w, i) => {
    const following = words[i + 1];
    if (following) next.set(w, [...(next.get(w) ?? []), following]);
  });
  const paragraphs: string[] = [];
  let total = 0;
  while (total < characters) {
    const length = 300 + Math.floor(rnd() * 600);
    let w = words[Math.floor(rnd() * words.length)]!;
    const paragraph = [w];
    let size = w.length;
    while (size < length) {
      const options = next.get(w) ?? words;
      w = options[Math.floor(rnd() * options.length)]!;
      paragraph.push(w);
      size += w.length + 1;
    }
    paragraphs.push(paragraph.join(' '));
    total += size;
  }
  return paragraphs;
}

const REPEATS = [1, 1, 1, 2, 2, 3, 4, 10];

export function benchSession(count: number): { documents: DocumentRecord[]; texts: Map<string, ExtractedText> } {
  const rnd = random(47);
  const texts = new Map<string, ExtractedText>();
  const documents = Array.from({ length: count }, (_, i) => {
    const n = i + 1;
    const state = STATES[i % STATES.length]!;
    const translated = n % 2 === 1;
    const annexLength = ANNEX_EN.join(' ').length * REPEATS[Math.floor(rnd() * REPEATS.length)]!;
    const annex = written(ANNEX_EN, annexLength, rnd);
    const frenchAnnex = written(COVER_FR, annexLength, rnd);
    const parts: { part: string; language: 'en' | 'fr'; paragraphs: string[] }[] = [
      { part: 'cover', language: 'en', paragraphs: varied(COVER_EN, rnd, state) },
      { part: 'annex', language: 'en', paragraphs: varied(annex, rnd, state) },
      { part: 'cover', language: 'fr', paragraphs: varied(COVER_FR, rnd, state) },
      ...(translated ? [{ part: 'annex', language: 'fr' as const, paragraphs: varied(frenchAnnex, rnd, state) }] : []),
    ];
    const files: PublishedFile[] = parts.map((p) => {
      const path = `A/HRC/47/G/${n}/${p.part}.${p.language}.txt`;
      const sha256 = `${String(n).padStart(8, '0')}${p.part}${p.language}`.padEnd(64, '0');
      const characters = p.paragraphs.reduce((c, q) => c + q.length, 0);
      texts.set(path, { format: 1, sha256, contentType: 'text/plain', textLayer: true, paragraphs: p.paragraphs });
      return { part: p.part, language: p.language, name: `${p.part}.txt`, contentType: 'text/plain', size: characters, sha256, path, text: { textLayer: true, characters } };
    });
    const table = tagTranslationStatus([{ part: 'cover', language: 'en', translate: true }, { part: 'annex', language: 'en', translate: translated }], 'en');
    table.cover!.fr = 'translated';
    if (translated) table.annex!.fr = 'translated';
    return doc(n, { title: `Note verbale dated 8 June 2021 from the Permanent Mission of ${state} (${n})`, sender: `Permanent Mission of ${state}`, files, translations: table });
  });
  return { documents, texts };
}

function timed<T>(fn: () => T): [T, number] {
  const started = performance.now();
  const value = fn();
  return [value, performance.now() - started];
}

function proseGzipRatio(): number {
  const prose = ['architecture.md', 'domain.md'].map((f) => readFileSync(fileURLToPath(new URL(`../docs/${f}`, import.meta.url)), 'utf8')).join('\n');
  return gzipSync(prose).length / Buffer.byteLength(prose);
}

const sized = (body: string, buildMs: number): ShardSize => ({ bytes: Buffer.byteLength(body), gzipBytes: gzipSync(body).length, buildMs });

export function benchSearchShards(count = 300): SearchShardFigures {
  const { documents, texts } = benchSession(count);
  // Once to warm up the JIT, then measured.
  renderSearchTextShard('HRC', 47, documents, texts);
  const [shard, shardMs] = timed(() => renderSearchShard('HRC', 47, documents));
  const [textShard, textMs] = timed(() => renderSearchTextShard('HRC', 47, documents, texts));
  const [plain, plainMs] = timed(() => `${JSON.stringify(searchTextShard('HRC', 47, documents, texts))}\n`);
  const parsed = JSON.parse(textShard) as { documents: TextDocument[]; index: AsPlainObject };
  const [loaded, loadIndexMs] = timed(() => MiniSearch.loadJS<TextDocument>(parsed.index, TEXT_MINISEARCH_OPTIONS));
  const [, indexInBrowserMs] = timed(() => new MiniSearch<TextDocument>(TEXT_MINISEARCH_OPTIONS).addAll(parsed.documents));
  const [, queryMs] = timed(() => loaded.search('sabotage landm'));
  const textsOnly = sized(plain, plainMs);
  const text = sized(textShard, textMs);
  const ratio = proseGzipRatio();
  return {
    documents: count,
    versions: parsed.documents.length,
    textCharacters: parsed.documents.reduce((n, d) => n + d.text.length, 0),
    shard: sized(shard, shardMs),
    textShard: text,
    textsOnly,
    loadIndexMs,
    indexInBrowserMs,
    queryMs,
    proseGzipRatio: ratio,
    estimatedGzipBytes: Math.round(text.gzipBytes - textsOnly.gzipBytes + textsOnly.bytes * ratio),
  };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;

export function describeSearchShards(f: SearchShardFigures): string[] {
  const row = (name: string, s: ShardSize) => `| ${name} | ${kB(s.bytes)} | ${kB(s.gzipBytes)} | ${s.buildMs.toFixed(0)} |`;
  return [
    `A session of ${f.documents} documents, ${f.versions} language versions with text, ${(f.textCharacters / 1e6).toFixed(2)} million characters of text.`,
    '',
    '| object | raw | gzip | build (ms) |',
    '|---|---:|---:|---:|',
    row('search shard (`search/A/HRC/47.json`)', f.shard),
    row('text shard with its prebuilt index (`search/A/HRC/47.text.json`)', f.textShard),
    row('the same texts without an index (not published)', f.textsOnly),
    '',
    `Generated texts compress better than real ones: had they compressed as real prose does (gzip to ${(f.proseGzipRatio * 100).toFixed(0)}%, measured on docs/), the text shard would be about ${kB(f.estimatedGzipBytes)} gzipped.`,
    `In this process: loading the prebuilt text index ${f.loadIndexMs.toFixed(0)} ms, indexing the texts instead ${f.indexInBrowserMs.toFixed(0)} ms; a two-word query ${f.queryMs.toFixed(1)} ms.`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(describeSearchShards(benchSearchShards(Number(process.argv[2] ?? 300))).join('\n'));
}
