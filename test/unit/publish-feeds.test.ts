import { describe, expect, it } from '@jest/globals';
import type { DocumentRecord } from '#shared/domain/document';
import { FEED_ENTRIES, renderSessionFeed, renderSiteFeed } from '../../functions/publish/feeds';
import { renderSessionSitemap, renderSitemapIndex } from '../../functions/publish/sitemaps';
import { SITEMAP_INDEX_PATH, SITE_FEED_PATH } from '#shared/domain/site-paths';
import { sessionFeedPath, sessionSitemapPath } from '../../functions/publish/sessions';
import { el, escapeXml, xmlDocument } from '../../functions/publish/xml';
import { doc } from './publish-fixtures';
import { checkWellFormed, parseAtom, parseSitemap, parseSitemapIndex } from './publish-xml';
import { labelled } from '../support/expect';

const SITE = 'https://docs.example.org';

const HOSTILE = `</title><script>alert("x")</script> & 'quoted' ]]> <![CDATA[ &amp; \u{1F600} \uFFFF\uD800 end`;

describe('the XML writer', () => {
  // What a condition that is false puts in a child list (`cond && el(…)`).
  const skipped = [true][0] !== true;
  it('escapes text and attribute values and replaces characters XML cannot carry', () => {
    const xml = xmlDocument(el('root', { a: HOSTILE }, el('child', {}, HOSTILE), skipped && el('never'), null, undefined));
    expect(() => checkWellFormed(xml)).not.toThrow();
    expect(escapeXml('a<b>&"\'')).toBe('a&lt;b&gt;&amp;&quot;&apos;');
    expect(escapeXml('\uFFFF\uD800\u0001')).toBe('\uFFFD\uFFFD\uFFFD');
    expect(escapeXml('\u{1F600}')).toBe('\u{1F600}');
    expect(xml).not.toContain('never');
  });

  it('refuses element and attribute names that are not XML names', () => {
    expect(() => el('a b')).toThrow(TypeError);
    expect(() => el('a', { 'on"x': '1' })).toThrow(TypeError);
  });
});

describe('the strict XML check the tests rely on', () => {
  it('refuses what a lenient parser lets through', () => {
    for (const bad of ['<a>&</a>', '<a>&nbsp;</a>', '<a>\u0001</a>', '<a/><b/>', '<a b="<"/>', '<a><b></a></b>']) {
      labelled(bad, () => expect(() => checkWellFormed(bad)).toThrow());
    }
  });

  it('refuses a feed without an id, or an entry without a date', () => {
    const feed = renderSiteFeed([doc(1)], SITE);
    expect(() => parseAtom(feed.replace(/<id>[^<]*<\/id>\n<title>Human/, '<title>Human'))).toThrow(/no <id>/);
    expect(() => parseAtom(feed.replace(/<updated>[^<]*<\/updated>\n<published>/, '<published>'))).toThrow(/no <updated>/);
  });
});

describe('the Atom feeds', () => {
  const documents = [doc(1), doc(3, { agendaItem: 2 }), doc(2)];

  it('validates as Atom: one id, title, updated, a self link and an author, and each entry complete', () => {
    const feed = parseAtom(renderSiteFeed(documents, SITE));
    expect(feed).toMatchObject({
      id: `${SITE}/${SITE_FEED_PATH}`, self: `${SITE}/${SITE_FEED_PATH}`, alternate: `${SITE}/`,
      title: 'Human Rights Council documents', author: 'Secretariat of the Human Rights Council',
    });
    expect(feed.entries.map((e) => e.id)).toEqual([3, 2, 1].map((n) => `${SITE}/A/HRC/47/G/${n}/`));
    expect(feed.updated).toBe(documents[1]!.publishedAt);
    expect(feed.entries[0]).toEqual({
      id: `${SITE}/A/HRC/47/G/3/`, link: `${SITE}/A/HRC/47/G/3/`,
      title: 'A/HRC/47/G/3 — Note verbale number 3', titleLang: undefined,
      updated: documents[1]!.publishedAt, published: documents[1]!.publishedAt,
      author: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
      summary: 'Sender: Permanent Mission of Azerbaijan to the United Nations Office at Geneva. Dated: 8 June 2021. '
        + 'Agenda item 2: Annual report of the United Nations High Commissioner for Human Rights and reports of the Office of the High Commissioner and the Secretary-General.',
    });
  });

  it('carries a hostile title and sender as text, not markup', () => {
    const hostile = doc(9, { title: HOSTILE, sender: HOSTILE, originalLanguage: 'fr' });
    const xml = renderSiteFeed([hostile], SITE);
    const [entry] = parseAtom(xml).entries;
    const expected = HOSTILE.replace('\uFFFF\uD800', '\uFFFD\uFFFD');
    expect(entry!.title).toBe(`A/HRC/47/G/9 — ${expected}`);
    expect(entry!.titleLang).toBe('fr');
    expect(entry!.author).toBe(expected);
    expect(xml).not.toContain('<script>');
  });

  it('holds the latest entries only, newest first, and keeps the same bytes for the same documents', () => {
    const many = Array.from({ length: FEED_ENTRIES + 5 }, (_, i) => doc(i + 1));
    const feed = parseAtom(renderSiteFeed(many, SITE));
    expect(feed.entries).toHaveLength(FEED_ENTRIES);
    expect(feed.entries[0]!.id).toBe(`${SITE}/A/HRC/47/G/${FEED_ENTRIES + 5}/`);
    expect(renderSiteFeed([...many].reverse(), SITE)).toBe(renderSiteFeed(many, SITE));
  });

  it('gives each session its own feed, beside its page, and refuses another session’s document', () => {
    expect(sessionFeedPath('HRC', 47)).toBe('A/HRC/47/feed.xml');
    const feed = parseAtom(renderSessionFeed('HRC', 47, documents, SITE));
    expect(feed).toMatchObject({ id: `${SITE}/A/HRC/47/feed.xml`, alternate: `${SITE}/A/HRC/47/`, title: 'Human Rights Council — Forty-seventh session' });
    expect(feed.entries).toHaveLength(3);
    expect(() => renderSessionFeed('HRC', 48, documents, SITE)).toThrow(RangeError);
  });

  it('is still a valid feed with no entry (dated at the epoch)', () => {
    expect(parseAtom(renderSiteFeed([], SITE))).toMatchObject({ entries: [], updated: '1970-01-01T00:00:00.000Z' });
  });
});

