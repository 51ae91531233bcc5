import { derivedFromEnv, filesFromEnv, siteUrlFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { StepInput } from '#shared/domain/schemas';
import { stepHandler } from '#shared/handlers/step';
import { publish } from './publish';

export const handler = stepHandler(StepInput, ({ submissionId }) =>
  publish(submissionId, { store: storeFromEnv(), files: filesFromEnv(), derived: derivedFromEnv(), siteUrl: siteUrlFromEnv() }));
