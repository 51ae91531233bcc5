import { html, type Html } from '../html';
import type { Language } from '#shared/domain/languages';
import { documentHref } from '#shared/domain/site-paths';
import type { Relation, RelatedDocument } from '../related';
import { langAttrs } from './language';

/** A document's corrigenda, revisions, addenda and amendments, and what it corrects or revises, on its pages. */

const RELATION_LABEL: Record<Relation, string> = {
  corrigendum: 'Corrigendum',
  revision: 'Revision, which replaces this document',
  addendum: 'Addendum',
  amendment: 'Amendment',
  corrects: 'Corrects',
  revises: 'Revises and replaces',
  'adds-to': 'Addendum to',
  amends: 'Amends',
};

export function relatedSection(related: readonly RelatedDocument[], pageLang: Language): Html {
  if (related.length === 0) return null;
  return html`<section class="related" aria-labelledby="related-heading"${langAttrs('en', pageLang)}>
<h2 id="related-heading">Related documents</h2>
<ul>
${related.map((r) => html`<li><span class="relation">${RELATION_LABEL[r.relation]}:</span> <a href="${documentHref(r.symbol)}" dir="ltr">${r.symbol}</a> <span class="related-title" dir="auto">${r.title}</span></li>\n`)}</ul>
</section>`;
}

/** A revision replaces the text: say so before anything else, so no one reads a superseded version unawares. */
export function supersededNotice(related: readonly RelatedDocument[], pageLang: Language): Html {
  const revision = related.find((r) => r.relation === 'revision');
  return revision && html`<p class="notice"${langAttrs('en', pageLang)}><strong>Replaced:</strong> this document has been revised. Read the revision, <a href="${documentHref(revision.symbol)}" dir="ltr">${revision.symbol}</a>.</p>`;
}
