import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTranslation } from '../../functions/create-translation/create-translation';
import { publish } from '../../functions/publish/publish';
import { publishTranslation, withVersion } from '../../functions/publish-translation/publish-translation';
import { renderLists, type ListTiming } from '../../functions/render-lists/render-lists';
import { tagTranslation } from '../../functions/tag-translation/tag-translation';
import type { Store, StoreOptions } from '#shared/adapters/store';
import type { Language } from '#shared/domain/languages';
import type { SubmissionRecord } from '#shared/domain/schemas';
import { startTestStore } from '../support/dynamodb';
import { FakeFiles } from '../support/fakes';
import { SITE, memorySite, type Site } from './memory-site';
import { doc, taggedSubmission } from './publish-fixtures';

/**
 * The translation path on dynalite, the site in memory: a version taken into the document over the
 * revision it read, several languages landing at once (with writes landing late and out of order),
 * a re-run that changes nothing, and a run that dies after any of its writes, then retried.
 */

class Crash extends Error {
  override name = 'Crash';
}

const TIMING: Partial<ListTiming> = { pollMs: 5, batchWindowMs: 20, leaseMs: 10_000 };
const HEAVY_TIMEOUT_MS = 30_000;
const TITLES: Partial<Record<Language, string>> = {
  fr: 'Note verbale datée du 8 juin 2021', es: 'Nota verbal de fecha 8 de junio de 2021', ru: 'Вербальная нота от 8 июня 2021 года',
  zh: '2021年6月8日的普通照会', ar: 'مذكرة شفوية مؤرخة 8 حزيران/يونيه 2021',
};
const unevenDelay = () => (Math.random() < 0.3 ? 30 + Math.random() * 60 : Math.random() * 5);

describe('withVersion', () => {
  const translation = (language: Language, id: string, title = 'Titre'): Parameters<typeof withVersion>[1] => ({
    ...taggedSubmission(47, 1), id, symbol: 'A/HRC/47/G/1', translation: { of: 'A/HRC/47/G/1', language, kind: 'translation' },
    submission: { ...taggedSubmission(47, 1).submission, title, files: [{ name: 'note-fr.pdf', part: 'cover', language, translate: true, contentType: 'application/pdf', size: 9, sha256: 'f'.repeat(64), key: `submissions/${id}/1-cover.${language}` }] },
  });

  it('adds the file, marks the part translated, keeps the title and when it was issued', () => {
    const next = withVersion(doc(1), translation('fr', 'T1'), '2021-07-01T00:00:00.000Z');
    expect(next.files.map((f) => `${f.part}.${f.language}`)).toEqual(['cover.en', 'cover.fr']);
    expect(next.files.at(-1)?.path).toBe('A/HRC/47/G/1/cover.fr.pdf');
    expect(next.translations.cover).toMatchObject({ en: 'original', fr: 'translated', es: 'pending' });
    expect(next.titles).toEqual({ fr: 'Titre' });
    expect(next.issued).toEqual({ fr: { at: '2021-07-01T00:00:00.000Z', submissionId: 'T1' } });
  });

  it('run again for the same translation, changes nothing (its issue date included)', () => {
    const once = withVersion(doc(1), translation('fr', 'T1'), '2021-07-01T00:00:00.000Z');
    expect(withVersion(once, translation('fr', 'T1'), '2021-07-09T00:00:00.000Z')).toEqual(once);
  });

  it('keeps the other languages, and replaces a file of the same part and language', () => {
    const fr = withVersion(doc(1), translation('fr', 'T1'), '2021-07-01T00:00:00.000Z');
    const es = withVersion(fr, translation('es', 'T2', 'Título'), '2021-07-02T00:00:00.000Z');
    expect(es.titles).toEqual({ fr: 'Titre', es: 'Título' });
    expect(Object.keys(es.issued ?? {})).toEqual(['fr', 'es']);
    const again = withVersion(es, translation('fr', 'T3', 'Titre corrigé'), '2021-07-03T00:00:00.000Z');
    expect(again.files.filter((f) => f.language === 'fr')).toHaveLength(1);
    expect(again.issued?.fr).toEqual({ at: '2021-07-03T00:00:00.000Z', submissionId: 'T3' });
  });
});

