import { ENV, required } from '#shared/adapters/config';
import { receiveKey, startWorkflow } from '../../functions/receive/receive';
import { filesFromEnv, sfn, storeFromEnv } from '#shared/adapters/runtime';

/**
 * On start, every submission that is not PUBLISHED or FAILED is driven on: one still awaiting
 * its files is checked again (its last upload may have landed while the stack was down); the
 * others' workflows are started again under the same name — each step is idempotent.
 */
export async function resumeUnfinished(): Promise<number> {
  const store = storeFromEnv();
  const deps = { store, files: filesFromEnv(), sfn, stateMachineArn: required(ENV.stateMachineArn), log: () => undefined };
  const unfinished = await store.unfinishedSubmissions();
  for (const record of unfinished) {
    if (record.status === 'AWAITING_UPLOAD') {
      const first = record.submission.files[0];
      if (first) await receiveKey(first.key, deps);
    } else {
      await startWorkflow(record.id, deps);
    }
  }
  return unfinished.length;
}
