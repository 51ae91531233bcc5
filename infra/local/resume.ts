import { ENV, required } from '#shared/adapters/config';
import { filesFromEnv, sfn, storeFromEnv } from '#shared/adapters/runtime';
import { indexStamp, type ListRenderStore, type SubmissionStore } from '#shared/adapters/store';
import { driveOn, type ResumeDeps, type ResumeReport } from '../../functions/resume-stalled/resume-stalled';

export interface StartResumeDeps extends Omit<ResumeDeps, 'store' | 'stalledAfterMs'> {
  store: ResumeDeps['store'] & Pick<SubmissionStore, 'indexedUnfinished' | 'repairIndexEntries'> & Pick<ListRenderStore, 'releaseAllLeases'>;
}

export interface StartResumeReport extends ResumeReport {
  /** Submissions whose status index entry the last stop tore from the item, written again. */
  repaired: string[];
  /** List writers' leases the last stop left held (see functions/render-lists), released. */
  releasedLeases: number;
}

/** Records driven on at once on start. */
const RESUME_CONCURRENCY = 16;

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * On start, every submission that is not PUBLISHED or FAILED is driven on, found from the items
 * (a Scan), not the status index: dynalite writes a submission's index entries and then its item,
 * so a SIGKILL between the two leaves an item its index does not hold (or holds under another
 * status). Those are written again, which rebuilds their entries. Nothing runs in this process yet,
 * so an execution left RUNNING on disk is run again under its name, and a list writer's lease
 * left held is released (its holder is dead; its lists are rendered again by whoever needs them
 * next), so resumed publications do not wait for it to expire. The local Step Functions
 * service admits a bounded number of executions at a time, so resuming hundreds is no stampede.
 */
export async function resumeOnStart(deps: StartResumeDeps): Promise<StartResumeReport> {
  const report: StartResumeReport = { resumed: [], running: [], failed: [], repaired: [], releasedLeases: await deps.store.releaseAllLeases() };
  const { records, malformed } = await deps.store.scanUnfinishedSubmissions();
  for (const bad of malformed) report.failed.push({ id: bad.pk, error: `malformed record: ${bad.problem}` });
  const indexed = await deps.store.indexedUnfinished();
  // Several at a time: a stop with hundreds unfinished (most awaiting uploads, each looked at as
  // receive would) is resumed in seconds, not one record after another.
  let next = 0;
  await Promise.all(Array.from({ length: RESUME_CONCURRENCY }, async () => {
    while (next < records.length) {
      const record = records[next++]!;
      try {
        if (indexed.get(record.id) !== indexStamp(record) && (await deps.store.repairIndexEntries(record))) report.repaired.push(record.id);
        if ((await driveOn(record, deps, { runningIsStale: true })) === 'resumed') report.resumed.push(record.id);
      } catch (e) {
        report.failed.push({ id: record.id, error: describe(e) });
      }
    }
  }));
  if (report.releasedLeases) deps.log({ message: 'Released the list writers\' leases held at the last stop', count: report.releasedLeases });
  if (report.repaired.length) deps.log({ message: 'Repaired the status index of submissions torn by the last stop', repaired: report.repaired });
  if (report.failed.length) deps.log({ level: 'error', message: 'Could not resume some submissions', count: report.failed.length, failed: report.failed });
  return report;
}

/** The embedded stack's resume on start, with the handlers' clients (the environment must be set first). */
export async function resumeUnfinished(): Promise<StartResumeReport> {
  const log = (entry: Record<string, unknown>) => console.error(`circulate: ${JSON.stringify(entry)}`);
  return resumeOnStart({
    store: storeFromEnv(), files: filesFromEnv(), sfn, stateMachineArn: required(ENV.stateMachineArn), clock: () => new Date(), log,
  });
}
