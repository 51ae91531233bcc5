import type { Command } from 'commander';
import type { z } from 'zod';
import type { DocumentView, SubmissionView } from '#shared/api/responses';
import { LANGUAGE_CODES } from '#shared/domain/languages';
import type { HistoryEntry } from '#shared/domain/schemas';
import { apiFromEnv } from '../api';
import { failureMessage } from '../follow';
import { table } from '../format';
import { JsonOption } from '../options';
import { EXIT, field, out, printJson, run } from '../output';

/** `circulate status`: a submission by its id, or a published document by its symbol. */

const historyLine = (h: HistoryEntry) => [h.at, h.status, h.detail].filter(Boolean).join('  ');

type Versions = Record<string, Record<string, string>>;

/** One row per language: its job number and the status of each part in it. */
function versionsTable(jobNumbers: Record<string, string> | null, translations: Versions | null): string[] {
  const parts = Object.keys(translations ?? {});
  const known = new Set([...Object.keys(jobNumbers ?? {}), ...parts.flatMap((p) => Object.keys(translations?.[p] ?? {}))]);
  const languages = [...LANGUAGE_CODES.filter((l) => known.delete(l)), ...known];
  if (languages.length === 0) return [];
  const rows = languages.map((l) => [l, jobNumbers?.[l] ?? '', ...parts.map((p) => translations?.[p]?.[l] ?? '')]);
  return table(['language', 'job number', ...parts], rows);
}

function showVersions(jobNumbers: Record<string, string> | null, translations: Versions | null) {
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

async function status(ref: string, options: z.infer<typeof JsonOption>): Promise<number> {
  const api = apiFromEnv();
  // Ids have no slash; symbols always do (A/HRC/47/G/10).
  if (ref.includes('/')) {
    const { value, raw } = await api.getDocument(ref);
    if (options.json) printJson(raw);
    else showDocument(value);
    return EXIT.ok;
  }
  const { value, raw } = await api.getSubmission(ref);
  if (options.json) printJson(raw);
  else showSubmission(value);
  return value.status === 'FAILED' ? EXIT.failed : EXIT.ok;
}

export function addStatusCommand(program: Command): void {
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
}
