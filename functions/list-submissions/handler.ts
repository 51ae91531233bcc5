import { apiHandler } from '#shared/handlers/http';
import { siteUrlFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { listSubmissions } from './list-submissions';

export const handler = apiHandler(async (event) => ({
  status: 200,
  body: await listSubmissions(event.queryStringParameters, { store: storeFromEnv(), siteUrl: siteUrlFromEnv() }),
}), { staff: true });
