import { DocumentRecord } from '#shared/domain/document';
import type { SubmissionRecord } from '#shared/domain/schemas';
import { jobNumbersFrom } from '#shared/domain/job-numbers';
import { REGISTRY } from '#shared/domain/registry';
import { tagTranslationStatus } from '#shared/domain/translation-status';
import { receivedSubmission } from '../support/submissions';

/** A published document of HRC session 47 (or `over.session`), G series, number n, published n seconds after 09:00 on 18 June 2021. */
export function doc(n: number, over: Partial<DocumentRecord> = {}): DocumentRecord {
  const session = over.session ?? 47;
  const files = [{ part: 'cover', language: 'en' as const, translate: true }];
  return DocumentRecord.parse({
    symbol: `A/HRC/${session}/G/${n}`, submissionId: `01J00000000000000000000${String(n).padStart(3, '0')}`,
    body: 'HRC', session, agendaItem: 4, series: 'G', number: n, kind: 'note-verbale',
    title: `Note verbale number ${n}`, sender: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
    addressee: 'Office of the United Nations High Commissioner for Human Rights', dated: '2021-06-08',
    originalLanguage: 'en', mastheadDate: '2021-06-18', distribution: 'General',
    publishedAt: new Date(Date.UTC(2021, 5, 18, 9, 0, n)).toISOString(),
    jobNumbers: jobNumbersFrom(REGISTRY.dutyStations.GE!, 2021, 8235 + 6 * n),
    translations: tagTranslationStatus(files, over.originalLanguage ?? 'en'),
    files: [{ part: 'cover', language: 'en', name: 'note.pdf', contentType: 'application/pdf', size: 10, sha256: 'a'.repeat(64), path: `A/HRC/${session}/G/${n}/cover.en.pdf` }],
    ...over,
  });
}

/** A submission ready for Publish (TAGGED, its symbol and job numbers given), as AssignSymbol and TagTranslationStatus leave it. */
export function taggedSubmission(session: number, number: number, over: { agendaItem?: number; title?: string; receivedAt?: string } = {}): SubmissionRecord {
  const r = receivedSubmission({ session, ...(over.receivedAt ? { receivedAt: over.receivedAt } : {}) });
  const submission = { ...r.submission, agendaItem: over.agendaItem ?? 4, ...(over.title ? { title: over.title } : {}) };
  return {
    ...r,
    status: 'TAGGED',
    submission,
    symbol: `A/HRC/${session}/G/${number}`,
    jobNumbers: jobNumbersFrom(REGISTRY.dutyStations.GE!, 2021, 6 * number),
    translations: tagTranslationStatus(submission.files, submission.originalLanguage),
  };
}
