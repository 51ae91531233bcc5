import { describe, expect, it } from '@jest/globals';
import { DocumentRecord, type IssuedPdf, type PublishedFile } from '#shared/domain/document';
import type { ExtractedText } from '#shared/text/extract';
import { issuedPdfPath } from '#shared/domain/site-paths';
import { tagTranslationStatus } from '#shared/domain/translation-status';
import { REPRODUCED_AS_RECEIVED } from '../../functions/publish/footnotes';
import { renderDocumentPage } from '../../functions/publish/pages/document';
import { renderLanguagePage } from '../../functions/publish/pages/document-language';
import { MAX_PAGE_TEXT_CHARACTERS } from '../../functions/publish/pages/part-text';
import { documentPages } from '../../functions/publish/site-objects';
import { labelled } from '../support/expect';
import { doc } from './publish-fixtures';

// ── Fixtures: A/HRC/47/G/10 as submitted (cover in English, annex reproduced as received), its French cover ──

const SYMBOL = 'A/HRC/47/G/10';
const sha = (c: string) => c.repeat(64);

function file(part: string, language: 'en' | 'fr' | 'ar', over: Partial<PublishedFile> = {}): PublishedFile {
  return {
    part, language, name: `${part}-${language}.pdf`, contentType: 'application/pdf', size: 48_213,
    sha256: sha(part === 'cover' ? language[0]! : 'b'), path: `${SYMBOL}/${part}.${language}.pdf`, ...over,
  };
}

const COVER = file('cover', 'en');
const ANNEX = file('annex', 'en');
const COVER_FR = file('cover', 'fr');

function documentOf(files: PublishedFile[], over: Partial<DocumentRecord> = {}, translateAnnex = false): DocumentRecord {
  const original = over.originalLanguage ?? 'en';
  const declared = files.filter((f) => f.language === original).map((f) => ({ part: f.part, language: f.language, translate: f.part === 'cover' || translateAnnex }));
  const translations = tagTranslationStatus(declared, original);
  for (const f of files) if (f.language !== original) translations[f.part]![f.language] = 'translated';
  return DocumentRecord.parse({ ...doc(10), files, translations, ...over, symbol: over.symbol ?? SYMBOL });
}

function textOf(f: PublishedFile, paragraphs: string[], over: Partial<ExtractedText> = {}): [string, ExtractedText] {
  return [f.path, { format: 1, sha256: f.sha256, contentType: f.contentType, textLayer: true, pages: 1, paragraphs, ...over }];
}

const COVER_TEXT = ['The Permanent Mission of the Republic of Azerbaijan … has the honour to transmit herewith information.', 'The Permanent Mission kindly requests the Office to circulate the present note verbale.'];
const ANNEX_TEXT = ['Information of the Press Service Department of the Ministry of Foreign Affairs.', 'Attempts to violate the borders of Azerbaijan are unacceptable.'];
const COVER_FR_TEXT = ['La Mission permanente de la République d’Azerbaïdjan … fait tenir, ci-joint, des informations.'];

const TEXTS = new Map([textOf(COVER, COVER_TEXT), textOf(ANNEX, ANNEX_TEXT), textOf(COVER_FR, COVER_FR_TEXT)]);

/** A part's section of a language page: from its heading to the next part's. */
function partOf(page: string, id: string): string {
  const start = page.indexOf(`<h3 id="${id}">`);
  labelled(id, () => expect(start).toBeGreaterThan(-1));
  return page.slice(start, page.indexOf('</section>', start));
}

const paragraphs = (html: string) => [...html.matchAll(/<p>([^<]*)<\/p>/g)].map((m) => m[1]);

