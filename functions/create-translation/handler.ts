import { ENV } from '#shared/adapters/config';
import { ulid } from 'ulidx';
import { apiHandler, jsonBody } from '#shared/handlers/http';
import { filesFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { createTranslation } from './create-translation';

const MAX_FILE_SIZE = Number(process.env[ENV.maxFileSize] ?? 100 * 1024 * 1024);

export const handler = apiHandler(async (event) => ({
  status: 201,
  // API Gateway (and the local gateway) hand over path parameters already decoded.
  body: await createTranslation(event.pathParameters?.symbol ?? '', jsonBody(event), {
    store: storeFromEnv(), files: filesFromEnv(), newId: ulid, maxFileSize: MAX_FILE_SIZE, uploadExpiry: 3600,
  }),
}), { staff: true });