describe('the sitemaps', () => {
  it('index one sitemap per session', () => {
    expect(SITEMAP_INDEX_PATH).toBe('sitemap.xml');
    const xml = renderSitemapIndex([{ body: 'HRC', session: 48 }, { body: 'HRC', session: 47 }], SITE);
    expect(parseSitemapIndex(xml)).toEqual([`${SITE}/A/HRC/47/sitemap.xml`, `${SITE}/A/HRC/48/sitemap.xml`]);
    expect(sessionSitemapPath('HRC', 47)).toBe('A/HRC/47/sitemap.xml');
  });

  it('list the session page and every page of each document, as absolute URLs with their dates', () => {
    const documents = [doc(2), doc(1, { agendaItem: 2 })];
    const pagesOf = (d: DocumentRecord) => [`${d.symbol}/index.html`, `${d.symbol}/fr/index.html`];
    const urls = parseSitemap(renderSessionSitemap('HRC', 47, documents, SITE, pagesOf));
    expect(urls).toEqual([
      { loc: `${SITE}/A/HRC/47/`, lastmod: documents[0]!.publishedAt },
      { loc: `${SITE}/A/HRC/47/G/1/`, lastmod: documents[1]!.publishedAt },
      { loc: `${SITE}/A/HRC/47/G/1/fr/`, lastmod: documents[1]!.publishedAt },
      { loc: `${SITE}/A/HRC/47/G/2/`, lastmod: documents[0]!.publishedAt },
      { loc: `${SITE}/A/HRC/47/G/2/fr/`, lastmod: documents[0]!.publishedAt },
    ]);
  });

  it('escape a site URL with characters that are markup in XML', () => {
    const xml = renderSitemapIndex([{ body: 'HRC', session: 47 }], 'https://example.org/?a=1&b=<2>');
    expect(parseSitemapIndex(xml)).toEqual(['https://example.org/?a=1&b=<2>/A/HRC/47/sitemap.xml']);
  });
});

describe('feed entries of corrigenda, revisions and addenda', () => {
  it('say what they are of, as a category, and link the document they relate to', () => {
    const documents = [doc(1), doc(1, { symbol: 'A/HRC/47/G/1/Corr.1', submissionId: '01J00000000000000000000C01' }), doc(1, { symbol: 'A/HRC/47/G/1/Rev.1', submissionId: '01J00000000000000000000R01' })];
    const feed = renderSessionFeed('HRC', 47, documents, SITE);
    expect(() => checkWellFormed(feed)).not.toThrow();
    expect(feed).toContain('<category term="corrigendum" label="Corrigendum of A/HRC/47/G/1"/>');
    expect(feed).toContain('<category term="revision" label="Revision of A/HRC/47/G/1"/>');
    expect(feed).toContain(`<link rel="related" type="text/html" href="${SITE}/A/HRC/47/G/1/" title="A/HRC/47/G/1"/>`);
    // The document itself is no one's component.
    expect(feed.match(/rel="related"/g)).toHaveLength(2);
  });
});

