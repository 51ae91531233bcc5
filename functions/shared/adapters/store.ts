import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand, BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand,
  type BatchGetCommandOutput, type BatchWriteCommandOutput, type DynamoDBDocumentClient, type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { AllocationContention, BadRequest, Conflict, InvalidTransition, NotFound, SymbolConflict } from '../domain/errors';
import { DocumentRecord } from '../domain/document';
import { STATUSES, SubmissionRecord, type HistoryEntry, type Status } from '../domain/schemas';
import { INDEXES } from './table';

/**
 * All DynamoDB access. Every write is a conditional single-item write (no transactions: the
 * embedded stack's emulator has none), so each step can be retried after a crash at any point.
 */
export type Store = ReturnType<typeof createStore>;

const submissionKey = (id: string) => ({ pk: `SUB#${id}`, sk: 'SUB' });
const documentKey = (symbol: string) => ({ pk: `DOC#${symbol}`, sk: 'DOC' });
const counterKey = (name: string) => ({ pk: `COUNTER#${name}`, sk: 'COUNTER' });
const symbolKey = (symbol: string) => ({ pk: `SYMBOL#${symbol}`, sk: 'SYMBOL' });
export const sessionKey = (body: string, session: number) => `${body}#${session}`;

// What publishing keeps to rewrite only what a publication touches (see functions/publish/publish.ts).
/** A session's published symbols (a set: adding one twice is a no-op) and its version, moved on by every publication in it. */
const sessionItemKey = (body: string, session: number) => ({ pk: `SESSION#${sessionKey(body, session)}`, sk: 'SESSION' });
/** The site: its sessions, each session's count of documents, its version, and the sessions already in the site's indexes. */
const SITE_KEY = { pk: 'SITE', sk: 'SESSIONS' } as const;
/** One small item per document under one partition, newest last: the latest N are one bounded, consistent Query. */
const LATEST_PK = 'LATEST';
const siteCountAttribute = (key: string) => `count#${key}`;
function fromSessionKey(key: string): { body: string; session: number } {
  const [body = '', session = '0'] = key.split('#');
  return { body, session: Number(session) };
}
const SessionItem = z.object({ version: z.number().default(0), symbols: z.set(z.string()).default(() => new Set<string>()) });
const SiteItem = z.looseObject({
  version: z.number().default(0),
  sessions: z.set(z.string()).default(() => new Set<string>()),
  indexed: z.set(z.string()).default(() => new Set<string>()),
});
const LatestItem = z.object({ symbol: z.string() });
/** BatchGetItem takes at most 100 keys, BatchWriteItem 25 requests. */
const BATCH_GET = 100;
const BATCH_WRITE = 25;
const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A retried step finds its submission already further along the flow: nothing to do. */
function isPast(current: Status, to: Status): boolean {
  if (current === 'FAILED' || to === 'FAILED') return false;
  return STATUSES.indexOf(current) > STATUSES.indexOf(to);
}

const isConditionFailure = (e: unknown) =>
  e instanceof ConditionalCheckFailedException || (e instanceof Error && e.name === 'ConditionalCheckFailedException');

/** Strips the table's own attributes from an item before it is parsed as a domain record. */
function withoutKeys(item: Record<string, unknown>): Record<string, unknown> {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g1s, gsi3pk: _g3, ...rest } = item;
  return rest;
}

const parseSubmission = (item: Record<string, unknown>) => SubmissionRecord.parse(withoutKeys(item));

/** A numbering counter: the next number, where it started, who took which number, and its audit trail. */
export const Counter = z.object({
  next: z.number(),
  first: z.number().optional(),
  claims: z.record(z.string(), z.number()),
  history: z.array(z.object({ at: z.string(), action: z.string(), start: z.number(), by: z.string() })).default([]),
});
export type Counter = z.infer<typeof Counter>;

export interface Page<T> {
  items: T[];
  cursor?: string;
}

const Cursor = z.record(z.string(), z.union([z.string(), z.number()]));
const encodeCursor = (key?: Record<string, unknown>) =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
function decodeCursor(cursor?: string): Record<string, unknown> | undefined {
  if (!cursor) return undefined;
  try {
    return Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new BadRequest('The cursor is not one this API gave out; start again without it');
  }
}

