import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import type { RequestFigures } from './requests';
import type { AllocationFigures } from './allocation';
import type { LevelFigures } from './e2e';
import type { PublishFigures } from './publish';
import { describeSearchShards, type SearchShardFigures } from './search-shards';
import type { TranslationFigures } from './translations';
import type { TypesetFigure } from './typeset';
import { proposalsMarkdown, type ProposalFigures } from './proposals';

/** What one `npm run bench` measured, and where: written to bench/report.{md,json,svg}. */
export interface Report {
  machine: { cores: number; cpu: string; memoryGiB: number; node: string; platform: string; commit: string; date: string };
  quick: boolean;
  endToEnd: { maxRunningExecutions: string; warmUp: number; levels: LevelFigures[] };
  allocation: AllocationFigures[];
  publish: PublishFigures[];
  /** What one emulator request costs (absent from reports written before it was measured). */
  requests?: RequestFigures[];
  /** Translations arriving later: one document's five versions at once, then several documents' (absent from earlier reports). */
  translations?: TranslationFigures[];
  typeset?: TypesetFigure[];
  /** The proposal rules on the corpus of real communications (absent from earlier reports). */
  proposals?: ProposalFigures;
  /** The search data of a session of documents with texts (absent from reports written before texts were searched). */
  searchShards?: SearchShardFigures;
}

/**
 * What was measured on this machine before the 8-execution limit, the verified copies and the
 * emulators' guards (figures given with the task that added this section): for comparison only.
 */
export const EARLIER: readonly { concurrency: number; docsPerSecond: number; p50Ms: number; p99Ms: number }[] = [
  { concurrency: 1, docsPerSecond: 2.12, p50Ms: 400, p99Ms: 540 },
  { concurrency: 10, docsPerSecond: 1.59, p50Ms: 5_900, p99Ms: 6_400 },
  { concurrency: 50, docsPerSecond: 1.03, p50Ms: 48_600, p99Ms: 52_000 },
];

export function machine(): Report['machine'] {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const dirty = git('status', '--porcelain', '--untracked-files=no') ? ' (with uncommitted changes)' : '';
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    memoryGiB: Math.round(totalmem() / 2 ** 30 * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    commit: `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${dirty}`,
    date: new Date().toISOString(),
  };
}

const s = (ms: number) => (ms / 1000).toFixed(2);
const ms0 = (ms: number) => ms.toFixed(0);

