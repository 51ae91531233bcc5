import { html, type Html } from '../html';
import { LANGUAGES, LANGUAGE_CODES, type Language } from '#shared/domain/languages';
import { lineageOf, supersededBy } from '#shared/domain/lineage';
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
export function supersededNotice(symbol: string, related: readonly RelatedDocument[], pageLang: Language): Html {
  const revision = supersededBy(symbol, related.map((r) => r.symbol));
  return revision && html`<p class="notice superseded" role="note"${langAttrs('en', pageLang)}><strong>Superseded by <a href="${documentHref(revision)}" dir="ltr">${revision}</a></strong>: the revision replaces the text of this document.</p>`;
}

const LINEAGE_LABEL: Partial<Record<Relation, string>> = { corrects: 'Corrigendum to', revises: 'Revision of', 'adds-to': 'Addendum to', amends: 'Amendment to' };

/**
 * What a corrigendum, revision or addendum is of, said at the top: "Corrigendum to A/HRC/47/G/10,
 * correcting the French version only". `corrects` are the language versions a corrigendum corrects.
 */
export function lineageNotice(symbol: string, related: readonly RelatedDocument[], pageLang: Language, corrects: readonly Language[]): Html {
  const parent = lineageOf(symbol)?.parent;
  const base = related.find((r) => r.symbol === parent);
  const label = base && LINEAGE_LABEL[base.relation];
  if (!base || !label) return null;
  const which = base.relation !== 'corrects' ? ''
    : corrects.length === LANGUAGE_CODES.length ? ', correcting every language version'
      : `, correcting the ${listOf(corrects.map((l) => LANGUAGES[l].name))} version${corrects.length === 1 ? '' : 's'} only`;
  const replaces = base.relation === 'revises' ? ', which it replaces' : '';
  return html`<p class="notice lineage" role="note"${langAttrs('en', pageLang)}>${label} <a href="${documentHref(base.symbol)}" dir="ltr">${base.symbol}</a>${replaces}${which}.</p>`;
}

/** "French", "French and Spanish", "Arabic, French and Spanish". */
function listOf(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
