import { describe, expect, it } from '@jest/globals';
import { DocumentRecord } from '#shared/domain/document';
import { reissuedJobNumber } from '#shared/domain/job-numbers';
import { LANGUAGE_CODES, type Language } from '#shared/domain/languages';
import { tagTranslationStatus } from '#shared/domain/translation-status';
import { DocumentView } from '#shared/api/responses';
import { documentView } from '#shared/api/views';
import { renderDocumentPage } from '../../functions/publish/pages/document';
import { renderLanguagePage } from '../../functions/publish/pages/document-language';
import { renderSessionFeed, renderSiteFeed } from '../../functions/publish/feeds';
import { REPRODUCED_AS_RECEIVED } from '../../functions/publish/footnotes';
import { doc } from './publish-fixtures';
import { checkWellFormed, parseAtom } from './publish-xml';
import { labelled } from '../support/expect';

/**
 * A language version reissued for technical reasons: its page prints the symbol with `*` and the
 * footnote "Reissued for technical reasons on <date>" in its language, its parts reproduced as
 * received take `**`; the page of all versions says which versions were reissued; the feeds
 * announce each reissue; the API shows it. Pages of versions not reissued do not change.
 */

const SITE = 'https://docs.example.org';
const SYMBOL = 'A/HRC/47/G/1';
/** 00:30 in Geneva on 23 June 2021 (published on the 18th), still the 22nd in UTC: the footnote prints Geneva's day. */
const AT = '2021-06-22T22:30:00.000Z';
const REISSUE_ID = '01J0000000000000000000R001';

/** `base` with its version in `lang` reissued at `at`, as PublishTranslation records it: its job number marked `*`, the form it had kept as replaced. */
function reissued(base: DocumentRecord, lang: Language, at = AT): DocumentRecord {
  const replaced = base.jobNumbers[lang];
  return DocumentRecord.parse({
    ...base,
    jobNumbers: { ...base.jobNumbers, [lang]: reissuedJobNumber(replaced!) },
    reissued: { ...base.reissued, [lang]: { at, submissionId: REISSUE_ID, replaced } },
  });
}

/** A/HRC/47/G/1 with its cover in English and an annex reproduced as received. */
function withAnnex(): DocumentRecord {
  const files = [{ part: 'cover', language: 'en' as const, translate: true }, { part: 'annex', language: 'en' as const, translate: false }];
  return doc(1, {
    translations: tagTranslationStatus(files, 'en'),
    files: files.map(({ part }) => ({ part, language: 'en', name: `${part}.pdf`, contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64), path: `${SYMBOL}/${part}.en.pdf` })),
  });
}

const FOOTNOTES: Record<Language, string> = {
  en: 'Reissued for technical reasons on 23 June 2021.',
  fr: 'Nouveau tirage pour raisons techniques le 23 juin 2021.',
  es: 'Publicado nuevamente por razones técnicas el 23 de junio de 2021.',
  ru: 'Переиздано по техническим причинам 23 июня 2021 года.',
  ar: 'أعيد إصدارها لأسباب فنية في 23 حزيران/يونيه 2021.',
  zh: '2021年6月23日因技术原因重新印发。',
};

/** The masthead's symbol line, its tags removed and the words only screen readers hear left out. */
function printedSymbol(page: string): string {
  const line = /<p class="masthead-symbol"[^>]*>(.*?)<\/p>/.exec(page)?.[1] ?? '';
  return line.replace(/<span class="visually-hidden"[^>]*>[^<]*<\/span>/g, '').replace(/<[^>]*>/g, '');
}

