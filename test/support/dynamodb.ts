import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoDB } from '../../infra/local/emulators';
import { freePort } from '../../infra/local/ports';
import { createStore, type StoreOptions } from '#shared/adapters/store';

/** A real DynamoDB emulator (dynalite) with Circulate's table, for store tests. */
export async function startTestStore(options: StoreOptions = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'circulate-store-'));
  const db = await startDynamoDB(dir, await freePort(), 'circulate');
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: db.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    client,
    store: createStore(client, 'circulate', options),
    /** Another store on the same table, e.g. one that crashes after a given write. */
    storeWith: (other: StoreOptions) => createStore(client, 'circulate', other),
    async close() {
      client.destroy();
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
