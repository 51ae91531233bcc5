import { storeFromEnv } from '../shared/runtime';
import { StepInput } from '../shared/schemas';
import { stepHandler } from '../shared/step';
import { tagSubmission } from './tag-translation-status';

export const handler = stepHandler(StepInput, ({ submissionId }) => tagSubmission(submissionId, storeFromEnv()));
