import { describe, expect, it } from '@jest/globals';
import { ReissueInput, TranslationInput } from '#shared/domain/translations';
import { prepareVersion, versionFileFlags } from '../../cli/versions';
import { InvalidMetadata } from '../../cli/metadata';

/** `circulate translate` and `reissue` check what they would send with the route's schema, every problem at once. */

const DIR = 'examples/A_HRC_47_G_10';
const FLAGS = { language: '--lang', title: '--title', reason: '--reason' };

async function problems(run: Promise<unknown>): Promise<readonly string[]> {
  try {
    await run;
  } catch (e) {
    if (e instanceof InvalidMetadata) return e.issues;
    throw e;
  }
  throw new Error('it was accepted');
}

describe('prepareVersion', () => {
  it('reads the cover then the annexes, in order, with their size and sha256, as the schema takes them', async () => {
    const { body, files } = await prepareVersion(TranslationInput, { language: 'fr', title: 'Note verbale' },
      versionFileFlags(`${DIR}/fr/note-verbale.txt`, [`${DIR}/annex.txt,annex-2`]), FLAGS);
    expect(body.files).toEqual([
      { name: 'note-verbale.txt', part: 'cover', contentType: 'text/plain', size: files[0]!.size, sha256: files[0]!.sha256 },
      { name: 'annex.txt', part: 'annex-2', contentType: 'text/plain', size: files[1]!.size, sha256: files[1]!.sha256 },
    ]);
    expect(files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports every problem, each naming the flag or file it came from', async () => {
    expect(await problems(prepareVersion(TranslationInput, { language: 'xx', title: '' },
      versionFileFlags(`${DIR}/missing.pdf`, [`${DIR}/annex.txt,annex-x`]), FLAGS))).toEqual([
      `files[0].path (cover ${DIR}/missing.pdf): no such file: ${process.cwd()}/${DIR}/missing.pdf`,
      expect.stringMatching(/^files\[1\] \(--annex .*annex\.txt,annex-x\): "annex-x" is not an attribute/),
      expect.stringMatching(/^language \(--lang\): /),
      expect.stringMatching(/^title \(--title\): /),
    ]);
  });

  it('asks for a file when none is given, and for a reissue’s reason', async () => {
    expect(await problems(prepareVersion(ReissueInput, { language: 'fr' }, versionFileFlags(undefined, []), FLAGS))).toEqual([
      'files: none given: give the cover note as the file after the symbol, or --annex <path[,part]>',
      'reason (--reason): is required',
    ]);
  });
});
