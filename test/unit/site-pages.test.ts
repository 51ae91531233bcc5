import { describe, expect, it } from '@jest/globals';
import {
  NOT_FOUND_SCRIPT_PATH, SEARCH_INDEX_PATH, SEARCH_PAGE_PATH, SEARCH_SCRIPT_PATH, SITE_FEED_PATH, documentLanguagePagePath,
} from '#shared/domain/site-paths';
import { renderDocumentPage } from '../../functions/publish/pages/document';
import { renderLanguagePage } from '../../functions/publish/pages/document-language';
import { renderHomePage } from '../../functions/publish/pages/home';
import { renderNotFoundPage } from '../../functions/publish/pages/not-found';
import { renderSearchPage } from '../../functions/publish/pages/search';
import { renderSessionPage } from '../../functions/publish/pages/session';
import type { RelatedDocument } from '../../functions/publish/related';
import { sessionCataloguePath, sessionFeedPath } from '../../functions/publish/sessions';
import { DocumentRecord, localizedMasthead, masthead } from '#shared/domain/document';
import { REPRODUCED_AS_RECEIVED } from '../../functions/publish/footnotes';
import { jobNumbersFrom } from '#shared/domain/job-numbers';
import { LANGUAGE_CODES, type Language } from '#shared/domain/languages';
import { REGISTRY } from '#shared/domain/registry';
import { tagTranslationStatus } from '#shared/domain/translation-status';
import { labelled } from '../support/expect';

// ── Fixtures: the example, A/HRC/47/G/10 (cover in English, annex reproduced as received) ────────

interface FileFixture { name: string; part: string; language: Language; translate: boolean; contentType: string; size: number; path: string }

const COVER: FileFixture = { name: 'note-verbale.pdf', part: 'cover', language: 'en', translate: true, contentType: 'application/pdf', size: 48213, path: 'A/HRC/47/G/10/cover.en.pdf' };
const ANNEX: FileFixture = { name: 'annex.pdf', part: 'annex', language: 'en', translate: false, contentType: 'application/pdf', size: 90112, path: 'A/HRC/47/G/10/annex.en.pdf' };
const COVER_FR: FileFixture = { ...COVER, name: 'note-verbale-fr.pdf', language: 'fr', path: 'A/HRC/47/G/10/cover.fr.pdf' };

function makeDoc(over: Partial<Omit<DocumentRecord, 'files' | 'translations'>> = {}, files: FileFixture[] = [COVER, ANNEX]): DocumentRecord {
  const originalLanguage = over.originalLanguage ?? 'en';
  return DocumentRecord.parse({
    symbol: 'A/HRC/47/G/10', submissionId: '01J0000000000000000000000', body: 'HRC', session: 47, agendaItem: 4,
    series: 'G', number: 10, kind: 'note-verbale',
    title: 'Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights',
    sender: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
    addressee: 'Office of the United Nations High Commissioner for Human Rights',
    dated: '2021-06-08', originalLanguage, mastheadDate: '2021-06-18', distribution: 'General',
    publishedAt: '2021-06-18T09:00:00.000Z', jobNumbers: jobNumbersFrom(REGISTRY.dutyStations.GE!, 2021, 8235),
    ...over,
    translations: tagTranslationStatus(files, originalLanguage),
    files: files.map(({ translate: _translate, ...f }) => ({ ...f, sha256: 'a'.repeat(64) })),
  });
}

/** The masthead's printed lines, in order (tags become line breaks). */
function mastheadLines(page: string): string[] {
  const start = page.indexOf('<header class="masthead"');
  const end = page.indexOf('</header>', start);
  expect(start).toBeGreaterThan(-1);
  return page.slice(start, end).split(/<[^>]*>/).map((s) => s.trim()).filter(Boolean);
}

/** The opening tag of the element whose text is `text` (first such). */
function tagAround(page: string, text: string): string {
  const at = page.indexOf(`>${text}<`);
  labelled(text, () => expect(at).toBeGreaterThan(-1));
  return page.slice(page.lastIndexOf('<', at), at + 1);
}

