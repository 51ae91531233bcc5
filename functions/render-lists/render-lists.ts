import { randomUUID } from 'node:crypto';
import type { Files } from '#shared/adapters/files';
import { publishedTexts, type Derived } from '#shared/adapters/texts';
import type { ExtractedText } from '#shared/text/extract';
import type { DocumentStore, ListGroup, ListGroupState, ListRenderStore, SiteStateStore, SubmissionStore } from '#shared/adapters/store';
import { DomainError, InvalidTransition } from '#shared/domain/errors';
import { publishedPath } from '#shared/domain/site-paths';
import { FEED_ENTRIES } from '../publish/feeds';
import { sessionObjects, siteObjects, staticObjects, type SiteObject } from '../publish/site-objects';

/**
 * RenderLists: the lists that show many documents — a session's page, catalogue, feed, search
 * shard and sitemap; the site's home page, feed and indexes — are written by one writer at a time
 * per session (and one for the site), which takes everything published since its last render in
 * one pass. Then the submission is PUBLISHED: never before every list that should show it does.
 *
 * The protocol, for one group (a session's lists, or the site's):
 * - Publish writes what a list shows (the document record) and then moves the group's version on
 *   (one update; for a session it also adds the symbol to `pending`), and hands that version here.
 * - Here: read the group. If its `renderedVersion` has reached ours, we are listed. Else, if the
 *   lease is free (or expired), take it and be the writer: read the state (version v, strongly
 *   consistent), render from data read after it, write every object, record `renderedVersion = v`
 *   (only while the lease is still ours, which also renews it, and answers the version now); if it
 *   moved, wait a short batch window so that more publications join, and go round; if not, forget
 *   the pending symbols rewritten and give the lease up, in one update conditioned on the version
 *   (if a publication came in between, go round). If the lease is held, wait and look again.
 * - Why nothing is lost: a render that read v saw every change whose version move came before v,
 *   since its data were read after; so `renderedVersion = v` is true. Only the lease's holder
 *   writes, and it writes a round before it records it, so a later render is never overwritten by
 *   an earlier one. A holder that dies leaves its lease to expire (the embedded stack releases all
 *   leases on start, since no holder from before can be alive); in AWS the function's timeout is
 *   not longer than the lease, so a holder is dead before another can take it.
 * - Cost: N publications that arrive together are rendered in about N / (publications per batch
 *   window) + 1 renders, not N (each publication rendering every list) or N² (each re-rendering
 *   until the others stop moving the version).
 * A publication that is not listed within its budget throws ListingPending, which the ASL retries.
 */

export const LIST_TIMING = {
  /** How long a writer's lease lasts without renewal; at least the function's timeout (infra/constructs/workflow.ts). */
  leaseMs: 60_000,
  /** How long one invocation waits to be listed before handing back to the ASL's retry. */
  budgetMs: 20_000,
  /** Between two looks at a group whose lease someone else holds: the first wait, then half as long again each time, up to `maxPollMs`. */
  pollMs: 50,
  maxPollMs: 400,
  /** Before a writer's next round, once publications arrived during its last: lets more of a burst join it. */
  batchWindowMs: 100,
  /** A writer gives the lease up after this many rounds, so it ends within its budget; another takes over. */
  maxRounds: 40,
};
export type ListTiming = typeof LIST_TIMING;

/** Not listed yet within one invocation's budget: another writer holds the lease, or rendering is slow. Retried by the ASL. */
export class ListingPending extends DomainError {
  override name = 'ListingPending';
  override readonly code = 'ListingPending';
}

export type RenderListsStore = Pick<SubmissionStore, 'mustGetSubmission' | 'transition'>
  & Pick<DocumentStore, 'getDocuments'>
  & Pick<SiteStateStore, 'siteState' | 'latestDocuments'>
  & Pick<ListRenderStore, 'listGroupState' | 'takeLease' | 'recordRender' | 'finishRender' | 'releaseLease'>;

export interface RenderListsDeps {
  store: RenderListsStore;
  files: Pick<Files, 'putPage'>;
  /** The published texts of the session's files, which its pages and its search show. */
  derived: Pick<Derived, 'publishedText'>;
  siteUrl: string;
  /** Milliseconds since the epoch (leases are compared with it). */
  clock?: () => number;
  timing?: Partial<ListTiming>;
}

