import { filesFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { StepInput } from '#shared/domain/schemas';
import { stepHandler } from '#shared/handlers/step';
import { tagSubmission } from './tag-translation-status';

export const handler = stepHandler(StepInput, ({ submissionId }) => tagSubmission(submissionId, storeFromEnv(), filesFromEnv()));
