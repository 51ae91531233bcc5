import type { Command } from 'commander';
import { z } from 'zod';
import { apiFromEnv } from '../api';
import { follow } from '../follow';
import { DEFAULT_TIMEOUT_S, seconds } from '../options';
import { UsageError, run } from '../output';

/** `circulate watch`: follow a submission's steps until it is PUBLISHED or FAILED. */

const WatchOptions = z.object({ timeout: z.number().positive(), json: z.boolean().default(false) });

async function watch(id: string, options: z.infer<typeof WatchOptions>): Promise<number> {
  if (id.includes('/')) {
    throw new UsageError(`watch follows a submission by its id; ${id} is a symbol: use circulate status ${id}`);
  }
  return follow(apiFromEnv(), id, options);
}

export function addWatchCommand(program: Command): void {
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
}
