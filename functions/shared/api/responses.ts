import { z } from 'zod';
import { DocumentRecord, Masthead, PublishedFile } from '../domain/document';
import { Issue } from '../domain/issues';
import { RELATIONS } from '../domain/lineage';
import { FileDeclaration, HistoryEntry, Language, SeriesHistoryEntry, Status, SubmissionRecord, TranslationOf, TranslationTable } from '../domain/schemas';

/**
 * What the API answers, route by route (docs/architecture.md#api-routes): the views produce these
 * types, and the CLI and the staff page parse every answer with them. Bundled for the browser by the
 * staff page, so it imports only zod and domain modules.
 *
 * Objects are plain `z.object`s (unknown keys dropped, not refused), so that a field the API adds
 * later does not break a CLI or a page already out there.
 */

/** A link the API gives (a presigned upload, a published page): http or https only, never `javascript:`. */
const HttpUrl = z.url({ protocol: /^https?$/ });

/** One presigned PUT for one declared file, with the headers it was signed with. */
export const Upload = z.object({ name: z.string(), method: z.literal('PUT'), url: HttpUrl, headers: z.record(z.string(), z.string()) });
export type Upload = z.infer<typeof Upload>;

/** `201` of `POST /api/submissions`. */
export const CreatedSubmission = z.object({ id: z.string().min(1), status: Status, uploads: z.array(Upload) });
export type CreatedSubmission = z.infer<typeof CreatedSubmission>;

/** language → printed job number of that version: `{ en: 'GE.21-08237(E)', … }` */
export const PrintedJobNumbers = z.record(Language, z.string());
export type PrintedJobNumbers = z.infer<typeof PrintedJobNumbers>;

/** The submission as it was submitted: the stored file keys are not shown. */
const SubmittedFile = z.object(FileDeclaration.shape);
const Submitted = z.object({ ...SubmissionRecord.shape.submission.shape, files: z.array(SubmittedFile) });

/** Why a submission failed: the error's name and a readable cause (functions/mark-failed). */
export const Failure = z.object({ code: z.string(), message: z.string() });
export type Failure = z.infer<typeof Failure>;

/** `GET /api/submissions/{id}`, and each item of the list. */
export const SubmissionView = z.object({
  id: z.string(),
  status: Status,
  symbol: z.string().nullable(),
  jobNumbers: PrintedJobNumbers.nullable(),
  /** The document's page, once PUBLISHED. */
  url: HttpUrl.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submission: Submitted,
  translations: TranslationTable.nullable(),
  history: z.array(HistoryEntry),
  error: Failure.nullable(),
  /** The document and language it translates, when the submission is a translation (POST /api/translations/{symbol+}). */
  translation: TranslationOf.nullable().default(null),
});
export type SubmissionView = z.infer<typeof SubmissionView>;

/** `POST /api/submissions/{id}/redrive` (202): the submission back in the flow, and the execution redriven for it. */
export const RedrivenSubmission = SubmissionView.extend({ executionArn: z.string() });
export type RedrivenSubmission = z.infer<typeof RedrivenSubmission>;

/** `GET /api/submissions`: newest first; `cursor` asks for the next page, null on the last. */
export const SubmissionPage = z.object({ items: z.array(SubmissionView), cursor: z.string().nullable() });
export type SubmissionPage = z.infer<typeof SubmissionPage>;

/** `GET /api/documents/{symbol+}`: a published document, its files on the site. */
export const DocumentView = DocumentRecord.pick({
  symbol: true, title: true, kind: true, sender: true, addressee: true, dated: true, body: true, session: true,
  agendaItem: true, originalLanguage: true, publishedAt: true,
}).extend({
  url: HttpUrl,
  /** Each issued language version's own title (the original's is `title`). */
  titles: z.partialRecord(Language, z.string()),
  /**
   * The language versions reissued for technical reasons: when (the last reissue) and the printed job
   * number the version had before (`jobNumbers` has the new one). Defaults to none, for answers of an
   * API that predates reissues.
   */
  reissued: z.partialRecord(Language, z.object({ at: z.string(), replacedJobNumber: z.string() })).default({}),
  masthead: Masthead,
  /** part → language → translation status (the record's `translations`). */
  languages: TranslationTable,
  jobNumbers: PrintedJobNumbers,
  files: z.array(PublishedFile.omit({ path: true }).extend({ url: HttpUrl })),
  /**
   * Each language version's issued PDF (page one as the UN prints it, then the annexes): where it is,
   * its size in bytes, pages, sha256 and the job number at its foot. Defaults to none, for answers of
   * an API that predates them.
   */
  pdfs: z.partialRecord(Language, z.object({
    url: HttpUrl, size: z.number().int().positive(), pages: z.number().int().positive(), sha256: z.string(), jobNumber: z.string(),
  })).default({}),
  /** Its lineage: the documents it corrects, revises or adds to, and its corrigenda, revisions and addenda. */
  related: z.array(z.object({ symbol: z.string(), relation: z.enum(RELATIONS), url: HttpUrl })).default([]),
  /** The revision that replaces it (the latest), if any. */
  supersededBy: z.string().nullable().default(null),
});
export type DocumentView = z.infer<typeof DocumentView>;

/** `GET /api/sessions/{body}/{session}/documents`, and the site's `A/HRC/47/documents.json`. */
export const SessionDocuments = z.object({
  body: z.string(),
  session: z.number(),
  title: z.string(),
  dates: z.string().nullable(),
  agendaItems: z.array(z.object({ item: z.number(), title: z.string().nullable(), documents: z.array(DocumentView) })),
});
export type SessionDocuments = z.infer<typeof SessionDocuments>;

/** `GET /api/admin/series/{series+}` and `POST /api/admin/series-start`. */
export const SeriesView = z.object({
  series: z.string(),
  /** Where the series was started by hand, or null if it starts at 1. */
  start: z.number().nullable(),
  next: z.number(),
  issued: z.number(),
  history: z.array(SeriesHistoryEntry),
});
export type SeriesView = z.infer<typeof SeriesView>;

/** What a malformed symbol is refused with (`MalformedSymbol`): the symbol and where it goes wrong. */
export const SymbolProblem = z.object({ symbol: z.string(), at: z.number() });

/**
 * Every error (docs/architecture.md#errors), from a route, API Gateway or the local gateway.
 * `details`: the issues of a refused body or query, or where a symbol is malformed.
 */
export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.union([z.array(Issue), SymbolProblem]).optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

/** One proposed field of `POST /api/proposals`: its value, and the note's own words it was read from. */
const proposed = <T extends z.ZodType>(value: T) => z.object({ value, evidence: z.string() });

/** `200` of `POST /api/proposals`: the fields the note says, each absent when it does not (functions/shared/domain/proposals). */
export const Proposals = z.object({
  fields: z.object({
    kind: proposed(z.enum(['note-verbale', 'letter'])).optional(),
    dated: proposed(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).optional(),
    sender: proposed(z.string()).optional(),
    addressee: proposed(z.string()).optional(),
    session: proposed(z.number().int().positive()).optional(),
    agendaItem: proposed(z.number().int().positive()).optional(),
    title: proposed(z.string()).extend({ from: z.array(z.string()) }).optional(),
    originalLanguage: proposed(Language).optional(),
    annexes: proposed(z.number().int().positive()).optional(),
  }),
});
export type Proposals = z.infer<typeof Proposals>;