/** No inline script: only empty external scripts of the site's own; no event-handler or style attribute. */
function expectNoInlineScript(page: string): void {
  const external = /<script type="module" src="\/assets\/[a-z-]+\.js"><\/script>/g;
  expect(page.replace(external, '')).not.toMatch(/<script/i);
  expect(page).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  expect(page).not.toMatch(/<[a-z][^>]*\sstyle\s*=/i);
}

const doc = makeDoc();
const fr = renderLanguagePage(doc, 'fr');
const ar = renderLanguagePage(doc, 'ar');

// ── Mastheads in the six languages ─────────────────────────────────────────────────────────────

describe('masthead(doc, lang)', () => {
  it('prints the French version’s masthead as French documents do', () => {
    expect(masthead(doc, 'fr')).toEqual({
      unitedNations: 'Nations Unies', organ: 'Assemblée générale', symbol: 'A/HRC/47/G/10',
      distribution: 'Distr. générale', date: '18 juin 2021', version: 'Français', original: 'Original : anglais',
      body: 'Conseil des droits de l’homme', session: 'Quarante-septième session', sessionDates: '21 juin-9 juillet 2021',
      agendaItem: 'Point 4 de l’ordre du jour',
      agendaItemTitle: 'Situations relatives aux droits de l’homme qui requièrent l’attention du Conseil',
    });
  });

  it('prints the Spanish session and dates seen on documents, and the item title marked unconfirmed', () => {
    const m = localizedMasthead(doc, 'es');
    expect(m.session).toEqual({ text: '47º período de sesiones', lang: 'es' });
    expect(m.sessionDates).toEqual({ text: '21 de junio a 9 de julio de 2021', lang: 'es' });
    expect(m.date).toEqual({ text: '18 de junio de 2021', lang: 'es' });
    expect(m.original).toEqual({ text: 'Original: inglés', lang: 'es' });
    expect(m.agendaItem).toEqual({ text: 'Tema 4 de la agenda', lang: 'es' });
    expect(m.agendaItemTitle).toEqual({ text: 'Situaciones de derechos humanos que requieren la atención del Consejo', lang: 'es', unconfirmed: true });
  });

  it('keeps the distribution block in English on the Russian, Arabic and Chinese versions', () => {
    for (const [lang, version] of [['ru', 'Russian'], ['ar', 'Arabic'], ['zh', 'Chinese']] as const) {
      const m = localizedMasthead(doc, lang);
      expect(m.distribution).toEqual({ text: 'Distr.: General', lang: 'en' });
      expect(m.date).toEqual({ text: '18 June 2021', lang: 'en' });
      expect(m.version).toEqual({ text: version, lang: 'en' });
      expect(m.original).toEqual({ text: 'Original: English', lang: 'en' });
    }
    expect(localizedMasthead(doc, 'ar').agendaItem).toEqual({ text: 'البند 4 من جدول الأعمال', lang: 'ar' });
    expect(localizedMasthead(doc, 'zh').agendaItem).toEqual({ text: '议程项目4', lang: 'zh' });
    expect(localizedMasthead(doc, 'ru').body).toEqual({ text: 'Совет по правам человека', lang: 'ru' });
  });

  it('words the session and its dates in every language, marked unconfirmed where not seen on a document', () => {
    expect(localizedMasthead(doc, 'zh').session).toEqual({ text: '第四十七届会议', lang: 'zh', unconfirmed: true });
    expect(localizedMasthead(doc, 'zh').sessionDates).toEqual({ text: '2021年6月21日至7月9日', lang: 'zh', unconfirmed: true });
    expect(localizedMasthead(doc, 'ru').session).toEqual({ text: 'Сорок седьмая сессия', lang: 'ru', unconfirmed: true });
    expect(localizedMasthead(doc, 'ru').sessionDates).toEqual({ text: '21 июня — 9 июля 2021 года', lang: 'ru' });
    expect(localizedMasthead(doc, 'ar').sessionDates).toEqual({ text: '21 حزيران/يونيه - 9 تموز/يوليه 2021', lang: 'ar' });
  });

  it('falls back to English, marked English, for a name the registry lacks in that language', () => {
    const organ = REGISTRY.organs.A!.name;
    const ru = organ.ru;
    delete organ.ru;
    try {
      expect(localizedMasthead(doc, 'ru').organ).toEqual({ text: 'General Assembly', lang: 'en' });
    } finally {
      organ.ru = ru;
    }
  });

  it('names the version’s own language only on a translation', () => {
    expect(masthead(doc, 'en').version).toBeUndefined();
    const french = makeDoc({ originalLanguage: 'fr' }, [{ ...COVER, language: 'fr' }]);
    expect(masthead(french, 'fr')).toMatchObject({ original: 'Original : français' });
    expect(masthead(french, 'fr').version).toBeUndefined();
    expect(masthead(french, 'en')).toMatchObject({ version: 'English', original: 'Original: French' });
  });

  it('keeps the API’s English masthead as it was', () => {
    expect(masthead(doc)).toEqual({
      unitedNations: 'United Nations', organ: 'General Assembly', symbol: 'A/HRC/47/G/10', distribution: 'Distr.: General',
      date: '18 June 2021', original: 'Original: English', body: 'Human Rights Council', session: 'Forty-seventh session',
      sessionDates: '21 June–9 July 2021', agendaItem: 'Agenda item 4',
      agendaItemTitle: 'Human rights situations that require the Council’s attention',
    });
  });
});

