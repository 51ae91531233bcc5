import { attr, html, renderDocument, type Html, type SafeAttr, type SafeHtml } from './html';
import { localizedMasthead, type DocumentRecord, type MastheadText, type PublishedFile } from '../shared/domain/document';
import { body as bodyOf, sessionDates, sessionTitle, agendaItemTitle, type BodyConfig } from '../shared/domain/registry';
import { LANGUAGES, LANGUAGE_CODES, isLanguage, type Language } from '../shared/domain/languages';
import { REPRODUCED_AS_RECEIVED } from './footnotes';
import { partsInOrder } from '../shared/domain/translation-status';
import type { TranslationStatus } from '../shared/domain/schemas';
import { formatDate } from '../shared/domain/dates';
import { documentPath } from '../shared/domain/symbols';

/**
 * The static public site: one function per page, each returning a whole HTML document. Pages work
 * without JavaScript, except search; the two scripts (search, the 404 page's suggestion) are
 * external files built from web/site by infra/web-assets.ts, since the CSP refuses inline script.
 */

export const HOME_PAGE_PATH = 'index.html';
export const NOT_FOUND_PATH = '404.html';
export const SEARCH_PAGE_PATH = 'search/index.html';
export const STYLESHEET_PATH = 'assets/site.css';
export const SEARCH_SCRIPT_PATH = 'assets/search.js';
export const NOT_FOUND_SCRIPT_PATH = 'assets/not-found.js';
export const SITE_NAME = 'Human Rights Council documents';

/** `A/HRC/47/G/10` → `A/HRC/47/G/10/index.html` (the key in the site bucket). */
export function documentPagePath(symbol: string): string {
  return `${documentPath(symbol)}index.html`;
}

/** `A/HRC/47/G/10`, `fr` → `A/HRC/47/G/10/fr/index.html`: one language version of the document. */
export function documentLanguagePagePath(symbol: string, lang: string): string {
  return `${documentPath(symbol)}${requireLanguage(lang)}/index.html`;
}

/** `HRC`, 47 → `A/HRC/47/index.html` */
export function sessionPagePath(body: string, session: number): string {
  return `${sessionFolder(requireBody(body), session)}index.html`;
}

/**
 * A document related to the one on the page, and what it is to it: its `corrigendum`, `revision`
 * (which replaces it), `addendum` or `amendment`; or the document it `corrects`, `revises`,
 * `adds-to` or `amends`.
 */
export interface RelatedDocument {
  symbol: string;
  title: string;
  relation: Relation;
}

const RELATION_LABEL = {
  corrigendum: 'Corrigendum',
  revision: 'Revision, which replaces this document',
  addendum: 'Addendum',
  amendment: 'Amendment',
  corrects: 'Corrects',
  revises: 'Revises and replaces',
  'adds-to': 'Addendum to',
  amends: 'Amends',
} as const;

export type Relation = keyof typeof RELATION_LABEL;

const KIND_LABEL: Record<DocumentRecord['kind'], string> = { 'note-verbale': 'Note verbale', letter: 'Letter' };

const STATUS_LABEL: Record<TranslationStatus, string> = {
  original: 'Original',
  pending: 'Pending translation',
  translated: 'Translated',
  'reproduced-as-received': 'Reproduced as received',
};

const FILE_TYPE: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'text/plain': 'Text',
};

/**
 * The data files the pages link to, at the keys feeds.ts, catalogue.ts and search-index.ts write
 * them. Those modules import this one, so this one cannot import theirs without a cycle;
 * test/unit/site-pages.test.ts checks that both sides agree.
 */
const SITE_FEED_KEY = 'feed.xml';
const SEARCH_INDEX_KEY = 'search/index.json';
const sessionFeedKey = (code: string, session: number) => `${sessionFolder(requireBody(code), session)}feed.xml`;
const sessionCatalogueKey = (code: string, session: number) => `${sessionFolder(requireBody(code), session)}documents.json`;

const SCHEMA = 'https://schema.org/';
const FOOTNOTE_ID = 'footnote-reproduced';
const SEARCH_HREF = '/search/';

