import { apiHandler, jsonBody } from '#shared/handlers/http';
import { intakeRouteDeps } from '#shared/adapters/runtime';
import { createTranslation } from './create-translation';

export const handler = apiHandler(async (event) => ({
  status: 201,
  // API Gateway (and the local gateway) hand over path parameters already decoded.
  body: await createTranslation(event.pathParameters?.symbol ?? '', jsonBody(event), intakeRouteDeps()),
}), { staff: true });
