import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { Conflict } from '../../domain/errors';
import { claimStands, holderOf, type CoverClaim, type CoverHolder } from '../../domain/duplicates';
import type { SubmissionRecord } from '../../domain/schemas';
import { isConditionFailure, withoutKeys, type TableContext } from './query';

/** Cover notes claimed: a `COVER#<sha256>` item names the one submission accepted with that cover. */
export type CoverStore = ReturnType<typeof createCoverStore>;

export type CoverOutcome = { claimed: true } | { claimed: false; holder: CoverHolder };

const coverKey = (sha256: string) => ({ pk: `COVER#${sha256}`, sk: 'COVER' });
const CoverItem = z.object({ sha256: z.string(), submissionId: z.string(), claimedAt: z.string() });

/** The writes a claim is made of; the fake store gives the same ones, so both run `claimWith`. */
export interface ClaimPrimitives {
  getClaim(sha256: string): Promise<CoverClaim | undefined>;
  getSubmission(id: string): Promise<SubmissionRecord | undefined>;
  /** Puts `claim` if there is none or it is already the claimant's (`from` undefined), or if `from` still holds it (a takeover). */
  putClaim(claim: CoverClaim, from?: string): Promise<boolean>;
  now(): string;
}

/**
 * Claims `sha256` for `submissionId`. Idempotent (its own claim is taken again); a claim that no
 * longer stands (`claimStands`) is taken over, on condition that its holder still has it, so of
 * two submissions taking it over at once one gets it. A few rounds, for a claim that moves under
 * it (released, taken over) between its reads and its write.
 */
export async function claimWith(p: ClaimPrimitives, sha256: string, submissionId: string): Promise<CoverOutcome> {
  for (let round = 0; round < 3; round++) {
    if (await p.putClaim({ sha256, submissionId, claimedAt: p.now() })) return { claimed: true };
    const current = await p.getClaim(sha256);
    if (!current) continue;
    const holder = await p.getSubmission(current.submissionId);
    if (claimStands(current, holder, p.now())) return { claimed: false, holder: holderOf(current, holder) };
    if (await p.putClaim({ sha256, submissionId, claimedAt: p.now() }, current.submissionId)) return { claimed: true };
  }
  throw new Conflict(`The cover note with sha256 ${sha256} is being claimed by other submissions at this moment; try again`);
}

export function createCoverStore({ doc, table, now, wrote }: TableContext, submissions: Pick<ClaimPrimitives, 'getSubmission'>) {
  const primitives: ClaimPrimitives = {
    now,
    getSubmission: submissions.getSubmission,
    async getClaim(sha256) {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: coverKey(sha256), ConsistentRead: true }));
      return Item ? CoverItem.parse(withoutKeys(Item)) : undefined;
    },
    async putClaim(claim, from) {
      try {
        await doc.send(new PutCommand({
          TableName: table,
          Item: { ...coverKey(claim.sha256), ...claim },
          ConditionExpression: from === undefined ? 'attribute_not_exists(pk) OR submissionId = :id' : 'submissionId = :from',
          ExpressionAttributeValues: from === undefined ? { ':id': claim.submissionId } : { ':from': from },
        }));
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        return false;
      }
      await wrote('claimCover');
      return true;
    },
  };
  return {
    getCoverClaim: primitives.getClaim,

    /** See `claimWith`: `{claimed: false, holder}` names the submission whose claim stands. */
    claimCover: (sha256: string, submissionId: string) => claimWith(primitives, sha256, submissionId),

    /** Deletes the claim if `submissionId` holds it (false if not: never someone else's). */
    async releaseCover(sha256: string, submissionId: string): Promise<boolean> {
      try {
        await doc.send(new DeleteCommand({
          TableName: table, Key: coverKey(sha256),
          ConditionExpression: 'submissionId = :id', ExpressionAttributeValues: { ':id': submissionId },
        }));
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        return false;
      }
      await wrote('releaseCover');
      return true;
    },
  };
}
