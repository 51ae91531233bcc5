import { html, type Html } from '../html';
import type { DocumentRecord, IssuedPdf } from '#shared/domain/document';
import { LANGUAGES, LANGUAGE_CODES, type Language } from '#shared/domain/languages';
import { rootRelative } from '#shared/domain/site-paths';
import { fileSize } from './document-parts';
import { plural } from './format';
import { langAttrs } from './language';

/**
 * A language version's issued PDF (page one as the UN prints it, then the annexes), where the
 * record has one: first thing under the particulars of its version's page, and one per version on
 * the page of all versions. The pages' furniture around the document is English, so is this.
 */

/** `PDF, 3 pages, 48 kB` */
const described = (pdf: IssuedPdf) => `PDF, ${plural(pdf.pages, 'page', 'pages')}, ${fileSize(pdf.size)}`;

const pdfOf = (doc: DocumentRecord, lang: Language) => doc.pdfs?.[lang];

/** "Download the issued document (PDF, 3 pages, 48 kB)", on the page of that version. */
export function issuedPdfLink(doc: DocumentRecord, lang: Language): Html {
  const pdf = pdfOf(doc, lang);
  return pdf && html`<p class="issued-pdf"${langAttrs('en', lang)}><a href="${rootRelative(pdf.path)}" type="application/pdf" hreflang="${lang}">Download the issued document (${described(pdf)})</a></p>`;
}

/** Each version's issued PDF, by language, on the page of all versions (in `pageLang`, the document's). */
export function issuedPdfList(doc: DocumentRecord, pageLang: Language): Html {
  const items = LANGUAGE_CODES.flatMap((l) => {
    const pdf = pdfOf(doc, l);
    return pdf ? [html`<li><a href="${rootRelative(pdf.path)}" type="application/pdf" hreflang="${l}">${LANGUAGES[l].name}</a> <span class="file-meta">(${described(pdf)})</span></li>\n`] : [];
  });
  return items.length > 0 && html`<section class="issued-pdfs" aria-labelledby="issued-pdfs-heading"${langAttrs('en', pageLang)}>
<h2 id="issued-pdfs-heading">Issued documents</h2>
<ul>
${items}</ul>
</section>`;
}
