import { z } from 'zod';
import { derivedFromEnv, siteFilesFromEnv, siteUrlFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { StepInput } from '#shared/domain/schemas';
import { stepHandler } from '#shared/handlers/step';
import { renderLists } from './render-lists';

const RenderListsInput = StepInput.extend({ sessionVersion: z.number().int().nonnegative(), siteVersion: z.number().int().nonnegative() });

export const handler = stepHandler(RenderListsInput, (input) =>
  renderLists(input, { store: storeFromEnv(), files: siteFilesFromEnv(), derived: derivedFromEnv(), siteUrl: siteUrlFromEnv() }));
