import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publish } from '../../functions/publish/publish';
import { LIST_TIMING, ListingPending, renderLists, type ListTiming } from '../../functions/render-lists/render-lists';
import type { Store } from '#shared/adapters/store';
import { startTestStore } from '../support/dynamodb';
import { labelled } from '../support/expect';
import { SITE, expectSessionLists, memorySite, symbolsIn, type Site } from './memory-site';
import { taggedSubmission } from './publish-fixtures';
import { STEP_TIMEOUT_SECONDS } from '../../infra/functions';

/**
 * RenderLists on dynalite, with the site in memory: one writer at a time per session, renders
 * shared by the publications that arrive together, PUBLISHED only once listed, and a writer that
 * dies holding its lease replaced once the lease expires.
 */

const TIMING: Partial<ListTiming> = { pollMs: 5, batchWindowMs: 30, leaseMs: 10_000 };
const HEAVY_TIMEOUT_MS = 30_000;

describe('the list writer\'s lease', () => {
  it('lasts at least as long as RenderLists may run, so a writer is dead before its lease can be taken', () => {
    expect(STEP_TIMEOUT_SECONDS.RenderLists * 1000).toBeLessThanOrEqual(LIST_TIMING.leaseMs);
    expect(LIST_TIMING.budgetMs).toBeLessThan(STEP_TIMEOUT_SECONDS.RenderLists * 1000);
  });
});

