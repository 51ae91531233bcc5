import { createHash } from 'node:crypto';
import type { Proposals } from '#shared/api/responses';
import { BadRequest, PayloadTooLarge, UnsupportedMediaType, Unprocessable } from '#shared/domain/errors';
import { detectFileType, typeMismatch, type ContentType } from '#shared/domain/file-types';
import { proposeFields } from '#shared/domain/proposals/propose';
import { CONTENT_TYPES } from '#shared/domain/schemas';
import { extractText, type ExtractedText } from '#shared/text/extract';

/**
 * `POST /api/proposals`: a cover note's bytes in, the metadata its text proposes out. It reads the
 * file as receive does (type by content: file-types.ts) and its text as the workflow does
 * (extract.ts), keeps nothing, and writes nothing anywhere.
 */

/**
 * The largest note read: its base64 (API Gateway's encoding of a binary body) and the event around
 * it stay under Lambda's 6 MB synchronous payload; a cover note is a few pages.
 */
export const PROPOSAL_MAX_BYTES = 4 * 1024 * 1024;

export interface ProposalRequest {
  contentType: string | undefined;
  body: Uint8Array | undefined;
}

export interface ProposeDeps {
  extract?: typeof extractText;
}

const LABELS: Record<ContentType, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document (DOCX)',
  'text/plain': 'plain text file',
};

/** `text/plain; charset=utf-8` → `text/plain`; only UTF-8 text is read. */
function mediaType(header: string | undefined): { type: string; charset?: string } {
  const [type = '', ...params] = (header ?? '').split(';').map((s) => s.trim());
  const charset = params.map((p) => /^charset=("?)([^"]*)\1$/i.exec(p)?.[2]).find(Boolean);
  return { type: type.toLowerCase(), ...(charset ? { charset: charset.toLowerCase() } : {}) };
}

const isContentType = (type: string): type is ContentType => (CONTENT_TYPES as readonly string[]).includes(type);

export async function propose(request: ProposalRequest, deps: ProposeDeps = {}): Promise<Proposals> {
  const bytes = request.body;
  if (!bytes || bytes.length === 0) {
    throw new BadRequest('Send the cover note\'s bytes as the body, with its Content-Type (application/pdf, the DOCX type or text/plain)');
  }
  const { type, charset } = mediaType(request.contentType);
  if (!isContentType(type)) {
    throw new UnsupportedMediaType(`${type ? `${type} is not` : 'The body has no Content-Type: it must be'} one of the types a cover note may have: ${CONTENT_TYPES.join(', ')}`);
  }
  if (type === 'text/plain' && charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new UnsupportedMediaType(`Only UTF-8 text is read: send text/plain; charset=utf-8, not ${charset}`);
  }
  if (bytes.length > PROPOSAL_MAX_BYTES) {
    throw new PayloadTooLarge(`The note is ${bytes.length} bytes; the limit is ${PROPOSAL_MAX_BYTES} bytes (a cover note is a few pages: send the note without its annexes)`);
  }
  const mismatch = typeMismatch(type, detectFileType(bytes));
  if (mismatch) throw new UnsupportedMediaType(`The body ${mismatch}`);

  let text: ExtractedText;
  try {
    text = await (deps.extract ?? extractText)(bytes, type, createHash('sha256').update(bytes).digest('hex'));
  } catch (e) {
    throw new Unprocessable(`The ${LABELS[type]} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!text.textLayer) {
    throw new Unprocessable('The PDF has no text to read: its pages are images (a scan?), and Circulate does no OCR. Enter the fields by hand, or send the note as a PDF with its text, a DOCX or a text file');
  }
  if (text.paragraphs.length === 0) throw new Unprocessable(`The ${LABELS[type]} has no text to read`);
  return { fields: proposeFields(text.paragraphs) };
}
