import { derivedFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { StepInput } from '#shared/domain/schemas';
import { stepHandler } from '#shared/handlers/step';
import { extractTexts } from './extract-text';

export const handler = stepHandler(StepInput, ({ submissionId }) => extractTexts(submissionId, { store: storeFromEnv(), derived: derivedFromEnv() }));
