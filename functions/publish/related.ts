import type { DocumentRecord } from '#shared/domain/document';
import { relationBetween, type Relation } from '#shared/domain/lineage';

export { relatedSymbols } from '#shared/domain/lineage';
export type { Relation };

/** A document related to the one on the page, and what it is to it (the rule: functions/shared/domain/lineage.ts). */
export interface RelatedDocument {
  symbol: string;
  title: string;
  relation: Relation;
}

/**
 * The documents linked to `doc` among `candidates` (its session's documents: corrigenda,
 * revisions and addenda keep their document's session): those one final component longer
 * (its corrigenda, revisions, addenda, amendments), the one it is a component of, and the other
 * revisions of the document it revises.
 */
export function relatedDocuments(doc: Pick<DocumentRecord, 'symbol'>, candidates: readonly DocumentRecord[]): RelatedDocument[] {
  return candidates.flatMap((d): RelatedDocument[] => {
    const relation = relationBetween(doc.symbol, d.symbol);
    return relation ? [{ symbol: d.symbol, title: d.title, relation }] : [];
  });
}

/**
 * The documents whose pages the session's render rewrites once `doc` is published: the one it
 * belongs to and its own components, and itself with them (its Publish may have missed one
 * published at the same time). A document linked to none of the session's has nothing to gain:
 * the pages its Publish wrote are already what they would be, so none are rewritten.
 */
export function touchedByPublication(doc: Pick<DocumentRecord, 'symbol'>, candidates: readonly DocumentRecord[]): DocumentRecord[] {
  const near = new Set(relatedDocuments(doc, candidates).map((r) => r.symbol));
  if (!near.size) return [];
  return candidates.filter((d) => d.symbol === doc.symbol || near.has(d.symbol));
}