// ── Language pages ─────────────────────────────────────────────────────────────────────────────

describe('renderLanguagePage', () => {
  it('lives at the document’s address followed by the language', () => {
    expect(documentLanguagePagePath('A/HRC/47/G/10', 'fr')).toBe('A/HRC/47/G/10/fr/index.html');
    expect(documentLanguagePagePath('A/HRC/47/L.1/Rev.1', 'ar')).toBe('A/HRC/47/L.1/Rev.1/ar/index.html');
    expect(() => documentLanguagePagePath('A/HRC/47/G/10', 'de')).toThrow(RangeError);
  });

  it('prints the French masthead, with the French page’s language', () => {
    expect(fr).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(mastheadLines(fr)).toEqual([
      'Nations Unies', 'A/HRC/47/G/10',
      'Assemblée générale', 'Distr. générale', '18 juin 2021', 'Français', 'Original : anglais',
      'Conseil des droits de l’homme', 'Quarante-septième session', '21 juin-9 juillet 2021',
      'Point 4 de l’ordre du jour', 'Situations relatives aux droits de l’homme qui requièrent l’attention du Conseil',
    ]);
    expect(fr).toContain('<header class="masthead">');
  });

  it('makes the Arabic page right to left, and marks the English lines of its masthead', () => {
    expect(ar).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/);
    expect(tagAround(ar, 'Distr.: General')).toBe('<p lang="en" dir="ltr">');
    expect(tagAround(ar, 'Original: English')).toBe('<p class="original" lang="en" dir="ltr">');
    expect(tagAround(ar, 'الدورة السابعة والأربعون')).toBe('<p class="session">');
    expect(tagAround(ar, 'مجلس حقوق الإنسان')).toBe('<p class="body-name">');
    expect(ar).toContain('<p class="masthead-symbol" dir="ltr" itemprop="identifier">A/HRC/47/G/10</p>');
    // The English furniture keeps its language and direction.
    expect(ar).toContain('<header class="site-header" lang="en" dir="ltr">');
    expect(ar).toContain('<footer class="site-footer" lang="en" dir="ltr">');
  });

  it('names the version on a translation’s page only, not on the page of all versions', () => {
    const french = makeDoc({ originalLanguage: 'fr' }, [{ ...COVER, language: 'fr' }]);
    expect(mastheadLines(renderLanguagePage(french, 'en'))).toEqual(expect.arrayContaining(['English', 'Original: French']));
    expect(mastheadLines(renderDocumentPage(french))).not.toContain('English');
    expect(mastheadLines(renderLanguagePage(french, 'fr'))).not.toContain('Français');
  });

  it('prints the Chinese masthead’s session lines in Chinese, the distribution block in English', () => {
    const zh = renderLanguagePage(doc, 'zh');
    expect(tagAround(zh, '第四十七届会议')).toBe('<p class="session">');
    expect(tagAround(zh, '2021年6月21日至7月9日')).toBe('<p class="dates">');
    expect(tagAround(zh, '议程项目4')).toBe('<p class="agenda-item">');
    expect(tagAround(zh, 'Distr.: General')).toBe('<p lang="en">');
  });

  it('says the French cover is pending translation and links the original', () => {
    const cover = fr.slice(fr.indexOf('<h3 id="cover">'), fr.indexOf('<h3 id="annex">'));
    expect(cover).toContain('<strong>Pending translation:</strong> the French version has not been issued yet.');
    expect(cover).toContain('Read the original, in English:');
    expect(cover).toContain('<a href="/A/HRC/47/G/10/cover.en.pdf" hreflang="en"');
  });

  it('links a translation received in that language, not the original', () => {
    const page = renderLanguagePage(makeDoc({}, [COVER, COVER_FR, ANNEX]), 'fr');
    const cover = page.slice(page.indexOf('<h3 id="cover">'), page.indexOf('<h3 id="annex">'));
    expect(cover).toContain('Translated: the French version is issued.');
    expect(cover).toContain('<a href="/A/HRC/47/G/10/cover.fr.pdf" hreflang="fr"');
    expect(cover).not.toContain('cover.en.pdf');
  });

  it('gives the annex reproduced as received the footnote in the page’s language', () => {
    expect(fr).toContain('<h3 id="annex">Annex<sup><a class="fn-ref" id="fnref-annex" href="#footnote-reproduced">');
    expect(fr).toContain('<strong>Reproduced as received:</strong> issued in English only');
    expect(fr).toContain(`<p id="footnote-reproduced">* ${REPRODUCED_AS_RECEIVED.fr.one}</p>`);
    expect(REPRODUCED_AS_RECEIVED.fr.one).toBe('L’annexe est reproduite telle qu’elle a été reçue, dans la langue de l’original seulement.');
    expect(ar).toContain(`<p id="footnote-reproduced">* ${REPRODUCED_AS_RECEIVED.ar.one}</p>`);
    // The English version of an English original has no footnote: nothing is reproduced in it.
    expect(renderLanguagePage(doc, 'en')).not.toContain('footnote-reproduced"');
  });

  it('speaks of the annexes in the plural where two parts are reproduced as received', () => {
    const ANNEX_2 = { ...ANNEX, name: 'annex-2.pdf', part: 'annex-2', path: 'A/HRC/47/G/10/annex-2.en.pdf' };
    const page = renderLanguagePage(makeDoc({}, [COVER, ANNEX, ANNEX_2]), 'fr');
    expect(page).toContain(`<p id="footnote-reproduced">* ${REPRODUCED_AS_RECEIVED.fr.many}</p>`);
    expect(page).not.toContain(REPRODUCED_AS_RECEIVED.fr.one);
  });

  it('prints that version’s job number', () => {
    expect(fr).toContain('<p class="job-number">GE.21-08238(F)</p>');
    expect(ar).toContain('<p class="job-number">GE.21-08235(A)</p>');
  });

  it('links every language version by its own name, this one marked current, and the page of all versions', () => {
    expect(fr).toContain('<a href="/A/HRC/47/G/10/fr/" hreflang="fr" lang="fr" aria-current="page">Français</a>');
    expect(fr).toContain('<a href="/A/HRC/47/G/10/ar/" hreflang="ar" lang="ar" dir="rtl">العربية</a>');
    expect(fr).toContain('<a href="/A/HRC/47/G/10/">Every language version and file of A/HRC/47/G/10</a>');
    expect(fr).toContain('<li><a href="/A/HRC/47/G/10/">A/HRC/47/G/10</a></li>');
    expect(fr).toContain('<li><span aria-current="page" lang="fr">Français</span></li>');
  });

  it('escapes the submitter’s strings', () => {
    const hostile = renderLanguagePage(makeDoc({ title: '<script>alert(1)</script>', sender: '"><b>bold</b>' }, [{ ...COVER, name: '<i>x</i>.pdf' }, ANNEX]), 'ar');
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toContain('&quot;&gt;&lt;b&gt;bold&lt;/b&gt;');
    expect(hostile).toContain('&lt;i&gt;x&lt;/i&gt;.pdf');
    expect(hostile).not.toContain('<b>');
    expect(hostile).not.toContain('<i>');
    expectNoInlineScript(hostile);
  });
});

