import { describe, expect, it } from '@jest/globals';
import { listSessionDocuments } from '../../functions/list-session-documents/list-session-documents';
import { renderSessionCatalogue } from '../../functions/publish/catalogue';
import { BadRequest, NotFound } from '#shared/domain/errors';
import { FakeDocumentStore } from '../support/fakes';
import { doc } from './publish-fixtures';

const SITE = 'https://docs.example.org';

async function setup() {
  const store = new FakeDocumentStore();
  const documents = [doc(3, { agendaItem: 4 }), doc(1, { agendaItem: 4 }), doc(2, { agendaItem: 3 }), doc(1, { session: 48 })];
  for (const d of documents) await store.putDocument(d);
  return { store, documents, deps: { store, siteUrl: SITE } };
}

const symbolsByItem = (view: Awaited<ReturnType<typeof listSessionDocuments>>) =>
  view.agendaItems.map((i) => [i.item, i.documents.map((d) => d.symbol)]);

describe('list-session-documents', () => {
  it('answers the session’s documents by agenda item, in item order and by number within one', async () => {
    const { deps } = await setup();
    const view = await listSessionDocuments({ body: 'HRC', session: '47' }, deps);
    expect(view).toMatchObject({ body: 'HRC', session: 47 });
    expect(symbolsByItem(view)).toEqual([[3, ['A/HRC/47/G/2']], [4, ['A/HRC/47/G/1', 'A/HRC/47/G/3']]]);
  });

  it('lists only the documents of that session', async () => {
    const { deps } = await setup();
    expect(symbolsByItem(await listSessionDocuments({ body: 'HRC', session: '48' }, deps))).toEqual([[4, ['A/HRC/48/G/1']]]);
  });

  it('answers exactly what the site’s static catalogue of the session holds', async () => {
    const { deps, documents } = await setup();
    const view = await listSessionDocuments({ body: 'HRC', session: '47' }, deps);
    expect(view).toEqual(JSON.parse(renderSessionCatalogue('HRC', 47, documents.filter((d) => d.session === 47), SITE)));
  });

  it('gives each document its view: its address and its files’ addresses on the site', async () => {
    const { deps } = await setup();
    const [first] = (await listSessionDocuments({ body: 'HRC', session: '47' }, deps)).agendaItems[0]!.documents;
    expect(first).toMatchObject({ url: `${SITE}/A/HRC/47/G/2/`, files: [{ url: `${SITE}/A/HRC/47/G/2/cover.en.pdf` }] });
  });

  it('answers an empty list for a session of the registry with nothing published yet', async () => {
    const { deps } = await setup();
    expect((await listSessionDocuments({ body: 'HRC', session: '50' }, deps)).agendaItems).toEqual([]);
  });

  it('refuses a body Circulate does not know, naming the parameter and the bodies it knows', async () => {
    const { deps, store } = await setup();
    await expect(listSessionDocuments({ body: 'CRC', session: '47' }, deps)).rejects.toMatchObject({
      message: 'The session is not valid: body: must be one of HRC',
    });
    expect(store.sessionQueries).toEqual([]);
  });

  it.each(['forty-seven', '0', '-1', '4.5', ''])('refuses the session %p', async (session) => {
    const { deps } = await setup();
    await expect(listSessionDocuments({ body: 'HRC', session }, deps)).rejects.toThrow(BadRequest);
  });

  it('refuses missing path parameters', async () => {
    const { deps } = await setup();
    await expect(listSessionDocuments(null, deps)).rejects.toThrow(BadRequest);
    await expect(listSessionDocuments({ body: 'HRC' }, deps)).rejects.toThrow(/session/);
  });

  it('answers 404 for a session the body has not had', async () => {
    const { deps, store } = await setup();
    await expect(listSessionDocuments({ body: 'HRC', session: '99' }, deps)).rejects.toThrow(NotFound);
    await expect(listSessionDocuments({ body: 'HRC', session: '99' }, deps)).rejects.toThrow('HRC has no session 99');
    expect(store.sessionQueries).toEqual([]);
  });
});