export function markdown(r: Report): string {
  const m = r.machine;
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  out(`# Circulate benchmarks${r.quick ? ' (quick run)' : ''}`);
  out();
  out(`${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, ${m.platform}, Node ${m.node}; commit ${m.commit}; ${m.date}. Written by \`npm run bench${r.quick ? ' -- --quick' : ''}\`.`);
  out('Absolute numbers depend on the machine (and this one may be shared): compare ratios within a run.');
  out();
  out('## End to end');
  out();
  out(`A fresh embedded stack in a child process of its own, as \`npm start\` runs it (the ASL's real retry waits; at most ${r.endToEnd.maxRunningExecutions} executions at once), driven over HTTP only.`);
  out(`At each level, that many clients each POST the example (\`examples/A_HRC_47_G_10\`, session A/HRC/47), PUT its two files to their presigned URLs, poll \`GET /api/submissions/{id}\` until final, and submit the next.`);
  out(`${r.endToEnd.warmUp} documents are published first, not counted. Latency: last PUT answered → PUBLISHED in the history. Throughput: published documents over first POST → last PUBLISHED.`);
  out();
  out('| concurrency | documents | docs/s | p50 (s) | p95 (s) | p99 (s) | max (s) | FAILED | peak RSS (MiB) | stack CPU per doc (ms) | stack CPU (cores) | bench client CPU (cores) |');
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const l of r.endToEnd.levels) {
    out(`| ${l.concurrency} | ${l.documents} | ${l.docsPerSecond.toFixed(2)} | ${s(l.latencyMs.p50)} | ${s(l.latencyMs.p95)} | ${s(l.latencyMs.p99)} | ${s(l.latencyMs.max)} | ${l.failed} | ${l.peakRssMiB.toFixed(0)} | ${ms0(l.stackCpuMsPerDoc)} | ${l.stackCores.toFixed(2)} | ${l.clientCores.toFixed(2)} |`);
  }
  out();
  out('Time per step, median (p95), ms: from the submission\'s history; "→ RECEIVED" is the last PUT to the RECEIVED entry (receive\'s checks and verified copies, the wait for an execution slot, Register).');
  out();
  out('| concurrency | POST + PUTs | → RECEIVED | → SYMBOL_ASSIGNED | → TAGGED | → PUBLISHED (Publish + RenderLists) | session list renders (per publication) | site list renders | status polls/s | DynamoDB / S3 requests per doc |');
  out('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const l of r.endToEnd.levels) {
    const st = (k: keyof LevelFigures['stepsMs']) => `${ms0(l.stepsMs[k])} (${ms0(l.stepsP95Ms[k])})`;
    out(`| ${l.concurrency} | ${ms0(l.submitMs)} | ${st('received')} | ${st('symbolAssigned')} | ${st('tagged')} | ${st('published')} | ${l.renders.session} (${(l.renders.session / l.documents).toFixed(2)}) | ${l.renders.site} | ${l.pollsPerSecond.toFixed(1)} | ${l.requestsPerDoc ? `${l.requestsPerDoc.dynamodb.toFixed(1)} / ${l.requestsPerDoc.s3.toFixed(1)}` : '–'} |`);
  }
  out();
  out('Measured on this machine before the work of issue 9 (its table: every publication rendering every list, no admission limit):');
  out();
  out('| concurrency | docs/s then → now | p50 (s) then → now | p99 (s) then → now |');
  out('|---:|---:|---:|---:|');
  for (const e of EARLIER) {
    const now = r.endToEnd.levels.find((l) => l.concurrency === e.concurrency);
    const arrow = (then: string, n: string | undefined) => `${then} → ${n ?? '–'}`;
    out(`| ${e.concurrency} | ${arrow(e.docsPerSecond.toFixed(2), now?.docsPerSecond.toFixed(2))} | ${arrow(s(e.p50Ms), now && s(now.latencyMs.p50))} | ${arrow(s(e.p99Ms), now && s(now.latencyMs.p99))} |`);
  }
  const failures = r.endToEnd.levels.flatMap((l) => l.failures.map((f) => `- at ${l.concurrency}: ${f}`));
  if (failures.length) {
    out();
    out('Failures:');
    out();
    for (const f of failures.slice(0, 20)) out(f);
  }
  out();
  out('![p50 and p99 latency and documents/s against concurrency](report.svg)');
  out();
  if (r.requests?.length) requestsSection(r, out);
  if (r.translations?.length) translationsSection(r.translations, out);
  if (r.typeset?.length) typesetSection(r.typeset, out);
  if (r.proposals) for (const line of proposalsMarkdown(r.proposals)) out(line);
  out('## Symbol allocation');
  out();
  out('AssignSymbol\'s logic in process against the embedded stack\'s dynalite: series number, symbol record, six job numbers, status.');
  out();
  out('| case | allocations | time (s) | allocations/s | DynamoDB writes per allocation |');
  out('|---|---:|---:|---:|---:|');
  for (const a of r.allocation) out(`| ${a.label} | ${a.allocations} | ${a.seconds.toFixed(2)} | ${a.perSecond.toFixed(0)} | ${a.writesPerAllocation.toFixed(2)} |`);
  const [contended, parallel, single] = r.allocation;
  if (contended && parallel && single) {
    out();
    out(`4 series vs 1 series at 16 clients: ×${(parallel.perSecond / contended.perSecond).toFixed(2)}; 16 clients vs 1 on one series: ×${(contended.perSecond / single.perSecond).toFixed(2)}.`);
  }
  out();
  out('## Publishing one document as the site grows');
  out();
  out('Publish\'s and RenderLists\' logic in process, one after the other (files, pages, session files, feeds, search shard, sitemaps), the site seeded through the store.');
  out();
  out('| documents on the site | sessions | seeding (s) | median (ms) | min–max (ms) | S3 objects written | DynamoDB items written |');
  out('|---:|---:|---:|---:|---:|---:|---:|');
  for (const p of r.publish) {
    out(`| ${p.siteSize.toLocaleString('en')} | ${p.sessions} | ${p.seedSeconds.toFixed(1)} | ${p.medianMs.toFixed(0)} | ${p.minMs.toFixed(0)}–${p.maxMs.toFixed(0)} | ${p.objectsPerPublication.toFixed(1)} | ${p.itemsPerPublication.toFixed(1)} |`);
  }
  const smallest = r.publish[0];
  const largest = r.publish.at(-1);
  if (smallest && largest && largest !== smallest) {
    out();
    out(`${largest.siteSize.toLocaleString('en')} documents vs ${smallest.siteSize}: ×${(largest.medianMs / smallest.medianMs).toFixed(2)} the time per publication (goal: at most ×1.5).`);
  }
  if (r.searchShards) {
    out();
    out('## Search data with texts');
    out();
    out('`bench/search-shards.ts`: the session\'s search shard and text shard, rendered in process from generated texts in the example\'s words.');
    out();
    for (const line of describeSearchShards(r.searchShards)) out(line);
  }
  return `${lines.join('\n')}\n`;
}

