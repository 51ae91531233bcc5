import { z } from 'zod';
import { SubmissionView } from '#shared/api/responses';
import { SubmissionInput } from '#shared/domain/schemas';

/**
 * A corrigendum, revision or addendum of a published document: a new submission with the
 * document's masthead and title, and `relatesTo: {symbol, kind}` (the SubmissionInput contract a
 * colleague is adding). The desk hands it to a fresh new-submission form through this tab's
 * sessionStorage; until SubmissionInput takes `relatesTo`, the desk does not offer it.
 */

export const RELATED_KINDS = ['Corr', 'Rev', 'Add'] as const;
export type RelatedKind = (typeof RELATED_KINDS)[number];
export const RelatesTo = z.object({ symbol: z.string(), kind: z.enum(RELATED_KINDS) });
export type RelatesTo = z.infer<typeof RelatesTo>;

/** Whether the submission contract bundled with this page takes `relatesTo`. */
export const RELATED_SUPPORTED = 'relatesTo' in SubmissionInput.shape;

const KIND_WORDS: Record<RelatedKind, string> = { Corr: 'a corrigendum to', Rev: 'a revision of', Add: 'an addendum to' };

const Held = z.object({
  fields: SubmissionView.shape.submission.omit({ files: true, dated: true }),
  relatesTo: RelatesTo,
});
type Held = z.infer<typeof Held>;

const KEY = 'circulate.related';

/** Keeps what the form is to be filled with, then opens a fresh form (what was typed in the old one is not mixed in). */
export function openRelated(view: SubmissionView, kind: RelatedKind): void {
  if (!view.symbol) return;
  const { files: _files, dated: _dated, ...fields } = view.submission;
  const held: Held = { fields, relatesTo: { symbol: view.symbol, kind } };
  try {
    sessionStorage.setItem(KEY, JSON.stringify(held));
  } catch {
    // storage disabled: the form opens empty
  }
  location.hash = 'new';
  location.reload();
}

/** What the desk left for the form, once; with the sentence that tells staff what they are issuing. */
export function takeRelated(): (Held & { notice: string }) | undefined {
  let text: string | null;
  try {
    text = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const held = Held.safeParse(json);
  if (!held.success) return undefined;
  const { symbol, kind } = held.data.relatesTo;
  return { ...held.data, notice: `This submission will be issued as ${KIND_WORDS[kind]} ${symbol}. Check the masthead and the title, attach its files, and date it.` };
}

/** The form's data with `relatesTo` added when the submission is a related document. */
export function withRelatesTo<T extends object>(body: T, relatesTo: RelatesTo | undefined): T | (T & { relatesTo: RelatesTo }) {
  return relatesTo ? { ...body, relatesTo } : body;
}
