import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';

/**
 * Checks an AWS Signature Version 4 as the services do, by recomputing it with the SDK's own signer
 * (@smithy/signature-v4): canonicalisation rules (S3's unescaped path, the other services'
 * double-escaped one, query and header canonical forms) are where a home-made check goes wrong.
 * Both forms: the Authorization header, and a presigned URL (X-Amz-* query parameters).
 */
export interface SignedRequest {
  method: string;
  /** As sent: the path part of the request target, and the query without `?`. */
  rawPath: string;
  rawQuery: string;
  headers: IncomingHttpHeaders;
  /** The body, for services whose payload hash is not sent in `x-amz-content-sha256` (DynamoDB, Step Functions). */
  body?: Uint8Array;
}

export interface VerifyOptions {
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
  /** The signing name: `s3`, `dynamodb`, `states`. */
  service: string;
  now?: number;
}

export type Refusal = 'missing' | 'unknown-key' | 'mismatch' | 'expired' | 'skewed' | 'malformed';
export type Verdict = { ok: true } | { ok: false; reason: Refusal; message: string };

const ALGORITHM = 'AWS4-HMAC-SHA256';
const MAX_SKEW_MS = 15 * 60_000;
const MAX_EXPIRES_S = 7 * 24 * 3600;
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;
const LONG_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

const refuse = (reason: Refusal, message: string): Verdict => ({ ok: false, reason, message });

export async function verifySignature(request: SignedRequest, opts: VerifyOptions): Promise<Verdict> {
  const query = parseQuery(request.rawQuery);
  if (!query) return refuse('malformed', 'The query string is not valid percent-encoding');
  const authorization = request.headers.authorization;
  if (authorization !== undefined) return verifyHeader(request, query, authorization, opts);
  if (query.has('X-Amz-Signature') || query.has('X-Amz-Credential')) return verifyPresigned(request, query, opts);
  return refuse('missing', 'The request is not signed: sign it with the local access key (SigV4)');
}

async function verifyHeader(request: SignedRequest, query: Map<string, string[]>, authorization: string, opts: VerifyOptions): Promise<Verdict> {
  const match = AUTHORIZATION.exec(authorization);
  if (!match) return refuse('malformed', `The Authorization header is not an ${ALGORITHM} signature`);
  const [, credential, signedHeaders, signature] = match as unknown as [string, string, string, string];
  const scope = checkCredential(credential, opts);
  if (!scope.ok) return scope;
  const amzDate = header(request.headers, 'x-amz-date');
  const date = amzDate ? parseLongDate(amzDate) : undefined;
  if (!amzDate || !date) return refuse('malformed', 'X-Amz-Date is missing or not YYYYMMDDTHHMMSSZ');
  if (!amzDate.startsWith(scope.day)) return refuse('mismatch', 'The credential’s date is not the day of X-Amz-Date');
  if (Math.abs((opts.now ?? Date.now()) - date.getTime()) > MAX_SKEW_MS) return refuse('skewed', 'The request time is more than 15 minutes from the server’s');
  const names = signedHeaders.split(';');
  if (!names.includes('host')) return refuse('malformed', 'The signed headers must include host');
  // The signer trusts x-amz-content-sha256; where the body is at hand, so that it is the body's.
  const payloadHash = header(request.headers, 'x-amz-content-sha256');
  if (request.body && payloadHash !== undefined && payloadHash !== createHash('sha256').update(request.body).digest('hex')) {
    return refuse('mismatch', 'x-amz-content-sha256 is not the SHA-256 of the body');
  }
  const signer = signerFor(opts);
  const signed = await signer.sign({
    method: request.method, protocol: 'http:', hostname: 'localhost', path: request.rawPath,
    query: Object.fromEntries(query), headers: pick(request.headers, names), body: request.body,
  }, { signingDate: date, signableHeaders: new Set(names) });
  const expected = AUTHORIZATION.exec(String(signed.headers.authorization ?? ''));
  return expected?.[2] === signedHeaders && same(expected[3]!, signature) ? { ok: true } : refuse('mismatch', 'The signature does not match: check the secret key and how the request was signed');
}