const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Two panels, hand-written: latency (p50, p99; log scale) and docs/s against concurrency (log scale), with the earlier figures dashed. */
export function svg(r: Report): string {
  const levels = r.endToEnd.levels;
  const W = 860;
  const H = 360;
  const panel = { w: 340, h: 230, top: 60 };
  const lefts = [70, 500];
  const concurrencies = [...new Set([...levels.map((l) => l.concurrency), ...EARLIER.map((e) => e.concurrency)])].sort((a, b) => a - b);
  const cMin = Math.log10(concurrencies[0] ?? 1);
  const cMax = Math.log10(concurrencies.at(-1) ?? 50);
  const x = (left: number, c: number) => left + 20 + (cMax === cMin ? 0 : (Math.log10(c) - cMin) / (cMax - cMin)) * (panel.w - 40);
  const parts: string[] = [];
  const add = (p: string) => parts.push(p);

  // Latency panel, seconds on a log scale.
  const lat = [...levels.flatMap((l) => [l.latencyMs.p50, l.latencyMs.p99]), ...EARLIER.flatMap((e) => [e.p50Ms, e.p99Ms])].filter(Number.isFinite).map((v) => v / 1000);
  const lMin = Math.pow(10, Math.floor(Math.log10(Math.max(0.01, Math.min(...lat)))));
  const lMax = Math.pow(10, Math.ceil(Math.log10(Math.max(...lat))));
  const yLat = (sec: number) => panel.top + panel.h - (Math.log10(Math.max(sec, lMin)) - Math.log10(lMin)) / (Math.log10(lMax) - Math.log10(lMin)) * panel.h;
  // Throughput panel, linear from 0.
  const tput = [...levels.map((l) => l.docsPerSecond), ...EARLIER.map((e) => e.docsPerSecond)].filter(Number.isFinite);
  const tMax = 2 * Math.ceil((Math.max(...tput, 1) * 1.2) / 2);
  const yT = (v: number) => panel.top + panel.h - (v / tMax) * panel.h;

  const axes = (left: number, title: string, yTicks: { v: number; y: number; label: string }[]) => {
    add(`<text x="${left + panel.w / 2}" y="${panel.top - 18}" text-anchor="middle" font-weight="bold">${esc(title)}</text>`);
    add(`<rect x="${left}" y="${panel.top}" width="${panel.w}" height="${panel.h}" fill="none" stroke="#999"/>`);
    for (const t of yTicks) {
      add(`<line x1="${left}" x2="${left + panel.w}" y1="${t.y}" y2="${t.y}" stroke="#eee"/>`);
      add(`<text x="${left - 6}" y="${t.y + 4}" text-anchor="end">${t.label}</text>`);
    }
    for (const c of concurrencies) {
      add(`<line x1="${x(left, c)}" x2="${x(left, c)}" y1="${panel.top + panel.h}" y2="${panel.top + panel.h + 5}" stroke="#999"/>`);
      add(`<text x="${x(left, c)}" y="${panel.top + panel.h + 18}" text-anchor="middle">${c}</text>`);
    }
    add(`<text x="${left + panel.w / 2}" y="${panel.top + panel.h + 36}" text-anchor="middle">documents in flight (log scale)</text>`);
  };
  const series = (left: number, points: [number, number][], colour: string, dashed: boolean, label: string, y: (v: number) => number) => {
    const pts = points.filter(([, v]) => Number.isFinite(v)).map(([c, v]) => `${x(left, c).toFixed(1)},${y(v).toFixed(1)}`);
    add(`<polyline points="${pts.join(' ')}" fill="none" stroke="${colour}" stroke-width="2"${dashed ? ' stroke-dasharray="5 4" opacity="0.6"' : ''}><title>${esc(label)}</title></polyline>`);
    for (const p of pts) {
      const [px, py] = p.split(',');
      add(`<circle cx="${px}" cy="${py}" r="3.5" fill="${dashed ? '#fff' : colour}" stroke="${colour}"/>`);
    }
  };

  const latTicks: { v: number; y: number; label: string }[] = [];
  for (let v = lMin; v <= lMax * 1.001; v *= 10) latTicks.push({ v, y: yLat(v), label: `${v < 1 ? v.toFixed(v < 0.1 ? 2 : 1) : v.toFixed(0)} s` });
  axes(lefts[0]!, 'Last upload → PUBLISHED (log scale)', latTicks);
  series(lefts[0]!, EARLIER.map((e) => [e.concurrency, e.p99Ms / 1000]), '#d62728', true, 'p99 earlier', yLat);
  series(lefts[0]!, EARLIER.map((e) => [e.concurrency, e.p50Ms / 1000]), '#1f77b4', true, 'p50 earlier', yLat);
  series(lefts[0]!, levels.map((l) => [l.concurrency, l.latencyMs.p99 / 1000]), '#d62728', false, 'p99', yLat);
  series(lefts[0]!, levels.map((l) => [l.concurrency, l.latencyMs.p50 / 1000]), '#1f77b4', false, 'p50', yLat);

  const tTicks = Array.from({ length: 5 }, (_, i) => (tMax * i) / 4).map((v) => ({ v, y: yT(v), label: v.toFixed(1) }));
  axes(lefts[1]!, 'Documents published per second', tTicks);
  series(lefts[1]!, EARLIER.map((e) => [e.concurrency, e.docsPerSecond]), '#2ca02c', true, 'docs/s earlier', yT);
  series(lefts[1]!, levels.map((l) => [l.concurrency, l.docsPerSecond]), '#2ca02c', false, 'docs/s', yT);

  // Legend.
  const legend = [['#1f77b4', 'p50', false], ['#d62728', 'p99', false], ['#2ca02c', 'docs/s', false], ['#777', 'earlier measure', true]] as const;
  legend.forEach(([colour, label, dashed], i) => {
    const lx = 70 + i * 150;
    add(`<line x1="${lx}" x2="${lx + 28}" y1="${H - 14}" y2="${H - 14}" stroke="${colour}" stroke-width="2"${dashed ? ' stroke-dasharray="5 4"' : ''}/>`);
    add(`<text x="${lx + 34}" y="${H - 10}">${label}</text>`);
  });
  const m = r.machine;
  const caption = `Circulate end to end, embedded stack — ${m.cores} cores (${m.cpu}), Node ${m.node}, ${m.commit}, ${m.date.slice(0, 10)}${r.quick ? ' (quick run)' : ''}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="#fff"/>
<text x="${W / 2}" y="18" text-anchor="middle" font-size="13">${esc(caption)}</text>
${parts.join('\n')}
</svg>
`;
}

