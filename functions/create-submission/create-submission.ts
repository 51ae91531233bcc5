import type { Files } from '#shared/adapters/files';
import { intakeKey } from '#shared/adapters/files';
import { refuseOversized } from '#shared/domain/file-limits';
import { parseOrBadRequest } from '#shared/handlers/http';
import { duplicateOf } from '#shared/domain/duplicates';
import { SubmissionInput, originalCover, type SubmissionRecord } from '#shared/domain/schemas';
import type { Clock, CoverStore, SubmissionStore } from '#shared/adapters/store';
import type { CreatedSubmission } from '#shared/api/responses';
import { checkRelatesTo, type RelatesToStore } from './relates-to';
import { presignUploads } from '#shared/api/uploads';

export interface CreateSubmissionDeps {
  /** The record is stamped with the store's clock, as its history will be. */
  store: Pick<SubmissionStore, 'createSubmission' | 'getSubmission'> & Pick<CoverStore, 'claimCover' | 'releaseCover'> & Clock & RelatesToStore;
  files: Pick<Files, 'presignUpload'>;
  newId: () => string;
  /** Largest file accepted, in bytes. */
  maxFileSize: number;
  /** How long the presigned upload URLs are valid, in seconds. */
  uploadExpiry: number;
}

/**
 * Records a new submission awaiting its files and hands out one presigned upload per declared file.
 *
 * Its cover note is claimed first, then the submission recorded: bad input and a refused duplicate
 * write nothing, and two identical submissions at once get one claim between them (one 201, one
 * 409). A crash between the two writes leaves a claim with no submission, which stops standing
 * after a grace (`claimStands`); a record write that fails releases it at once. An allowed duplicate
 * (the staff's word that it is another document) neither is refused nor claims: the claim stays
 * with the submission that holds it.
 */
export async function createSubmission(body: unknown, deps: CreateSubmissionDeps): Promise<CreatedSubmission> {
  const input = parseOrBadRequest(SubmissionInput, body, 'The submission');
  refuseOversized(input.files, deps.maxFileSize);
  if (input.relatesTo) await checkRelatesTo({ ...input, relatesTo: input.relatesTo }, deps.store);
  const id = deps.newId();
  const at = deps.store.now();
  const record: SubmissionRecord = {
    id,
    status: 'AWAITING_UPLOAD',
    createdAt: at,
    updatedAt: at,
    submission: { ...input, files: input.files.map((f, i) => ({ ...f, key: intakeKey(id, i, f) })) },
    history: [{ at, status: 'AWAITING_UPLOAD', detail: `${input.files.length} file(s) declared` }],
  };
  const uploads = await presignUploads(record.submission.files, deps);
  await (input.allowDuplicate ? deps.store.createSubmission(record) : recordClaimingCover(record, deps));
  return { id, status: record.status, uploads };
}

/** Claims the cover note, then records the submission; refuses a cover whose claim stands. */
async function recordClaimingCover(record: SubmissionRecord, deps: CreateSubmissionDeps): Promise<void> {
  const cover = originalCover(record.submission)!;
  const claim = await deps.store.claimCover(cover.sha256, record.id);
  if (!claim.claimed) throw duplicateOf(claim.holder, cover);
  try {
    await deps.store.createSubmission(record);
  } catch (e) {
    // Unless the write did land (a timeout after it), the claim is released; if that fails too, the grace frees it.
    const recorded = await deps.store.getSubmission(record.id).catch(() => undefined);
    if (!recorded) await deps.store.releaseCover(cover.sha256, record.id).catch(() => false);
    throw e;
  }
}
