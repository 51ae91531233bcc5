import { apiHandler, jsonBody } from '#shared/handlers/http';
import { intakeRouteDeps } from '#shared/adapters/runtime';
import { createSubmission } from './create-submission';

export const handler = apiHandler(async (event) => ({
  status: 201,
  body: await createSubmission(jsonBody(event), intakeRouteDeps()),
}), { staff: true });
