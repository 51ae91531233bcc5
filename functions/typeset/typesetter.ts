import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { LANGUAGES, type Language } from '#shared/domain/languages';
import type { IssuedVersion } from './issued-version';
import { FONT_FAMILIES, loadFonts } from './fonts';
import { TYPST_SOURCE } from './typst-source';

/**
 * Typesetting with Typst, compiled in process (the typst.ts Node binding, a native module from the
 * npm registry; the same in Lambda). Chosen over printing HTML in headless Chromium: it shapes
 * Arabic and sets CJK from the fonts it is given, embeds received PDF pages as vectors (their text
 * stays text), writes PDF/A-2b, and takes milliseconds and no browser process per document
 * (docs/architecture.md#issued-pdfs).
 */

/** What a part prints: its text, its received PDF's pages, or a note saying why neither. */
export type PartContent =
  | { content: 'text'; paragraphs: string[] }
  | { content: 'pdf'; bytes: Uint8Array; pages: number }
  | { content: 'none'; note: string };

export class TypesettingFailed extends Error {
  override name = 'TypesettingFailed';
}

let compiler: NodeCompiler | undefined;
/** One compiler per process: loading the fonts (≈ 30 MB with CJK) is the slow part, done once. */
function theCompiler(): NodeCompiler {
  return (compiler ??= NodeCompiler.create({ workspace: '/typeset', fontArgs: [{ fontBlobs: loadFonts() }] }));
}

const dirOf = (lang: Language) => LANGUAGES[lang].dir;

/**
 * The version's PDF. Everything is done synchronously on the one compiler, so two documents set
 * at once in the same process never see each other's files. PDF/A-2b when nothing received is
 * embedded; Typst cannot embed PDF pages in a PDF/A file, so then a plain PDF 1.7 with its fonts
 * embedded and the same metadata.
 */
export function typesetVersion(v: IssuedVersion, contents: readonly PartContent[]): { pdf: Uint8Array; pages: number } {
  const c = theCompiler();
  const files: string[] = [];
  const parts = v.parts.map((p, i) => {
    const content = contents[i]!;
    const base = { part: p.part, heading: p.heading ?? null, footnote: p.footnote ?? null, lang: p.file.language, dir: dirOf(p.file.language) };
    if (content.content === 'pdf') {
      const path = `/parts/${i + 1}.pdf`;
      c.mapShadow(`/typeset${path}`, Buffer.from(content.bytes));
      files.push(`/typeset${path}`);
      return { ...base, content: 'pdf', file: path, pages: content.pages };
    }
    return { ...base, ...content };
  });
  const data = {
    lang: v.lang,
    dir: dirOf(v.lang),
    fonts: FONT_FAMILIES,
    meta: {
      title: v.title,
      author: ['United Nations'],
      description: `${v.symbol} (${LANGUAGES[v.lang].name} version)`,
      keywords: [v.symbol, v.lang, v.jobNumber],
    },
    masthead: { version: null, sessionDates: null, agendaItemTitle: null, ...v.masthead },
    title: v.title,
    titleLang: v.titleLang,
    jobNumber: v.jobNumber,
    reissueFootnote: v.reissueFootnote ?? null,
    parts,
  };
  c.mapShadow('/typeset/data.json', Buffer.from(JSON.stringify(data)));
  files.push('/typeset/data.json');
  try {
    const result = c.compile({ mainFileContent: TYPST_SOURCE });
    const doc = result.result;
    if (!doc) {
      const diagnostics = result.takeDiagnostics();
      throw new TypesettingFailed(`${v.symbol} (${v.lang}) could not be typeset: ${diagnostics ? JSON.stringify(c.fetchDiagnostics(diagnostics)).slice(0, 500) : 'no diagnostics'}`);
    }
    const embeds = parts.some((p) => p.content === 'pdf');
    const pdf = c.pdf(doc, embeds ? {} : { pdfStandard: 'a-2b' });
    return { pdf: new Uint8Array(pdf), pages: doc.numOfPages };
  } catch (e) {
    if (e instanceof TypesettingFailed) throw e;
    throw new TypesettingFailed(`${v.symbol} (${v.lang}) could not be typeset: ${e instanceof Error ? e.message.slice(0, 500) : String(e)}`);
  } finally {
    for (const f of files) c.unmapShadow(f);
    c.evictCache(30);
  }
}
