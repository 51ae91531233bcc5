import fc from 'fast-check';
import { describe, expect, it } from '@jest/globals';
import { FileSniffer, TAIL_BYTES, detectFileType, typeMismatch, type ContentType } from '#shared/domain/file-types';
import { docxParts, elfExecutable, minimalDocx, minimalPdf, pseudoRandomBytes, utf8, windowsExecutable, zip } from '../support/files';
import { labelled } from '../support/expect';

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const TEXT = 'text/plain';

/** Fed as a stream would feed it, in chunks of `size` bytes. */
function detectInChunks(bytes: Uint8Array, size: number) {
  const sniffer = new FileSniffer();
  for (let i = 0; i < bytes.length; i += size) sniffer.update(bytes.subarray(i, i + size));
  return sniffer.detect();
}

const reasonOf = (bytes: Uint8Array) => {
  const detection = detectFileType(bytes);
  return detection.type ? `type ${detection.type}` : detection.reason;
};

const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe('recognising a PDF', () => {
  it('recognises a minimal one-page PDF', () => {
    expect(detectFileType(minimalPdf())).toEqual({ type: PDF });
  });

  it('accepts bytes after %%EOF, as readers do', () => {
    expect(detectFileType(concat(minimalPdf(), utf8('\r\n\n   \n')))).toEqual({ type: PDF });
  });

  it('recognises a PDF larger than the tail it keeps, fed in chunks', () => {
    const large = minimalPdf('Annex', pseudoRandomBytes(3 * TAIL_BYTES + 123));
    expect(detectInChunks(large, 4096)).toEqual({ type: PDF });
    expect(detectInChunks(large, 65_537)).toEqual({ type: PDF });
  });

  it('refuses a PDF cut short: it has no %%EOF', () => {
    const pdf = minimalPdf('Annex', pseudoRandomBytes(10_000));
    expect(reasonOf(pdf.subarray(0, pdf.length / 2))).toBe('starts like a PDF but has no %%EOF at its end (cut short?)');
  });

  it('does not take a PDF header in the middle of a text for a PDF', () => {
    expect(detectFileType(utf8('See the attached file, which begins %PDF-1.7 and ends %%EOF.\n'))).toEqual({ type: TEXT });
  });
});

describe('recognising a DOCX', () => {
  it('recognises a minimal Word document, whole or in small chunks', () => {
    const docx = minimalDocx('Note verbale dated 8 June 2021');
    expect(detectFileType(docx)).toEqual({ type: DOCX });
    expect(detectInChunks(docx, 7)).toEqual({ type: DOCX });
  });

  it('recognises one with a ZIP comment, Zip64 end records, or large media before its directory', () => {
    expect(detectFileType(minimalDocx('x', { comment: 'written by a test' }))).toEqual({ type: DOCX });
    expect(detectFileType(minimalDocx('x', { comment: 'c'.repeat(0xffff) }))).toEqual({ type: DOCX });
    expect(detectFileType(minimalDocx('x', { zip64: true }))).toEqual({ type: DOCX });
    const withImage = zip(docxParts('x', { 'word/media/image1.png': pseudoRandomBytes(5 * TAIL_BYTES) }));
    expect(detectInChunks(withImage, 16_384)).toEqual({ type: DOCX });
  });

  it('finds the parts whatever the case of their names (OPC names are case-insensitive)', () => {
    const parts = docxParts();
    const { 'word/document.xml': document, ...rest } = parts;
    expect(detectFileType(zip({ ...rest, 'Word/Document.xml': document! }))).toEqual({ type: DOCX });
  });

  it('refuses a ZIP that is not a Word document, saying what it lacks', () => {
    expect(reasonOf(zip({ 'readme.txt': 'hello' }))).toBe('is a ZIP without [Content_Types].xml or word/document.xml');
    const { 'word/document.xml': _document, ...noDocument } = docxParts();
    expect(reasonOf(zip(noDocument))).toBe('is a ZIP without word/document.xml');
  });

  it('names the Office files it is not', () => {
    const { 'word/document.xml': _d, ...common } = docxParts();
    expect(reasonOf(zip({ ...common, 'xl/workbook.xml': '<workbook/>' }))).toBe('is an Excel workbook (XLSX), not a Word document');
    expect(reasonOf(zip({ ...common, 'ppt/presentation.xml': '<p/>' }))).toBe('is a PowerPoint presentation (PPTX), not a Word document');
    expect(reasonOf(zip(docxParts('x', { 'word/vbaProject.bin': pseudoRandomBytes(100) })))).toBe('is a macro-enabled Word document (.docm), not a DOCX');
    expect(reasonOf(zip({ mimetype: 'application/vnd.oasis.opendocument.text', 'content.xml': '<c/>' }))).toBe('is an OpenDocument file (such as .odt), not a DOCX');
    expect(reasonOf(concat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), pseudoRandomBytes(600))))
      .toBe('is an older Microsoft Office file (such as .doc) or a password-protected document');
  });

  it('refuses a DOCX cut short, wherever it was cut', () => {
    const docx = zip(docxParts('x', { 'word/media/image1.png': pseudoRandomBytes(20_000) }));
    for (const cut of [100, docx.length / 2, docx.length - 30, docx.length - 1]) {
      labelled(`cut at ${cut}`, () => expect(reasonOf(docx.subarray(0, Math.floor(cut)))).toBe('is a ZIP that is cut short or damaged (its central directory is missing or broken)'));
    }
  });

  it('refuses a DOCX with bytes appended, which moves its end record from the end', () => {
    expect(reasonOf(concat(minimalDocx(), utf8('tail')))).toMatch(/^is a ZIP that is cut short or damaged/);
  });
});

