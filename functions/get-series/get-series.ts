import type { CounterStore } from '#shared/adapters/store';
import { seriesView } from '#shared/api/views';
import { BadRequest, NotFound } from '#shared/domain/errors';
import { seriesExamples, seriesRefOf } from '#shared/domain/series';

/** A series' counter as staff see it: where it starts, the next number, how many were issued, who set its start. */
export async function getSeries(path: string, store: Pick<CounterStore, 'getCounter'>) {
  const series = path.replace(/\/$/, '');
  if (!seriesRefOf(series)) throw new BadRequest(`"${series}" is not a series Circulate issues numbers in (for example ${seriesExamples()})`);
  const counter = await store.getCounter(series);
  if (!counter) throw new NotFound(`No number has been issued or reserved in ${series} yet`);
  return seriesView(series, counter);
}
