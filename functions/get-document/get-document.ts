import type { SiteStateStore } from '#shared/adapters/store';
import { publishedDocument, type PublishedDocumentStore } from '#shared/api/published';
import { documentView } from '#shared/api/views';
import { NotFound } from '#shared/domain/errors';
import { relatedSymbols } from '#shared/domain/lineage';
import { parseSymbol } from '#shared/domain/symbols';

export interface GetDocumentDeps {
  store: PublishedDocumentStore & Pick<SiteStateStore, 'sessionState'>;
  siteUrl: string;
}

/**
 * A published document by its symbol (as the path gives it, a trailing slash allowed), with its
 * lineage: the published documents of its session it corrects, revises or adds to, or that
 * correct, revise or add to it (found by symbol among the session's).
 */
export async function getDocument(path: string, deps: GetDocumentDeps) {
  const symbol = path.replace(/\/$/, '');
  // A MalformedSymbol is a BadRequest: a 400 whose message says what is wrong with the symbol and where.
  parseSymbol(symbol);
  const document = await publishedDocument(symbol, deps.store);
  if (!document) throw new NotFound(`No published document ${symbol}`);
  const { symbols } = await deps.store.sessionState(document.body, document.session);
  const near = await Promise.all(relatedSymbols(symbol, symbols).map((s) => publishedDocument(s, deps.store)));
  return documentView(document, deps.siteUrl, near.flatMap((d) => d ?? []));
}
