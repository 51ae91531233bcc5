import { describe, expect, it } from '@jest/globals';
import { DocumentRecord } from '#shared/domain/document';
import { withTranslated } from '#shared/domain/translation-status';
import { extractText } from '#shared/text/extract';
import { annexHeading, issuedVersion } from '../../functions/typeset/issued-version';
import { typesetVersion, type PartContent } from '../../functions/typeset/typesetter';
import { doc } from './publish-fixtures';

const FR_TITLE = 'Note verbale datée du 8 juin 2021, adressée au Haut-Commissariat';

/** The example's shape: a cover and an annex reproduced as received, the cover translated into French. */
function example(over: Partial<DocumentRecord> = {}): DocumentRecord {
  const base = doc(10, { title: 'Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan' });
  const translations = withTranslated({
    cover: { en: 'original', fr: 'pending', es: 'pending', ru: 'pending', ar: 'pending', zh: 'pending' },
    annex: { en: 'original', fr: 'reproduced-as-received', es: 'reproduced-as-received', ru: 'reproduced-as-received', ar: 'reproduced-as-received', zh: 'reproduced-as-received' },
  }, ['cover'], 'fr');
  const file = (part: string, language: 'en' | 'fr', contentType = 'text/plain') => ({ part, language, name: `${part}.${language}`, contentType, size: 1, sha256: 'a'.repeat(64), path: `A/HRC/47/G/10/${part}.${language}.txt` });
  return DocumentRecord.parse({ ...base, translations, titles: { fr: FR_TITLE }, files: [file('cover', 'en'), file('annex', 'en', 'application/pdf'), file('cover', 'fr')], ...over });
}
const text = (...paragraphs: string[]): PartContent => ({ content: 'text', paragraphs });
const read = async (pdf: Uint8Array) => (await extractText(pdf, 'application/pdf', 'x')).paragraphs.join(' ');

describe('the version a PDF prints', () => {
  it('prints the French version from its own cover and the original annex, headed in English, with the French footnote', () => {
    const v = issuedVersion(example(), 'fr');
    expect(v).toMatchObject({ lang: 'fr', title: FR_TITLE, titleLang: 'fr', jobNumber: expect.stringMatching(/^GE\.21-\d{5}\(F\)$/) });
    expect(v.masthead).toMatchObject({ organ: 'Assemblée générale', body: 'Conseil des droits de l’homme', version: 'Français', agendaItem: 'Point 4 de l’ordre du jour' });
    expect(v.parts.map((p) => [p.part, p.file.language])).toEqual([['cover', 'fr'], ['annex', 'en']]);
    expect(v.parts[1]!.heading).toBe('Annex to the note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan');
    expect(v.parts[1]!.footnote).toBe('L’annexe est reproduite telle qu’elle a été reçue, dans la langue de l’original seulement.');
    expect(v.parts[0]!.footnote).toBeUndefined();
    expect(v.reissueFootnote).toBeUndefined();
  });
  it('prints a pending translation from the original, and a reissued version with its * and footnote', () => {
    expect(issuedVersion(example(), 'es').parts.map((p) => p.file.language)).toEqual(['en', 'en']);
    const d = example();
    const reissued = issuedVersion({ ...d, jobNumbers: { ...d.jobNumbers, fr: { ...d.jobNumbers.fr!, printed: d.jobNumbers.fr!.printed.replace('(F)', '*(F)') } },
      reissued: { fr: { at: '2021-07-01T09:00:00.000Z', submissionId: 'x', replaced: d.jobNumbers.fr! } } }, 'fr');
    expect(reissued.jobNumber).toMatch(/\*\(F\)$/);
    expect(reissued.reissueFootnote).toMatch(/1er juillet 2021|1 juillet 2021/);
  });
  it('numbers several annexes and heads each in its language', () => {
    expect(annexHeading('en', 'Letter dated 1 May 2021', 2, 3)).toBe('Annex II to the letter dated 1 May 2021');
    expect(annexHeading('fr', 'Lettre datée du 1er mai 2021', 1, 1)).toBe('Annexe à la lettre datée du 1er mai 2021');
  });
  it('refuses a version with no job number: it is not issued', () => {
    const d = example();
    const { fr: _dropped, ...others } = d.jobNumbers;
    void _dropped;
    expect(() => issuedVersion({ ...d, jobNumbers: others as DocumentRecord['jobNumbers'] }, 'fr')).toThrow(/no French job number/);
  });
});

describe('typesetting with Typst', () => {
  const v = issuedVersion(example(), 'fr');
  it('sets the masthead, title, text, footnote and job number, a submitter\'s markup as text, as PDF/A-2b with its metadata', async () => {
    const hostile = '#strong[bold] $x^2$ <script>alert(1)</script> #import "/etc/passwd" \\ ]';
    const { pdf, pages } = typesetVersion({ ...v, title: `${FR_TITLE} ${hostile}` }, [text('La Mission permanente fait tenir', hostile), text('According to the information')]);
    expect(pages).toBe(2);
    const t = await read(pdf);
    for (const s of ['Nations Unies', 'A/HRC/47/G/10', 'Distr. générale', 'Conseil des droits de l’homme', 'La Mission permanente fait tenir', 'According to the information', 'L’annexe est reproduite']) expect(t).toContain(s);
    expect(t).toContain('#strong[bold] $x^2$ <script>alert(1)</script> #import "/etc/passwd"');
    expect(t).toMatch(/GE\.21-\d{5}\(F\)/);
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('pdfaid:part');
    expect(raw).toMatch(/A\/HRC\/47\/G\/10 \(French version\)/);
  });
  it('embeds a received PDF\'s pages as they are, their text still text', async () => {
    const received = typesetVersion(v, [text('Texte reçu de la mission'), text('Received annex text')]);
    const { pdf, pages } = typesetVersion(v, [text('La Mission permanente'), { content: 'pdf', bytes: received.pdf, pages: received.pages }]);
    expect(pages).toBe(1 + received.pages);
    expect(await read(pdf)).toContain('Received annex text');
  });
  it('says why a part has no text, and fails clearly on a received file Typst cannot read', async () => {
    const { pdf } = typesetVersion(v, [text('La Mission'), { content: 'none', note: 'scan.pdf: no text to show; the file is published as received.' }]);
    expect(await read(pdf)).toContain('scan.pdf: no text to show');
    expect(() => typesetVersion(v, [text('x'), { content: 'pdf', bytes: new TextEncoder().encode('%PDF-1.7 broken'), pages: 1 }])).toThrow(/could not be typeset/);
  });
});
