import { z } from 'zod';
import { CONTENT_TYPES, Language, PART_PATTERN, SUBMISSION_LIMITS, text, fileName } from './schemas';

/**
 * A language version of a published document's parts, arriving after the document
 * (`POST /api/translations/{symbol+}`, docs/architecture.md#translations): the language, the
 * document's title in that language, and the translated files. Every file is in `language`; a part
 * reproduced as received is not uploaded again.
 */
export const TranslationFile = z.strictObject({
  name: fileName,
  part: z.string().regex(PART_PATTERN, 'must be "cover", "annex" or "annex-N"'),
  contentType: z.enum(CONTENT_TYPES),
  size: z.number().int().positive('must be more than 0 bytes'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hexadecimal characters'),
});
export type TranslationFile = z.infer<typeof TranslationFile>;

/** One file per part, and no two files of one name. */
function oneFilePerPart(t: { files: readonly TranslationFile[] }, ctx: z.RefinementCtx): void {
  const parts = new Set<string>();
  const names = new Set<string>();
  t.files.forEach((f, i) => {
    if (parts.has(f.part)) ctx.addIssue({ code: 'custom', path: ['files', i, 'part'], message: `two files for ${f.part}` });
    parts.add(f.part);
    if (names.has(f.name)) ctx.addIssue({ code: 'custom', path: ['files', i, 'name'], message: `duplicate file name "${f.name}"` });
    names.add(f.name);
  });
}

export const TranslationInput = z.strictObject({
  language: Language,
  title: text(SUBMISSION_LIMITS.title),
  files: z.array(TranslationFile).min(1, 'must list at least the translated cover note').max(SUBMISSION_LIMITS.files, `must list at most ${SUBMISSION_LIMITS.files} files`),
}).superRefine(oneFilePerPart);
export type TranslationInput = z.infer<typeof TranslationInput>;

/**
 * A language version of a published document issued again for technical reasons
 * (`POST /api/reissues/{symbol+}`, docs/architecture.md#reissues): the language, the files that
 * replace those of its version (each part already issued in that language), why (kept in the
 * history), and the version's title if it changes (else it keeps its own).
 */
export const ReissueInput = z.strictObject({
  language: Language,
  reason: text(SUBMISSION_LIMITS.title),
  title: text(SUBMISSION_LIMITS.title).optional(),
  files: z.array(TranslationFile).min(1, 'must list the files that replace the version\'s').max(SUBMISSION_LIMITS.files, `must list at most ${SUBMISSION_LIMITS.files} files`),
}).superRefine(oneFilePerPart);
export type ReissueInput = z.infer<typeof ReissueInput>;
