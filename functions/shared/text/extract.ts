import { getDocumentProxy } from 'unpdf';
import mammoth from 'mammoth';
import { z } from 'zod';
import { CONTENT_TYPE_BY_EXTENSION } from '#shared/domain/schemas';
import { paragraphsOfLines, paragraphsOfText, type Line } from './paragraphs';

/**
 * The text of a received file, as the workflow extracts it once (ExtractText) and keeps it beside
 * the file: what the pages show, the search indexes, the issued PDF typesets, and proposals read.
 * PDF through pdf.js (unpdf's serverless build), DOCX through mammoth, plain text as UTF-8.
 */
export const ExtractedText = z.object({
  format: z.literal(1),
  /** The sha256 of the bytes the text was extracted from: a text is only ever used with its file. */
  sha256: z.string(),
  contentType: z.string(),
  /** False for a PDF whose pages carry no text (a scan): no OCR is done, and the page says so. */
  textLayer: z.boolean(),
  /** A PDF's page count (what the issued PDF embeds), else absent. */
  pages: z.number().int().positive().optional(),
  paragraphs: z.array(z.string()),
});
export type ExtractedText = z.infer<typeof ExtractedText>;

/** A text longer than this is kept to this length: enough for any note and annex, bounded for the pages and shards. */
export const MAX_TEXT_CHARACTERS = 2_000_000;

function bounded(paragraphs: string[]): string[] {
  const kept: string[] = [];
  let total = 0;
  for (const p of paragraphs) {
    if (total + p.length > MAX_TEXT_CHARACTERS) break;
    kept.push(p);
    total += p.length;
  }
  return kept;
}

interface PdfTextItem { str: string; transform: number[]; height: number; hasEOL: boolean }

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; paragraphs: string[] }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { stopAtErrors: false, verbosity: 0 });
  try {
    const paragraphs: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const lines: Line[] = [];
      let current: Line | undefined;
      for (const raw of content.items) {
        if (!('str' in raw)) continue;
        const item = raw as PdfTextItem;
        current ??= { text: '', y: item.transform[5] ?? 0, height: item.height };
        current.text += item.str;
        if (item.height > current.height) current.height = item.height;
        if (item.hasEOL) {
          lines.push(current);
          current = undefined;
        }
      }
      if (current) lines.push(current);
      paragraphs.push(...paragraphsOfLines(lines));
      page.cleanup();
    }
    return { pages: pdf.numPages, paragraphs };
  } finally {
    await pdf.cleanup();
  }
}

/** A received file's text: its paragraphs, in reading order; throws on a file its reader cannot open. */
export async function extractText(bytes: Uint8Array, contentType: string, sha256: string): Promise<ExtractedText> {
  const base = { format: 1 as const, sha256, contentType };
  if (contentType === CONTENT_TYPE_BY_EXTENSION.pdf) {
    const { pages, paragraphs } = await pdfText(bytes);
    const kept = bounded(paragraphs);
    return { ...base, textLayer: kept.length > 0, pages, paragraphs: kept };
  }
  if (contentType === CONTENT_TYPE_BY_EXTENSION.docx) {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return { ...base, textLayer: true, paragraphs: bounded(paragraphsOfText(value)) };
  }
  if (contentType === CONTENT_TYPE_BY_EXTENSION.txt) {
    return { ...base, textLayer: true, paragraphs: bounded(paragraphsOfText(new TextDecoder('utf-8').decode(bytes))) };
  }
  throw new RangeError(`No text can be extracted from ${contentType}`);
}

/**
 * The texts of a document's files, by the published file's path (`PublishedFile.path`): what the
 * pages and the search shards are rendered with. A file missing from it is shown without its text.
 */
export type TextsByPath = ReadonlyMap<string, ExtractedText>;
