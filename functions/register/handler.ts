import { storeFromEnv } from '../shared/runtime';
import { StepInput } from '../shared/schemas';
import { stepHandler } from '../shared/step';
import { register } from './register';

export const handler = stepHandler(StepInput, ({ submissionId }) => register(submissionId, storeFromEnv()));