// ── The document page: versions, microdata, related documents ─────────────────────────────────

describe('renderDocumentPage, for readers and machines', () => {
  const page = renderDocumentPage(doc);

  it('links each language version’s page', () => {
    for (const l of LANGUAGE_CODES) expect(page).toContain(`<a href="/A/HRC/47/G/10/${l}/" hreflang="${l}"`);
    expect(page).toContain('<link rel="alternate" hreflang="fr" href="/A/HRC/47/G/10/fr/">');
    expect(page).toContain('<link rel="alternate" hreflang="x-default" href="/A/HRC/47/G/10/">');
  });

  it('describes the document in schema.org microdata, without any script', () => {
    expect(page).toContain('<article class="document" itemscope itemtype="https://schema.org/DigitalDocument">');
    expect(page).toContain('<meta itemprop="inLanguage" content="en">');
    expect(page).toMatch(/<p class="masthead-symbol" dir="ltr" itemprop="identifier">A\/HRC\/47\/G\/10<\/p>/);
    expect(page).toMatch(/<h1 class="document-title" dir="auto" itemprop="name">Note verbale dated 8 June 2021/);
    expect(page).toContain('<time datetime="2021-06-18" itemprop="datePublished">18 June 2021</time>');
    expect(page).toContain('<time datetime="2021-06-08" itemprop="dateCreated">8 June 2021</time>');
    expect(page).toContain('itemprop="author" itemscope itemtype="https://schema.org/GovernmentOrganization"><span itemprop="name">Permanent Mission of Azerbaijan to the United Nations Office at Geneva</span>');
    expect(page).toContain('<a href="/A/HRC/47/" itemprop="isPartOf">Human Rights Council — Forty-seventh session</a>');
    expect(fr).toContain('<meta itemprop="inLanguage" content="fr">');
    expect(fr).toContain('<time datetime="2021-06-18" itemprop="datePublished">18 juin 2021</time>');
    // Every itemprop is inside the item.
    const article = page.slice(page.indexOf('<article'), page.indexOf('</article>'));
    expect(page.match(/itemprop=/g)).toHaveLength(article.match(/itemprop=/g)!.length);
    expectNoInlineScript(page);
  });

  it('renders nothing about related documents when there are none', () => {
    expect(page).not.toContain('Related documents');
    expect(page).not.toContain('class="notice"');
  });

  it('links its corrigenda, revisions and addenda, and warns that a revision replaces it', () => {
    const related: RelatedDocument[] = [
      { symbol: 'A/HRC/47/G/10/Corr.1', title: 'Corrigendum <b>1</b>', relation: 'corrigendum' },
      { symbol: 'A/HRC/47/G/10/Rev.1', title: 'Revised note', relation: 'revision' },
      { symbol: 'A/HRC/47/G/10/Add.1', title: 'Addendum', relation: 'addendum' },
    ];
    const withRelated = renderDocumentPage(doc, related);
    expect(withRelated).toContain('<h2 id="related-heading">Related documents</h2>');
    expect(withRelated).toContain('<li><span class="relation">Corrigendum:</span> <a href="/A/HRC/47/G/10/Corr.1/" dir="ltr">A/HRC/47/G/10/Corr.1</a> <span class="related-title" dir="auto">Corrigendum &lt;b&gt;1&lt;/b&gt;</span></li>');
    expect(withRelated).toContain('<span class="relation">Addendum:</span> <a href="/A/HRC/47/G/10/Add.1/"');
    const superseded = '<p class="notice superseded" role="note"><strong>Superseded by <a href="/A/HRC/47/G/10/Rev.1/" dir="ltr">A/HRC/47/G/10/Rev.1</a></strong>: the revision replaces the text of this document.</p>';
    expect(withRelated).toContain(superseded);
    expect(withRelated.indexOf('class="notice superseded"')).toBeLessThan(withRelated.indexOf('<header class="masthead"'));
    // Every language version says it too, first, in English marked as such.
    const french = renderLanguagePage(doc, 'fr', related);
    expect(french).toContain('<p class="notice superseded" role="note" lang="en"><strong>Superseded by <a href="/A/HRC/47/G/10/Rev.1/"');
    expect(french.indexOf('class="notice superseded"')).toBeLessThan(french.indexOf('<header class="masthead"'));
    const corrigendum = renderLanguagePage(makeDoc({ symbol: 'A/HRC/47/G/10/Corr.1' }), 'fr', [{ symbol: 'A/HRC/47/G/10', title: 'The note', relation: 'corrects' }]);
    expect(corrigendum).toContain('<section class="related" aria-labelledby="related-heading" lang="en">');
    expect(corrigendum).toContain('<span class="relation">Corrects:</span> <a href="/A/HRC/47/G/10/"');
  });

  it('says at the top what a corrigendum corrects, which versions, and heads it "Corrigendum" in the version’s wording', () => {
    const fr = { ...COVER_FR, path: 'A/HRC/47/G/10/Corr.1/cover.fr.pdf' };
    const corr = { ...makeDoc({ symbol: 'A/HRC/47/G/10/Corr.1', originalLanguage: 'fr' }, [fr]), translations: tagTranslationStatus([fr], 'fr', { corrigendum: true }) };
    const base = [{ symbol: 'A/HRC/47/G/10', title: 'The note', relation: 'corrects' as const }];
    const all = renderDocumentPage(corr, base);
    expect(all).toContain('<p class="notice lineage" role="note" lang="en">Corrigendum to <a href="/A/HRC/47/G/10/" dir="ltr">A/HRC/47/G/10</a>, correcting the French version only.</p>');
    expect(all).toContain('<p class="designation" lang="en">Corrigendum</p>');
    expect(all).toMatch(/<th scope="row">English<\/th>\n<td class="status-not-issued">Not issued<\/td>\n<td><span class="muted">Not issued in this language<\/span><\/td>/);
    expect(renderLanguagePage(corr, 'fr', base)).toContain('<p class="designation">Rectificatif</p>');
    const english = renderLanguagePage(corr, 'en', base);
    expect(english).toContain('<strong>Not issued in English:</strong> this corrigendum corrects other language versions only');
    expect(english).not.toContain('Pending translation');
  });

  it('says at the top what a revision replaces and what an addendum adds to', () => {
    const rev = renderDocumentPage(makeDoc({ symbol: 'A/HRC/47/G/10/Rev.1' }), [{ symbol: 'A/HRC/47/G/10', title: 'The note', relation: 'revises' }]);
    expect(rev).toContain('Revision of <a href="/A/HRC/47/G/10/" dir="ltr">A/HRC/47/G/10</a>, which it replaces.</p>');
    expect(rev).not.toContain('class="designation"');
    const add = renderLanguagePage(makeDoc({ symbol: 'A/HRC/47/G/10/Add.1' }), 'es', [{ symbol: 'A/HRC/47/G/10', title: 'The note', relation: 'adds-to' }]);
    expect(add).toContain('Addendum to <a href="/A/HRC/47/G/10/" dir="ltr">A/HRC/47/G/10</a>.</p>');
    expect(add).toContain('<p class="designation">Adición</p>');
  });
});

