import { BatchGetCommand, GetCommand, PutCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DocumentRecord } from '../../domain/document';
import { INDEXES } from '../table';
import { BATCH_GET, backoff, chunks, isConditionFailure, queryAll, sessionKey, withoutKeys, type TableContext } from './query';

/** Published documents, by symbol and by session. */
export type DocumentStore = ReturnType<typeof createDocumentStore>;

const documentKey = (symbol: string) => ({ pk: `DOC#${symbol}`, sk: 'DOC' });

const parseDocument = (item: Record<string, unknown>) => DocumentRecord.parse(withoutKeys(item));

export function createDocumentStore(ctx: TableContext) {
  const { doc, table, wrote } = ctx;

  /** Documents by symbol, read strongly consistent, in the order asked; symbols with no document are left out. */
  async function getDocuments(symbols: readonly string[]): Promise<DocumentRecord[]> {
    const found = new Map<string, DocumentRecord>();
    for (const batch of chunks([...new Set(symbols)], BATCH_GET)) {
      let keys: Record<string, unknown>[] | undefined = batch.map(documentKey);
      for (let attempt = 0; keys?.length; attempt++) {
        if (attempt > 0) await backoff(attempt);
        const out: BatchGetCommandOutput = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }));
        for (const item of out.Responses?.[table] ?? []) {
          const d = parseDocument(item);
          found.set(d.symbol, d);
        }
        keys = out.UnprocessedKeys?.[table]?.Keys;
      }
    }
    return symbols.flatMap((s) => found.get(s) ?? []);
  }

  const item = (document: DocumentRecord) => ({
    ...documentKey(document.symbol),
    gsi1pk: `DOCS#${sessionKey(document.body, document.session)}`,
    gsi1sk: `${String(document.agendaItem).padStart(3, '0')}#${document.series}#${String(document.number).padStart(7, '0')}`,
    ...document,
  });

  return {
    async putDocument(document: DocumentRecord): Promise<void> {
      await doc.send(new PutCommand({ TableName: table, Item: item(document) }));
      await wrote('putDocument');
    },

    /**
     * Writes a changed document over the revision it was read at (`revision` absent counts as 0),
     * with its revision moved on; false if another change landed first (read it again and redo).
     */
    async reviseDocument(document: DocumentRecord): Promise<boolean> {
      const read = document.revision ?? 0;
      try {
        await doc.send(new PutCommand({
          TableName: table,
          Item: item({ ...document, revision: read + 1 }),
          ConditionExpression: read === 0 ? 'attribute_exists(pk) AND attribute_not_exists(revision)' : 'revision = :read',
          ...(read === 0 ? {} : { ExpressionAttributeValues: { ':read': read } }),
        }));
      } catch (e) {
        if (isConditionFailure(e)) return false;
        throw e;
      }
      await wrote('reviseDocument');
      return true;
    },

    /** A document; `consistent` for a read a write will be conditioned on. */
    async getDocument(symbol: string, consistent = false): Promise<DocumentRecord | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: documentKey(symbol), ConsistentRead: consistent }));
      return Item ? parseDocument(Item) : undefined;
    },

    /** A session's published documents, ordered by agenda item, then series and number. */
    async listSessionDocuments(body: string, session: number): Promise<DocumentRecord[]> {
      return queryAll(ctx, {
        IndexName: INDEXES.bySession.name,
        KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': INDEXES.bySession.partitionKey },
        ExpressionAttributeValues: { ':pk': `DOCS#${sessionKey(body, session)}` },
      }, parseDocument);
    },

    getDocuments,
  };
}
