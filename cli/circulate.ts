import { setTimeout as sleep } from 'node:timers/promises';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { z } from 'zod';
import { LANGUAGE_CODES } from '../functions/shared/domain/languages';
import { BODY_CODES } from '../functions/shared/domain/registry';
import { FINAL_STATUSES, KINDS, STATUSES, Status } from '../functions/shared/domain/schemas';
import type { DocumentView, Failure, SeriesView, SubmissionView } from '../functions/shared/api/responses';
import type { HistoryEntry } from '../functions/shared/domain/schemas';
import {
  ApiError, BadConfiguration, DEFAULT_API, MissingToken, NetworkError, UnexpectedAnswer, apiFromEnv,
  type Answer, type CirculateApi, type ListQuery,
} from './api';
import { FIELD_FLAGS, draftFromFlags, type FileFlag, type FileOption, type SubmitFlags } from './args';
import { cut, table } from './format';
import { InvalidMetadata, completeSubmission, readMetadata, type LoadedSubmission } from './metadata';
import { liveView, plainView, type ProgressView } from './progress';

/** `circulate`: submit a note verbale to the Circulate API and follow it until it is published. */

const EXIT = { ok: 0, failed: 1, badInput: 2, timeout: 3, unavailable: 4 } as const;
const POLL_INTERVAL_MS = 500;
/** Polling survives a short outage (e.g. the local stack restarting), not a long one. */
const MAX_TRANSIENT_ERRORS = 5;
const DEFAULT_TIMEOUT_S = 300;
/** The list route gives at most 100 a page. */
const PAGE_MAX = 100;

class WaitTimeout extends Error {
  override name = 'WaitTimeout';
}

/** A command used the wrong way (commander's own usage errors never reach `report`). */
class UsageError extends Error {
  override name = 'UsageError';
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);
const isFinal = (status: string) => FINAL_STATUSES.some((s) => s === status);

export function historyLine(h: HistoryEntry): string {
  return [h.at, h.status, h.detail].filter(Boolean).join('  ');
}

/** `DiskFull: the site bucket refused the page` (the cause is already readable: functions/mark-failed). */
export const failureMessage = (f: Failure) => [f.code, f.message].filter(Boolean).join(': ');

// ── following a submission ─────────────────────────────────────────────────────────────────────

/** Polls until the submission is PUBLISHED or FAILED, showing each answer to `onUpdate`. */
async function waitForFinal(
  api: CirculateApi, id: string,
  { timeoutMs, onUpdate, onWarning }: { timeoutMs: number; onUpdate: (s: SubmissionView) => void; onWarning: (message: string) => void },
): Promise<Answer<SubmissionView>> {
  const deadline = Date.now() + timeoutMs;
  let lastStatus = 'unknown';
  let transient = 0;
  for (;;) {
    try {
      const answer = await api.getSubmission(id);
      transient = 0;
      onUpdate(answer.value);
      lastStatus = answer.value.status;
      if (isFinal(answer.value.status)) return answer;
    } catch (e) {
      const retriable = e instanceof NetworkError || (e instanceof ApiError && e.status >= 500);
      if (!retriable || ++transient > MAX_TRANSIENT_ERRORS) throw e;
      onWarning(`warning: ${e.message}; trying again`);
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new WaitTimeout(`gave up waiting for submission ${id} after ${timeoutMs / 1000} s (last status: ${lastStatus})`);
    }
    await sleep(Math.min(POLL_INTERVAL_MS, left));
  }
}

/** On a terminal the steps are redrawn in place; anywhere else (a pipe, a file, CI) they are appended as lines. */
function progressView(): ProgressView {
  const write = (text: string) => process.stdout.write(text);
  if (!process.stdout.isTTY) return plainView(write);
  const colour = !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return liveView(write, { colour, columns: () => process.stdout.columns || 80 });
}

/** The view of `watch` and `submit --wait`: the steps as they happen, then status, symbol and URL. Gives the exit code. */
async function follow(api: CirculateApi, id: string, { timeout, json }: { timeout: number; json: boolean }): Promise<number> {
  const view = json ? undefined : progressView();
  const { value: record, raw } = await waitForFinal(api, id, {
    timeoutMs: timeout * 1000,
    onUpdate: (s) => view?.update(s),
    onWarning: (message) => {
      err(message);
      view?.interrupt();
    },
  });
  if (json) {
    out(JSON.stringify(raw, null, 2));
  } else {
    out(`status: ${record.status}`);
    if (record.symbol) out(`symbol: ${record.symbol}`);
    if (record.url) out(`url: ${record.url}`);
  }
  if (record.status === 'FAILED') {
    err(`error: ${record.error ? failureMessage(record.error) : 'the submission failed (no reason given)'}`);
    return EXIT.failed;
  }
  return EXIT.ok;
}

