import { LANGUAGES, LANGUAGE_CODES, requireLanguage } from './languages';

/**
 * Every key of the site bucket and every link between the site's pages. Bundled for the browser
 * too (web/site), so it imports nothing that needs Node, zod or the registry: a session is named
 * here by its folder (`A/HRC/47/`), which functions/publish/sessions.ts finds from a body's code.
 */

/** A folder's page: `A/HRC/47/G/10/` is served from `A/HRC/47/G/10/index.html`. */
export const INDEX_PAGE = 'index.html';
export const HOME_PAGE_PATH = INDEX_PAGE;
export const NOT_FOUND_PATH = '404.html';
export const SITE_FEED_PATH = 'feed.xml';
export const SITEMAP_INDEX_PATH = 'sitemap.xml';

const SEARCH_FOLDER = 'search/';
export const SEARCH_PAGE_PATH = `${SEARCH_FOLDER}${INDEX_PAGE}`;
export const SEARCH_INDEX_PATH = `${SEARCH_FOLDER}index.json`;

const ASSETS_FOLDER = 'assets/';
export const STYLESHEET_PATH = `${ASSETS_FOLDER}site.css`;
export const SEARCH_SCRIPT_PATH = `${ASSETS_FOLDER}search.js`;
export const NOT_FOUND_SCRIPT_PATH = `${ASSETS_FOLDER}not-found.js`;

const STAFF_FOLDER = 'staff/';
export const STAFF_PAGE_PATH = `${STAFF_FOLDER}${INDEX_PAGE}`;
export const STAFF_SCRIPT_PATH = `${STAFF_FOLDER}app.js`;
export const STAFF_STYLESHEET_PATH = `${STAFF_FOLDER}staff.css`;

/** The key a request path is served from: a folder's page, or the path itself. */
export function pageKey(path: string): string {
  return path === '' || path.endsWith('/') ? `${path}${INDEX_PAGE}` : path;
}

// ── Documents ───────────────────────────────────────────────────────────────────────────────────

/** `A/HRC/47/G/10` → `A/HRC/47/G/10/`: the document's folder, its address and its files' place. */
export function documentPath(symbol: string): string {
  return `${symbol}/`;
}

/** `A/HRC/47/G/10` → `A/HRC/47/G/10/index.html` */
export function documentPagePath(symbol: string): string {
  return pageKey(documentPath(symbol));
}

/** `A/HRC/47/G/10`, `fr` → `A/HRC/47/G/10/fr/`: one language version of the document. */
export function documentLanguagePath(symbol: string, lang: string): string {
  return `${documentPath(symbol)}${requireLanguage(lang)}/`;
}

/** Where a submission is published: its document's page, or its language's page for a translation. */
export function publishedPath(symbol: string, translation?: { language: string } | null): string {
  return translation ? documentLanguagePath(symbol, translation.language) : documentPath(symbol);
}

/** `A/HRC/47/G/10`, `fr` → `A/HRC/47/G/10/fr/index.html` */
export function documentLanguagePagePath(symbol: string, lang: string): string {
  return pageKey(documentLanguagePath(symbol, lang));
}

/**
 * Every page a document has, in the order of its pages: the page of all its versions, then one per
 * language. Publish writes these, the session's sitemap lists them, MarkFailed removes them.
 */
export function documentPagePaths(symbol: string): string[] {
  return [documentPagePath(symbol), ...LANGUAGE_CODES.map((lang) => documentLanguagePagePath(symbol, lang))];
}

/** The published copy of a file: `A/HRC/47/G/10`, annex, en, pdf → `A/HRC/47/G/10/annex.en.pdf`. */
export function documentFilePath(symbol: string, file: { part: string; language: string }, extension: string): string {
  return `${documentPath(symbol)}${file.part}.${file.language}.${extension}`;
}

/** The text extracted from a published file, beside it: `A/HRC/47/G/10/annex.en.pdf` → `A/HRC/47/G/10/annex.en.pdf.text.json`. */
export function fileTextPath(filePath: string): string {
  return `${filePath}.text.json`;
}

/**
 * A language version's issued PDF, at a stable address in the document's folder, named as the UN
 * names its files (the language's letter, as in job numbers): `A/HRC/47/G/10`, fr → `A/HRC/47/G/10/A_HRC_47_G_10-F.pdf`.
 */
export function issuedPdfPath(symbol: string, lang: string): string {
  return `${documentPath(symbol)}${symbol.replace(/[/.]/g, '_')}-${LANGUAGES[requireLanguage(lang)].letter}.pdf`;
}

// ── Sessions, by folder ─────────────────────────────────────────────────────────────────────────

/** `A/HRC`, 47 → `A/HRC/47/`: the folder of the session's page, where its other files go too. */
export function sessionFolderOf(symbolPrefix: string, session: number): string {
  if (!Number.isInteger(session) || session < 1) throw new RangeError(`Not a session number: ${session}`);
  return `${symbolPrefix}/${session}/`;
}

const SESSION_FILES = { page: INDEX_PAGE, feed: 'feed.xml', catalogue: 'documents.json', sitemap: 'sitemap.xml' } as const;

/** A session's own files, in its folder: `A/HRC/47/feed.xml`… */
export function sessionFilePath(folder: string, file: keyof typeof SESSION_FILES): string {
  return `${folder}${SESSION_FILES[file]}`;
}

/** `A/HRC/47/` → `search/A/HRC/47.json`: the session's search shard. */
export function searchShardPathOf(folder: string): string {
  return `${SEARCH_FOLDER}${folder.replace(/\/+$/, '')}.json`;
}

/**
 * `A/HRC/47/` → `search/A/HRC/47.text.json`: the texts of the session's documents, searched once
 * a query is typed, apart from the shard the search page loads first.
 */
export function searchTextShardPathOf(folder: string): string {
  return `${SEARCH_FOLDER}${folder.replace(/\/+$/, '')}.text.json`;
}

// ── Links ───────────────────────────────────────────────────────────────────────────────────────

/**
 * A site key as a link from the site root: `A/HRC/47/G/10/index.html` → `/A/HRC/47/G/10/`, each
 * segment percent-encoded so that no key can make a link leave the site.
 */
export function rootRelative(key: string): string {
  const path = key.endsWith(`/${INDEX_PAGE}`) || key === INDEX_PAGE ? key.slice(0, -INDEX_PAGE.length) : key;
  return `/${path.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`;
}

export const documentHref = (symbol: string) => rootRelative(documentPath(symbol));
export const documentLanguageHref = (symbol: string, lang: string) => rootRelative(documentLanguagePath(symbol, lang));

/** The absolute URL of a site key, for feeds and sitemaps (which must carry absolute URLs). */
export function absolute(siteUrl: string, key: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${rootRelative(key)}`;
}
