import { z } from 'zod';
import { NotFound } from '../shared/errors';
import { apiHandler, parseOrBadRequest } from '../shared/http';
import { BODY_CODES, agendaItemTitle, body as bodyOf, sessionDates, sessionInRange, sessionTitle } from '../shared/registry';
import { siteUrlFromEnv, storeFromEnv } from '../shared/runtime';
import { documentView } from '../shared/views';

const Params = z.object({
  body: z.enum(BODY_CODES as [string, ...string[]], { message: `must be one of ${BODY_CODES.join(', ')}` }),
  session: z.coerce.number().int().positive(),
});

export const handler = apiHandler(async (event) => {
  const p = parseOrBadRequest(Params, event.pathParameters ?? {}, 'The session');
  const b = bodyOf(p.body)!;
  if (!sessionInRange(b, p.session)) throw new NotFound(`${p.body} has no session ${p.session}`);
  const documents = await storeFromEnv().listSessionDocuments(p.body, p.session);
  const siteUrl = siteUrlFromEnv();
  const items = [...new Set(documents.map((d) => d.agendaItem))];
  return {
    status: 200,
    body: {
      body: p.body,
      session: p.session,
      title: sessionTitle(p.session),
      dates: sessionDates(b, p.session) ?? null,
      agendaItems: items.map((item) => ({
        item,
        title: agendaItemTitle(b, item) ?? null,
        documents: documents.filter((d) => d.agendaItem === item).map((d) => documentView(d, siteUrl)),
      })),
    },
  };
}, { staff: false });
