import type { Files } from '#shared/adapters/files';
import type { CounterStore, DocumentStore, SubmissionStore } from '#shared/adapters/store';
import { isoDateIn } from '#shared/domain/dates';
import type { DocumentRecord } from '#shared/domain/document';
import { InvalidTransition, NotFound } from '#shared/domain/errors';
import { formatJobNumber, jobCounterName, type JobNumber } from '#shared/domain/job-numbers';
import { LANGUAGES } from '#shared/domain/languages';
import { body as bodyOf, dutyStationOf } from '#shared/domain/registry';
import type { SubmissionRecord, TranslationOf } from '#shared/domain/schemas';
import { partsInOrder, fileTags, withTranslated } from '#shared/domain/translation-status';

export type TagTranslationStore = Pick<SubmissionStore, 'mustGetSubmission' | 'transition'> & Pick<DocumentStore, 'getDocument'> & Pick<CounterStore, 'allocate'>;

/**
 * A reissued version's new job number: the next of its duty station's counter in the year it was
 * received, claimed by the reissue (so a retry gets the same one, and none is skipped).
 */
async function reissueJobNumber(record: SubmissionRecord, t: TranslationOf, store: TagTranslationStore): Promise<JobNumber> {
  const b = bodyOf(record.submission.body);
  if (!b || !record.receivedAt) throw new InvalidTransition(`Reissue ${record.id} has no body or receipt time to number it by`);
  const station = dutyStationOf(b);
  const year = Number(isoDateIn(b.timeZone, new Date(record.receivedAt)).slice(0, 4));
  const sequence = await store.allocate(jobCounterName(station, year), record.id, station.jobNumberStart, 1);
  return formatJobNumber(station, year, sequence, t.language);
}

/** What the version brings to the document's table: its parts translated; a reissue changes no status. */
const tableWith = (document: DocumentRecord, parts: readonly string[], t: TranslationOf) =>
  (t.kind === 'reissue' ? document.translations : withTranslated(document.translations, parts, t.language));

/**
 * The translation path's TagTranslationStatus: the document's table with the parts this
 * translation brings marked `translated` in its language, recorded on the translation (TAGGED,
 * `translations`), and each of its stored files tagged so. A reissue leaves the table as it is and
 * takes its version's new job number (`reissueJobNumber`). Tags and number first, then the status:
 * a retry after a crash in between tags again and gets the same number; a TAGGED one is left alone.
 */
export async function tagTranslation(submissionId: string, store: TagTranslationStore, files: Pick<Files, 'tagStored'>): Promise<{ submissionId: string; symbol: string }> {
  const record = await store.mustGetSubmission(submissionId);
  const t = record.translation;
  if (!t) throw new InvalidTransition(`Submission ${submissionId} is not a translation`);
  if (record.status !== 'RECEIVED') {
    // A retry or a second execution: transition below answers a record already past as it is.
    if (record.status === 'TAGGED' || record.status === 'PUBLISHED') return { submissionId, symbol: t.of };
    throw new InvalidTransition(`Translation ${submissionId} is ${record.status}; it cannot be tagged now`);
  }
  const document = await store.getDocument(t.of, true);
  if (!document) throw new NotFound(`No document ${t.of} to add the ${LANGUAGES[t.language].name} version to`);
  const parts = partsInOrder(record.submission.files);
  const translations = tableWith(document, parts, t);
  for (const f of record.submission.files) await files.tagStored(f, fileTags(t.of, f, translations));
  const name = LANGUAGES[t.language].name;
  if (t.kind === 'reissue') {
    const jobNumber = await reissueJobNumber(record, t, store);
    await store.transition(submissionId, 'TAGGED', {
      from: ['RECEIVED'],
      detail: `${name} version of ${parts.join(', ')}: reissued, job number ${jobNumber.printed} (was ${document.jobNumbers[t.language]?.printed ?? 'none'})`,
      set: { translations, reissueJobNumber: jobNumber },
    });
    return { submissionId, symbol: t.of };
  }
  await store.transition(submissionId, 'TAGGED', {
    from: ['RECEIVED'],
    detail: `${name} version of ${parts.join(', ')}: translated`,
    set: { translations },
  });
  return { submissionId, symbol: t.of };
}
