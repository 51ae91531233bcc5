import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { utf8 } from '../support/files';
import { EXAMPLE, api, startTestStack, submit, submitTranslation, waitForFinalStatus } from './helpers';

/**
 * The issued document, as readers download it: the example published in English, its French
 * version added; the French PDF read back with poppler's pdftotext has page one as the UN prints
 * it in French, the French note, the French footnote, the job number, then the annex in English;
 * an Arabic version's PDF has its Arabic set right to left (read back in logical order, and laid
 * out from the right), and is rendered to an image (pdftoppm) as a reader's viewer shows it.
 */

type Stack = Awaited<ReturnType<typeof startTestStack>>;
const run = promisify(execFile);

const SYMBOL = 'A/HRC/47/G/1';
const FRENCH_TITLE = 'Note verbale datée du 8 juin 2021, adressée au Haut-Commissariat des Nations Unies aux droits de l’homme par la Mission permanente de l’Azerbaïdjan auprès de l’Office des Nations Unies à Genève';
const ARABIC_TITLE = 'مذكرة شفوية مؤرخة 8 حزيران/يونيه 2021 موجهة إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان من البعثة الدائمة لأذربيجان لدى مكتب الأمم المتحدة في جنيف';
const ARABIC_NOTE = 'تهدي البعثة الدائمة لجمهورية أذربيجان لدى مكتب الأمم المتحدة في جنيف تحياتها إلى مفوضية الأمم المتحدة السامية لحقوق الإنسان';

