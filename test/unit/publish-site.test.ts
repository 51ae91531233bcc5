import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publish, type PublishDeps } from '../../functions/publish/publish';
import type { SessionDocuments } from '#shared/api/responses';
import { LANGUAGE_CODES } from '#shared/domain/languages';
import { SearchIndex, SearchShard } from '../../functions/publish/search-index';
import { startTestStore } from '../support/dynamodb';
import { taggedSubmission } from './publish-fixtures';
import { parseAtom, parseSitemap, parseSitemapIndex } from './publish-xml';
import { labelled } from '../support/expect';

const SITE = 'https://docs.example.org';
/** Most puts land at once, some much later: enough for a stale render to land after a fresh one. */
const unevenDelay = () => (Math.random() < 0.3 ? 50 + Math.random() * 100 : Math.random() * 5);

/** A whole publication per written step, or eight at once with late writes: seconds on a 2-core machine, past jest's 5 s default. */
const HEAVY_TIMEOUT_MS = 30_000;

class Crash extends Error {
  override name = 'Crash';
}

/**
 * The site bucket in memory. Each put lands when it finishes, after an optional delay: with random
 * delays, a put that started earlier may land later, the stale overwrite that publish must survive.
 */
function memorySite(opts: { delay?: () => number; onWrite?: (path: string) => void } = {}) {
  const objects = new Map<string, { body: string; contentType: string }>();
  const writes: string[] = [];
  const land = async (path: string, body: string, contentType: string) => {
    const ms = opts.delay?.() ?? 0;
    if (ms) await new Promise((r) => setTimeout(r, ms));
    objects.set(path, { body, contentType });
    writes.push(path);
    opts.onWrite?.(path);
  };
  const files: PublishDeps['files'] = {
    publishFile: (file, path) => land(path, `bytes of ${file.key}`, file.contentType),
    putPage: (path, body, contentType = 'text/html; charset=utf-8') => land(path, body, contentType),
  };
  const text = (path: string) => {
    const o = objects.get(path);
    if (!o) throw new Error(`no object ${path}`);
    return o.body;
  };
  return { objects, writes, files, text, json: (path: string): unknown => JSON.parse(text(path)) };
}

type Site = ReturnType<typeof memorySite>;

const symbolsIn = {
  catalogue: (site: Site, folder: string) =>
    (site.json(`${folder}documents.json`) as SessionDocuments).agendaItems.flatMap((i) => i.documents.map((d) => d.symbol)).sort(),
  feed: (site: Site, path: string) => parseAtom(site.text(path)).entries.map((e) => e.id.slice(SITE.length + 1, -1)).sort(),
  shard: (site: Site, path: string) => SearchShard.parse(site.json(path)).documents.map((d) => d.symbol).sort(),
  // Document pages only (not the session page, nor the language pages).
  sitemap: (site: Site, folder: string) => parseSitemap(site.text(`${folder}sitemap.xml`)).map((u) => u.loc.slice(SITE.length + 1, -1))
    .filter((path) => /^A\/HRC\/\d+\/G\/\d+$/.test(path)).sort(),
  page: (site: Site, path: string) => [...site.text(path).matchAll(/<a href="\/(A\/HRC\/\d+\/G\/\d+)\/">/g)].map((m) => m[1]!).sort(),
};

/** Every file of session `session` lists exactly `symbols`. */
function expectSessionLists(site: Site, session: number, symbols: string[]) {
  const folder = `A/HRC/${session}/`;
  const sorted = [...symbols].sort();
  labelled('catalogue', () => expect(symbolsIn.catalogue(site, folder)).toEqual(sorted));
  labelled('session feed', () => expect(symbolsIn.feed(site, `${folder}feed.xml`)).toEqual(sorted));
  labelled('search shard', () => expect(symbolsIn.shard(site, `search/A/HRC/${session}.json`)).toEqual(sorted));
  labelled('session sitemap', () => expect(symbolsIn.sitemap(site, folder)).toEqual(sorted));
  labelled('session page', () => expect(symbolsIn.page(site, `${folder}index.html`)).toEqual(sorted));
}

