import type { DocumentStore, SubmissionStore } from '#shared/adapters/store';
import { documentView } from '#shared/api/views';
import { NotFound } from '#shared/domain/errors';
import { parseSymbol } from '#shared/domain/symbols';

export interface GetDocumentDeps {
  store: Pick<DocumentStore, 'getDocument'> & Pick<SubmissionStore, 'getSubmission'>;
  siteUrl: string;
}

/**
 * A published document by its symbol (as the path gives it, a trailing slash allowed). Publish
 * writes the document record before its pages and lists, and a Publish that fails after that
 * leaves it behind until MarkFailed removes it: so a record counts only once its submission is
 * PUBLISHED (one more read, at any crash point the answer is right).
 */
export async function getDocument(path: string, deps: GetDocumentDeps) {
  const symbol = path.replace(/\/$/, '');
  // A MalformedSymbol is a BadRequest: a 400 whose message says what is wrong with the symbol and where.
  parseSymbol(symbol);
  const document = await deps.store.getDocument(symbol);
  const submission = document && await deps.store.getSubmission(document.submissionId);
  if (!document || submission?.status !== 'PUBLISHED') throw new NotFound(`No published document ${symbol}`);
  return documentView(document, deps.siteUrl);
}
