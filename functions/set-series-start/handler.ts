import { apiHandler, jsonBody, staffIdentity } from '#shared/handlers/http';
import { storeFromEnv } from '#shared/adapters/runtime';
import { setSeriesStart } from './set-series-start';

export const handler = apiHandler(async (event) => ({
  status: 200,
  body: await setSeriesStart(jsonBody(event), staffIdentity(event), storeFromEnv()),
}), { staff: true });
