import { apiHandler } from '#shared/handlers/http';
import { siteUrlFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { getSubmission } from './get-submission';

export const handler = apiHandler(async (event) => ({
  status: 200,
  body: await getSubmission(event.pathParameters?.id ?? '', { store: storeFromEnv(), siteUrl: siteUrlFromEnv() }),
}), { staff: true });
