import type { DocumentStore } from '#shared/adapters/store';
import { documentView } from '#shared/api/views';
import { NotFound } from '#shared/domain/errors';
import { parseSymbol } from '#shared/domain/symbols';

export interface GetDocumentDeps {
  store: Pick<DocumentStore, 'getDocument'>;
  siteUrl: string;
}

/** A published document by its symbol (as the path gives it, a trailing slash allowed). */
export async function getDocument(path: string, deps: GetDocumentDeps) {
  const symbol = path.replace(/\/$/, '');
  // A MalformedSymbol is a BadRequest: a 400 whose message says what is wrong with the symbol and where.
  parseSymbol(symbol);
  const document = await deps.store.getDocument(symbol);
  if (!document) throw new NotFound(`No published document ${symbol}`);
  return documentView(document, deps.siteUrl);
}
