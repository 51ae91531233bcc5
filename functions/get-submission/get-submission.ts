import type { SubmissionStore } from '#shared/adapters/store';
import { submissionView } from '#shared/api/views';
import { BadRequest, NotFound } from '#shared/domain/errors';

const SUBMISSION_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export interface GetSubmissionDeps {
  store: Pick<SubmissionStore, 'getSubmission'>;
  siteUrl: string;
}

/** A submission's status, numbers, translations and history, by the id it was given when it was made. */
export async function getSubmission(id: string, deps: GetSubmissionDeps) {
  if (!SUBMISSION_ID.test(id)) throw new BadRequest(`"${id}" is not a submission id (26 characters, as returned when the submission was made)`);
  const record = await deps.store.getSubmission(id);
  if (!record) throw new NotFound(`No submission ${id}`);
  return submissionView(record, deps.siteUrl);
}
