import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDB } from '../../infra/local/emulators';
import { freePort } from '../../infra/local/ports';
import { createStore, type StoreOptions } from '#shared/adapters/store';

/** A real DynamoDB emulator (dynalite) with Circulate's table, for store tests. */
export async function startTestStore(options: StoreOptions = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'circulate-store-'));
  const port = await freePort();
  let db = await startDynamoDB(dir, port, 'circulate');
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: db.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    client,
    store: createStore(client, 'circulate', options),
    /** Another store on the same table, e.g. one that crashes after a given write. */
    storeWith: (other: StoreOptions) => createStore(client, 'circulate', other),
    /** Stops dynalite (it closes its LevelDB), runs `between` on the stopped database, and starts it again on the same data and port. */
    async restart(between: (levelPath: string) => Promise<void> = async () => undefined) {
      await db.close();
      await between(join(dir, 'dynamodb'));
      db = await startDynamoDB(dir, port, 'circulate');
    },
    async close() {
      client.destroy();
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

interface LevelDb {
  open(): Promise<void>;
  close(): Promise<void>;
  iterator(options: { gte: string; lt: string }): AsyncIterable<[string, { pk?: { S?: string } }]>;
  del(key: string): Promise<void>;
}
type LevelModule = { Level: new (path: string, options: { valueEncoding: 'json' }) => LevelDb };

/**
 * What a SIGKILL in the middle of a write leaves in dynalite: it deletes an item's old index
 * entries, puts the new ones, then puts the item, each a separate LevelDB write. This deletes the
 * item's entries in one index of the stopped database (through dynalite's own LevelDB), as a kill
 * after the delete and before the rest does. Returns how many entries it deleted.
 */
export async function tearIndexEntries(levelPath: string, index: string, pk: string, table = 'circulate'): Promise<number> {
  const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  const { Level } = fromDynalite('level') as LevelModule;
  const level = new Level(levelPath, { valueEncoding: 'json' });
  await level.open();
  const prefix = `index-global~${table}~${index}~`;
  const doomed: string[] = [];
  for await (const [key, item] of level.iterator({ gte: prefix, lt: `${prefix}\uffff` })) if (item.pk?.S === pk) doomed.push(key);
  for (const key of doomed) await level.del(key);
  await level.close();
  return doomed.length;
}
