import type { DocumentRecord } from '#shared/domain/document';
import { parseSymbol, type FinalKind } from '#shared/domain/symbols';

/**
 * What a related document is to the one on the page: its `corrigendum`, `revision` (which replaces
 * it), `addendum` or `amendment`; or the document it `corrects`, `revises`, `adds-to` or `amends`.
 */
export type Relation = 'corrigendum' | 'revision' | 'addendum' | 'amendment' | 'corrects' | 'revises' | 'adds-to' | 'amends';

/** A document related to the one on the page, and what it is to it. */
export interface RelatedDocument {
  symbol: string;
  title: string;
  relation: Relation;
}

/** What a document one final component longer is to the shorter one, and the reverse. */
const CHILD: Record<FinalKind, Relation> = { Corr: 'corrigendum', Rev: 'revision', Add: 'addendum', Amend: 'amendment' };
const PARENT: Record<FinalKind, Relation> = { Corr: 'corrects', Rev: 'revises', Add: 'adds-to', Amend: 'amends' };

/** `A/HRC/47/10/Corr.1` → `{ parent: 'A/HRC/47/10', kind: 'Corr' }`; a symbol without final component has no parent. */
function parentOf(symbol: string): { parent: string; kind: FinalKind } | undefined {
  let parsed;
  try {
    parsed = parseSymbol(symbol);
  } catch {
    return undefined;
  }
  const last = parsed.finals.at(-1);
  if (!last) return undefined;
  return { parent: symbol.replace(/\*$/, '').slice(0, -`/${last.kind}.${last.number}`.length), kind: last.kind };
}

/**
 * The documents linked to `doc` among `candidates` (its session's documents: corrigenda,
 * revisions and addenda keep their document's session): those one final component longer
 * (its corrigenda, revisions, addenda, amendments) and the one it is a component of.
 */
export function relatedDocuments(doc: Pick<DocumentRecord, 'symbol'>, candidates: readonly DocumentRecord[]): RelatedDocument[] {
  const own = parentOf(doc.symbol);
  return candidates.flatMap((d): RelatedDocument[] => {
    if (d.symbol === doc.symbol) return [];
    if (own && d.symbol === own.parent) return [{ symbol: d.symbol, title: d.title, relation: PARENT[own.kind] }];
    const theirs = parentOf(d.symbol);
    if (theirs && theirs.parent === doc.symbol) return [{ symbol: d.symbol, title: d.title, relation: CHILD[theirs.kind] }];
    return [];
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

/** Among `symbols`, the ones linked to `symbol` (the one it is a component of, its own components): found by symbol alone. */
export function relatedSymbols(symbol: string, symbols: readonly string[]): string[] {
  const own = parentOf(symbol);
  return symbols.filter((s) => s !== symbol && (s === own?.parent || parentOf(s)?.parent === symbol));
}
