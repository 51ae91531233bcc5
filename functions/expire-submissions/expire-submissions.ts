import { ENV } from '#shared/adapters/config';
import type { Files } from '#shared/adapters/files';
import type { CoverStore, SubmissionStore } from '#shared/adapters/store';
import { originalCover } from '#shared/domain/schemas';

/** How long a submission may wait for its files, in hours (fractions allowed). */
export const UPLOAD_EXPIRY_ENV = ENV.uploadExpiryHours;
export const DEFAULT_UPLOAD_EXPIRY_HOURS = 24;

export interface ExpireDeps {
  store: Pick<SubmissionStore, 'awaitingUploadSince' | 'deleteSubmissionIfAwaiting'> & Pick<CoverStore, 'releaseCover'>;
  files: Pick<Files, 'uploadedKeys' | 'verifiedKeys' | 'deleteUpload'>;
  clock: () => Date;
  /** A submission still awaiting its files this long after it was created expires. */
  expiryMs: number;
  log: (entry: Record<string, unknown>) => void;
}

export interface ExpireOutcome {
  /** Deleted with every object uploaded for them. */
  expired: string[];
  /** Stale, but all their files are in: receive starts them, not this. */
  complete: string[];
  /** Moved on while being expired (their last file came): left alone. */
  movedOn: string[];
}

/**
 * Submissions whose files never all arrived expire and leave nothing: their uploads and any
 * verified copies (receive may have crashed while making them) are deleted, then their record, on
 * condition that it is still AWAITING_UPLOAD, then its claim on its cover note, so that the note can
 * be submitted again. Objects go first so that a crash in between leaves a record the next run
 * finds again, never bytes that nothing points to; a crash before the release leaves a claim
 * without a submission, which stops standing by itself after a grace (`claimStands`).
 * Presigned uploads are valid for an hour, far less than the expiry, so no file can land after
 * its submission was found stale and be deleted with it.
 */
export async function expireSubmissions(deps: ExpireDeps): Promise<ExpireOutcome> {
  const outcome: ExpireOutcome = { expired: [], complete: [], movedOn: [] };
  const createdBefore = new Date(deps.clock().getTime() - deps.expiryMs).toISOString();
  for (const record of await deps.store.awaitingUploadSince(createdBefore)) {
    const uploaded = await deps.files.uploadedKeys(record.id);
    if (record.submission.files.every((f) => uploaded.includes(f.key))) {
      // Every file is in but receive has not moved it on (yet, or its event was lost): not ours to delete.
      deps.log({ level: 'warn', message: 'A stale submission has all its files; leaving it to receive', id: record.id });
      outcome.complete.push(record.id);
      continue;
    }
    const objects = [...uploaded, ...await deps.files.verifiedKeys(record.id)];
    for (const key of objects) await deps.files.deleteUpload(key);
    if (await deps.store.deleteSubmissionIfAwaiting(record.id)) {
      const cover = originalCover(record.submission);
      if (cover) await deps.store.releaseCover(cover.sha256, record.id);
      deps.log({ message: 'Expired a submission whose files never arrived', id: record.id, createdAt: record.createdAt, deletedObjects: objects.length });
      outcome.expired.push(record.id);
    } else {
      outcome.movedOn.push(record.id);
    }
  }
  return outcome;
}
