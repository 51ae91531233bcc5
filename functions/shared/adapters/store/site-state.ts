import { BatchWriteCommand, GetCommand, QueryCommand, UpdateCommand, type BatchWriteCommandOutput } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { DocumentRecord } from '../../domain/document';
import type { DocumentStore } from './documents';
import { BATCH_WRITE, backoff, chunks, fromSessionKey, isConditionFailure, sessionKey, type TableContext } from './query';

/**
 * What publishing keeps to rewrite only what a publication touches (see functions/publish/publish.ts):
 * each session's symbols and version, the site's sessions and version, the latest documents.
 */
export type SiteStateStore = ReturnType<typeof createSiteStateStore>;
export type SiteState = Awaited<ReturnType<SiteStateStore['siteState']>>;

/**
 * A session's published symbols (a set: adding one twice is a no-op), its version, moved on by
 * every publication in it, and the symbols whose pages its next render rewrites (`pending`); its
 * list writer's lease and what its renders included are in ./list-renders.ts.
 */
export const sessionItemKey = (body: string, session: number) => ({ pk: `SESSION#${sessionKey(body, session)}`, sk: 'SESSION' });
/** The site: its sessions, each session's count of documents and its version (and its list writer's lease). */
export const SITE_KEY = { pk: 'SITE', sk: 'SESSIONS' } as const;
/** One small item per document under one partition, newest last: the latest N are one bounded, consistent Query. */
const LATEST_PK = 'LATEST';
const siteCountAttribute = (key: string) => `count#${key}`;

const SessionItem = z.object({ version: z.number().default(0), symbols: z.set(z.string()).default(() => new Set<string>()) });
const SiteItem = z.looseObject({
  version: z.number().default(0),
  sessions: z.set(z.string()).default(() => new Set<string>()),
});
const LatestItem = z.object({ symbol: z.string() });

/** The latest documents are read back as documents, so this store reads through the document store. */
export function createSiteStateStore(ctx: TableContext, documents: Pick<DocumentStore, 'getDocuments'>) {
  const { doc, table, wrote } = ctx;
  return {
    /**
     * Adds published symbols to their session (and to its `pending` ones, whose pages the session's
     * next render rewrites) and moves the session's version on. Adding to a set is idempotent, so a
     * retried publication is counted once; a second increment of the version only costs one more
     * render. Returns the session's version and count of documents after the write.
     */
    async addToSession(body: string, session: number, symbols: readonly string[]): Promise<{ version: number; documents: number }> {
      const { Attributes } = await doc.send(new UpdateCommand({
        TableName: table, Key: sessionItemKey(body, session),
        UpdateExpression: 'ADD #symbols :symbols, #pending :symbols, #version :one',
        ExpressionAttributeNames: { '#symbols': 'symbols', '#pending': 'pending', '#version': 'version' },
        ExpressionAttributeValues: { ':symbols': new Set(symbols), ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }));
      await wrote('addToSession');
      const item = SessionItem.parse(Attributes ?? {});
      return { version: item.version, documents: item.symbols.size };
    },

    /** A session's version and published symbols, read strongly consistent. */
    async sessionState(body: string, session: number): Promise<{ version: number; symbols: string[] }> {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: sessionItemKey(body, session), ConsistentRead: true }));
      const item = SessionItem.parse(Item ?? {});
      return { version: item.version, symbols: [...item.symbols].sort() };
    },

    /**
     * Records documents among the latest published: plain puts keyed by publishedAt (or, for a
     * language version issued later, the time it was issued), which a re-run keeps, so idempotent.
     */
    async addToLatest(latest: readonly Pick<DocumentRecord, 'symbol' | 'publishedAt'>[]): Promise<void> {
      for (const batch of chunks(latest, BATCH_WRITE)) {
        let requests: Record<string, unknown>[] | undefined = batch.map((d) => ({
          PutRequest: { Item: { pk: LATEST_PK, sk: `${d.publishedAt}#${d.symbol}`, symbol: d.symbol, publishedAt: d.publishedAt } },
        }));
        for (let attempt = 0; requests?.length; attempt++) {
          if (attempt > 0) await backoff(attempt);
          const out: BatchWriteCommandOutput = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
          requests = out.UnprocessedItems?.[table];
        }
      }
      await wrote('addToLatest');
    },

    /** The `limit` most recently published documents, newest first: one bounded Query whatever the site's size. */
    async latestDocuments(limit: number): Promise<DocumentRecord[]> {
      const out = await doc.send(new QueryCommand({
        TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': LATEST_PK },
        ScanIndexForward: false, Limit: limit, ConsistentRead: true,
      }));
      // A document is there once per issue (its publication, each language version issued later).
      return documents.getDocuments([...new Set((out.Items ?? []).map((i) => LatestItem.parse(i).symbol))]);
    },

    /**
     * Records a session on the site with its count of documents (raised, never lowered: concurrent
     * publications may report their counts in any order) and moves the site's version on; returns
     * the site's version after the write.
     */
    async addToSite(body: string, session: number, count: number): Promise<{ version: number }> {
      const key = sessionKey(body, session);
      const bump = {
        TableName: table, Key: SITE_KEY,
        ExpressionAttributeValues: { ':s': new Set([key]), ':one': 1 } as Record<string, unknown>,
        ExpressionAttributeNames: { '#sessions': 'sessions', '#version': 'version' } as Record<string, string>,
      };
      let out;
      try {
        out = await doc.send(new UpdateCommand({
          ...bump,
          UpdateExpression: 'ADD #sessions :s, #version :one SET #count = :n',
          ConditionExpression: 'attribute_not_exists(#count) OR #count <= :n',
          ExpressionAttributeNames: { ...bump.ExpressionAttributeNames, '#count': siteCountAttribute(key) },
          ExpressionAttributeValues: { ...bump.ExpressionAttributeValues, ':n': count },
          ReturnValues: 'UPDATED_NEW',
        }));
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        out = await doc.send(new UpdateCommand({ ...bump, UpdateExpression: 'ADD #sessions :s, #version :one', ReturnValues: 'UPDATED_NEW' }));
      }
      await wrote('addToSite');
      return { version: z.number().parse(out.Attributes?.version) };
    },

    /** The site's version and its sessions with their counts of documents. */
    async siteState(): Promise<{ version: number; sessions: { body: string; session: number; documents: number }[] }> {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: SITE_KEY, ConsistentRead: true }));
      const item = SiteItem.parse(Item ?? {});
      const sessions = [...item.sessions].map((key) => {
        const n = z.number().optional().parse(item[siteCountAttribute(key)]);
        return { ...fromSessionKey(key), documents: n ?? 0 };
      }).sort((a, b) => a.body.localeCompare(b.body) || b.session - a.session);
      return { version: item.version, sessions };
    },
  };
}
