import { FINAL_KINDS, validateSymbol, type FinalKind } from './symbols';

/**
 * How documents one final component apart are related (docs/domain.md#symbols): a corrigendum,
 * revision, addendum or amendment and the document it is of. Read from the symbols alone, so the
 * site, the API and the submission checks agree without storing the link twice.
 */

/** The kinds Circulate issues for a published document (`relatesTo.kind`); amendments are read, not issued. */
export const ISSUED_FINAL_KINDS = ['Corr', 'Rev', 'Add'] as const satisfies readonly FinalKind[];
export type IssuedFinalKind = (typeof ISSUED_FINAL_KINDS)[number];

/**
 * What a related document is to the one on the page: its `corrigendum`, `revision` (which replaces
 * it), `addendum` or `amendment`; or the document it `corrects`, `revises`, `adds-to` or `amends`.
 */
export const RELATIONS = ['corrigendum', 'revision', 'addendum', 'amendment', 'corrects', 'revises', 'adds-to', 'amends'] as const;
export type Relation = (typeof RELATIONS)[number];

/** What a document one final component longer is to the shorter one, and the reverse. */
const CHILD: Record<FinalKind, Relation> = { Corr: 'corrigendum', Rev: 'revision', Add: 'addendum', Amend: 'amendment' };
const PARENT: Record<FinalKind, Relation> = { Corr: 'corrects', Rev: 'revises', Add: 'adds-to', Amend: 'amends' };

export interface Lineage {
  parent: string;
  kind: FinalKind;
  number: number;
}

/** `A/HRC/47/10/Corr.1` → `{ parent: 'A/HRC/47/10', kind: 'Corr', number: 1 }`; a symbol without final component has none. */
export function lineageOf(symbol: string): Lineage | undefined {
  const checked = validateSymbol(symbol);
  if (!checked.ok) return undefined;
  const last = checked.symbol.finals.at(-1);
  if (!last) return undefined;
  return { parent: symbol.replace(/\*$/, '').slice(0, -`/${last.kind}.${last.number}`.length), kind: last.kind, number: last.number };
}

/**
 * What `other` is to `symbol`, if they are one final component apart — or two revisions of one
 * document: a later revision replaces the earlier ones too, so it is their `revision`.
 */
export function relationBetween(symbol: string, other: string): Relation | undefined {
  if (other === symbol) return undefined;
  const own = lineageOf(symbol);
  const theirs = lineageOf(other);
  if (own && other === own.parent) return PARENT[own.kind];
  if (theirs && theirs.parent === symbol) return CHILD[theirs.kind];
  if (own?.kind === 'Rev' && theirs?.kind === 'Rev' && own.parent === theirs.parent) return theirs.number > own.number ? 'revision' : 'revises';
  return undefined;
}

/** Among `symbols`, the ones related to `symbol`. */
export function relatedSymbols(symbol: string, symbols: readonly string[]): string[] {
  return symbols.filter((s) => relationBetween(symbol, s) !== undefined);
}

/** The revision that replaces `symbol` among `symbols`: the latest one, since each replaces those before it. */
export function supersededBy(symbol: string, symbols: readonly string[]): string | undefined {
  return symbols.filter((s) => relationBetween(symbol, s) === 'revision')
    .sort((a, b) => (lineageOf(a)?.number ?? 0) - (lineageOf(b)?.number ?? 0)).at(-1);
}

/** The counter of a document's corrigenda, revisions or addenda: `A/HRC/47/G/10/Corr` (numbers run per document and kind). */
export const finalCounterName = (base: string, kind: IssuedFinalKind) => `${base}/${kind}`;

/** `A/HRC/47/G/10` + Corr + 1 → `A/HRC/47/G/10/Corr.1`, checked by the grammar (a RangeError if it refuses: our mistake). */
export function finalSymbolOf(base: string, kind: IssuedFinalKind, number: number): string {
  const symbol = `${base}/${kind}.${number}`;
  const checked = validateSymbol(symbol);
  if (!checked.ok) throw new RangeError(`No valid symbol for ${FINAL_KINDS[kind]} ${number} of ${base}: ${checked.error}`);
  return symbol;
}

/**
 * Why `base` cannot take a `kind`, in the grammar's words (`nothing follows a corrigendum`), or
 * undefined if it can. Numbers do not matter to the rule, so the first is asked about.
 */
export function finalRefusal(base: string, kind: IssuedFinalKind): string | undefined {
  const checked = validateSymbol(`${base}/${kind}.1`);
  return checked.ok ? undefined : checked.error;
}
