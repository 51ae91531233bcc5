import { z } from 'zod';
import { NotFound } from '../shared/domain/errors';
import { apiHandler, parseOrBadRequest } from '../shared/handlers/http';
import { BODY_CODES, body as bodyOf, sessionInRange } from '../shared/domain/registry';
import { siteUrlFromEnv, storeFromEnv } from '../shared/adapters/runtime';
import { sessionDocumentsView } from '../publish/catalogue';

const Params = z.object({
  body: z.enum(BODY_CODES as [string, ...string[]], { message: `must be one of ${BODY_CODES.join(', ')}` }),
  session: z.coerce.number().int().positive(),
});

export const handler = apiHandler(async (event) => {
  const p = parseOrBadRequest(Params, event.pathParameters ?? {}, 'The session');
  const b = bodyOf(p.body)!;
  if (!sessionInRange(b, p.session)) throw new NotFound(`${p.body} has no session ${p.session}`);
  const documents = await storeFromEnv().listSessionDocuments(p.body, p.session);
  // The same answer as the site's static catalogue A/HRC/47/documents.json, from the same function.
  return { status: 200, body: sessionDocumentsView(p.body, p.session, documents, siteUrlFromEnv()) };
}, { staff: false });
