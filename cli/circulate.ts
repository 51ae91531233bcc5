import { setTimeout as sleep } from 'node:timers/promises';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { FINAL_STATUSES } from '../functions/shared/schemas';
import {
  ApiError, BadConfiguration, DEFAULT_API, MissingToken, NetworkError, UnexpectedAnswer, apiFromEnv,
  type Answer, type CirculateApi, type DocumentView, type Failure, type HistoryLine, type SeriesView, type SubmissionView,
} from './api';
import { InvalidMetadata, loadSubmission } from './metadata';

/** `circulate`: submit a note verbale to the Circulate API and follow it until it is published. */

const EXIT = { ok: 0, failed: 1, badInput: 2, timeout: 3, unavailable: 4 } as const;
const POLL_INTERVAL_MS = 500;
/** Polling survives a short outage (e.g. the local stack restarting), not a long one. */
const MAX_TRANSIENT_ERRORS = 5;

class WaitTimeout extends Error {
  override name = 'WaitTimeout';
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);
const isFinal = (status: string) => FINAL_STATUSES.some((s) => s === status);

export function historyLine(h: HistoryLine): string {
  return [h.at, h.status, h.detail].filter(Boolean).join('  ');
}

/** The workflow stores `{error, cause}`, where cause is often a Lambda error as JSON (`{"errorMessage": …}`). */
export function failureMessage(f: Failure): string {
  if (typeof f === 'string') return f;
  if ('message' in f) return f.message;
  if (!f.cause) return f.error;
  const lambda = z.object({ errorMessage: z.string() }).safeParse(parseJson(f.cause));
  return `${f.error}: ${lambda.success ? lambda.data.errorMessage : f.cause}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Polls until the submission is PUBLISHED or FAILED, calling `onEntry` for each history entry once. */
async function waitForFinal(
  api: CirculateApi, id: string, { timeoutMs, onEntry }: { timeoutMs: number; onEntry: (h: HistoryLine) => void },
): Promise<Answer<SubmissionView>> {
  const deadline = Date.now() + timeoutMs;
  let seen = 0;
  let lastStatus = 'unknown';
  let transient = 0;
  for (;;) {
    try {
      const answer = await api.getSubmission(id);
      transient = 0;
      answer.value.history.slice(seen).forEach(onEntry);
      seen = Math.max(seen, answer.value.history.length);
      lastStatus = answer.value.status;
      if (isFinal(answer.value.status)) return answer;
    } catch (e) {
      const retriable = e instanceof NetworkError || (e instanceof ApiError && e.status >= 500);
      if (!retriable || ++transient > MAX_TRANSIENT_ERRORS) throw e;
      err(`warning: ${e.message}; trying again`);
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new WaitTimeout(`gave up waiting for submission ${id} after ${timeoutMs / 1000} s (last status: ${lastStatus})`);
    }
    await sleep(Math.min(POLL_INTERVAL_MS, left));
  }
}

const SubmitOptions = z.object({ wait: z.boolean().default(false), json: z.boolean().default(false), timeout: z.number().positive() });
const StatusOptions = z.object({ json: z.boolean().default(false) });

async function submit(metadataFile: string, options: z.infer<typeof SubmitOptions>): Promise<number> {
  const { body, files } = await loadSubmission(metadataFile);
  const api = apiFromEnv();
  const { value: created } = await api.createSubmission(body);

  for (const file of files) {
    const upload = created.uploads.find((u) => u.name === file.name);
    if (!upload) throw new UnexpectedAnswer(`the API gave no upload URL for ${file.name}`);
    await api.upload(upload, file.bytes);
    err(`uploaded ${file.name} (${file.size} bytes)`);
  }

  if (!options.wait) {
    out(options.json ? JSON.stringify({ id: created.id, uploaded: files.map((f) => f.name) }) : created.id);
    return EXIT.ok;
  }
  if (!options.json) out(created.id);
  const { value: record, raw } = await waitForFinal(api, created.id, {
    timeoutMs: options.timeout * 1000,
    onEntry: options.json ? () => {} : (h) => out(historyLine(h)),
  });
  if (options.json) {
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

function showSubmission(s: SubmissionView): void {
  out(`id:      ${s.id}`);
  out(`status:  ${s.status}`);
  out(`symbol:  ${s.symbol ?? '(not assigned yet)'}`);
  const title = s.title ?? s.submission?.title;
  if (title) out(`title:   ${title}`);
  if (s.history.length > 0) {
    out('history:');
    s.history.forEach((h) => out(`  ${historyLine(h)}`));
  }
  if (s.error) out(`error:   ${failureMessage(s.error)}`);
  if (s.url) out(`url:     ${s.url}`);
}

function showDocument(d: DocumentView): void {
  if (d.submissionId) out(`id:      ${d.submissionId}`);
  out(`status:  ${d.status ?? 'PUBLISHED'}`);
  out(`symbol:  ${d.symbol}`);
  out(`title:   ${d.title}`);
  const parts = Object.entries(d.translations ?? {});
  if (parts.length > 0) {
    out('languages:');
    for (const [part, languages] of parts) {
      out(`  ${part.padEnd(8)}${Object.entries(languages).map(([lang, status]) => `${lang} ${status}`).join(', ')}`);
    }
  }
  if (d.url) out(`url:     ${d.url}`);
}

async function status(ref: string, options: z.infer<typeof StatusOptions>): Promise<number> {
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

/** Prints an error the way a person can act on it, and gives its exit code. */
function report(e: unknown): number {
  if (e instanceof InvalidMetadata) {
    err(`error: cannot submit ${e.file} (nothing was sent):`);
    e.issues.forEach(err);
    return EXIT.badInput;
  }
  if (e instanceof ApiError) {
    err(`error: ${e.message}`);
    e.issues.forEach(err);
    if (e.status === 401 || e.status === 403) err('(check CIRCULATE_TOKEN)');
    return e.status >= 400 && e.status < 500 ? EXIT.badInput : EXIT.unavailable;
  }
  if (e instanceof MissingToken || e instanceof BadConfiguration) {
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

export function buildProgram(): Command {
  const program = new Command('circulate')
    .description('Submit notes verbales and letters to Circulate, and follow them until they are published.')
    // Exit codes are a contract (usage errors are 2); commander would exit 1.
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', `
Environment:
  CIRCULATE_API    the API's address (default ${DEFAULT_API})
  CIRCULATE_TOKEN  the staff bearer token (needed by submit, and by status with a submission id)

Exit codes:
  0 ok, 1 the submission FAILED, 2 bad input or refused by the API (4xx),
  3 timed out waiting, 4 API unreachable or failing (5xx)

Example:
  $ circulate submit examples/A_HRC_47_G_10/metadata.json --wait
  $ circulate status A/HRC/47/G/10`);

  program.command('submit')
    .summary('check a submission locally, send it and upload its files')
    .description('Check a submission locally, send it, upload its files, and print the submission id. '
      + 'The metadata file is the submission body of the API, where each file entry has "path" (relative to '
      + 'the metadata file) instead of "size" and "sha256", which are computed from the file.')
    .argument('<metadata.json>', 'the metadata file')
    .option('--wait', 'follow the submission until it is PUBLISHED or FAILED, printing each new status')
    .option('--timeout <seconds>', 'with --wait: how long to wait before giving up (exit 3)', seconds, 300)
    .option('--json', 'print JSON: {id, uploaded} or, with --wait, the final submission record')
    .addHelpText('after', `
Examples:
  $ circulate submit examples/A_HRC_47_G_10/metadata.json
  $ circulate submit examples/A_HRC_47_G_10/metadata.json --wait --timeout 60`)
    .action((file: string, options: unknown) => run(() => submit(file, SubmitOptions.parse(options))));

  program.command('status')
    .summary('show a submission (by id) or a published document (by symbol)')
    .description('Show a submission by its id (status, symbol, history, error; needs CIRCULATE_TOKEN), or a '
      + 'published document by its symbol (anything with a "/", such as A/HRC/47/G/10; public). '
      + 'Exits 1 if the submission FAILED.')
    .argument('<id|symbol>', 'a submission id, or a document symbol such as A/HRC/47/G/10')
    .option('--json', 'print the API\'s JSON answer as it came')
    .addHelpText('after', `
Examples:
  $ circulate status 01JD5ZK3Q6V7C1X9W2N4R8T0YB
  $ circulate status A/HRC/47/G/10 --json`)
    .action((ref: string, options: unknown) => run(() => status(ref, StatusOptions.parse(options))));

  const admin = program.command('admin')
    .summary('secretariat administration: numbering')
    .description('Secretariat administration. Changes are recorded with who made them.');

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
    .action((series: string, options: unknown) => run(async () => {
      const { value, raw } = await apiFromEnv().getSeries(series);
      showSeries(value, raw, JsonOption.parse(options).json);
      return EXIT.ok;
    }));

  return program;
}

const JsonOption = z.object({ json: z.boolean().optional() });

function positiveInteger(value: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError('must be a whole number, 1 or more');
  return Number(value);
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
