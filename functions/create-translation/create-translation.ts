import type { Files } from '#shared/adapters/files';
import { intakeKey } from '#shared/adapters/files';
import type { Clock, DocumentStore, SubmissionStore, TranslationClaimStore } from '#shared/adapters/store';
import type { CreatedSubmission } from '#shared/api/responses';
import type { DocumentRecord } from '#shared/domain/document';
import { BadRequest, Conflict, NotFound } from '#shared/domain/errors';
import { refuseOversized } from '#shared/domain/file-limits';
import { LANGUAGES, type Language } from '#shared/domain/languages';
import type { SubmissionRecord } from '#shared/domain/schemas';
import { parseSymbol } from '#shared/domain/symbols';
import { TranslationInput } from '#shared/domain/translations';
import { parseOrBadRequest } from '#shared/handlers/http';
import { redriveTarget } from '#shared/domain/redrive';

export interface CreateTranslationDeps {
  store: Pick<SubmissionStore, 'createSubmission' | 'getSubmission'> & Pick<DocumentStore, 'getDocument'>
    & Pick<TranslationClaimStore, 'claimTranslation' | 'translationClaim'> & Clock;
  files: Pick<Files, 'presignUpload'>;
  newId: () => string;
  maxFileSize: number;
  uploadExpiry: number;
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

/** A claim's holder that can still bring the version: not gone (expired), not failed on its files (nothing to redrive). */
function isAlive(holder: SubmissionRecord | undefined): holder is SubmissionRecord {
  if (!holder) return false;
  if (holder.status !== 'FAILED') return true;
  return redriveTarget(holder) !== undefined;
}

async function claim(symbol: string, language: Language, id: string, deps: CreateTranslationDeps): Promise<void> {
  if (await deps.store.claimTranslation(symbol, language, id)) return;
  const held = await deps.store.translationClaim(symbol, language);
  const holder = held && await deps.store.getSubmission(held.submissionId);
  const name = LANGUAGES[language].name;
  if (isAlive(holder)) {
    const next = holder.status === 'FAILED' ? `; redrive it (circulate admin redrive ${holder.id}) rather than send it again` : '';
    throw new Conflict(`The ${name} version of ${symbol} is already on its way: submission ${holder.id} is ${holder.status}${next}`);
  }
  if (held && await deps.store.claimTranslation(symbol, language, id, held.submissionId)) return;
  throw new Conflict(`Another ${name} version of ${symbol} was sent at the same time; look at the document's submissions`);
}

/**
 * Records a translation of a published document's parts, awaiting its files, and hands out one
 * presigned upload per file, as for a submission: receive checks the files and starts the workflow,
 * whose translation path tags and republishes the document. The record is a submission with
 * `translation`, under the document's symbol; one claim per document and language keeps two from
 * being accepted at once. Checked before anything is written; the claim comes before the record, so
 * a crash in between leaves a claim whose submission does not exist, which the next one takes over.
 */
export async function createTranslation(path: string, body: unknown, deps: CreateTranslationDeps): Promise<CreatedSubmission> {
  const symbol = path.replace(/\/$/, '');
  parseSymbol(symbol);
  const input = parseOrBadRequest(TranslationInput, body, 'The translation');
  refuseOversized(input.files, deps.maxFileSize);
  const document = await deps.store.getDocument(symbol, true);
  const original = document && await deps.store.getSubmission(document.submissionId);
  if (!document || original?.status !== 'PUBLISHED') {
    throw new NotFound(`No published document ${symbol}: a translation is added to a document once it is published`);
  }
  checkParts(document, input);

  const id = deps.newId();
  await claim(symbol, input.language, id, deps);
  const at = deps.store.now();
  const language = input.language;
  const record: SubmissionRecord = {
    id,
    status: 'AWAITING_UPLOAD',
    createdAt: at,
    updatedAt: at,
    symbol,
    translation: { of: symbol, language, kind: 'translation' },
    // The document's particulars, with the version's own title and files.
    submission: {
      ...original.submission,
      title: input.title,
      files: input.files.map((f, i) => ({ ...f, language, translate: true, key: intakeKey(id, i, { part: f.part, language }) })),
    },
    history: [{ at, status: 'AWAITING_UPLOAD', detail: `${LANGUAGES[language].name} version of ${symbol}: ${input.files.length} file(s) declared` }],
  };
  const uploads = await Promise.all(record.submission.files.map(async (f) => ({ name: f.name, ...(await deps.files.presignUpload(f, deps.uploadExpiry)) })));
  await deps.store.createSubmission(record);
  return { id, status: record.status, uploads };
}
