import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { VERSION_KINDS } from '../../domain/schemas';
import { isConditionFailure, withoutKeys, type TableContext } from './query';

/**
 * Which submission brings a document's version in a language: one at a time, so that two
 * translations of the same version sent together cannot both be accepted (the second is refused
 * with the first named). A claim whose submission is gone or failed on its files is taken over.
 * Reissues of a version hold a claim of their own kind (`REISSUE#…`), one reissue at a time.
 */
export type TranslationClaimStore = ReturnType<typeof createTranslationClaimStore>;
type Kind = (typeof VERSION_KINDS)[number];

const KEY_PREFIX: Record<Kind, string> = { translation: 'TRANSLATION', reissue: 'REISSUE' };
const claimKey = (symbol: string, language: string, kind: Kind) => ({ pk: `${KEY_PREFIX[kind]}#${symbol}#${language}`, sk: KEY_PREFIX[kind] });

export const TranslationClaim = z.object({ symbol: z.string(), language: z.string(), submissionId: z.string(), claimedAt: z.string() });
export type TranslationClaim = z.infer<typeof TranslationClaim>;

export function createTranslationClaimStore({ doc, table, now, wrote }: TableContext) {
  return {
    async translationClaim(symbol: string, language: string, kind: Kind = 'translation'): Promise<TranslationClaim | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: claimKey(symbol, language, kind), ConsistentRead: true }));
      return Item ? TranslationClaim.parse(withoutKeys(Item)) : undefined;
    },

    /**
     * Claims the version for `submissionId`, if no one holds it or `replacing` does (a claim read
     * and judged dead); false if someone else got it first.
     */
    async claimTranslation(symbol: string, language: string, submissionId: string, replacing?: string, kind: Kind = 'translation'): Promise<boolean> {
      try {
        await doc.send(new PutCommand({
          TableName: table,
          Item: { ...claimKey(symbol, language, kind), symbol, language, submissionId, claimedAt: now() },
          ConditionExpression: replacing ? 'submissionId = :old' : 'attribute_not_exists(pk)',
          ...(replacing ? { ExpressionAttributeValues: { ':old': replacing } } : {}),
        }));
      } catch (e) {
        if (isConditionFailure(e)) return false;
        throw e;
      }
      await wrote('claimTranslation');
      return true;
    },
  };
}
