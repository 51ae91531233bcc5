import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { describeIssues, formatPath, type Issue } from '#shared/domain/issues';
import { SubmissionInput } from '#shared/domain/schemas';

/**
 * The CLI's input: the submission body (docs/architecture.md#submission-body), where each file entry names a local `path`
 * (relative to the metadata file) instead of its `size` and `sha256`, which are computed here.
 */

/**
 * A submission that cannot be sent; `issues` are lines like `files[1].sha256: must be …`, or with how
 * the field was given on the command line: `session (--session 99): must be a session of HRC …`.
 */
export class InvalidMetadata extends Error {
  override name = 'InvalidMetadata';
  constructor(readonly file: string, readonly issues: readonly string[]) {
    super(`${file ? `${file}: ` : ''}${issues.join('; ')}`);
  }
}

/** A file to submit: where it is on this machine, and what is declared about it (size and sha256 come later, from its bytes). */
export interface FileSource {
  /** Absolute. */
  path: string;
  declaration: Record<string, unknown>;
  /** How it was given on the command line (`--annex annex.pdf,as-received`); none for an entry of a metadata file. */
  given?: string;
}

/** A submission before its files are read: from a metadata file, flags, or both. */
export interface Draft {
  /** What is being submitted, for messages: the metadata file's name; empty for flags alone. */
  source: string;
  /** Every field of the submission except `files`, as given (checked later). */
  fields: Record<string, unknown>;
  /** Undefined when no file was given at all. */
  files?: FileSource[];
  /** Problems found while reading the input; the fields they name are not checked again. */
  issues: Issue[];
  /** field → how it was given on the command line (`--session 99`), shown with its problems. */
  given: Record<string, string>;
  /** field → the flag that gives it (`--agenda-item`), named when the field is missing. */
  flags?: Record<string, string>;
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
  files: z.array(z.looseObject({ path: z.string().trim().min(1, 'must name the file, relative to the metadata file') })).optional(),
});

export { formatPath };

/** One line per problem, naming the field, and how it was given when `given` knows. */
export function formatIssue(issue: Issue, given?: (path: string) => string | undefined): string {
  const how = given?.(issue.path);
  return `${issue.path || '(submission)'}${how ? ` (${how})` : ''}: ${issue.message}`;
}

export function formatIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return describeIssues(issues).map((issue) => formatIssue(issue));
}

/** A file's bytes, or why it cannot be read, in words a person can act on. */
export async function readLocalFile(file: string): Promise<{ bytes: Uint8Array<ArrayBuffer> } | { issue: string }> {
  try {
    if (!(await stat(file)).isFile()) return { issue: `${file} is not a file` };
    return { bytes: new Uint8Array(await readFile(file)) };
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? e.code : undefined;
    if (code === 'ENOENT') return { issue: `no such file: ${file}` };
    if (code === 'EACCES') return { issue: `cannot read ${file} (permission denied)` };
    return { issue: `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a metadata file into a draft: its fields, and its files found relative to it. Throws `InvalidMetadata` if it is not one. */
export async function readMetadata(metadataFile: string): Promise<Draft> {
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

  const { files, ...fields } = shape.data;
  const dir = path.dirname(where);
  const issues: Issue[] = [];
  const sources = files?.map(({ path: relative, ...declaration }, i): FileSource => {
    for (const computed of ['size', 'sha256']) {
      if (Object.hasOwn(declaration, computed)) issues.push({ path: `files[${i}].${computed}`, message: 'is computed from the file; remove it from the metadata' });
    }
    return { path: path.resolve(dir, relative), declaration };
  });
  return { source: metadataFile, fields, files: sources, issues, given: {} };
}

/** `files[1]` covers `files[1].language`; `files` covers `files[1]`; `file` covers neither. */
const within = (outer: string, inner: string) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[`);

/**
 * Reads the draft's files and returns the submission body with each file's size and sha256, checked
 * with `SubmissionInput`. Throws `InvalidMetadata` listing every problem, one line each.
 */
export async function completeSubmission(draft: Draft): Promise<LoadedSubmission> {
  const given = (at: string) => {
    const file = /^files\[(\d+)\]/.exec(at);
    if (file) return draft.files?.[Number(file[1])]?.given;
    const field = /^[^.[]*/.exec(at)?.[0] ?? '';
    return Object.hasOwn(draft.given, field) ? draft.given[field] : undefined;
  };

  const issues = [...draft.issues];
  if (!draft.files) issues.push({ path: 'files', message: 'none given: list them in the metadata file, or give --cover, --annex or --file' });
  const files: Omit<LocalFile, 'name'>[] = [];
  const declarations: Record<string, unknown>[] = [];
  for (const [i, source] of (draft.files ?? []).entries()) {
    const read = await readLocalFile(source.path);
    if ('issue' in read) {
      issues.push({ path: `files[${i}].path`, message: read.issue });
      // Stands in for the bytes, so that the rest of the submission is still checked and reported at once.
      declarations.push({ ...source.declaration, size: 1, sha256: '0'.repeat(64) });
      continue;
    }
    const size = read.bytes.byteLength;
    const sha256 = sha256Hex(read.bytes);
    declarations.push({ ...source.declaration, size, sha256 });
    files.push({ path: source.path, size, sha256, bytes: read.bytes });
  }
  const result = SubmissionInput.safeParse({ ...draft.fields, ...(draft.files ? { files: declarations } : {}) });
  if (!result.success) {
    // A field already reported (`--session abc`) is not reported again as zod sees it.
    const known = [...issues];
    for (const issue of describeIssues(result.error.issues)) {
      if (known.some((k) => within(k.path, issue.path))) continue;
      // zod words a missing enum or date as an invalid one; for a field that was not given at all, say so.
      const missing = issue.path !== 'files' && /^[A-Za-z]+$/.test(issue.path) && draft.fields[issue.path] === undefined;
      const flag = draft.flags?.[issue.path];
      issues.push(missing ? { path: issue.path, message: `is required${flag ? `: give ${flag}` : ''}` } : issue);
    }
  }
  if (!result.success || issues.length > 0) throw new InvalidMetadata(draft.source, issues.map((issue) => formatIssue(issue, given)));
  // One declaration per file read, in order: the checked body gives each file its (trimmed) name.
  return { body: result.data, files: files.map((f, i) => ({ ...f, name: result.data.files[i]?.name ?? '' })) };
}

/** Reads a metadata file and the files it lists: the submission body, checked, with each file's size and sha256. */
export async function loadSubmission(metadataFile: string): Promise<LoadedSubmission> {
  return completeSubmission(await readMetadata(metadataFile));
}