describe('recognising plain text', () => {
  const texts = {
    English: 'Note verbale dated 8 June 2021\r\n\tThe Permanent Mission presents its compliments…\n',
    Arabic: 'مذكرة شفوية مؤرخة 8 حزيران/يونيه 2021 موجهة من البعثة الدائمة لأذربيجان\n',
    Chinese: '2021年6月8日阿塞拜疆常驻联合国日内瓦办事处代表团给联合国人权事务高级专员办事处的普通照会\n',
    Russian: 'Вербальная нота Постоянного представительства Азербайджана от 8 июня 2021 года\f\n',
    French: 'Note verbale datée du 8 juin 2021 adressée au Haut-Commissariat aux droits de l’homme\n',
    'emoji and other planes': 'Signed 🇦🇿 ✍️ 𝔄𝔷𝔢𝔯𝔟𝔞𝔦𝔧𝔞𝔫\n',
  };

  for (const [script, text] of Object.entries(texts)) {
    it(`recognises ${script} text in UTF-8, whole and split inside its characters`, () => {
      const bytes = utf8(text);
      expect(detectFileType(bytes)).toEqual({ type: TEXT });
      for (const size of [1, 2, 3, 5]) expect(detectInChunks(bytes, size)).toEqual({ type: TEXT });
    });
  }

  it('accepts a byte order mark', () => {
    expect(detectFileType(utf8('\ufeffNote verbale\n'))).toEqual({ type: TEXT });
  });

  it('accepts a text that happens to begin with MZ', () => {
    expect(detectFileType(utf8('MZ Holdings: annual statement\n'))).toEqual({ type: TEXT });
  });

  it('refuses Latin-1 text, saying where it stops being UTF-8', () => {
    expect(reasonOf(new Uint8Array(Buffer.from('Note verbale datée du 8 juin', 'latin1')))).toBe('is not valid UTF-8 at byte 16');
  });

  it('refuses ill-formed UTF-8: overlong forms, surrogates, beyond U+10FFFF, a character cut at the end', () => {
    const bad = (...bytes: number[]) => reasonOf(concat(utf8('ab'), new Uint8Array(bytes), utf8('cd')));
    expect(bad(0xc0, 0xaf)).toBe('is not valid UTF-8 at byte 2');
    expect(bad(0xe0, 0x80, 0xaf)).toBe('is not valid UTF-8 at byte 2');
    expect(bad(0xed, 0xa0, 0x80)).toBe('is not valid UTF-8 at byte 2');
    expect(bad(0xf4, 0x90, 0x80, 0x80)).toBe('is not valid UTF-8 at byte 2');
    expect(bad(0xe4, 0xb8)).toBe('is not valid UTF-8 at byte 2');
    expect(reasonOf(utf8('照会').subarray(0, 5))).toBe('is not valid UTF-8 at byte 3 (it ends inside a character)');
  });

  it('refuses NUL bytes and control characters other than tab, line feed, form feed and carriage return', () => {
    expect(reasonOf(utf8('abc\0def'))).toBe('has a NUL byte at byte 3, as binary files do');
    expect(reasonOf(utf8('colour \x1b[31mred\x1b[0m'))).toBe('has a control character (0x1B) at byte 7');
  });

  it('refuses UTF-16 text', () => {
    expect(reasonOf(new Uint8Array(Buffer.from('\ufeffNote verbale', 'utf16le')))).toBe('is UTF-16 text; only UTF-8 text is accepted');
  });

  it('agrees with the platform UTF-8 decoder on any bytes', () => {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    const isText = (bytes: Uint8Array) => {
      try {
        // eslint-disable-next-line no-control-regex
        return !/[\u0000-\u0008\u000b\u000e-\u001f]/.test(decoder.decode(bytes));
      } catch {
        return false;
      }
    };
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.string({ unit: 'binary', maxLength: 32 }).map(utf8),
      fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }).map(utf8), fc.uint8Array({ maxLength: 3 }))).map((parts) => concat(...parts)),
    );
    fc.assert(fc.property(bytes, fc.integer({ min: 1, max: 8 }), (raw, chunk) => {
      // Led by a letter, so no generated bytes are taken for a signature.
      const sample = concat(utf8('a'), raw);
      expect(detectInChunks(sample, chunk).type === TEXT).toBe(isText(sample));
    }), { numRuns: 2000 });
  });
});

