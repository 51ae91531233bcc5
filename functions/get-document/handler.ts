import { apiHandler } from '#shared/handlers/http';
import { siteUrlFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { getDocument } from './get-document';

export const handler = apiHandler(async (event) => ({
  status: 200,
  // API Gateway (and the local gateway) hand over path parameters already decoded.
  body: await getDocument(event.pathParameters?.symbol ?? '', { store: storeFromEnv(), siteUrl: siteUrlFromEnv() }),
}), { staff: false });
