import type { SubmissionView } from '#shared/api/responses';
import { LANGUAGE_CODES, type Language } from '#shared/domain/languages';
import type { Status, TranslationTable } from '#shared/domain/schemas';

/**
 * What the desk lists, without the DOM: the groups staff work by, which statuses each asks the API
 * for, paging across several statuses at once, the search over a loaded page, and which languages of
 * a published document are still to be translated. Unit-tested (test/unit/desk-groups.test.ts).
 */

export interface Group {
  value: string;
  text: string;
  /** The statuses asked for, one query each; empty: every status, one query. */
  statuses: readonly Status[];
  /** What the group keeps of what the API answered, when it is narrower than its statuses. */
  keep?: (view: SubmissionView) => boolean;
}

/** Parts in the order a document has them: the cover, then annex, annex-2, annex-3, … */
export function partOrder(a: string, b: string): number {
  const rank = (part: string) => (part === 'cover' ? 0 : part === 'annex' ? 1 : Number(/^annex-(\d+)$/.exec(part)?.[1] ?? 99));
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** Languages of which some part is still 'pending' (a part reproduced as received never is). */
export function pendingLanguages(table: TranslationTable | null | undefined): Language[] {
  if (!table) return [];
  return LANGUAGE_CODES.filter((language) => Object.values(table).some((byLanguage) => byLanguage[language] === 'pending'));
}

/** The parts a translation into `language` brings: those pending in that language, cover first. */
export function pendingParts(table: TranslationTable | null | undefined, language: Language): string[] {
  if (!table) return [];
  return Object.keys(table).filter((part) => table[part]?.[language] === 'pending').sort(partOrder);
}

/** A version issued in a language: the original, or a translation issued since. */
const isIssued = (status: string | undefined) => status === 'original' || status === 'translated';

/** Languages with a version issued, which may be reissued for technical reasons. */
export function issuedLanguages(table: TranslationTable | null | undefined): Language[] {
  if (!table) return [];
  return LANGUAGE_CODES.filter((language) => Object.values(table).some((byLanguage) => isIssued(byLanguage[language])));
}

/** The parts a reissue in `language` may replace: those issued in that language, cover first. */
export function issuedParts(table: TranslationTable | null | undefined, language: Language): string[] {
  if (!table) return [];
  return Object.keys(table).filter((part) => isIssued(table[part]?.[language])).sort(partOrder);
}

export const hasPendingTranslation = (view: Pick<SubmissionView, 'status' | 'translations'>): boolean =>
  view.status === 'PUBLISHED' && pendingLanguages(view.translations).length > 0;

export const GROUPS: readonly Group[] = [
  { value: 'all', text: 'All', statuses: [] },
  { value: 'waiting', text: 'Waiting for files', statuses: ['AWAITING_UPLOAD'] },
  { value: 'in-progress', text: 'In progress', statuses: ['RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED'] },
  { value: 'failed', text: 'Failed', statuses: ['FAILED'] },
  { value: 'published', text: 'Published', statuses: ['PUBLISHED'] },
  { value: 'pending-translations', text: 'Published with pending translations', statuses: ['PUBLISHED'], keep: hasPendingTranslation },
];

export function groupOf(value: string): Group {
  return GROUPS.find((g) => g.value === value) ?? GROUPS[0]!;
}

/**
 * Where each query of a group has got to: `cursor` undefined before its first page, null after its
 * last. A group of three statuses pages through three lists at once; "More" asks each for its next page.
 */
export interface Stream { status: Status | undefined; cursor: string | null | undefined }

export function streamsOf(group: Group): Stream[] {
  return group.statuses.length ? group.statuses.map((status) => ({ status, cursor: undefined })) : [{ status: undefined, cursor: undefined }];
}

export const unfinished = (streams: readonly Stream[]): Stream[] => streams.filter((s) => s.cursor !== null);
export const hasMore = (streams: readonly Stream[]): boolean => unfinished(streams).length > 0;

/**
 * What is loaded, with a page added: one entry per id (the newer answer wins), newest first — the
 * order of each list the API answers, kept when several lists are merged.
 */
export function merge(loaded: readonly SubmissionView[], page: readonly SubmissionView[]): SubmissionView[] {
  const byId = new Map(loaded.map((v) => [v.id, v]));
  for (const v of page) byId.set(v.id, v);
  return [...byId.values()].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

const normalised = (s: string) => s.normalize('NFKC').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();

/** The search box: every word must be found in the symbol, title, sender or id (case and spacing ignored). */
export function matchesSearch(view: Pick<SubmissionView, 'id' | 'symbol' | 'submission'>, query: string): boolean {
  const words = normalised(query).split(' ').filter(Boolean);
  if (!words.length) return true;
  const haystack = normalised([view.symbol ?? '', view.submission.title, view.submission.sender, view.id].join(' '));
  return words.every((w) => haystack.includes(w));
}
