import { attr, html, renderDocument, type Html, type SafeAttr, type SafeHtml } from '../shared/html';
import { masthead, type DocumentRecord, type PublishedFile } from '../shared/document';
import { body as bodyOf, sessionDates, sessionTitle, agendaItemTitle, type BodyConfig } from '../shared/registry';
import { LANGUAGES, LANGUAGE_CODES, type Language } from '../shared/languages';
import { REPRODUCED_AS_RECEIVED } from '../shared/footnotes';
import { partsInOrder } from '../shared/translation-status';
import type { TranslationStatus } from '../shared/schemas';
import { formatDate } from '../shared/dates';
import { documentPath } from '../shared/symbols';

/** The static public site: one function per page, each returning a whole HTML document. */

export const HOME_PAGE_PATH = 'index.html';
export const NOT_FOUND_PATH = '404.html';
export const STYLESHEET_PATH = 'assets/site.css';
export const SITE_NAME = 'Human Rights Council documents';

/** `A/HRC/47/G/10` → `A/HRC/47/G/10/index.html` (the key in the site bucket). */
export function documentPagePath(symbol: string): string {
  return `${documentPath(symbol)}index.html`;
}

/** `HRC`, 47 → `A/HRC/47/index.html` */
export function sessionPagePath(body: string, session: number): string {
  return `${sessionFolder(requireBody(body), session)}index.html`;
}

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

const FOOTNOTE_ID = 'footnote-reproduced';

