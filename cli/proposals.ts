import { createInterface } from 'node:readline/promises';
import type { Proposals } from '#shared/api/responses';
import type { CirculateApi } from './api';
import type { Draft } from './metadata';
import { readLocalFile } from './metadata';
import { UsageError, err } from './output';

/**
 * `circulate submit --propose`: the cover note's bytes go to `POST /api/proposals` (the CLI reads
 * nothing in them itself); each field proposed is printed with the note's words it came from and
 * taken once confirmed, on a terminal, field by field or all at once, or with `--yes`. A field
 * given by a flag or the metadata file is kept: the proposal is only shown.
 */
export type ProposedFields = Proposals['fields'];
export type FieldName = keyof ProposedFields;

/** The submission's fields, in the order they are asked; `annexes` is not a field of the submission, only said. */
export const SUBMISSION_FIELDS = ['kind', 'dated', 'sender', 'addressee', 'session', 'agendaItem', 'originalLanguage', 'title'] as const satisfies readonly FieldName[];

/** Asks one question, answers the line typed. */
export type Ask = (question: string) => Promise<string>;

const quoted = (evidence: string) => `“${evidence.length > 120 ? `${evidence.slice(0, 119)}…` : evidence}”`;

/** The cover note of a draft: its first `cover` file. */
export function coverOf(draft: Draft): { path: string; contentType: string } | undefined {
  const cover = draft.files?.find((f) => f.declaration.part === 'cover');
  if (!cover || typeof cover.declaration.contentType !== 'string') return undefined;
  return { path: cover.path, contentType: cover.declaration.contentType };
}

export async function fetchProposals(api: CirculateApi, cover: { path: string; contentType: string }): Promise<ProposedFields> {
  const read = await readLocalFile(cover.path);
  if ('issue' in read) throw new UsageError(`--propose: ${read.issue}`);
  return (await api.propose(read.bytes, cover.contentType)).value.fields;
}

/**
 * The proposals taken: every one with `yes`, else those confirmed one by one (y, n, a = this and all the
 * rest, q = none of the rest). Fields already given are shown, not asked. Without a terminal and without
 * `yes`, nothing can be confirmed: a usage error, before anything is sent.
 */
export async function confirmProposals(
  fields: ProposedFields, given: Readonly<Record<string, unknown>>, { yes, ask }: { yes: boolean; ask?: Ask },
): Promise<Record<string, unknown>> {
  const taken: Record<string, unknown> = {};
  const open = SUBMISSION_FIELDS.filter((f) => fields[f] && given[f] === undefined);
  err(`proposed from the cover note (${open.length} field${open.length === 1 ? '' : 's'} to fill):`);
  for (const name of SUBMISSION_FIELDS) {
    const p = fields[name];
    if (!p) {
      if (given[name] === undefined) err(`  ${name}: not found in the note`);
      continue;
    }
    const keep = given[name] !== undefined ? `  (kept as given: ${String(given[name])})` : '';
    err(`  ${name}: ${String(p.value)}${keep}\n      from ${quoted(p.evidence)}`);
  }
  if (fields.annexes) err(`  the note mentions ${fields.annexes.value} annex${fields.annexes.value === 1 ? '' : 'es'}: ${quoted(fields.annexes.evidence)}`);
  if (open.length === 0) return taken;
  if (yes) {
    for (const name of open) taken[name] = fields[name]!.value;
    err(`taken (--yes): ${open.join(', ')}`);
    return taken;
  }
  if (!ask) throw new UsageError('--propose asks to confirm each field on a terminal: run it in one, or add --yes to take every proposal');
  for (const [i, name] of open.entries()) {
    const answer = (await ask(`take ${name} = ${String(fields[name]!.value)}? [Y]es, [n]o, [a]ll the rest, [q]uit: `)).trim().toLowerCase();
    if (answer === 'q') break;
    if (answer === 'a') {
      for (const rest of open.slice(i)) taken[rest] = fields[rest]!.value;
      break;
    }
    if (answer === '' || answer === 'y' || answer === 'yes') taken[name] = fields[name]!.value;
  }
  return taken;
}

/** A question on the terminal, when there is one. */
export function terminalAsk(): Ask | undefined {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  };
}