async function verifyPresigned(request: SignedRequest, query: Map<string, string[]>, opts: VerifyOptions): Promise<Verdict> {
  const one = (name: string) => (query.get(name)?.length === 1 ? query.get(name)![0] : undefined);
  const [algorithm, credential, amzDate, expires, signedHeaders, signature] =
    ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'].map(one);
  if (algorithm !== ALGORITHM || !credential || !amzDate || !expires || !signedHeaders || !signature || !/^[0-9a-f]{64}$/.test(signature)) {
    return refuse('malformed', `A presigned URL needs X-Amz-Algorithm=${ALGORITHM}, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders and X-Amz-Signature`);
  }
  const scope = checkCredential(credential, opts);
  if (!scope.ok) return scope;
  const date = parseLongDate(amzDate);
  if (!date) return refuse('malformed', 'X-Amz-Date is not YYYYMMDDTHHMMSSZ');
  if (!amzDate.startsWith(scope.day)) return refuse('mismatch', 'The credential’s date is not the day of X-Amz-Date');
  if (!/^\d{1,6}$/.test(expires) || Number(expires) < 1 || Number(expires) > MAX_EXPIRES_S) return refuse('malformed', 'X-Amz-Expires must be 1 to 604800 seconds');
  const now = opts.now ?? Date.now();
  if (date.getTime() - now > MAX_SKEW_MS) return refuse('skewed', 'The URL was signed more than 15 minutes in the future');
  if (now > date.getTime() + Number(expires) * 1000) return refuse('expired', 'Request has expired');
  const names = signedHeaders.split(';');
  if (!names.includes('host')) return refuse('malformed', 'The signed headers must include host');
  const headers = pick(request.headers, names);
  // S3 signs presigned URLs over an unsigned payload; the header only carries that into the signer.
  const payload = names.includes('x-amz-content-sha256') ? [] : ['x-amz-content-sha256'];
  if (payload.length) headers['x-amz-content-sha256'] = UNSIGNED_PAYLOAD;
  const unsigned = new Map(query);
  unsigned.delete('X-Amz-Signature');
  const presigned = await signerFor(opts).presign({
    method: request.method, protocol: 'http:', hostname: 'localhost', path: request.rawPath,
    query: Object.fromEntries(unsigned), headers,
  }, {
    signingDate: date, expiresIn: Number(expires),
    signableHeaders: new Set(names), unsignableHeaders: new Set(payload), unhoistableHeaders: new Set([...names, ...payload]),
  });
  const recomputed = presigned.query?.['X-Amz-Signature'];
  return presigned.query?.['X-Amz-SignedHeaders'] === signedHeaders && typeof recomputed === 'string' && same(recomputed, signature)
    ? { ok: true }
    : refuse('mismatch', 'The signature does not match: the URL, its key or a signed header was changed');
}

function checkCredential(credential: string, opts: VerifyOptions): { ok: true; day: string } | Verdict & { ok: false } {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[4] !== 'aws4_request' || !/^\d{8}$/.test(parts[1]!)) return { ok: false, reason: 'malformed', message: 'The credential must be <key>/<YYYYMMDD>/<region>/<service>/aws4_request' };
  if (parts[0] !== opts.credentials.accessKeyId) return { ok: false, reason: 'unknown-key', message: 'The access key id is not the local stack’s' };
  if (parts[2] !== opts.region) return { ok: false, reason: 'mismatch', message: `The credential must be scoped to ${opts.region}` };
  if (parts[3] !== opts.service) return { ok: false, reason: 'mismatch', message: `The credential must be scoped to the service ${opts.service}` };
  return { ok: true, day: parts[1]! };
}

function signerFor(opts: VerifyOptions): SignatureV4 {
  return new SignatureV4({
    credentials: opts.credentials, region: opts.region, service: opts.service,
    sha256: Hash.bind(null, 'sha256'),
    // S3 signs the path as sent; the other services escape it once more. The payload hash is checked, never added.
    uriEscapePath: opts.service !== 's3', applyChecksum: false,
  });
}

/** `a=1&b=%2F` → decoded names and values; undefined if the encoding is broken. `+` is a plus, as AWS reads it. */
function parseQuery(raw: string): Map<string, string[]> | undefined {
  const query = new Map<string, string[]>();
  if (raw === '') return query;
  try {
    for (const pair of raw.split('&')) {
      if (pair === '') continue;
      const at = pair.indexOf('=');
      const name = decodeURIComponent(at < 0 ? pair : pair.slice(0, at));
      const value = at < 0 ? '' : decodeURIComponent(pair.slice(at + 1));
      query.set(name, [...(query.get(name) ?? []), value]);
    }
  } catch {
    return undefined;
  }
  return query;
}

function parseLongDate(value: string): Date | undefined {
  const m = LONG_DATE.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function pick(headers: IncomingHttpHeaders, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.flatMap((name) => {
    const value = header(headers, name);
    return value === undefined ? [] : [[name, value]];
  }));
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
