import { isoDateIn } from '#shared/domain/dates';
import { InvalidTransition } from '#shared/domain/errors';
import { VERSIONS_PER_DOCUMENT, jobCounterName, jobNumbersFrom } from '#shared/domain/job-numbers';
import { body as bodyOf, dutyStationOf } from '#shared/domain/registry';
import type { CounterStore, SubmissionStore, SymbolStore } from '#shared/adapters/store';
import { seriesPrefix, symbolOf } from '#shared/domain/symbols';
import { finalCounterName, finalSymbolOf } from '#shared/domain/lineage';

/** What AssignSymbol uses: the submission, the counters it takes numbers from, the symbol it claims. */
export type AssignSymbolStore = Pick<SubmissionStore, 'mustGetSubmission' | 'transition'> & Pick<CounterStore, 'allocate'> & Pick<SymbolStore, 'claimSymbol'>;

/**
 * Gives the submission the next number of its series (body + session + series) and its six
 * job numbers (duty station + year). Each counter records which submission took which number
 * in the same conditional write that moves it, so a retry after a crash between any two writes,
 * or a second execution for the same submission, gets the same numbers, and no number is skipped.
 * The symbol record makes a symbol taken for ever. A corrigendum, revision or addendum takes the
 * next number of its kind under the document it relates to (`A/HRC/47/G/10/Corr.1`), from the
 * counter `A/HRC/47/G/10/Corr` by the same claims: numbers run from 1 per document and kind.
 */
export async function assignSymbol(submissionId: string, store: AssignSymbolStore): Promise<{ submissionId: string; symbol: string }> {
  const record = await store.mustGetSubmission(submissionId);
  if (record.symbol) return { submissionId, symbol: record.symbol };
  // Only a received submission takes a number: one that failed keeps none, so none is wasted.
  if (record.status !== 'RECEIVED' || !record.receivedAt) {
    throw new InvalidTransition(`Submission ${submissionId} is ${record.status}; only a RECEIVED submission is given a symbol`);
  }
  const s = record.submission;
  const b = bodyOf(s.body);
  const series = b?.series[s.series];
  if (!b || !series) throw new RangeError(`Series ${s.series} of ${s.body} is not in the registry`);

  const ref = { body: s.body, session: s.session, series: s.series };
  const symbol = s.relatesTo
    ? finalSymbolOf(s.relatesTo.symbol, s.relatesTo.kind, await store.allocate(finalCounterName(s.relatesTo.symbol, s.relatesTo.kind), submissionId, 1))
    : symbolOf(ref, await store.allocate(seriesPrefix(ref), submissionId, series.start));
  await store.claimSymbol(symbol, submissionId);

  const station = dutyStationOf(b);
  const year = Number(isoDateIn(b.timeZone, new Date(record.receivedAt)).slice(0, 4));
  const firstJob = await store.allocate(jobCounterName(station, year), submissionId, station.jobNumberStart, VERSIONS_PER_DOCUMENT);
  const jobNumbers = jobNumbersFrom(station, year, firstJob);

  await store.transition(submissionId, 'SYMBOL_ASSIGNED', {
    from: ['RECEIVED'],
    detail: `${symbol}; job numbers ${jobNumbers.ar.printed}–${jobNumbers.es.printed}`,
    set: { symbol, jobNumbers },
  });
  return { submissionId, symbol };
}
