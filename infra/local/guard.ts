import { createServer, request as forward, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { checkObjectPath, splitTarget } from './object-path';
import type { FaultDecision } from './wire-faults';
import { verifySignature, type Refusal } from './sigv4';
import { closeServer, listen } from './stepfunctions-http';

/**
 * What stands in front of each emulator's port: the emulators accept any request, from anyone, and
 * answer CORS `*`, so a web page on any origin could write to them. The guard forwards a request
 * only when it is SigV4-signed with the local key (or is a presigned URL that verifies and has not
 * expired), comes from no browser origin but the site's, is addressed to this machine by name
 * (DNS rebinding), and — for S3 — names a key inside its bucket.
 */
export type GuardedService = 's3' | 'dynamodb' | 'states';

export interface GuardOptions {
  service: GuardedService;
  /** The public port (0 = a free one) and the emulator's own, on 127.0.0.1. */
  port: number;
  upstreamPort: number;
  credentials: { accessKeyId: string; secretAccessKey: string };
  region: string;
  /** Browser origins allowed to call (the site's, for the staff page's presigned PUTs); none by default. */
  allowedOrigins?: readonly string[];
  /**
   * For tests only (wire-faults.ts): what to do with a request that passed every check, by its
   * operation (DynamoDB: the action of X-Amz-Target; S3: the method). Unset for `npm start`.
   */
  faults?: (operation: string) => FaultDecision;
}

// dynalite's own limit; the Step Functions service's is lower and its own.
const MAX_HASHED_BODY = 16 * 1024 * 1024;

const CODES: Record<GuardedService, Record<Refusal | 'origin' | 'host', string>> = {
  s3: { missing: 'AccessDenied', 'unknown-key': 'InvalidAccessKeyId', mismatch: 'SignatureDoesNotMatch', expired: 'AccessDenied', skewed: 'RequestTimeTooSkewed', malformed: 'AuthorizationQueryParametersError', origin: 'AccessDenied', host: 'AccessDenied' },
  dynamodb: { missing: 'MissingAuthenticationTokenException', 'unknown-key': 'UnrecognizedClientException', mismatch: 'InvalidSignatureException', expired: 'InvalidSignatureException', skewed: 'InvalidSignatureException', malformed: 'IncompleteSignatureException', origin: 'AccessDeniedException', host: 'AccessDeniedException' },
  states: { missing: 'MissingAuthenticationTokenException', 'unknown-key': 'UnrecognizedClientException', mismatch: 'InvalidSignatureException', expired: 'InvalidSignatureException', skewed: 'InvalidSignatureException', malformed: 'IncompleteSignatureException', origin: 'AccessDeniedException', host: 'AccessDeniedException' },
};

export async function startGuard(opts: GuardOptions): Promise<{ endpoint: string; port: number; server: Server; close(): Promise<void> }> {
  const allowed = new Set(opts.allowedOrigins ?? []);
  let hosts = new Set<string>();

  // DynamoDB's own errors (throttling, 500s) are in its service namespace; the sign-in refusals in coral's.
  const refuse = (req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, namespace = 'com.amazon.coral.service') => {
    // Read and drop what is left of the body: closing under a client still sending fails it with EPIPE, not the answer.
    req.resume();
    const s3 = opts.service === 's3';
    const body = s3
      ? `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)}</Message></Error>`
      : JSON.stringify({ __type: opts.service === 'dynamodb' ? `${namespace}#${code}` : code, message });
    res.writeHead(status, {
      'content-type': s3 ? 'application/xml' : 'application/x-amz-json-1.0',
      'content-length': Buffer.byteLength(body),
      'x-amzn-errortype': code,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const target = req.url ?? '/';
    const { rawPath, rawQuery } = splitTarget(target);
    const origin = req.headers.origin;
    if (!hosts.has(String(req.headers.host).toLowerCase())) return refuse(req, res, 403, CODES[opts.service].host, 'The Host header must name this machine (localhost or 127.0.0.1 and this port)');
    if (origin !== undefined && !allowed.has(origin)) return refuse(req, res, 403, CODES[opts.service].origin, `Requests from the origin ${origin} are refused: only the local site may call this emulator from a browser`);
    const preflight = req.method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method'] !== undefined;
    if (opts.service === 's3') {
      const path = checkObjectPath(rawPath, { allowPercent: true });
      if (!path.ok) return refuse(req, res, 400, 'InvalidURI', path.message);
      const source = req.headers['x-amz-copy-source'];
      if (typeof source === 'string') {
        const copied = checkObjectPath(source.startsWith('/') ? splitTarget(source).rawPath : `/${splitTarget(source).rawPath}`, { allowPercent: true });
        if (!copied.ok) return refuse(req, res, 400, 'InvalidArgument', `x-amz-copy-source: ${copied.message}`);
      }
    }
    let body: Buffer | undefined;
    if (opts.service !== 's3') {
      body = await readBody(req);
      if (!body) return refuse(req, res, 413, 'RequestEntityTooLarge', `The request body is larger than ${MAX_HASHED_BODY} bytes`);
    }
    // A CORS preflight carries no credentials by design; the request it announces will.
    if (!preflight) {
      const verdict = await verifySignature({ method: req.method ?? 'GET', rawPath, rawQuery, headers: req.headers, body }, { credentials: opts.credentials, region: opts.region, service: opts.service });
      if (!verdict.ok) return refuse(req, res, 403, CODES[opts.service][verdict.reason], verdict.message);
    }
    if (opts.faults && !preflight) {
      const operation = opts.service === 'dynamodb' ? String(req.headers['x-amz-target'] ?? '').split('.').pop() ?? '' : req.method ?? 'GET';
      const decision = opts.faults(operation);
      if (decision.delayMs > 0) await new Promise((r) => setTimeout(r, decision.delayMs));
      const { error } = decision;
      if (error) return refuse(req, res, error.status, error.code, error.message, 'com.amazonaws.dynamodb.v20120810');
    }
    const { expect: _expect, ...headers } = req.headers;
    const upstream = forward({ host: '127.0.0.1', port: opts.upstreamPort, method: req.method, path: target, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, corsHeaders(answer.headers, origin));
      answer.pipe(res);
    });
    upstream.on('error', (e) => {
      if (res.headersSent) return res.destroy();
      refuse(req, res, 502, 'BadGateway', `The emulator did not answer: ${e.message}`);
    });
    res.on('close', () => { if (!res.writableFinished) upstream.destroy(); });
    if (body) upstream.end(body);
    else req.pipe(upstream);
  }

  /** The emulator's CORS answer, with `*` narrowed to the one allowed origin that asked; none for anyone else. */
  function corsHeaders(headers: IncomingMessage['headers'], origin: string | undefined): OutgoingHttpHeaders {
    const out: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(headers)) if (!name.startsWith('access-control-')) out[name] = value;
    if (origin !== undefined && allowed.has(origin) && headers['access-control-allow-origin'] !== undefined) {
      for (const [name, value] of Object.entries(headers)) if (name.startsWith('access-control-')) out[name] = value;
      out['access-control-allow-origin'] = origin;
      out.vary = 'Origin';
    }
    return out;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      console.error(`circulate: the ${opts.service} guard failed`, e);
      if (!res.headersSent) refuse(req, res, 500, 'InternalError', 'The local guard failed');
      else res.destroy();
    });
  });
  const port = await listen(server, opts.port, '127.0.0.1');
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return { endpoint: `http://127.0.0.1:${port}`, port, server, close: () => closeServer(server) };
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_HASHED_BODY) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
