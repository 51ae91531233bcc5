import type { DocumentRecord } from '../domain/document';
import { masthead } from '../domain/document';
import type { JobNumbers, SubmissionRecord } from '../domain/schemas';
import type { Counter } from '../adapters/store';
import { documentPath } from '../domain/symbols';
import { publishedPath } from '../domain/site-paths';
import { relationBetween, supersededBy } from '../domain/lineage';
import type { DocumentView, PrintedJobNumbers, SeriesView, SubmissionView } from './responses';

/**
 * What the API shows of records: one shape per kind, used by every route that returns it. The
 * shapes are the schemas of ./responses, which the CLI and the staff page parse the answers with.
 */
export function submissionView(r: SubmissionRecord, siteUrl: string): SubmissionView {
  return {
    id: r.id,
    status: r.status,
    symbol: r.symbol ?? null,
    jobNumbers: r.jobNumbers ? printedJobNumbers(r.jobNumbers) : null,
    // A translation's page is its language version's.
    url: r.symbol && r.status === 'PUBLISHED' ? `${siteUrl}/${publishedPath(r.symbol, r.translation)}` : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    submission: { ...r.submission, files: r.submission.files.map(({ key: _key, ...f }) => f) },
    translations: r.translations ?? null,
    history: r.history,
    error: r.error ? { code: r.error.error, message: r.error.cause } : null,
    translation: r.translation ?? null,
  };
}

/** The document as the API shows it; `near`, the documents of its session that may be related to it (its lineage is read from their symbols). */
export function documentView(d: DocumentRecord, siteUrl: string, near: readonly Pick<DocumentRecord, 'symbol'>[] = []): DocumentView {
  const related = near.flatMap(({ symbol }) => {
    const relation = relationBetween(d.symbol, symbol);
    return relation ? [{ symbol, relation, url: `${siteUrl}/${documentPath(symbol)}` }] : [];
  });
  return {
    symbol: d.symbol,
    url: `${siteUrl}/${documentPath(d.symbol)}`,
    title: d.title,
    titles: { ...d.titles, [d.originalLanguage]: d.title },
    reissued: Object.fromEntries(Object.entries(d.reissued ?? {}).map(([language, r]) => [language, { at: r.at, replacedJobNumber: r.replaced.printed }])),
    kind: d.kind,
    sender: d.sender,
    addressee: d.addressee,
    dated: d.dated,
    body: d.body,
    session: d.session,
    agendaItem: d.agendaItem,
    originalLanguage: d.originalLanguage,
    masthead: masthead(d),
    languages: d.translations,
    jobNumbers: printedJobNumbers(d.jobNumbers),
    files: d.files.map((f) => ({ part: f.part, language: f.language, name: f.name, contentType: f.contentType, size: f.size, sha256: f.sha256, url: `${siteUrl}/${f.path}` })),
    pdfs: Object.fromEntries(Object.entries(d.pdfs ?? {}).map(([language, p]) => [language, { url: `${siteUrl}/${p.path}`, size: p.size, pages: p.pages, sha256: p.sha256, jobNumber: p.jobNumber }])),
    publishedAt: d.publishedAt,
    related,
    supersededBy: supersededBy(d.symbol, related.map((r) => r.symbol)) ?? null,
  };
}

/** `{ en: { internal: 'G2108237', printed: 'GE.21-08237(E)' }, … }` → `{ en: 'GE.21-08237(E)', … }`: the same languages. */
function printedJobNumbers(jobs: JobNumbers): PrintedJobNumbers {
  return Object.fromEntries(Object.entries(jobs).map(([language, job]) => [language, job.printed])) as PrintedJobNumbers;
}

export function seriesView(series: string, c: Counter): SeriesView {
  return { series, start: c.first ?? null, next: c.next, issued: Object.keys(c.claims).length, history: c.history };
}
