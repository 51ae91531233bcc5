import { DocumentRecord, type PublishedFile } from '#shared/domain/document';
import type { Language } from '#shared/domain/languages';
import type { ExtractedText } from '#shared/text/extract';
import { tagTranslationStatus } from '#shared/domain/translation-status';
import { doc } from '../unit/publish-fixtures';

/**
 * A session whose documents have texts, for the text search (unit and browser tests): each file
 * declared with its language, its part and whether it is translated, its paragraphs beside it.
 */
export interface FileWithText {
  part: string;
  language: Language;
  paragraphs: string[];
  /** False for a part reproduced as received (the original's file only). */
  translate?: boolean;
  /** A scan: no text layer. */
  scan?: boolean;
}

export function documentWithTexts(n: number, original: Language, files: FileWithText[], over: Partial<DocumentRecord> = {}): { document: DocumentRecord; texts: [string, ExtractedText][] } {
  const symbol = `A/HRC/47/G/${n}`;
  const published: PublishedFile[] = files.map((f, i) => ({
    part: f.part, language: f.language, name: `${f.part}.${f.language}.pdf`, contentType: 'application/pdf', size: 2_000 + i,
    sha256: `${String(n).padStart(4, '0')}${i}`.padEnd(64, 'f'), path: `${symbol}/${f.part}.${f.language}.pdf`,
    text: { textLayer: !f.scan, pages: 1, characters: f.paragraphs.join('').length },
  }));
  const declared = files.filter((f) => f.language === original).map((f) => ({ part: f.part, language: f.language, translate: f.translate ?? true }));
  const translations = tagTranslationStatus(declared, original);
  for (const f of files) if (f.language !== original) translations[f.part]![f.language] = 'translated';
  const document = DocumentRecord.parse({ ...doc(n), originalLanguage: original, files: published, translations, ...over });
  const texts = published.map((f, i): [string, ExtractedText] => [f.path, {
    format: 1, sha256: f.sha256, contentType: f.contentType, textLayer: !files[i]!.scan, pages: 1, paragraphs: files[i]!.scan ? [] : files[i]!.paragraphs,
  }]);
  return { document, texts };
}

/** Several documents' records and their texts, as the renderers take them. */
export function session(...made: ReturnType<typeof documentWithTexts>[]): { documents: DocumentRecord[]; texts: Map<string, ExtractedText> } {
  return { documents: made.map((m) => m.document), texts: new Map(made.flatMap((m) => m.texts)) };
}

/** The example, A/HRC/47/G/10's words: a cover note in English, translated into French; its annex reproduced as received. */
export const EXAMPLE_COVER = [
  'The Permanent Mission of the Republic of Azerbaijan to the United Nations Office and other international organizations in Geneva has the honour to transmit herewith information provided by the Press Service Department of the Ministry of Foreign Affairs.',
  'The Permanent Mission kindly requests the Office of the United Nations High Commissioner for Human Rights to circulate the present note verbale and its annex as a document of the forty-seventh session of the Human Rights Council, under agenda item 4.',
];
export const EXAMPLE_COVER_FR = [
  'La Mission permanente de la République d’Azerbaïdjan auprès de l’Office des Nations Unies à Genève fait tenir, ci-joint, des informations fournies par le Service de presse du Ministère des affaires étrangères, à l’issue de la réunion du 27 mai.',
];
export const EXAMPLE_ANNEX = [
  'Information of the Press Service Department of the Ministry of Foreign Affairs of the Republic of Azerbaijan dated 27 May 2021 on another provocation of the armed forces along the border in the direction of the Kalbajar region.',
  'According to the information of the Ministry of Defense, a reconnaissance and sabotage group infiltrated into the territory in the direction of the village of Yuxarı Ayrım (Yukhary Ayrym) and tried to carry out a sabotage and reconnaissance operation aimed at planting landmines in the roads.',
];

export const example = (n: number, over: Partial<DocumentRecord> = {}) => documentWithTexts(n, 'en', [
  { part: 'cover', language: 'en', paragraphs: EXAMPLE_COVER },
  { part: 'annex', language: 'en', paragraphs: EXAMPLE_ANNEX, translate: false },
  { part: 'cover', language: 'fr', paragraphs: EXAMPLE_COVER_FR },
], over);
