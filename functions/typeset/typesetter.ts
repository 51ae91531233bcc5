import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { LANGUAGES, type Language } from '#shared/domain/languages';
import type { IssuedVersion } from './issued-version';
import { BASE_FONT_FILES, FONT_FAMILIES, FONT_FILES, loadFonts } from './fonts';
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

const compilers: { base?: NodeCompiler; cjk?: NodeCompiler } = {};
/**
 * One compiler per process and font set: loading the fonts is the slow part, done once. The CJK
 * fonts (≈ 50 MB) are loaded only by a process that sets CJK text; the others never hold them.
 */
function compilerFor(cjk: boolean): NodeCompiler {
  const create = (files: readonly string[]) => NodeCompiler.create({ workspace: '/typeset', fontArgs: [{ fontBlobs: loadFonts(files) }] });
  return cjk ? (compilers.cjk ??= create(FONT_FILES)) : (compilers.base ??= create(BASE_FONT_FILES));
}

const CJK = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/;
/** Does anything to be set need a CJK font (a Chinese version, or CJK characters in any text)? */
function needsCjk(v: IssuedVersion, contents: readonly PartContent[]): boolean {
  if (v.lang === 'zh' || CJK.test(v.title) || Object.values(v.masthead).some((l) => CJK.test(l))) return true;
  return contents.some((c) => (c.content === 'text' && c.paragraphs.some((p) => CJK.test(p))) || (c.content === 'none' && CJK.test(c.note)))
    || v.parts.some((p) => CJK.test(p.heading ?? '') || CJK.test(p.footnote ?? ''));
}

const dirOf = (lang: Language) => LANGUAGES[lang].dir;

/**
 * The version's PDF. Everything is done synchronously on the one compiler, so two documents set
 * at once in the same process never see each other's files. PDF/A-2b when nothing received is
 * embedded; Typst cannot embed PDF pages in a PDF/A file, so then a plain PDF 1.7 with its fonts
 * embedded and the same metadata.
 */
export function typesetVersion(v: IssuedVersion, contents: readonly PartContent[]): { pdf: Uint8Array; pages: number } {
  const c = compilerFor(needsCjk(v, contents));
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
    // Each line with its language and direction: an English line inside an Arabic masthead reads left to right.
    masthead: {
      version: null, sessionDates: null, agendaItemTitle: null,
      ...Object.fromEntries(Object.entries(v.masthead).map(([k, text]) => {
        const lang = v.mastheadLangs[k as keyof IssuedVersion['masthead']] ?? v.lang;
        return [k, k === 'symbol' ? text : { text, lang, dir: dirOf(lang) }];
      })),
    },
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
