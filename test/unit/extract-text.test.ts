import { describe, expect, it } from '@jest/globals';
import { extractText } from '#shared/text/extract';
import { paragraphsOfLines, paragraphsOfText } from '#shared/text/paragraphs';
import { minimalDocx, minimalPdf, utf8 } from '../support/files';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('paragraphs of plain text', () => {
  it('splits on blank lines, joins the lines of a paragraph, and drops control characters and a BOM', () => {
    expect(paragraphsOfText('\uFEFFThe Permanent Mission\r\nhas the honour\r\n\r\n\r\nto transmit\u0007 herewith.\n  \n')).toEqual([
      'The Permanent Mission has the honour', 'to transmit herewith.',
    ]);
  });
  it('gives nothing for blank text', () => expect(paragraphsOfText(' \n\n \t')).toEqual([]));
});

describe('paragraphs of PDF lines', () => {
  it('starts a paragraph where the line gap is clearly wider than the usual one', () => {
    const lines = [700, 686, 672, 640, 626].map((y, i) => ({ text: `line ${i}`, y, height: 11 }));
    expect(paragraphsOfLines(lines)).toEqual(['line 0 line 1 line 2', 'line 3 line 4']);
  });
  it('keeps one paragraph when the lines are evenly spaced', () => {
    expect(paragraphsOfLines([700, 686, 672].map((y) => ({ text: 'x', y, height: 11 })))).toEqual(['x x x']);
  });
});

describe('extractText', () => {
  it('reads a PDF text layer, its page count, and the sha256 it was given', async () => {
    const text = await extractText(minimalPdf('Note verbale dated 8 June 2021'), PDF, 'ab'.repeat(32));
    expect(text).toMatchObject({ format: 1, sha256: 'ab'.repeat(32), contentType: PDF, textLayer: true, pages: 1 });
    expect(text.paragraphs.join(' ')).toContain('Note verbale dated 8 June 2021');
  });
  it('flags a PDF with no text on its pages', async () => {
    const text = await extractText(minimalPdf(''), PDF, 'x');
    expect(text).toMatchObject({ textLayer: false, pages: 1, paragraphs: [] });
  });
  it('reads a DOCX through mammoth', async () => {
    const text = await extractText(minimalDocx('Lettre datée du 8 juin 2021'), DOCX, 'x');
    expect(text).toMatchObject({ textLayer: true, paragraphs: ['Lettre datée du 8 juin 2021'] });
  });
  it('reads UTF-8 text, Arabic included', async () => {
    const text = await extractText(utf8('مجلس حقوق الإنسان\n\nHuman Rights Council'), 'text/plain', 'x');
    expect(text.paragraphs).toEqual(['مجلس حقوق الإنسان', 'Human Rights Council']);
  });
  it('refuses a type it has no reader for, and a PDF it cannot open', async () => {
    await expect(extractText(utf8('x'), 'image/tiff', 'x')).rejects.toThrow('No text can be extracted from image/tiff');
    await expect(extractText(utf8('%PDF-1.7 not really'), PDF, 'x')).rejects.toThrow();
  });
});
