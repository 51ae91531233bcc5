import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { listSubmissions } from '../../functions/list-submissions/list-submissions';
import type { Store } from '#shared/adapters/store';
import { BadRequest } from '#shared/domain/errors';
import type { Status } from '#shared/domain/schemas';
import { startTestStore } from '../support/dynamodb';
import { submissionIn } from '../support/submissions';

const SITE = 'https://docs.example.org';

/**
 * Against the real store on dynalite: which index answers, the filter within a session, the order
 * and the cursor are DynamoDB's doing, which a fake would have to imitate.
 */
describe('list-submissions', () => {
  let t: Awaited<ReturnType<typeof startTestStore>>;
  let deps: { store: Store; siteUrl: string };
  /** Ids in order of creation (oldest first). */
  const made: { id: string; session: number; status: Status }[] = [];

  beforeAll(async () => {
    t = await startTestStore();
    deps = { store: t.store, siteUrl: SITE };
    const plan: [number, Status][] = [[47, 'PUBLISHED'], [47, 'FAILED'], [48, 'AWAITING_UPLOAD'], [47, 'TAGGED'], [48, 'PUBLISHED'], [47, 'PUBLISHED']];
    for (const [i, [session, status]] of plan.entries()) {
      const record = submissionIn(status, { session, at: new Date(Date.UTC(2021, 5, 18, 8, i)).toISOString() });
      await t.store.createSubmission(record);
      made.push({ id: record.id, session, status });
    }
  });
  afterAll(async () => t?.close());

  const newestFirst = (keep: (m: (typeof made)[number]) => boolean) => made.filter(keep).map((m) => m.id).reverse();
  const ids = (page: Awaited<ReturnType<typeof listSubmissions>>) => page.items.map((i) => i.id);

  it('lists every submission, newest first, with no cursor when that is all', async () => {
    const page = await listSubmissions({}, deps);
    expect(ids(page)).toEqual(newestFirst(() => true));
    expect(page.cursor).toBeNull();
  });

  it('lists the submissions in one status', async () => {
    expect(ids(await listSubmissions({ status: 'PUBLISHED' }, deps))).toEqual(newestFirst((m) => m.status === 'PUBLISHED'));
  });

  it('lists a session’s submissions, and those of a status within it', async () => {
    expect(ids(await listSubmissions({ session: '47' }, deps))).toEqual(newestFirst((m) => m.session === 47));
    expect(ids(await listSubmissions({ session: '47', status: 'PUBLISHED' }, deps))).toEqual(newestFirst((m) => m.session === 47 && m.status === 'PUBLISHED'));
  });

  it('gives them page by page with limit and cursor, each once, the last page without a cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof listSubmissions>> = await listSubmissions({ limit: '4', ...(cursor ? { cursor } : {}) }, deps);
      expect(page.items.length).toBeLessThanOrEqual(4);
      seen.push(...ids(page));
      cursor = page.cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual(newestFirst(() => true));
    expect(pages).toBe(2);
  });

  it('answers each submission as the status route does, without the stored keys', async () => {
    const [item] = (await listSubmissions({ limit: '1' }, deps)).items;
    expect(item).toMatchObject({ id: made.at(-1)!.id, status: 'PUBLISHED', url: null, error: null });
    expect(item!.submission.files.every((f) => !('key' in f))).toBe(true);
  });

  it('refuses a cursor it did not give out', async () => {
    await expect(listSubmissions({ cursor: 'not-a-cursor' }, deps)).rejects.toThrow('The cursor is not one this API gave out; start again without it');
  });

  it.each([['limit', '0'], ['limit', '101'], ['limit', 'ten'], ['status', 'DONE'], ['session', 'x'], ['body', 'CRC']])(
    'refuses %s=%s, naming the parameter', async (name, value) => {
      await expect(listSubmissions({ [name]: value }, deps)).rejects.toThrow(new RegExp(`^The query is not valid: ${name}: `));
    });

  it('refuses a parameter it does not take, rather than ignore it', async () => {
    await expect(listSubmissions({ sort: 'oldest' }, deps)).rejects.toThrow(BadRequest);
  });

  it('takes no query string as the first page of everything', async () => {
    expect(ids(await listSubmissions(null, deps))).toEqual(newestFirst(() => true));
  });
});
