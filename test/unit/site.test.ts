import { describe, expect, it } from '@jest/globals';
import { attr, html, isSafeHtml, renderDocument, type Html } from '../../functions/publish/html';
import { HOME_PAGE_PATH, NOT_FOUND_PATH, STYLESHEET_PATH, documentPagePath } from '#shared/domain/site-paths';
import { renderDocumentPage } from '../../functions/publish/pages/document';
import { renderHomePage } from '../../functions/publish/pages/home';
import { renderNotFoundPage } from '../../functions/publish/pages/not-found';
import { renderSessionPage } from '../../functions/publish/pages/session';
import { sessionPagePath } from '../../functions/publish/sessions';
import { SITE_CSS } from '../../functions/publish/site-css';
import { DocumentRecord } from '#shared/domain/document';
import { tagTranslationStatus } from '#shared/domain/translation-status';
import { jobNumbersFrom } from '#shared/domain/job-numbers';
import { REGISTRY } from '#shared/domain/registry';
import type { Language } from '#shared/domain/languages';

// ── Fixtures ───────────────────────────────────────────────────────────────────────────────────

interface FileFixture {
  name: string;
  part: string;
  language: Language;
  translate: boolean;
  contentType: string;
  size: number;
  path: string;
}

const COVER: FileFixture = {
  name: 'note-verbale.pdf', part: 'cover', language: 'en', translate: true,
  contentType: 'application/pdf', size: 48213, path: 'A/HRC/47/G/10/cover.en.pdf',
};
const ANNEX: FileFixture = {
  name: 'annex.docx', part: 'annex', language: 'en', translate: false,
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 90112,
  path: 'A/HRC/47/G/10/annex.en.docx',
};

function makeDoc(over: Partial<Omit<DocumentRecord, 'files' | 'translations'>> = {}, files: FileFixture[] = [COVER, ANNEX]): DocumentRecord {
  const originalLanguage = over.originalLanguage ?? 'en';
  return DocumentRecord.parse({
    symbol: 'A/HRC/47/G/10',
    submissionId: '01J0000000000000000000000',
    body: 'HRC',
    session: 47,
    agendaItem: 4,
    series: 'G',
    number: 10,
    kind: 'note-verbale',
    title: 'Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan to the United Nations Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights',
    sender: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
    addressee: 'Office of the United Nations High Commissioner for Human Rights',
    dated: '2021-06-08',
    originalLanguage,
    mastheadDate: '2021-06-18',
    distribution: 'General',
    publishedAt: '2021-06-18T09:00:00.000Z',
    jobNumbers: jobNumbersFrom(REGISTRY.dutyStations.GE!, 2021, 8235),
    ...over,
    translations: tagTranslationStatus(files, originalLanguage),
    files: files.map(({ translate: _translate, ...f }) => ({ ...f, sha256: 'a'.repeat(64) })),
  });
}

describe('the document page footer', () => {
  it('prints the original version\'s job number, and lists all six', () => {
    const page = renderDocumentPage(makeDoc());
    expect(page).toMatch(/<p class="job-number">GE\.21-08237\(E\)<\/p>/);
    for (const job of ['GE.21-08235(A)', 'GE.21-08236(C)', 'GE.21-08238(F)', 'GE.21-08239(R)', 'GE.21-08240(S)']) expect(page).toContain(job);
  });
});

const HOSTILE = {
  script: '<script>alert(1)</script>',
  breakout: '"><img src=x onerror=alert(1)>',
  entity: 'Fish &amp; Chips',
  quote: "It's",
};
const ESCAPED = {
  script: '&lt;script&gt;alert(1)&lt;/script&gt;',
  breakout: '&quot;&gt;&lt;img src=x onerror=alert(1)&gt;',
  entity: 'Fish &amp;amp; Chips',
  quote: 'It&#39;s',
};

function hostileDoc(): DocumentRecord {
  return makeDoc(
    {
      title: `Title ${HOSTILE.script} ${HOSTILE.entity}`,
      sender: `Sender ${HOSTILE.breakout} ${HOSTILE.quote}`,
      addressee: `Addressee ${HOSTILE.script}`,
    },
    [{ ...COVER, name: `${HOSTILE.breakout}.pdf` }, { ...ANNEX, name: `${HOSTILE.script}.docx` }],
  );
}