describe('recognising what is none of them', () => {
  it('names executables', () => {
    expect(reasonOf(elfExecutable())).toBe('starts like an ELF executable');
    expect(reasonOf(windowsExecutable())).toBe('starts like a Windows executable');
    expect(reasonOf(concat(new Uint8Array([0xcf, 0xfa, 0xed, 0xfe]), pseudoRandomBytes(100)))).toBe('starts like a macOS (Mach-O) executable');
  });

  it('names images and other archives', () => {
    expect(reasonOf(concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pseudoRandomBytes(100)))).toBe('is a PNG image');
    expect(reasonOf(concat(new Uint8Array([0x1f, 0x8b, 0x08]), pseudoRandomBytes(100)))).toBe('is a gzip archive');
  });

  it('calls other binary data unrecognised, with where it stops being text', () => {
    const junk = pseudoRandomBytes(1000, 3);
    expect(detectFileType(junk)).toMatchObject({ unrecognised: true, reason: expect.stringMatching(/^(is not valid UTF-8|has a (NUL byte|control character)) .*at byte \d+/) });
  });
});

describe('saying why a file is not what was declared', () => {
  const mismatch = (declared: ContentType, bytes: Uint8Array) => typeMismatch(declared, detectFileType(bytes));

  it('says nothing when the file is what was declared', () => {
    expect(mismatch(PDF, minimalPdf())).toBeUndefined();
    expect(mismatch(DOCX, minimalDocx())).toBeUndefined();
    expect(mismatch(TEXT, utf8('نص'))).toBeUndefined();
  });

  it('says what the file is instead', () => {
    expect(mismatch(PDF, elfExecutable())).toBe('is not a PDF: it starts like an ELF executable');
    expect(mismatch(PDF, windowsExecutable())).toBe('is not a PDF: it starts like a Windows executable');
    expect(mismatch(PDF, minimalDocx())).toBe('is not a PDF: it is a Word document (DOCX)');
    expect(mismatch(DOCX, utf8('plain words'))).toBe('is not a Word document (DOCX): it is plain text');
    expect(mismatch(TEXT, minimalPdf())).toBe('is not plain text: it is a PDF');
    expect(mismatch(DOCX, zip({ 'a.txt': 'a' }))).toBe('is not a Word document (DOCX): it is a ZIP without [Content_Types].xml or word/document.xml');
  });

  it('gives the text problem for a declared text, and says "none of them" for other declared types', () => {
    const latin1 = new Uint8Array(Buffer.from('déclaration', 'latin1'));
    expect(mismatch(TEXT, latin1)).toBe('is not plain text: it is not valid UTF-8 at byte 1');
    expect(mismatch(PDF, latin1)).toBe('is not a PDF: it is none of PDF, DOCX or plain text (it is not valid UTF-8 at byte 1)');
  });
});
