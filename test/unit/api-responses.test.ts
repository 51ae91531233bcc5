import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import { ApiError, UnexpectedAnswer, createApi } from '../../cli/api';
import { createSubmission } from '../../functions/create-submission/create-submission';
import { sessionDocumentsView } from '../../functions/publish/catalogue';
import { setSeriesStart } from '../../functions/set-series-start/set-series-start';
import { createFiles } from '#shared/adapters/files';
import {
  CreatedSubmission, DocumentView, ErrorBody, SeriesView, SessionDocuments, SubmissionPage, SubmissionView,
} from '#shared/api/responses';
import { documentView, seriesView, submissionView } from '#shared/api/views';
import { BadRequest } from '#shared/domain/errors';
import { parseSymbol } from '#shared/domain/symbols';
import { errorBody, parseOrBadRequest } from '#shared/handlers/http';
import { SubmissionInput } from '#shared/domain/schemas';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/emulators';
import { ApiProblem, getSubmission } from '../../web/staff/api';
import { startTestStore } from '../support/dynamodb';
import { receivedSubmission } from '../support/submissions';
import { doc, taggedSubmission } from './publish-fixtures';

const SITE = 'https://docs.example.org';
const API = 'http://api.example.org/api';

/** The answer as a client receives it: JSON text, parsed. */
const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** The schema takes the answer as it is: nothing refused, nothing dropped. */
function expectAnswer(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(overTheWire(value));
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(value);
}

const published = () => ({ ...taggedSubmission(47, 10), status: 'PUBLISHED' as const, url: `${SITE}/A/HRC/47/G/10/` });
const failed = () => ({
  ...taggedSubmission(47, 11), status: 'FAILED' as const,
  error: { error: 'DiskFull', cause: 'the site bucket refused the page' },
});

describe('every answer of the API passes the schema the CLI and the staff page read it with', () => {
  it('a submission, as it waits for its files, once published, and once failed', () => {
    for (const record of [receivedSubmission(), published(), failed()]) expectAnswer(SubmissionView, submissionView(record, SITE));
    expect(submissionView(published(), SITE)).toMatchObject({ url: `${SITE}/A/HRC/47/G/10/`, jobNumbers: { en: expect.stringMatching(/^GE\./) } });
  });

  it('a page of submissions, with and without a next page', () => {
    const items = [submissionView(receivedSubmission(), SITE), submissionView(failed(), SITE)];
    expectAnswer(SubmissionPage, { items, cursor: 'eyJrIjoxfQ' });
    expectAnswer(SubmissionPage, { items: [], cursor: null });
  });

  it('a published document, and the documents of its session', () => {
    expectAnswer(DocumentView, documentView(doc(1), SITE));
    expectAnswer(SessionDocuments, sessionDocumentsView('HRC', 47, [doc(1), doc(2, { agendaItem: 2 })], SITE));
  });

  it('a document with its versions’ issued PDFs, and one from before there were any', () => {
    const pdf = { path: 'A/HRC/47/G/1/A_HRC_47_G_1-F.pdf', size: 48_213, sha256: 'c'.repeat(64), pages: 3, jobNumber: 'GE.21-08244(F)', at: '2021-06-18T09:00:00.000Z' };
    const view = documentView(doc(1, { pdfs: { fr: pdf } }), SITE);
    expectAnswer(DocumentView, view);
    expect(view.pdfs).toEqual({ fr: { url: `${SITE}/A/HRC/47/G/1/A_HRC_47_G_1-F.pdf`, size: 48_213, pages: 3, sha256: 'c'.repeat(64), jobNumber: 'GE.21-08244(F)' } });
    expect(documentView(doc(1), SITE).pdfs).toEqual({});
    const { pdfs: _pdfs, ...older } = documentView(doc(1), SITE);
    expect(DocumentView.parse(overTheWire(older)).pdfs).toEqual({});
  });

  describe('against the store', () => {
    let t: Awaited<ReturnType<typeof startTestStore>>;
    beforeAll(async () => { t = await startTestStore(); });
    afterAll(async () => t?.close());

    it('a created submission with its presigned uploads', async () => {
      const s3 = new S3Client({ endpoint: 'http://localhost:4569', region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
      const r = receivedSubmission();
      const body = { ...r.submission, files: r.submission.files.map(({ key: _key, ...f }) => f) };
      const created = await createSubmission(body, {
        store: t.store, files: createFiles(s3, { intake: 'intake', site: 'site' }), newId: () => '01J0000000000000000000000A',
        maxFileSize: 1_000_000, uploadExpiry: 3600,
      });
      expectAnswer(CreatedSubmission, created);
    });

    it('a series, before and after its start is set', async () => {
      await t.store.allocate('A/HRC/48/G', 'sub-a', 1);
      expectAnswer(SeriesView, seriesView('A/HRC/48/G', (await t.store.getCounter('A/HRC/48/G'))!));
      expectAnswer(SeriesView, await setSeriesStart({ series: 'A/HRC/49/G', start: 10 }, 'local staff token', t.store));
    });
  });

  it('an error: a refused body with its issues, a malformed symbol with where it goes wrong, or a plain one', () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof BadRequest) return JSON.parse(errorBody(e.code, e.message, e.details)) as unknown;
      }
      throw new Error('not refused');
    };
    const refused = refusal(() => parseOrBadRequest(SubmissionInput, { body: 'HRC' }, 'The submission'));
    expectAnswer(ErrorBody, refused);
    expect(refused).toMatchObject({ error: { details: expect.arrayContaining([{ path: 'session', message: 'is required' }]) } });
    expectAnswer(ErrorBody, refusal(() => parseSymbol('A/HRC/47/G/x')));
    expectAnswer(ErrorBody, JSON.parse(errorBody('NotFound', 'No submission 01J0000000000000000000000A')));
  });
});