// ── Feeds and data links ───────────────────────────────────────────────────────────────────────

describe('feeds and catalogues', () => {
  const siteFeed = `<link rel="alternate" type="application/atom+xml" href="/${SITE_FEED_PATH}"`;
  const sessionFeed = `<link rel="alternate" type="application/atom+xml" href="/${sessionFeedPath('HRC', 47)}"`;
  const session = renderSessionPage('HRC', 47, [doc]);
  const pages = {
    home: renderHomePage([{ body: 'HRC', session: 47, documents: 1 }], [doc]),
    session, document: renderDocumentPage(doc), french: fr, arabic: ar, search: renderSearchPage(), 'not found': renderNotFoundPage(),
  };

  it.each(Object.entries(pages))('the %s page links the site’s feed', (_name, page) => {
    expect(page).toContain(siteFeed);
    expect(page.indexOf(siteFeed)).toBeLessThan(page.indexOf('</head>'));
  });

  it('session, document and language pages link the session’s feed; others do not', () => {
    for (const page of [pages.session, pages.document, pages.french, pages.arabic]) expect(page).toContain(sessionFeed);
    for (const page of [pages.home, pages.search, pages['not found']]) expect(page).not.toContain(sessionFeed);
    expect(sessionFeedPath('HRC', 47)).toBe('A/HRC/47/feed.xml');
  });

  it('the session page links its JSON catalogue, in the head and in the page', () => {
    expect(sessionCataloguePath('HRC', 47)).toBe('A/HRC/47/documents.json');
    expect(session).toContain('<link rel="alternate" type="application/json" href="/A/HRC/47/documents.json"');
    expect(session).toContain('<a href="/A/HRC/47/documents.json" type="application/json">catalogue of its documents (JSON)</a>');
    expect(session).toContain('<a href="/A/HRC/47/feed.xml" type="application/atom+xml">feed of its documents (Atom)</a>');
  });

  it.each(Object.entries(pages))('the %s page has no inline script', (_name, page) => expectNoInlineScript(page));
});

