import { ApiError, BadConfiguration, MissingToken, NetworkError, UnexpectedAnswer } from './api';
import { InvalidMetadata } from './metadata';

/** What every command prints, and the exit codes it ends with: the same for every command. */

export const EXIT = { ok: 0, failed: 1, badInput: 2, timeout: 3, unavailable: 4 } as const;

export const EXIT_CODES = `Exit codes (the same for every command):
  0  done (submit, watch: the submission is PUBLISHED)
  1  the submission FAILED (watch, submit --wait, status)
  2  bad input: a wrong option or value, a submission that does not pass the checks
     (nothing is sent), or a request the API refused (4xx, e.g. a wrong token)
  3  timed out waiting (watch, submit --wait: --timeout)
  4  the API is unreachable or failing (5xx)`;

export const out = (line = '') => process.stdout.write(`${line}\n`);
export const err = (line: string) => process.stderr.write(`${line}\n`);

/** The API's answer as it came, for `--json`. */
export const printJson = (raw: unknown) => out(JSON.stringify(raw, null, 2));

/** `label:` then the value, the values lined up. */
export const field = (label: string, value: string) => out(`${`${label}:`.padEnd(10)}${value}`);

/** A command used the wrong way (commander's own usage errors never reach `report`). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export class WaitTimeout extends Error {
  override name = 'WaitTimeout';
}

/** Prints an error the way a person can act on it, and gives its exit code. */
function report(e: unknown): number {
  if (e instanceof InvalidMetadata) {
    err(`error: cannot submit${e.file ? ` ${e.file}` : ''} (nothing was sent):`);
    e.issues.forEach((issue) => err(`  ${issue}`));
    return EXIT.badInput;
  }
  if (e instanceof ApiError) {
    err(`error: ${e.message}`);
    // A refusal of one field says it in its message already: its issue is not printed twice.
    e.issues.filter((issue) => issue !== e.message).forEach((issue) => err(`  ${issue}`));
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

/** Runs a command's task and sets the exit code from its result, or from what it threw. */
export async function run(task: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await task();
  } catch (e) {
    process.exitCode = report(e);
  }
}
