import { filesFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { StepInput } from '#shared/domain/schemas';
import { stepHandler } from '#shared/handlers/step';
import { tagTranslation } from './tag-translation';

export const handler = stepHandler(StepInput, ({ submissionId }) => tagTranslation(submissionId, storeFromEnv(), filesFromEnv()));