describe('publish on the store, with the site in memory', () => {
  let t: Awaited<ReturnType<typeof startTestStore>>;
  beforeAll(async () => { t = await startTestStore(); });
  afterAll(async () => t?.close());

  async function seed(session: number, number: number, over: { agendaItem?: number } = {}) {
    const record = taggedSubmission(session, number, over);
    await t.store.createSubmission(record);
    return { id: record.id, symbol: record.symbol! };
  }

  it('writes the document’s files and pages, its session’s five files and the site’s feed and home page, and nothing of another session', async () => {
    const site = memorySite();
    const storeWrites: string[] = [];
    const store = t.storeWith({ afterWrite: (w) => void storeWrites.push(w) });
    const in47 = await seed(47, 1);
    await publish(in47.id, { store, files: site.files, siteUrl: SITE });

    const first48 = await seed(48, 1);
    site.writes.length = 0;
    storeWrites.length = 0;
    await publish(first48.id, { store, files: site.files, siteUrl: SITE });
    const session48 = ['A/HRC/48/index.html', 'A/HRC/48/documents.json', 'A/HRC/48/feed.xml', 'search/A/HRC/48.json', 'A/HRC/48/sitemap.xml'];
    const everyTime = ['index.html', 'feed.xml', 'assets/site.css', '404.html', 'search/index.html'];
    const pagesOf = (symbol: string) => [`${symbol}/index.html`, ...LANGUAGE_CODES.map((l) => `${symbol}/${l}/index.html`)];
    expect([...site.writes].sort()).toEqual(['A/HRC/48/G/1/cover.en.txt', ...pagesOf('A/HRC/48/G/1'), ...session48, ...everyTime,
      // A session's first document adds it to the site's indexes.
      'sitemap.xml', 'search/index.json'].sort());
    expect(storeWrites).toEqual(['putDocument', 'addToSession', 'addToLatest', 'addToSite', 'markIndexed', 'transition:PUBLISHED']);

    const second48 = await seed(48, 2);
    site.writes.length = 0;
    storeWrites.length = 0;
    await publish(second48.id, { store, files: site.files, siteUrl: SITE });
    expect([...site.writes].sort()).toEqual(['A/HRC/48/G/2/cover.en.txt', ...pagesOf('A/HRC/48/G/2'), ...session48, ...everyTime].sort());
    expect(parseSitemap(site.text('A/HRC/48/sitemap.xml')).map((u) => u.loc)).toEqual(
      ['A/HRC/48/index.html', ...pagesOf('A/HRC/48/G/1'), ...pagesOf('A/HRC/48/G/2')].map((k) => `${SITE}/${k.replace(/index\.html$/, '')}`));
    expect(storeWrites).toEqual(['putDocument', 'addToSession', 'addToLatest', 'addToSite', 'transition:PUBLISHED']);

    expectSessionLists(site, 47, ['A/HRC/47/G/1']);
    expectSessionLists(site, 48, ['A/HRC/48/G/1', 'A/HRC/48/G/2']);
    expect(parseSitemapIndex(site.text('sitemap.xml'))).toEqual([`${SITE}/A/HRC/47/sitemap.xml`, `${SITE}/A/HRC/48/sitemap.xml`]);
    expect(SearchIndex.parse(site.json('search/index.json')).shards.map((s) => s.session)).toEqual([48, 47]);
    expect(parseAtom(site.text('feed.xml')).entries.map((e) => e.id)).toEqual(
      ['A/HRC/48/G/2', 'A/HRC/48/G/1', 'A/HRC/47/G/1'].map((s) => `${SITE}/${s}/`));
    expect(site.text('index.html')).toMatch(/Forty-eighth session<\/a>\n<span class="muted">[^<]*2 documents<\/span>/);
  });

  it('changes nothing when run again: same bytes everywhere, same publication time', async () => {
    const site = memorySite();
    const { id, symbol } = await seed(49, 1);
    await publish(id, { store: t.store, files: site.files, siteUrl: SITE });
    const before = new Map(site.objects);
    const publishedAt = (await t.store.getDocument(symbol))!.publishedAt;
    await new Promise((r) => setTimeout(r, 5));
    await publish(id, { store: t.store, files: site.files, siteUrl: SITE });
    expect(site.objects).toEqual(before);
    expect((await t.store.getDocument(symbol))!.publishedAt).toBe(publishedAt);
  });

  it('ends in the right site when it crashed after any one of its writes and was run again', async () => {
    // Count the writes of one whole publication (store and site) in a session of its own.
    let total = 0;
    const probe = await seed(50, 1);
    await publish(probe.id, {
      store: t.storeWith({ afterWrite: () => void total++ }), files: memorySite({ onWrite: () => void total++ }).files, siteUrl: SITE,
    });
    expect(total).toBeGreaterThan(15);
    expect(total).toBeLessThan(35); // sessions 11 to 45 are this test's own

    for (let n = 1; n <= total; n++) {
      const session = 10 + n;
      const { id, symbol } = await seed(session, 1);
      let writes = 0;
      let armed = true;
      const crash = () => {
        if (armed && ++writes === n) throw new Crash(`crashed after write ${n}`);
      };
      const site = memorySite({ onWrite: crash });
      await expect(publish(id, { store: t.storeWith({ afterWrite: crash }), files: site.files, siteUrl: SITE })).rejects.toThrow(Crash);
      armed = false;

      await publish(id, { store: t.store, files: site.files, siteUrl: SITE });
      expectSessionLists(site, session, [symbol]);
      expect((await t.store.mustGetSubmission(id)).status).toBe('PUBLISHED');
      labelled(`crash after write ${n}`, () => expect(parseSitemapIndex(site.text('sitemap.xml'))).toContain(`${SITE}/A/HRC/${session}/sitemap.xml`));
      expect(SearchIndex.parse(site.json('search/index.json')).shards.map((s) => s.session)).toContain(session);
      expect(parseAtom(site.text('feed.xml')).entries[0]!.id).toBe(`${SITE}/${symbol}/`);
    }
  }, HEAVY_TIMEOUT_MS);

  it('loses no entry when eight publications in one session run at once and their writes land out of order', async () => {
    for (const session of [60, 61, 62]) {
      const site = memorySite({ delay: unevenDelay });
      const seeded = await Promise.all(Array.from({ length: 8 }, (_, i) => seed(session, i + 1, { agendaItem: i % 2 ? 4 : 3 })));
      await Promise.all(seeded.map(({ id }) => publish(id, { store: t.store, files: site.files, siteUrl: SITE })));
      expectSessionLists(site, session, seeded.map((s) => s.symbol));
      const latest = parseAtom(site.text('feed.xml')).entries.slice(0, 8).map((e) => e.id).sort();
      expect(latest).toEqual(seeded.map((s) => `${SITE}/${s.symbol}/`).sort());
      expect(site.text('index.html')).toContain('8 documents');
    }
  }, HEAVY_TIMEOUT_MS);

  it('lists every new session in the site’s indexes when several sessions first appear at once', async () => {
    const site = memorySite({ delay: unevenDelay });
    const sessions = [63, 64, 65, 66, 67];
    const seeded = await Promise.all(sessions.map((session) => seed(session, 1)));
    await Promise.all(seeded.map(({ id }) => publish(id, { store: t.store, files: site.files, siteUrl: SITE })));
    const indexed = parseSitemapIndex(site.text('sitemap.xml'));
    const shards = SearchIndex.parse(site.json('search/index.json')).shards.map((s) => s.session);
    for (const session of sessions) {
      expect(indexed).toContain(`${SITE}/A/HRC/${session}/sitemap.xml`);
      expect(shards).toContain(session);
    }
  });

  it('links a document and its corrigendum both ways, rewriting the corrected document\'s pages when the corrigendum is published', async () => {
    const site = memorySite();
    const original = await seed(70, 3);
    await publish(original.id, { store: t.store, files: site.files, siteUrl: SITE });
    expect(site.text('A/HRC/70/G/3/index.html')).not.toContain('Corr.1');

    // A corrigendum keeps its document's symbol with a final component.
    const record = { ...taggedSubmission(70, 3), symbol: 'A/HRC/70/G/3/Corr.1' };
    await t.store.createSubmission(record);
    site.writes.length = 0;
    await publish(record.id, { store: t.store, files: site.files, siteUrl: SITE });

    expect(site.writes).toContain('A/HRC/70/G/3/index.html');
    expect(site.writes).toContain('A/HRC/70/G/3/fr/index.html');
    expect(site.text('A/HRC/70/G/3/index.html')).toContain('href="/A/HRC/70/G/3/Corr.1/"');
    expect(site.text('A/HRC/70/G/3/Corr.1/index.html')).toContain('href="/A/HRC/70/G/3/"');
    // Documents that are not linked to it are not rewritten.
    const other = await seed(70, 4);
    site.writes.length = 0;
    await publish(other.id, { store: t.store, files: site.files, siteUrl: SITE });
    expect(site.writes.filter((w) => w.startsWith('A/HRC/70/G/3/'))).toEqual([]);
  });
});