export interface StoreOptions {
  clock?: () => Date;
  /**
   * Test hook: called after every write has succeeded, with the write's name. A hook that throws
   * stands for the process dying between two writes, so tests can check every step survives it.
   */
  afterWrite?: (write: string) => void | Promise<void>;
}

export function createStore(doc: DynamoDBDocumentClient, table: string, options: StoreOptions = {}) {
  const clock = options.clock ?? (() => new Date());
  const now = () => clock().toISOString();
  const wrote = async (write: string) => options.afterWrite?.(write);

  async function getSubmission(id: string): Promise<SubmissionRecord | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: submissionKey(id), ConsistentRead: true }));
    return Item ? parseSubmission(Item) : undefined;
  }

  async function mustGetSubmission(id: string): Promise<SubmissionRecord> {
    const record = await getSubmission(id);
    if (!record) throw new NotFound(`No submission ${id}`);
    return record;
  }

  /** Every page of a query, parsed: the loops over LastEvaluatedKey in one place. */
  async function queryAll<T>(query: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>, parse: (item: Record<string, unknown>) => T): Promise<T[]> {
    const results: T[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const out = await doc.send(new QueryCommand({ ...query, TableName: table, ExclusiveStartKey: cursor }));
      results.push(...(out.Items ?? []).map(parse));
      cursor = out.LastEvaluatedKey;
    } while (cursor);
    return results;
  }

  async function getCounter(name: string): Promise<Counter | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: counterKey(name), ConsistentRead: true }));
    return Item ? Counter.parse(Item) : undefined;
  }

  /** Documents by symbol, read strongly consistent, in the order asked; symbols with no document are left out. */
  async function getDocuments(symbols: readonly string[]): Promise<DocumentRecord[]> {
    const found = new Map<string, DocumentRecord>();
    for (const batch of chunks([...new Set(symbols)], BATCH_GET)) {
      let keys: Record<string, unknown>[] | undefined = batch.map(documentKey);
      for (let attempt = 0; keys?.length; attempt++) {
        if (attempt > 0) await pause(Math.min(1000, 25 * 2 ** attempt));
        const out: BatchGetCommandOutput = await doc.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys, ConsistentRead: true } } }));
        for (const item of out.Responses?.[table] ?? []) {
          const d = DocumentRecord.parse(withoutKeys(item));
          found.set(d.symbol, d);
        }
        keys = out.UnprocessedKeys?.[table]?.Keys;
      }
    }
    return symbols.flatMap((s) => found.get(s) ?? []);
  }

  return {
    now,
    getSubmission,
    mustGetSubmission,

    async createSubmission(record: SubmissionRecord): Promise<void> {
      const s = record.submission;
      await doc.send(new PutCommand({
        TableName: table,
        Item: {
          ...submissionKey(record.id),
          gsi1pk: `SUBS#${sessionKey(s.body, s.session)}`,
          gsi1sk: `${record.createdAt}#${record.id}`,
          gsi3pk: 'SUBMISSION',
          ...record,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
      await wrote('createSubmission');
    },

    /**
     * Moves a submission from one of `from` to `to`, appending to its history, and sets `set`.
     * Idempotent: if the submission is already at `to`, it is returned unchanged.
     */
    async transition(id: string, to: Status, opts: { from: readonly Status[]; detail?: string; set?: Record<string, unknown> }): Promise<SubmissionRecord> {
      const at = now();
      const entry: HistoryEntry = { at, status: to, ...(opts.detail ? { detail: opts.detail } : {}) };
      const names: Record<string, string> = { '#status': 'status', '#history': 'history', '#updatedAt': 'updatedAt' };
      const values: Record<string, unknown> = { ':to': to, ':entry': [entry], ':at': at };
      const sets = ['#status = :to', '#updatedAt = :at', '#history = list_append(#history, :entry)'];
      Object.entries(opts.set ?? {}).forEach(([field, value], i) => {
        names[`#f${i}`] = field;
        values[`:f${i}`] = value;
        sets.push(`#f${i} = :f${i}`);
      });
      const froms = opts.from.map((_, i) => `:from${i}`);
      opts.from.forEach((s, i) => (values[`:from${i}`] = s));
      try {
        const { Attributes } = await doc.send(new UpdateCommand({
          TableName: table,
          Key: submissionKey(id),
          UpdateExpression: `SET ${sets.join(', ')}`,
          ConditionExpression: `attribute_exists(pk) AND #status IN (${froms.join(', ')})`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }));
        await wrote(`transition:${to}`);
        return parseSubmission(Attributes ?? {});
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        const current = await mustGetSubmission(id);
        if (current.status === to || isPast(current.status, to)) return current;
        throw new InvalidTransition(`Submission ${id} is ${current.status}; it cannot become ${to}`);
      }
    },

    async listSubmissions(q: { status?: Status; body?: string; session?: number; limit: number; cursor?: string }): Promise<Page<SubmissionRecord>> {
      const filters: string[] = [];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      let index: (typeof INDEXES)[keyof typeof INDEXES];
      if (q.session !== undefined && q.body) {
        index = INDEXES.bySession;
        names['#pk'] = index.partitionKey;
        values[':pk'] = `SUBS#${sessionKey(q.body, q.session)}`;
        if (q.status) {
          filters.push('#status = :status');
          names['#status'] = 'status';
          values[':status'] = q.status;
        }
      } else if (q.status) {
        index = INDEXES.byStatus;
        names['#pk'] = index.partitionKey;
        values[':pk'] = q.status;
      } else {
        index = INDEXES.byCreated;
        names['#pk'] = index.partitionKey;
        values[':pk'] = 'SUBMISSION';
      }
      const out = await doc.send(new QueryCommand({
        TableName: table,
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        Limit: q.limit,
        ScanIndexForward: false,
        ExclusiveStartKey: decodeCursor(q.cursor),
      }));
      return {
        items: (out.Items ?? []).map(parseSubmission),
        cursor: encodeCursor(out.LastEvaluatedKey),
      };
    },

    /** Submissions not yet PUBLISHED or FAILED, for the embedded stack to drive on when it starts. */
    async unfinishedSubmissions(): Promise<SubmissionRecord[]> {
      const unfinished: SubmissionRecord[] = [];
      for (const status of ['AWAITING_UPLOAD', 'RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED'] as const) {
        unfinished.push(...await queryAll({
          IndexName: INDEXES.byStatus.name,
          KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': INDEXES.byStatus.partitionKey },
          ExpressionAttributeValues: { ':s': status },
        }, parseSubmission));
      }
      return unfinished;
    },

    /** Submissions still AWAITING_UPLOAD that were created before `createdBefore` (ISO), oldest first. */
    async awaitingUploadSince(createdBefore: string): Promise<SubmissionRecord[]> {
      return queryAll({
        IndexName: INDEXES.byStatus.name,
        KeyConditionExpression: '#s = :s AND #c < :before',
        ExpressionAttributeNames: { '#s': INDEXES.byStatus.partitionKey, '#c': INDEXES.byStatus.sortKey },
        ExpressionAttributeValues: { ':s': 'AWAITING_UPLOAD', ':before': createdBefore },
      }, parseSubmission);
    },

    /**
     * Deletes a submission that is still AWAITING_UPLOAD; false when it is not (gone already, or
     * its files came and its workflow moved it on).
     */
    async deleteSubmissionIfAwaiting(id: string): Promise<boolean> {
      try {
        await doc.send(new DeleteCommand({
          TableName: table, Key: submissionKey(id),
          ConditionExpression: '#status = :awaiting',
          ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':awaiting': 'AWAITING_UPLOAD' },
        }));
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        return false;
      }
      await wrote('deleteSubmission');
      return true;
    },

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

    async putDocument(document: DocumentRecord): Promise<void> {
      await doc.send(new PutCommand({
        TableName: table,
        Item: {
          ...documentKey(document.symbol),
          gsi1pk: `DOCS#${sessionKey(document.body, document.session)}`,
          gsi1sk: `${String(document.agendaItem).padStart(3, '0')}#${document.series}#${String(document.number).padStart(7, '0')}`,
          ...document,
        },
      }));
      await wrote('putDocument');
    },

    async getDocument(symbol: string): Promise<DocumentRecord | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: documentKey(symbol) }));
      return Item ? DocumentRecord.parse(withoutKeys(Item)) : undefined;
    },

    /** A session's published documents, ordered by agenda item, then series and number. */
    async listSessionDocuments(body: string, session: number): Promise<DocumentRecord[]> {
      return queryAll({
        IndexName: INDEXES.bySession.name,
        KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': INDEXES.bySession.partitionKey },
        ExpressionAttributeValues: { ':pk': `DOCS#${sessionKey(body, session)}` },
      }, (i) => DocumentRecord.parse(withoutKeys(i)));
    },

    getDocuments,

    /**
     * Adds published symbols to their session and moves the session's version on. Adding to a set
     * is idempotent, so a retried publication is counted once; a second increment of the version
     * only costs one more render. Returns the session's count of documents after the write.
     */
    async addToSession(body: string, session: number, symbols: readonly string[]): Promise<{ version: number; documents: number }> {
      const { Attributes } = await doc.send(new UpdateCommand({
        TableName: table, Key: sessionItemKey(body, session),
        UpdateExpression: 'ADD #symbols :symbols, #version :one',
        ExpressionAttributeNames: { '#symbols': 'symbols', '#version': 'version' },
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

    /** Records documents among the latest published: plain puts keyed by publishedAt, which a re-run keeps, so idempotent. */
    async addToLatest(documents: readonly Pick<DocumentRecord, 'symbol' | 'publishedAt'>[]): Promise<void> {
      for (const batch of chunks(documents, BATCH_WRITE)) {
        let requests: Record<string, unknown>[] | undefined = batch.map((d) => ({
          PutRequest: { Item: { pk: LATEST_PK, sk: `${d.publishedAt}#${d.symbol}`, symbol: d.symbol, publishedAt: d.publishedAt } },
        }));
        for (let attempt = 0; requests?.length; attempt++) {
          if (attempt > 0) await pause(Math.min(1000, 25 * 2 ** attempt));
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
      return getDocuments((out.Items ?? []).map((i) => LatestItem.parse(i).symbol));
    },

    /**
     * Records a session on the site with its count of documents (raised, never lowered: concurrent
     * publications may report their counts in any order) and moves the site's version on.
     */
    async addToSite(body: string, session: number, documents: number): Promise<void> {
      const key = sessionKey(body, session);
      const bump = {
        TableName: table, Key: SITE_KEY,
        ExpressionAttributeValues: { ':s': new Set([key]), ':one': 1 } as Record<string, unknown>,
        ExpressionAttributeNames: { '#sessions': 'sessions', '#version': 'version' } as Record<string, string>,
      };
      try {
        await doc.send(new UpdateCommand({
          ...bump,
          UpdateExpression: 'ADD #sessions :s, #version :one SET #count = :n',
          ConditionExpression: 'attribute_not_exists(#count) OR #count <= :n',
          ExpressionAttributeNames: { ...bump.ExpressionAttributeNames, '#count': siteCountAttribute(key) },
          ExpressionAttributeValues: { ...bump.ExpressionAttributeValues, ':n': documents },
        }));
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        await doc.send(new UpdateCommand({ ...bump, UpdateExpression: 'ADD #sessions :s, #version :one' }));
      }
      await wrote('addToSite');
    },

    /** The site's version, its sessions with their counts of documents, and the sessions already in its indexes. */
    async siteState(): Promise<{ version: number; sessions: { body: string; session: number; documents: number }[]; indexed: { body: string; session: number }[] }> {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: SITE_KEY, ConsistentRead: true }));
      const item = SiteItem.parse(Item ?? {});
      const sessions = [...item.sessions].map((key) => {
        const count = z.number().optional().parse(item[siteCountAttribute(key)]);
        return { ...fromSessionKey(key), documents: count ?? 0 };
      }).sort((a, b) => a.body.localeCompare(b.body) || b.session - a.session);
      return { version: item.version, sessions, indexed: [...item.indexed].map(fromSessionKey) };
    },

    /** Records that the site's indexes (sitemap index, search index) have been written with this session in them. */
    async markIndexed(body: string, session: number): Promise<void> {
      await doc.send(new UpdateCommand({
        TableName: table, Key: SITE_KEY, UpdateExpression: 'ADD #indexed :s',
        ExpressionAttributeNames: { '#indexed': 'indexed' }, ExpressionAttributeValues: { ':s': new Set([sessionKey(body, session)]) },
      }));
      await wrote('markIndexed');
    },
  };
}
