import type { Files } from '#shared/adapters/files';
import { publishedFilePath } from '#shared/adapters/files';
import type { SiteStateStore, SubmissionStore } from '#shared/adapters/store';
import { UNFINISHED_STATUSES, isFinal, type MarkFailedInput, type SubmissionRecord } from '#shared/domain/schemas';
import { documentPagePaths, fileTextPath, issuedPdfPath } from '#shared/domain/site-paths';

export type MarkFailedStore = Pick<SubmissionStore, 'mustGetSubmission' | 'transition'>;

/** What MarkFailed needs to take a failed publication's own objects off the site. */
export interface SiteCleanup {
  store: Pick<SiteStateStore, 'sessionState'>;
  files: Pick<Files, 'removeFromSite'>;
}

/** Lambda errors arrive with a JSON Cause ({errorType, errorMessage}); keep what a person can read. */
export function readableCause(cause: string | undefined): string {
  if (!cause) return 'no detail was given';
  try {
    const parsed: unknown = JSON.parse(cause);
    if (parsed && typeof parsed === 'object' && 'errorMessage' in parsed && typeof parsed.errorMessage === 'string') {
      return parsed.errorMessage;
    }
  } catch {
    // not JSON: the cause is already text
  }
  return cause;
}

/** Every object a Publish writes for a document itself: its files, their texts, its original's issued PDF and its pages (not the lists). */
export function ownObjects(record: Pick<SubmissionRecord, 'submission'>, symbol: string): string[] {
  return [
    ...record.submission.files.flatMap((f) => [publishedFilePath(symbol, f), fileTextPath(publishedFilePath(symbol, f))]),
    issuedPdfPath(symbol, record.submission.originalLanguage),
    ...documentPagePaths(symbol),
  ];
}

/**
 * A submission that failed in Publish (TAGGED, with a symbol) may have put its files and pages on
 * the site. If its session does not list it yet (Publish announces it only after writing them),
 * nothing links to them: they are removed, so a document that failed is not on the site. If the
 * session does list it, its lists may show it, and removing its pages would break their links:
 * they stay, and a redrive finishes it (`circulate admin redrive`). Deleting what is not there is
 * a no-op, so this runs whether or not Publish got as far as writing them.
 */
async function takeOffSite(record: SubmissionRecord, site: SiteCleanup): Promise<void> {
  // A translation's document is published: its pages stay; the files it copied are linked from
  // nowhere until the document record names them, and a redrive writes them again.
  if (record.status !== 'TAGGED' || !record.symbol || record.translation) return;
  const { symbols } = await site.store.sessionState(record.submission.body, record.submission.session);
  if (symbols.includes(record.symbol)) return;
  await site.files.removeFromSite(ownObjects(record, record.symbol));
}

/**
 * Records why the workflow failed. A submission already published stays published. With `site`,
 * a publication that failed before its session listed it is first taken off the site (then a
 * retry of MarkFailed, which ends at the record's FAILED, removes it again if need be).
 */
export async function markFailed(input: MarkFailedInput, store: MarkFailedStore, site?: SiteCleanup): Promise<void> {
  const error = input.error.Error ?? 'Error';
  const cause = readableCause(input.error.Cause);
  const record = await store.mustGetSubmission(input.submissionId);
  if (isFinal(record.status)) return;
  if (site) await takeOffSite(record, site);
  await store.transition(input.submissionId, 'FAILED', {
    from: UNFINISHED_STATUSES,
    detail: `${error}: ${cause}`,
    set: { error: { error, cause } },
  });
}