export interface RenderListsInput {
  submissionId: string;
  /** The versions of its session and of the site that its Publish moved them to. */
  sessionVersion: number;
  siteVersion: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The objects one render of a group writes, from its state. */
type Render = (state: ListGroupState) => Promise<SiteObject[]>;

function renderOf(group: ListGroup, deps: RenderListsDeps): Render {
  const { store, siteUrl } = deps;
  if (group.kind === 'site') {
    return async () => [
      ...siteObjects(await store.siteState(), await store.latestDocuments(FEED_ENTRIES), siteUrl),
      ...staticObjects(),
    ];
  }
  // The symbols come in the same strongly consistent read as the version the render records.
  return async (state) => {
    const documents = await store.getDocuments(state.symbols);
    const texts = await publishedTexts(deps.derived, documents.flatMap((d) => d.files), textCache);
    return sessionObjects(group.body, group.session, documents, state.pending, siteUrl, texts);
  };
}

/**
 * The texts read by this process's renders, kept for the next: a session's render reads every text
 * of the session (its search shard holds them), and a text of given bytes never changes, so only
 * the texts of documents published since are read again. Bounded: past the limit the oldest go.
 */
const TEXT_CACHE_CHARACTERS = 64_000_000;
class TextCache extends Map<string, ExtractedText> {
  private characters = 0;
  override set(key: string, text: ExtractedText): this {
    if (!this.has(key)) this.characters += text.paragraphs.reduce((n, p) => n + p.length, 0);
    super.set(key, text);
    for (const [oldest, t] of this) {
      if (this.characters <= TEXT_CACHE_CHARACTERS) break;
      this.characters -= t.paragraphs.reduce((n, p) => n + p.length, 0);
      this.delete(oldest);
    }
    return this;
  }
}
const textCache = new TextCache();

/**
 * As the holder of the group's lease, from the state its taking read: render rounds until a round
 * ends with the version where it began, then give the lease up. Answers the last version a render
 * recorded (undefined if none), and whether the lease was given up.
 */
async function write(group: ListGroup, owner: string, taken: ListGroupState, deps: RenderListsDeps, timing: ListTiming, now: () => number): Promise<{ rendered: number | undefined; released: boolean }> {
  const { store, files } = deps;
  const render = renderOf(group, deps);
  let state = taken;
  let rendered: number | undefined;
  for (let round = 0; round < timing.maxRounds; round++) {
    if (round > 0) {
      await sleep(timing.batchWindowMs);
      state = await store.listGroupState(group);
    }
    const objects = await render(state);
    await Promise.all(objects.map((o) => files.putPage(o.path, o.body, o.contentType)));
    const after = await store.recordRender(group, owner, state.version, now() + timing.leaseMs);
    if (!after) return { rendered, released: false };
    rendered = state.version;
    if (after.version === state.version && (await store.finishRender(group, owner, state.pending, state.version))) return { rendered, released: true };
  }
  return { rendered, released: false };
}

/** Waits until the group's renders include `wanted`, being its writer whenever its lease is free. False when the budget ran out. */
async function listedIn(group: ListGroup, wanted: number, deps: RenderListsDeps, timing: ListTiming, deadline: number): Promise<boolean> {
  const now = deps.clock ?? Date.now;
  const owner = randomUUID();
  let wait = timing.pollMs;
  for (;;) {
    const state = await deps.store.listGroupState(group);
    if (state.renderedVersion >= wanted) return true;
    if (now() > deadline) return false;
    const free = !state.lease || state.lease.until < now();
    const taken = free ? await deps.store.takeLease(group, owner, now() + timing.leaseMs, now()) : undefined;
    if (taken) {
      let done: Awaited<ReturnType<typeof write>> = { rendered: undefined, released: false };
      try {
        done = await write(group, owner, taken, deps, timing, now);
      } finally {
        if (!done.released) await deps.store.releaseLease(group, owner);
      }
      // Its own render included ours: listed, without another look.
      if (done.rendered !== undefined && done.rendered >= wanted) return true;
      wait = timing.pollMs;
      continue;
    }
    // Backing off: dozens of publications waiting on one writer would otherwise read its item
    // hundreds of times a second.
    await sleep(wait);
    wait = Math.min(timing.maxPollMs, wait * 1.5);
  }
}

/** Makes a published submission's session and the site list it, then records it PUBLISHED. */
export async function renderLists(input: RenderListsInput, deps: RenderListsDeps) {
  const { store, siteUrl } = deps;
  const timing = { ...LIST_TIMING, ...deps.timing };
  const now = deps.clock ?? Date.now;
  const record = await store.mustGetSubmission(input.submissionId);
  const symbol = record.symbol;
  if (record.status === 'PUBLISHED' && symbol && record.url) return { submissionId: record.id, symbol, url: record.url };
  if (record.status !== 'TAGGED' || !symbol) {
    throw new InvalidTransition(`Submission ${record.id} is ${record.status}; its lists cannot be rendered`);
  }
  const s = record.submission;
  const deadline = now() + timing.budgetMs;
  const [inSession, inSite] = await Promise.all([
    listedIn({ kind: 'session', body: s.body, session: s.session }, input.sessionVersion, deps, timing, deadline),
    listedIn({ kind: 'site' }, input.siteVersion, deps, timing, deadline),
  ]);
  if (!inSession || !inSite) {
    throw new ListingPending(`${symbol} is not yet on ${[inSession ? [] : 'its session\'s lists', inSite ? [] : 'the site\'s lists'].flat().join(' and ')}; retry`);
  }
  // A translation's page is its language version's.
  const url = `${siteUrl}/${publishedPath(symbol, record.translation)}`;
  await store.transition(record.id, 'PUBLISHED', { from: ['TAGGED'], detail: url, set: { url } });
  return { submissionId: record.id, symbol, url };
}