describe('the text of each part on a language page', () => {
  const document = documentOf([COVER, ANNEX, COVER_FR]);
  const fr = renderLanguagePage(document, 'fr', [], TEXTS);
  const en = renderLanguagePage(document, 'en', [], TEXTS);

  it('shows the version’s own cover note, in its language, paragraph by paragraph, under the part’s heading', () => {
    const cover = partOf(fr, 'cover');
    expect(cover).toContain('<div class="part-text" lang="fr">\n<p>La Mission permanente de la République d’Azerbaïdjan … fait tenir, ci-joint, des informations.</p>\n</div>');
    expect(cover.indexOf('class="version-files"')).toBeLessThan(cover.indexOf('class="part-text"'));
    expect(cover).not.toContain(COVER_TEXT[0]);
  });

  it('shows the annex reproduced as received in the original’s words and language, keeping its footnote', () => {
    const annex = partOf(fr, 'annex');
    expect(annex).toContain('<h3 id="annex">Annex<sup><a class="fn-ref" id="fnref-annex" href="#footnote-reproduced">');
    // The parts are English furniture on a French page: English text needs no lang of its own there.
    expect(annex).toContain(`<div class="part-text">\n<p>${ANNEX_TEXT[0]}</p>\n<p>${ANNEX_TEXT[1]}</p>\n</div>`);
    expect(fr).toContain(`<p id="footnote-reproduced">* ${REPRODUCED_AS_RECEIVED.fr.one}</p>`);
  });

  it('shows the original’s text where the translation is pending', () => {
    const cover = partOf(renderLanguagePage(document, 'es', [], TEXTS), 'cover');
    expect(cover).toContain('<strong>Pending translation:</strong>');
    expect(paragraphs(cover)).toEqual(expect.arrayContaining(COVER_TEXT));
  });

  it('shows the original version’s own files’ texts on its page', () => {
    expect(paragraphs(partOf(en, 'cover'))).toEqual(COVER_TEXT);
    expect(paragraphs(partOf(en, 'annex'))).toEqual(ANNEX_TEXT);
  });

  it('gives Arabic text its language and direction on any page', () => {
    const arabic = file('cover', 'ar');
    const text = ['تتشرف البعثة الدائمة لجمهورية أذربيجان', 'وترجو البعثة الدائمة'];
    const d = documentOf([COVER, ANNEX, arabic]);
    const ar = renderLanguagePage(d, 'ar', [], new Map([textOf(arabic, text)]));
    // Inside the parts' English furniture (lang="en" dir="ltr" on the Arabic page), the text is Arabic again.
    expect(ar).toContain('<section class="parts" aria-labelledby="parts-heading" lang="en" dir="ltr">');
    expect(partOf(ar, 'cover')).toContain(`<div class="part-text" lang="ar" dir="rtl">\n<p>${text[0]}</p>\n<p>${text[1]}</p>\n</div>`);
    const original = documentOf([{ ...arabic, sha256: sha('c') }], { originalLanguage: 'ar' });
    expect(partOf(renderLanguagePage(original, 'fr', [], new Map([textOf({ ...arabic, sha256: sha('c') }, text)])), 'cover'))
      .toContain('<div class="part-text" lang="ar" dir="rtl">');
  });

  it('escapes every paragraph: markup in a text is shown as text', () => {
    const hostile = ['<script>alert(1)</script>', '"><img src=x onerror="alert(2)">', 'A & B <b>bold</b>'];
    const page = renderLanguagePage(document, 'en', [], new Map([textOf(COVER, hostile)]));
    const cover = partOf(page, 'cover');
    expect(paragraphs(cover)).toEqual([
      '&lt;script&gt;alert(1)&lt;/script&gt;', '&quot;&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;', 'A &amp; B &lt;b&gt;bold&lt;/b&gt;',
    ]);
    expect(page).not.toMatch(/<img|<b>|<script>alert/);
  });

  it('says plainly that a scan has no text to show, and links its file', () => {
    const scan = { ...ANNEX, text: { textLayer: false, pages: 4, characters: 0 } };
    const withText = renderLanguagePage(documentOf([COVER, scan]), 'en', [], new Map([textOf(scan, [], { textLayer: false })]));
    const notice = '<p class="text-notice">This file is a scan: it has no text to show on this page. Read it in the file: <a href="/A/HRC/47/G/10/annex.en.pdf" hreflang="en" type="application/pdf"><bdi>annex-en.pdf</bdi> (PDF, 48 kB)</a>.</p>';
    expect(partOf(withText, 'annex')).toContain(notice);
    expect(partOf(withText, 'annex')).not.toContain('part-text');
    // The record says so even when the texts were not loaded.
    expect(partOf(renderLanguagePage(documentOf([COVER, scan]), 'fr'), 'annex')).toContain(notice);
  });

  it('shows a file published before texts existed as before: its link, no text', () => {
    const page = renderLanguagePage(document, 'fr');
    expect(page).not.toContain('part-text');
    expect(page).not.toContain('text-notice');
    expect(partOf(page, 'cover')).toContain('<a href="/A/HRC/47/G/10/cover.fr.pdf" hreflang="fr"');
  });

  it('shows no text extracted from other bytes than the file’s (a file since replaced at its address)', () => {
    const stale = new Map([textOf({ ...COVER_FR, sha256: sha('9') }, ['Old words'])]);
    expect(renderLanguagePage(document, 'fr', [], stale)).not.toContain('Old words');
  });

  it('shows the beginning of a very long text and says the rest is in the file', () => {
    const paragraph = `${'word '.repeat(999)}end.`;
    const long = Array.from({ length: 60 }, (_, i) => `${i} ${paragraph}`);
    const total = long.reduce((n, p) => n + p.length, 0);
    const page = renderLanguagePage(document, 'en', [], new Map([textOf(COVER, long), textOf(ANNEX, ANNEX_TEXT)]));
    const cover = partOf(page, 'cover');
    const shown = paragraphs(cover);
    expect(shown.length).toBeLessThan(long.length);
    expect(shown.reduce((n, p) => n + p!.length, 0)).toBeLessThanOrEqual(MAX_PAGE_TEXT_CHARACTERS);
    expect(shown).toEqual(long.slice(0, shown.length));
    expect(cover).toMatch(new RegExp(`<p class="text-notice">The text is too long to show in full here: the first [\\d,]+ characters of ${total.toLocaleString('en')} are shown\\. The rest is in the file: <a href="/A/HRC/47/G/10/cover\\.en\\.pdf"`));
    // The page's budget is spent: the annex says where its text is.
    expect(partOf(page, 'annex')).toContain('<p class="text-notice">The text is too long to show here. Read it in the file: <a href="/A/HRC/47/G/10/annex.en.pdf"');
    expect(page.length).toBeLessThan(MAX_PAGE_TEXT_CHARACTERS + 50_000);
  });

  it('cuts a single paragraph longer than the page allows at a space', () => {
    const one = `${'mot '.repeat(60_000)}fin`;
    const cover = partOf(renderLanguagePage(document, 'en', [], new Map([textOf(COVER, [one])])), 'cover');
    const [shown] = paragraphs(cover);
    expect(shown!.length).toBeLessThanOrEqual(MAX_PAGE_TEXT_CHARACTERS + 2);
    expect(shown).toMatch(/^(mot )+mot …$/);
    expect(cover).toContain('The rest is in the file');
  });

  it('renders the texts in every language page that documentPages writes', () => {
    const pages = documentPages(document, [], TEXTS);
    const ru = pages.find((p) => p.path === `${SYMBOL}/ru/index.html`)!.body;
    expect(ru).toContain(COVER_TEXT[1]);
    expect(pages.find((p) => p.path === `${SYMBOL}/index.html`)!.body).not.toContain('part-text');
  });
});

