import { GetCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { SITE_KEY, sessionItemKey } from './site-state';
import { isConditionFailure, type TableContext } from './query';

/**
 * The lists that show many documents have one writer at a time: a session's lists (page,
 * catalogue, feed, search shard, sitemap) under its session item, the site's (home page, feed,
 * indexes) under the site item. A writer holds the item's lease (an owner and an expiry, taken
 * and renewed by conditional updates), renders what the item's version says, and records the
 * version its render included (`renderedVersion`), which is how a publication knows it is listed.
 * See functions/render-lists/render-lists.ts for the protocol.
 */
export type ListGroup = { kind: 'session'; body: string; session: number } | { kind: 'site' };

export type ListRenderStore = ReturnType<typeof createListRenderStore>;

const keyOf = (g: ListGroup) => (g.kind === 'site' ? SITE_KEY : sessionItemKey(g.body, g.session));

const ListItem = z.looseObject({
  version: z.number().default(0),
  renderedVersion: z.number().default(0),
  renders: z.number().default(0),
  pending: z.set(z.string()).default(() => new Set<string>()),
  symbols: z.set(z.string()).default(() => new Set<string>()),
  lease: z.object({ owner: z.string(), until: z.number() }).optional(),
});

export interface ListGroupState {
  /** Moved on by every change to what the group's lists show. */
  version: number;
  /** The version the last completed render included: every change up to it is on the site. */
  renderedVersion: number;
  /** How many renders the group has had (for the bench: renders per publication). */
  renders: number;
  /** Symbols whose own pages the next render rewrites (a session's new or re-published documents). */
  pending: string[];
  /** A session's published symbols, read with its version (none for the site). */
  symbols: string[];
  lease?: { owner: string; until: number };
}

const LEASE = { '#lease': 'lease', '#owner': 'owner', '#until': 'until' };

/** Runs a conditional write: true if it was made, false if its condition did not hold. */
async function conditionally(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (e) {
    if (isConditionFailure(e)) return false;
    throw e;
  }
}

/** The group's state from its item (as read, or as an update left it). */
function stateOf(raw: Record<string, unknown> | undefined): ListGroupState {
  const item = ListItem.parse(raw ?? {});
  return {
    version: item.version, renderedVersion: item.renderedVersion, renders: item.renders,
    pending: [...item.pending].sort(), symbols: [...item.symbols].sort(), ...(item.lease ? { lease: item.lease } : {}),
  };
}

export function createListRenderStore(ctx: TableContext) {
  const { doc, table, wrote } = ctx;
  /** A conditional update answering the item as it left it (as strongly consistent as a read), or undefined if its condition did not hold. */
  async function updateState(command: ConstructorParameters<typeof UpdateCommand>[0], write: string): Promise<ListGroupState | undefined> {
    let state: ListGroupState | undefined;
    const made = await conditionally(async () => {
      state = stateOf((await doc.send(new UpdateCommand({ ...command, ReturnValues: 'ALL_NEW' }))).Attributes);
    });
    if (made) await wrote(write);
    return state;
  }
  return {
    /** The group's version, what its renders included, its pending symbols and its lease, read strongly consistent. */
    async listGroupState(g: ListGroup): Promise<ListGroupState> {
      const { Item } = await doc.send(new GetCommand({ TableName: table, Key: keyOf(g), ConsistentRead: true }));
      return stateOf(Item);
    },

    /**
     * Takes the group's lease until `until` (ms) if nobody holds it, it has expired at `now`, or
     * `owner` holds it: the group's state once taken (the writer's first round renders from it), or
     * undefined if another holds it.
     */
    async takeLease(g: ListGroup, owner: string, until: number, now: number): Promise<ListGroupState | undefined> {
      return updateState({
        TableName: table, Key: keyOf(g),
        UpdateExpression: 'SET #lease = :lease',
        ConditionExpression: 'attribute_not_exists(#lease) OR #lease.#until < :now OR #lease.#owner = :owner',
        ExpressionAttributeNames: LEASE,
        ExpressionAttributeValues: { ':lease': { owner, until }, ':now': now, ':owner': owner },
      }, 'takeLease');
    },

    /**
     * Records, as the lease's owner, that a render included everything up to `version`, and renews
     * the lease until `until`: the group's state after (has the version moved since?), or undefined
     * when the lease is no longer `owner`'s (it expired and was taken).
     */
    async recordRender(g: ListGroup, owner: string, version: number, until: number): Promise<ListGroupState | undefined> {
      return updateState({
        TableName: table, Key: keyOf(g),
        UpdateExpression: 'SET #rendered = :version, #lease.#until = :until ADD #renders :one',
        ConditionExpression: '#lease.#owner = :owner',
        ExpressionAttributeNames: { ...LEASE, '#rendered': 'renderedVersion', '#renders': 'renders' },
        ExpressionAttributeValues: { ':version': version, ':until': until, ':owner': owner, ':one': 1 },
      }, 'recordRender');
    },

    /**
     * The writer's last step, in one update: forgets the pending symbols its render rewrote and
     * gives the lease up, only if nothing was published since (the version is still `version`) and
     * the lease is still `owner`'s. False if either moved: the writer goes round again.
     */
    async finishRender(g: ListGroup, owner: string, symbols: readonly string[], version: number): Promise<boolean> {
      const finished = await conditionally(() => doc.send(new UpdateCommand({
        TableName: table, Key: keyOf(g),
        UpdateExpression: symbols.length ? 'DELETE #pending :symbols REMOVE #lease' : 'REMOVE #lease',
        ConditionExpression: '#version = :version AND #lease.#owner = :owner',
        ExpressionAttributeNames: { '#lease': 'lease', '#owner': 'owner', '#version': 'version', ...(symbols.length ? { '#pending': 'pending' } : {}) },
        ExpressionAttributeValues: { ':version': version, ':owner': owner, ...(symbols.length ? { ':symbols': new Set(symbols) } : {}) },
      })));
      if (finished) await wrote('finishRender');
      return finished;
    },

    /** Gives the lease up, if `owner` still holds it. */
    async releaseLease(g: ListGroup, owner: string): Promise<void> {
      await conditionally(() => doc.send(new UpdateCommand({
        TableName: table, Key: keyOf(g),
        UpdateExpression: 'REMOVE #lease',
        ConditionExpression: '#lease.#owner = :owner',
        ExpressionAttributeNames: { '#lease': 'lease', '#owner': 'owner' },
        ExpressionAttributeValues: { ':owner': owner },
      })));
      await wrote('releaseLease');
    },

    /**
     * Every lease, released: for the embedded stack on start, when no writer from before can be
     * alive (a SIGKILL left their leases), so resumed publications need not wait for them to expire.
     */
    async releaseAllLeases(): Promise<number> {
      let released = 0;
      let start: Record<string, unknown> | undefined;
      do {
        const out = await doc.send(new ScanCommand({
          TableName: table, ExclusiveStartKey: start, ConsistentRead: true,
          FilterExpression: 'attribute_exists(#lease)', ProjectionExpression: 'pk, sk', ExpressionAttributeNames: { '#lease': 'lease' },
        }));
        for (const key of out.Items ?? []) {
          await doc.send(new UpdateCommand({
            TableName: table, Key: key, UpdateExpression: 'REMOVE #lease', ExpressionAttributeNames: { '#lease': 'lease' },
          }));
          released++;
        }
        start = out.LastEvaluatedKey;
      } while (start);
      return released;
    },
  };
}
