import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENV } from '#shared/adapters/config';

/**
 * The fonts the issued PDFs are set in, from files on disk, never fetched: Noto Serif (Latin,
 * Cyrillic), Noto Naskh Arabic (shaped right to left by Typst), Noto Serif CJK (Chinese). Locally
 * they are Debian's packages fonts-noto-core and fonts-noto-cjk; in Lambda the same files are
 * bundled beside the handler (infra/constructs/circulate-function.ts), found by CIRCULATE_FONT_DIR.
 */
export const BASE_FONT_FILES = [
  'NotoSerif-Regular.ttf', 'NotoSerif-Bold.ttf', 'NotoSerif-Italic.ttf', 'NotoSerif-BoldItalic.ttf',
  'NotoNaskhArabic-Regular.ttf', 'NotoNaskhArabic-Bold.ttf',
] as const;
/** ≈ 50 MB together: loaded only by a process that sets Chinese (or any CJK text). */
export const CJK_FONT_FILES = ['NotoSerifCJK-Regular.ttc', 'NotoSerifCJK-Bold.ttc'] as const;
export const FONT_FILES = [...BASE_FONT_FILES, ...CJK_FONT_FILES] as const;

/** The families in the order Typst falls back through them. */
export const FONT_FAMILIES = ['Noto Serif', 'Noto Naskh Arabic', 'Noto Serif CJK SC'];

/** Where Debian puts them. */
export const DEBIAN_FONT_DIRS = ['/usr/share/fonts/truetype/noto', '/usr/share/fonts/opentype/noto'];

/** The Debian packages that bring them (scripts/test.sh installs them when missing). */
export const FONT_PACKAGES = ['fonts-noto-core', 'fonts-noto-cjk'];

export class FontsMissing extends Error {
  override name = 'FontsMissing';
}

/** Each font file's bytes, looked for in `dirs` (CIRCULATE_FONT_DIR first); a missing one is an error naming the package. */
export function loadFonts(
  files: readonly string[] = FONT_FILES, dirs: readonly string[] = [process.env[ENV.fontDir] ?? '', ...DEBIAN_FONT_DIRS].filter(Boolean),
): Buffer[] {
  return files.map((name) => {
    const dir = dirs.find((d) => existsSync(join(d, name)));
    if (!dir) throw new FontsMissing(`Font ${name} not found in ${dirs.join(', ')}: install Debian's ${FONT_PACKAGES.join(' and ')}, or set CIRCULATE_FONT_DIR`);
    return readFileSync(join(dir, name));
  });
}
