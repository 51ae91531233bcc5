import { DeleteCommand, GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { InvalidTransition, NotFound } from '../../domain/errors';
import { STATUSES, SubmissionRecord, UNFINISHED_STATUSES, type HistoryEntry, type Status, type TranslationStatus } from '../../domain/schemas';
import { INDEXES } from '../table';
import {
  decodeCursor, encodeCursor, isConditionFailure, queryAll, sessionKey, withoutKeys, type Page, type TableContext,
} from './query';

/** Submissions: their records, every status change, and the lists the API, resume and expiry read. */
export type SubmissionStore = ReturnType<typeof createSubmissionStore>;

export interface SubmissionQuery {
  status?: Status;
  body?: string;
  session?: number;
  limit: number;
  cursor?: string;
}

export interface TransitionOptions {
  from: readonly Status[];
  detail?: string;
  set?: Record<string, unknown>;
  /** Fields to remove (optional ones of the record, e.g. `error`). */
  remove?: readonly (keyof SubmissionRecord)[];
}

const submissionKey = (id: string) => ({ pk: `SUB#${id}`, sk: 'SUB' });

/** An item that says it is an unfinished submission but does not parse as one: logged and counted, never fatal. */
export interface MalformedSubmission {
  pk: string;
  problem: string;
}

/** What the byStatus index says of a submission: enough to tell whether it agrees with the item. */
const IndexedSubmission = z.object({ id: z.string(), status: z.string(), updatedAt: z.string() });
export const indexStamp = (r: { status: string; updatedAt: string }) => `${r.status}@${r.updatedAt}`;

const parseSubmission = (item: Record<string, unknown>) => SubmissionRecord.parse(withoutKeys(item));

/** A retried step finds its submission already further along the flow: nothing to do. */
function isPast(current: Status, to: Status): boolean {
  if (current === 'FAILED' || to === 'FAILED') return false;
  return STATUSES.indexOf(current) > STATUSES.indexOf(to);
}

export function createSubmissionStore(ctx: TableContext) {
  const { doc, table, now, wrote } = ctx;

  async function getSubmission(id: string): Promise<SubmissionRecord | undefined> {
    const { Item } = await doc.send(new GetCommand({ TableName: table, Key: submissionKey(id), ConsistentRead: true }));
    return Item ? parseSubmission(Item) : undefined;
  }

  async function mustGetSubmission(id: string): Promise<SubmissionRecord> {
    const record = await getSubmission(id);
    if (!record) throw new NotFound(`No submission ${id}`);
    return record;
  }

  return {
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
     * Moves a submission from one of `from` to `to`, appending to its history, sets `set` and
     * removes `remove` (a redrive clears the current `error`; the history keeps the failure).
     * Idempotent: if the submission is already at `to`, it is returned unchanged.
     */
    async transition(id: string, to: Status, opts: TransitionOptions): Promise<SubmissionRecord> {
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
      const removes = (opts.remove ?? []).map((field, i) => {
        names[`#r${i}`] = field;
        return `#r${i}`;
      });
      const froms = opts.from.map((_, i) => `:from${i}`);
      opts.from.forEach((s, i) => (values[`:from${i}`] = s));
      try {
        const { Attributes } = await doc.send(new UpdateCommand({
          TableName: table,
          Key: submissionKey(id),
          UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
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

    /**
     * Records the name of the execution about to be started for a submission under a name not its
     * id, before it is started: resume-stalled then looks at that execution, not at the first one.
     */
    async recordExecution(id: string, name: string): Promise<void> {
      await doc.send(new UpdateCommand({
        TableName: table,
        Key: submissionKey(id),
        UpdateExpression: 'SET #execution = :name',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeNames: { '#execution': 'execution' },
        ExpressionAttributeValues: { ':name': name },
      }));
      await wrote('recordExecution');
    },

    /**
     * Records that versions of a published submission's parts changed status (a translation
     * arrived): one update of those entries of its `translations`, so two languages arriving at
     * once do not overwrite each other. Setting a status twice is a no-op.
     */
    async setTranslationStatuses(id: string, versions: readonly { part: string; language: string; status: TranslationStatus }[]): Promise<void> {
      const names: Record<string, string> = { '#t': 'translations' };
      const values: Record<string, unknown> = {};
      const sets = versions.map((v, i) => {
        names[`#p${i}`] = v.part;
        names[`#l${i}`] = v.language;
        values[`:s${i}`] = v.status;
        return `#t.#p${i}.#l${i} = :s${i}`;
      });
      if (!sets.length) return;
      await doc.send(new UpdateCommand({
        TableName: table, Key: submissionKey(id),
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: 'attribute_exists(#t)',
        ExpressionAttributeNames: names, ExpressionAttributeValues: values,
      }));
      await wrote('setTranslationStatuses');
    },

    async listSubmissions(q: SubmissionQuery): Promise<Page<SubmissionRecord>> {
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

    /**
     * Submissions not yet PUBLISHED or FAILED, read from the items themselves (a paginated Scan),
     * not through the byStatus index: a SIGKILL can tear dynalite's index from its item (it writes
     * index entries, then the item), and that submission would never be found again. An item that
     * does not parse is reported, not thrown, so one bad record cannot stop a sweep.
     */
    async scanUnfinishedSubmissions(): Promise<{ records: SubmissionRecord[]; malformed: MalformedSubmission[] }> {
      const records: SubmissionRecord[] = [];
      const malformed: MalformedSubmission[] = [];
      const values: Record<string, unknown> = { ':sub': 'SUB' };
      UNFINISHED_STATUSES.forEach((s, i) => (values[`:u${i}`] = s));
      let cursor: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(new ScanCommand({
          TableName: table,
          FilterExpression: `#sk = :sub AND #status IN (${UNFINISHED_STATUSES.map((_, i) => `:u${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#sk': 'sk', '#status': 'status' },
          ExpressionAttributeValues: values,
          ExclusiveStartKey: cursor,
        }));
        for (const item of out.Items ?? []) {
          const parsed = SubmissionRecord.safeParse(withoutKeys(item));
          if (parsed.success) records.push(parsed.data);
          else malformed.push({ pk: String(item.pk), problem: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
        }
        cursor = out.LastEvaluatedKey;
      } while (cursor);
      return { records, malformed };
    },

    /** Every submission the byStatus index holds under an unfinished status, as `id → indexStamp` (to compare with the items). */
    async indexedUnfinished(): Promise<Map<string, string>> {
      const indexed = new Map<string, string>();
      for (const status of UNFINISHED_STATUSES) {
        const entries = await queryAll(ctx, {
          IndexName: INDEXES.byStatus.name,
          KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': INDEXES.byStatus.partitionKey },
          ExpressionAttributeValues: { ':s': status },
        }, (item) => IndexedSubmission.safeParse(item));
        for (const e of entries) if (e.success) indexed.set(e.data.id, indexStamp(e.data));
      }
      return indexed;
    },

    /**
     * Writes the item again as it is, so that dynalite rebuilds every index entry of it (it puts
     * them on each write of the item). Conditional on the status and updatedAt read, so it never
     * undoes a transition made since; false when one was. In AWS this is a no-op write.
     */
    async repairIndexEntries(record: Pick<SubmissionRecord, 'id' | 'status' | 'updatedAt'>): Promise<boolean> {
      try {
        await doc.send(new UpdateCommand({
          TableName: table, Key: submissionKey(record.id),
          UpdateExpression: 'SET #status = :status',
          ConditionExpression: '#status = :status AND #updatedAt = :updatedAt',
          ExpressionAttributeNames: { '#status': 'status', '#updatedAt': 'updatedAt' },
          ExpressionAttributeValues: { ':status': record.status, ':updatedAt': record.updatedAt },
        }));
      } catch (e) {
        if (!isConditionFailure(e)) throw e;
        return false;
      }
      await wrote('repairIndexEntries');
      return true;
    },

    /** Submissions not yet PUBLISHED or FAILED, through the byStatus index (see scanUnfinishedSubmissions for why resume does not use it). */
    async unfinishedSubmissions(): Promise<SubmissionRecord[]> {
      const unfinished: SubmissionRecord[] = [];
      for (const status of UNFINISHED_STATUSES) {
        unfinished.push(...await queryAll(ctx, {
          IndexName: INDEXES.byStatus.name,
          KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': INDEXES.byStatus.partitionKey },
          ExpressionAttributeValues: { ':s': status },
        }, parseSubmission));
      }
      return unfinished;
    },

    /** Submissions still AWAITING_UPLOAD that were created before `createdBefore` (ISO), oldest first. */
    async awaitingUploadSince(createdBefore: string): Promise<SubmissionRecord[]> {
      return queryAll(ctx, {
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
  };
}
