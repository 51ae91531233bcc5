import { ulid } from 'ulidx';
import { intakeKey } from '#shared/adapters/files';
import type { Language } from '#shared/domain/languages';
import { STATUSES, type Status, type StoredFile, type SubmissionRecord } from '#shared/domain/schemas';
import type { Store } from '#shared/adapters/store';
import { sha256, utf8 } from './files';

/** A submission whose files are in and verified (status RECEIVED), ready for AssignSymbol. */
export function receivedSubmission(over: { session?: number; id?: string; receivedAt?: string } = {}): SubmissionRecord {
  const at = over.receivedAt ?? new Date().toISOString();
  const id = over.id ?? ulid();
  return {
    id,
    status: 'RECEIVED',
    createdAt: at,
    updatedAt: at,
    receivedAt: at,
    history: [{ at, status: 'AWAITING_UPLOAD' }, { at, status: 'RECEIVED' }],
    submission: {
      body: 'HRC', session: over.session ?? 47, agendaItem: 4, series: 'G', kind: 'note-verbale',
      sender: 'Permanent Mission of Azerbaijan to the United Nations Office at Geneva',
      addressee: 'Office of the United Nations High Commissioner for Human Rights',
      dated: '2021-06-08', originalLanguage: 'en', title: `Note verbale ${id}`, allowDuplicate: false,
      files: [{
        name: 'note-verbale.txt', part: 'cover', language: 'en', translate: true, contentType: 'text/plain',
        size: 10, sha256: 'a'.repeat(64), key: `submissions/${id}/1-cover.en`,
      }],
    },
  };
}

export async function seedReceived(store: Store, count: number, session = 47, receivedAt?: string): Promise<string[]> {
  const records = Array.from({ length: count }, () => receivedSubmission({ session, ...(receivedAt ? { receivedAt } : {}) }));
  for (const r of records) await store.createSubmission(r);
  return records.map((r) => r.id);
}

/** The numbers at the end of symbols, sorted. */
export function numbersOf(symbols: readonly string[]): number[] {
  return symbols.map((s) => Number(s.split('/').pop())).sort((a, b) => a - b);
}

export const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/** A file to declare and (unless `upload: false`) upload: its declaration is made from its bytes. */
export interface TestUpload {
  name: string;
  part: string;
  language?: Language;
  contentType?: StoredFile['contentType'];
  translate?: boolean;
  bytes: Uint8Array;
}

export const coverNote = (text = 'Note verbale\n'): TestUpload => ({ name: 'note-verbale.txt', part: 'cover', bytes: utf8(text) });
export const annex = (text = 'Annex\n', over: Partial<TestUpload> = {}): TestUpload => ({ name: 'annex.txt', part: 'annex', translate: false, bytes: utf8(text), ...over });

/** The files of `uploads` as declared and stored for submission `id` (keys as create-submission gives them). */
export function declared(id: string, uploads: readonly TestUpload[]): StoredFile[] {
  return uploads.map((u, i) => {
    const file = {
      name: u.name, part: u.part, language: u.language ?? 'en', translate: u.translate ?? true,
      contentType: u.contentType ?? 'text/plain', size: u.bytes.length, sha256: sha256(u.bytes),
    } as const;
    return { ...file, key: intakeKey(id, i, file) };
  });
}

/**
 * A submission as the table holds it in `status`, its history walking the flow up to there (a
 * FAILED one failed after RECEIVED). Times are `at`; fields a later step sets can be given in `set`.
 */
export function submissionIn(status: Status, over: { id?: string; at?: string; session?: number; uploads?: readonly TestUpload[]; set?: Partial<SubmissionRecord> } = {}): SubmissionRecord {
  const base = receivedSubmission({ ...(over.id ? { id: over.id } : {}), ...(over.at ? { receivedAt: over.at } : {}), ...(over.session ? { session: over.session } : {}) });
  const at = base.createdAt;
  const flow = status === 'FAILED' ? ['AWAITING_UPLOAD', 'RECEIVED', 'FAILED'] as const : STATUSES.slice(0, STATUSES.indexOf(status) + 1);
  const files = over.uploads ? declared(base.id, over.uploads) : base.submission.files;
  const { receivedAt: _r, ...rest } = base;
  return {
    ...rest,
    ...(status === 'AWAITING_UPLOAD' ? {} : { receivedAt: at }),
    status,
    submission: { ...base.submission, files },
    history: flow.map((s) => ({ at, status: s })),
    ...over.set,
  };
}
