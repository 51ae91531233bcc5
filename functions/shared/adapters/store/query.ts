import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { BadRequest } from '../../domain/errors';

/** What every aggregate's store is built on: the one table, the clock, and the test hook after each write. */
export interface TableContext {
  doc: DynamoDBDocumentClient;
  table: string;
  /** The store's clock, as ISO text. */
  now: () => string;
  /** Called after every successful write with its name (see StoreOptions.afterWrite). */
  wrote: (write: string) => Promise<void>;
}

/** The store's clock, for logic that stamps a time the store's history must agree with. */
export interface Clock {
  now: () => string;
}

export const sessionKey = (body: string, session: number) => `${body}#${session}`;

export function fromSessionKey(key: string): { body: string; session: number } {
  const [body = '', session = '0'] = key.split('#');
  return { body, session: Number(session) };
}

export const isConditionFailure = (e: unknown) =>
  e instanceof ConditionalCheckFailedException || (e instanceof Error && e.name === 'ConditionalCheckFailedException');

/** Strips the table's own attributes from an item before it is parsed as a domain record. */
export function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi3pk: _g3, ...rest } = item;
  return rest;
}

/** BatchGetItem takes at most 100 keys, BatchWriteItem 25 requests. */
export const BATCH_GET = 100;
export const BATCH_WRITE = 25;
export const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
/** The wait before a batch's unprocessed part is sent again. */
export const backoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));

/** Every page of a query, parsed: the loops over LastEvaluatedKey in one place. */
export async function queryAll<T>(
  ctx: Pick<TableContext, 'doc' | 'table'>,
  query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  parse: (item: Record<string, unknown>) => T,
): Promise<T[]> {
  const results: T[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const out = await ctx.doc.send(new QueryCommand({ ...query, TableName: ctx.table, ExclusiveStartKey: cursor }));
    results.push(...(out.Items ?? []).map(parse));
    cursor = out.LastEvaluatedKey;
  } while (cursor);
  return results;
}

/** One page of a list the API gives out, and where the next one starts. */
export interface Page<T> {
  items: T[];
  cursor?: string;
}

const Cursor = z.record(z.string(), z.union([z.string(), z.number()]));

export const encodeCursor = (key?: Record<string, unknown>) =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

export function decodeCursor(cursor?: string): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    return Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new BadRequest('The cursor is not one this API gave out; start again without it');
  }
}
