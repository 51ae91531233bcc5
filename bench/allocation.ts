import { assignSymbol } from '../functions/assign-symbol/assign-symbol';
import { createStore, type Store } from '#shared/adapters/store';
import { dynamodb } from '#shared/adapters/clients';
import { ENV, required } from '#shared/adapters/config';
import { seedReceived } from '../test/support/submissions';

/**
 * Allocation throughput on the embedded stack's DynamoDB (dynalite): AssignSymbol's logic with
 * the store the handlers use, `clients` workers at once, each taking the next waiting submission.
 */
export interface AllocationFigures {
  label: string;
  allocations: number;
  clients: number;
  series: number;
  seconds: number;
  perSecond: number;
  writesPerAllocation: number;
}

async function drive(store: Store, queues: string[][], clientsPerQueue: number): Promise<void> {
  await Promise.all(queues.flatMap((queue) => Array.from({ length: clientsPerQueue }, async () => {
    for (let id = queue.shift(); id; id = queue.shift()) await assignSymbol(id, store);
  })));
}

export async function benchAllocation(opts: { label: string; series: number; perSeries: number; clients: number; firstSession: number }): Promise<AllocationFigures> {
  let writes = 0;
  const store = createStore(dynamodb, required(ENV.table), { afterWrite: () => void writes++ });
  const queues: string[][] = [];
  for (let i = 0; i < opts.series; i++) queues.push(await seedReceived(store, opts.perSeries, opts.firstSession + i));
  writes = 0;
  const started = performance.now();
  await drive(store, queues, Math.max(1, Math.round(opts.clients / opts.series)));
  const seconds = (performance.now() - started) / 1000;
  const allocations = opts.series * opts.perSeries;
  return {
    label: opts.label, allocations, clients: opts.clients, series: opts.series, seconds,
    perSecond: allocations / seconds, writesPerAllocation: writes / allocations,
  };
}
