import { apiHandler } from '#shared/handlers/http';
import { siteUrlFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { listSessionDocuments } from './list-session-documents';

export const handler = apiHandler(async (event) => ({
  status: 200,
  body: await listSessionDocuments(event.pathParameters, { store: storeFromEnv(), siteUrl: siteUrlFromEnv() }),
}), { staff: false });
