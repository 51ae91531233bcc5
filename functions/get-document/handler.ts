import { NotFound } from '../shared/domain/errors';
import { apiHandler } from '../shared/handlers/http';
import { siteUrlFromEnv, storeFromEnv } from '../shared/adapters/runtime';
import { parseSymbol } from '../shared/domain/symbols';
import { documentView } from '../shared/api/views';

export const handler = apiHandler(async (event) => {
  // API Gateway (and the local gateway) hand over path parameters already decoded.
  const symbol = (event.pathParameters?.symbol ?? '').replace(/\/$/, '');
  // A MalformedSymbol is a BadRequest: a 400 whose message says what is wrong with the symbol and where.
  parseSymbol(symbol);
  const document = await storeFromEnv().getDocument(symbol);
  if (!document) throw new NotFound(`No published document ${symbol}`);
  return { status: 200, body: documentView(document, siteUrlFromEnv()) };
}, { staff: false });
