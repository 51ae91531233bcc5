import { BadRequest, NotFound } from '../shared/errors';
import { apiHandler } from '../shared/http';
import { siteUrlFromEnv, storeFromEnv } from '../shared/runtime';
import { looksLikeSymbol } from '../shared/symbols';
import { documentView } from '../shared/views';

export const handler = apiHandler(async (event) => {
  const symbol = decodeURIComponent(event.pathParameters?.symbol ?? '').replace(/\/$/, '');
  if (!looksLikeSymbol(symbol)) throw new BadRequest(`"${symbol}" is not a document symbol (for example A/HRC/47/G/10)`);
  const document = await storeFromEnv().getDocument(symbol);
  if (!document) throw new NotFound(`No published document ${symbol}`);
  return { status: 200, body: documentView(document, siteUrlFromEnv()) };
}, { staff: false });