describe('the language page of a reissued version', () => {
  it.each(LANGUAGE_CODES.map((l) => [l]))('%s: the symbol with *, and the footnote in that language with Geneva’s date', (lang) => {
    const page = renderLanguagePage(reissued(doc(1), lang), lang);
    expect(printedSymbol(page)).toBe(`${SYMBOL}*`);
    // The identifier is the symbol; the asterisk is a footnote reference with words for screen readers.
    expect(page).toContain(`<p class="masthead-symbol" dir="ltr"><span itemprop="identifier">${SYMBOL}</span><a class="fn-ref" id="fnref-reissued" href="#footnote-reissued"><span aria-hidden="true">*</span><span class="visually-hidden"`);
    expect(page).toMatch(lang === 'en' ? /<span class="visually-hidden">\(see footnote\)<\/span>/ : /<span class="visually-hidden" lang="en"( dir="ltr")?>\(see footnote\)<\/span>/);
    expect(page).toContain(`<p id="footnote-reissued">* ${FOOTNOTES[lang]}</p>`);
    expect(page).toContain('<a href="#fnref-reissued">Back to the symbol</a>');
    // Its job number is the same, marked as reissued: GE.21-08244*(F).
    expect(page).toContain(`<p class="job-number">${doc(1).jobNumbers[lang]!.printed.replace(/(\([A-Z]\))$/, '*$1')}</p>`);
  });

  it('prints the day of the last reissue in Geneva, not in UTC', () => {
    const page = renderLanguagePage(reissued(doc(1), 'fr', '2021-12-31T23:30:00.000Z'), 'fr');
    expect(page).toContain('<p id="footnote-reissued">* Nouveau tirage pour raisons techniques le 1er janvier 2022.</p>');
  });

  it('gives the reproduced-as-received footnote the next marker, **, in the heading and the footnote', () => {
    const page = renderLanguagePage(reissued(withAnnex(), 'fr'), 'fr');
    expect(page).toContain('<h3 id="annex">Annex<sup><a class="fn-ref" id="fnref-annex" href="#footnote-reproduced"><span aria-hidden="true">**</span>');
    expect(page).toContain(`<p id="footnote-reproduced">** ${REPRODUCED_AS_RECEIVED.fr.one}</p>`);
    // In the order of their markers: the reissue's first.
    expect(page.indexOf('id="footnote-reissued"')).toBeGreaterThan(-1);
    expect(page.indexOf('id="footnote-reissued"')).toBeLessThan(page.indexOf('id="footnote-reproduced"'));
    expect(page.match(/<section class="footnotes"/g)).toHaveLength(1);
    // Another version of the same document keeps its single *.
    const spanish = renderLanguagePage(reissued(withAnnex(), 'fr'), 'es');
    expect(spanish).toContain(`<p id="footnote-reproduced">* ${REPRODUCED_AS_RECEIVED.es.one}</p>`);
    expect(spanish).toContain('<span aria-hidden="true">*</span>');
    expect(spanish).not.toContain('footnote-reissued');
  });

  it('leaves the page of every version not reissued byte for byte as it was', () => {
    for (const base of [doc(1), withAnnex()]) {
      const french = reissued(base, 'fr');
      const notReissued = DocumentRecord.parse({ ...french, reissued: undefined });
      for (const lang of LANGUAGE_CODES.filter((l) => l !== 'fr')) {
        labelled(lang, () => expect(renderLanguagePage(french, lang)).toBe(renderLanguagePage(notReissued, lang)));
      }
      // And an empty record of reissues is none.
      expect(renderDocumentPage({ ...base, reissued: {} })).toBe(renderDocumentPage(base));
      expect(renderLanguagePage({ ...base, reissued: {} }, 'fr')).toBe(renderLanguagePage(base, 'fr'));
    }
  });

  it('escapes the version’s title on its page', () => {
    const hostile = reissued(doc(1, { titles: { fr: '<script>alert(1)</script>' } }), 'fr');
    const page = renderLanguagePage(hostile, 'fr');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).not.toContain('<script>alert');
  });
});

describe('the page of all versions of a document with a version reissued', () => {
  const page = renderDocumentPage(reissued(reissued(doc(1), 'fr'), 'ar', '2021-07-02T09:00:00.000Z'));

  it('says, under the language versions, which were reissued and when, in English', () => {
    expect(page).toContain('<ul class="reissued-versions">\n'
      + '<li>Arabic: reissued for technical reasons on <time datetime="2021-07-02">2 July 2021</time></li>\n'
      + '<li>French: reissued for technical reasons on <time datetime="2021-06-23">23 June 2021</time></li>\n'
      + '</ul>\n</nav>');
  });

  it('prints the symbol without *: the page is none of the versions', () => {
    expect(printedSymbol(page)).toBe(SYMBOL);
    expect(page).not.toContain('footnote-reissued');
  });

  it('lists the reissued versions’ new job numbers with the ones they replaced', () => {
    expect(page).toContain('<dt>French</dt><dd>GE.21-08244*(F) <span class="muted">(reissued; first issued as GE.21-08244(F))</span></dd>');
    expect(page).toContain('<dt>English</dt><dd>GE.21-08243(E)</dd>');
  });
});

