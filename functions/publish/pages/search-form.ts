import { html, type SafeAttr, type SafeHtml } from '../html';
import { SEARCH_HREF } from './layout';

/** The search form of the home, search and 404 pages: a plain GET form, so it works as a link would. */
export function searchForm(id: string, label: string, extra: SafeAttr[] = []): SafeHtml {
  return html`<form class="search-form" action="${SEARCH_HREF}" method="get" role="search"${extra}>
<label for="${id}">${label}</label>
<div class="search-row"><input type="search" id="${id}" name="q" autocomplete="off" spellcheck="false" enterkeyhint="search">
<button type="submit">Search</button></div>
</form>`;
}