// ── submit ─────────────────────────────────────────────────────────────────────────────────────

const FileFlags = z.array(z.object({ option: z.enum(['--cover', '--annex', '--file']), spec: z.string(), order: z.number() })).default([]);
const flag = z.string().optional();
const SubmitOptions = z.object({
  body: flag, session: flag, agendaItem: flag, series: flag, kind: flag, sender: flag, addressee: flag, dated: flag,
  originalLanguage: flag, title: flag,
  cover: FileFlags, annex: FileFlags, file: FileFlags,
  dryRun: z.boolean().default(false),
  wait: z.boolean().default(false),
  json: z.boolean().default(false),
  timeout: z.number().positive(),
});
type SubmitOptions = z.infer<typeof SubmitOptions>;

function submitFlags(o: SubmitOptions): SubmitFlags {
  const files: FileFlag[] = [...o.cover, ...o.annex, ...o.file].sort((a, b) => a.order - b.order)
    .map(({ option, spec }) => ({ option, spec }));
  const fields = Object.fromEntries(Object.keys(FIELD_FLAGS).flatMap((field) => {
    const value = o[field as keyof typeof FIELD_FLAGS];
    return value === undefined ? [] : [[field, value]];
  }));
  return { ...fields, files };
}

/** The submission from a metadata file, flags, or both (flags win), checked as the API will check it. */
async function prepare(metadataFile: string | undefined, o: SubmitOptions): Promise<LoadedSubmission> {
  const base = metadataFile === undefined ? undefined : await readMetadata(metadataFile);
  return completeSubmission(draftFromFlags(submitFlags(o), base));
}

async function submit(metadataFile: string | undefined, o: SubmitOptions): Promise<number> {
  const { body, files } = await prepare(metadataFile, o);
  if (o.dryRun) {
    out(JSON.stringify(body, null, 2));
    err(`dry run: the submission is valid (${files.length} file${files.length === 1 ? '' : 's'}); nothing was sent`);
    return EXIT.ok;
  }
  const api = apiFromEnv();
  const { value: created } = await api.createSubmission(body);

  for (const file of files) {
    const upload = created.uploads.find((u) => u.name === file.name);
    if (!upload) throw new UnexpectedAnswer(`the API gave no upload URL for ${file.name}`);
    await api.upload(upload, file.bytes);
    err(`uploaded ${file.name} (${file.size} bytes)`);
  }

  if (!o.wait) {
    out(o.json ? JSON.stringify({ id: created.id, uploaded: files.map((f) => f.name) }) : created.id);
    return EXIT.ok;
  }
  if (!o.json) out(created.id);
  return follow(api, created.id, o);
}

// ── status ─────────────────────────────────────────────────────────────────────────────────────

const field = (label: string, value: string) => out(`${`${label}:`.padEnd(10)}${value}`);

/** One row per language: its job number and the status of each part in it. */
function versionsTable(jobNumbers: Record<string, string> | null, translations: Record<string, Record<string, string>> | null): string[] {
  const parts = Object.keys(translations ?? {});
  const known = new Set([...Object.keys(jobNumbers ?? {}), ...parts.flatMap((p) => Object.keys(translations?.[p] ?? {}))]);
  const languages = [...LANGUAGE_CODES.filter((l) => known.delete(l)), ...known];
  if (languages.length === 0) return [];
  const rows = languages.map((l) => [l, jobNumbers?.[l] ?? '', ...parts.map((p) => translations?.[p]?.[l] ?? '')]);
  return table(['language', 'job number', ...parts], rows);
}

function showVersions(jobNumbers: Record<string, string> | null, translations: Record<string, Record<string, string>> | null) {
  const lines = versionsTable(jobNumbers, translations);
  if (lines.length === 0) return;
  out('versions:');
  lines.forEach((line) => out(`  ${line}`));
}

