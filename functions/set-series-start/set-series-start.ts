import { z } from 'zod';
import { BadRequest } from '#shared/domain/errors';
import { parseOrBadRequest } from '#shared/handlers/http';
import { seriesExamples, seriesRefOf } from '#shared/domain/series';
import type { CounterStore } from '#shared/adapters/store';
import { seriesView } from '#shared/api/views';

export const SeriesStartInput = z.strictObject({
  series: z.string().min(1).max(100),
  start: z.number().int().min(1, 'must be 1 or more').max(99_999, 'must be at most 99999'),
});

/**
 * Where a series starts, for a series that had numbers issued before Circulate took over
 * (`A/HRC/47/G` from 10). Refused once Circulate has issued a number in it.
 */
export async function setSeriesStart(body: unknown, by: string, store: Pick<CounterStore, 'setCounterStart'>) {
  const input = parseOrBadRequest(SeriesStartInput, body, 'The series start');
  if (!seriesRefOf(input.series)) {
    throw new BadRequest(`"${input.series}" is not a series Circulate issues numbers in (for example ${seriesExamples()})`);
  }
  const counter = await store.setCounterStart(input.series, input.start, by);
  return seriesView(input.series, counter);
}