describe('the issued PDF of each language version', () => {
  let stack: Stack;
  let dir: string;

  beforeAll(async () => {
    stack = await startTestStack();
    dir = await mkdtemp(join(tmpdir(), 'circulate-pdf-'));
    expect(await waitForFinalStatus(stack, await submit(stack, EXAMPLE))).toMatchObject({ status: 'PUBLISHED', symbol: SYMBOL });
  }, 60_000);
  afterAll(async () => {
    await stack?.cleanup();
    if (dir && !process.env.KEEP_PDF) await rm(dir, { recursive: true, force: true });
  });

  /** A PDF of the site, saved to a file, and its text as pdftotext reads it (reading order, one text per page). */
  async function download(path: string): Promise<{ file: string; text: string; bytes: Uint8Array }> {
    const res = await fetch(`${stack.url}/${path}`);
    expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({ path, status: 200, type: 'application/pdf' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const file = join(dir, path.replace(/\//g, '_'));
    await writeFile(file, bytes);
    const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    // A line broken after a hyphen (Haut-|Commissariat) reads as one word again.
    return { file, text: stdout.replace(/[ \t]+/g, ' ').replace(/-\n/g, '-'), bytes };
  }
  const info = async (file: string) => (await run('pdfinfo', [file])).stdout;
  const flat = (s: string) => s.replace(/\s+/g, ' ');

  it('issues the original in English with the document: page one, the note, the footnote on the annex, the job number', async () => {
    const record = (await api(stack, `/documents/${SYMBOL}`)).json as { pdfs: Record<string, { url: string; pages: number; size: number; jobNumber: string }> };
    expect(Object.keys(record.pdfs)).toEqual(['en']);
    const { file, text, bytes } = await download(`${SYMBOL}/A_HRC_47_G_1-E.pdf`);
    expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
    const t = flat(text);
    for (const line of ['United Nations', SYMBOL, 'General Assembly', 'Distr.: General', 'Original: English', 'Human Rights Council', 'Forty-seventh session', 'Agenda item 4']) {
      expect(t).toContain(line);
    }
    expect(t).toContain('Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan');
    expect(t).toContain('has the honour to transmit herewith information provided by the Press Service Department');
    expect(t).toContain('Annex to the note verbale dated 8 June 2021');
    expect(t).toContain('Reproduced as received, in the language of submission only.');
    expect(t).toMatch(/GE\.\d{2}-\d{5}\(E\)/);
    // Document metadata: its title, and the symbol and language in its subject.
    const meta = await info(file);
    expect(meta).toMatch(/Title:\s+Note verbale dated 8 June 2021/);
    expect(meta).toMatch(/Subject:\s+A\/HRC\/47\/G\/1 \(English version\)/);
    expect(record.pdfs.en).toMatchObject({ url: `${stack.url}/${SYMBOL}/A_HRC_47_G_1-E.pdf`, size: bytes.length, pages: expect.any(Number) });
  });

  it('issues the French version: French masthead, title, note and footnote, the job number in (F), then the annex in English', async () => {
    const bytes = new Uint8Array(await readFile('examples/A_HRC_47_G_10/fr/note-verbale.txt'));
    const created = await submitTranslation(stack, SYMBOL, { language: 'fr', title: FRENCH_TITLE, files: [{ name: 'note-verbale-fr.txt', part: 'cover', contentType: 'text/plain', bytes }] });
    expect(created.status).toBe(201);
    expect(await waitForFinalStatus(stack, (created.json as { id: string }).id)).toMatchObject({ status: 'PUBLISHED' });

    const { file, text } = await download(`${SYMBOL}/A_HRC_47_G_1-F.pdf`);
    const t = flat(text);
    for (const line of ['Nations Unies', 'Assemblée générale', 'Distr. générale', 'Français', 'Original : anglais', 'Conseil des droits de l’homme', 'Quarante-septième session', '21 juin-9 juillet 2021', 'Point 4 de l’ordre du jour']) {
      expect({ line, found: t.includes(line) }).toEqual({ line, found: true });
    }
    // pdftotext drops a hyphen at the end of a line (Haut-|Commissariat reads HautCommissariat): look without hyphens.
    const unhyphenated = t.replace(/-/g, '');
    const at = (s: string) => {
      const i = unhyphenated.indexOf(s.replace(/-/g, ''));
      expect({ s, found: i >= 0 }).toEqual({ s, found: true });
      return i;
    };
    const title = at('Note verbale datée du 8 juin 2021, adressée au Haut-Commissariat');
    const note = at('La Mission permanente de la République d’Azerbaïdjan auprès de l’Office des Nations Unies');
    const footnote = at('L’annexe est reproduite telle qu’elle a été reçue, dans la langue de l’original seulement.');
    expect(t).toMatch(/GE\.\d{2}-\d{5}\(F\)/);
    // Then the annex, in English, as received: after the French note.
    const annex = at('Annex to the note verbale dated 8 June 2021');
    const annexText = at('According to the information of the Ministry of Defense of the Republic of Azerbaijan');
    expect(title).toBeLessThan(note);
    expect(note).toBeLessThan(annex);
    expect(annex).toBeLessThan(annexText);
    expect(footnote).toBeGreaterThan(0);
    // Fonts embedded, metadata in French.
    const { stdout: fonts } = await run('pdffonts', [file]);
    const rows = fonts.split('\n').slice(2).filter(Boolean);
    expect(fonts).toMatch(/NotoSerif/);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    expect(await info(file)).toMatch(/Title:\s+Note verbale datée du 8 juin 2021/);
    // The French page links it.
    const page = await (await fetch(`${stack.url}/${SYMBOL}/fr/`)).text();
    expect(page).toContain('/A/HRC/47/G/1/A_HRC_47_G_1-F.pdf');
  });

  it('shows the note\'s text on the French page, and indexes for search a word found only in the annex', async () => {
    const page = await (await fetch(`${stack.url}/${SYMBOL}/fr/`)).text();
    expect(page).toContain('La Mission permanente de la République d’Azerbaïdjan');
    // "Yukhary Ayrym" is in the annex alone: the session's text shard holds it, under this document.
    const shard = await (await fetch(`${stack.url}/search/A/HRC/47.text.json`)).text();
    expect(shard).toContain('Yukhary Ayrym');
    expect(shard).toContain(SYMBOL);
  });

  it('sets an Arabic version right to left, its letters joined, read back in their logical order', async () => {
    const created = await submitTranslation(stack, SYMBOL, { language: 'ar', title: ARABIC_TITLE, files: [{ name: 'note-ar.txt', part: 'cover', contentType: 'text/plain', bytes: utf8(`${ARABIC_NOTE}.\n`) }] });
    expect(created.status).toBe(201);
    expect(await waitForFinalStatus(stack, (created.json as { id: string }).id)).toMatchObject({ status: 'PUBLISHED' });
    const { file, text } = await download(`${SYMBOL}/A_HRC_47_G_1-A.pdf`);
    // Logical order, whole words: the text is Unicode Arabic (not presentation forms), as typed.
    const t = flat(text.replace(/[\u200e\u200f\u202a-\u202e]/g, ''));
    expect(t).toContain('مجلس حقوق الإنسان');
    expect(t).toContain('تهدي البعثة الدائمة لجمهورية أذربيجان');
    // The job number is set left to right; pdftotext, reading the page as right to left, mirrors its parentheses.
    expect(t).toMatch(/GE\.\d{2}-\d{5}[()]A|A[()]GE\.\d{2}-\d{5}/);
    expect(t).toContain('Annex to the note verbale dated 8 June 2021');
    // Right to left: on the note's first line, each word in reading order lies left of the one before.
    const { stdout: bbox } = await run('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-']);
    // pdftotext -bbox gives each word's glyphs in the order they are drawn: right to left, so reversed.
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]+)<\/word>/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: [...m[3]!].reverse().join('') }));
    const first = ARABIC_NOTE.split(' ').slice(0, 4);
    const placed = first.map((w) => words.find((x) => x.w === w));
    expect(placed.every(Boolean)).toBe(true);
    for (let i = 1; i < placed.length; i++) {
      if (Math.abs(placed[i]!.y - placed[i - 1]!.y) < 2) expect(placed[i]!.x).toBeLessThan(placed[i - 1]!.x);
    }
    // As a viewer shows it: the page rendered to an image has the text on it (kept beside the test's screenshots).
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'arabic')]);
    const png = await readFile(join(dir, 'arabic.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
    await writeFile('test/e2e/screenshots/issued-pdf-arabic.png', png);
  });
});
