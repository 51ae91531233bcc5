import type { FileDeclaration } from './schemas';

/**
 * What a file is, by its bytes, not its name: the three types Circulate accepts, or a reason it is
 * none of them. Fed chunk by chunk in the same pass that hashes the file, it keeps only the head
 * and the tail, and checks plain text byte by byte as it goes.
 *
 * Written here rather than taken from `file-type`: that library names types by magic numbers but
 * does not recognise text, does not notice a PDF or ZIP cut short, and gives no reasons.
 */
export type ContentType = FileDeclaration['contentType'];

export type Detection =
  | { type: ContentType }
  /** `reason` completes "it …": "starts like an ELF executable". `unrecognised`: no signature, and not text either. */
  | { type?: undefined; reason: string; unrecognised?: boolean };

/** Enough for every signature looked at, including a Windows PE header a little way in. */
export const HEAD_BYTES = 8 * 1024;
/**
 * A ZIP's end record (22 bytes) may be followed by a comment of up to 65,535 bytes, and the central
 * directory it points to comes just before it: 128 KiB holds both for any real DOCX.
 */
export const TAIL_BYTES = 128 * 1024;
/** Readers accept a PDF whose `%%EOF` is within its last 1,024 bytes (trailing whitespace, padding). */
const PDF_EOF_WINDOW = 1024;

const LABELS: Record<ContentType, string> = {
  'application/pdf': 'a PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'a Word document (DOCX)',
  'text/plain': 'plain text',
};

/**
 * Why a file is not its declared type — "is not a PDF: it starts like an ELF executable" — or
 * undefined when it is.
 */
export function typeMismatch(declared: ContentType, detection: Detection): string | undefined {
  if (detection.type === declared) return undefined;
  const what = detection.type
    ? `is ${LABELS[detection.type]}`
    // For a declared text file, the text problem is the point; otherwise say what it is not.
    : detection.unrecognised && declared !== 'text/plain'
      ? `is none of PDF, DOCX or plain text (it ${detection.reason})`
      : detection.reason;
  return `is not ${LABELS[declared]}: it ${what}`;
}

/** Detects the type of a whole file held in memory. */
export function detectFileType(bytes: Uint8Array): Detection {
  const sniffer = new FileSniffer();
  sniffer.update(bytes);
  return sniffer.detect();
}

/** Feed every chunk of a file in order with `update`, then `detect`. */
export class FileSniffer {
  private readonly head = new Uint8Array(HEAD_BYTES);
  private headLength = 0;
  private tailChunks: Uint8Array[] = [];
  private tailLength = 0;
  private readonly text = new TextCheck();
  size = 0;

  update(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.headLength < HEAD_BYTES) {
      const take = chunk.subarray(0, HEAD_BYTES - this.headLength);
      this.head.set(take, this.headLength);
      this.headLength += take.length;
    }
    this.tailChunks.push(chunk);
    this.tailLength += chunk.length;
    while (this.tailLength - this.tailChunks[0]!.length >= TAIL_BYTES) this.tailLength -= this.tailChunks.shift()!.length;
    this.text.update(chunk);
    this.size += chunk.length;
  }

  detect(): Detection {
    const head = this.head.subarray(0, this.headLength);
    const tail = concat(this.tailChunks, this.tailLength).subarray(-TAIL_BYTES);
    const textProblem = this.text.end();
    return classify(head, tail, this.size, textProblem);
  }
}

