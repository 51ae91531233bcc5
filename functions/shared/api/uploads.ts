import type { Files } from '../adapters/files';
import type { StoredFile } from '../domain/schemas';
import type { Upload } from './responses';

/**
 * One presigned PUT per stored file, named as the submitter declared it: what every route that
 * records a submission answers (submissions, translations, reissues). Presigning writes nothing,
 * so a route presigns before its first write: a signing failure leaves nothing behind.
 */
export function presignUploads(files: readonly StoredFile[], deps: { files: Pick<Files, 'presignUpload'>; uploadExpiry: number }): Promise<Upload[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, ...(await deps.files.presignUpload(f, deps.uploadExpiry)) })));
}
