import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from './stepfunctions-errors';
import type { Operation } from './stepfunctions-operations';

/**
 * The AWS JSON 1.0 protocol as Step Functions speaks it: `POST /` with
 * `x-amz-target: AWSStepFunctions.<Operation>` and a JSON body; a JSON answer, or an error as
 * `{"__type", "message"}` with a 4xx status.
 */
const TARGET_PREFIX = 'AWSStepFunctions.';
const CONTENT_TYPE = 'application/x-amz-json-1.0';
const MAX_BODY_BYTES = 1024 * 1024;

export function createApiServer(operations: Readonly<Record<string, Operation>>): Server {
  return createServer((request, response) => {
    answer(operations, request)
      .then((body) => send(response, 200, body))
      .catch((error: unknown) => {
        if (error instanceof ApiError) {
          send(response, error.status, { __type: error.name, message: error.message }, error.name);
        } else {
          console.error('local Step Functions:', error);
          const message = 'The local Step Functions service failed';
          send(response, 500, { __type: 'InternalFailure', message }, 'InternalFailure');
        }
      });
  });
}

async function answer(operations: Readonly<Record<string, Operation>>, request: IncomingMessage): Promise<unknown> {
  const target = request.headers['x-amz-target'];
  const name = typeof target === 'string' && target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : '';
  const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
  // Read the body first, so a refused request does not leave it unread on a kept-alive connection.
  const text = await readBody(request);
  if (request.method !== 'POST' || !operation) {
    throw new ApiError('UnknownOperationException', `Unknown operation: ${String(target)}`);
  }
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new ApiError('SerializationException', 'The request body is not valid JSON');
  }
  return operation(body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      throw new ApiError('ValidationException', `The request is larger than ${MAX_BODY_BYTES} bytes`, 413);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': CONTENT_TYPE,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
  });
  response.end(text);
}

/** Listens and resolves with the port (useful with port 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address: AddressInfo | string | null = server.address();
      if (address === null || typeof address === 'string') reject(new Error('The server has no TCP address'));
      else resolve(address.port);
    });
  });
}

/** Stops listening and drops open connections (the SDK keeps them alive), so closing is prompt. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
