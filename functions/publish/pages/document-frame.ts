import { attr, html, type Html, type SafeHtml } from '../html';
import { titleIn, type DocumentRecord } from '#shared/domain/document';
import { LANGUAGES, LANGUAGE_CODES, type Language } from '#shared/domain/languages';
import { documentHref, documentLanguageHref } from '#shared/domain/site-paths';
import type { RelatedDocument } from '../related';
import { requireBody, sessionHref, sessionLabel } from '../sessions';
import { KIND_LABEL, reissueOf } from './document-parts';
import { date } from './format';
import { langAttrs } from './language';
import { page, sessionAlternates, type Alternate, type Crumb } from './layout';
import { mastheadHeader } from './masthead';
import { lineageNotice, relatedSection, supersededNotice } from './related-documents';
import { lineageOf } from '#shared/domain/lineage';
import { designation } from '#shared/domain/masthead-wording/designation';

/**
 * What a document's pages share around their parts: the page of all its versions and each language
 * version's page have the same article (masthead, title, particulars, language versions, related
 * documents, job number), breadcrumb and head links; each page brings its issued PDF links, its
 * parts, footnotes and the end of its footer.
 */

const SCHEMA = 'https://schema.org/';

/** The note's particulars, as microdata too (the sender is the author; the session, what it is part of). */
function particulars(doc: DocumentRecord, pageLang: Language): SafeHtml {
  // Submitted text: its language is the document's; its direction, whatever its own characters say.
  const own = attr('lang', doc.originalLanguage !== 'en' && doc.originalLanguage);
  return html`<dl class="particulars"${langAttrs('en', pageLang)}>
<dt>Sender</dt><dd${own} dir="auto" itemprop="author" itemscope itemtype="${SCHEMA}GovernmentOrganization"><span itemprop="name">${doc.sender}</span></dd>
<dt>Addressee</dt><dd${own} dir="auto">${doc.addressee}</dd>
<dt>Date of the note</dt><dd>${date(doc.dated, undefined, 'dateCreated')}</dd>
<dt>Type</dt><dd>${KIND_LABEL[doc.kind]}</dd>
<dt>Session</dt><dd><a href="${sessionHref(doc.body, doc.session)}" itemprop="isPartOf">${sessionLabel(doc.body, doc.session)}</a>, agenda item ${doc.agendaItem}</dd>
</dl>`;
}

/** The versions reissued for technical reasons, and when (the day of the last reissue, in Geneva): said on the page of all versions. */
function reissuedVersions(doc: DocumentRecord): Html {
  const items = LANGUAGE_CODES.flatMap((l) => {
    const r = reissueOf(doc, l);
    return r ? [html`<li>${LANGUAGES[l].name}: reissued for technical reasons on ${date(r.day)}</li>\n`] : [];
  });
  return items.length > 0 && html`<ul class="reissued-versions">\n${items}</ul>\n`;
}

/** The six language versions' pages, by the languages' own names; on the page of all versions, those reissued. */
function languageVersions(doc: DocumentRecord, pageLang: Language, current?: Language): SafeHtml {
  const items = LANGUAGE_CODES.map((l) => html`<li><a href="${documentLanguageHref(doc.symbol, l)}" hreflang="${l}"${langAttrs(l, 'en')}${attr('aria-current', l === current && 'page')}>${LANGUAGES[l].native}</a></li>`);
  return html`<nav class="language-versions" aria-labelledby="language-versions-heading"${langAttrs('en', pageLang)}>
<h2 id="language-versions-heading">Language versions</h2>
<ul>${items}</ul>
${current === undefined && reissuedVersions(doc)}</nav>`;
}

function documentCrumbs(doc: DocumentRecord, last?: Crumb): Crumb[] {
  return [
    { label: 'Home', href: '/' },
    { label: sessionLabel(doc.body, doc.session), href: sessionHref(doc.body, doc.session) },
    ...(last ? [{ label: doc.symbol, href: documentHref(doc.symbol) }, last] : [{ label: doc.symbol }]),
  ];
}

function documentAlternates(doc: DocumentRecord): Alternate[] {
  return [
    ...sessionAlternates(doc.body, doc.session),
    ...LANGUAGE_CODES.map((l): Alternate => ({ href: documentLanguageHref(doc.symbol, l), hreflang: l })),
    { href: documentHref(doc.symbol), hreflang: 'x-default' },
  ];
}

export interface DocumentPage {
  /** The language version the page is of; none for the page of all versions. */
  version?: Language;
  related: readonly RelatedDocument[];
  /** Under the particulars, before the language versions: the issued PDF(s). */
  download?: Html;
  partsHeading: string;
  parts: Html;
  footnotes: Html;
  /** After the job number. */
  footer: SafeHtml;
}

/** The language versions a corrigendum is issued in, which are those it corrects (the others are `not-issued`). */
function issuedLanguages(doc: DocumentRecord): Language[] {
  return LANGUAGE_CODES.filter((l) => doc.translations.cover?.[l] !== 'not-issued');
}

/** "Corrigendum" or "Addendum" under the title, in the version's wording (a revision prints none). */
function designationLine(doc: DocumentRecord, lang: Language, pageLang: Language): Html {
  const kind = lineageOf(doc.symbol)?.kind;
  const worded = kind && designation(kind, lang);
  return worded && html`<p class="designation"${langAttrs(lang, pageLang)}>${worded.text}</p>`;
}

export function documentPage(doc: DocumentRecord, p: DocumentPage): string {
  requireBody(doc.body);
  // The page of all versions is in the document's language, with the masthead's English wording.
  const pageLang = p.version ?? doc.originalLanguage;
  const en = langAttrs('en', pageLang);
  // A language version's own title once it is issued; until then, the original's, marked as such.
  const title = titleIn(doc, pageLang);
  const content = html`<article class="document" itemscope itemtype="${SCHEMA}DigitalDocument">
<meta itemprop="inLanguage" content="${pageLang}">
${supersededNotice(doc.symbol, p.related, pageLang)}
${lineageNotice(doc.symbol, p.related, pageLang, issuedLanguages(doc))}
${mastheadHeader(doc, p.version ?? 'en', pageLang, { versionLine: p.version !== undefined, reissued: p.version !== undefined && reissueOf(doc, p.version) !== undefined })}
<h1 class="document-title"${attr('lang', title.lang !== pageLang && title.lang)} dir="auto" itemprop="name">${title.text}</h1>
${designationLine(doc, p.version ?? 'en', pageLang)}
${particulars(doc, pageLang)}
${p.download}
${languageVersions(doc, pageLang, p.version)}
<section class="parts" aria-labelledby="parts-heading"${en}>
<h2 id="parts-heading">${p.partsHeading}</h2>
${p.parts}
</section>
${p.footnotes}
${relatedSection(p.related, pageLang)}
<footer class="document-footer"${en}>
<p class="job-number">${doc.jobNumbers[pageLang].printed}</p>
${p.footer}
</footer>
</article>`;

  return page({
    lang: pageLang,
    title: p.version ? `${doc.symbol} (${LANGUAGES[p.version].native}) — ${title.text}` : `${doc.symbol} — ${title.text}`,
    narrow: true,
    breadcrumb: documentCrumbs(doc, p.version && { label: LANGUAGES[p.version].native, lang: p.version }),
    alternates: documentAlternates(doc),
    content,
  });
}
