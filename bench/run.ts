import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startStackProcess } from '../test/support/stack';
import { benchEndToEnd, type LevelFigures } from './e2e';
import { benchProposals } from './proposals';
import { benchRequests } from './requests';
import { benchSearchShards } from './search-shards';
import { benchTranslations } from './translations';
import { machine, markdown, writeReports, type Report } from './report';

/**
 * `npm run bench` (`-- --quick` for a short run): figures measured on the embedded stack in one
 * run, printed and written to bench/report.md, report.json and report.svg (a quick run: report.quick.*). Absolute numbers depend
 * on the machine (and this one is shared): compare ratios within a run, not across machines.
 *
 * End to end first, on a stack in a child process of its own, before this process starts the
 * in-process stack of the allocation and publish sections (which sets the handlers' environment
 * here, and would otherwise be inherited by the child).
 */
const { values: flags } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const quick = flags.quick;
const SIZES = quick
  ? { warmUp: 2, levels: [[1, 3], [10, 10], [50, 50]], allocation: 0.25, publish: { sizes: [10, 1_000], publications: 3 } }
  : { warmUp: 3, levels: [[1, 15], [10, 60], [50, 150]], allocation: 1, publish: { sizes: [10, 1_000, 10_000], publications: 9 } };

const m = machine();
const progress = (line: string) => process.stderr.write(`${line}\n`);
progress(`Circulate benchmarks${quick ? ' (quick)' : ''} — ${m.cores} cores (${m.cpu}), Node ${m.node}, commit ${m.commit}`);

/** Documents whose five other versions the translation figures send at once. */
const TRANSLATED_DOCUMENTS = quick ? 2 : 6;
let translations: Report['translations'];

async function endToEnd(): Promise<Report['endToEnd']> {
  progress('End to end: starting an embedded stack in its own process…');
  // retryWaitMs undefined: the ASL's own waits, as `npm start` (the test stack's default is 10 ms).
  const stack = await startStackProcess({ retryWaitMs: undefined });
  const levels: LevelFigures[] = [];
  try {
    await benchEndToEnd(stack, { concurrency: 1, documents: SIZES.warmUp });
    for (const [concurrency, documents] of SIZES.levels as [number, number][]) {
      const started = Date.now();
      const tty = process.stderr.isTTY;
      const level = await benchEndToEnd(stack, {
        concurrency, documents,
        onProgress: (done, total) => {
          if (tty) process.stderr.write(`\r  ${concurrency} in flight: ${done}/${total} final`);
          else if (done % Math.max(1, Math.round(total / 4)) === 0 && done < total) progress(`  ${concurrency} in flight: ${done}/${total} final`);
        },
      });
      if (tty) process.stderr.write('\r\x1b[K');
      levels.push(level);
      progress(`  ${concurrency} in flight: ${documents} documents in ${((Date.now() - started) / 1000).toFixed(1)} s — ${level.docsPerSecond.toFixed(2)} docs/s, p50 ${(level.latencyMs.p50 / 1000).toFixed(2)} s, p99 ${(level.latencyMs.p99 / 1000).toFixed(2)} s, ${level.failed} failed, peak RSS ${level.peakRssMiB.toFixed(0)} MiB`);
    }
    progress(`Translations: five versions of each of ${TRANSLATED_DOCUMENTS} published documents at once…`);
    // The first documents published above (A/HRC/47/G/1…): their five other versions are all pending.
    const symbols = Array.from({ length: TRANSLATED_DOCUMENTS }, (_, i) => `A/HRC/47/G/${i + 1}`);
    const t = await benchTranslations(stack, [symbols[0]!]);
    const all = await benchTranslations(stack, symbols.slice(1));
    translations = [t, all];
    for (const f of translations) {
      progress(`  ${f.versions} versions of ${f.documents} document(s): ${f.versionsPerSecond.toFixed(2)} versions/s, p50 ${(f.latencyMs.p50 / 1000).toFixed(2)} s, p95 ${(f.latencyMs.p95 / 1000).toFixed(2)} s, ${f.failed} failed, all five landed on ${f.allLanded}/${f.documents}`);
    }
  } finally {
    await stack.cleanup();
  }
  return { maxRunningExecutions: process.env.CIRCULATE_MAX_RUNNING_EXECUTIONS || '32 (default)', warmUp: SIZES.warmUp, levels };
}

async function inProcess(): Promise<Pick<Report, 'allocation' | 'publish'>> {
  const { startEmbeddedStack } = await import('../infra/local/stack');
  const dataDir = await mkdtemp(join(tmpdir(), 'circulate-bench-'));
  const stack = await startEmbeddedStack({ dataDir, port: 0 });
  const { benchAllocation } = await import('./allocation');
  const { benchPublish } = await import('./publish');
  try {
    const n = (count: number) => Math.max(4, Math.round(count * SIZES.allocation));
    progress('Symbol allocation…');
    // A warm-up so the first figures do not carry module loading and JIT.
    await benchAllocation({ label: 'warm-up', series: 1, perSeries: n(50), clients: 16, firstSession: 1 });
    const allocation = [
      await benchAllocation({ label: 'one series, 16 concurrent clients', series: 1, perSeries: n(400), clients: 16, firstSession: 10 }),
      await benchAllocation({ label: '4 series in parallel, 16 clients (4 per series)', series: 4, perSeries: n(100), clients: 16, firstSession: 20 }),
      await benchAllocation({ label: 'one series, 1 client (no contention)', series: 1, perSeries: n(200), clients: 1, firstSession: 30 }),
    ];
    progress('Publishing as the site grows…');
    const publish = await benchPublish({ sizes: SIZES.publish.sizes, perSession: 200, target: 10, publications: SIZES.publish.publications });
    return { allocation, publish };
  } finally {
    await stack.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const started = Date.now();
progress('Proposals: the rules on the corpus of real communications…');
const proposals = benchProposals({ rounds: quick ? 20 : 200 });
progress(`  ${proposals.notes} notes, ${proposals.msPerNote.toFixed(2)} ms per note, ${proposals.fields.all.correct}/${proposals.fields.all.expected} fields right (${proposals.fields.all.statedCorrect}/${proposals.fields.all.stated} of those the notes state)`);
const e2e = await endToEnd();
progress('One emulator request…');
const requests = await benchRequests({ requests: quick ? 400 : 2_000 });
progress('Search data of a session of 300 documents with texts…');
const searchShards = benchSearchShards(300);
progress('Typesetting the issued PDFs…');
const { benchTypeset } = await import('./typeset');
const typeset = benchTypeset(quick ? 5 : 20);
for (const f of typeset) progress(`  ${f.version}: ${f.pages} pages, ${f.kB} kB, first ${f.firstMs} ms, median ${f.medianMs} ms`);
const report: Report = { machine: m, quick, endToEnd: e2e, ...(await inProcess()), requests, ...(translations ? { translations } : {}), typeset, proposals, searchShards };
const written = await writeReports(report, new URL('.', import.meta.url));
console.log(markdown(report));
progress(`Written to bench/${written}.md, ${written}.json and ${written}.svg in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
const failed = e2e.levels.reduce((n, l) => n + l.failed, 0) + (translations ?? []).reduce((n, t) => n + t.failed + (t.documents - t.allLanded), 0);
if (failed) {
  progress(`${failed} submission(s) did not publish, or translations did not all land: see bench/report.md.`);
  process.exitCode = 1;
}
