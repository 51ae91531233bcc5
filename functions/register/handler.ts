import { storeFromEnv } from '#shared/adapters/runtime';
import { StepInput } from '#shared/domain/schemas';
import { stepHandler } from '#shared/handlers/step';
import { register } from './register';

export const handler = stepHandler(StepInput, ({ submissionId }) => register(submissionId, storeFromEnv()));
