import { body as bodyOf } from '../shared/registry';
import type { Store } from '../shared/store';
import { seriesPrefix, symbolOf } from '../shared/symbols';

/**
 * Gives the submission the next number of its series (body + session + series). The counter
 * records which submission took which number, so a retry, or a second execution for the same
 * submission, gets the same symbol; the symbol record makes a symbol taken for ever.
 */
export async function assignSymbol(submissionId: string, store: Store): Promise<{ submissionId: string; symbol: string }> {
  const record = await store.mustGetSubmission(submissionId);
  if (record.symbol) return { submissionId, symbol: record.symbol };
  const s = record.submission;
  const series = bodyOf(s.body)?.series[s.series];
  if (!series) throw new RangeError(`Series ${s.series} of ${s.body} is not in the registry`);
  const ref = { body: s.body, session: s.session, series: s.series };
  const number = await store.allocate(seriesPrefix(ref), submissionId, series.start);
  const symbol = symbolOf(ref, number);
  await store.claimSymbol(symbol, submissionId);
  await store.transition(submissionId, 'SYMBOL_ASSIGNED', { from: ['RECEIVED'], detail: symbol, set: { symbol } });
  return { submissionId, symbol };
}
