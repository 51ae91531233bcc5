import type { Command } from 'commander';
import { z } from 'zod';
import { LANGUAGE_CODES } from '#shared/domain/languages';
import { ReissueInput } from '#shared/domain/translations';
import { run } from '../output';
import { SendOptions, collectSpecs, prepareVersion, sendVersion, versionFileFlags, withSendOptions } from '../versions';

/** `circulate reissue`: a version of a published document reissued for technical reasons (POST /api/reissues/{symbol}). */

const ReissueOptions = z.object({
  lang: z.string().optional(),
  reason: z.string().optional(),
  title: z.string().optional(),
  annex: z.array(z.string()).default([]),
}).extend(SendOptions.shape);

const FLAGS = { language: '--lang', reason: '--reason', title: '--title' };

export function addReissueCommand(program: Command): void {
  withSendOptions(program.command('reissue')
    .summary('reissue a language version of a published document for technical reasons')
    .description('Reissue one language version of a published document for technical reasons (a fault in the file, '
      + 'not in the text: that is a corrigendum). The files given replace the version\'s; its symbol and job number are '
      + 'printed with * and its first page says "Reissued for technical reasons on <date>" in its language.')
    .argument('<symbol>', 'the published document, e.g. A/HRC/47/G/10')
    .argument('[cover]', 'the cover note that replaces the version\'s')
    .option('--lang <code>', `the version reissued (${LANGUAGE_CODES.join(', ')})`)
    .option('--reason <text>', 'what was wrong, for the record (its history)')
    .option('--title <text>', 'the version\'s title, if the reissue changes it')
    .option('--annex <path[,part]>', 'an annex that replaces the version\'s (part annex, or annex-N after a comma; repeatable)', collectSpecs))
    .addHelpText('after', `
Example:
  $ circulate reissue A/HRC/47/G/1 note-fr-corrigee.pdf --lang fr --reason "the second page was missing" --wait

Refused (exit 2, nothing written): a version not issued yet (translate it), a part reproduced as
received in that language (reissue it in its own), a document not published, a reissue of the
version already on its way.`)
    .action((symbol: string, cover: string | undefined, options: unknown) => run(async () => {
      const o = ReissueOptions.parse(options);
      const prepared = await prepareVersion(ReissueInput, { language: o.lang, reason: o.reason, ...(o.title === undefined ? {} : { title: o.title }) },
        versionFileFlags(cover, o.annex), FLAGS);
      return sendVersion(prepared, (api) => api.createReissue(symbol, prepared.body), o);
    }));
}
