import { apiHandler } from '#shared/handlers/http';
import { storeFromEnv } from '#shared/adapters/runtime';
import { getSeries } from './get-series';

export const handler = apiHandler(async (event) => ({
  status: 200,
  body: await getSeries(event.pathParameters?.series ?? '', storeFromEnv()),
}), { staff: true });
