import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { AllocationContention, BadRequest, Conflict, InvalidTransition, NotFound, SymbolConflict } from './errors';
import { DocumentRecord } from './document';
import { STATUSES, SubmissionRecord, type HistoryEntry, type Status } from './schemas';
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
    return Item ? SubmissionRecord.parse(withoutKeys(Item)) : undefined;
  }

  async function mustGetSubmission(id: string): Promise<SubmissionRecord> {
    const record = await getSubmission(id);
    if (!record) throw new NotFound(`No submission ${id}`);
    return record;
  }

  async function getCounter(name: string): Promise<Counter | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: counterKey(name), ConsistentRead: true }));
    return Item ? Counter.parse(Item) : undefined;
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
        return SubmissionRecord.parse(withoutKeys(Attributes ?? {}));
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
        items: (out.Items ?? []).map((i) => SubmissionRecord.parse(withoutKeys(i))),
        cursor: encodeCursor(out.LastEvaluatedKey),
      };
    },

    /** Submissions not yet PUBLISHED or FAILED, for the embedded stack to drive on when it starts. */
    async unfinishedSubmissions(): Promise<SubmissionRecord[]> {
      const unfinished: SubmissionRecord[] = [];
      for (const status of ['AWAITING_UPLOAD', 'RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED'] as const) {
        let cursor: Record<string, unknown> | undefined;
        do {
          const out = await doc.send(new QueryCommand({
            TableName: table, IndexName: INDEXES.byStatus.name,
            KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' },
            ExpressionAttributeValues: { ':s': status }, ExclusiveStartKey: cursor,
          }));
          unfinished.push(...(out.Items ?? []).map((i) => SubmissionRecord.parse(withoutKeys(i))));
          cursor = out.LastEvaluatedKey;
        } while (cursor);
      }
      return unfinished;
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

    /** Remembers that a session has published documents, for the home page (no Scan needed). */
    async addPublishedSession(body: string, session: number): Promise<void> {
      await doc.send(new UpdateCommand({
        TableName: table, Key: { pk: 'SITE', sk: 'SESSIONS' },
        UpdateExpression: 'ADD #sessions :s', ExpressionAttributeNames: { '#sessions': 'sessions' },
        ExpressionAttributeValues: { ':s': new Set([sessionKey(body, session)]) },
      }));
      await wrote('addPublishedSession');
    },

    async publishedSessions(): Promise<{ body: string; session: number }[]> {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: { pk: 'SITE', sk: 'SESSIONS' }, ConsistentRead: true }));
      const sessions = z.object({ sessions: z.set(z.string()) }).optional().parse(Item)?.sessions ?? new Set<string>();
      return [...sessions].map((s) => {
        const [body = '', session = '0'] = s.split('#');
        return { body, session: Number(session) };
      }).sort((a, b) => a.body.localeCompare(b.body) || b.session - a.session);
    },

    async getDocument(symbol: string): Promise<DocumentRecord | undefined> {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: documentKey(symbol) }));
      return Item ? DocumentRecord.parse(withoutKeys(Item)) : undefined;
    },

    /** A session's published documents, ordered by agenda item, then series and number. */
    async listSessionDocuments(body: string, session: number): Promise<DocumentRecord[]> {
      const documents: DocumentRecord[] = [];
      let cursor: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(new QueryCommand({
          TableName: table, IndexName: INDEXES.bySession.name,
          KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': INDEXES.bySession.partitionKey },
          ExpressionAttributeValues: { ':pk': `DOCS#${sessionKey(body, session)}` }, ExclusiveStartKey: cursor,
        }));
        documents.push(...(out.Items ?? []).map((i) => DocumentRecord.parse(withoutKeys(i))));
        cursor = out.LastEvaluatedKey;
      } while (cursor);
      return documents;
    },
  };
}