// ── Search and 404 ─────────────────────────────────────────────────────────────────────────────

describe('renderSearchPage', () => {
  const page = renderSearchPage();

  it('lives at /search/ and loads the search script, not inline', () => {
    expect(SEARCH_PAGE_PATH).toBe('search/index.html');
    expect(SEARCH_SCRIPT_PATH).toBe('assets/search.js');
    expect(page).toContain('<script type="module" src="/assets/search.js"></script>');
  });

  it('has a GET form with a labelled query field, that works as a link would', () => {
    expect(page).toMatch(/<form class="search-form" action="\/search\/" method="get" role="search" id="search-form" data-search-index="\/search\/index\.json">/);
    expect(SEARCH_INDEX_PATH).toBe('search/index.json');
    expect(page).toContain('<label for="q">');
    expect(page).toMatch(/<input type="search" id="q" name="q"/);
  });

  it('announces the result count politely and says what to do without JavaScript', () => {
    expect(page).toContain('<p id="search-status" class="search-status" role="status" aria-live="polite" aria-atomic="true"></p>');
    expect(page).toContain('<ol id="search-results" class="results" aria-labelledby="search-status"></ol>');
    expect(page).toMatch(/<div id="search-no-script" class="notice">\n<p>Search runs in your browser and needs JavaScript/);
    expect(page).toContain('<a href="/search/" aria-current="page">Search</a>');
  });
});

describe('renderNotFoundPage', () => {
  const page = renderNotFoundPage();

  it('loads the suggestion script from the site, not inline', () => {
    expect(NOT_FOUND_SCRIPT_PATH).toBe('assets/not-found.js');
    expect(page).toContain('<script type="module" src="/assets/not-found.js"></script>');
    expect(page).toContain('<div id="not-found-suggestion" class="suggestion" data-search-index="/search/index.json" hidden></div>');
  });

  it('offers the home page and search without JavaScript', () => {
    expect(page).toContain('<a href="/">Go to the home page</a>');
    expect(page).toMatch(/<form class="search-form" action="\/search\/" method="get" role="search">\n<label for="not-found-q">/);
    expect(page).toContain('<meta name="robots" content="noindex">');
  });
});
