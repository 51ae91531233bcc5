import { z } from 'zod';
import type { SubmissionStore } from '../shared/adapters/store';
import { submissionView } from '../shared/api/views';
import { BODY_CODES } from '../shared/domain/registry';
import { Status } from '../shared/domain/schemas';
import { parseOrBadRequest } from '../shared/handlers/http';

const Query = z.strictObject({
  status: Status.optional(),
  body: z.enum(BODY_CODES as [string, ...string[]]).default(BODY_CODES[0]!),
  session: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
});

export interface ListSubmissionsDeps {
  store: Pick<SubmissionStore, 'listSubmissions'>;
  siteUrl: string;
}

/** One page of submissions, newest first, from the query string (status, body, session, limit, cursor). */
export async function listSubmissions(query: unknown, deps: ListSubmissionsDeps) {
  const q = parseOrBadRequest(Query, query ?? {}, 'The query');
  const page = await deps.store.listSubmissions(q);
  return { items: page.items.map((r) => submissionView(r, deps.siteUrl)), cursor: page.cursor ?? null };
}