/** A fetch that answers every request with `body` (JSON unless a string) and `status`. */
function answering(body: unknown, status = 200): typeof fetch {
  return async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
const ID = '01J0000000000000000000000A';

describe('the CLI\'s client', () => {
  const client = (body: unknown, status?: number) => createApi({ baseUrl: API, token: 't', fetch: answering(body, status) });

  it('takes an answer that passes the API\'s schema, and keeps it as it came for --json', async () => {
    const view = overTheWire(submissionView(receivedSubmission({ id: ID }), SITE));
    const answer = await client(view).getSubmission(ID);
    expect(answer.value.id).toBe(ID);
    expect(answer.raw).toEqual(view);
  });

  it('refuses a malformed answer, saying where it came from and what is wrong', async () => {
    const view = { ...submissionView(receivedSubmission({ id: ID }), SITE), status: 'LOST' };
    const refused = client(view).getSubmission(ID);
    await expect(refused).rejects.toThrow(UnexpectedAnswer);
    await expect(client(view).getSubmission(ID)).rejects.toThrow(
      `GET ${API}/submissions/${ID} gave an unexpected answer (is CIRCULATE_API the API's address?): ✖ Invalid option`);
    await expect(client('<html>a proxy page</html>').getSubmission(ID)).rejects.toThrow(/gave an unexpected answer .*: not JSON$/);
  });

  it('refuses an upload link that is not http or https', async () => {
    const created = { id: ID, status: 'AWAITING_UPLOAD', uploads: [{ name: 'note.pdf', method: 'PUT', url: 'javascript:alert(1)', headers: {} }] };
    await expect(client(created).createSubmission(receivedSubmission().submission)).rejects.toThrow(/uploads\[0\]\.url/);
  });

  it('gives the API\'s error with its issues, one line each', async () => {
    const body = JSON.parse(errorBody('BadRequest', 'The submission is not valid: title: is required', [{ path: 'title', message: 'is required' }]));
    const refused = client(body, 400).getSubmission(ID);
    await expect(refused).rejects.toThrow(ApiError);
    await expect(refused).rejects.toMatchObject({ status: 400, code: 'BadRequest', issues: ['title: is required'] });
  });
});

describe('the staff page\'s client', () => {
  const real = globalThis.fetch;
  afterAll(() => { globalThis.fetch = real; });

  it('refuses a malformed answer with a message staff can act on', async () => {
    globalThis.fetch = answering({ id: ID, status: 'PUBLISHED' });
    await expect(getSubmission(ID)).rejects.toMatchObject({
      code: 'UnexpectedAnswer', message: 'Circulate sent an answer this page does not understand: reload the page and try again',
    });
  });

  it('takes a submission view, and an error\'s issues to show beside the fields', async () => {
    globalThis.fetch = answering(submissionView(published(), SITE));
    expect((await getSubmission(ID)).symbol).toBe('A/HRC/47/G/10');
    globalThis.fetch = answering(JSON.parse(errorBody('BadRequest', 'The submission is not valid', [{ path: 'title', message: 'is required' }])), 400);
    await expect(getSubmission(ID)).rejects.toEqual(new ApiProblem(400, 'BadRequest', 'The submission is not valid', [{ path: 'title', message: 'is required' }]));
  });
});