/** bench/report.{md,json,svg}; a quick run writes report.quick.* instead (not committed: bench/.gitignore), so it never replaces the full figures. */
export async function writeReports(r: Report, base: URL): Promise<string> {
  const name = r.quick ? 'report.quick' : 'report';
  await writeFile(new URL(`${name}.md`, base), markdown(r).replace('](report.svg)', `](${name}.svg)`));
  await writeFile(new URL(`${name}.json`, base), `${JSON.stringify(r, null, 2)}\n`);
  await writeFile(new URL(`${name}.svg`, base), svg(r));
  return name;
}

/**
 * The floor under the stack's CPU per document: the requests a document makes (counted at the
 * busiest level) times what one costs, whatever the handlers do; and the throughput it allows.
 */
function requestsSection(r: Report, out: (line?: string) => void): void {
  const requests = r.requests!;
  out('## What one emulator request costs');
  out();
  out('The SDK client, the guard (checks and hop) and the emulator in its thread, all counted: CPU of one process over requests sent 8 at a time.');
  out();
  out('| request | requests | per second | CPU per request (ms) |');
  out('|---|---:|---:|---:|');
  for (const q of requests) out(`| ${q.label} | ${q.requests} | ${q.perSecond.toFixed(0)} | ${q.cpuMsPerRequest.toFixed(2)} |`);
  const busiest = r.endToEnd.levels.at(-1);
  const dynamo = requests.filter((q) => q.label.startsWith('DynamoDB'));
  const s3 = requests.find((q) => q.label.startsWith('S3'));
  if (busiest?.requestsPerDoc && dynamo.length && s3) {
    const perDynamo = dynamo.reduce((sum, q) => sum + q.cpuMsPerRequest, 0) / dynamo.length;
    const floor = busiest.requestsPerDoc.dynamodb * perDynamo + busiest.requestsPerDoc.s3 * s3.cpuMsPerRequest;
    out();
    out(`At ${busiest.concurrency} in flight a document made ${busiest.requestsPerDoc.dynamodb.toFixed(1)} DynamoDB and ${busiest.requestsPerDoc.s3.toFixed(1)} S3 requests: `
      + `at least ${floor.toFixed(0)} ms of CPU per document in requests alone (the stack used ${busiest.stackCpuMsPerDoc.toFixed(0)}), `
      + `so at most ${((r.machine.cores * 1000) / floor).toFixed(1)} documents/s on ${r.machine.cores} cores were the emulators the only work.`);
  }
  out();
}

