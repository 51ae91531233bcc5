import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publish, type PublishDeps } from '../../functions/publish/publish';
import { renderLists, type ListTiming } from '../../functions/render-lists/render-lists';
import type { Store } from '#shared/adapters/store';
import { LANGUAGE_CODES } from '#shared/domain/languages';
import { SearchIndex } from '../../functions/publish/search-index';
import { startTestStore } from '../support/dynamodb';
import { taggedSubmission } from './publish-fixtures';
import { parseAtom, parseSitemap, parseSitemapIndex } from './publish-xml';
import { labelled } from '../support/expect';
import { SITE, expectSessionLists, memorySite, siteDeps, type Site } from './memory-site';

/** Most puts land at once, some much later: enough for a stale render to land after a fresh one. */
const unevenDelay = () => (Math.random() < 0.3 ? 50 + Math.random() * 100 : Math.random() * 5);

/** A whole publication per written step, or eight at once with late writes: seconds on a 2-core machine, past jest's 5 s default. */
const HEAVY_TIMEOUT_MS = 30_000;
/** A crash leaves the list writer's lease held, as a dead process would: the run again takes it once it expires. */
const CRASH_TIMING: Partial<ListTiming> = { pollMs: 5, batchWindowMs: 20, leaseMs: 30 };

class Crash extends Error {
  override name = 'Crash';
}

/** Short waits, and a lease far longer than any render here, unless a test says otherwise. */
const TIMING: Partial<ListTiming> = { pollMs: 5, batchWindowMs: 20, leaseMs: 10_000 };

