import { z } from 'zod';
import { LANGUAGE_CODES } from './languages';
import { BODY_CODES, body as bodyOf, hasAgendaItem, sessionInRange } from './registry';
import { ISSUED_FINAL_KINDS, finalRefusal } from './lineage';
import { validateSymbol } from './symbols';

/** The submission contract (docs/architecture.md#submission-body): what the CLI, the staff page and scripts send. */
/** The types Circulate takes, by the extension their files usually have (the clients guess a type from it). */
export const CONTENT_TYPE_BY_EXTENSION = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  txt: 'text/plain',
} as const;
export const CONTENT_TYPES = [CONTENT_TYPE_BY_EXTENSION.pdf, CONTENT_TYPE_BY_EXTENSION.docx, CONTENT_TYPE_BY_EXTENSION.txt] as const;
export const STATUSES = ['AWAITING_UPLOAD', 'RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED', 'PUBLISHED', 'FAILED'] as const;
export const FINAL_STATUSES = ['PUBLISHED', 'FAILED'] as const satisfies readonly Status[];
export type FinalStatus = (typeof FINAL_STATUSES)[number];
export type UnfinishedStatus = Exclude<Status, FinalStatus>;
export const isFinal = (status: Status): status is FinalStatus => new Set<Status>(FINAL_STATUSES).has(status);
/** Every status but the final ones, in flow order: what resume drives on and MarkFailed may fail. */
export const UNFINISHED_STATUSES: readonly UnfinishedStatus[] = STATUSES.filter((s): s is UnfinishedStatus => !isFinal(s));
export const KINDS = ['note-verbale', 'letter'] as const;

export const Language = z.enum(LANGUAGE_CODES);
export const Status = z.enum(STATUSES);
export type Status = z.infer<typeof Status>;

/**
 * Control characters, and the bidirectional overrides that can disguise a name
 * (`annex\u202Efdp.exe` shows as `annexexe.pdf`), have no place in a submitted string.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
export const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`)
  .refine((s) => !HIDDEN_CHARACTERS.test(s), 'must not contain control characters or direction overrides');

/** A note is dated on a real day, not before the United Nations existed, and not after today (a day's grace for time zones). */
const FIRST_UN_DAY = '1945-10-24';
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
// The range checks compare text, so they only speak about text shaped like a date (zod runs them even after the format check fails).
const noteDate = z.iso.date('must be a real date written YYYY-MM-DD')
  .refine((d) => !ISO_DAY.test(d) || d >= FIRST_UN_DAY, `must not be before ${FIRST_UN_DAY}`)
  .refine((d) => !ISO_DAY.test(d) || d <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), 'must not be in the future');

/** The bounds of a submission, for the schema and for the forms that count down to them (the staff page). */
export const SUBMISSION_LIMITS = { fileName: 255, sender: 500, addressee: 500, title: 1000, files: 20 } as const;
/** `cover`, `annex`, `annex-2` … `annex-99`. */
export const PART_PATTERN = /^(cover|annex(-[1-9][0-9]?)?)$/;

/** A file's name as submitted: kept as metadata, never used as a key. */
export const fileName = text(SUBMISSION_LIMITS.fileName).refine((s) => !/[/\\]/.test(s), 'must be a file name without a folder (no / or \\)');

