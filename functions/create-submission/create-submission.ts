import type { Files } from '#shared/adapters/files';
import { intakeKey } from '#shared/adapters/files';
import { BadRequest } from '#shared/domain/errors';
import { parseOrBadRequest } from '#shared/handlers/http';
import { SubmissionInput, type SubmissionRecord } from '#shared/domain/schemas';
import type { Clock, SubmissionStore } from '#shared/adapters/store';
import type { CreatedSubmission } from '#shared/api/responses';
import { checkRelatesTo, type RelatesToStore } from './relates-to';

export interface CreateSubmissionDeps {
  /** The record is stamped with the store's clock, as its history will be. */
  store: Pick<SubmissionStore, 'createSubmission'> & Clock & RelatesToStore;
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
  input.files.forEach((f, i) => {
    if (f.size > deps.maxFileSize) {
      throw new BadRequest(`files[${i}].size: ${f.name} is ${f.size} bytes; the limit is ${deps.maxFileSize} bytes`, [{ path: `files[${i}].size`, message: `must be at most ${deps.maxFileSize} bytes` }]);
    }
  });
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
  const uploads = await Promise.all(record.submission.files.map(async (f) => ({ name: f.name, ...(await deps.files.presignUpload(f, deps.uploadExpiry)) })));
  await deps.store.createSubmission(record);
  return { id, status: record.status, uploads };
}