function showSubmission(s: SubmissionView): void {
  const sub = s.submission;
  field('id', s.id);
  field('status', s.status);
  field('symbol', s.symbol ?? '(not assigned yet)');
  field('title', sub.title);
  field('session', `${sub.body} ${sub.session}, agenda item ${sub.agendaItem}`);
  field('created', s.createdAt);
  if (sub.files.length > 0) {
    out('files:');
    const rows = sub.files.map((f) => [f.name, f.part, f.language, f.translate ? 'yes' : 'no (as received)', `${f.size} bytes`]);
    table(['name', 'part', 'language', 'translate', 'size'], rows).forEach((line) => out(`  ${line}`));
  }
  showVersions(s.jobNumbers, s.translations);
  if (s.history.length > 0) {
    out('history:');
    s.history.forEach((h) => out(`  ${historyLine(h)}`));
  }
  if (s.error) field('error', failureMessage(s.error));
  if (s.url) field('url', s.url);
}

/** The documents route answers published documents only. */
function showDocument(d: DocumentView): void {
  field('status', 'PUBLISHED');
  field('symbol', d.symbol);
  field('title', d.title);
  showVersions(d.jobNumbers, d.languages);
  field('url', d.url);
}

const JsonOption = z.object({ json: z.boolean().default(false) });

async function status(ref: string, options: z.infer<typeof JsonOption>): Promise<number> {
  const api = apiFromEnv();
  // Ids have no slash; symbols always do (A/HRC/47/G/10).
  if (ref.includes('/')) {
    const { value, raw } = await api.getDocument(ref);
    if (options.json) out(JSON.stringify(raw, null, 2));
    else showDocument(value);
    return EXIT.ok;
  }
  const { value, raw } = await api.getSubmission(ref);
  if (options.json) out(JSON.stringify(raw, null, 2));
  else showSubmission(value);
  return value.status === 'FAILED' ? EXIT.failed : EXIT.ok;
}

// ── watch ──────────────────────────────────────────────────────────────────────────────────────

const WatchOptions = z.object({ timeout: z.number().positive(), json: z.boolean().default(false) });

async function watch(id: string, options: z.infer<typeof WatchOptions>): Promise<number> {
  if (id.includes('/')) {
    throw new UsageError(`watch follows a submission by its id; ${id} is a symbol: use circulate status ${id}`);
  }
  return follow(apiFromEnv(), id, options);
}

// ── list ───────────────────────────────────────────────────────────────────────────────────────

const ListOptions = z.object({
  status: Status.optional(),
  session: z.number().optional(),
  body: z.string().optional(),
  limit: z.number().int().positive(),
  cursor: z.string().optional(),
  all: z.boolean().default(false),
  json: z.boolean().default(false),
});
type ListOptions = z.infer<typeof ListOptions>;
/** The items as they came, for `--json` (the page itself is checked by the API client). */
const RawPage = z.object({ items: z.array(z.unknown()) });

const created = (at: string) => at.replace('T', ' ').slice(0, 16);

function listTable(items: readonly SubmissionView[]): string[] {
  const rows = items.map((s) => [
    s.id,
    s.status,
    s.symbol ?? '',
    `${s.submission.session}/${s.submission.agendaItem}`,
    s.submission.title,
    created(s.createdAt),
  ]);
  const header = ['ID', 'STATUS', 'SYMBOL', 'SESS/ITEM', 'TITLE', 'CREATED (UTC)'];
  // The title takes what the other columns leave of the terminal (60 characters when not on one).
  const others = header.map((h, i) => (i === 4 ? 0 : Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)) + 2));
  const room = process.stdout.isTTY ? (process.stdout.columns || 80) - others.reduce((a, b) => a + b, 0) - 1 : 60;
  const titleWidth = Math.max(20, room);
  return table(header, rows.map((r) => r.map((cell, i) => (i === 4 ? cut(cell, titleWidth) : cell))));
}

/** The same command again, to fetch what follows `cursor`. */
function nextCommand(o: ListOptions, cursor: string): string {
  const args = ['circulate list'];
  if (o.status) args.push(`--status ${o.status}`);
  if (o.session !== undefined) args.push(`--session ${o.session}`);
  if (o.body) args.push(`--body ${o.body}`);
  args.push(`--limit ${o.limit}`, `--cursor ${cursor}`);
  return args.join(' ');
}

