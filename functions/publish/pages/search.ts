import { attr, html } from '../html';
import { SEARCH_INDEX_PATH, SEARCH_SCRIPT_PATH, rootRelative } from '#shared/domain/site-paths';
import { SITE_NAME, page } from './layout';
import { searchForm } from './search-form';

/**
 * The search page (`/search/`). The form is a plain GET form; assets/search.js (web/site/search.ts)
 * reads the query, loads the search data (`data-search-index`) and fills the results. Without
 * JavaScript the page says how else to find a document.
 */
export function renderSearchPage(): string {
  const content = html`<h1>Search the documents</h1>
${searchForm('q', 'Symbol, words of the title or the text, sender or date', [attr('id', 'search-form'), attr('data-search-index', rootRelative(SEARCH_INDEX_PATH))])}
<p class="search-hint">For example <code>A/HRC/47/G/10</code>, <code>Azerbaijan</code>, <code>June 2021</code> or a word of a note or its annex, in any of its languages. A complete symbol opens its document.</p>
<div id="search-no-script" class="notice">
<p>Search runs in your browser and needs JavaScript, which is off or did not load. Every document is also at an address made of its symbol, such as <code>/A/HRC/47/G/10/</code>, and the <a href="/">home page</a> lists every session’s documents by agenda item.</p>
</div>
<p id="search-status" class="search-status" role="status" aria-live="polite" aria-atomic="true"></p>
<ol id="search-results" class="results" aria-labelledby="search-status"></ol>`;
  return page({ lang: 'en', title: `Search — ${SITE_NAME}`, content, current: 'search', scripts: [SEARCH_SCRIPT_PATH] });
}