describe('the issued PDF', () => {
  const pdf = (lang: 'en' | 'fr', over: Partial<IssuedPdf> = {}): IssuedPdf => ({
    path: issuedPdfPath(SYMBOL, lang), size: 48_213, sha256: sha('d'), pages: 3, jobNumber: lang === 'en' ? 'GE.21-08237(E)' : 'GE.21-08238(F)', at: '2021-06-18T09:00:00.000Z', ...over,
  });
  const document = documentOf([COVER, ANNEX, COVER_FR], { pdfs: { en: pdf('en'), fr: pdf('fr', { pages: 1, size: 900 }) } });

  it('is linked first on its version’s page, with its pages and size', () => {
    const fr = renderLanguagePage(document, 'fr', [], TEXTS);
    const link = '<p class="issued-pdf" lang="en"><a href="/A/HRC/47/G/10/A_HRC_47_G_10-F.pdf" type="application/pdf" hreflang="fr">Download the issued document (PDF, 1 page, 1 kB)</a></p>';
    expect(fr).toContain(link);
    expect(fr.indexOf(link)).toBeLessThan(fr.indexOf('<nav class="language-versions"'));
    expect(fr.indexOf(link)).toBeGreaterThan(fr.indexOf('<dl class="particulars"'));
    expect(renderLanguagePage(document, 'en')).toContain('<p class="issued-pdf"><a href="/A/HRC/47/G/10/A_HRC_47_G_10-E.pdf" type="application/pdf" hreflang="en">Download the issued document (PDF, 3 pages, 48 kB)</a></p>');
    const ar = renderLanguagePage(document, 'ar');
    expect(ar).not.toContain('issued-pdf');
  });

  it('is listed per version on the page of all versions, for the versions that have one', () => {
    const all = renderDocumentPage(document);
    expect(all).toContain(`<section class="issued-pdfs" aria-labelledby="issued-pdfs-heading">
<h2 id="issued-pdfs-heading">Issued documents</h2>
<ul>
<li><a href="/A/HRC/47/G/10/A_HRC_47_G_10-E.pdf" type="application/pdf" hreflang="en">English</a> <span class="file-meta">(PDF, 3 pages, 48 kB)</span></li>
<li><a href="/A/HRC/47/G/10/A_HRC_47_G_10-F.pdf" type="application/pdf" hreflang="fr">French</a> <span class="file-meta">(PDF, 1 page, 1 kB)</span></li>
</ul>
</section>`);
    expect(renderDocumentPage(documentOf([COVER, ANNEX]))).not.toContain('issued-pdfs');
  });
});
