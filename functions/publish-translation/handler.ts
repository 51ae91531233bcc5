import { derivedFromEnv, filesFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { StepInput } from '#shared/domain/schemas';
import { stepHandler } from '#shared/handlers/step';
import { publishTranslation } from './publish-translation';

export const handler = stepHandler(StepInput, ({ submissionId }) =>
  publishTranslation(submissionId, { store: storeFromEnv(), files: filesFromEnv(), derived: derivedFromEnv() }));