function requireBody(code: string): BodyConfig {
  const b = bodyOf(code);
  if (!b) throw new RangeError(`Unknown body ${code}`);
  return b;
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
const sessionHref = (code: string, session: number) => siteHref(sessionFolder(requireBody(code), session));

function sessionName(b: BodyConfig, code: string, session: number): string {
  return `${b.name.en ?? code} — ${sessionTitle(session)}`;
}

/** Submitter text inside English page furniture carries the document's language. */
function langOf(language: Language): SafeAttr | null {
  return language === 'en' ? null : attr('lang', language);
}

function date(iso: string): SafeHtml {
  return html`<time datetime="${iso}">${formatDate(iso)}</time>`;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

interface Crumb {
  label: string;
  href?: string;
}

interface Page {
  lang: Language;
  title: string;
  content: SafeHtml;
  breadcrumb?: Crumb[];
  narrow?: boolean;
  noindex?: boolean;
}

function page(p: Page): string {
  // The page's language is the document's; the furniture around it stays English.
  const en = p.lang === 'en' ? null : attr('lang', 'en');
  const crumbs = p.breadcrumb ?? [];
  return renderDocument(html`<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${p.noindex && html`<meta name="robots" content="noindex">`}
<title>${p.title}</title>
<link rel="stylesheet" href="/${STYLESHEET_PATH}">
</head>
<body>
<a class="skip-link" href="#main"${en}>Skip to main content</a>
<header class="site-header"${en}>
<div class="wrap"><a class="site-name" href="/">${SITE_NAME}</a></div>
</header>
${crumbs.length > 0 && html`<nav class="breadcrumb" aria-label="Breadcrumb"${en}>
<div class="wrap"><ol>
${crumbs.map((c) => html`<li>${c.href ? html`<a href="${c.href}">${c.label}</a>` : html`<span aria-current="page">${c.label}</span>`}</li>\n`)}</ol></div>
</nav>`}
<main id="main" tabindex="-1">
<div class="wrap${p.narrow ? ' wrap-narrow' : ''}">
${p.content}
</div>
</main>
<footer class="site-footer"${en}>
<div class="wrap"><p>Published by the secretariat of the Human Rights Council. Each document’s address is made of its symbol.</p></div>
</footer>
</body>
</html>`);
}

// ── The document page ───────────────────────────────────────────────────────────────────────────

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

function partSection(doc: DocumentRecord, part: string, index: number): SafeHtml {
  const id = partId(part, index);
  const label = partLabel(part, doc.kind);
  const statuses = doc.translations[part];
  const marker = isReproduced(doc, part)
    && html`<sup><a class="fn-ref" id="fnref-${id}" href="#${FOOTNOTE_ID}"><span aria-hidden="true">*</span><span class="visually-hidden">(see footnote)</span></a></sup>`;
  const original = LANGUAGE_CODES.find((l) => statuses?.[l] === 'original');
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
<h3 id="${id}">${label}${marker}</h3>
<table class="versions">
<caption class="visually-hidden">Language versions: ${label}</caption>
<thead><tr><th scope="col">Language</th><th scope="col">Status</th><th scope="col">File received</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
</section>
`;
}

export function renderDocumentPage(doc: DocumentRecord): string {
  const b = requireBody(doc.body);
  const m = masthead(doc);
  const en = doc.originalLanguage === 'en' ? null : attr('lang', 'en');
  const own = langOf(doc.originalLanguage);
  const parts = partsOf(doc);
  const reproduced = parts.map((part, i) => ({ part, i })).filter(({ part }) => isReproduced(doc, part));

  const content = html`<article class="document">
<header class="masthead"${en}>
<div class="masthead-top">
<p class="masthead-un">${m.unitedNations}</p>
<p class="masthead-symbol">${m.symbol}</p>
</div>
<div class="masthead-organ">
<p class="masthead-organ-name">${m.organ}</p>
<div class="masthead-distribution">
<p>${m.distribution}</p>
<p>${date(doc.mastheadDate)}</p>
<p class="original">${m.original}</p>
</div>
</div>
<div class="masthead-council">
<p class="body-name">${m.body}</p>
<p class="session">${m.session}</p>
${m.sessionDates && html`<p class="dates">${m.sessionDates}</p>`}
<p class="agenda-item">${m.agendaItem}</p>
${m.agendaItemTitle && html`<p class="agenda-item-title">${m.agendaItemTitle}</p>`}
</div>
</header>
<h1 class="document-title" dir="auto">${doc.title}</h1>
<dl class="particulars"${en}>
<dt>Sender</dt><dd${own} dir="auto">${doc.sender}</dd>
<dt>Addressee</dt><dd${own} dir="auto">${doc.addressee}</dd>
<dt>Date of the note</dt><dd>${date(doc.dated)}</dd>
<dt>Type</dt><dd>${KIND_LABEL[doc.kind]}</dd>
</dl>
<section class="parts" aria-labelledby="parts-heading"${en}>
<h2 id="parts-heading">Files and language versions</h2>
${parts.map((part, i) => partSection(doc, part, i))}
</section>
${reproduced.length > 0 && html`<section class="footnotes" aria-label="Footnotes"${en}>
<p id="${FOOTNOTE_ID}">* ${REPRODUCED_AS_RECEIVED.en}</p>
<p class="backrefs">${reproduced.map(({ part, i }) => html`<a href="#fnref-${partId(part, i)}">Back to ${partLabel(part, doc.kind).toLowerCase()}</a> `)}</p>
</section>`}
<footer class="document-footer"${en}>
<p class="job-number">${doc.jobNumbers[doc.originalLanguage].printed}</p>
<details class="job-numbers">
<summary>Job numbers of the six language versions</summary>
<dl>${LANGUAGE_CODES.map((l) => html`<dt>${LANGUAGES[l].name}</dt><dd>${doc.jobNumbers[l].printed}</dd>`)}</dl>
</details>
</footer>
</article>`;

  return page({
    lang: doc.originalLanguage,
    title: `${doc.symbol} — ${doc.title}`,
    narrow: true,
    breadcrumb: [
      { label: 'Home', href: '/' },
      { label: sessionName(b, doc.body, doc.session), href: sessionHref(doc.body, doc.session) },
      { label: doc.symbol },
    ],
    content,
  });
}

// ── Listings ────────────────────────────────────────────────────────────────────────────────────

function byIssue(a: DocumentRecord, b: DocumentRecord): number {
  return a.series.localeCompare(b.series) || a.number - b.number;
}

function listing(caption: string, documents: readonly DocumentRecord[], columns: { sender: boolean }): SafeHtml {
  return html`<table class="listing">
<caption class="visually-hidden">${caption}</caption>
<thead><tr><th scope="col">Symbol</th><th scope="col">Title</th>${columns.sender && html`<th scope="col">Sender</th>`}<th scope="col">Dated</th></tr></thead>
<tbody>
${documents.map((d) => html`<tr>
<th scope="row" class="symbol"><a href="${documentHref(d.symbol)}">${d.symbol}</a></th>
<td${langOf(d.originalLanguage)} dir="auto">${d.title}</td>
${columns.sender && html`<td${langOf(d.originalLanguage)} dir="auto">${d.sender}</td>`}
<td class="nowrap">${date(d.dated)}</td>
</tr>
`)}</tbody>
</table>`;
}

/** A table that may be wider than a phone: scrollable, and reachable by keyboard to scroll it. */
function scrollable(labelledBy: string, table: SafeHtml): SafeHtml {
  return html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby="${labelledBy}">
${table}
</div>`;
}

export function renderSessionPage(body: string, session: number, documents: DocumentRecord[]): string {
  const b = requireBody(body);
  const stray = documents.find((d) => d.body !== body || d.session !== session);
  if (stray) throw new RangeError(`${stray.symbol} is not a document of ${body} session ${session}`);
  const name = sessionName(b, body, session);
  const dates = sessionDates(b, session);
  const items = [...new Set(documents.map((d) => d.agendaItem))].sort((x, y) => x - y);

  const groups = items.map((item) => {
    const title = agendaItemTitle(b, item, 'en');
    const id = `item-${item}`;
    const docs = documents.filter((d) => d.agendaItem === item).sort(byIssue);
    return html`<section class="agenda-item">
<h2 id="${id}">Agenda item ${item}${title && `: ${title}`}</h2>
${scrollable(id, listing(`Documents under agenda item ${item}`, docs, { sender: true }))}
</section>
`;
  });

  const content = html`<h1>${name}</h1>
${dates && html`<p class="session-dates">${dates}</p>`}
${documents.length === 0
    ? html`<p>No documents have been published for this session yet.</p>`
    : html`<p>${plural(documents.length, 'document', 'documents')}, by agenda item.</p>
${groups}`}`;

  return page({
    lang: 'en',
    title: name,
    breadcrumb: [{ label: 'Home', href: '/' }, { label: name }],
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
<h2 id="sessions-heading">Sessions</h2>
${ordered.length === 0
    ? html`<p>No sessions have documents yet.</p>`
    : html`<ul class="sessions" aria-labelledby="sessions-heading">
${sessionItems}</ul>`}
<h2 id="latest-heading">Latest documents</h2>
${latest.length === 0
    ? html`<p>No documents have been published yet.</p>`
    : scrollable('latest-heading', listing('Latest documents', latest, { sender: false }))}`;

  return page({ lang: 'en', title: SITE_NAME, content });
}

export function renderNotFoundPage(): string {
  const content = html`<h1>Page not found</h1>
<p>There is no page at this address. It may have been mistyped, or the document may not have been published yet.</p>
<p>Each document has an address made of its symbol: the document A/HRC/47/G/10 is at <code>/A/HRC/47/G/10/</code>, and the documents of a session are listed at an address such as <code>/A/HRC/47/</code>.</p>
<p><a href="/">Go to the home page</a> to see the sessions and the latest documents.</p>`;
  return page({ lang: 'en', title: `Page not found — ${SITE_NAME}`, content, noindex: true });
}
