import { afterEach, describe, expect, it } from '@jest/globals';
import { afterKill, create, expectSettled, put, putInLanes, waitForMoment, type AtKill } from '../support/crash';
import { startTestStack, submit, type TestStack } from './helpers';

/**
 * SIGKILL rounds during the uploads and during the numbering, each with 30+ submissions in flight,
 * each restarted on the same data (folder, token, emulator ports: the presigned URLs stay good).
 * After the restart, expectSettled (test/support/crash.ts) holds the promises: published once,
 * gapless, nothing public that is not PUBLISHED, no orphan object. The round during publication is
 * in crash-resume.test.ts (a file of its own keeps each under a minute, and jest runs them side by
 * side); crash-rounds.long.ts runs many more (npm run test:long).
 */

const SUBMISSIONS = 30;

let stacks: TestStack[] = [];
afterEach(async () => {
  for (const s of stacks) await s.cleanup();
  stacks = [];
});

async function killAndRestart(stack: TestStack, round: string, killedAt: Record<string, number>): Promise<{ again: TestStack; atKill: AtKill }> {
  const { dataDir, token } = stack;
  const ports = stack.ports();
  await stack.kill();
  const atKill = await afterKill(dataDir);
  const again = await startTestStack({ dataDir, token, ports });
  stacks.push(again);
  console.log(`crash-rounds ${round}: killed at ${JSON.stringify(killedAt)} (API), items ${JSON.stringify(atKill.statuses)}, ${atKill.torn} torn from the status index, public but not PUBLISHED: ${atKill.publicNotPublished.length}`);
  return { again, atKill };
}

describe('SIGKILL rounds, each restarted on the same data', () => {
  it('during uploads: some with all files in, some with some, some with none; the rest PUT after the restart', async () => {
    const started = Date.now();
    const first = await startTestStack();
    stacks.push(first);
    // 30 to be completed, 3 that never get their last files (they stay AWAITING_UPLOAD, with their uploads).
    const created = await Promise.all(Array.from({ length: SUBMISSIONS + 3 }, (_, n) => create(first, n, 3)));
    const complete = created.slice(0, SUBMISSIONS);
    const incomplete = created.slice(SUBMISSIONS);
    // Before the kill: a third get all their files, a third one or two, a third none; the incomplete ones one.
    const before = [
      ...complete.slice(0, 10).flatMap((c) => c.uploads),
      ...complete.slice(10, 20).flatMap((c, i) => c.uploads.slice(0, 1 + (i % 2))),
      ...incomplete.map((c) => c.uploads[0]!),
    ].sort(() => Math.random() - 0.5);
    // Six PUTs in flight at a time; the kill comes while the last few are.
    const lanes = putInLanes(before, 6);
    const { acked } = lanes;
    while (lanes.started() < before.length - 4) await new Promise((r) => setTimeout(r, 2));
    const statuses = await waitForMoment(first, created.map((c) => c.id), () => true);
    lanes.stop();
    const { again } = await killAndRestart(first, 'uploads', statuses);
    await lanes.done;
    const split = complete.map((c) => c.uploads.filter((u) => acked.has(u)).length);
    console.log(`crash-rounds uploads: at the kill ${split.filter((n) => n === 3).length} had all 3 files acknowledged, ${split.filter((n) => n === 1 || n === 2).length} some, ${split.filter((n) => n === 0).length} none; ${before.length - acked.size} PUTs torn by the kill`);

    // After the restart, as the user would: every file not acknowledged, through the same presigned URLs.
    const rest = complete.flatMap((c) => c.uploads.filter((u) => !acked.has(u)));
    const results = await Promise.all(rest.map(put));
    expect(results.every(Boolean)).toBe(true);
    await expectSettled(again, complete.map((c) => c.id), incomplete.map((c) => c.id));
    console.log(`crash-rounds uploads: ${Date.now() - started} ms`);
  }, 180_000);

  it('during numbering: many RECEIVED or SYMBOL_ASSIGNED', async () => {
    const started = Date.now();
    // Every execution admitted at once, so that many are between Register and TagTranslationStatus together.
    const first = await startTestStack({ maxRunningExecutions: SUBMISSIONS + 10 });
    stacks.push(first);
    const ids = await Promise.all(Array.from({ length: SUBMISSIONS }, () => submit(first)));
    const statuses = await waitForMoment(first, ids, (c) => ((c.RECEIVED ?? 0) + (c.SYMBOL_ASSIGNED ?? 0) >= 10 && (c.SYMBOL_ASSIGNED ?? 0) >= 2) || (c.PUBLISHED ?? 0) >= SUBMISSIONS / 2);
    const { again } = await killAndRestart(first, 'numbering', statuses);
    expect((statuses.RECEIVED ?? 0) + (statuses.SYMBOL_ASSIGNED ?? 0)).toBeGreaterThanOrEqual(10);
    expect(statuses.SYMBOL_ASSIGNED ?? 0).toBeGreaterThanOrEqual(2);
    await expectSettled(again, ids);
    console.log(`crash-rounds numbering: ${Date.now() - started} ms`);
  }, 180_000);
});
