import { ENV } from '#shared/adapters/config';
import { ulid } from 'ulidx';
import { apiHandler, jsonBody } from '#shared/handlers/http';
import { filesFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { createSubmission } from './create-submission';

const MAX_FILE_SIZE = Number(process.env[ENV.maxFileSize] ?? 100 * 1024 * 1024);

export const handler = apiHandler(async (event) => ({
  status: 201,
  body: await createSubmission(jsonBody(event), {
    store: storeFromEnv(), files: filesFromEnv(), newId: ulid, maxFileSize: MAX_FILE_SIZE, uploadExpiry: 3600,
  }),
}), { staff: true });
