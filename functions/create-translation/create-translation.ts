import type { CreatedSubmission } from '#shared/api/responses';
import { publishedForVersion, recordVersion, type VersionSubmissionDeps } from '#shared/api/version-submissions';
import type { DocumentRecord } from '#shared/domain/document';
import { BadRequest, Conflict } from '#shared/domain/errors';
import { refuseOversized } from '#shared/domain/file-limits';
import { LANGUAGES } from '#shared/domain/languages';
import { parseSymbol } from '#shared/domain/symbols';
import { TranslationInput } from '#shared/domain/translations';
import { parseOrBadRequest } from '#shared/handlers/http';

export interface CreateTranslationDeps extends VersionSubmissionDeps {
  maxFileSize: number;
}

const refuse = (path: string, message: string, why = message) => new BadRequest(`${path}: ${why}`, [{ path, message }]);

/**
 * Each declared part must be one the document has and still waits for in that language: not
 * reproduced as received (it is never translated), not the original, not already issued (a
 * correction is a corrigendum); and the cover note comes with the first files of a language.
 */
function checkParts(doc: DocumentRecord, input: TranslationInput): void {
  const name = LANGUAGES[input.language].name;
  if (input.language === doc.originalLanguage) {
    throw refuse('language', `must not be ${input.language}: it is the original language of ${doc.symbol}`);
  }
  const parts = Object.keys(doc.translations);
  input.files.forEach((f, i) => {
    const status = doc.translations[f.part]?.[input.language];
    const path = `files[${i}].part`;
    if (status === undefined) throw refuse(path, `${doc.symbol} has no part "${f.part}"; its parts are ${parts.join(', ')}`);
    if (status === 'reproduced-as-received') {
      throw refuse(path, `${f.part} of ${doc.symbol} is reproduced as received, in the language of submission only: it is not translated`);
    }
    if (status === 'original') throw refuse(path, `${f.part} of ${doc.symbol} was submitted in ${name}: it is the original`);
    if (status === 'translated') {
      throw new Conflict(`The ${name} version of ${f.part} of ${doc.symbol} is already issued; a correction to it is issued as a corrigendum`);
    }
  });
  if (doc.translations.cover?.[input.language] === 'pending' && !input.files.some((f) => f.part === 'cover')) {
    throw refuse('files', `must include the ${name} cover note: the ${name} version of ${doc.symbol} starts with it`);
  }
}

/**
 * Records a translation of a published document's parts, awaiting its files, and hands out one
 * presigned upload per file, as for a submission: receive checks the files and starts the workflow,
 * whose translation path tags and republishes the document. The record is a submission with
 * `translation`, under the document's symbol; one claim per document and language keeps two from
 * being accepted at once (#shared/api/version-submissions). Checked before anything is written.
 */
export async function createTranslation(path: string, body: unknown, deps: CreateTranslationDeps): Promise<CreatedSubmission> {
  const symbol = path.replace(/\/$/, '');
  parseSymbol(symbol);
  const input = parseOrBadRequest(TranslationInput, body, 'The translation');
  refuseOversized(input.files, deps.maxFileSize);
  const { document, original } = await publishedForVersion(symbol, 'translation', deps);
  checkParts(document, input);
  return recordVersion(original, {
    of: symbol, language: input.language, kind: 'translation', title: input.title, files: input.files,
    detail: `${LANGUAGES[input.language].name} version of ${symbol}: ${input.files.length} file(s) declared`,
  }, deps);
}
