import { describe, expect, it } from '@jest/globals';
import { submissionView } from '#shared/api/views';
import type { Status, SubmissionRecord, TranslationTable } from '#shared/domain/schemas';
import {
  GROUPS, groupOf, hasMore, hasPendingTranslation, issuedLanguages, issuedParts, matchesSearch, merge, partOrder, pendingLanguages, pendingParts, streamsOf, unfinished,
} from '../../web/staff/desk-groups';
import { receivedSubmission } from '../support/submissions';

const SITE = 'https://docs.example.org';

const TABLE: TranslationTable = {
  cover: { en: 'original', fr: 'translated', ar: 'pending', zh: 'pending', ru: 'translated', es: 'translated' },
  'annex-2': { en: 'original', fr: 'pending', ar: 'pending', zh: 'pending', ru: 'pending', es: 'pending' },
  annex: { en: 'original', fr: 'reproduced-as-received', ar: 'reproduced-as-received', zh: 'reproduced-as-received', ru: 'reproduced-as-received', es: 'reproduced-as-received' },
};

function view(over: Partial<SubmissionRecord> = {}) {
  return submissionView({ ...receivedSubmission(), ...over }, SITE);
}

describe('the desk groups', () => {
  it('asks the API for each status of a group, and for every status once for All', () => {
    expect(streamsOf(groupOf('in-progress')).map((s) => s.status)).toEqual(['RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED']);
    expect(streamsOf(groupOf('all'))).toEqual([{ status: undefined, cursor: undefined }]);
    expect(groupOf('no-such-group').value).toBe('all');
  });

  it('covers every status exactly once among the groups other than All and the pending translations', () => {
    const statuses = GROUPS.filter((g) => g.value !== 'all' && !g.keep).flatMap((g) => g.statuses);
    expect([...statuses].sort()).toEqual((['AWAITING_UPLOAD', 'RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED', 'FAILED', 'PUBLISHED'] satisfies Status[]).sort());
  });

  it('keeps paging while any of its lists has a next page', () => {
    const streams = streamsOf(groupOf('in-progress'));
    expect(hasMore(streams)).toBe(true); // nothing asked yet
    streams[0]!.cursor = null;
    streams[1]!.cursor = 'next';
    streams[2]!.cursor = null;
    expect(unfinished(streams).map((s) => s.status)).toEqual(['SYMBOL_ASSIGNED']);
    streams[1]!.cursor = null;
    expect(hasMore(streams)).toBe(false);
  });
});

describe('versions that may be reissued', () => {
  it('lists the languages with a version issued, and the parts issued in each, cover first', () => {
    expect(issuedLanguages(TABLE)).toEqual(['en', 'fr', 'ru', 'es']);
    expect(issuedParts(TABLE, 'en')).toEqual(['cover', 'annex', 'annex-2']);
    expect(issuedParts(TABLE, 'fr')).toEqual(['cover']); // annex-2 pending, the annex reproduced as received (reissued in English)
    expect(issuedParts(TABLE, 'ar')).toEqual([]);
    expect(issuedLanguages(undefined)).toEqual([]);
  });
});

describe('pending translations', () => {
  it('lists the languages with a part still pending, and the parts each still needs, cover first', () => {
    expect(pendingLanguages(TABLE)).toEqual(['ar', 'zh', 'fr', 'ru', 'es']);
    expect(pendingParts(TABLE, 'ar')).toEqual(['cover', 'annex-2']);
    expect(pendingParts(TABLE, 'fr')).toEqual(['annex-2']); // the cover is translated, the annex reproduced as received
    expect(pendingParts(TABLE, 'en')).toEqual([]);
    expect(pendingLanguages(null)).toEqual([]);
  });

  it('marks only a published document with a pending part', () => {
    expect(hasPendingTranslation({ status: 'PUBLISHED', translations: TABLE })).toBe(true);
    expect(hasPendingTranslation({ status: 'TAGGED', translations: TABLE })).toBe(false);
    const done: TranslationTable = { cover: { en: 'original', fr: 'translated', ar: 'translated', zh: 'translated', ru: 'translated', es: 'translated' } };
    expect(hasPendingTranslation({ status: 'PUBLISHED', translations: done })).toBe(false);
    expect(groupOf('pending-translations').keep?.(view({ status: 'PUBLISHED', translations: TABLE }))).toBe(true);
  });

  it('orders parts as the document has them', () => {
    expect(['annex-10', 'annex', 'cover', 'annex-2'].sort(partOrder)).toEqual(['cover', 'annex', 'annex-2', 'annex-10']);
  });
});

describe('the loaded list', () => {
  it('merges pages newest first, one entry per submission, the later answer winning', () => {
    const old = view({ id: 'A', createdAt: '2021-06-01T10:00:00.000Z' });
    const mid = view({ id: 'B', createdAt: '2021-06-02T10:00:00.000Z' });
    const newer = view({ id: 'C', createdAt: '2021-06-03T10:00:00.000Z' });
    const midAgain = { ...mid, status: 'FAILED' as const };
    const merged = merge([newer, old], [midAgain]);
    expect(merged.map((v) => v.id)).toEqual(['C', 'B', 'A']);
    expect(merge(merged, [mid]).find((v) => v.id === 'B')?.status).toBe('RECEIVED');
  });

  it('finds a submission by any words of its symbol, title, sender or id, ignoring case and spacing', () => {
    const v = view({ id: '01J2ABCDEF', symbol: 'A/HRC/47/G/10' });
    expect(matchesSearch(v, '')).toBe(true);
    expect(matchesSearch(v, 'g/10')).toBe(true);
    expect(matchesSearch(v, '  AZERBAIJAN   geneva ')).toBe(true);
    expect(matchesSearch(v, '01j2abc')).toBe(true);
    expect(matchesSearch(v, 'azerbaijan armenia')).toBe(false);
    expect(matchesSearch(view({ symbol: undefined }), 'A/HRC')).toBe(false);
  });
});
