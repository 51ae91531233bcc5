import middy, { type MiddlewareObj } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { z } from 'zod';
import { BadRequest, DomainError, Unauthorized, UnsupportedMediaType } from '../domain/errors';
import { ENV, optional } from '../adapters/config';
import { describeIssues } from '../domain/issues';

/**
 * The API's middleware, in one place: header normalisation, staff authentication, JSON bodies
 * and the one error handler that turns domain errors into 4xx answers a person can act on and
 * anything else into a generic 500.
 */
export type ApiEvent = APIGatewayProxyEvent;
export interface ApiResult { status: number; body: unknown; headers?: Record<string, string> }

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function errorBody(code: string, message: string, details?: unknown) {
  return JSON.stringify({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

export function parseOrBadRequest<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error.issues);
    const first = issues[0];
    throw new BadRequest(`${what} is not valid: ${first ? `${first.path || 'body'}: ${first.message}` : 'see details'}`, issues);
  }
  return parsed.data;
}

function errorHandler(): MiddlewareObj<ApiEvent, APIGatewayProxyResult> {
  return {
    onError: async (request) => {
      const e = request.error;
      if (e instanceof DomainError && e.status < 500) {
        request.response = { statusCode: e.status, headers: JSON_HEADERS, body: errorBody(e.code, e.message, e.details) };
        return;
      }
      console.error(JSON.stringify({ level: 'error', message: 'Unhandled error', error: e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : String(e) }));
      request.response = { statusCode: 500, headers: JSON_HEADERS, body: errorBody('Internal', 'Something went wrong on our side; the request may be retried') };
    },
  };
}

/**
 * Staff routes: in AWS, API Gateway's Cognito authorizer has already checked the caller and put the
 * claims on the request context; locally, the bearer token must equal CIRCULATE_TOKEN.
 */
function staffOnly(): MiddlewareObj<ApiEvent, APIGatewayProxyResult> {
  return {
    before: async (request) => {
      const claims: unknown = request.event.requestContext?.authorizer?.claims;
      if (claims && typeof claims === 'object') return;
      const expected = optional(ENV.staffToken);
      const header = request.event.headers?.authorization ?? request.event.headers?.Authorization;
      const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
      if (!expected || !token || !timingSafeEqual(token, expected)) {
        throw new Unauthorized(header ? 'The staff token is not valid' : 'This route is for secretariat staff: send Authorization: Bearer <token>');
      }
    },
  };
}

function timingSafeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

/** The JSON body, or a 4xx: wrong content type (415) or malformed JSON (400). */
export function jsonBody(event: ApiEvent): unknown {
  const type = event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new UnsupportedMediaType('Send the body as JSON with Content-Type: application/json');
  }
  const raw = event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : event.body ?? '';
  try {
    return JSON.parse(raw);
  } catch (e) {
    throw new BadRequest(`The body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function apiHandler(fn: (event: ApiEvent, context: Context) => Promise<ApiResult>, opts: { staff: boolean }) {
  const chain = middy<ApiEvent, APIGatewayProxyResult>().use(httpHeaderNormalizer()).use(errorHandler());
  if (opts.staff) chain.use(staffOnly());
  return chain.handler(async (event, context) => {
    const result = await fn(event, context);
    return { statusCode: result.status, headers: { ...JSON_HEADERS, ...result.headers }, body: JSON.stringify(result.body) };
  });
}

/** Who is calling a staff route, for audit trails: the Cognito user in AWS, the local token's holder locally. */
export function staffIdentity(event: ApiEvent): string {
  const claims: unknown = event.requestContext?.authorizer?.claims;
  if (claims && typeof claims === 'object') {
    const { email, sub } = claims as Record<string, unknown>;
    if (typeof email === 'string') return email;
    if (typeof sub === 'string') return sub;
  }
  return 'local staff token';
}
