import type { Command } from 'commander';
import { z } from 'zod';
import type { CreatedSubmission } from '#shared/api/responses';
import type { Issue } from '#shared/domain/issues';
import { describeIssues } from '#shared/domain/issues';
import { fileSource, type FileFlag } from './args';
import type { Answer } from './api';
import { UnexpectedAnswer, apiFromEnv, type CirculateApi } from './api';
import { follow } from './follow';
import { InvalidMetadata, formatIssue, readLocalFile, sha256Hex, type LocalFile } from './metadata';
import { DEFAULT_TIMEOUT_S, seconds } from './options';
import { EXIT, err, out } from './output';

/**
 * What `circulate translate` and `circulate reissue` share: a language version of a published
 * document, its files given as the cover note (positional) and `--annex <path[,part]>`, read and
 * hashed here, checked with the route's own schema before anything is sent, then sent, uploaded and
 * (with --wait) followed as `submit` does.
 */

/** The options both commands take for sending: what `withSendOptions` adds. */
export const SendOptions = z.object({
  dryRun: z.boolean().default(false),
  wait: z.boolean().default(false),
  json: z.boolean().default(false),
  timeout: z.number().positive(),
});
export type VersionOptions = z.infer<typeof SendOptions>;

export function withSendOptions(command: Command): Command {
  return command
    .option('--dry-run', 'check, then print the body that would be sent; send nothing')
    .option('--wait', 'then follow it as watch does, until it is PUBLISHED or FAILED')
    .option('--timeout <seconds>', 'with --wait: how long to wait before giving up (exit 3)', seconds, DEFAULT_TIMEOUT_S)
    .option('--json', 'print JSON: {id, uploaded} or, with --wait, the final submission record');
}

/** Commander's collector for a repeatable option (`--annex a.pdf --annex b.pdf`). */
export const collectSpecs = (spec: string, previous: unknown): string[] => [...(Array.isArray(previous) ? previous : []), spec];

/** The files as flags: the cover first, then the annexes in the order typed. */
export function versionFileFlags(cover: string | undefined, annexes: readonly string[]): FileFlag[] {
  return [...(cover === undefined ? [] : [{ option: '--cover' as const, spec: cover }]), ...annexes.map((spec) => ({ option: '--annex' as const, spec }))];
}

/**
 * Reads the files and checks the body (fields + files with their size and sha256) with `schema`.
 * Throws `InvalidMetadata` listing every problem, one line each, naming the flag it came from.
 */
export async function prepareVersion<S extends z.ZodType>(
  schema: S, fields: Record<string, unknown>, fileFlags: readonly FileFlag[], flags: Record<string, string>, cwd = process.cwd(),
): Promise<{ body: z.infer<S>; files: LocalFile[] }> {
  const issues: Issue[] = [];
  if (!fileFlags.length) issues.push({ path: 'files', message: 'none given: give the cover note as the file after the symbol, or --annex <path[,part]>' });
  const declarations: Record<string, unknown>[] = [];
  const files: LocalFile[] = [];
  const given = new Map<string, string>();
  for (const [i, flag] of fileFlags.entries()) {
    const { source, issues: specIssues } = fileSource(flag, i, 'en', cwd);
    issues.push(...specIssues.filter((issue) => !issue.path.endsWith('.language')));
    given.set(`files[${i}]`, flag.option === '--cover' ? `cover ${flag.spec}` : `--annex ${flag.spec}`);
    const { name, part, contentType } = source.declaration;
    const read = await readLocalFile(source.path);
    if ('issue' in read) {
      issues.push({ path: `files[${i}].path`, message: read.issue });
      declarations.push({ name, part, contentType, size: 1, sha256: '0'.repeat(64) });
      continue;
    }
    const bytes = read.bytes;
    declarations.push({ name, part, contentType, size: bytes.byteLength, sha256: sha256Hex(bytes) });
    files.push({ name: String(name), path: source.path, size: bytes.byteLength, sha256: sha256Hex(bytes), bytes });
  }
  const result = schema.safeParse({ ...fields, files: declarations });
  if (!result.success) {
    const known = issues.map((i) => i.path);
    issues.push(...describeIssues(result.error.issues).filter((issue) => !known.some((k) => issue.path === k || issue.path.startsWith(`${k}.`))));
  }
  const how = (path: string) => {
    const file = /^files\[\d+\]/.exec(path)?.[0];
    return file ? given.get(file) : flags[path];
  };
  if (!result.success || issues.length > 0) throw new InvalidMetadata('', issues.map((issue) => formatIssue(issue, how)));
  return { body: result.data, files };
}

/** Sends what `prepareVersion` checked with `create`, uploads each file, then prints the id or follows it. */
export async function sendVersion(
  prepared: { body: unknown; files: LocalFile[] }, create: (api: CirculateApi) => Promise<Answer<CreatedSubmission>>, o: VersionOptions,
): Promise<number> {
  if (o.dryRun) {
    out(JSON.stringify(prepared.body, null, 2));
    err(`dry run: it is valid (${prepared.files.length} file${prepared.files.length === 1 ? '' : 's'}); nothing was sent`);
    return EXIT.ok;
  }
  const api = apiFromEnv();
  const { value: created } = await create(api);
  for (const file of prepared.files) {
    const upload = created.uploads.find((u) => u.name === file.name);
    if (!upload) throw new UnexpectedAnswer(`the API gave no upload URL for ${file.name}`);
    await api.upload(upload, file.bytes);
    err(`uploaded ${file.name} (${file.size} bytes)`);
  }
  if (!o.wait) {
    out(o.json ? JSON.stringify({ id: created.id, uploaded: prepared.files.map((f) => f.name) }) : created.id);
    return EXIT.ok;
  }
  if (!o.json) out(created.id);
  return follow(api, created.id, o);
}
