import { expect } from '@jest/globals';
import type { PublishDeps } from '../../functions/publish/publish';
import type { Files } from '#shared/adapters/files';
import type { Derived } from '#shared/adapters/texts';
import { fileTextPath } from '#shared/domain/site-paths';
import { ExtractedText } from '#shared/text/extract';
import type { SessionDocuments } from '#shared/api/responses';
import { SearchShard } from '../../functions/publish/search-index';
import { parseAtom, parseSitemap } from './publish-xml';
import { labelled } from '../support/expect';

export const SITE = 'https://docs.example.org';

/**
 * The site bucket in memory. Each put lands when it finishes, after an optional delay: with random
 * delays, a put that started earlier may land later, the stale overwrite that publish must survive.
 */
export function memorySite(opts: { delay?: () => number; onWrite?: (path: string) => void } = {}) {
  const objects = new Map<string, { body: string; contentType: string }>();
  const writes: string[] = [];
  const land = async (path: string, body: string, contentType: string) => {
    const ms = opts.delay?.() ?? 0;
    if (ms) await new Promise((r) => setTimeout(r, ms));
    objects.set(path, { body, contentType });
    writes.push(path);
    opts.onWrite?.(path);
  };
  const files: PublishDeps['files'] & Pick<Files, 'removeFromSite'> = {
    publishFile: (file, path) => land(path, `bytes of ${file.key}`, file.contentType),
    putPage: (path, body, contentType = 'text/html; charset=utf-8') => land(path, body, contentType),
    removeFromSite: async (paths) => {
      for (const path of paths) objects.delete(path);
    },
  };
  /**
   * Texts and issued PDFs as the site keeps them: none is extracted or typeset here, so a file's
   * text is there only when a test puts it (`texts`); a published text is read back from the site.
   */
  const texts = new Map<string, ExtractedText>();
  const derived: Pick<Derived, 'publishText' | 'publishedText' | 'publishStagedPdf'> = {
    publishText: async (file, path) => {
      const t = texts.get(file.key);
      if (t) await land(fileTextPath(path), JSON.stringify(t), 'application/json; charset=utf-8');
      return t;
    },
    publishedText: async (f) => {
      const o = objects.get(fileTextPath(f.path));
      return o ? ExtractedText.parse(JSON.parse(o.body)) : undefined;
    },
    publishStagedPdf: async () => undefined,
  };
  const text = (path: string) => {
    const o = objects.get(path);
    if (!o) throw new Error(`no object ${path}`);
    return o.body;
  };
  return { objects, writes, files, derived, texts, text, json: (path: string): unknown => JSON.parse(text(path)) };
}

export type Site = ReturnType<typeof memorySite>;

/** The site's part of a step's dependencies: its files and its texts. */
export const siteDeps = (site: Site) => ({ files: site.files, derived: site.derived });

export const symbolsIn = {
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
export function expectSessionLists(site: Site, session: number, symbols: string[]) {
  const folder = `A/HRC/${session}/`;
  const sorted = [...symbols].sort();
  labelled('catalogue', () => expect(symbolsIn.catalogue(site, folder)).toEqual(sorted));
  labelled('session feed', () => expect(symbolsIn.feed(site, `${folder}feed.xml`)).toEqual(sorted));
  labelled('search shard', () => expect(symbolsIn.shard(site, `search/A/HRC/${session}.json`)).toEqual(sorted));
  labelled('session sitemap', () => expect(symbolsIn.sitemap(site, folder)).toEqual(sorted));
  labelled('session page', () => expect(symbolsIn.page(site, `${folder}index.html`)).toEqual(sorted));
}