async function list(o: ListOptions): Promise<number> {
  const api = apiFromEnv();
  const max = o.all ? Number.POSITIVE_INFINITY : o.limit;
  const items: SubmissionView[] = [];
  const raw: unknown[] = [];
  let cursor = o.cursor;
  do {
    const query: ListQuery = { status: o.status, body: o.body, session: o.session, limit: Math.min(PAGE_MAX, max - items.length), cursor };
    const page = await api.listSubmissions(query);
    items.push(...page.value.items);
    raw.push(...RawPage.parse(page.raw).items);
    cursor = page.value.cursor ?? undefined;
  } while (cursor && items.length < max);

  if (o.json) {
    out(JSON.stringify({ items: raw, cursor: cursor ?? null }, null, 2));
    return EXIT.ok;
  }
  if (items.length === 0) out('no submissions');
  else listTable(items).forEach((line) => out(line));
  if (cursor) err(`more may follow: ${nextCommand(o, cursor)}   (or --all)`);
  return EXIT.ok;
}

// ── errors and the program ─────────────────────────────────────────────────────────────────────

/** Prints an error the way a person can act on it, and gives its exit code. */
function report(e: unknown): number {
  if (e instanceof InvalidMetadata) {
    err(`error: cannot submit${e.file ? ` ${e.file}` : ''} (nothing was sent):`);
    e.issues.forEach((issue) => err(`  ${issue}`));
    return EXIT.badInput;
  }
  if (e instanceof ApiError) {
    err(`error: ${e.message}`);
    e.issues.forEach((issue) => err(`  ${issue}`));
    if (e.status === 401 || e.status === 403) err('(check CIRCULATE_TOKEN)');
    return e.status >= 400 && e.status < 500 ? EXIT.badInput : EXIT.unavailable;
  }
  if (e instanceof MissingToken || e instanceof BadConfiguration || e instanceof UsageError) {
    err(`error: ${e.message}`);
    return EXIT.badInput;
  }
  if (e instanceof WaitTimeout) {
    err(`error: ${e.message}`);
    return EXIT.timeout;
  }
  if (e instanceof NetworkError || e instanceof UnexpectedAnswer) {
    err(`error: ${e.message}`);
    return EXIT.unavailable;
  }
  // A bug in the CLI itself: show everything.
  err(`error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return EXIT.unavailable;
}

async function run(task: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await task();
  } catch (e) {
    process.exitCode = report(e);
  }
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a number of seconds, more than 0');
  return n;
}

function positiveInteger(value: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError('must be a whole number, 1 or more');
  return Number(value);
}

const EXIT_CODES = `Exit codes (the same for every command):
  0  done (submit, watch: the submission is PUBLISHED)
  1  the submission FAILED (watch, submit --wait, status)
  2  bad input: a wrong option or value, a submission that does not pass the checks
     (nothing is sent), or a request the API refused (4xx, e.g. a wrong token)
  3  timed out waiting (watch, submit --wait: --timeout)
  4  the API is unreachable or failing (5xx)`;

export function buildProgram(): Command {
  const program = new Command('circulate')
    .description('Submit notes verbales and letters to Circulate, and follow them until they are published.')
    // Exit codes are a contract (usage errors are 2); commander would exit 1.
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', `
Environment:
  CIRCULATE_API    the API's address (default ${DEFAULT_API})
  CIRCULATE_TOKEN  the staff bearer token (every command but status with a symbol needs it;
                   the local stack's own is used when it is not set)

${EXIT_CODES}

Examples:
  $ circulate submit examples/A_HRC_47_G_10/metadata.json --wait
  $ circulate watch 01JD5ZK3Q6V7C1X9W2N4R8T0YB
  $ circulate list --status PUBLISHED --session 47
  $ circulate status A/HRC/47/G/10
Each command has its own help: circulate submit --help`);

  // Commander keeps each option's values apart; `order` keeps the files in the order they were typed.
  let order = 0;
  const collect = (option: FileOption) => (spec: string, previous: unknown) =>
    [...(Array.isArray(previous) ? previous : []), { option, spec, order: order++ }];

  program.command('submit')
    .summary('check a submission locally, send it and upload its files')
    .description('Check a submission locally (with the checks the API makes), send it, upload its files, and print '
      + 'the submission id. Give the submission as a metadata file, as flags, or both: a flag replaces the '
      + 'metadata file\'s field, and file flags replace its whole list of files. In the metadata file, each file '
      + 'entry has "path" (relative to the metadata file) instead of "size" and "sha256", which are computed '
      + 'from the file.')
    .argument('[metadata.json]', 'a metadata file (the submission body of the API, with file paths)')
    .option('--body <code>', `the body (${BODY_CODES.join(', ')})`)
    .option('--session <n>', 'the session number, e.g. 47')
    .option('--agenda-item <n>', 'the agenda item, e.g. 4')
    .option('--series <code>', 'the series, e.g. G')
    .option('--kind <kind>', `${KINDS.join(' or ')}`)
    .option('--sender <text>', 'who sent it: "Permanent Mission of … to the United Nations Office at Geneva"')
    .option('--addressee <text>', 'to whom: "Office of the United Nations High Commissioner for Human Rights"')
    .option('--dated <YYYY-MM-DD>', 'the date on the note')
    .option('--original-language <code>', `the language it was written in (${LANGUAGE_CODES.join(', ')})`)
    .option('--title <text>', 'the title: "Note verbale dated 8 June 2021 from …"')
    .option('--cover <path[,attr…]>', 'the cover note (repeat for other languages: --cover note-fr.pdf,fr)', collect('--cover'))
    .option('--annex <path[,attr…]>', 'an annex (repeatable)', collect('--annex'))
    .option('--file <path,part[,attr…]>', 'any file, with its part: --file annex2.pdf,annex-2 (repeatable)', collect('--file'))
    .option('--dry-run', 'check, then print the body that would be sent (with each file\'s size and sha256); send nothing')
    .option('--wait', 'then follow the submission as watch does, until it is PUBLISHED or FAILED')
    .option('--timeout <seconds>', 'with --wait: how long to wait before giving up (exit 3)', seconds, DEFAULT_TIMEOUT_S)
    .option('--json', 'print JSON: {id, uploaded} or, with --wait, the final submission record')
    .addHelpText('after', `
Files: the path, then attributes after commas:
  cover, annex, annex-N   the part (--cover and --annex give it; --file needs it)
  ${LANGUAGE_CODES.join(', ').padEnd(22)}  the file's language (default: --original-language)
  as-received             reproduced as received, in the language of submission only
                          (same as translate=no; translate=yes is the default)
  name=<name>             the name to declare (default: the file's own name)
  type=pdf|docx|txt       the content type (default: from the extension .pdf, .docx, .txt)
  The path ends at the first comma followed by an attribute: "Note, annex.pdf" is one path.
  Paths on the command line are relative to the current folder; in a metadata file, to it.

Examples:
  $ circulate submit examples/A_HRC_47_G_10/metadata.json --wait
  $ circulate submit --body HRC --session 47 --agenda-item 4 --series G --kind note-verbale \\
      --sender "Permanent Mission of Azerbaijan to the United Nations Office at Geneva" \\
      --addressee "Office of the United Nations High Commissioner for Human Rights" \\
      --dated 2021-06-08 --original-language en \\
      --title "Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan to …" \\
      --cover note-verbale.pdf --annex annex.pdf,as-received --wait
  $ circulate submit session-47.json --sender "…" --dated 2021-06-08 --title "…" \\
      --cover note.docx --cover note-fr.pdf,fr --file map.pdf,annex-2,as-received --dry-run

Exits 0 when sent (with --wait: when PUBLISHED), 1 FAILED, 2 invalid (nothing is sent) or refused,
3 timed out, 4 API unreachable; see circulate --help.`)
    .action((file: string | undefined, options: unknown) => run(() => submit(file, SubmitOptions.parse(options))));

  program.command('status')
    .summary('show a submission (by id) or a published document (by symbol)')
    .description('Show a submission by its id (status, symbol, job numbers, languages, history, error, URL; needs '
      + 'CIRCULATE_TOKEN), or a published document by its symbol (anything with a "/", such as A/HRC/47/G/10; '
      + 'public). Exits 1 if the submission FAILED.')
    .argument('<id|symbol>', 'a submission id, or a document symbol such as A/HRC/47/G/10')
    .option('--json', 'print the API\'s JSON answer as it came')
    .addHelpText('after', `
Examples:
  $ circulate status 01JD5ZK3Q6V7C1X9W2N4R8T0YB
  $ circulate status A/HRC/47/G/10 --json`)
    .action((ref: string, options: unknown) => run(() => status(ref, JsonOption.parse(options))));

  program.command('watch')
    .summary('follow a submission\'s steps until it is PUBLISHED or FAILED')
    .description('Follow a submission through its steps (AWAITING_UPLOAD, RECEIVED, SYMBOL_ASSIGNED, TAGGED, '
      + 'PUBLISHED, or FAILED) and end with its status, symbol and URL. On a terminal the steps are redrawn in '
      + 'place with a progress bar; otherwise (a pipe, a file, CI) one line is printed per step, e.g. '
      + '"[2/5]  RECEIVED  2021-06-08T09:00:01.000Z  2 files received and verified".')
    .argument('<id>', 'the submission id that submit printed')
    .option('--timeout <seconds>', 'how long to wait before giving up (exit 3)', seconds, DEFAULT_TIMEOUT_S)
    .option('--json', 'print nothing while waiting, then the final submission record as JSON')
    .addHelpText('after', `
Examples:
  $ circulate watch 01JD5ZK3Q6V7C1X9W2N4R8T0YB
  $ circulate watch 01JD5ZK3Q6V7C1X9W2N4R8T0YB --timeout 60 || echo "not published (exit $?)"

Exits 0 when PUBLISHED, 1 when FAILED, 3 on timeout (2 refused, 4 API unreachable).`)
    .action((id: string, options: unknown) => run(() => watch(id, WatchOptions.parse(options))));

  program.command('list')
    .summary('list submissions, newest first, by status and session')
    .description('List submissions, newest first: id, status, symbol, session/agenda item, title, created. '
      + 'Shows --limit of them; when there are more, says how to get the next ones (--cursor), or use --all.')
    .addOption(new Option('--status <status>', 'only those with this status').choices(STATUSES))
    .option('--session <n>', 'only those of this session', positiveInteger)
    .addOption(new Option('--body <code>', 'the body whose submissions to list').choices(BODY_CODES).default(BODY_CODES[0]))
    .option('--limit <n>', 'show at most this many', positiveInteger, 50)
    .option('--cursor <cursor>', 'start where a previous list stopped (it prints the cursor)')
    .option('--all', 'show every one, following the pages to the end')
    .option('--json', 'print JSON: {items: [submission records], cursor: next page or null}')
    .addHelpText('after', `
Examples:
  $ circulate list
  $ circulate list --status PUBLISHED --session 47
  $ circulate list --status FAILED --all --json | jq -r '.items[].id'`)
    .action((options: unknown) => run(() => list(ListOptions.parse(options))));

  const admin = program.command('admin')
    .summary('secretariat administration: numbering')
    .description('Secretariat administration. Changes are recorded with who made them.')
    .addHelpText('after', `
Examples:
  $ circulate admin series A/HRC/47/G
  $ circulate admin series-start A/HRC/47/G 10`);

  admin.command('series-start')
    .summary('start a series at a given number')
    .description('Start a series at a given number, for a series that had numbers issued before Circulate took over '
      + '(e.g. A/HRC/47/G/1 to G/9 issued by hand: start at 10). Refused once Circulate has issued a number in it.')
    .argument('<series>', 'the series, as its symbols begin: A/HRC/47/G (general series: A/HRC/47)')
    .argument('<start>', 'the first number Circulate will give', positiveInteger)
    .option('--json', 'print the API\'s JSON answer')
    .addHelpText('after', `
Example:
  $ circulate admin series-start A/HRC/47/G 10`)
    .action((series: string, start: number, options: unknown) => run(async () => {
      const { value, raw } = await apiFromEnv().setSeriesStart(series, start);
      showSeries(value, raw, JsonOption.parse(options).json);
      return EXIT.ok;
    }));

  admin.command('series')
    .summary('show a series: its start, next number and history')
    .argument('<series>', 'the series, e.g. A/HRC/47/G')
    .option('--json', 'print the API\'s JSON answer')
    .addHelpText('after', `
Example:
  $ circulate admin series A/HRC/47/G`)
    .action((series: string, options: unknown) => run(async () => {
      const { value, raw } = await apiFromEnv().getSeries(series);
      showSeries(value, raw, JsonOption.parse(options).json);
      return EXIT.ok;
    }));

  return program;
}

function showSeries(s: SeriesView, raw: unknown, json?: boolean) {
  if (json) return out(JSON.stringify(raw, null, 2));
  out(`series:  ${s.series}`);
  out(`start:   ${s.start ?? '(not set)'}`);
  out(`next:    ${s.series}/${s.next}`);
  out(`issued:  ${s.issued}`);
  for (const h of s.history) out(`${h.at}  ${h.action} ${h.start}  by ${h.by}`);
}

// `circulate status … | head` closes stdout early: that is not an error.
process.stdout.on('error', (e) => {
  if ('code' in e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (e) {
  if (!(e instanceof CommanderError)) throw e;
  // --help and --version end with exit code 0; anything else commander rejects is a usage error.
  process.exitCode = e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
}
