import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { SeriesHistoryEntry } from '../../domain/schemas';
import { AllocationContention, Conflict } from '../../domain/errors';
import { isConditionFailure, type TableContext } from './query';

/** Numbering counters: a series (`A/HRC/47/G`), a duty station's job numbers in a year (`JOB#G#2021`). */
export type CounterStore = ReturnType<typeof createCounterStore>;

/** A numbering counter: the next number, where it started, who took which number, and its audit trail. */
export const Counter = z.object({
  next: z.number(),
  first: z.number().optional(),
  claims: z.record(z.string(), z.number()),
  history: z.array(SeriesHistoryEntry).default([]),
});
export type Counter = z.infer<typeof Counter>;

const counterKey = (name: string) => ({ pk: `COUNTER#${name}`, sk: 'COUNTER' });

export function createCounterStore(ctx: TableContext) {
  const { doc, table, now, wrote } = ctx;

  async function getCounter(name: string): Promise<Counter | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: counterKey(name), ConsistentRead: true }));
    return Item ? Counter.parse(Item) : undefined;
  }

  return {
    /**
     * Gives `owner` the next number of the counter `name` (first number `start`), `step` numbers at
     * a time. One conditional update both takes the number and records who took it, so the
     * counter never moves without an owner (gapless), and an owner asking again gets the number
     * it already has (idempotent). Different counters are different items: they never contend.
     */
    async allocate(name: string, owner: string, start: number, step = 1): Promise<number> {
      const Key = counterKey(name);
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const { Attributes } = await doc.send(new UpdateCommand({
            TableName: table, Key,
            UpdateExpression: 'SET #claims.#owner = #next, #next = #next + :step',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#claims.#owner)',
            ExpressionAttributeNames: { '#claims': 'claims', '#owner': owner, '#next': 'next' },
            ExpressionAttributeValues: { ':step': step },
            ReturnValues: 'UPDATED_OLD',
          }));
          await wrote(`allocate:${name}`);
          const taken = z.object({ next: z.number() }).safeParse(Attributes);
          if (taken.success) return taken.data.next;
        } catch (e) {
          if (!isConditionFailure(e)) throw e;
        }
        const { Item } = await doc.send(new GetCommand({ TableName: table, Key, ConsistentRead: true }));
        const counter = z.object({ next: z.number(), claims: z.record(z.string(), z.number()) }).optional().parse(Item);
        const mine = counter?.claims[owner];
        if (mine !== undefined) return mine;
        if (!counter) {
          try {
            await doc.send(new PutCommand({
              TableName: table,
              Item: { ...Key, next: start, first: start, claims: {}, history: [], createdAt: now() },
              ConditionExpression: 'attribute_not_exists(pk)',
            }));
            await wrote(`createCounter:${name}`);
          } catch (e) {
            if (!isConditionFailure(e)) throw e;
          }
        }
      }
      throw new AllocationContention(`Counter ${name} is busy; try again`);
    },

    /**
     * Sets where a series starts (numbers issued before Circulate took over), audited in the
     * counter's history. Only while Circulate has issued no number in it: moving a start later
     * would leave a gap, moving it earlier would give a number twice.
     */
    async setCounterStart(name: string, start: number, by: string): Promise<Counter> {
      const Key = counterKey(name);
      const entry = { at: now(), action: 'series-start', start, by };
      try {
        const { Attributes } = await doc.send(new UpdateCommand({
          TableName: table, Key,
          UpdateExpression: 'SET #next = :start, #first = :start, #claims = if_not_exists(#claims, :noClaims), '
            + '#history = list_append(if_not_exists(#history, :noHistory), :entry), #createdAt = if_not_exists(#createdAt, :at)',
          ConditionExpression: 'attribute_not_exists(pk) OR #next = #first',
          ExpressionAttributeNames: { '#next': 'next', '#first': 'first', '#claims': 'claims', '#history': 'history', '#createdAt': 'createdAt' },
          ExpressionAttributeValues: { ':start': start, ':noClaims': {}, ':noHistory': [], ':entry': [entry], ':at': entry.at },
          ReturnValues: 'ALL_NEW',
        }));
        await wrote(`setCounterStart:${name}`);
        return Counter.parse(Attributes);
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        const counter = await getCounter(name);
        throw new Conflict(`${name} has already issued numbers from ${counter?.first ?? '?'} to ${(counter?.next ?? 1) - 1}; its start can no longer change`);
      }
    },

    getCounter,
  };
}
