import { afterAll, describe, expect, it } from '@jest/globals';
import { afterKill, countBy, create, expectSettled, listAll, put, putInLanes, sleep, type Created } from '../support/crash';
import { startTestStack, type TestStack } from './helpers';

/**
 * The long SIGKILL rounds: many submissions, many kills, nothing lost. Not part of `npm test`
 * (its name does not end in .test.ts); `npm run test:long` runs it, with CIRCULATE_LONG_TESTS=1.
 * CIRCULATE_LONG_SUBMISSIONS (1000) and CIRCULATE_LONG_ROUNDS (6: kills after the one during the
 * uploads) size it. One kill during the uploads, then kills spread over the numbering and the
 * publication, each restarted on the same data; expectSettled (test/support/crash.ts) at the end.
 */

if (process.env.CIRCULATE_LONG_TESTS !== '1') throw new Error('crash-rounds.long.ts runs with CIRCULATE_LONG_TESTS=1: use npm run test:long');

const SUBMISSIONS = Number(process.env.CIRCULATE_LONG_SUBMISSIONS ?? 1000);
const ROUNDS = Number(process.env.CIRCULATE_LONG_ROUNDS ?? 6);

describe(`${SUBMISSIONS} submissions, ${ROUNDS + 1} SIGKILLs`, () => {
  let stack: TestStack | undefined;
  afterAll(async () => stack?.cleanup());

  async function restart(round: string): Promise<void> {
    const { dataDir, token } = stack!;
    const ports = stack!.ports();
    const seen = countBy((await listAll(stack!)).map((i) => i.status));
    await stack!.kill();
    const atKill = await afterKill(dataDir);
    const startedAt = Date.now();
    stack = await startTestStack({ dataDir, token, ports });
    console.log(`crash-rounds.long ${round}: killed at ${JSON.stringify(seen)} (API), items ${JSON.stringify(atKill.statuses)}, ${atKill.torn} torn, ${atKill.publicNotPublished.length} public but not PUBLISHED; restarted in ${Date.now() - startedAt} ms`);
  }

  it('ends every one PUBLISHED exactly once, gapless, nothing public that is not, no orphan', async () => {
    const started = Date.now();
    stack = await startTestStack();
    const created: Created[] = [];
    for (let i = 0; i < SUBMISSIONS; i += 20) created.push(...(await Promise.all(Array.from({ length: Math.min(20, SUBMISSIONS - i) }, (_, n) => create(stack!, i + n, 2)))));
    const ids = created.map((c) => c.id);

    // Kill 1: halfway through the uploads.
    const uploads = created.flatMap((c) => c.uploads);
    const lanes = putInLanes(uploads, 8);
    while (lanes.started() < uploads.length / 2) await sleep(5);
    lanes.stop();
    await restart('uploads');
    await lanes.done;
    const rest = uploads.filter((u) => !lanes.acked.has(u));
    for (let i = 0; i < rest.length; i += 8) expect((await Promise.all(rest.slice(i, i + 8).map(put))).every(Boolean)).toBe(true);

    // Then a kill each time another share of them is published.
    for (let round = 1; round <= ROUNDS; round++) {
      const target = Math.floor((SUBMISSIONS * round) / (ROUNDS + 1));
      for (;;) {
        const published = (await listAll(stack)).filter((i) => i.status === 'PUBLISHED').length;
        if (published >= target) break;
        await sleep(500);
      }
      await restart(`round ${round}`);
    }

    await expectSettled(stack, ids, [], 30 * 60_000);
    console.log(`crash-rounds.long: ${SUBMISSIONS} submissions, ${ROUNDS + 1} kills, settled in ${Math.round((Date.now() - started) / 1000)} s`);
  }, 60 * 60_000);
});
