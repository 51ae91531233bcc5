import type { SubmissionStore } from '#shared/adapters/store';
import { SubmissionListQuery } from '#shared/api/queries';
import type { SubmissionPage } from '#shared/api/responses';
import { submissionView } from '#shared/api/views';
import { parseOrBadRequest } from '#shared/handlers/http';

export interface ListSubmissionsDeps {
  store: Pick<SubmissionStore, 'listSubmissions'>;
  siteUrl: string;
}

/** One page of submissions, newest first, from the query string (status, body, session, limit, cursor). */
export async function listSubmissions(query: unknown, deps: ListSubmissionsDeps): Promise<SubmissionPage> {
  const q = parseOrBadRequest(SubmissionListQuery, query ?? {}, 'The query');
  const page = await deps.store.listSubmissions(q);
  return { items: page.items.map((r) => submissionView(r, deps.siteUrl)), cursor: page.cursor ?? null };
}