/** Translations arriving later, on the end-to-end stack. */
function translationsSection(figures: readonly TranslationFigures[], out: (line?: string) => void): void {
  out('## Translations arriving later');
  out();
  out('On the end-to-end stack, after its levels: the five other language versions of published documents sent at once over HTTP (`POST /api/translations/{symbol}`, then the PUT), each followed to PUBLISHED; the five of one document revise its record at the same time (`bench/translations.ts`). Latency: last PUT answered → PUBLISHED. "All five landed": documents whose record has every version `translated` afterwards.');
  out();
  out('| documents | versions in flight | versions/s | p50 (s) | p95 (s) | max (s) | FAILED | all five landed |');
  out('|---:|---:|---:|---:|---:|---:|---:|---:|');
  const s = (ms: number) => (ms / 1000).toFixed(2);
  for (const f of figures) out(`| ${f.documents} | ${f.versions} | ${f.versionsPerSecond.toFixed(2)} | ${s(f.latencyMs.p50)} | ${s(f.latencyMs.p95)} | ${s(f.latencyMs.max)} | ${f.failed} | ${f.allLanded}/${f.documents} |`);
  out();
}

/** The issued PDF of one language version, typeset in process. */
function typesetSection(figures: readonly TypesetFigure[], out: (line?: string) => void): void {
  out('## Issued PDFs');
  out();
  out('Typst in process (`bench/typeset.ts`, functions/typeset): one language version of the example typeset to PDF from its texts, or with a received PDF annex embedded. "First" is the first of the process (for the first row, with the fonts loaded: a cold start); "median" of runs each with a title of its own (Typst memoizes).');
  out();
  out('| version | pages | size (kB) | first (ms) | median (ms) |');
  out('|---|---:|---:|---:|---:|');
  for (const f of figures) out(`| ${f.version} | ${f.pages} | ${f.kB} | ${f.firstMs} | ${f.medianMs} |`);
  out();
}
