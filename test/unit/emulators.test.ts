import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import dynalite from 'dynalite';
import type { Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_CREDENTIALS, LOCAL_REGION, ensureTable } from '../../infra/local/emulators';
import { freePort } from '../../infra/local/ports';

describe('the embedded stack’s table', () => {
  let dir: string;
  let server: Server;
  let client: DynamoDBClient;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'circulate-emulator-'));
    // An emulator slower to create tables than the stack's (createTableMs 0 is still a timer).
    server = dynalite({ path: join(dir, 'dynamodb'), createTableMs: 300 });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    client = new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  });
  afterAll(async () => {
    client?.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  it('is ACTIVE, with its indexes, when ensureTable returns, so the first write after start is not refused', async () => {
    await ensureTable(client, 'circulate');
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'circulate' }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexStatus)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
  });

  it('returns at once for a table that is already there', async () => {
    const started = Date.now();
    await ensureTable(client, 'circulate');
    expect(Date.now() - started).toBeLessThan(300);
  });
});
