import { html, type SafeHtml } from '../html';
import type { DocumentRecord, PublishedFile } from '#shared/domain/document';
import type { TextsByPath } from '#shared/text/extract';
import { LANGUAGES, requireLanguage, type Language } from '#shared/domain/languages';
import { documentHref } from '#shared/domain/site-paths';
import { reproducedAsReceived } from '../footnotes';
import { reissuedFootnote } from '#shared/domain/masthead-wording/reissue';
import type { RelatedDocument } from '../related';
import {
  FOOTNOTE_ID, REISSUE_FOOTNOTE_ID, REISSUE_REF_ID, fileLink, footnoteBackrefs, footnoteMark, footnoteMarker, originalOf, partId,
  partLabel, partsOf, reissueOf,
} from './document-parts';
import { documentPage } from './document-frame';
import { issuedPdfLink } from './issued-pdf';
import { langAttrs } from './language';
import { pageTextBudget, partText, type TextBudget } from './part-text';

/**
 * What one part is in the page's language: its own file, or why the reader gets the original's;
 * then the text of the file it gives (within what is left of the page's `budget`).
 */
function versionOfPart(
  doc: DocumentRecord, part: string, index: number, lang: Language, mark: string, texts: TextsByPath, budget: TextBudget,
): SafeHtml {
  const id = partId(part, index);
  const label = partLabel(part, doc.kind);
  const status = doc.translations[part]?.[lang];
  const original = originalOf(doc, part);
  const own = doc.files.filter((f) => f.part === part && f.language === lang);
  const originals = doc.files.filter((f) => f.part === part && f.language === original);
  const languageName = LANGUAGES[lang].name;
  const originalName = original ? LANGUAGES[original].name : 'the original language';
  const files = (list: PublishedFile[]) => (list.length > 0 ? html`<div class="version-files">${list.map(fileLink)}</div>` : null);
  const textOf = (list: PublishedFile[]) => list.map((f) => partText(f, texts, budget));

  let body: SafeHtml;
  if (status === 'original' || status === 'translated') {
    body = html`<p class="version-status status-${status}">${status === 'original' ? `Original: submitted in ${languageName}.` : `Translated: the ${languageName} version is issued.`}</p>
${files(own) ?? html`<p class="muted">The file is not on this site.</p>`}
${textOf(own)}`;
  } else if (status === 'pending') {
    body = html`<p class="version-status status-pending"><strong>Pending translation:</strong> the ${languageName} version has not been issued yet.</p>
${originals.length > 0 && html`<p>Read the original, in ${originalName}:</p>
${files(originals)}
${textOf(originals)}`}`;
  } else if (status === 'not-issued') {
    body = html`<p class="version-status status-not-issued"><strong>Not issued in ${languageName}:</strong> this corrigendum corrects other language versions only; the ${languageName} version needs no correction.</p>`;
  } else if (status === 'reproduced-as-received') {
    body = html`<p class="version-status status-reproduced-as-received"><strong>Reproduced as received:</strong> issued in ${originalName} only, in every language version.</p>
${files(originals)}
${textOf(originals)}`;
  } else {
    body = html`<p class="version-status">No ${languageName} version is recorded.</p>
${files(originals)}
${textOf(originals)}`;
  }
  return html`<section class="part">
<h3 id="${id}">${label}${status === 'reproduced-as-received' && footnoteMarker(id, mark)}</h3>
${body}
</section>
`;
}

/**
 * One language version of the document (`/A/HRC/47/G/10/fr/`): page one's masthead as that version
 * prints it, its issued PDF, the status of each part in that language with its file and that file's
 * text (or the original's, when the translation is pending or the part is reproduced as received),
 * that version's footnotes and job number. `texts` are the files' extracted texts, by path.
 * A version reissued for technical reasons prints its symbol with `*` and, first of its footnotes,
 * "* Reissued for technical reasons on <date>" in its language; the parts reproduced as received then take `**`.
 */
export function renderLanguagePage(doc: DocumentRecord, lang: Language, related: readonly RelatedDocument[] = [], texts: TextsByPath = new Map()): string {
  requireLanguage(lang);
  const en = langAttrs('en', lang);
  const parts = partsOf(doc);
  const reproduced = parts.map((part, i) => ({ part, i })).filter(({ part }) => doc.translations[part]?.[lang] === 'reproduced-as-received');
  const reissue = reissueOf(doc, lang);
  // Footnote markers in order of their footnotes: the reissue's on the symbol comes first.
  const reproducedMark = footnoteMark(reissue ? 2 : 1);
  const budget = pageTextBudget();
  return documentPage(doc, {
    version: lang,
    related,
    download: issuedPdfLink(doc, lang),
    partsHeading: `The ${LANGUAGES[lang].name} version`,
    parts: parts.map((part, i) => versionOfPart(doc, part, i, lang, reproducedMark, texts, budget)),
    footnotes: (reissue || reproduced.length > 0) && html`<section class="footnotes" aria-labelledby="footnotes-heading">
<h2 id="footnotes-heading" class="visually-hidden"${en}>Footnotes</h2>
${reissue && html`<p id="${REISSUE_FOOTNOTE_ID}">${footnoteMark(1)} ${reissuedFootnote(lang, reissue.day).text}</p>
<p class="backrefs"${en}><a href="#${REISSUE_REF_ID}">Back to the symbol</a></p>
`}${reproduced.length > 0 && html`<p id="${FOOTNOTE_ID}">${reproducedMark} ${reproducedAsReceived(lang, reproduced.length)}</p>
<p class="backrefs"${en}>${footnoteBackrefs(doc, reproduced)}</p>
`}</section>`,
    footer: html`<p><a href="${documentHref(doc.symbol)}">Every language version and file of ${doc.symbol}</a></p>`,
  });
}
