import { masthead, titleIn, type DocumentRecord, type Masthead, type PublishedFile } from '#shared/domain/document';
import { LANGUAGES, type Language } from '#shared/domain/languages';
import { reissuedFootnote } from '#shared/domain/masthead-wording/reissue';
import { reproducedAsReceived } from '../publish/footnotes';
import { originalOf, partsOf, reissueOf } from '../publish/pages/document-parts';

/**
 * A language version as its PDF prints it (docs/architecture.md#issued-pdfs): page one's masthead
 * in the version's language, its title, then each part — the cover note, then each annex under its
 * heading — from the version's own file, or the original's for a part reproduced as received (or
 * whose translation is still pending), with the footnote on parts reproduced as received and, for
 * a version reissued for technical reasons, the reissue's; the job number at the foot of page one.
 */
export interface IssuedVersion {
  symbol: string;
  lang: Language;
  masthead: Masthead;
  title: string;
  titleLang: Language;
  /** As printed at the foot of page one: `GE.21-08237(F)`, a reissue's `GE.21-08237*(F)`. */
  jobNumber: string;
  /** "* Reissued for technical reasons on …", in the version's language, when it was. */
  reissueFootnote?: string;
  parts: IssuedPart[];
}

export interface IssuedPart {
  part: string;
  /** The annex's heading ("Annex to the note verbale dated …"), in the language of its file; none for the cover. */
  heading?: string;
  /** The file printed: the version's own, else the original's. */
  file: PublishedFile;
  /** The footnote the part carries (parts reproduced as received), in the version's language. */
  footnote?: string;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX'];

/**
 * An annex's heading in its own language, as the UN heads annexes: "Annex to the note verbale dated
 * 8 June 2021 from …" (the title, its first letter lowered); several annexes are numbered "Annex I
 * to …". Seen in English (A/HRC/47/G/10); the French and Spanish follow the same pattern, the
 * other languages print the word for "Annex" over the title (unconfirmed: docs/domain.md).
 */
export function annexHeading(lang: Language, title: string, n: number, count: number): string {
  const numeral = count > 1 ? ` ${ROMAN[n - 1] ?? n}` : '';
  switch (lang) {
    case 'en': return `Annex${numeral} to the ${lowerFirst(title)}`;
    case 'fr': return `Annexe${numeral} à la ${lowerFirst(title)}`;
    case 'es': return `Anexo${numeral} de la ${lowerFirst(title)}`;
    case 'ru': return `Приложение${numeral}\n${title}`;
    case 'ar': return `المرفق${numeral}\n${title}`;
    case 'zh': return `附件${numeral}\n${title}`;
  }
}

export function issuedVersion(doc: DocumentRecord, lang: Language): IssuedVersion {
  const jobNumber = doc.jobNumbers[lang]?.printed;
  if (!jobNumber) throw new RangeError(`${doc.symbol} has no ${LANGUAGES[lang].name} job number: that version is not issued`);
  const title = titleIn(doc, lang);
  const parts = partsOf(doc);
  const annexes = parts.filter((p) => p !== 'cover');
  // A part reproduced as received carries the footnote in every version, the original's too (A/HRC/47/G/10 in English).
  const isReproduced = (part: string) => Object.values(doc.translations[part] ?? {}).includes('reproduced-as-received');
  const reproduced = parts.filter(isReproduced).length;
  const reissue = reissueOf(doc, lang);
  const issued: IssuedPart[] = [];
  for (const part of parts) {
    const original = originalOf(doc, part);
    const file = doc.files.find((f) => f.part === part && f.language === lang)
      ?? doc.files.find((f) => f.part === part && f.language === original);
    if (!file) continue;
    // The heading is in the language of the file printed under it: the original's title over an annex reproduced as received.
    const headingTitle = titleIn(doc, file.language);
    issued.push({
      part,
      file,
      ...(part === 'cover' ? {} : { heading: annexHeading(headingTitle.lang, headingTitle.text, annexes.indexOf(part) + 1, annexes.length) }),
      ...(isReproduced(part) ? { footnote: reproducedAsReceived(lang, reproduced) } : {}),
    });
  }
  return {
    symbol: doc.symbol,
    lang,
    masthead: masthead(doc, lang),
    title: title.text,
    titleLang: title.lang,
    jobNumber,
    ...(reissue ? { reissueFootnote: reissuedFootnote(lang, reissue.day).text } : {}),
    parts: issued,
  };
}
