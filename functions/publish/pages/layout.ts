import { attr, html, renderDocument, type SafeHtml } from '../html';
import type { Language } from '#shared/domain/languages';
import { SEARCH_PAGE_PATH, SITE_FEED_PATH, STYLESHEET_PATH, rootRelative } from '#shared/domain/site-paths';
import { sessionFeedPath, sessionLabel } from '../sessions';
import { dirOf, langAttrs } from './language';

/**
 * The frame of every page of the static public site: head, header, breadcrumb, main, footer. Pages
 * work without JavaScript, except search; their scripts are external files (web/site, built by
 * infra/web-assets.ts), since the CSP refuses inline script.
 */

export const SITE_NAME = 'Human Rights Council documents';
export const SEARCH_HREF = rootRelative(SEARCH_PAGE_PATH);

export interface Crumb {
  label: string;
  href?: string;
  lang?: Language;
}

/** A `<link rel="alternate">` in the head: feeds, the session's catalogue, the other language versions. */
export interface Alternate {
  href: string;
  type?: string;
  hreflang?: Language | 'x-default';
  title?: string;
}

export interface Page {
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

const SITE_FEED: Alternate = { href: rootRelative(SITE_FEED_PATH), type: 'application/atom+xml', title: `${SITE_NAME}: latest documents (Atom)` };

/** The session's feed, in the head of its page and of its documents' pages. */
export function sessionAlternates(body: string, session: number): Alternate[] {
  return [
    { href: rootRelative(sessionFeedPath(body, session)), type: 'application/atom+xml', title: `${sessionLabel(body, session)}: documents (Atom)` },
  ];
}

export function page(p: Page): string {
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
<link rel="stylesheet" href="${rootRelative(STYLESHEET_PATH)}">
${alternates.map((a) => html`<link rel="alternate"${attr('type', a.type)}${attr('hreflang', a.hreflang)} href="${a.href}"${attr('title', a.title)}>\n`)}${(p.scripts ?? []).map((s) => html`<script type="module" src="${rootRelative(s)}"></script>\n`)}</head>
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
