import type { DocumentRecord, PublishedFile } from '#shared/domain/document';
import { isoDateIn } from '#shared/domain/dates';
import { publishedFilePath } from '#shared/adapters/files';
import { body as bodyOf } from '#shared/domain/registry';
import type { SubmissionRecord } from '#shared/domain/schemas';
import { parseSymbol } from '#shared/domain/symbols';
import { InvalidTransition } from '#shared/domain/errors';

/**
 * The document record a submission publishes as (what Publish writes and Typeset prints from):
 * its metadata, its masthead date (the day it was received, in the body's time zone), its
 * translation table and job numbers, its files at their published paths. `existing`: the record
 * a previous run wrote, whose first publication time is kept so feeds and pages do not change under
 * a re-run; `extra` what Publish adds (the files' texts, the issued PDF).
 */
export function documentOf(
  record: SubmissionRecord, existing: DocumentRecord | undefined, now: string,
  extra: { texts?: ReadonlyMap<string, NonNullable<PublishedFile['text']>>; pdfs?: DocumentRecord['pdfs'] } = {},
): DocumentRecord {
  const s = record.submission;
  const symbol = record.symbol;
  if (!symbol || !record.jobNumbers || !record.translations || !record.receivedAt) {
    throw new InvalidTransition(`Submission ${record.id} is ${record.status}: it has no symbol, job numbers or translation table yet`);
  }
  const b = bodyOf(s.body);
  if (!b) throw new RangeError(`Body ${s.body} is not in the registry`);
  return {
    symbol,
    submissionId: record.id,
    body: s.body,
    session: s.session,
    agendaItem: s.agendaItem,
    series: s.series,
    // The document's number in its series (10 in A/HRC/47/G/10 and in A/HRC/47/G/10/Corr.1).
    number: parseSymbol(symbol).number,
    kind: s.kind,
    title: s.title,
    sender: s.sender,
    addressee: s.addressee,
    dated: s.dated,
    originalLanguage: s.originalLanguage,
    mastheadDate: isoDateIn(b.timeZone, new Date(record.receivedAt)),
    distribution: 'General',
    translations: record.translations,
    jobNumbers: record.jobNumbers,
    files: s.files.map((file) => {
      const path = publishedFilePath(symbol, file);
      const text = extra.texts?.get(path);
      return {
        part: file.part, language: file.language, name: file.name, contentType: file.contentType, size: file.size, sha256: file.sha256, path,
        ...(text ? { text } : {}),
      };
    }),
    ...(extra.pdfs && Object.keys(extra.pdfs).length > 0 ? { pdfs: extra.pdfs } : {}),
    // A re-run keeps the first publication's time, so feeds and pages do not change under it.
    publishedAt: existing?.publishedAt ?? now,
  };
}