function classify(head: Uint8Array, tail: Uint8Array, size: number, textProblem: string | undefined): Detection {
  if (startsWith(head, PDF_HEADER)) {
    return indexOf(tail.subarray(-PDF_EOF_WINDOW), PDF_EOF) >= 0
      ? { type: 'application/pdf' }
      : { reason: 'starts like a PDF but has no %%EOF at its end (cut short?)' };
  }
  if (startsWith(head, ZIP_LOCAL_HEADER)) return inspectZip(tail, size);
  for (const [signature, reason] of SIGNATURES) if (startsWith(head, signature)) return { reason };
  // "MZ" alone could begin a text; a PE header where the DOS header points, or binary bytes, could not.
  if (startsWith(head, [0x4d, 0x5a]) && (textProblem || hasPeHeader(head))) return { reason: 'starts like a Windows executable' };
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return { reason: 'is UTF-16 text; only UTF-8 text is accepted' };
  if (textProblem) return { reason: textProblem, unrecognised: true };
  return { type: 'text/plain' };
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const PDF_HEADER = ascii('%PDF-');
const PDF_EOF = ascii('%%EOF');
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/** Binary formats worth naming in a refusal; all of them fail the text check too. */
const SIGNATURES: [number[], string][] = [
  [[0x7f, 0x45, 0x4c, 0x46], 'starts like an ELF executable'],
  [[0xfe, 0xed, 0xfa, 0xce], 'starts like a macOS (Mach-O) executable'],
  [[0xfe, 0xed, 0xfa, 0xcf], 'starts like a macOS (Mach-O) executable'],
  [[0xce, 0xfa, 0xed, 0xfe], 'starts like a macOS (Mach-O) executable'],
  [[0xcf, 0xfa, 0xed, 0xfe], 'starts like a macOS (Mach-O) executable'],
  [[0xca, 0xfe, 0xba, 0xbe], 'starts like a Java class or a macOS universal executable'],
  [[0x00, 0x61, 0x73, 0x6d], 'starts like a WebAssembly module'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'is an older Microsoft Office file (such as .doc) or a password-protected document'],
  [[0x50, 0x4b, 0x05, 0x06], 'is an empty ZIP archive'],
  [[0x89, 0x50, 0x4e, 0x47], 'is a PNG image'],
  [[0xff, 0xd8, 0xff], 'is a JPEG image'],
  [ascii('GIF8'), 'is a GIF image'],
  [[0x1f, 0x8b], 'is a gzip archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'is a 7-Zip archive'],
  [ascii('Rar!'), 'is a RAR archive'],
];

function hasPeHeader(head: Uint8Array): boolean {
  if (head.length < 0x40) return false;
  const peOffset = view(head).getUint32(0x3c, true);
  return peOffset + 4 <= head.length && startsWith(head.subarray(peOffset), [0x50, 0x45, 0, 0]);
}

// ZIP records (APPNOTE.TXT 4.3): little-endian, found from the end of the file.
const EOCD = 0x06054b50;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_ENTRY = 0x02014b50;

/**
 * A DOCX is a ZIP whose central directory lists `[Content_Types].xml` and `word/document.xml`.
 * `tail` is the end of the file (all of it when the file is shorter than TAIL_BYTES).
 */
function inspectZip(tail: Uint8Array, size: number): Detection {
  const damaged = { reason: 'is a ZIP that is cut short or damaged (its central directory is missing or broken)' };
  const v = view(tail);
  const tailStart = size - tail.length;
  // The end record is the last thing in the file: its comment runs exactly to the end.
  let eocd = -1;
  for (let p = tail.length - EOCD_SIZE; p >= 0 && p >= tail.length - EOCD_SIZE - 0xffff; p--) {
    if (v.getUint32(p, true) === EOCD && p + EOCD_SIZE + v.getUint16(p + 20, true) === tail.length) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return damaged;
  let entries = v.getUint16(eocd + 10, true);
  let cdSize = v.getUint32(eocd + 12, true);
  let cdOffset = v.getUint32(eocd + 16, true);
  let cdEnd = tailStart + eocd;
  if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || v.getUint32(locator, true) !== ZIP64_LOCATOR) return damaged;
    const record = Number(v.getBigUint64(locator + 8, true)) - tailStart;
    if (record < 0 || record + 56 > locator || v.getUint32(record, true) !== ZIP64_EOCD) return damaged;
    entries = Number(v.getBigUint64(record + 32, true));
    cdSize = Number(v.getBigUint64(record + 40, true));
    cdOffset = Number(v.getBigUint64(record + 48, true));
    cdEnd = tailStart + record;
  }
  if (cdOffset + cdSize !== cdEnd) return damaged;
  if (cdOffset < tailStart) return { reason: `is a ZIP whose list of contents is too long to check (over ${TAIL_BYTES / 1024} KiB)` };

  const names = new Set<string>();
  let p = cdOffset - tailStart;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > tail.length || v.getUint32(p, true) !== CENTRAL_ENTRY) return damaged;
    const nameLength = v.getUint16(p + 28, true);
    const name = new TextDecoder().decode(tail.subarray(p + 46, p + 46 + nameLength));
    // OPC part names are case-insensitive.
    names.add(name.toLowerCase());
    p += 46 + nameLength + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return docxVerdict(names);
}

