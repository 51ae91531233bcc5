import { z } from 'zod';
import { BODY_CODES } from '../domain/registry';
import { Status } from '../domain/schemas';

/** The query of `GET /api/submissions`: the route parses it, the CLI builds it. */
export const SubmissionListQuery = z.strictObject({
  status: Status.optional(),
  body: z.enum(BODY_CODES as [string, ...string[]]).default(BODY_CODES[0]!),
  session: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2000).optional(),
});
/** What a caller may send (every field optional; numbers may come as strings). */
export type SubmissionListQuery = z.input<typeof SubmissionListQuery>;
