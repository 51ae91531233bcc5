import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedStack } from '../infra/local/stack';

/**
 * `npm run bench`: figures measured on the embedded stack in one run. Absolute numbers depend on
 * the machine (and this one is shared): compare ratios within a run, not across machines.
 */
const dataDir = await mkdtemp(join(tmpdir(), 'circulate-bench-'));
const stack = await startEmbeddedStack({ dataDir, port: 0 });
const { benchAllocation } = await import('./allocation');
const { benchPublish } = await import('./publish');

console.log(`Circulate benchmarks — ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, embedded stack (dynalite, s3rver)\n`);
try {
  // A warm-up so the first figures do not carry module loading and JIT.
  await benchAllocation({ label: 'warm-up', series: 1, perSeries: 50, clients: 16, firstSession: 1 });
  const rows = [
    await benchAllocation({ label: 'one series, 16 concurrent clients', series: 1, perSeries: 400, clients: 16, firstSession: 10 }),
    await benchAllocation({ label: '4 series in parallel, 16 clients (4 per series)', series: 4, perSeries: 100, clients: 16, firstSession: 20 }),
    await benchAllocation({ label: 'one series, 1 client (no contention)', series: 1, perSeries: 200, clients: 1, firstSession: 30 }),
  ];
  console.log('Symbol allocation (AssignSymbol: series number, symbol record, six job numbers, status)');
  console.log('| case | allocations | time (s) | allocations/s | DynamoDB writes per allocation |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.label} | ${r.allocations} | ${r.seconds.toFixed(2)} | ${r.perSecond.toFixed(0)} | ${r.writesPerAllocation.toFixed(2)} |`);
  }
  const [contended, parallel, single] = rows;
  console.log(`\n4 series vs 1 series at 16 clients: ×${(parallel!.perSecond / contended!.perSecond).toFixed(2)}; 16 clients vs 1 on one series: ×${(contended!.perSecond / single!.perSecond).toFixed(2)}`);

  const publication = await benchPublish({ sizes: [10, 1_000, 10_000], perSession: 200, target: 10, publications: 9 });
  console.log('\nPublishing one document (Publish: files, pages, session files, feeds, search shard, sitemaps; the site seeded through the store)');
  console.log('| documents on the site | sessions | seeding (s) | median (ms) | min–max (ms) | S3 objects written | DynamoDB items written |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of publication) {
    console.log(`| ${p.siteSize.toLocaleString('en')} | ${p.sessions} | ${p.seedSeconds.toFixed(1)} | ${p.medianMs.toFixed(0)} | ${p.minMs.toFixed(0)}–${p.maxMs.toFixed(0)} | ${p.objectsPerPublication.toFixed(1)} | ${p.itemsPerPublication.toFixed(1)} |`);
  }
  const [smallest, , largest] = publication;
  console.log(`\n${largest!.siteSize.toLocaleString('en')} documents vs ${smallest!.siteSize}: ×${(largest!.medianMs / smallest!.medianMs).toFixed(2)} the time per publication (goal: at most ×1.5)`);
} finally {
  await stack.close();
  await rm(dataDir, { recursive: true, force: true });
}
