import type { Derived } from '#shared/adapters/texts';
import type { Clock, DocumentStore, SubmissionStore } from '#shared/adapters/store';
import type { DocumentRecord } from '#shared/domain/document';
import { InvalidTransition, NotFound } from '#shared/domain/errors';
import { LANGUAGES } from '#shared/domain/languages';
import type { SubmissionRecord } from '#shared/domain/schemas';
import type { ExtractedText } from '#shared/text/extract';
import { issuedPdfTags } from '#shared/domain/translation-status';
import { documentOf } from '../publish/document-record';
import { withVersion } from '../publish-translation/publish-translation';
import type { Flow } from '../register/register';
import { issuedVersion, type IssuedPart } from './issued-version';
import { typesetVersion, TypesettingFailed, type PartContent } from './typesetter';

export type TypesetDeps = {
  store: Pick<SubmissionStore, 'mustGetSubmission'> & Pick<DocumentStore, 'getDocument' | 'getDocuments'> & Clock;
  derived: Pick<Derived, 'storedText' | 'publishedText' | 'verifiedBytes' | 'publishedBytes' | 'stagedPdf' | 'putStagedPdf'>;
};

/** The document as it will be once this submission is published: a new one, or the published one with this version in it. */
async function documentToPrint(record: SubmissionRecord, deps: TypesetDeps, at: string): Promise<DocumentRecord> {
  const t = record.translation;
  if (!t) {
    const [existing] = await deps.store.getDocuments([record.symbol!]);
    return documentOf(record, existing, at);
  }
  const doc = await deps.store.getDocument(t.of, true);
  if (!doc) throw new NotFound(`No document ${t.of} to typeset the ${LANGUAGES[t.language].name} version of`);
  return withVersion(doc, { ...record, translation: t }, at);
}

/** A part's file is this submission's (its verified copy and text in the intake bucket) or one already published. */
async function contentOf(p: IssuedPart, record: SubmissionRecord, deps: TypesetDeps, embed: boolean): Promise<PartContent> {
  const stored = record.submission.files.find((f) => f.part === p.part && f.language === p.file.language && f.sha256 === p.file.sha256);
  const text: ExtractedText | undefined = stored ? await deps.derived.storedText(stored) : await deps.derived.publishedText(p.file);
  if (embed && p.file.contentType === 'application/pdf' && text?.pages) {
    const bytes = stored ? await deps.derived.verifiedBytes(stored) : await deps.derived.publishedBytes(p.file);
    return { content: 'pdf', bytes, pages: text.pages };
  }
  if (text && text.paragraphs.length > 0) {
    // A received annex that opens with the heading the PDF prints over it (as the UN's own text does) is not headed twice.
    const same = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined && a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
    const paragraphs = same(text.paragraphs[0], p.heading) ? text.paragraphs.slice(1) : text.paragraphs;
    return { content: 'text', paragraphs };
  }
  return { content: 'none', note: `${p.file.name}: no text to show; the file is published as received.` };
}

/**
 * Typeset: the version this submission issues, as a PDF (docs/architecture.md#issued-pdfs) — the
 * original for a new document (a corrigendum, revision or addendum is one), the language version
 * for a translation or a reissue. Kept in the intake bucket (`issued/<id>/<lang>.pdf`) until
 * Publish issues it at its stable address with the rest. A PDF already made (a retry, a resumed
 * execution) is not made again. A received PDF Typst cannot embed is typeset from its text instead.
 */
export async function typeset(submissionId: string, deps: TypesetDeps): Promise<{ submissionId: string; flow: Flow }> {
  const record = await deps.store.mustGetSubmission(submissionId);
  const flow: Flow = record.translation ? 'translation' : 'document';
  if (record.status === 'PUBLISHED') return { submissionId, flow };
  if (record.status !== 'TAGGED') throw new InvalidTransition(`Submission ${submissionId} is ${record.status}; it cannot be typeset now`);
  const lang = record.translation?.language ?? record.submission.originalLanguage;
  if (await deps.derived.stagedPdf(submissionId, lang)) return { submissionId, flow };

  const at = deps.store.now();
  const doc = await documentToPrint(record, deps, at);
  const version = issuedVersion(doc, lang);
  let made: { pdf: Uint8Array; pages: number };
  try {
    made = typesetVersion(version, await Promise.all(version.parts.map((p) => contentOf(p, record, deps, true))));
  } catch (e) {
    if (!(e instanceof TypesettingFailed)) throw e;
    // A received PDF that cannot be embedded (damaged, or of a kind Typst does not read): its text instead.
    made = typesetVersion(version, await Promise.all(version.parts.map((p) => contentOf(p, record, deps, false))));
  }
  await deps.derived.putStagedPdf(submissionId, lang, made.pdf, { pages: made.pages, jobNumber: version.jobNumber, at }, issuedPdfTags(doc.symbol, lang, doc.originalLanguage));
  return { submissionId, flow };
}
