import { resolve } from 'node:path';
import { readLocalToken } from '../infra/local/token';
import { z } from 'zod';
import type { SubmissionInput } from '#shared/domain/schemas';
import type { ReissueInput, TranslationInput } from '#shared/domain/translations';
import type { SubmissionListQuery } from '#shared/api/queries';
import {
  CreatedSubmission, DocumentView, ErrorBody, Proposals, RedrivenSubmission, SeriesView, SubmissionPage, SubmissionView, type Upload,
} from '#shared/api/responses';

/** The Circulate API as the CLI sees it: a few routes, every answer checked with the API's own schemas. */

export const DEFAULT_API = 'http://localhost:3000/api';
const REQUEST_TIMEOUT_MS = 30_000;

/** The list route's query, as the route itself defines it. */
export type ListQuery = SubmissionListQuery;

/** The API answered with an error (4xx or 5xx), or refused an upload. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(message: string, readonly status: number, readonly code?: string, readonly issues: readonly string[] = []) {
    super(message);
  }
}

/** No answer: the API could not be reached, or did not answer in time. */
export class NetworkError extends Error {
  override name = 'NetworkError';
}

/** An answer that is not what the API promises (a wrong CIRCULATE_API, or a server out of step with this CLI). */
export class UnexpectedAnswer extends Error {
  override name = 'UnexpectedAnswer';
}

export class MissingToken extends Error {
  override name = 'MissingToken';
  constructor() {
    super('CIRCULATE_TOKEN is not set: staff routes need the bearer token (the local stack prints it when it starts)');
  }
}

export class BadConfiguration extends Error {
  override name = 'BadConfiguration';
}

export interface Answer<T> {
  value: T;
  /** The JSON as received, for `--json`. */
  raw: unknown;
}

export interface CirculateApi {
  readonly baseUrl: string;
  createSubmission(body: SubmissionInput): Promise<Answer<CreatedSubmission>>;
  createTranslation(symbol: string, body: TranslationInput): Promise<Answer<CreatedSubmission>>;
  createReissue(symbol: string, body: ReissueInput): Promise<Answer<CreatedSubmission>>;
  upload(upload: Upload, bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  getSubmission(id: string): Promise<Answer<SubmissionView>>;
  redriveSubmission(id: string): Promise<Answer<RedrivenSubmission>>;
  listSubmissions(query: ListQuery): Promise<Answer<SubmissionPage>>;
  getDocument(symbol: string): Promise<Answer<DocumentView>>;
  setSeriesStart(series: string, start: number): Promise<Answer<SeriesView>>;
  getSeries(series: string): Promise<Answer<SeriesView>>;
  /** The metadata a cover note's text proposes (`POST /api/proposals`): its bytes sent as they are, with their type. */
  propose(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<Answer<Proposals>>;
}

export interface ApiOptions {
  baseUrl: string;
  token?: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/** `A/HRC/47/G/10` → `A/HRC/47/G/10` with each segment encoded, the slashes kept (as the route expects). */
export function symbolPath(symbol: string): string {
  return symbol.replace(/^\/+|\/+$/g, '').split('/').map(encodeURIComponent).join('/');
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e.name === 'TimeoutError') return 'no answer in time';
  // fetch wraps the socket error ("fetch failed"); the cause says what happened (ECONNREFUSED, ENOTFOUND…).
  const cause = e.cause;
  if (cause instanceof Error) return cause.message || ('code' in cause && typeof cause.code === 'string' ? cause.code : cause.name);
  return e.message;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `details`, when it is a list of issues (a refused body or query), one line each. */
function issuesOf(details: ErrorBody['error']['details']): string[] {
  if (!Array.isArray(details)) return [];
  return details.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message));
}

/** The message of an S3 error document (`<Error><Code>…</Code><Message>…</Message>`), if that is what came back. */
function s3Message(text: string): string | undefined {
  const code = /<Code>([^<]*)<\/Code>/.exec(text)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(text)?.[1];
  return code || message ? [code, message].filter(Boolean).join(': ') : undefined;
}

export function createApi(options: ApiOptions): CirculateApi {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  if (!URL.canParse(baseUrl)) throw new BadConfiguration(`CIRCULATE_API is not a URL: ${options.baseUrl}`);
  const fetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;

  async function send(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      throw new NetworkError(`cannot reach ${new URL(url).origin}: ${describe(e)}`);
    }
  }

