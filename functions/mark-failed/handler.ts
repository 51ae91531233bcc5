import { storeFromEnv } from '../shared/runtime';
import { MarkFailedInput } from '../shared/schemas';
import { stepHandler } from '../shared/step';
import { markFailed } from './mark-failed';

export const handler = stepHandler(MarkFailedInput, (input) => markFailed(input, storeFromEnv()));
