import { BadRequest, NotFound } from '../shared/domain/errors';
import { apiHandler } from '../shared/handlers/http';
import { storeFromEnv } from '../shared/adapters/runtime';
import { seriesExamples, seriesRefOf } from '../shared/domain/series';
import { seriesView } from '../shared/api/views';

export const handler = apiHandler(async (event) => {
  const series = (event.pathParameters?.series ?? '').replace(/\/$/, '');
  if (!seriesRefOf(series)) throw new BadRequest(`"${series}" is not a series Circulate issues numbers in (for example ${seriesExamples()})`);
  const counter = await storeFromEnv().getCounter(series);
  if (!counter) throw new NotFound(`No number has been issued or reserved in ${series} yet`);
  return { status: 200, body: seriesView(series, counter) };
}, { staff: true });
