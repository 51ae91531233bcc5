import { apiHandler } from '#shared/handlers/http';
import { propose } from './propose';

/** The bytes as API Gateway hands them over: base64 for the binary media types (infra/functions.ts), else the text as sent. */
function bodyBytes(body: string | null, isBase64Encoded: boolean): Uint8Array | undefined {
  if (body === null || body === '') return undefined;
  return new Uint8Array(isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8'));
}

export const handler = apiHandler(async (event) => ({
  status: 200,
  body: await propose({ contentType: event.headers?.['content-type'], body: bodyBytes(event.body, event.isBase64Encoded) }),
}), { staff: true });
