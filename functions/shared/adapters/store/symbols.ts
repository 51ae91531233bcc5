import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { SymbolConflict } from '../../domain/errors';
import { isConditionFailure, type TableContext } from './query';

/** Symbols taken: a symbol item's existence is what makes its symbol taken, for ever. */
export type SymbolStore = ReturnType<typeof createSymbolStore>;

const symbolKey = (symbol: string) => ({ pk: `SYMBOL#${symbol}`, sk: 'SYMBOL' });

export function createSymbolStore({ doc, table, now, wrote }: TableContext) {
  return {
    /** Records that `symbol` belongs to `submissionId`; the record's existence is what makes a symbol taken. */
    async claimSymbol(symbol: string, submissionId: string): Promise<void> {
      try {
        await doc.send(new PutCommand({
          TableName: table,
          Item: { ...symbolKey(symbol), symbol, submissionId, claimedAt: now() },
          ConditionExpression: 'attribute_not_exists(pk) OR submissionId = :id',
          ExpressionAttributeValues: { ':id': submissionId },
        }));
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        throw new SymbolConflict(`Symbol ${symbol} already belongs to another submission`);
      }
      await wrote('claimSymbol');
    },
  };
}
