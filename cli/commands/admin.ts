import type { Command } from 'commander';
import type { RedrivenSubmission, SeriesView } from '#shared/api/responses';
import { apiFromEnv, type Answer } from '../api';
import { JsonOption, positiveInteger } from '../options';
import { EXIT, out, printJson, run } from '../output';

/** `circulate admin`: the secretariat's administration of numbering. */

function showSeries({ value: s, raw }: Answer<SeriesView>, options: unknown): number {
  if (JsonOption.parse(options).json) {
    printJson(raw);
    return EXIT.ok;
  }
  out(`series:  ${s.series}`);
  out(`start:   ${s.start ?? '(not set)'}`);
  out(`next:    ${s.series}/${s.next}`);
  out(`issued:  ${s.issued}`);
  for (const h of s.history) out(`${h.at}  ${h.action} ${h.start}  by ${h.by}`);
  return EXIT.ok;
}

function showRedriven({ value: s, raw }: Answer<RedrivenSubmission>, options: unknown): number {
  if (JsonOption.parse(options).json) {
    printJson(raw);
    return EXIT.ok;
  }
  out(`redriven: ${s.id} (${s.symbol ?? 'no symbol'}), back at ${s.status}`);
  out(`execution: ${s.executionArn}`);
  out(`follow it: circulate watch ${s.id}`);
  return EXIT.ok;
}

export function addAdminCommand(program: Command): void {
  const admin = program.command('admin')
    .summary('secretariat administration: numbering, redrive')
    .description('Secretariat administration. Changes are recorded with who made them.')
    .addHelpText('after', `
Examples:
  $ circulate admin series A/HRC/47/G
  $ circulate admin series-start A/HRC/47/G 10
  $ circulate admin redrive 01J1K6Q7W1Y2Z3A4B5C6D7E8F9`);

  admin.command('redrive')
    .summary('run a FAILED submission again from where it failed, under its symbol')
    .description('Run a FAILED submission again from where it failed, once what made it fail is fixed: it keeps its '
      + 'symbol, so the series has no hole. Refused for a submission that is not FAILED, or that failed before it had '
      + 'a symbol (submit that one again). Recorded in its history with who redrove it.')
    .argument('<id>', 'the submission id')
    .option('--json', 'print the API\'s JSON answer')
    .addHelpText('after', `
Example:
  $ circulate admin redrive 01J1K6Q7W1Y2Z3A4B5C6D7E8F9 && circulate watch 01J1K6Q7W1Y2Z3A4B5C6D7E8F9`)
    .action((id: string, options: unknown) => run(async () => showRedriven(await apiFromEnv().redriveSubmission(id), options)));

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
    .action((series: string, start: number, options: unknown) =>
      run(async () => showSeries(await apiFromEnv().setSeriesStart(series, start), options)));

  admin.command('series')
    .summary('show a series: its start, next number and history')
    .argument('<series>', 'the series, e.g. A/HRC/47/G')
    .option('--json', 'print the API\'s JSON answer')
    .addHelpText('after', `
Example:
  $ circulate admin series A/HRC/47/G`)
    .action((series: string, options: unknown) => run(async () => showSeries(await apiFromEnv().getSeries(series), options)));
}