describe('the feeds of a document with a version reissued', () => {
  const published = doc(1, { titles: { fr: 'Note verbale datée du 8 juin 2021' }, issued: { fr: { at: '2021-06-20T09:00:00.000Z', submissionId: '01J0000000000000000000T001' } } });
  const document = reissued(published, 'fr', '2021-06-25T10:00:00.000Z');

  it('announce the reissue as an entry of its own, newest first, with its category and the version’s title', () => {
    const xml = renderSiteFeed([document], SITE);
    const feed = parseAtom(xml);
    const url = `${SITE}/${SYMBOL}/fr/`;
    expect(feed.updated).toBe('2021-06-25T10:00:00.000Z');
    expect(feed.entries.map((e) => e.id)).toEqual([`${url}#reissued-${REISSUE_ID}`, url, `${SITE}/${SYMBOL}/`]);
    expect(feed.entries[0]).toEqual({
      id: `${url}#reissued-${REISSUE_ID}`, link: url,
      title: `${SYMBOL} — French version reissued for technical reasons: Note verbale datée du 8 juin 2021`, titleLang: 'fr',
      updated: '2021-06-25T10:00:00.000Z', published: '2021-06-25T10:00:00.000Z',
      author: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
      summary: 'French version reissued for technical reasons. Sender: Permanent Mission of Azerbaijan to the United Nations Office at Geneva. '
        + 'Dated: 8 June 2021. Agenda item 4: Human rights situations that require the Council’s attention.',
    });
    expect(xml).toContain('<category term="reissue-fr" label="French version reissued for technical reasons"/>');
    // The first issue of the version is still there, as it was.
    expect(feed.entries[1]!.title).toBe(`${SYMBOL} — French version issued: Note verbale datée du 8 juin 2021`);
    expect(xml).toContain('<category term="version-fr" label="French version issued"/>');
    expect(renderSessionFeed('HRC', 47, [document], SITE)).toContain(`<id>${url}#reissued-${REISSUE_ID}</id>`);
  });

  it('keep the same entries, ids and bytes at every render', () => {
    expect(renderSiteFeed([document, doc(2)], SITE)).toBe(renderSiteFeed([doc(2), document], SITE));
  });

  it('carry a hostile version title as text, not markup', () => {
    const HOSTILE = '</title><script>alert("x")</script> & \'quoted\' ]]> <![CDATA[ &amp; end';
    const xml = renderSiteFeed([reissued(doc(1, { titles: { fr: HOSTILE } }), 'fr')], SITE);
    expect(() => checkWellFormed(xml)).not.toThrow();
    const [entry] = parseAtom(xml).entries;
    expect(entry!.title).toBe(`${SYMBOL} — French version reissued for technical reasons: ${HOSTILE}`);
    expect(entry!.titleLang).toBe('fr');
    expect(xml).not.toContain('<script>');
  });
});

describe('the API’s document view', () => {
  it('shows each reissued version, when, and the job number it replaced', () => {
    const view = documentView(reissued(doc(1), 'fr'), SITE);
    expect(view.reissued).toEqual({ fr: { at: AT, replacedJobNumber: 'GE.21-08244(F)' } });
    expect(view.jobNumbers.fr).toBe('GE.21-08244*(F)');
    expect(DocumentView.parse(view)).toEqual(view);
    expect(documentView(doc(1), SITE).reissued).toEqual({});
  });

  it('reads an answer of an API that predates reissues as none', () => {
    const { reissued: _reissued, ...older } = documentView(doc(1), SITE);
    expect(DocumentView.parse(older).reissued).toEqual({});
  });
});
