import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { NOT_FOUND_PATH, pageKey } from '#shared/domain/site-paths';
import { BINARY_MEDIA_TYPES, ROUTES, type Route } from '../functions';
import { lambdaContext } from './lambda';
import { checkObjectPath, splitTarget } from './object-path';

/**
 * The embedded stack's one port, as CloudFront does it in AWS: `/api/…` goes to the API's
 * handlers as API Gateway proxy events, everything else is served from the site bucket.
 */
export type ApiFunction = (event: APIGatewayProxyEvent, context: ReturnType<typeof lambdaContext>) => Promise<APIGatewayProxyResult>;

interface CompiledRoute { route: Route; pattern: RegExp; params: string[] }

function compile(route: Route): CompiledRoute {
  const params: string[] = [];
  const source = route.path.split('/').map((segment) => {
    const param = /^\{(\w+)(\+?)\}$/.exec(segment);
    if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    params.push(param[1]!);
    return param[2] ? '(.+)' : '([^/]+)';
  }).join('/');
  return { route, pattern: new RegExp(`^${source}$`), params };
}

const MAX_BODY = 1024 * 1024;

/** As API Gateway's binaryMediaTypes: a body of one of these types is given to the function base64-encoded. */
function isBinary(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (BINARY_MEDIA_TYPES as readonly string[]).includes(type);
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('BodyTooLarge');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer) {
  res.writeHead(status, headers);
  res.end(body);
}

function apiError(res: ServerResponse, status: number, code: string, message: string) {
  send(res, status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify({ error: { code, message } }));
}

export function startGateway(opts: {
  port: number;
  functions: Record<string, ApiFunction>;
  s3: S3Client;
  siteBucket: string;
  /** Origins the site's pages may connect to besides their own (`connect-src`). */
  connectSrc?: readonly string[];
}): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const routes = ROUTES.map(compile);
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src ${["'self'", ...(opts.connectSrc ?? [])].join(' ')}; object-src 'none'; base-uri 'self'; frame-ancestors 'none'`;

  async function api(req: IncomingMessage, res: ServerResponse, url: URL) {
    const method = req.method ?? 'GET';
    // Match on the raw path, as API Gateway does; path parameters are then decoded.
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const matches = routes.filter((r) => r.pattern.test(path));
    const compiled = matches.find((r) => r.route.method === method);
    if (!compiled) {
      if (matches.length) return apiError(res, 405, 'MethodNotAllowed', `${method} is not allowed on ${path}`);
      return apiError(res, 404, 'NotFound', `No API route ${method} ${path}`);
    }
    const values = compiled.pattern.exec(path)!.slice(1);
    let pathParameters: Record<string, string>;
    try {
      pathParameters = Object.fromEntries(compiled.params.map((p, i) => [p, decodeURIComponent(values[i]!)]));
    } catch {
      return apiError(res, 400, 'BadRequest', 'The path is not valid percent-encoded UTF-8');
    }
    let body: Buffer;
    const limit = compiled.route.maxBodyBytes ?? MAX_BODY;
    try {
      body = await readBody(req, limit);
    } catch {
      return apiError(res, 413, 'PayloadTooLarge', `The request body is larger than ${limit === MAX_BODY ? '1 MB' : `${limit} bytes`}`);
    }
    const binary = isBinary(req.headers['content-type']);
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(',') : v]])));
    const query = [...url.searchParams.keys()];
    const event: APIGatewayProxyEvent = {
      resource: compiled.route.path,
      path,
      httpMethod: method,
      headers,
      multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      queryStringParameters: query.length ? Object.fromEntries(query.map((k) => [k, url.searchParams.get(k)!])) : null,
      multiValueQueryStringParameters: query.length ? Object.fromEntries(query.map((k) => [k, url.searchParams.getAll(k)])) : null,
      pathParameters: compiled.params.length ? pathParameters : null,
      stageVariables: null,
      body: body.length ? (binary ? body.toString('base64') : body.toString('utf8')) : null,
      isBase64Encoded: body.length > 0 && binary,
      requestContext: {
        accountId: '000000000000', apiId: 'local', authorizer: null, protocol: 'HTTP/1.1', httpMethod: method,
        identity: { sourceIp: req.socket.remoteAddress ?? '127.0.0.1' } as APIGatewayProxyEvent['requestContext']['identity'],
        path, stage: 'local', requestId: randomUUID(), requestTimeEpoch: Date.now(), resourceId: 'local', resourcePath: compiled.route.path,
      },
    };
    const handler = opts.functions[compiled.route.fn];
    if (!handler) return apiError(res, 502, 'BadGateway', `No function ${compiled.route.fn}`);
    const result = await handler(event, lambdaContext(compiled.route.fn));
    const outHeaders = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
    send(res, result.statusCode, outHeaders, result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
  }

  async function getObject(key: string) {
    try {
      return await opts.s3.send(new GetObjectCommand({ Bucket: opts.siteBucket, Key: key }));
    } catch (e) {
      if (e instanceof Error && (e.name === 'NoSuchKey' || e.name === 'NotFound')) return undefined;
      throw e;
    }
  }

  async function site(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'The site is read-only: GET or HEAD');
    // Only keys of the site bucket: the raw path is checked, as the key is a file path to s3rver.
    const checked = checkObjectPath(splitTarget(req.url ?? '/').rawPath);
    if (!checked.ok) return send(res, 400, { 'content-type': 'text/plain; charset=utf-8' }, checked.message);
    const path = checked.key.replace(/^\/+/, '');
    let object = await getObject(pageKey(path));
    if (!object && path !== '' && !path.endsWith('/') && (await getObject(pageKey(`${path}/`)))) {
      return send(res, 301, { location: `/${path}/` }, '');
    }
    let status = 200;
    if (!object) {
      status = 404;
      object = await getObject(NOT_FOUND_PATH);
    }
    if (!object?.Body) return send(res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Not found');
    const headers: Record<string, string> = {
      'content-type': object.ContentType ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
      'content-security-policy': csp,
    };
    if (object.CacheControl) headers['cache-control'] = object.CacheControl;
    if (object.ContentDisposition) headers['content-disposition'] = object.ContentDisposition;
    if (object.ContentLength !== undefined) headers['content-length'] = String(object.ContentLength);
    res.writeHead(status, headers);
    if (req.method === 'HEAD') return res.end();
    (object.Body as Readable).pipe(res);
  }

  const server = createServer((req, res) => {
    const target = req.url ?? '/';
    const handle = async () => {
      // Origin-form only (`/…`): an absolute or `//host` target would be read as another host by `new URL`.
      if (!target.startsWith('/') || target.startsWith('//')) return send(res, 400, { 'content-type': 'text/plain; charset=utf-8' }, 'The request target must be a path');
      const url = new URL(target, 'http://localhost');
      const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');
      return isApi ? api(req, res, url) : site(req, res);
    };
    handle().catch((e: unknown) => {
      console.error('circulate: request failed', e);
      if (!res.headersSent) apiError(res, 500, 'Internal', 'Something went wrong on our side');
      else res.destroy();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject).listen(opts.port, '127.0.0.1', () => {
      const address = server.address();
      const port = address && typeof address === 'object' ? address.port : opts.port;
      resolve({
        url: `http://localhost:${port}`,
        server,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}
