import type { DocumentRecord } from '#shared/domain/document';

/** The orders the site lists documents in, and the time a document counts as changed at. */

/** What was last changed in a document: when it was published, or the last language version issued or reissued since. */
export function updatedAt(d: DocumentRecord): string {
  return [...Object.values(d.issued ?? {}), ...Object.values(d.reissued ?? {})].reduce((latest, i) => (i.at > latest ? i.at : latest), d.publishedAt);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Series, then number: the order of issue within an agenda item. */
export function byIssue(a: DocumentRecord, b: DocumentRecord): number {
  return a.series.localeCompare(b.series) || a.number - b.number;
}

/** Agenda item, then series and number: the order of the session's page, its catalogue and the API. */
export function byAgendaItemThenIssue(a: DocumentRecord, b: DocumentRecord): number {
  return a.agendaItem - b.agendaItem || compare(a.series, b.series) || a.number - b.number || compare(a.symbol, b.symbol);
}

/** Most recently updated first (ties by symbol, so the order never depends on the store's). */
export function byLatest(a: DocumentRecord, b: DocumentRecord): number {
  return compare(updatedAt(b), updatedAt(a)) || compare(a.symbol, b.symbol);
}
