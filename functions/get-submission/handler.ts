import { BadRequest, NotFound } from '../shared/domain/errors';
import { apiHandler } from '../shared/handlers/http';
import { siteUrlFromEnv, storeFromEnv } from '../shared/adapters/runtime';
import { submissionView } from '../shared/api/views';

const SUBMISSION_ID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

export const handler = apiHandler(async (event) => {
  const id = event.pathParameters?.id ?? '';
  if (!SUBMISSION_ID.test(id)) throw new BadRequest(`"${id}" is not a submission id (26 characters, as returned when the submission was made)`);
  const record = await storeFromEnv().getSubmission(id);
  if (!record) throw new NotFound(`No submission ${id}`);
  return { status: 200, body: submissionView(record, siteUrlFromEnv()) };
}, { staff: true });
