import { attr, html, type SafeHtml } from '../html';
import type { DocumentRecord } from '#shared/domain/document';
import { LANGUAGES, LANGUAGE_CODES, type Language } from '#shared/domain/languages';
import type { TranslationStatus } from '#shared/domain/schemas';
import { reproducedAsReceived } from '../footnotes';
import type { RelatedDocument } from '../related';
import { FOOTNOTE_ID, fileLink, footnoteBackrefs, footnoteMarker, originalOf, partId, partLabel, partsOf, reissueOf } from './document-parts';
import { documentPage } from './document-frame';
import { issuedPdfList } from './issued-pdf';
import { langAttrs } from './language';

/** The page of all of a document's versions (`/A/HRC/47/G/10/`). */

const STATUS_LABEL: Record<TranslationStatus, string> = {
  original: 'Original',
  pending: 'Pending translation',
  translated: 'Translated',
  'reproduced-as-received': 'Reproduced as received',
  'not-issued': 'Not issued',
};

function isReproduced(doc: DocumentRecord, part: string): boolean {
  return Object.values(doc.translations[part] ?? {}).includes('reproduced-as-received');
}

/** What a language version without its own file is: issued in the original language, or awaited. */
function noFile(status: TranslationStatus | undefined, original: Language | undefined): SafeHtml {
  if (status === 'reproduced-as-received' && original) return html`<span class="muted">Issued in ${LANGUAGES[original].name}</span>`;
  if (status === 'pending') return html`<span class="muted">Not yet received</span>`;
  if (status === 'not-issued') return html`<span class="muted">Not issued in this language</span>`;
  return html`<span aria-hidden="true">—</span><span class="visually-hidden">No file</span>`;
}

/** One part: its status and file in each of the six languages. */
function partSection(doc: DocumentRecord, part: string, index: number): SafeHtml {
  const id = partId(part, index);
  const label = partLabel(part, doc.kind);
  const statuses = doc.translations[part];
  const original = originalOf(doc, part);
  const rows = LANGUAGE_CODES.map((language) => {
    const status = statuses?.[language];
    const files = doc.files.filter((f) => f.part === part && f.language === language);
    return html`<tr>
<th scope="row">${LANGUAGES[language].name}</th>
<td${status && attr('class', `status-${status}`)}>${status ? STATUS_LABEL[status] : 'Not recorded'}</td>
<td>${files.length > 0 ? files.map(fileLink) : noFile(status, original)}</td>
</tr>
`;
  });
  return html`<section class="part">
<h3 id="${id}">${label}${isReproduced(doc, part) && footnoteMarker(id)}</h3>
<table class="versions">
<caption class="visually-hidden">Language versions: ${label}</caption>
<thead><tr><th scope="col">Language</th><th scope="col">Status</th><th scope="col">File received</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
</section>
`;
}

/** A version reissued for technical reasons prints its job number marked `*`: the form it was first issued under. */
function jobNumberBefore(doc: DocumentRecord, lang: Language): SafeHtml | undefined {
  const r = reissueOf(doc, lang);
  return r && html` <span class="muted">(reissued; first issued as ${r.replaced})</span>`;
}

/** The document: its masthead, its files in every language with their statuses, its job numbers. */
export function renderDocumentPage(doc: DocumentRecord, related: readonly RelatedDocument[] = []): string {
  const en = langAttrs('en', doc.originalLanguage);
  const parts = partsOf(doc);
  const reproduced = parts.map((part, i) => ({ part, i })).filter(({ part }) => isReproduced(doc, part));
  return documentPage(doc, {
    related,
    download: issuedPdfList(doc, doc.originalLanguage),
    partsHeading: 'Files and language versions',
    parts: parts.map((part, i) => partSection(doc, part, i)),
    footnotes: reproduced.length > 0 && html`<section class="footnotes" aria-label="Footnotes"${en}>
<p id="${FOOTNOTE_ID}">* ${reproducedAsReceived('en', reproduced.length)}</p>
<p class="backrefs">${footnoteBackrefs(doc, reproduced)}</p>
</section>`,
    footer: html`<details class="job-numbers">
<summary>Job numbers of the six language versions</summary>
<dl>${LANGUAGE_CODES.map((l) => html`<dt>${LANGUAGES[l].name}</dt><dd>${doc.jobNumbers[l].printed}${jobNumberBefore(doc, l)}</dd>`)}</dl>
</details>`,
  });
}
