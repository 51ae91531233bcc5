import { z } from 'zod';
import { apiHandler, parseOrBadRequest } from '../shared/handlers/http';
import { BODY_CODES } from '../shared/domain/registry';
import { Status } from '../shared/domain/schemas';
import { siteUrlFromEnv, storeFromEnv } from '../shared/adapters/runtime';
import { submissionView } from '../shared/api/views';

const Query = z.strictObject({
  status: Status.optional(),
  body: z.enum(BODY_CODES as [string, ...string[]]).default(BODY_CODES[0]!),
  session: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
});

export const handler = apiHandler(async (event) => {
  const q = parseOrBadRequest(Query, event.queryStringParameters ?? {}, 'The query');
  const page = await storeFromEnv().listSubmissions(q);
  const siteUrl = siteUrlFromEnv();
  return { status: 200, body: { items: page.items.map((r) => submissionView(r, siteUrl)), cursor: page.cursor ?? null } };
}, { staff: true });
