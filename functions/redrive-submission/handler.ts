import { ENV, required } from '#shared/adapters/config';
import { sfn, siteUrlFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { apiHandler, staffIdentity } from '#shared/handlers/http';
import { redriveSubmission } from './redrive-submission';

export const handler = apiHandler(async (event) => ({
  status: 202,
  body: await redriveSubmission(event.pathParameters?.id ?? '', staffIdentity(event), {
    store: storeFromEnv(), sfn, stateMachineArn: required(ENV.stateMachineArn), siteUrl: siteUrlFromEnv(), clock: () => new Date(),
  }),
}), { staff: true });
