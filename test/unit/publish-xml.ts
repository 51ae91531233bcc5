import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Strict reading of the feeds and sitemaps the site publishes, for the unit and e2e tests:
 * well-formedness (fast-xml-parser's validator, plus what it lets through: characters XML 1.0
 * forbids, undeclared entities, a second root, `<` in an attribute), then the elements Atom and
 * the sitemap protocol require.
 */

type Node = Record<string, unknown>;

const ATOM = 'http://www.w3.org/2005/Atom';
const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const REPEATED = new Set(['entry', 'link', 'author', 'category', 'url', 'sitemap']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (_, e: string) =>
    e.startsWith('#x') || e.startsWith('#X') ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!);
}

export function checkWellFormed(xml: string): void {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid.err)}`);
  const bad = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(xml);
  if (bad) throw new Error(`a character XML 1.0 forbids: U+${bad[0].codePointAt(0)!.toString(16)}`);
  const entity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.exec(xml);
  if (entity) throw new Error(`an undeclared entity or a bare & at ${entity.index}: ${xml.slice(entity.index, entity.index + 20)}`);
  if (/="[^"]*</.test(xml.replace(/<\?xml[^>]*\?>/, ''))) throw new Error('< inside an attribute value');
  const body = xml.replace(/^\s*<\?xml[^>]*\?>\s*/, '');
  const root = /^<([\w:.-]+)/.exec(body)?.[1];
  if (!root || !body.trimEnd().endsWith(`</${root}>`)) throw new Error('not one root element');
}

export function parseXml(xml: string): Node {
  checkWellFormed(xml);
  const parser = new XMLParser({
    ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', parseTagValue: false, parseAttributeValue: false,
    isArray: (name: string) => REPEATED.has(name),
    // Entities decoded here, by XML 1.0's rules only (the parser's own would also take HTML's).
    processEntities: false,
    tagValueProcessor: (_name: string, v: string) => decode(v), attributeValueProcessor: (_name: string, v: string) => decode(v),
  });
  return parser.parse(xml) as Node;
}

/** An element's text, whether it came with attributes or not. */
export function text(node: unknown): string {
  if (typeof node === 'string') return node;
  if (node && typeof node === 'object' && '#text' in node) return String((node as Node)['#text']);
  if (node === '' || node === undefined) return '';
  throw new Error(`not a text element: ${JSON.stringify(node)}`);
}

const isAbsolute = (iri: string) => /^[a-z][a-z0-9+.-]*:/i.test(iri);

function one(parent: Node, name: string, where: string): unknown {
  const value = parent[name];
  if (value === undefined) throw new Error(`${where} has no <${name}>`);
  if (Array.isArray(value) && value.length !== 1) throw new Error(`${where} has ${value.length} <${name}>`);
  return Array.isArray(value) ? value[0] : value;
}

function timestamp(parent: Node, name: string, where: string): string {
  const value = text(one(parent, name, where));
  if (!RFC3339.test(value)) throw new Error(`${where} <${name}> is not an RFC 3339 date-time: ${value}`);
  return value;
}

export interface AtomEntry { id: string; title: string; titleLang?: string; updated: string; published: string; link: string; author: string; summary: string }
export interface AtomFeed { id: string; title: string; updated: string; self: string; alternate: string; author: string; entries: AtomEntry[] }

/** Parses an Atom feed and checks what RFC 4287 requires of it (and what Circulate promises: links, summaries). */
export function parseAtom(xml: string): AtomFeed {
  const feed = parseXml(xml).feed as Node | undefined;
  if (!feed) throw new Error('the root is not <feed>');
  if (feed['@xmlns'] !== ATOM) throw new Error(`<feed> is not in the Atom namespace: ${String(feed['@xmlns'])}`);
  const links = (feed.link ?? []) as Node[];
  const self = links.find((l) => l['@rel'] === 'self');
  if (!self) throw new Error('<feed> has no link rel="self"');
  const id = text(one(feed, 'id', 'feed'));
  if (!isAbsolute(id)) throw new Error(`feed id is not an IRI: ${id}`);
  const authors = (feed.author ?? []) as Node[];
  const entries = ((feed.entry ?? []) as Node[]).map((e, i): AtomEntry => {
    const where = `entry ${i + 1}`;
    const entryId = text(one(e, 'id', where));
    if (!isAbsolute(entryId)) throw new Error(`${where} id is not an IRI: ${entryId}`);
    const alternate = ((e.link ?? []) as Node[]).find((l) => (l['@rel'] ?? 'alternate') === 'alternate');
    if (!alternate && e.content === undefined) throw new Error(`${where} has neither content nor an alternate link`);
    const entryAuthors = (e.author ?? []) as Node[];
    if (authors.length === 0 && entryAuthors.length === 0) throw new Error(`${where} has no author and neither has the feed`);
    const title = one(e, 'title', where);
    return {
      id: entryId,
      title: text(title),
      titleLang: typeof title === 'object' ? (title as Node)['@xml:lang'] as string | undefined : undefined,
      updated: timestamp(e, 'updated', where),
      published: timestamp(e, 'published', where),
      link: String(alternate?.['@href'] ?? ''),
      author: entryAuthors[0] ? text(one(entryAuthors[0], 'name', `${where} author`)) : '',
      summary: e.summary === undefined ? '' : text(e.summary),
    };
  });
  return {
    id,
    title: text(one(feed, 'title', 'feed')),
    updated: timestamp(feed, 'updated', 'feed'),
    self: String(self['@href']),
    alternate: String(links.find((l) => l['@rel'] === 'alternate')?.['@href'] ?? ''),
    author: authors[0] ? text(one(authors[0], 'name', 'feed author')) : '',
    entries,
  };
}

/** A sitemap index: the sitemaps it lists. */
export function parseSitemapIndex(xml: string): string[] {
  const index = parseXml(xml).sitemapindex as Node | undefined;
  if (!index || index['@xmlns'] !== SITEMAP) throw new Error('not a sitemap index in the sitemaps.org namespace');
  return ((index.sitemap ?? []) as Node[]).map((s) => text(one(s, 'loc', 'sitemap')));
}

/** A sitemap: its URLs with their last modification. */
export function parseSitemap(xml: string): { loc: string; lastmod?: string }[] {
  const set = parseXml(xml).urlset as Node | undefined;
  if (!set || set['@xmlns'] !== SITEMAP) throw new Error('not a sitemap in the sitemaps.org namespace');
  return ((set.url ?? []) as Node[]).map((u) => {
    const loc = text(one(u, 'loc', 'url'));
    if (!isAbsolute(loc)) throw new Error(`a sitemap URL must be absolute: ${loc}`);
    return { loc, ...(u.lastmod === undefined ? {} : { lastmod: text(u.lastmod) }) };
  });
}