function requireBody(code: string): BodyConfig {
  const b = bodyOf(code);
  if (!b) throw new RangeError(`Unknown body ${code}`);
  return b;
}

function requireLanguage(lang: string): Language {
  if (!isLanguage(lang)) throw new RangeError(`Not an official language: ${lang}`);
  return lang;
}

function sessionFolder(b: BodyConfig, session: number): string {
  if (!Number.isInteger(session) || session < 1) throw new RangeError(`Not a session number: ${session}`);
  return `${b.symbolPrefix}/${session}/`;
}

/** A link to a path from the site root, each segment percent-encoded (a path can never leave the site). */
function siteHref(path: string): string {
  return `/${path.replace(/^\/+/, '').split('/').map(encodeURIComponent).join('/')}`;
}

const documentHref = (symbol: string) => siteHref(documentPath(symbol));
const languageHref = (symbol: string, lang: Language) => siteHref(`${documentPath(symbol)}${lang}/`);
const sessionHref = (code: string, session: number) => siteHref(sessionFolder(requireBody(code), session));

function sessionName(b: BodyConfig, code: string, session: number): string {
  return `${b.name.en ?? code} — ${sessionTitle(session)}`;
}

const dirOf = (language: Language) => LANGUAGES[language].dir;

/**
 * The attributes text in `language` needs inside an element whose language is `context` (and
 * direction `contextDir`): `lang` when they differ, `dir` too when its direction differs.
 */
function langAttrs(language: Language, context: Language, contextDir: 'ltr' | 'rtl' = dirOf(context)): SafeAttr[] {
  return [attr('lang', language !== context && language), attr('dir', dirOf(language) !== contextDir && dirOf(language))];
}

/** Submitter text inside English page furniture carries the document's language. */
function langOf(language: Language): SafeAttr | null {
  return language === 'en' ? null : attr('lang', language);
}