  async function request<S extends z.ZodType>(
    method: 'GET' | 'POST', route: string, schema: S,
    { staff, body, file }: { staff: boolean; body?: unknown; file?: { bytes: Uint8Array<ArrayBuffer>; contentType: string } },
  ): Promise<Answer<z.infer<S>>> {
    if (staff && !options.token) throw new MissingToken();
    const headers: Record<string, string> = { accept: 'application/json' };
    if (staff && options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (file) headers['content-type'] = file.contentType;
    const url = `${baseUrl}${route}`;
    const response = await send(url, { method, headers, body: file ? file.bytes : body === undefined ? undefined : JSON.stringify(body) });
    let text: string;
    try {
      text = await response.text();
    } catch (e) {
      throw new NetworkError(`${method} ${route}: the answer was cut off: ${describe(e)}`);
    }
    const json = parseJson(text);

    if (!response.ok) {
      const error = ErrorBody.safeParse(json);
      if (error.success) {
        const { code, message, details } = error.data.error;
        throw new ApiError(message, response.status, code, issuesOf(details));
      }
      throw new ApiError(`${method} ${route}: HTTP ${response.status} ${response.statusText}`.trimEnd(), response.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const what = json === undefined ? 'not JSON' : z.prettifyError(parsed.error);
      throw new UnexpectedAnswer(`${method} ${url} gave an unexpected answer (is CIRCULATE_API the API's address?): ${what}`);
    }
    return { value: parsed.data, raw: json };
  }

  return {
    baseUrl,

    createSubmission: (body) => request('POST', '/submissions', CreatedSubmission, { staff: true, body }),

    createTranslation: (symbol, body) => request('POST', `/translations/${symbolPath(symbol)}`, CreatedSubmission, { staff: true, body }),

    createReissue: (symbol, body) => request('POST', `/reissues/${symbolPath(symbol)}`, CreatedSubmission, { staff: true, body }),

    async upload(upload, bytes) {
      const response = await send(upload.url, { method: upload.method, headers: upload.headers, body: bytes });
      if (!response.ok) {
        const detail = s3Message(await response.text().catch(() => ''));
        throw new ApiError(
          `upload of ${upload.name} refused: HTTP ${response.status}${detail ? ` (${detail})` : ''}`, response.status);
      }
      // Drain the body so the connection is released.
      await response.arrayBuffer().catch(() => undefined);
    },

    getSubmission: (id) => request('GET', `/submissions/${encodeURIComponent(id)}`, SubmissionView, { staff: true }),

    redriveSubmission: (id) => request('POST', `/submissions/${encodeURIComponent(id)}/redrive`, RedrivenSubmission, { staff: true }),

    listSubmissions(query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
      const search = params.toString();
      return request('GET', `/submissions${search ? `?${search}` : ''}`, SubmissionPage, { staff: true });
    },

    getDocument: (symbol) => request('GET', `/documents/${symbolPath(symbol)}`, DocumentView, { staff: false }),

    setSeriesStart: (series, start) => request('POST', '/admin/series-start', SeriesView, { staff: true, body: { series, start } }),

    getSeries: (series) => request('GET', `/admin/series/${symbolPath(series)}`, SeriesView, { staff: true }),

    propose: (bytes, contentType) => request('POST', '/proposals', Proposals, { staff: true, file: { bytes, contentType } }),
  };
}

/**
 * The client configured from `CIRCULATE_API` and `CIRCULATE_TOKEN`. Without a token, the local
 * stack's own (in CIRCULATE_DATA, `.circulate/` by default) is used, so `npm start` then
 * `npx circulate submit …` works on one machine with nothing to copy.
 */
export function apiFromEnv(env: NodeJS.ProcessEnv = process.env): CirculateApi {
  const token = env.CIRCULATE_TOKEN || readLocalToken(resolve(env.CIRCULATE_DATA || '.circulate'));
  const baseUrl = env.CIRCULATE_API || (env.CIRCULATE_PORT ? `http://localhost:${env.CIRCULATE_PORT}/api` : DEFAULT_API);
  return createApi({ baseUrl, token });
}