/** As the workflow runs them: Publish, then RenderLists with what Publish returned. */
async function publishAndList(id: string, deps: { store: Store; files: PublishDeps['files']; derived: Site['derived']; siteUrl: string }, timing = TIMING) {
  return renderLists(await publish(id, deps), { ...deps, timing });
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

  it('writes the document’s files and pages, its session’s six files and the site’s feed and home page, and nothing of another session', async () => {
    const site = memorySite();
    const storeWrites: string[] = [];
    const store = t.storeWith({ afterWrite: (w) => void storeWrites.push(w) });
    const in47 = await seed(47, 1);
    await publishAndList(in47.id, { store, files: site.files, derived: site.derived, siteUrl: SITE });

    const first48 = await seed(48, 1);
    site.writes.length = 0;
    storeWrites.length = 0;
    await publishAndList(first48.id, { store, files: site.files, derived: site.derived, siteUrl: SITE });
    const session48 = ['A/HRC/48/index.html', 'A/HRC/48/documents.json', 'A/HRC/48/feed.xml', 'search/A/HRC/48.json', 'search/A/HRC/48.text.json', 'A/HRC/48/sitemap.xml'];
    const everyTime = ['index.html', 'feed.xml', 'assets/site.css', '404.html', 'search/index.html', 'sitemap.xml', 'search/index.json'];
    const pagesOf = (symbol: string) => [`${symbol}/index.html`, ...LANGUAGE_CODES.map((l) => `${symbol}/${l}/index.html`)];
    // Its own pages once, by its Publish: the session's render rewrites only the pages of documents linked to another.
    expect([...site.writes].sort()).toEqual(['A/HRC/48/G/1/cover.en.txt', ...pagesOf('A/HRC/48/G/1'), ...session48, ...everyTime].sort());
    expect(storeWrites.slice(0, 4)).toEqual(['putDocument', 'addToSession', 'addToLatest', 'addToSite']);
    // Then one render of each list group, as its writer (the session's, the site's), in either order.
    expect(storeWrites.slice(4, -1).sort()).toEqual(['finishRender', 'finishRender', 'recordRender', 'recordRender', 'takeLease', 'takeLease']);
    expect(storeWrites.at(-1)).toBe('transition:PUBLISHED');

    const second48 = await seed(48, 2);
    site.writes.length = 0;
    storeWrites.length = 0;
    await publishAndList(second48.id, { store, files: site.files, derived: site.derived, siteUrl: SITE });
    expect([...site.writes].sort()).toEqual(['A/HRC/48/G/2/cover.en.txt', ...pagesOf('A/HRC/48/G/2'), ...session48, ...everyTime].sort());
    expect(parseSitemap(site.text('A/HRC/48/sitemap.xml')).map((u) => u.loc)).toEqual(
      ['A/HRC/48/index.html', ...pagesOf('A/HRC/48/G/1'), ...pagesOf('A/HRC/48/G/2')].map((k) => `${SITE}/${k.replace(/index\.html$/, '')}`));
    expect(storeWrites.filter((w) => !/Lease|Render|Pending/.test(w))).toEqual(['putDocument', 'addToSession', 'addToLatest', 'addToSite', 'transition:PUBLISHED']);

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
    await publishAndList(id, { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE });
    const before = new Map(site.objects);
    const publishedAt = (await t.store.getDocument(symbol))!.publishedAt;
    await new Promise((r) => setTimeout(r, 5));
    await publishAndList(id, { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE });
    expect(site.objects).toEqual(before);
    expect((await t.store.getDocument(symbol))!.publishedAt).toBe(publishedAt);
  });

  it('ends in the right site when it crashed after any one of its writes and was run again', async () => {
    // Count the writes of one whole publication (store and site) in a session of its own.
    let total = 0;
    const probe = await seed(50, 1);
    await publishAndList(probe.id, {
      store: t.storeWith({ afterWrite: () => void total++ }), ...siteDeps(memorySite({ onWrite: () => void total++ })), siteUrl: SITE,
    });
    expect(total).toBeGreaterThan(15);
    expect(total).toBeLessThan(90); // sessions 101 to 190 are this test's own

    for (let n = 1; n <= total; n++) {
      const session = 100 + n;
      const { id, symbol } = await seed(session, 1);
      let writes = 0;
      let armed = true;
      const crash = () => {
        if (armed && ++writes === n) throw new Crash(`crashed after write ${n}`);
      };
      const site = memorySite({ onWrite: crash });
      await expect(publishAndList(id, { store: t.storeWith({ afterWrite: crash }), files: site.files, derived: site.derived, siteUrl: SITE }, CRASH_TIMING)).rejects.toThrow(Crash);
      armed = false;

      await publishAndList(id, { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE }, CRASH_TIMING);
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
      await Promise.all(seeded.map(({ id }) => publishAndList(id, { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE })));
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
    await Promise.all(seeded.map(({ id }) => publishAndList(id, { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE })));
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
    await publishAndList(original.id, { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE });
    expect(site.text('A/HRC/70/G/3/index.html')).not.toContain('Corr.1');

    // A corrigendum keeps its document's symbol with a final component.
    const record = { ...taggedSubmission(70, 3), symbol: 'A/HRC/70/G/3/Corr.1' };
    await t.store.createSubmission(record);
    site.writes.length = 0;
    await publishAndList(record.id, { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE });

    expect(site.writes).toContain('A/HRC/70/G/3/index.html');
    expect(site.writes).toContain('A/HRC/70/G/3/fr/index.html');
    expect(site.text('A/HRC/70/G/3/index.html')).toContain('href="/A/HRC/70/G/3/Corr.1/"');
    expect(site.text('A/HRC/70/G/3/Corr.1/index.html')).toContain('href="/A/HRC/70/G/3/"');
    // Documents that are not linked to it are not rewritten.
    const other = await seed(70, 4);
    site.writes.length = 0;
    await publishAndList(other.id, { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE });
    expect(site.writes.filter((w) => w.startsWith('A/HRC/70/G/3/'))).toEqual([]);
  });

  it('links a document and its corrigendum both ways when each one\'s Publish missed the other (published at the same time)', async () => {
    const site = memorySite();
    const original = await seed(71, 5);
    const corrigendum = { ...taggedSubmission(71, 5), symbol: 'A/HRC/71/G/5/Corr.1' };
    await t.store.createSubmission(corrigendum);
    // Each Publish reads its session before the other's announcement: it sees no relative.
    const blind = { ...t.store, sessionState: async (body: string, session: number) => ({ ...(await t.store.sessionState(body, session)), symbols: [] }) };
    const published = [await publish(original.id, { store: blind, files: site.files, derived: site.derived, siteUrl: SITE }), await publish(corrigendum.id, { store: blind, files: site.files, derived: site.derived, siteUrl: SITE })];
    expect(site.text('A/HRC/71/G/5/index.html')).not.toContain('Corr.1');
    expect(site.text('A/HRC/71/G/5/Corr.1/fr/index.html')).not.toContain('href="/A/HRC/71/G/5/"');
    await Promise.all(published.map((p) => renderLists(p, { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE, timing: TIMING })));
    expect(site.text('A/HRC/71/G/5/index.html')).toContain('href="/A/HRC/71/G/5/Corr.1/"');
    expect(site.text('A/HRC/71/G/5/Corr.1/fr/index.html')).toContain('href="/A/HRC/71/G/5/"');
  });
});
