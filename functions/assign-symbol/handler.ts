import { storeFromEnv } from '#shared/adapters/runtime';
import { StepInput } from '#shared/domain/schemas';
import { stepHandler } from '#shared/handlers/step';
import { assignSymbol } from './assign-symbol';

export const handler = stepHandler(StepInput, ({ submissionId }) => assignSymbol(submissionId, storeFromEnv()));
