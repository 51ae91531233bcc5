import { storeFromEnv } from '../shared/runtime';
import { StepInput } from '../shared/schemas';
import { stepHandler } from '../shared/step';
import { assignSymbol } from './assign-symbol';

export const handler = stepHandler(StepInput, ({ submissionId }) => assignSymbol(submissionId, storeFromEnv()));
