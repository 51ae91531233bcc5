import middy from '@middy/core';
import type { z } from 'zod';

/**
 * A workflow step's Lambda: the state input is parsed with its schema, then the logic runs.
 * Errors propagate with their names so the state machine's Retry and Catch can match them.
 */
export function stepHandler<S extends z.ZodType, R>(schema: S, fn: (input: z.infer<S>) => Promise<R>) {
  return middy<unknown, R>().handler(async (event) => fn(schema.parse(event)));
}
