import type { DocumentRecord } from '../domain/document';
import type { DocumentStore, SubmissionStore } from '../adapters/store';

export type PublishedDocumentStore = Pick<DocumentStore, 'getDocument'> & Pick<SubmissionStore, 'getSubmission'>;

/**
 * The document of `symbol` if it is published. Publish writes the document record before its pages
 * and lists, and a Publish that fails after that leaves it behind until MarkFailed removes it: so a
 * record counts only once its submission is PUBLISHED (one more read, right at any crash point).
 */
export async function publishedDocument(symbol: string, store: PublishedDocumentStore): Promise<DocumentRecord | undefined> {
  const document = await store.getDocument(symbol);
  const submission = document && await store.getSubmission(document.submissionId);
  return document && submission?.status === 'PUBLISHED' ? document : undefined;
}
