import { ulid } from 'ulidx';
import type { SubmissionRecord } from '../../functions/shared/domain/schemas';
import type { Store } from '../../functions/shared/adapters/store';

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
      dated: '2021-06-08', originalLanguage: 'en', title: `Note verbale ${id}`,
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