describe('publishTranslation on the store', () => {
  let t: Awaited<ReturnType<typeof startTestStore>>;
  let number = 0;
  const intake = new FakeFiles();
  beforeAll(async () => { t = await startTestStore(); });
  afterAll(async () => t?.close());

  /** A document published in English in session 63, its pages and lists in `site`. */
  async function published(site: Site): Promise<string> {
    const record = taggedSubmission(63, ++number);
    await t.store.createSubmission(record);
    await renderLists(await publish(record.id, { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE }), { store: t.store, files: site.files, derived: site.derived, siteUrl: SITE, timing: TIMING });
    return record.symbol!;
  }

  /** A translation sent, its files received and tagged, as create-translation, receive and TagTranslation leave it. */
  async function tagged(symbol: string, language: Language): Promise<string> {
    const created = await createTranslation(symbol, {
      language, title: TITLES[language], files: [{ name: `note-${language}.txt`, part: 'cover', contentType: 'text/plain', size: 9, sha256: 'e'.repeat(64) }],
    }, { store: t.store, files: intake, newId: () => `01J1D7M3ZK8Q9V2W4X6Y8Z${language.toUpperCase()}${String(number).padStart(2, '0')}`, maxFileSize: 1000, uploadExpiry: 900 });
    await t.store.transition(created.id, 'RECEIVED', { from: ['AWAITING_UPLOAD'] });
    await tagTranslation(created.id, t.store, { tagStored: async () => undefined });
    return created.id;
  }

  /** As the workflow runs the translation path's last two steps. */
  const publishAndList = async (id: string, store: Store, site: Site) =>
    renderLists(await publishTranslation(id, { store, files: site.files, derived: site.derived }), { store, files: site.files, derived: site.derived, siteUrl: SITE, timing: TIMING });

  const statusOf = async (id: string) => (await t.store.mustGetSubmission(id)).status;

  it('takes five languages landing at once: every version in the record, on its page and in the feeds', async () => {
    const site = memorySite({ delay: unevenDelay });
    const symbol = await published(site);
    const languages = Object.keys(TITLES) as Language[];
    const ids = await Promise.all(languages.map((l) => tagged(symbol, l)));
    await Promise.all(ids.map((id) => publishAndList(id, t.store, site)));

    const document = (await t.store.getDocument(symbol, true))!;
    expect(document.translations.cover).toEqual({ en: 'original', fr: 'translated', es: 'translated', ru: 'translated', zh: 'translated', ar: 'translated' });
    expect(document.titles).toEqual(TITLES);
    expect(document.revision).toBe(5);
    for (const id of ids) expect(await statusOf(id)).toBe('PUBLISHED');
    // The published submission's table says the same as the document's.
    expect((await t.store.mustGetSubmission(document.submissionId)).translations?.cover).toEqual(document.translations.cover);
    for (const language of languages) {
      const page = site.text(`${symbol}/${language}/index.html`);
      expect(page).toContain(TITLES[language]);
      expect(page).not.toContain('Pending translation');
      expect(site.text(`${symbol}/cover.${language}.txt`)).toContain(`submissions/`);
    }
    const feed = site.text('A/HRC/63/feed.xml');
    for (const language of languages) expect(feed).toContain(`version issued: ${TITLES[language]}`);
  }, HEAVY_TIMEOUT_MS);

  it('run again once published, writes nothing and changes nothing', async () => {
    const site = memorySite();
    const symbol = await published(site);
    const id = await tagged(symbol, 'fr');
    await publishAndList(id, t.store, site);
    const before = await t.store.getDocument(symbol, true);
    const writes = site.writes.length;
    await publishAndList(id, t.store, site);
    expect(await t.store.getDocument(symbol, true)).toEqual(before);
    expect(site.writes.length).toBe(writes);
  });

  it('dies after any one of its writes and, retried, ends as a run that never died', async () => {
    // Every write of one run, in order (RenderLists' own are tested with it).
    const probeSite = memorySite();
    const probeWrites: string[] = [];
    const probeId = await tagged(await published(probeSite), 'fr');
    await publishTranslation(probeId, { store: t.storeWith({ afterWrite: (w) => { probeWrites.push(w); } }), files: probeSite.files, derived: probeSite.derived });
    expect(probeWrites).toEqual(['reviseDocument', 'setTranslationStatuses', expect.stringMatching(/^addToSession/), expect.stringMatching(/^addToLatest/), expect.stringMatching(/^addToSite/)]);

    for (let n = 1; n <= probeWrites.length; n++) {
      const site = memorySite();
      const symbol = await published(site);
      const id = await tagged(symbol, 'es');
      let count = 0;
      const dying: StoreOptions = { afterWrite: () => { if (++count === n) throw new Crash(`died after write ${n}`); } };
      await expect(publishTranslation(id, { store: t.storeWith(dying), files: site.files, derived: site.derived })).rejects.toThrow(Crash);
      await publishAndList(id, t.store, site);
      const document = (await t.store.getDocument(symbol, true))!;
      expect({ n, status: await statusOf(id), es: document.translations.cover?.es, revision: document.revision })
        .toEqual({ n, status: 'PUBLISHED', es: 'translated', revision: 1 });
      expect(site.text(`${symbol}/es/index.html`)).toContain(TITLES.es);
      expect(site.text('A/HRC/63/feed.xml')).toContain(`${symbol} — Spanish version issued: ${TITLES.es}`);
      const original: SubmissionRecord = await t.store.mustGetSubmission(document.submissionId);
      expect(original.translations?.cover?.es).toBe('translated');
    }
  }, HEAVY_TIMEOUT_MS);
});
