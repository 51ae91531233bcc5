import type { Files } from '../adapters/files';
import { intakeKey } from '../adapters/files';
import { presignUploads } from './uploads';
import type { Clock, DocumentStore, SubmissionStore, TranslationClaimStore } from '../adapters/store';
import type { CreatedSubmission } from './responses';
import type { DocumentRecord } from '../domain/document';
import { Conflict, NotFound } from '../domain/errors';
import { LANGUAGES, type Language } from '../domain/languages';
import { UNRECORDED_CLAIM_GRACE_MS } from '../domain/duplicates';
import { redriveTarget } from '../domain/redrive';
import type { SubmissionRecord, TranslationOf } from '../domain/schemas';
import type { TranslationFile } from '../domain/translations';

/**
 * What the two routes that add a language version to a published document share
 * (POST /api/translations, POST /api/reissues): the document, published; one version of a
 * language on its way at a time (a claim, taken over from a holder that can no longer bring it);
 * the version recorded as a submission under the document's symbol, awaiting its files, with one
 * presigned upload per file. The workflow's translation path takes it from there.
 */

export interface VersionSubmissionDeps {
  store: Pick<SubmissionStore, 'createSubmission' | 'getSubmission'> & Pick<DocumentStore, 'getDocument'>
    & Pick<TranslationClaimStore, 'claimTranslation' | 'translationClaim'> & Clock;
  files: Pick<Files, 'presignUpload'>;
  newId: () => string;
  uploadExpiry: number;
}

type Kind = TranslationOf['kind'];
const WHAT: Record<Kind, string> = { translation: 'a translation is added', reissue: 'a version is reissued' };

/** The document of `symbol` and its submission, if it is published (read consistently: a write follows). */
export async function publishedForVersion(symbol: string, kind: Kind, deps: VersionSubmissionDeps): Promise<{ document: DocumentRecord; original: SubmissionRecord }> {
  const document = await deps.store.getDocument(symbol, true);
  const original = document && await deps.store.getSubmission(document.submissionId);
  if (!document || original?.status !== 'PUBLISHED') {
    throw new NotFound(`No published document ${symbol}: ${WHAT[kind]} to a document once it is published`);
  }
  return { document, original };
}

/**
 * Whether a claim's holder can still bring the version: one not recorded yet is a request still
 * running within the grace (the claim comes first; after the grace it died between its two
 * writes, or expired); a recorded one, unless it failed on its files (nothing to redrive) or is
 * finished: once published, its parts are in the document, which the parts' check reads, so the
 * next (an annex translated later, another reissue) may come.
 */
function isAlive(claimedAt: string, holder: SubmissionRecord | undefined, now: string): boolean {
  if (!holder) return Date.parse(now) - Date.parse(claimedAt) < UNRECORDED_CLAIM_GRACE_MS;
  if (holder.status === 'PUBLISHED') return false;
  if (holder.status !== 'FAILED') return true;
  return redriveTarget(holder) !== undefined;
}

const NAMES: Record<Kind, (language: string, symbol: string) => string> = {
  translation: (language, symbol) => `The ${language} version of ${symbol}`,
  reissue: (language, symbol) => `A reissue of the ${language} version of ${symbol}`,
};

async function claim(symbol: string, language: Language, id: string, kind: Kind, deps: VersionSubmissionDeps): Promise<void> {
  if (await deps.store.claimTranslation(symbol, language, id, undefined, kind)) return;
  const held = await deps.store.translationClaim(symbol, language, kind);
  const holder = held && await deps.store.getSubmission(held.submissionId);
  const name = NAMES[kind](LANGUAGES[language].name, symbol);
  if (held && isAlive(held.claimedAt, holder, deps.store.now())) {
    const next = holder?.status === 'FAILED' ? `; redrive it (circulate admin redrive ${holder.id}) rather than send it again` : '';
    throw new Conflict(`${name} is already on its way: submission ${held.submissionId} is ${holder?.status ?? 'being recorded'}${next}`);
  }
  if (held && await deps.store.claimTranslation(symbol, language, id, held.submissionId, kind)) return;
  throw new Conflict(`Another ${kind} of the ${LANGUAGES[language].name} version of ${symbol} was sent at the same time; look at the document's submissions`);
}

/**
 * Presigns the uploads (no write), claims the version, then records it: the claim comes before the
 * record, so a crash in between leaves a claim whose submission does not exist, which the next one
 * takes over once the grace is past.
 */
export async function recordVersion(
  original: SubmissionRecord, version: { of: string; language: Language; kind: Kind; title: string; files: readonly TranslationFile[]; detail: string },
  deps: VersionSubmissionDeps,
): Promise<CreatedSubmission> {
  const { of: symbol, language, kind } = version;
  const id = deps.newId();
  const at = deps.store.now();
  const record: SubmissionRecord = {
    id,
    status: 'AWAITING_UPLOAD',
    createdAt: at,
    updatedAt: at,
    symbol,
    translation: { of: symbol, language, kind },
    // The document's particulars, with the version's own title and files.
    submission: {
      ...original.submission,
      title: version.title,
      files: version.files.map((f, i) => ({ ...f, language, translate: true, key: intakeKey(id, i, { part: f.part, language }) })),
    },
    history: [{ at, status: 'AWAITING_UPLOAD', detail: version.detail }],
  };
  const uploads = await presignUploads(record.submission.files, deps);
  await claim(symbol, language, id, kind, deps);
  await deps.store.createSubmission(record);
  return { id, status: record.status, uploads };
}
