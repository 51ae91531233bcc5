import { z } from 'zod';
import type { DocumentStore } from '#shared/adapters/store';
import { NotFound } from '#shared/domain/errors';
import { BODY_CODES, body as bodyOf, sessionInRange } from '#shared/domain/registry';
import { parseOrBadRequest } from '#shared/handlers/http';
import { sessionDocumentsView } from '../publish/catalogue';

const Params = z.object({
  body: z.enum(BODY_CODES as [string, ...string[]], { message: `must be one of ${BODY_CODES.join(', ')}` }),
  session: z.coerce.number().int().positive(),
});

export interface ListSessionDocumentsDeps {
  store: Pick<DocumentStore, 'listSessionDocuments'>;
  siteUrl: string;
}

/** A session's published documents by agenda item, from the path parameters `body` and `session`. */
export async function listSessionDocuments(params: unknown, deps: ListSessionDocumentsDeps) {
  const p = parseOrBadRequest(Params, params ?? {}, 'The session');
  const b = bodyOf(p.body)!;
  if (!sessionInRange(b, p.session)) throw new NotFound(`${p.body} has no session ${p.session}`);
  const documents = await deps.store.listSessionDocuments(p.body, p.session);
  // The same answer as the site's static catalogue A/HRC/47/documents.json, from the same function.
  return sessionDocumentsView(p.body, p.session, documents, deps.siteUrl);
}
