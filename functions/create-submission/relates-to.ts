import { BadRequest, Conflict, NotFound } from '#shared/domain/errors';
import { supersededBy } from '#shared/domain/lineage';
import type { DocumentRecord } from '#shared/domain/document';
import type { RelatesTo, SubmissionInput } from '#shared/domain/schemas';
import type { SiteStateStore } from '#shared/adapters/store';
import { publishedDocument, type PublishedDocumentStore } from '#shared/api/published';
import { FINAL_KINDS } from '#shared/domain/symbols';

export type RelatesToStore = PublishedDocumentStore & Pick<SiteStateStore, 'sessionState'>;

/** What a corrigendum, revision or addendum shares with its document: it is issued in the document's place. */
const SHARED_FIELDS = ['body', 'session', 'agendaItem', 'series'] as const;

/**
 * Checks that a corrigendum, revision or addendum can be issued for the document it names: the
 * document is published (404), the submission is in its place (400 naming both values), and no
 * revision has replaced it (409: correct or add to the revision instead). Another revision is
 * allowed: Rev.2 replaces the document and Rev.1.
 */
export async function checkRelatesTo(input: SubmissionInput & { relatesTo: RelatesTo }, store: RelatesToStore): Promise<DocumentRecord> {
  const { symbol, kind } = input.relatesTo;
  const what = FINAL_KINDS[kind];
  const base = await publishedDocument(symbol, store);
  if (!base) throw new NotFound(`relatesTo.symbol: no published document ${symbol}; a ${what} is issued for a published document`);

  const mismatches = SHARED_FIELDS.filter((f) => input[f] !== base[f])
    .map((f) => ({ path: f, message: `is ${input[f]}, but ${symbol} is ${f === 'agendaItem' ? 'under agenda item' : f} ${base[f]}; a ${what} keeps its document's ${f}` }));
  if (mismatches.length > 0) throw new BadRequest(mismatches.map((m) => `${m.path}: ${m.message}`).join('; '), mismatches);

  if (kind !== 'Rev') {
    const { symbols } = await store.sessionState(base.body, base.session);
    const revision = supersededBy(symbol, symbols);
    if (revision) throw new Conflict(`${symbol} has been replaced by its revision ${revision}; issue the ${what} for ${revision} instead`);
  }
  return base;
}
