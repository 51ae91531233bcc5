import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { SubmissionInput } from '../functions/shared/schemas';

/**
 * The CLI's input: the submission body of DESIGN.md, where each file entry names a local `path`
 * (relative to the metadata file) instead of its `size` and `sha256`, which are computed here.
 */

/** A metadata file that cannot become a valid submission; `issues` are lines like `files[1].sha256: must be …`. */
export class InvalidMetadata extends Error {
  override name = 'InvalidMetadata';
  constructor(readonly file: string, readonly issues: readonly string[]) {
    super(`${file}: ${issues.join('; ')}`);
  }
}

export interface LocalFile {
  /** The name declared in the submission (`files[i].name`). */
  name: string;
  /** Absolute path of the file on this machine. */
  path: string;
  size: number;
  sha256: string;
  /** The bytes that were hashed: the same bytes are uploaded, so the checksum cannot go stale. */
  bytes: Uint8Array<ArrayBuffer>;
}

export interface LoadedSubmission {
  body: SubmissionInput;
  /** In the order of `body.files`. */
  files: LocalFile[];
}

/** Only what is needed to find the files; every other field is left to `SubmissionInput`. */
const MetadataShape = z.looseObject({
  files: z.array(z.looseObject({ path: z.string().trim().min(1, 'must name the file, relative to the metadata file') })),
});

/** `['files', 1, 'sha256']` → `files[1].sha256` */
export function formatPath(keys: readonly PropertyKey[]): string {
  return keys.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
    '',
  );
}

/** One line per problem, naming the field: unknown fields get a line each. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${formatPath([...issue.path, key])}: unknown field (not part of the submission contract)`);
    }
    // zod says "Invalid input: expected string, received undefined" for a missing field.
    const message = issue.code === 'invalid_type' && /received undefined$/.test(issue.message) ? 'is required' : issue.message;
    return [`${formatPath(issue.path) || '(submission)'}: ${message}`];
  });
}

export type Validation = { ok: true; body: SubmissionInput } | { ok: false; issues: string[] };

/** The same check the API makes, so a bad submission is stopped before anything is sent. */
export function validateSubmission(body: unknown): Validation {
  const result = SubmissionInput.safeParse(body);
  return result.success ? { ok: true, body: result.data } : { ok: false, issues: formatIssues(result.error.issues) };
}

async function readLocalFile(file: string, field: string): Promise<{ bytes: Uint8Array<ArrayBuffer> } | { issue: string }> {
  try {
    if (!(await stat(file)).isFile()) return { issue: `${field}: ${file} is not a file` };
    return { bytes: new Uint8Array(await readFile(file)) };
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? e.code : undefined;
    if (code === 'ENOENT') return { issue: `${field}: no such file: ${file}` };
    if (code === 'EACCES') return { issue: `${field}: cannot read ${file} (permission denied)` };
    return { issue: `${field}: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Reads a metadata file and the files it lists, and returns the submission body with each file's
 * size and sha256, checked with `SubmissionInput`. Throws `InvalidMetadata` listing every problem.
 */
export async function loadSubmission(metadataFile: string): Promise<LoadedSubmission> {
  const where = path.resolve(metadataFile);
  let text: string;
  try {
    text = await readFile(where, 'utf8');
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? e.code : undefined;
    throw new InvalidMetadata(metadataFile, [
      code === 'ENOENT' ? `${metadataFile}: no such file` : `${metadataFile}: cannot be read: ${e instanceof Error ? e.message : String(e)}`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new InvalidMetadata(metadataFile, [`${metadataFile}: not valid JSON: ${e instanceof Error ? e.message : String(e)}`]);
  }

  const shape = MetadataShape.safeParse(json);
  if (!shape.success) throw new InvalidMetadata(metadataFile, formatIssues(shape.error.issues));

  const dir = path.dirname(where);
  const computedGiven: string[] = [];
  const unreadable: string[] = [];
  const files: Omit<LocalFile, 'name'>[] = [];
  const declarations: Record<string, unknown>[] = [];
  for (const [i, entry] of shape.data.files.entries()) {
    const { path: relative, ...declaration } = entry;
    for (const computed of ['size', 'sha256']) {
      if (Object.hasOwn(declaration, computed)) computedGiven.push(`files[${i}].${computed}: is computed from the file; remove it from the metadata`);
    }
    const absolute = path.resolve(dir, relative);
    const read = await readLocalFile(absolute, `files[${i}].path`);
    if ('issue' in read) {
      unreadable.push(read.issue);
      continue;
    }
    const size = read.bytes.byteLength;
    const sha256 = sha256Hex(read.bytes);
    declarations.push({ ...declaration, size, sha256 });
    files.push({ path: absolute, size, sha256, bytes: read.bytes });
  }
  // Without every file there is no complete body to check: report the files first.
  if (unreadable.length > 0) throw new InvalidMetadata(metadataFile, [...computedGiven, ...unreadable]);

  const checked = validateSubmission({ ...shape.data, files: declarations });
  if (!checked.ok || computedGiven.length > 0) {
    throw new InvalidMetadata(metadataFile, [...computedGiven, ...(checked.ok ? [] : checked.issues)]);
  }
  // One declaration per file read, in order: the checked body gives each file its (trimmed) name.
  return { body: checked.body, files: files.map((f, i) => ({ ...f, name: checked.body.files[i]?.name ?? '' })) };
}
