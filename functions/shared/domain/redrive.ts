import { UNFINISHED_STATUSES, type SubmissionRecord, type UnfinishedStatus } from './schemas';

/** The status a FAILED submission had when it failed: the last history entry before its last FAILED one. */
export function statusBeforeFailure(record: Pick<SubmissionRecord, 'history'>): UnfinishedStatus | undefined {
  const failedAt = record.history.findLastIndex((h) => h.status === 'FAILED');
  const before = record.history.slice(0, Math.max(failedAt, 0)).findLast((h) => h.status !== 'FAILED');
  return UNFINISHED_STATUSES.find((s) => s === before?.status);
}

/**
 * Where a FAILED submission goes back to when redriven, or undefined if there is nothing to
 * finish: it failed before it had a symbol (or, for a translation, before it was tagged), so its
 * files were refused or its number never taken, and it is submitted again instead.
 */
export function redriveTarget(record: Pick<SubmissionRecord, 'history' | 'symbol'>): UnfinishedStatus | undefined {
  const back = statusBeforeFailure(record);
  if (!record.symbol || !back || back === 'AWAITING_UPLOAD' || back === 'RECEIVED') return undefined;
  return back;
}
