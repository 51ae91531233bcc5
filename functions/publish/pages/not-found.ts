import { html } from '../html';
import { NOT_FOUND_SCRIPT_PATH, SEARCH_INDEX_PATH, rootRelative } from '#shared/domain/site-paths';
import { SITE_NAME, page } from './layout';
import { searchForm } from './search-form';

/**
 * The page for every address that has none. assets/not-found.js (web/site/not-found.ts) reads the
 * address and, when it looks like a symbol, points to its session's documents; without JavaScript
 * the page still offers the home page and search.
 */
export function renderNotFoundPage(): string {
  const content = html`<h1>Page not found</h1>
<p>There is no page at this address. It may have been mistyped, or the document may not have been published yet.</p>
<div id="not-found-suggestion" class="suggestion" data-search-index="${rootRelative(SEARCH_INDEX_PATH)}" hidden></div>
<p>Each document has an address made of its symbol: the document A/HRC/47/G/10 is at <code>/A/HRC/47/G/10/</code>, and the documents of a session are listed at an address such as <code>/A/HRC/47/</code>.</p>
${searchForm('not-found-q', 'Search the documents by symbol, title, sender or date')}
<p><a href="/">Go to the home page</a> to see the sessions and the latest documents.</p>`;
  return page({ lang: 'en', title: `Page not found — ${SITE_NAME}`, content, noindex: true, scripts: [NOT_FOUND_SCRIPT_PATH] });
}
