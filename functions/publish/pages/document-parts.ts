import { html, type SafeHtml } from '../html';
import type { DocumentRecord, PublishedFile } from '#shared/domain/document';
import { isoDateIn } from '#shared/domain/dates';
import { LANGUAGE_CODES, type Language } from '#shared/domain/languages';
import { rootRelative } from '#shared/domain/site-paths';
import { partsInOrder } from '#shared/domain/translation-status';
import { requireBody } from '../sessions';
import { langAttrs } from './language';

/** A document's parts (cover, annexes) as its pages name, link and footnote them. */

export const KIND_LABEL: Record<DocumentRecord['kind'], string> = { 'note-verbale': 'Note verbale', letter: 'Letter' };

const FILE_TYPE: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'text/plain': 'Text',
};

export const FOOTNOTE_ID = 'footnote-reproduced';
/** The footnote of a version reissued for technical reasons, which the `*` after its symbol leads to. */
export const REISSUE_FOOTNOTE_ID = 'footnote-reissued';
export const REISSUE_REF_ID = 'fnref-reissued';

/** A part with its place among the document's parts (which makes its id when its name cannot). */
export interface NumberedPart { part: string; i: number }

/** Cover first, then annexes, including any part known only from the translation table. */
export function partsOf(doc: DocumentRecord): string[] {
  return partsInOrder([...doc.files, ...Object.keys(doc.translations).map((part) => ({ part }))]);
}

export function partLabel(part: string, kind: DocumentRecord['kind']): string {
  if (part === 'cover') return KIND_LABEL[kind];
  if (part === 'annex') return 'Annex';
  const n = /^annex-(\d+)$/.exec(part)?.[1];
  return n ? `Annex ${n}` : part;
}

export function partId(part: string, index: number): string {
  return /^[a-z][a-z0-9-]*$/.test(part) ? part : `part-${index + 1}`;
}

/** The language a part was submitted in. */
export function originalOf(doc: DocumentRecord, part: string): Language | undefined {
  const statuses = doc.translations[part];
  return LANGUAGE_CODES.find((l) => statuses?.[l] === 'original');
}

export function fileSize(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1000)).toLocaleString('en')} kB`;
}

const fileType = (contentType: string) => FILE_TYPE[contentType] ?? contentType;

export function fileLink(f: PublishedFile): SafeHtml {
  return html`<div><a href="${rootRelative(f.path)}" hreflang="${f.language}" type="${f.contentType}" dir="auto">${f.name}</a>
<span class="file-meta">(${fileType(f.contentType)}, ${fileSize(f.size)})</span></div>`;
}

/** A file as a sentence names it: `annex.pdf (PDF, 90 kB)`, its submitted name isolated in its own direction. */
export function fileDescription(f: PublishedFile): SafeHtml {
  return html`<bdi>${f.name}</bdi> (${fileType(f.contentType)}, ${fileSize(f.size)})`;
}

/**
 * The footnote markers of a page, in the order its footnotes are printed (UN practice): `*`, `**`,
 * `***`. A reissued version's footnote is the first, on its symbol; parts reproduced as received share the next.
 */
export const footnoteMark = (n: number): string => '*'.repeat(n);

/**
 * The asterisk after a part's heading that leads to the footnote on parts reproduced as received
 * (`**` on a page whose `*` is the reissue's).
 */
export function footnoteMarker(id: string, mark = footnoteMark(1)): SafeHtml {
  return html`<sup><a class="fn-ref" id="fnref-${id}" href="#${FOOTNOTE_ID}"><span aria-hidden="true">${mark}</span><span class="visually-hidden">(see footnote)</span></a></sup>`;
}

/**
 * The asterisk after a reissued version's symbol, part of the symbol as printed (`A/HRC/47/G/1*`,
 * not raised), leading to the reissue's footnote. Inside the masthead, in `lang`: the hidden words are English.
 */
export function reissueMarker(lang: Language): SafeHtml {
  return html`<a class="fn-ref" id="${REISSUE_REF_ID}" href="#${REISSUE_FOOTNOTE_ID}"><span aria-hidden="true">${footnoteMark(1)}</span><span class="visually-hidden"${langAttrs('en', lang)}>(see footnote)</span></a>`;
}

/** A version's reissue for technical reasons: when (an instant, and its day on the body's calendar) and the job number it replaced. */
export interface Reissue {
  at: string;
  /** The ISO date in Geneva (the body's time zone) of `at`: the date its footnote prints. */
  day: string;
  /** The printed job number the version had before. */
  replaced: string;
}

export function reissueOf(doc: DocumentRecord, lang: Language): Reissue | undefined {
  const r = doc.reissued?.[lang];
  if (!r) return undefined;
  return { at: r.at, day: isoDateIn(requireBody(doc.body).timeZone, new Date(r.at)), replaced: r.replaced.printed };
}

/** The footnote's links back to each part that carries its marker. */
export function footnoteBackrefs(doc: DocumentRecord, marked: readonly NumberedPart[]): SafeHtml[] {
  return marked.map(({ part, i }) => html`<a href="#fnref-${partId(part, i)}">Back to ${partLabel(part, doc.kind).toLowerCase()}</a> `);
}
