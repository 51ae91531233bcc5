import { derivedFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { StepInput } from '#shared/domain/schemas';
import { stepHandler } from '#shared/handlers/step';
import { typeset } from './typeset';

export const handler = stepHandler(StepInput, ({ submissionId }) => typeset(submissionId, { store: storeFromEnv(), derived: derivedFromEnv() }));
