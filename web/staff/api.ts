import type { z } from 'zod';
import { CreatedSubmission, DocumentView, ErrorBody, Proposals, RedrivenSubmission, SubmissionPage, SubmissionView } from '#shared/api/responses';
import type { SubmissionListQuery } from '#shared/api/queries';
import type { SubmissionInput } from '#shared/domain/schemas';
import type { ReissueInput, TranslationInput } from '#shared/domain/translations';
import type { Issue } from './issues';
import { authHeaders } from './token';

/** The API, same origin (`/api/…`, as CloudFront and the embedded stack serve it), answers checked with the API's own schemas. */

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
    if (body.success) {
      const { code, message, details } = body.data.error;
      // Only a refused body has issues to show beside the fields.
      throw new ApiProblem(res.status, code, message, Array.isArray(details) ? details : []);
    }
    throw new ApiProblem(res.status, 'Http', `Circulate answered ${res.status} ${res.statusText}`.trim());
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiProblem(res.status, 'UnexpectedAnswer', 'Circulate sent an answer this page does not understand: reload the page and try again');
  return parsed.data;
}

const postJson = (body: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

/** A symbol in a path: each segment encoded, the slashes kept (the routes' `{symbol+}` is greedy). */
const symbolPath = (symbol: string) => symbol.split('/').map(encodeURIComponent).join('/');

export function createSubmission(body: SubmissionInput) {
  return call(CreatedSubmission, '/submissions', postJson(body));
}

export function getSubmission(id: string) {
  return call(SubmissionView, `/submissions/${encodeURIComponent(id)}`, { cache: 'no-store' });
}

export function listSubmissions(query: SubmissionListQuery) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  return call(SubmissionPage, `/submissions?${params.toString()}`, { cache: 'no-store' });
}

export function redriveSubmission(id: string) {
  return call(RedrivenSubmission, `/submissions/${encodeURIComponent(id)}/redrive`, { method: 'POST' });
}

export function getDocument(symbol: string) {
  return call(DocumentView, `/documents/${symbolPath(symbol)}`, { cache: 'no-store' });
}

/** A language version of a published document: answered like a submission, its files to PUT the same way. */
export function createTranslation(symbol: string, body: TranslationInput) {
  return call(CreatedSubmission, `/translations/${symbolPath(symbol)}`, postJson(body));
}

export function createReissue(symbol: string, body: ReissueInput) {
  return call(CreatedSubmission, `/reissues/${symbolPath(symbol)}`, postJson(body));
}

/** The metadata a cover note's text proposes: the file's bytes sent as they are, with its type (POST /api/proposals). */
export function proposeFrom(file: Blob, contentType: string) {
  return call(Proposals, '/proposals', { method: 'POST', body: file, headers: { 'content-type': contentType } });
}
