import type { CreatedSubmission } from '#shared/api/responses';
import { publishedForVersion, recordVersion, type VersionSubmissionDeps } from '#shared/api/version-submissions';
import { titleIn, type DocumentRecord } from '#shared/domain/document';
import { BadRequest } from '#shared/domain/errors';
import { refuseOversized } from '#shared/domain/file-limits';
import { LANGUAGES } from '#shared/domain/languages';
import { parseSymbol } from '#shared/domain/symbols';
import { ReissueInput } from '#shared/domain/translations';
import { parseOrBadRequest } from '#shared/handlers/http';

export interface CreateReissueDeps extends VersionSubmissionDeps {
  maxFileSize: number;
}

const refuse = (path: string, message: string) => new BadRequest(`${path}: ${message}`, [{ path, message }]);

/**
 * Each file must replace a part issued in that language: the original, or a translation already
 * issued. A part still pending is translated first (POST /api/translations); one reproduced as
 * received is reissued in its own language; a version a corrigendum does not issue has nothing to reissue.
 */
function checkParts(doc: DocumentRecord, input: ReissueInput): void {
  const name = LANGUAGES[input.language].name;
  const parts = Object.keys(doc.translations);
  input.files.forEach((f, i) => {
    const status = doc.translations[f.part]?.[input.language];
    const path = `files[${i}].part`;
    if (status === undefined) throw refuse(path, `${doc.symbol} has no part "${f.part}"; its parts are ${parts.join(', ')}`);
    if (status === 'pending') {
      throw refuse(path, `the ${name} version of ${f.part} of ${doc.symbol} has not been issued: send it as a translation (POST /api/translations/${doc.symbol})`);
    }
    if (status === 'reproduced-as-received') {
      throw refuse(path, `${f.part} of ${doc.symbol} is reproduced as received in ${name}: reissue it in the language it was submitted in`);
    }
    if (status === 'not-issued') throw refuse(path, `${doc.symbol} has no ${name} version of ${f.part} to reissue`);
  });
}

/**
 * Records a reissue for technical reasons of one language version of a published document: the
 * files that replace the version's, awaiting upload, under the document's symbol, as a translation
 * is (#shared/api/version-submissions). The workflow's translation path replaces its files and
 * marks it reissued (its symbol and job number printed with `*`, the footnote "Reissued for
 * technical reasons on <date>"). One reissue of a version at a time; checked before anything is written.
 */
export async function createReissue(path: string, body: unknown, deps: CreateReissueDeps): Promise<CreatedSubmission> {
  const symbol = path.replace(/\/$/, '');
  parseSymbol(symbol);
  const input = parseOrBadRequest(ReissueInput, body, 'The reissue');
  refuseOversized(input.files, deps.maxFileSize);
  const { document, original } = await publishedForVersion(symbol, 'reissue', deps);
  checkParts(document, input);
  const name = LANGUAGES[input.language].name;
  return recordVersion(original, {
    of: symbol, language: input.language, kind: 'reissue', title: input.title ?? titleIn(document, input.language).text, files: input.files,
    detail: `Reissue of the ${name} version of ${symbol} for technical reasons: ${input.reason}; ${input.files.length} file(s) declared`,
  }, deps);
}