export const FileDeclaration = z.strictObject({
  name: fileName,
  part: z.string().regex(PART_PATTERN, 'must be "cover", "annex" or "annex-N"'),
  language: Language,
  translate: z.boolean().default(true),
  contentType: z.enum(CONTENT_TYPES),
  size: z.number().int().positive('must be more than 0 bytes'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal characters'),
});
export type FileDeclaration = z.infer<typeof FileDeclaration>;

/**
 * A corrigendum (`Corr`), revision (`Rev`) or addendum (`Add`) of a published document: it takes the
 * document's symbol with the next number of that kind (`A/HRC/47/G/10/Corr.1`), and its body,
 * session, agenda item and series must be the document's.
 */
export const RelatesTo = z.strictObject({
  symbol: z.string().trim().min(1, 'must be the symbol of a published document, e.g. A/HRC/47/G/10'),
  kind: z.enum(ISSUED_FINAL_KINDS, 'must be Corr (corrigendum), Rev (revision) or Add (addendum)'),
}).superRefine((r, ctx) => {
  const checked = validateSymbol(r.symbol);
  if (!checked.ok) {
    ctx.addIssue({ code: 'custom', path: ['symbol'], message: checked.error });
    return;
  }
  const refusal = finalRefusal(r.symbol, r.kind);
  if (refusal) ctx.addIssue({ code: 'custom', path: ['kind'], message: `${r.symbol} cannot take a ${r.kind}: ${refusal}` });
});
export type RelatesTo = z.infer<typeof RelatesTo>;

const SubmissionFields = z.strictObject({
  body: z.string(),
  session: z.number().int().positive(),
  agendaItem: z.number().int().positive(),
  series: z.string(),
  kind: z.enum(KINDS),
  sender: text(SUBMISSION_LIMITS.sender),
  addressee: text(SUBMISSION_LIMITS.addressee),
  dated: noteDate,
  originalLanguage: Language,
  title: text(SUBMISSION_LIMITS.title),
  files: z.array(FileDeclaration).min(1, 'must list at least the cover note').max(SUBMISSION_LIMITS.files, `must list at most ${SUBMISSION_LIMITS.files} files`),
  /**
   * The staff says this is a different document whose cover note has the same bytes as one already
   * accepted: it is not refused as a duplicate (docs/architecture.md#invariants).
   */
  allowDuplicate: z.boolean().default(false),
  relatesTo: RelatesTo.optional(),
});

/** The submission, checked against the registry (body, session, agenda item, series). */
export const SubmissionInput = SubmissionFields.superRefine((s, ctx) => {
  const b = bodyOf(s.body);
  if (!b) {
    ctx.addIssue({ code: 'custom', path: ['body'], message: `must be one of ${BODY_CODES.join(', ')}` });
    return;
  }
  if (!sessionInRange(b, s.session)) {
    ctx.addIssue({ code: 'custom', path: ['session'], message: `must be a session of ${s.body} from ${b.sessions.first} to ${b.sessions.last}` });
  }
  if (!hasAgendaItem(b, s.agendaItem)) {
    ctx.addIssue({ code: 'custom', path: ['agendaItem'], message: `must be an agenda item of ${s.body}: ${Object.keys(b.agendaItems).join(', ')}` });
  }
  const series = Object.hasOwn(b.series, s.series) ? b.series[s.series] : undefined;
  if (!series) {
    ctx.addIssue({ code: 'custom', path: ['series'], message: `must be a series Circulate issues for ${s.body}: ${Object.keys(b.series).join(', ')}` });
  } else if (!series.kinds.includes(s.kind)) {
    ctx.addIssue({ code: 'custom', path: ['kind'], message: `series ${s.series} takes ${series.kinds.join(' or ')}` });
  }
  const covers = s.files.filter((f) => f.part === 'cover' && f.language === s.originalLanguage);
  if (covers.length !== 1) {
    ctx.addIssue({ code: 'custom', path: ['files'], message: `must have exactly one cover in the original language (${s.originalLanguage}); found ${covers.length}` });
  }
  const names = new Set<string>();
  const versions = new Set<string>();
  s.files.forEach((f, i) => {
    if (names.has(f.name)) ctx.addIssue({ code: 'custom', path: ['files', i, 'name'], message: `duplicate file name "${f.name}"` });
    names.add(f.name);
    const version = `${f.part}/${f.language}`;
    if (versions.has(version)) ctx.addIssue({ code: 'custom', path: ['files', i], message: `two files for ${f.part} in ${f.language}` });
    versions.add(version);
  });
});
export type SubmissionInput = z.infer<typeof SubmissionInput>;

/** The cover in the original language (the schema makes it exactly one): its sha256 is what tells a duplicate. */
export const originalCover = <F extends FileDeclaration>(s: { originalLanguage: string; files: readonly F[] }): F | undefined =>
  s.files.find((f) => f.part === 'cover' && f.language === s.originalLanguage);

/** The happy path, in order (docs/architecture.md#statuses-and-history): FAILED can follow any step but the last. */
export const WORKFLOW_STEPS = STATUSES.filter((s): s is Exclude<Status, 'FAILED'> => s !== 'FAILED');
export type WorkflowStep = (typeof WORKFLOW_STEPS)[number];

/** The steps a submission goes through: a language version of a published document takes its symbol, so it has no symbol step. */
export function workflowStepsOf(s: { translation?: unknown }): readonly WorkflowStep[] {
  return s.translation ? WORKFLOW_STEPS.filter((step) => step !== 'SYMBOL_ASSIGNED') : WORKFLOW_STEPS;
}

export const HistoryEntry = z.object({ at: z.string(), status: Status, detail: z.string().optional() });
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const StoredFile = FileDeclaration.extend({ key: z.string() });
export type StoredFile = z.infer<typeof StoredFile>;

/** `not-issued`: a language version a corrigendum does not have, because it corrects other versions only. */
export const TRANSLATION_STATUSES = ['original', 'pending', 'translated', 'reproduced-as-received', 'not-issued'] as const;
export const TranslationStatus = z.enum(TRANSLATION_STATUSES);
export type TranslationStatus = z.infer<typeof TranslationStatus>;
/** part → language → status */
export const TranslationTable = z.record(z.string(), z.record(Language, TranslationStatus));
export type TranslationTable = z.infer<typeof TranslationTable>;

/** language → job number of that version: `{ en: { internal: 'G2108237', printed: 'GE.21-08237(E)' }, … }` */
export const JobNumbers = z.record(Language, z.object({ internal: z.string(), printed: z.string() }));
export type JobNumbers = z.infer<typeof JobNumbers>;

/**
 * What a submission that is a language version of a published document says of itself: the
 * document, the language, and whether it is the version's first issue (`translation`,
 * functions/create-translation) or a reissue for technical reasons of a version already issued
 * (`reissue`, functions/create-reissue: the same files replaced, its job number and its symbol
 * marked `*` on that version).
 */
export const VERSION_KINDS = ['translation', 'reissue'] as const;
export const TranslationOf = z.object({ of: z.string(), language: Language, kind: z.enum(VERSION_KINDS).default('translation') });
export type TranslationOf = z.infer<typeof TranslationOf>;

export const SubmissionRecord = z.object({
  id: z.string(),
  status: Status,
  createdAt: z.string(),
  updatedAt: z.string(),
  submission: SubmissionFields.extend({ files: z.array(StoredFile) }),
  history: z.array(HistoryEntry),
  receivedAt: z.string().optional(),
  symbol: z.string().optional(),
  jobNumbers: JobNumbers.optional(),
  translations: TranslationTable.optional(),
  url: z.string().optional(),
  error: z.object({ error: z.string(), cause: z.string() }).optional(),
  /** The name of the execution last started for it, when not its id (a resume or a redrive starts one under a new name). */
  execution: z.string().optional(),
  /** Set when the submission is a language version of a published document (functions/create-translation, create-reissue). */
  translation: TranslationOf.optional(),
});
export type SubmissionRecord = z.infer<typeof SubmissionRecord>;

/** What every workflow step receives (ASL Payload). */
export const StepInput = z.object({ submissionId: z.string().min(1) });
export type StepInput = z.infer<typeof StepInput>;

export const MarkFailedInput = StepInput.extend({
  error: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).passthrough(),
});
export type MarkFailedInput = z.infer<typeof MarkFailedInput>;

/** One audited change of where a series starts (`circulate admin series-start`): kept on the counter, shown by the API. */
export const SeriesHistoryEntry = z.object({ at: z.string(), action: z.string(), start: z.number(), by: z.string() });
export type SeriesHistoryEntry = z.infer<typeof SeriesHistoryEntry>;
