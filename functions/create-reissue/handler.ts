import { apiHandler, jsonBody } from '#shared/handlers/http';
import { intakeRouteDeps } from '#shared/adapters/runtime';
import { createReissue } from './create-reissue';

export const handler = apiHandler(async (event) => ({
  status: 201,
  // API Gateway (and the local gateway) hand over path parameters already decoded.
  body: await createReissue(event.pathParameters?.symbol ?? '', jsonBody(event), intakeRouteDeps()),
}), { staff: true });
