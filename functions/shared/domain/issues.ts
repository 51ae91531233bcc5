import { z } from 'zod';

/**
 * zod's issues as a person reads them: the path written as they would type it (`files[1].sha256`),
 * one issue per unknown field, and "is required" for a missing one. Used by the API's 4xx answers,
 * the CLI and the staff page, so all three say the same thing.
 */
export const Issue = z.object({ path: z.string(), message: z.string() });
export type Issue = z.infer<typeof Issue>;

export function formatPath(keys: readonly PropertyKey[]): string {
  return keys.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown field (not part of the submission contract)' }));
    }
    const missing = issue.code === 'invalid_type' && /received undefined$/.test(issue.message);
    return [{ path: formatPath(issue.path), message: missing ? 'is required' : issue.message }];
  });
}
