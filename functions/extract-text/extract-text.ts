import type { Derived } from '#shared/adapters/texts';
import type { SubmissionStore } from '#shared/adapters/store';
import { InvalidTransition } from '#shared/domain/errors';
import { extractText } from '#shared/text/extract';
import type { Flow } from '../register/register';

export type ExtractTextDeps = {
  store: Pick<SubmissionStore, 'mustGetSubmission'>;
  derived: Pick<Derived, 'verifiedBytes' | 'storedText' | 'putStoredText'>;
};

/**
 * The workflow's second step: the text of each received file, extracted once from its verified
 * copy and kept beside it (texts/<id>/…), for the pages, the search, and the issued PDF. A file
 * whose text is already kept (a retry, a resumed execution) is not read again, so a text once
 * tagged stays tagged. A file its reader cannot open gets no text (it is still published as
 * received; its page says there is no text to show) rather than failing the submission: it passed
 * receive's checks of type and size, and its bytes are issued as they came.
 */
export async function extractTexts(submissionId: string, deps: ExtractTextDeps): Promise<{ submissionId: string; flow: Flow; extracted: number }> {
  const record = await deps.store.mustGetSubmission(submissionId);
  const flow: Flow = record.translation ? 'translation' : 'document';
  if (record.status === 'FAILED' || record.status === 'AWAITING_UPLOAD') {
    throw new InvalidTransition(`Submission ${submissionId} is ${record.status}; its files' texts cannot be extracted now`);
  }
  let extracted = 0;
  for (const file of record.submission.files) {
    if (await deps.derived.storedText(file)) continue;
    const bytes = await deps.derived.verifiedBytes(file);
    const text = await extractText(bytes, file.contentType, file.sha256).catch(() => ({
      format: 1 as const, sha256: file.sha256, contentType: file.contentType, textLayer: false, paragraphs: [] as string[],
    }));
    await deps.derived.putStoredText(file, text);
    extracted++;
  }
  return { submissionId, flow, extracted };
}
