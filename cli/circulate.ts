import { Command, CommanderError } from 'commander';
import { DEFAULT_API } from './api';
import { addAdminCommand } from './commands/admin';
import { addListCommand } from './commands/list';
import { addReissueCommand } from './commands/reissue';
import { addStatusCommand } from './commands/status';
import { addSubmitCommand } from './commands/submit';
import { addTranslateCommand } from './commands/translate';
import { addWatchCommand } from './commands/watch';
import { EXIT, EXIT_CODES } from './output';

/** `circulate`: submit a note verbale to the Circulate API and follow it until it is published. Each command is in commands/. */

export function buildProgram(): Command {
  const program = new Command('circulate')
    .description('Submit notes verbales and letters to Circulate, and follow them until they are published.')
    // Exit codes are a contract (usage errors are 2); commander would exit 1. Set before the commands
    // are added, which copy it.
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
  $ circulate translate A/HRC/47/G/1 note-fr.pdf --lang fr --title "Note verbale datée du …" --wait
  $ circulate reissue A/HRC/47/G/1 note-fr.pdf --lang fr --reason "a page was missing" --wait
  $ circulate watch 01JD5ZK3Q6V7C1X9W2N4R8T0YB
  $ circulate list --status PUBLISHED --session 47
  $ circulate status A/HRC/47/G/10
Each command has its own help: circulate submit --help`);

  addSubmitCommand(program);
  addTranslateCommand(program);
  addReissueCommand(program);
  addStatusCommand(program);
  addWatchCommand(program);
  addListCommand(program);
  addAdminCommand(program);
  return program;
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
