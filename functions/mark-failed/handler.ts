import { siteFilesFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { MarkFailedInput } from '#shared/domain/schemas';
import { stepHandler } from '#shared/handlers/step';
import { markFailed } from './mark-failed';

export const handler = stepHandler(MarkFailedInput, (input) =>
  markFailed(input, storeFromEnv(), { store: storeFromEnv(), files: siteFilesFromEnv() }));