/** The masthead's printed lines, in order (tags become line breaks). */
function mastheadLines(page: string): string[] {
  const start = page.indexOf('<header class="masthead"');
  const end = page.indexOf('</header>', start);
  expect(start).toBeGreaterThan(-1);
  return page.slice(start, end).split(/<[^>]*>/).map((s) => s.trim()).filter(Boolean);
}

/** No inline script (only empty external scripts of the site's own), no event-handler or style attribute in any tag. */
function expectNoScript(page: string): void {
  for (const script of page.match(/<script[^>]*>[\s\S]*?<\/script>/gi) ?? []) {
    expect(script).toMatch(/^<script type="module" src="\/assets\/[a-z-]+\.js"><\/script>$/);
  }
  expect(page.replace(/<script type="module" src="\/assets\/[a-z-]+\.js"><\/script>/g, '')).not.toMatch(/<script/i);
  expect(page).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  expect(page).not.toMatch(/<[a-z][^>]*\sstyle\s*=/i);
}

const render = (h: Html) => html`${h}`.toString();

// ── html.ts ────────────────────────────────────────────────────────────────────────────────────

describe('html', () => {
  it('escapes every interpolated string and number in text', () => {
    expect(html`<p>${'<b>&"\'</b>'}</p>`.toString()).toBe('<p>&lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;</p>');
    expect(html`<p>${42}</p>`.toString()).toBe('<p>42</p>');
  });

  it('renders nothing for null, undefined and false', () => {
    expect(render([null, undefined, false])).toBe('');
    const hidden = [true][0] !== true;
    expect(html`<p>${hidden && html`<b>no</b>`}</p>`.toString()).toBe('<p></p>');
  });

  it('concatenates arrays, escaping strings inside them, and passes nested fragments through', () => {
    const items = ['<a>', 'b'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>`.toString()).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
    expect(render(['<x>', html`<i>y</i>`, [html`<b>z</b>`, '&']])).toBe('&lt;x&gt;<i>y</i><b>z</b>&amp;');
  });

  it('does not escape a fragment twice', () => {
    const inner = html`<em>${'a & b'}</em>`;
    expect(html`<p>${inner}</p>`.toString()).toBe('<p><em>a &amp; b</em></p>');
    expect(isSafeHtml(inner)).toBe(true);
  });

  it('cannot be fooled by a look-alike of a fragment', () => {
    expect(isSafeHtml('<b>')).toBe(false);
    expect(() => html`<p>${{ toString: () => '<b>' } as unknown as string}</p>`).toThrow(TypeError);
  });

  it('escapes quotes in attribute values, double- or single-quoted', () => {
    expect(html`<a title="${'"><script>x</script>'}">`.toString()).toBe('<a title="&quot;&gt;&lt;script&gt;x&lt;/script&gt;">');
    expect(html`<a title='${"' onmouseover='x"}'>`.toString()).toBe('<a title=\'&#39; onmouseover=&#39;x\'>');
    expect(html`<a class="a ${'b'} ${null}">`.toString()).toBe('<a class="a b ">');
  });

  it('refuses markup inside an attribute value', () => {
    expect(() => html`<a title="${html`<b>`}">`).toThrow(TypeError);
  });

  it('refuses values in unquoted attributes, as tag names and inside script or style', () => {
    expect(() => html`<a href=${'/x'}>`).toThrow(SyntaxError);
    expect(() => html`<${'script'}>`).toThrow(SyntaxError);
    expect(() => html`<script>${'alert(1)'}</script>`).toThrow(SyntaxError);
    expect(() => html`<style>${'body{}'}</style>`).toThrow(SyntaxError);
    expect(() => html`<a href="x"`).toThrow(SyntaxError);
    expect(() => html`<!-- ${'--><script>'} -->`).toThrow(SyntaxError);
    expect(html`<!-- it's a "comment" --><p>${'x'}</p>`.toString()).toBe('<!-- it\'s a "comment" --><p>x</p>');
  });

  it('refuses event-handler and style attributes, static or not', () => {
    expect(() => html`<a onclick="x">`).toThrow(TypeError);
    expect(() => html`<a style="color: red">`).toThrow(TypeError);
    expect(() => attr('onerror', 'x')).toThrow(TypeError);
    expect(() => attr('STYLE', 'x')).toThrow(TypeError);
    expect(() => attr('a b', 'x')).toThrow(TypeError);
  });

  it('refuses script URLs in URL attributes', () => {
    expect(() => html`<a href="${'javascript:alert(1)'}">`).toThrow(TypeError);
    expect(() => html`<a href="${' java\tscript:alert(1)'}">`).toThrow(TypeError);
    expect(() => attr('href', 'data:text/html,<script>')).toThrow(TypeError);
    expect(html`<a href="${'/A/HRC/47/'}">`.toString()).toBe('<a href="/A/HRC/47/">');
    expect(html`<a href="${'https://www.ohchr.org/?a=1&b=2'}">`.toString()).toBe('<a href="https://www.ohchr.org/?a=1&amp;b=2">');
  });

  it('puts attributes in tags only through attr()', () => {
    expect(html`<p${attr('lang', 'fr')}${attr('hidden', true)}${attr('title', null)}>x</p>`.toString()).toBe('<p lang="fr" hidden>x</p>');
    expect(html`<p${attr('title', '"><script>')}>`.toString()).toBe('<p title="&quot;&gt;&lt;script&gt;">');
    expect(() => html`<p ${'onclick="alert(1)"'}>`).toThrow(TypeError);
    expect(() => html`<p>${attr('lang', 'fr')}</p>`).toThrow(TypeError);
  });

  it('makes a document with its doctype', () => {
    expect(renderDocument(html`<html lang="${'en'}"></html>`)).toBe('<!doctype html>\n<html lang="en"></html>\n');
  });
});

// ── Paths ──────────────────────────────────────────────────────────────────────────────────────

describe('site paths', () => {
  it('puts each page where its address leads', () => {
    expect(documentPagePath('A/HRC/47/G/10')).toBe('A/HRC/47/G/10/index.html');
    expect(sessionPagePath('HRC', 47)).toBe('A/HRC/47/index.html');
    expect(HOME_PAGE_PATH).toBe('index.html');
    expect(NOT_FOUND_PATH).toBe('404.html');
    expect(STYLESHEET_PATH).toBe('assets/site.css');
  });

  it('refuses a body the registry does not know', () => {
    expect(() => sessionPagePath('XYZ', 47)).toThrow(RangeError);
  });
});

// ── The document page ──────────────────────────────────────────────────────────────────────────

describe('renderDocumentPage', () => {
  const page = renderDocumentPage(makeDoc());

  it('prints the masthead as the UN prints page one', () => {
    expect(mastheadLines(page)).toEqual([
      'United Nations', 'A/HRC/47/G/10',
      'General Assembly', 'Distr.: General', '18 June 2021', 'Original: English',
      'Human Rights Council', 'Forty-seventh session', '21 June–9 July 2021',
      'Agenda item 4', 'Human rights situations that require the Council’s attention',
    ]);
    expect(page).toMatch(/<h1[^>]*>Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan/);
  });

  it('omits the session dates line when the registry has none', () => {
    const page48 = renderDocumentPage(makeDoc({ session: 48, symbol: 'A/HRC/48/G/1', number: 1 }));
    expect(page48).not.toContain('class="dates"');
    expect(mastheadLines(page48)).toEqual([
      'United Nations', 'A/HRC/48/G/1',
      'General Assembly', 'Distr.: General', '18 June 2021', 'Original: English',
      'Human Rights Council', 'Forty-eighth session',
      'Agenda item 4', 'Human rights situations that require the Council’s attention',
    ]);
  });

  it('omits the agenda item title line when the registry has none', () => {
    const lines = mastheadLines(renderDocumentPage(makeDoc({ agendaItem: 11 })));
    expect(lines.slice(-2)).toEqual(['21 June–9 July 2021', 'Agenda item 11']);
  });

  it('has a title, the original language and the stylesheet', () => {
    expect(page).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page).toContain('<title>A/HRC/47/G/10 — Note verbale dated 8 June 2021');
    expect(page).toContain(`<link rel="stylesheet" href="/${STYLESHEET_PATH}">`);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('gives the page the original language and keeps the English furniture marked English', () => {
    const french = renderDocumentPage(makeDoc({ originalLanguage: 'fr', title: 'Note verbale datée du 8 juin 2021' }, [
      { ...COVER, language: 'fr' }, { ...ANNEX, language: 'fr' },
    ]));
    expect(french).toMatch(/<html lang="fr">/);
    expect(french).toContain('<header class="masthead" lang="en">');
    expect(french).toMatch(/<h1 class="document-title" dir="auto" itemprop="name">Note verbale datée du 8 juin 2021<\/h1>/);
    expect(french).toContain('<dd lang="fr" dir="auto" itemprop="author" itemscope itemtype="https://schema.org/GovernmentOrganization"><span itemprop="name">Permanent Mission of Azerbaijan');
    expect(page).not.toContain('lang="en"><');
  });

  it('states the particulars of the note', () => {
    expect(page).toContain('<dt>Sender</dt><dd dir="auto" itemprop="author" itemscope itemtype="https://schema.org/GovernmentOrganization"><span itemprop="name">Permanent Mission of Azerbaijan to the United Nations Office at Geneva</span></dd>');
    expect(page).toContain('<dt>Addressee</dt><dd dir="auto">Office of the United Nations High Commissioner for Human Rights</dd>');
    expect(page).toContain('<dt>Date of the note</dt><dd><time datetime="2021-06-08" itemprop="dateCreated">8 June 2021</time></dd>');
    expect(page).toContain('<dt>Type</dt><dd>Note verbale</dd>');
  });

  it('links each file received, with its language, type and size', () => {
    expect(page).toContain('<a href="/A/HRC/47/G/10/cover.en.pdf" hreflang="en" type="application/pdf" dir="auto">note-verbale.pdf</a>');
    expect(page).toContain('(PDF, 48 kB)');
    expect(page).toContain('<a href="/A/HRC/47/G/10/annex.en.docx" hreflang="en"');
    expect(page).toContain('(Word, 90 kB)');
    expect(page).toMatch(/<th scope="row">English<\/th>\n<td class="status-original">Original<\/td>\n<td><div><a href="\/A\/HRC\/47\/G\/10\/cover\.en\.pdf"/);
  });

  it('percent-encodes file paths so a link cannot leave the site', () => {
    const odd = renderDocumentPage(makeDoc({}, [{ ...COVER, path: '//evil.example/a b"c.pdf' }, ANNEX]));
    expect(odd).toContain('href="/evil.example/a%20b%22c.pdf"');
    expect(odd).not.toContain('href="//');
  });

  it('names the parts in order and gives each language version its status in words', () => {
    const cover = page.indexOf('<h3 id="cover">Note verbale</h3>');
    const annex = page.indexOf('<h3 id="annex">Annex<sup>');
    expect(cover).toBeGreaterThan(-1);
    expect(annex).toBeGreaterThan(cover);
    const coverTable = page.slice(cover, annex);
    const annexTable = page.slice(annex);
    expect(coverTable.match(/<th scope="row">/g)).toHaveLength(6);
    expect(coverTable).toMatch(/<th scope="row">French<\/th>\n<td class="status-pending">Pending translation<\/td>/);
    expect(annexTable).toMatch(/<th scope="row">French<\/th>\n<td class="status-reproduced-as-received">Reproduced as received<\/td>/);
    expect(annexTable).toContain('Issued in English');
    expect(page).toContain('<th scope="col">Language</th><th scope="col">Status</th>');
  });

  it('says Translated for a version received, Letter for a letter and Annex 2 for a second annex', () => {
    const letter = renderDocumentPage(makeDoc({ kind: 'letter' }, [
      COVER, { ...COVER, language: 'fr', name: 'lettre.pdf', path: 'A/HRC/47/G/10/cover.fr.pdf' },
      { ...ANNEX, part: 'annex-1' }, { ...ANNEX, part: 'annex-2', translate: true, path: 'A/HRC/47/G/10/annex-2.en.docx' },
    ]));
    expect(letter).toContain('<h3 id="cover">Letter</h3>');
    expect(letter).toContain('<h3 id="annex-1">Annex 1<sup>');
    expect(letter).toContain('<h3 id="annex-2">Annex 2</h3>');
    expect(letter).toMatch(/<th scope="row">French<\/th>\n<td class="status-translated">Translated<\/td>\n<td><div><a href="\/A\/HRC\/47\/G\/10\/cover\.fr\.pdf" hreflang="fr"/);
    expect(letter).toContain('<dt>Type</dt><dd>Letter</dd>');
  });

  it('marks each part reproduced as received with an asterisk linked to the footnote at the end', () => {
    expect(page.match(/class="fn-ref"/g)).toHaveLength(1);
    expect(page).toContain('<a class="fn-ref" id="fnref-annex" href="#footnote-reproduced"><span aria-hidden="true">*</span>');
    expect(page).toContain('<p id="footnote-reproduced">* Reproduced as received, in the language of submission only.</p>');
    expect(page.indexOf('id="footnote-reproduced"')).toBeGreaterThan(page.indexOf('<h3 id="annex">'));
    expect(page.indexOf('id="footnote-reproduced"')).toBeLessThan(page.indexOf('</main>'));
  });

  it('has no footnote when every part is to be translated', () => {
    const plain = renderDocumentPage(makeDoc({}, [COVER, { ...ANNEX, translate: true }]));
    expect(plain).not.toContain('Reproduced as received, in the language of submission only.');
    expect(plain).not.toContain('fn-ref');
  });

  it('has a skip link, landmarks and a breadcrumb to the home and session pages', () => {
    expect(page).toContain('<a class="skip-link" href="#main">Skip to main content</a>');
    expect(page).toContain('<main id="main" tabindex="-1">');
    expect(page).toMatch(/<header class="site-header">[\s\S]*<nav class="breadcrumb" aria-label="Breadcrumb">[\s\S]*<main[\s\S]*<\/main>\n<footer class="site-footer">/);
    expect(page).toContain('<li><a href="/">Home</a></li>');
    expect(page).toContain('<li><a href="/A/HRC/47/">Human Rights Council — Forty-seventh session</a></li>');
    expect(page).toContain('<li><span aria-current="page">A/HRC/47/G/10</span></li>');
  });
});

// ── Hostile input ──────────────────────────────────────────────────────────────────────────────

describe('submitter strings on every page', () => {
  const doc = hostileDoc();
  const pages = {
    document: renderDocumentPage(doc),
    session: renderSessionPage('HRC', 47, [doc]),
    home: renderHomePage([{ body: 'HRC', session: 47, documents: 1 }], [doc]),
  };

  it.each(Object.entries(pages))('are escaped on the %s page', (_name, page) => {
    expect(page).not.toContain(HOSTILE.script);
    expect(page).not.toContain('<img');
    expect(page).toContain(ESCAPED.script);
    expect(page).toContain(ESCAPED.entity);
    expectNoScript(page);
  });

  it('are escaped in the sender, addressee, file names and the page title', () => {
    expect(pages.document).toContain(`<span itemprop="name">Sender ${ESCAPED.breakout} ${ESCAPED.quote}</span></dd>`);
    expect(pages.document).toContain(`<dd dir="auto">Addressee ${ESCAPED.script}</dd>`);
    expect(pages.document).toContain(`dir="auto">${ESCAPED.breakout}.pdf</a>`);
    expect(pages.document).toContain(`dir="auto">${ESCAPED.script}.docx</a>`);
    expect(pages.document).toContain(`<title>A/HRC/47/G/10 — Title ${ESCAPED.script} ${ESCAPED.entity}</title>`);
    expect(pages.session).toContain(`Sender ${ESCAPED.breakout}`);
  });
});

describe('no page', () => {
  it('contains a script, an event handler or an inline style', () => {
    const doc = makeDoc();
    for (const page of [
      renderDocumentPage(doc), renderSessionPage('HRC', 47, [doc]), renderSessionPage('HRC', 48, []),
      renderHomePage([{ body: 'HRC', session: 47, documents: 1 }], [doc]), renderHomePage([], []), renderNotFoundPage(),
    ]) expectNoScript(page);
  });
});

// ── The session page ───────────────────────────────────────────────────────────────────────────

describe('renderSessionPage', () => {
  const docs = [
    makeDoc({ symbol: 'A/HRC/47/G/12', number: 12, agendaItem: 9, title: 'Twelve' }),
    makeDoc({ symbol: 'A/HRC/47/G/10', number: 10, agendaItem: 4, title: 'Ten' }),
    makeDoc({ symbol: 'A/HRC/47/G/3', number: 3, agendaItem: 4, title: 'Three', dated: '2021-05-30' }),
    makeDoc({ symbol: 'A/HRC/47/G/7', number: 7, agendaItem: 3, title: 'Seven' }),
  ];
  const page = renderSessionPage('HRC', 47, docs);

  it('heads the page with the body, the session and its dates', () => {
    expect(page).toContain('<h1>Human Rights Council — Forty-seventh session</h1>');
    expect(page).toContain('<p class="session-dates">21 June–9 July 2021</p>');
    expect(page).toContain('<title>Human Rights Council — Forty-seventh session</title>');
  });

  it('groups the documents by agenda item, in item order, and by number within an item', () => {
    const headings = [...page.matchAll(/<h2 id="item-\d+">([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual([
      'Agenda item 3: Promotion and protection of all human rights, civil, political, economic, social and cultural rights, including the right to development',
      'Agenda item 4: Human rights situations that require the Council’s attention',
      'Agenda item 9: Racism, racial discrimination, xenophobia and related forms of intolerance, follow-up to and implementation of the Durban Declaration and Programme of Action',
    ]);
    const symbols = [...page.matchAll(/<a href="\/A\/HRC\/47\/G\/(\d+)\/">/g)].map((m) => m[1]);
    expect(symbols).toEqual(['7', '3', '10', '12']);
  });

  it('gives each document its symbol link, title, sender and date', () => {
    expect(page).toMatch(/<th scope="row" class="symbol" role="rowheader"><a href="\/A\/HRC\/47\/G\/3\/">A\/HRC\/47\/G\/3<\/a><\/th>\n<td class="title" role="cell" dir="auto">Three<\/td>\n<td class="sender" role="cell" dir="auto">Permanent Mission of Azerbaijan to the United Nations Office at Geneva<\/td>\n<td class="dated" role="cell"><time datetime="2021-05-30">30 May 2021<\/time><\/td>/);
  });

  it('heads an item without a known title by its number alone', () => {
    const other = renderSessionPage('HRC', 47, [makeDoc({ agendaItem: 11 })]);
    expect(other).toContain('<h2 id="item-11">Agenda item 11</h2>');
  });

  it('says so when a session has no documents, and omits unknown dates', () => {
    const empty = renderSessionPage('HRC', 48, []);
    expect(empty).toContain('<h1>Human Rights Council — Forty-eighth session</h1>');
    expect(empty).toContain('No documents have been published for this session yet.');
    expect(empty).not.toContain('session-dates');
    expect(empty).not.toContain('<table');
  });

  it('refuses a document of another session', () => {
    expect(() => renderSessionPage('HRC', 48, [makeDoc()])).toThrow(RangeError);
  });
});

// ── Home and 404 ───────────────────────────────────────────────────────────────────────────────

describe('renderHomePage', () => {
  const page = renderHomePage(
    [{ body: 'HRC', session: 47, documents: 3 }, { body: 'HRC', session: 48, documents: 1 }],
    [makeDoc()],
  );

  it('says what the site is and lists the sessions, latest first, with their counts', () => {
    expect(page).toContain('<p class="lead">This site publishes');
    const sessions = [...page.matchAll(/<li><a href="(\/A\/HRC\/\d+\/)">([^<]*)<\/a>\n<span class="muted">([^<]*)<\/span>/g)].map((m) => [m[1], m[2], m[3]]);
    expect(sessions).toEqual([
      ['/A/HRC/48/', 'Human Rights Council — Forty-eighth session', '1 document'],
      ['/A/HRC/47/', 'Human Rights Council — Forty-seventh session', '21 June–9 July 2021 · 3 documents'],
    ]);
  });

  it('lists the latest documents with their links, titles and dates', () => {
    expect(page).toMatch(/<a href="\/A\/HRC\/47\/G\/10\/">A\/HRC\/47\/G\/10<\/a><\/th>\n<td class="title" role="cell" dir="auto">Note verbale dated 8 June 2021[^<]*<\/td>\n\n<td class="dated" role="cell"><time datetime="2021-06-08">8 June 2021<\/time>/);
  });

  it('says so when there is nothing yet', () => {
    const empty = renderHomePage([], []);
    expect(empty).toContain('No sessions have documents yet.');
    expect(empty).toContain('No documents have been published yet.');
  });
});

describe('renderNotFoundPage', () => {
  it('explains, links home and is not indexed', () => {
    const page = renderNotFoundPage();
    expect(page).toContain('<h1>Page not found</h1>');
    expect(page).toContain('<a href="/">Go to the home page</a>');
    expect(page).toContain('<meta name="robots" content="noindex">');
    expect(page).toContain('href="/assets/site.css"');
  });
});

describe('SITE_CSS', () => {
  it('shows focus, hides the skip link until focused and prints without navigation', () => {
    expect(SITE_CSS).toContain(':focus-visible');
    expect(SITE_CSS).toMatch(/\.skip-link:focus \{ top: 0\.5rem; \}/);
    expect(SITE_CSS).toMatch(/@media print \{[\s\S]*\.breadcrumb/);
    expect(SITE_CSS).toContain('max-width: 48rem');
  });
});