function date(iso: string, text = formatDate(iso), itemprop?: string): SafeHtml {
  return html`<time datetime="${iso}"${attr('itemprop', itemprop)}>${text}</time>`;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

interface Crumb {
  label: string;
  href?: string;
  lang?: Language;
}

/** A `<link rel="alternate">` in the head: feeds, the session's catalogue, the other language versions. */
interface Alternate {
  href: string;
  type?: string;
  hreflang?: Language | 'x-default';
  title?: string;
}

interface Page {
  lang: Language;
  title: string;
  content: SafeHtml;
  breadcrumb?: Crumb[];
  narrow?: boolean;
  noindex?: boolean;
  /** Besides the site's feed, which every page links. */
  alternates?: Alternate[];
  /** External module scripts, as site keys. */
  scripts?: string[];
  /** The navigation entry that is this page. */
  current?: 'search';
}

const SITE_FEED: Alternate = { href: siteHref(SITE_FEED_KEY), type: 'application/atom+xml', title: `${SITE_NAME}: latest documents (Atom)` };

function sessionAlternates(code: string, session: number): Alternate[] {
  const name = sessionName(requireBody(code), code, session);
  return [
    { href: siteHref(sessionFeedKey(code, session)), type: 'application/atom+xml', title: `${name}: documents (Atom)` },
  ];
}

function page(p: Page): string {
  // The page's language is the document's; the furniture around it stays English (and left to right).
  const dir = dirOf(p.lang);
  const en = langAttrs('en', p.lang, dir);
  const crumbs = p.breadcrumb ?? [];
  const alternates = [SITE_FEED, ...(p.alternates ?? [])];
  return renderDocument(html`<html lang="${p.lang}"${attr('dir', dir === 'rtl' && dir)}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${p.noindex && html`<meta name="robots" content="noindex">`}
<title>${p.title}</title>
<link rel="stylesheet" href="/${STYLESHEET_PATH}">
${alternates.map((a) => html`<link rel="alternate"${attr('type', a.type)}${attr('hreflang', a.hreflang)} href="${a.href}"${attr('title', a.title)}>\n`)}${(p.scripts ?? []).map((s) => html`<script type="module" src="${siteHref(s)}"></script>\n`)}</head>
<body>
<a class="skip-link" href="#main"${en}>Skip to main content</a>
<header class="site-header"${en}>
<div class="wrap"><a class="site-name" href="/">${SITE_NAME}</a>
<nav class="site-nav" aria-label="Site"><a href="${SEARCH_HREF}"${attr('aria-current', p.current === 'search' && 'page')}>Search</a></nav></div>
</header>
${crumbs.length > 0 && html`<nav class="breadcrumb" aria-label="Breadcrumb"${en}>
<div class="wrap"><ol>
${crumbs.map((c) => html`<li>${c.href
    ? html`<a href="${c.href}"${c.lang && langAttrs(c.lang, 'en')}>${c.label}</a>`
    : html`<span aria-current="page"${c.lang && langAttrs(c.lang, 'en')}>${c.label}</span>`}</li>\n`)}</ol></div>
</nav>`}
<main id="main" tabindex="-1">
<div class="wrap${p.narrow ? ' wrap-narrow' : ''}">
${p.content}
</div>
</main>
<footer class="site-footer"${en}>
<div class="wrap"><p>Published by the secretariat of the Human Rights Council. Each document’s address is made of its symbol.</p>
<p><a href="${SITE_FEED.href}" type="application/atom+xml">Feed of the latest documents (Atom)</a></p></div>
</footer>
</body>
</html>`);
}

/** The search form of the home, search and 404 pages: a plain GET form, so it works as a link would. */
function searchForm(id: string, label: string, extra: SafeAttr[] = []): SafeHtml {
  return html`<form class="search-form" action="${SEARCH_HREF}" method="get" role="search"${extra}>
<label for="${id}">${label}</label>
<div class="search-row"><input type="search" id="${id}" name="q" autocomplete="off" spellcheck="false" enterkeyhint="search">
<button type="submit">Search</button></div>
</form>`;
}

// ── The document's pages ────────────────────────────────────────────────────────────────────────

/** Cover first, then annexes, including any part known only from the translation table. */
function partsOf(doc: DocumentRecord): string[] {
  return partsInOrder([...doc.files, ...Object.keys(doc.translations).map((part) => ({ part }))]);
}

function partLabel(part: string, kind: DocumentRecord['kind']): string {
  if (part === 'cover') return KIND_LABEL[kind];
  if (part === 'annex') return 'Annex';
  const n = /^annex-(\d+)$/.exec(part)?.[1];
  return n ? `Annex ${n}` : part;
}

function partId(part: string, index: number): string {
  return /^[a-z][a-z0-9-]*$/.test(part) ? part : `part-${index + 1}`;
}

function isReproduced(doc: DocumentRecord, part: string): boolean {
  return Object.values(doc.translations[part] ?? {}).includes('reproduced-as-received');
}

/** The language a part was submitted in. */
function originalOf(doc: DocumentRecord, part: string): Language | undefined {
  const statuses = doc.translations[part];
  return LANGUAGE_CODES.find((l) => statuses?.[l] === 'original');
}

function fileSize(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString('en')} kB`;
}

function fileLink(f: PublishedFile): SafeHtml {
  const type = FILE_TYPE[f.contentType] ?? f.contentType;
  return html`<div><a href="${siteHref(f.path)}" hreflang="${f.language}" type="${f.contentType}" dir="auto">${f.name}</a>
<span class="file-meta">(${type}, ${fileSize(f.size)})</span></div>`;
}

/** What a language version without its own file is: issued in the original language, or awaited. */
function noFile(status: TranslationStatus | undefined, original: Language | undefined): SafeHtml {
  if (status === 'reproduced-as-received' && original) return html`<span class="muted">Issued in ${LANGUAGES[original].name}</span>`;
  if (status === 'pending') return html`<span class="muted">Not yet received</span>`;
  return html`<span aria-hidden="true">—</span><span class="visually-hidden">No file</span>`;
}

function footnoteMarker(id: string): SafeHtml {
  return html`<sup><a class="fn-ref" id="fnref-${id}" href="#${FOOTNOTE_ID}"><span aria-hidden="true">*</span><span class="visually-hidden">(see footnote)</span></a></sup>`;
}

function partSection(doc: DocumentRecord, part: string, index: number): SafeHtml {
  const id = partId(part, index);
  const label = partLabel(part, doc.kind);
  const statuses = doc.translations[part];
  const original = originalOf(doc, part);
  const rows = LANGUAGE_CODES.map((language) => {
    const status = statuses?.[language];
    const files = doc.files.filter((f) => f.part === part && f.language === language);
    return html`<tr>
<th scope="row">${LANGUAGES[language].name}</th>
<td${status && attr('class', `status-${status}`)}>${status ? STATUS_LABEL[status] : 'Not recorded'}</td>
<td>${files.length > 0 ? files.map(fileLink) : noFile(status, original)}</td>
</tr>
`;
  });
  return html`<section class="part">
<h3 id="${id}">${label}${isReproduced(doc, part) && footnoteMarker(id)}</h3>
<table class="versions">
<caption class="visually-hidden">Language versions: ${label}</caption>
<thead><tr><th scope="col">Language</th><th scope="col">Status</th><th scope="col">File received</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
</section>
`;
}

/** One masthead line: marked with its own language where it is not the masthead's (English fallbacks). */
function line(t: MastheadText | undefined, m: { lang: Language }, cls?: string, content: Html = t?.text, itemprop?: string): Html {
  if (!t) return null;
  return html`<p${attr('class', cls)}${langAttrs(t.lang, m.lang)}${attr('itemprop', itemprop)}>${content}</p>`;
}

/**
 * Page one's masthead as the version in `lang` prints it, inside a page in `pageLang`. The page of
 * all versions prints the English wording without the line naming a version: it is none of them.
 */
function mastheadHeader(doc: DocumentRecord, lang: Language, pageLang: Language, opts: { versionLine: boolean }): SafeHtml {
  const m = localizedMasthead(doc, lang);
  return html`<header class="masthead"${langAttrs(lang, pageLang)}>
<div class="masthead-top">
${line(m.unitedNations, m, 'masthead-un')}
<p class="masthead-symbol" dir="ltr" itemprop="identifier">${m.symbol}</p>
</div>
<div class="masthead-organ">
${line(m.organ, m, 'masthead-organ-name')}
<div class="masthead-distribution">
${line(m.distribution, m)}
${line(m.date, m, undefined, date(doc.mastheadDate, m.date.text, 'datePublished'))}
${opts.versionLine && line(m.version, m, 'version')}
${line(m.original, m, 'original')}
</div>
</div>
<div class="masthead-council">
${line(m.body, m, 'body-name')}
${line(m.session, m, 'session')}
${line(m.sessionDates, m, 'dates')}
${line(m.agendaItem, m, 'agenda-item')}
${line(m.agendaItemTitle, m, 'agenda-item-title')}
</div>
</header>`;
}

/** The note's particulars, as microdata too (the sender is the author; the session, what it is part of). */
function particulars(doc: DocumentRecord, pageLang: Language): SafeHtml {
  const b = requireBody(doc.body);
  // Submitted text: its language is the document's; its direction, whatever its own characters say.
  const own = attr('lang', doc.originalLanguage !== 'en' && doc.originalLanguage);
  return html`<dl class="particulars"${langAttrs('en', pageLang)}>
<dt>Sender</dt><dd${own} dir="auto" itemprop="author" itemscope itemtype="${SCHEMA}GovernmentOrganization"><span itemprop="name">${doc.sender}</span></dd>
<dt>Addressee</dt><dd${own} dir="auto">${doc.addressee}</dd>
<dt>Date of the note</dt><dd>${date(doc.dated, undefined, 'dateCreated')}</dd>
<dt>Type</dt><dd>${KIND_LABEL[doc.kind]}</dd>
<dt>Session</dt><dd><a href="${sessionHref(doc.body, doc.session)}" itemprop="isPartOf">${sessionName(b, doc.body, doc.session)}</a>, agenda item ${doc.agendaItem}</dd>
</dl>`;
}

/** The six language versions' pages, by the languages' own names. */
function languageVersions(doc: DocumentRecord, pageLang: Language, current?: Language): SafeHtml {
  const items = LANGUAGE_CODES.map((l) => html`<li><a href="${languageHref(doc.symbol, l)}" hreflang="${l}"${langAttrs(l, 'en')}${attr('aria-current', l === current && 'page')}>${LANGUAGES[l].native}</a></li>`);
  return html`<nav class="language-versions" aria-labelledby="language-versions-heading"${langAttrs('en', pageLang)}>
<h2 id="language-versions-heading">Language versions</h2>
<ul>${items}</ul>
</nav>`;
}

function relatedSection(related: readonly RelatedDocument[], pageLang: Language): Html {
  if (related.length === 0) return null;
  return html`<section class="related" aria-labelledby="related-heading"${langAttrs('en', pageLang)}>
<h2 id="related-heading">Related documents</h2>
<ul>
${related.map((r) => html`<li><span class="relation">${RELATION_LABEL[r.relation]}:</span> <a href="${documentHref(r.symbol)}" dir="ltr">${r.symbol}</a> <span class="related-title" dir="auto">${r.title}</span></li>\n`)}</ul>
</section>`;
}

/** A revision replaces the text: say so before anything else, so no one reads a superseded version unawares. */
function supersededNotice(related: readonly RelatedDocument[], pageLang: Language): Html {
  const revision = related.find((r) => r.relation === 'revision');
  return revision && html`<p class="notice"${langAttrs('en', pageLang)}><strong>Replaced:</strong> this document has been revised. Read the revision, <a href="${documentHref(revision.symbol)}" dir="ltr">${revision.symbol}</a>.</p>`;
}

function documentCrumbs(doc: DocumentRecord, b: BodyConfig, last?: Crumb): Crumb[] {
  return [
    { label: 'Home', href: '/' },
    { label: sessionName(b, doc.body, doc.session), href: sessionHref(doc.body, doc.session) },
    ...(last ? [{ label: doc.symbol, href: documentHref(doc.symbol) }, last] : [{ label: doc.symbol }]),
  ];
}

function documentAlternates(doc: DocumentRecord): Alternate[] {
  return [
    ...sessionAlternates(doc.body, doc.session),
    ...LANGUAGE_CODES.map((l): Alternate => ({ href: languageHref(doc.symbol, l), hreflang: l })),
    { href: documentHref(doc.symbol), hreflang: 'x-default' },
  ];
}

/** The document: its masthead, its files in every language with their statuses, its job numbers. */
export function renderDocumentPage(doc: DocumentRecord, related: readonly RelatedDocument[] = []): string {
  const b = requireBody(doc.body);
  const pageLang = doc.originalLanguage;
  const en = langAttrs('en', pageLang);
  const parts = partsOf(doc);
  const reproduced = parts.map((part, i) => ({ part, i })).filter(({ part }) => isReproduced(doc, part));

  const content = html`<article class="document" itemscope itemtype="${SCHEMA}DigitalDocument">
<meta itemprop="inLanguage" content="${doc.originalLanguage}">
${supersededNotice(related, pageLang)}
${mastheadHeader(doc, 'en', pageLang, { versionLine: false })}
<h1 class="document-title" dir="auto" itemprop="name">${doc.title}</h1>
${particulars(doc, pageLang)}
${languageVersions(doc, pageLang)}
<section class="parts" aria-labelledby="parts-heading"${en}>
<h2 id="parts-heading">Files and language versions</h2>
${parts.map((part, i) => partSection(doc, part, i))}
</section>
${reproduced.length > 0 && html`<section class="footnotes" aria-label="Footnotes"${en}>
<p id="${FOOTNOTE_ID}">* ${REPRODUCED_AS_RECEIVED.en}</p>
<p class="backrefs">${reproduced.map(({ part, i }) => html`<a href="#fnref-${partId(part, i)}">Back to ${partLabel(part, doc.kind).toLowerCase()}</a> `)}</p>
</section>`}
${relatedSection(related, pageLang)}
<footer class="document-footer"${en}>
<p class="job-number">${doc.jobNumbers[doc.originalLanguage].printed}</p>
<details class="job-numbers">
<summary>Job numbers of the six language versions</summary>
<dl>${LANGUAGE_CODES.map((l) => html`<dt>${LANGUAGES[l].name}</dt><dd>${doc.jobNumbers[l].printed}</dd>`)}</dl>
</details>
</footer>
</article>`;

  return page({
    lang: pageLang,
    title: `${doc.symbol} — ${doc.title}`,
    narrow: true,
    breadcrumb: documentCrumbs(doc, b),
    alternates: documentAlternates(doc),
    content,
  });
}

/** What one part is in the page's language: its own file, or why the reader gets the original's. */
function versionOfPart(doc: DocumentRecord, part: string, index: number, lang: Language): SafeHtml {
  const id = partId(part, index);
  const label = partLabel(part, doc.kind);
  const status = doc.translations[part]?.[lang];
  const original = originalOf(doc, part);
  const own = doc.files.filter((f) => f.part === part && f.language === lang);
  const originals = doc.files.filter((f) => f.part === part && f.language === original);
  const languageName = LANGUAGES[lang].name;
  const originalName = original ? LANGUAGES[original].name : 'the original language';
  const files = (list: PublishedFile[]) => (list.length > 0 ? html`<div class="version-files">${list.map(fileLink)}</div>` : null);

  let body: SafeHtml;
  if (status === 'original' || status === 'translated') {
    body = html`<p class="version-status status-${status}">${status === 'original' ? `Original: submitted in ${languageName}.` : `Translated: the ${languageName} version is issued.`}</p>
${files(own) ?? html`<p class="muted">The file is not on this site.</p>`}`;
  } else if (status === 'pending') {
    body = html`<p class="version-status status-pending"><strong>Pending translation:</strong> the ${languageName} version has not been issued yet.</p>
${originals.length > 0 && html`<p>Read the original, in ${originalName}:</p>
${files(originals)}`}`;
  } else if (status === 'reproduced-as-received') {
    body = html`<p class="version-status status-reproduced-as-received"><strong>Reproduced as received:</strong> issued in ${originalName} only, in every language version.</p>
${files(originals)}`;
  } else {
    body = html`<p class="version-status">No ${languageName} version is recorded.</p>
${files(originals)}`;
  }
  return html`<section class="part">
<h3 id="${id}">${label}${status === 'reproduced-as-received' && footnoteMarker(id)}</h3>
${body}
</section>
`;
}

/**
 * One language version of the document (`/A/HRC/47/G/10/fr/`): page one's masthead as that version
 * prints it, the status of each part in that language with its file (or the original's, when the
 * translation is pending or the part is reproduced as received), that version's footnote and job number.
 */
export function renderLanguagePage(doc: DocumentRecord, lang: Language, related: readonly RelatedDocument[] = []): string {
  requireLanguage(lang);
  const b = requireBody(doc.body);
  const en = langAttrs('en', lang);
  const parts = partsOf(doc);
  const reproduced = parts.map((part, i) => ({ part, i })).filter(({ part }) => doc.translations[part]?.[lang] === 'reproduced-as-received');
  const name = LANGUAGES[lang].name;

  const content = html`<article class="document" itemscope itemtype="${SCHEMA}DigitalDocument">
<meta itemprop="inLanguage" content="${lang}">
${supersededNotice(related, lang)}
${mastheadHeader(doc, lang, lang, { versionLine: true })}
<h1 class="document-title"${attr('lang', doc.originalLanguage !== lang && doc.originalLanguage)} dir="auto" itemprop="name">${doc.title}</h1>
${particulars(doc, lang)}
${languageVersions(doc, lang, lang)}
<section class="parts" aria-labelledby="parts-heading"${en}>
<h2 id="parts-heading">The ${name} version</h2>
${parts.map((part, i) => versionOfPart(doc, part, i, lang))}
</section>
${reproduced.length > 0 && html`<section class="footnotes" aria-labelledby="footnotes-heading">
<h2 id="footnotes-heading" class="visually-hidden"${en}>Footnotes</h2>
<p id="${FOOTNOTE_ID}">* ${REPRODUCED_AS_RECEIVED[lang]}</p>
<p class="backrefs"${en}>${reproduced.map(({ part, i }) => html`<a href="#fnref-${partId(part, i)}">Back to ${partLabel(part, doc.kind).toLowerCase()}</a> `)}</p>
</section>`}
${relatedSection(related, lang)}
<footer class="document-footer"${en}>
<p class="job-number">${doc.jobNumbers[lang].printed}</p>
<p><a href="${documentHref(doc.symbol)}">Every language version and file of ${doc.symbol}</a></p>
</footer>
</article>`;

  return page({
    lang,
    title: `${doc.symbol} (${LANGUAGES[lang].native}) — ${doc.title}`,
    narrow: true,
    breadcrumb: documentCrumbs(doc, b, { label: LANGUAGES[lang].native, lang }),
    alternates: documentAlternates(doc),
    content,
  });
}

// ── Listings ────────────────────────────────────────────────────────────────────────────────────

function byIssue(a: DocumentRecord, b: DocumentRecord): number {
  return a.series.localeCompare(b.series) || a.number - b.number;
}

/**
 * A table of documents. On a phone each row becomes a block (site-css.ts); the explicit roles
 * restate the table's semantics, which some browsers drop from a table whose cells are not laid
 * out as cells.
 */
function listing(caption: string, documents: readonly DocumentRecord[], columns: { sender: boolean }): SafeHtml {
  return html`<table class="listing" role="table">
<caption class="visually-hidden">${caption}</caption>
<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">Symbol</th><th scope="col" role="columnheader">Title</th>${columns.sender && html`<th scope="col" role="columnheader">Sender</th>`}<th scope="col" role="columnheader">Dated</th></tr></thead>
<tbody role="rowgroup">
${documents.map((d) => html`<tr role="row">
<th scope="row" class="symbol" role="rowheader"><a href="${documentHref(d.symbol)}">${d.symbol}</a></th>
<td class="title" role="cell"${langOf(d.originalLanguage)} dir="auto">${d.title}</td>
${columns.sender && html`<td class="sender" role="cell"${langOf(d.originalLanguage)} dir="auto">${d.sender}</td>`}
<td class="dated" role="cell">${date(d.dated)}</td>
</tr>
`)}</tbody>
</table>`;
}

export function renderSessionPage(body: string, session: number, documents: DocumentRecord[]): string {
  const b = requireBody(body);
  const stray = documents.find((d) => d.body !== body || d.session !== session);
  if (stray) throw new RangeError(`${stray.symbol} is not a document of ${body} session ${session}`);
  const name = sessionName(b, body, session);
  const dates = sessionDates(b, session);
  const items = [...new Set(documents.map((d) => d.agendaItem))].sort((x, y) => x - y);
  const feed = siteHref(sessionFeedKey(body, session));
  const catalogue = siteHref(sessionCatalogueKey(body, session));

  const groups = items.map((item) => {
    const title = agendaItemTitle(b, item, 'en');
    const id = `item-${item}`;
    const docs = documents.filter((d) => d.agendaItem === item).sort(byIssue);
    return html`<section class="agenda-item">
<h2 id="${id}">Agenda item ${item}${title && `: ${title}`}</h2>
${listing(`Documents under agenda item ${item}`, docs, { sender: true })}
</section>
`;
  });

  const content = html`<h1>${name}</h1>
${dates && html`<p class="session-dates">${dates}</p>`}
${documents.length === 0
    ? html`<p>No documents have been published for this session yet.</p>`
    : html`<p>${plural(documents.length, 'document', 'documents')}, by agenda item.</p>
${groups}`}
<p class="data-links">Follow this session: <a href="${feed}" type="application/atom+xml">feed of its documents (Atom)</a> · <a href="${catalogue}" type="application/json">catalogue of its documents (JSON)</a></p>`;

  return page({
    lang: 'en',
    title: name,
    breadcrumb: [{ label: 'Home', href: '/' }, { label: name }],
    alternates: [
      ...sessionAlternates(body, session),
      { href: catalogue, type: 'application/json', title: `${name}: catalogue of documents (JSON)` },
    ],
    content,
  });
}

export function renderHomePage(
  sessions: { body: string; session: number; documents: number }[],
  latest: DocumentRecord[],
): string {
  // Most recent session first, bodies in the order given.
  const bodies = [...new Set(sessions.map((s) => s.body))];
  const ordered = [...sessions].sort((x, y) => bodies.indexOf(x.body) - bodies.indexOf(y.body) || y.session - x.session);
  const sessionItems: Html = ordered.map((s) => {
    const b = requireBody(s.body);
    const dates = sessionDates(b, s.session);
    return html`<li><a href="${sessionHref(s.body, s.session)}">${sessionName(b, s.body, s.session)}</a>
<span class="muted">${dates && `${dates} · `}${plural(s.documents, 'document', 'documents')}</span></li>
`;
  });

  const content = html`<h1>${SITE_NAME}</h1>
<p class="lead">This site publishes the notes verbales and letters that States have asked to have circulated as official documents of the Human Rights Council, each at an address made of its document symbol.</p>
${searchForm('home-q', 'Search by symbol, title, sender or date')}
<h2 id="sessions-heading">Sessions</h2>
${ordered.length === 0
    ? html`<p>No sessions have documents yet.</p>`
    : html`<ul class="sessions" aria-labelledby="sessions-heading">
${sessionItems}</ul>`}
<h2 id="latest-heading">Latest documents</h2>
${latest.length === 0
    ? html`<p>No documents have been published yet.</p>`
    : listing('Latest documents', latest, { sender: false })}`;

  return page({ lang: 'en', title: SITE_NAME, content });
}

/**
 * The search page (`/search/`). The form is a plain GET form; assets/search.js reads the query,
 * loads the search data (`data-search-index`) and fills the results. Without JavaScript the page
 * says how else to find a document.
 */
export function renderSearchPage(): string {
  const content = html`<h1>Search the documents</h1>
${searchForm('q', 'Symbol, words of the title, sender or date', [attr('id', 'search-form'), attr('data-search-index', siteHref(SEARCH_INDEX_KEY))])}
<p class="search-hint">For example <code>A/HRC/47/G/10</code>, <code>Azerbaijan</code> or <code>June 2021</code>. A complete symbol opens its document.</p>
<div id="search-no-script" class="notice">
<p>Search runs in your browser and needs JavaScript, which is off or did not load. Every document is also at an address made of its symbol, such as <code>/A/HRC/47/G/10/</code>, and the <a href="/">home page</a> lists every session’s documents by agenda item.</p>
</div>
<p id="search-status" class="search-status" role="status" aria-live="polite" aria-atomic="true"></p>
<ol id="search-results" class="results" aria-labelledby="search-status"></ol>`;
  return page({ lang: 'en', title: `Search — ${SITE_NAME}`, content, current: 'search', scripts: [SEARCH_SCRIPT_PATH] });
}

/**
 * The page for every address that has none. assets/not-found.js reads the address and, when it
 * looks like a symbol, points to its session's documents; without JavaScript the page still
 * offers the home page and search.
 */
export function renderNotFoundPage(): string {
  const content = html`<h1>Page not found</h1>
<p>There is no page at this address. It may have been mistyped, or the document may not have been published yet.</p>
<div id="not-found-suggestion" class="suggestion" data-search-index="${siteHref(SEARCH_INDEX_KEY)}" hidden></div>
<p>Each document has an address made of its symbol: the document A/HRC/47/G/10 is at <code>/A/HRC/47/G/10/</code>, and the documents of a session are listed at an address such as <code>/A/HRC/47/</code>.</p>
${searchForm('not-found-q', 'Search the documents by symbol, title, sender or date')}
<p><a href="/">Go to the home page</a> to see the sessions and the latest documents.</p>`;
  return page({ lang: 'en', title: `Page not found — ${SITE_NAME}`, content, noindex: true, scripts: [NOT_FOUND_SCRIPT_PATH] });
}
