import { filesFromEnv, siteUrlFromEnv, storeFromEnv } from '../shared/runtime';
import { StepInput } from '../shared/schemas';
import { stepHandler } from '../shared/step';
import { publish } from './publish';

export const handler = stepHandler(StepInput, ({ submissionId }) =>
  publish(submissionId, { store: storeFromEnv(), files: filesFromEnv(), siteUrl: siteUrlFromEnv() }));
