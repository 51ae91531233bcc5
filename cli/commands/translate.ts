import type { Command } from 'commander';
import { z } from 'zod';
import { LANGUAGE_CODES } from '#shared/domain/languages';
import { TranslationInput } from '#shared/domain/translations';
import { run } from '../output';
import { SendOptions, collectSpecs, prepareVersion, sendVersion, versionFileFlags, withSendOptions } from '../versions';

/** `circulate translate`: a language version of a published document (POST /api/translations/{symbol}). */

const TranslateOptions = z.object({
  lang: z.string().optional(),
  title: z.string().optional(),
  annex: z.array(z.string()).default([]),
}).extend(SendOptions.shape);

const FLAGS = { language: '--lang', title: '--title' };

export function addTranslateCommand(program: Command): void {
  withSendOptions(program.command('translate')
    .summary('add a language version to a published document')
    .description('Add a language version to a published document: its title in that language and its files (the '
      + 'translated cover note; an annex that is translated). Parts reproduced as received are not sent again. Checked '
      + 'here as the API will check it; then sent, uploaded, and republished through the workflow, the version '
      + '"translated" and announced in the feeds.')
    .argument('<symbol>', 'the published document, e.g. A/HRC/47/G/10')
    .argument('[cover]', 'the cover note in that language')
    .option('--lang <code>', `the version's language (${LANGUAGE_CODES.join(', ')}; not the original's)`)
    .option('--title <text>', 'the document\'s title in that language')
    .option('--annex <path[,part]>', 'a translated annex (part annex, or annex-N after a comma; repeatable)', collectSpecs))
    .addHelpText('after', `
Example:
  $ circulate translate A/HRC/47/G/1 examples/A_HRC_47_G_10/fr/note-verbale.txt --lang fr \\
      --title "Note verbale datée du 8 juin 2021, adressée au Haut-Commissariat des Nations Unies aux droits de l’homme par la Mission permanente de l’Azerbaïdjan auprès de l’Office des Nations Unies à Genève" --wait

Refused (exit 2, nothing written): a language that is not one of the six or is the original's, a
document not published, a part it does not have or reproduces as received, a version already
issued (a correction is a corrigendum: circulate submit --corrects) or already on its way.`)
    .action((symbol: string, cover: string | undefined, options: unknown) => run(async () => {
      const o = TranslateOptions.parse(options);
      const prepared = await prepareVersion(TranslationInput, { language: o.lang, title: o.title }, versionFileFlags(cover, o.annex), FLAGS);
      return sendVersion(prepared, (api) => api.createTranslation(symbol, prepared.body), o);
    }));
}
