import type { PublishedFile } from '#shared/domain/document';
import type { ExtractedText, TextsByPath } from '#shared/text/extract';

/**
 * A published file's extracted text, as the pages and the search shards use it: only the text
 * extracted from that file's bytes (its sha256 is the file's), so a text left from a file since
 * replaced at the same address is never shown with the new one.
 */
export function textOf(file: PublishedFile, texts: TextsByPath): ExtractedText | undefined {
  const text = texts.get(file.path);
  return text && text.sha256 === file.sha256 ? text : undefined;
}

/**
 * What can be said of a file's text: its paragraphs, that it is a scan (a PDF without a text layer:
 * nothing to show), or nothing (published before texts were extracted, or not extracted yet).
 */
export type FileText = { kind: 'text'; paragraphs: readonly string[]; characters: number } | { kind: 'scan' } | { kind: 'none' };

export function fileText(file: PublishedFile, texts: TextsByPath): FileText {
  const text = textOf(file, texts);
  if (text) {
    if (!text.textLayer) return { kind: 'scan' };
    const characters = text.paragraphs.reduce((n, p) => n + p.length, 0);
    return characters > 0 ? { kind: 'text', paragraphs: text.paragraphs, characters } : { kind: 'none' };
  }
  // The record knows a scan even when its text is not at hand: there is nothing to load for it.
  return file.text?.textLayer === false ? { kind: 'scan' } : { kind: 'none' };
}
