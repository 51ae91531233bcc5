import { LANGUAGE_CODES, type Language } from './languages';
import type { FileDeclaration, TranslationStatus, TranslationTable } from './schemas';

/**
 * The status of each language version of each part (docs/domain.md#translation-status): the
 * language a part was submitted in is `original`; a part marked `translate: false` is
 * `reproduced-as-received` in every other language; other languages are `pending` until a
 * translation is received (`translated`). A corrigendum corrects only the versions its cover note
 * is given in: its other versions are `not-issued`, not awaited.
 */
export function tagTranslationStatus(
  files: readonly Pick<FileDeclaration, 'part' | 'language' | 'translate'>[],
  originalLanguage: Language,
  opts: { corrigendum?: boolean } = {},
): TranslationTable {
  const table: TranslationTable = {};
  // The versions a corrigendum is issued in: those its cover note was given in.
  const issued = new Set(files.filter((f) => f.part === 'cover').map((f) => f.language));
  for (const part of partsInOrder(files)) {
    const versions = files.filter((f) => f.part === part);
    // A part's original is the version in the document's original language, else the first one received.
    const original = versions.find((f) => f.language === originalLanguage) ?? versions[0]!;
    const reproduced = versions.some((f) => f.translate === false);
    const statuses = {} as Record<Language, TranslationStatus>;
    for (const language of LANGUAGE_CODES) {
      if (language === original.language) statuses[language] = 'original';
      else if (versions.some((f) => f.language === language)) statuses[language] = 'translated';
      else if (opts.corrigendum && !issued.has(language)) statuses[language] = 'not-issued';
      else statuses[language] = reproduced ? 'reproduced-as-received' : 'pending';
    }
    table[part] = statuses;
  }
  return table;
}

/** Cover first, then annexes in the order they were listed. */
export function partsInOrder(files: readonly Pick<FileDeclaration, 'part'>[]): string[] {
  const parts = [...new Set(files.map((f) => f.part))];
  return parts.sort((a, b) => (a === 'cover' ? -1 : b === 'cover' ? 1 : 0));
}

/**
 * The tags of a stored file, in the intake bucket and on the site (docs/architecture.md#object-tags):
 * its document, language, part and that version's translation status, as the table says.
 */
export function fileTags(symbol: string, file: Pick<FileDeclaration, 'part' | 'language'>, table: TranslationTable): Record<string, string> {
  return { symbol, language: file.language, part: file.part, 'translation-status': table[file.part]?.[file.language] ?? 'original' };
}

/**
 * The tags of a language version's issued PDF: its document, language, `part: issued` (it is the
 * whole version, not one part), and whether the version is the original or a translation.
 */
export function issuedPdfTags(symbol: string, language: Language, originalLanguage: Language): Record<string, string> {
  return { symbol, language, part: 'issued', 'translation-status': language === originalLanguage ? 'original' : 'translated' };
}

/** The table once `parts` are translated into `language`: a copy, the other entries as they were. */
export function withTranslated(table: TranslationTable, parts: readonly string[], language: Language): TranslationTable {
  const next: TranslationTable = structuredClone(table);
  for (const part of parts) {
    const statuses = next[part];
    if (statuses) statuses[language] = 'translated';
  }
  return next;
}
