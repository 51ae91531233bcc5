import { html, type SafeHtml } from '../html';
import type { DocumentRecord } from '#shared/domain/document';
import { documentHref } from '#shared/domain/site-paths';
import { date } from './format';
import { langOf } from './language';

/**
 * A table of documents, on the home and session pages. On a phone each row becomes a block
 * (site-css.ts); the explicit roles restate the table's semantics, which some browsers drop from a
 * table whose cells are not laid out as cells.
 */
export function listing(caption: string, documents: readonly DocumentRecord[], columns: { sender: boolean }): SafeHtml {
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
