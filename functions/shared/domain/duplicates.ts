import { Duplicate } from './errors';
import type { Status, SubmissionRecord } from './schemas';

/**
 * One cover note, one document: a submission claims its cover's sha256 (a `COVER#<sha256>` item),
 * and another with the same cover is refused unless the staff says it is a different document
 * (`allowDuplicate`). What follows is the rule of when a claim still stands, and what the refusal says.
 */

/** A cover's sha256 and the submission that claimed it. */
export interface CoverClaim {
  sha256: string;
  submissionId: string;
  claimedAt: string;
}

/** The submission a refusal names: its status and symbol when it is recorded. */
export interface CoverHolder {
  id: string;
  status?: Status;
  symbol?: string;
}

/**
 * create-submission claims before it records the submission, so a claim without a record is, for
 * a while, a request still running (an API call ends within 30 s); after this long it is one that
 * died between its two writes, or a submission expiry deleted before it released the claim.
 */
export const UNRECORDED_CLAIM_GRACE_MS = 5 * 60_000;

/**
 * Whether `claim` still keeps other submissions of that cover out. It does while its submission
 * may still become a document: recorded and not FAILED before it had a symbol (one that failed
 * with a symbol keeps its number and is redriven, not submitted again), or not recorded yet within
 * the grace. A claim that no longer stands is taken over, so neither a crash between two writes
 * nor a missed release blocks a resubmission for ever.
 */
export function claimStands(claim: CoverClaim, holder: SubmissionRecord | undefined, now: string): boolean {
  if (holder) return !(holder.status === 'FAILED' && holder.symbol === undefined);
  return Date.parse(now) - Date.parse(claim.claimedAt) < UNRECORDED_CLAIM_GRACE_MS;
}

export const holderOf = (claim: CoverClaim, holder: SubmissionRecord | undefined): CoverHolder => ({
  id: claim.submissionId,
  ...(holder ? { status: holder.status } : {}),
  ...(holder?.symbol ? { symbol: holder.symbol } : {}),
});

/** How to go on, in the words of each client: the API's field, the CLI's flag, the staff page's checkbox. */
export const HOW_TO_ALLOW = 'if it is a different document, submit again with allowDuplicate: true '
  + '(circulate submit --allow-duplicate; on the staff page, tick "This is a different document with the same cover note")';

/** The refusal: names the submission already accepted with this cover and, if it has one, its symbol. */
export function duplicateOf(holder: CoverHolder, cover: { name: string; sha256: string }): Duplicate {
  const which = `submission ${holder.id} (${[holder.symbol, holder.status ?? 'being recorded'].filter(Boolean).join(', ')})`;
  return new Duplicate(
    `The cover note ${cover.name} (sha256 ${cover.sha256}) is that of ${which}, already accepted; ${HOW_TO_ALLOW}`,
    [{ path: 'allowDuplicate', message: `the cover note is that of ${which}: set this (tick the box, or --allow-duplicate) if it is a different document` }],
  );
}
