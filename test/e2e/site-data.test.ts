import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SearchIndex, SearchShard } from '../../functions/publish/search-index';
import { createS3Client } from '../../infra/local/s3-client';
import { parseAtom, parseSitemap, parseSitemapIndex } from '../unit/publish-xml';
import { api, startTestStack, submit, waitForFinalStatus } from './helpers';
import { labelled } from '../support/expect';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/** Submits the example into a session under an agenda item, with its own title, and waits for it to be published. */
async function publishOne(stack: Stack, session: number, agendaItem: number, title: string): Promise<string> {
  const id = await submit(stack, undefined, (body) => Object.assign(body, { session, agendaItem, title }));
  const record = await waitForFinalStatus(stack, id, 60_000);
  labelled(JSON.stringify(record.error), () => expect(record.status).toBe('PUBLISHED'));
  return record.symbol as string;
}

async function get(stack: Stack, path: string) {
  const res = await fetch(`${stack.url}/${path}`);
  labelled(path, () => expect(res.status).toBe(200));
  return { type: res.headers.get('content-type') ?? '', text: await res.text() };
}

const pathOf = (stack: Stack, url: string) => url.slice(stack.url.length + 1);

describe('the site’s feeds, sitemaps, catalogues and search data on the embedded stack', () => {
  let stack: Stack;
  const in47: string[] = [];
  let in48: string;

  beforeAll(async () => {
    stack = await startTestStack();
    // One after another: their order of publication is the feed's order.
    in47.push(await publishOne(stack, 47, 4, 'First note & <friends>'));
    in47.push(await publishOne(stack, 47, 3, 'Second note'));
    in47.push(await publishOne(stack, 47, 4, 'Third note'));
    in48 = await publishOne(stack, 48, 4, 'A note of the 48th session');
  }, 180_000);
  afterAll(async () => stack?.cleanup());

  it('publishes an Atom feed of the whole site, newest first, and one per session', async () => {
    const site = await get(stack, 'feed.xml');
    expect(site.type).toMatch(/^application\/atom\+xml/);
    const feed = parseAtom(site.text);
    expect(feed.self).toBe(`${stack.url}/feed.xml`);
    expect(feed.entries.map((e) => e.id)).toEqual([in48, ...[...in47].reverse()].map((s) => `${stack.url}/${s}/`));
    expect(feed.entries.at(-1)!.title).toBe(`${in47[0]} — First note & <friends>`);

    const session = parseAtom((await get(stack, 'A/HRC/47/feed.xml')).text);
    expect(session.entries.map((e) => e.id).sort()).toEqual(in47.map((s) => `${stack.url}/${s}/`).sort());
    expect(session.alternate).toBe(`${stack.url}/A/HRC/47/`);
  });

  it('publishes a sitemap index whose session sitemaps list every document page', async () => {
    const index = await get(stack, 'sitemap.xml');
    expect(index.type).toMatch(/^application\/xml/);
    const sitemaps = parseSitemapIndex(index.text);
    expect(sitemaps).toEqual([`${stack.url}/A/HRC/47/sitemap.xml`, `${stack.url}/A/HRC/48/sitemap.xml`]);
    const listed = (await Promise.all(sitemaps.map(async (url) => parseSitemap((await get(stack, pathOf(stack, url))).text)))).flat().map((u) => u.loc);
    for (const symbol of [...in47, in48]) {
      expect(listed).toContain(`${stack.url}/${symbol}/`);
      expect(listed).toContain(`${stack.url}/${symbol}/fr/`);
    }
    expect(listed).toContain(`${stack.url}/A/HRC/47/`);
    // Every URL listed is a page that answers.
    for (const url of listed) await labelled(url, async () => expect((await fetch(url)).status).toBe(200));
  });

  it('publishes each session’s catalogue as exactly what the API answers', async () => {
    for (const session of [47, 48]) {
      const catalogue = await get(stack, `A/HRC/${session}/documents.json`);
      expect(catalogue.type).toMatch(/^application\/json/);
      const answer = await api(stack, `/sessions/HRC/${session}/documents`, { staff: false });
      expect(answer.status).toBe(200);
      expect(JSON.parse(catalogue.text)).toEqual(answer.json);
    }
    const answer47 = (await api(stack, '/sessions/HRC/47/documents', { staff: false })).json as { agendaItems: { item: number; documents: unknown[] }[] };
    expect(answer47.agendaItems.map((i) => [i.item, i.documents.length])).toEqual([[3, 1], [4, 2]]);
  });

  it('publishes the search data: a shard per session and the list of shards', async () => {
    const shard = SearchShard.parse(JSON.parse((await get(stack, 'search/A/HRC/47.json')).text));
    expect(shard.documents.map((d) => d.symbol).sort()).toEqual([...in47].sort());
    expect(shard.documents.find((d) => d.symbol === in47[0])).toMatchObject({ title: 'First note & <friends>', datedText: '8 June 2021', url: `/${in47[0]}/` });
    const index = SearchIndex.parse(JSON.parse((await get(stack, 'search/index.json')).text));
    expect(index.shards.map((s) => s.url)).toEqual(['/search/A/HRC/48.json', '/search/A/HRC/47.json']);
  });

  it('rewrites nothing of session 47 when a document is published in session 48', async () => {
    const s3 = createS3Client(stack.endpoints.s3);
    const objectsOf47 = async () => {
      const listed = await Promise.all(['A/HRC/47/', 'search/A/HRC/47'].map((Prefix) =>
        s3.send(new ListObjectsV2Command({ Bucket: stack.names.siteBucket, Prefix }))));
      return new Map(listed.flatMap((l) => l.Contents ?? []).map((o) => [o.Key!, `${o.ETag} ${o.LastModified?.toISOString()}`]));
    };
    const before = await objectsOf47();
    expect(before.size).toBeGreaterThan(10);
    await new Promise((r) => setTimeout(r, 1100)); // a rewrite, even of the same bytes, would show a later LastModified
    const symbol = await publishOne(stack, 48, 5, 'Another note of the 48th session');
    expect(await objectsOf47()).toEqual(before);
    expect(parseAtom((await get(stack, 'A/HRC/48/feed.xml')).text).entries.map((e) => e.id)).toContain(`${stack.url}/${symbol}/`);
    s3.destroy();
  });

  it('lists all of eight documents published at once in one session on its page, catalogue, feed and search shard', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, (_, i) =>
      submit(stack, undefined, (body) => Object.assign(body, { session: 49, agendaItem: i % 2 ? 4 : 3, title: `Concurrent note ${i + 1}` }))));
    const records = await Promise.all(ids.map((id) => waitForFinalStatus(stack, id, 120_000)));
    expect(records.map((r) => r.status)).toEqual(Array(8).fill('PUBLISHED'));
    const symbols = records.map((r) => r.symbol as string).sort();

    const page = (await get(stack, 'A/HRC/49/')).text;
    for (const symbol of symbols) expect(page).toContain(`href="/${symbol}/"`);
    const catalogue = JSON.parse((await get(stack, 'A/HRC/49/documents.json')).text) as { agendaItems: { documents: { symbol: string }[] }[] };
    expect(catalogue.agendaItems.flatMap((i) => i.documents.map((d) => d.symbol)).sort()).toEqual(symbols);
    expect(parseAtom((await get(stack, 'A/HRC/49/feed.xml')).text).entries.map((e) => pathOf(stack, e.id).replace(/\/$/, '')).sort()).toEqual(symbols);
    expect(SearchShard.parse(JSON.parse((await get(stack, 'search/A/HRC/49.json')).text)).documents.map((d) => d.symbol).sort()).toEqual(symbols);
    // The session page, and each document's page with its six language pages.
    expect(parseSitemap((await get(stack, 'A/HRC/49/sitemap.xml')).text)).toHaveLength(1 + 8 * 7);
    expect((await get(stack, '')).text).toMatch(/Forty-ninth session<\/a>\n<span class="muted">[^<]*8 documents/);
  }, 180_000);
});