describe('RenderLists', () => {
  let t: Awaited<ReturnType<typeof startTestStore>>;
  beforeAll(async () => { t = await startTestStore(); });
  afterAll(async () => t?.close());

  async function seed(session: number, number: number) {
    const record = taggedSubmission(session, number, { agendaItem: 3 + (number % 2) });
    await t.store.createSubmission(record);
    return { id: record.id, symbol: record.symbol! };
  }

  /** The store, with a check run just before any submission is recorded PUBLISHED. */
  function checkingPublished(check: (id: string) => Promise<void>): Store {
    return {
      ...t.store,
      transition: async (id, to, opts) => {
        if (to === 'PUBLISHED') await check(id);
        return t.store.transition(id, to, opts);
      },
    };
  }

  it('renders a session’s lists once for many publications that arrive together, and records each PUBLISHED only once its session and the site list it', async () => {
    const session = 80;
    const site = memorySite({ delay: () => Math.random() * 10 });
    const seeded = await Promise.all(Array.from({ length: 25 }, (_, i) => seed(session, i + 1)));
    const symbolOf = new Map(seeded.map((s) => [s.id, s.symbol]));
    const unlisted: string[] = [];
    const store = checkingPublished(async (id) => {
      const symbol = symbolOf.get(id)!;
      const listed = symbolsIn.page(site, `A/HRC/${session}/index.html`).includes(symbol)
        && symbolsIn.catalogue(site, `A/HRC/${session}/`).includes(symbol)
        && site.text('feed.xml').includes(`${SITE}/${symbol}/`);
      if (!listed) unlisted.push(symbol);
    });
    const deps = { store, files: site.files, derived: site.derived, siteUrl: SITE };
    await Promise.all(seeded.map(async ({ id }) => renderLists(await publish(id, deps), { ...deps, timing: TIMING })));

    expect(unlisted).toEqual([]);
    expectSessionLists(site, session, seeded.map((s) => s.symbol));
    for (const { id } of seeded) expect((await t.store.mustGetSubmission(id)).status).toBe('PUBLISHED');
    const { renders, pending, lease } = await t.store.listGroupState({ kind: 'session', body: 'HRC', session });
    labelled(`${renders} renders for 25 publications`, () => expect(renders).toBeLessThanOrEqual(25 / 5 + 2));
    expect(pending).toEqual([]);
    expect(lease).toBeUndefined();
  }, HEAVY_TIMEOUT_MS);

  it('waits for the writer that holds the lease, and hands back to the workflow (ListingPending) once its budget is spent', async () => {
    const site = memorySite();
    const { id, symbol } = await seed(81, 1);
    const published = await publish(id, { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE });
    const group = { kind: 'session', body: 'HRC', session: 81 } as const;
    expect(await t.store.takeLease(group, 'another writer', Date.now() + 60_000, Date.now())).toBeDefined();

    const deps = { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE, timing: { ...TIMING, budgetMs: 100 } };
    await expect(renderLists(published, deps)).rejects.toThrow(ListingPending);
    await expect(renderLists(published, deps)).rejects.toThrow(`${symbol} is not yet on its session's lists; retry`);
    expect((await t.store.mustGetSubmission(id)).status).toBe('TAGGED');
    expect(site.objects.has('A/HRC/81/index.html')).toBe(false);

    // The writer gives the lease up without rendering: the next attempt renders, and it is PUBLISHED.
    await t.store.releaseLease(group, 'another writer');
    expect(await renderLists(published, deps)).toEqual({ submissionId: id, symbol, url: `${SITE}/${symbol}/` });
    expectSessionLists(site, 81, [symbol]);
  });

  it('takes over from a writer that died holding the lease once it expires, and lists what both published', async () => {
    const session = 82;
    const site = memorySite();
    const first = await seed(session, 1);
    const second = await seed(session, 2);
    const group = { kind: 'session', body: 'HRC', session } as const;
    // The first publication's writer dies just after taking the session's lease.
    let dying = true;
    const dies = t.storeWith({ afterWrite: (w) => { if (dying && w === 'takeLease') { dying = false; throw new Error('killed'); } } });
    const deps = { store: dies, files: site.files, derived: site.derived, siteUrl: SITE, timing: { ...TIMING, leaseMs: 200 } };
    const firstPublished = await publish(first.id, deps);
    await expect(renderLists(firstPublished, deps)).rejects.toThrow('killed');
    expect((await t.store.listGroupState(group)).lease).toBeDefined();

    const started = Date.now();
    await renderLists(await publish(second.id, deps), deps);
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expectSessionLists(site, session, [first.symbol, second.symbol]);
    // The first one's retry finds itself listed already.
    await renderLists(firstPublished, deps);
    expect((await t.store.mustGetSubmission(first.id)).status).toBe('PUBLISHED');
  });

  it('keeps the lease and the pending symbols when a publication came in after the render read the version', async () => {
    const group = { kind: 'session', body: 'HRC', session: 84 } as const;
    await t.store.addToSession('HRC', 84, ['A/HRC/84/G/1']);
    const taken = (await t.store.takeLease(group, 'writer', Date.now() + 60_000, Date.now()))!;
    expect(taken).toMatchObject({ pending: ['A/HRC/84/G/1'], lease: { owner: 'writer' } });
    const after = (await t.store.recordRender(group, 'writer', taken.version, Date.now() + 60_000))!;
    expect(after.renderedVersion).toBe(taken.version);
    // Another publication moves the version on before the writer finishes: it must go round.
    await t.store.addToSession('HRC', 84, ['A/HRC/84/G/2']);
    expect(await t.store.finishRender(group, 'writer', taken.pending, taken.version)).toBe(false);
    expect(await t.store.finishRender(group, 'someone else', taken.pending, (await t.store.listGroupState(group)).version)).toBe(false);
    const now = await t.store.listGroupState(group);
    expect(now).toMatchObject({ pending: ['A/HRC/84/G/1', 'A/HRC/84/G/2'], lease: { owner: 'writer' } });
    expect(await t.store.finishRender(group, 'writer', now.pending, now.version)).toBe(true);
    expect(await t.store.listGroupState(group)).toMatchObject({ pending: [] });
    expect((await t.store.listGroupState(group)).lease).toBeUndefined();
  });

  it('leaves a published submission as it is, and refuses one that is not yet tagged', async () => {
    const site: Site = memorySite();
    const { id } = await seed(83, 1);
    const deps = { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE, timing: TIMING };
    const published = await publish(id, deps);
    await renderLists(published, deps);
    const writes = site.writes.length;
    expect((await renderLists(published, deps)).url).toBe(`${SITE}/A/HRC/83/G/1/`);
    expect(site.writes.length).toBe(writes);

    const record = { ...taggedSubmission(83, 2), status: 'SYMBOL_ASSIGNED' as const };
    await t.store.createSubmission(record);
    await expect(renderLists({ submissionId: record.id, sessionVersion: 1, siteVersion: 1 }, deps)).rejects.toThrow('is SYMBOL_ASSIGNED');
  });
});
