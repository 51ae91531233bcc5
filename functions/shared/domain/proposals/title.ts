import { formatDate } from '../dates';

/**
 * A communication's title, as the UN titles notes verbales and letters circulated as documents:
 * "Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan to the United Nations
 * Office at Geneva addressed to the Office of the United Nations High Commissioner for Human Rights";
 * "Letter dated 8 June 2021 from the Permanent Representative of X to the United Nations Office at
 * Geneva addressed to the President of the Human Rights Council". In English, the date as
 * mastheads print it (dates.ts).
 */
export interface TitleParts {
  kind: 'note-verbale' | 'letter';
  /** YYYY-MM-DD. */
  dated: string;
  /** "Permanent Mission of Azerbaijan to the United Nations Office at Geneva", without its article. */
  sender: string;
  /** "Office of the United Nations High Commissioner for Human Rights", without its article. */
  addressee: string;
}

const KIND_WORDS: Record<TitleParts['kind'], string> = { 'note-verbale': 'Note verbale', letter: 'Letter' };

/** "the" before a sender or addressee that does not already begin with an article. */
const withArticle = (s: string) => (/^(?:the|a|an)\s/i.test(s) ? s : `the ${s}`);

export function communicationTitle(p: TitleParts): string {
  return `${KIND_WORDS[p.kind]} dated ${formatDate(p.dated)} from ${withArticle(p.sender)} addressed to ${withArticle(p.addressee)}`;
}
