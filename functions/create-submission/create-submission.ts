import type { Files } from '#shared/adapters/files';
import { intakeKey } from '#shared/adapters/files';
import { refuseOversized } from '#shared/domain/file-limits';
import { parseOrBadRequest } from '#shared/handlers/http';
import { SubmissionInput, type SubmissionRecord } from '#shared/domain/schemas';
import type { Clock, SubmissionStore } from '#shared/adapters/store';
import type { CreatedSubmission } from '#shared/api/responses';

export interface CreateSubmissionDeps {
  /** The record is stamped with the store's clock, as its history will be. */
  store: Pick<SubmissionStore, 'createSubmission'> & Clock;
  files: Pick<Files, 'presignUpload'>;
  newId: () => string;
  /** Largest file accepted, in bytes. */
  maxFileSize: number;
  /** How long the presigned upload URLs are valid, in seconds. */
  uploadExpiry: number;
}

/** Records a new submission awaiting its files and hands out one presigned upload per declared file. */
export async function createSubmission(body: unknown, deps: CreateSubmissionDeps): Promise<CreatedSubmission> {
  const input = parseOrBadRequest(SubmissionInput, body, 'The submission');
  refuseOversized(input.files, deps.maxFileSize);
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
  const uploads = await Promise.all(record.submission.files.map(async (f) => ({ name: f.name, ...(await deps.files.presignUpload(f, deps.uploadExpiry)) })));
  await deps.store.createSubmission(record);
  return { id, status: record.status, uploads };
}
