import { z } from 'zod';
import { HistoryEntry, Status } from '../../functions/shared/domain/schemas';
import type { Issue } from './issues';
import { authHeaders } from './token';

/** The API, same origin (`/api/…`, as CloudFront and the embedded stack serve it), answers checked with zod. */
const Upload = z.object({ name: z.string(), method: z.string(), url: z.url({ protocol: /^https?$/ }), headers: z.record(z.string(), z.string()) });
export type Upload = z.infer<typeof Upload>;

const Created = z.object({ id: z.string(), status: Status, uploads: z.array(Upload) });

const SubmissionState = z.object({
  id: z.string(),
  status: Status,
  symbol: z.string().nullable(),
  url: z.url({ protocol: /^https?$/ }).nullable(),
  history: z.array(HistoryEntry),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type SubmissionState = z.infer<typeof SubmissionState>;

const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ path: z.string(), message: z.string() })).optional() }),
});

/** An answer other than the one hoped for: `status` 0 when Circulate could not be reached. */
export class ApiProblem extends Error {
  override name = 'ApiProblem';
  constructor(readonly status: number, readonly code: string, message: string, readonly details: readonly Issue[] = []) {
    super(message);
  }
}

async function call<T extends z.ZodType>(schema: T, path: string, init: RequestInit = {}): Promise<z.infer<T>> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, { ...init, headers: { accept: 'application/json', ...authHeaders(), ...init.headers } });
  } catch {
    throw new ApiProblem(0, 'Network', 'Circulate could not be reached: check the connection and try again');
  }
  let json: unknown;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const body = ErrorBody.safeParse(json);
    if (body.success) throw new ApiProblem(res.status, body.data.error.code, body.data.error.message, body.data.error.details);
    throw new ApiProblem(res.status, 'Http', `Circulate answered ${res.status} ${res.statusText}`.trim());
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiProblem(res.status, 'UnexpectedAnswer', 'Circulate sent an answer this page does not understand: reload the page and try again');
  return parsed.data;
}

export function createSubmission(body: unknown) {
  return call(Created, '/submissions', { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
}

export function getSubmission(id: string) {
  return call(SubmissionState, `/submissions/${encodeURIComponent(id)}`, { cache: 'no-store' });
}