function docxVerdict(names: Set<string>): Detection {
  const has = (name: string) => names.has(name.toLowerCase());
  if (has('mimetype') && has('content.xml')) return { reason: 'is an OpenDocument file (such as .odt), not a DOCX' };
  if (has('xl/workbook.xml')) return { reason: 'is an Excel workbook (XLSX), not a Word document' };
  if (has('ppt/presentation.xml')) return { reason: 'is a PowerPoint presentation (PPTX), not a Word document' };
  const missing = ['[Content_Types].xml', 'word/document.xml'].filter((n) => !has(n));
  if (missing.length) return { reason: `is a ZIP without ${missing.join(' or ')}` };
  if (has('word/vbaProject.bin')) return { reason: 'is a macro-enabled Word document (.docm), not a DOCX' };
  return { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
}

/**
 * Plain text, checked as it streams: well-formed UTF-8 (Unicode table 3-7: no overlong forms, no
 * surrogates, nothing above U+10FFFF) with no C0 control character but tab, LF, FF and CR. A BOM
 * is well-formed UTF-8 and so is accepted. A problem is placed at the first byte of the character
 * it spoils, counting from 0.
 */
class TextCheck {
  private offset = 0;
  /** Continuation bytes still expected, and the range the next one must be in. */
  private need = 0;
  private low = 0x80;
  private high = 0xbf;
  private sequenceStart = 0;
  private problem: string | undefined;

  update(bytes: Uint8Array): void {
    if (this.problem) return;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      const at = this.offset + i;
      if (this.need > 0) {
        if (b < this.low || b > this.high) return this.fail(`is not valid UTF-8 at byte ${this.sequenceStart}`);
        this.need--;
        this.low = 0x80;
        this.high = 0xbf;
      } else if (b < 0x80) {
        if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) {
          return this.fail(b === 0 ? `has a NUL byte at byte ${at}, as binary files do` : `has a control character (0x${hex(b)}) at byte ${at}`);
        }
      } else {
        this.sequenceStart = at;
        if (b >= 0xc2 && b <= 0xdf) this.need = 1;
        else if (b === 0xe0) [this.need, this.low] = [2, 0xa0];
        else if (b === 0xed) [this.need, this.high] = [2, 0x9f];
        else if (b >= 0xe1 && b <= 0xef) this.need = 2;
        else if (b === 0xf0) [this.need, this.low] = [3, 0x90];
        else if (b === 0xf4) [this.need, this.high] = [3, 0x8f];
        else if (b >= 0xf1 && b <= 0xf3) this.need = 3;
        else return this.fail(`is not valid UTF-8 at byte ${at}`);
      }
    }
    this.offset += bytes.length;
  }

  /** The first problem found, or undefined for valid text. */
  end(): string | undefined {
    if (!this.problem && this.need > 0) this.problem = `is not valid UTF-8 at byte ${this.sequenceStart} (it ends inside a character)`;
    return this.problem;
  }

  private fail(problem: string): void {
    this.problem = problem;
  }
}

const hex = (b: number) => b.toString(16).toUpperCase().padStart(2, '0');

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function indexOf(bytes: Uint8Array, needle: readonly number[]): number {
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
