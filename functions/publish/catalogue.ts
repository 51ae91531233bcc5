import type { DocumentRecord } from '#shared/domain/document';
import { agendaItemTitle, sessionDates, sessionTitle } from '#shared/domain/registry';
import type { SessionDocuments } from '#shared/api/responses';
import { documentView } from '#shared/api/views';
import { byAgendaItemThenIssue } from './order';
import { requireBody, requireSession } from './sessions';

/**
 * A session's documents by agenda item: the answer of `GET /api/sessions/{body}/{session}/documents`
 * and, the same bytes' worth of JSON, the static catalogue `A/HRC/47/documents.json`. One function
 * for both, so the two cannot drift.
 */
export function sessionDocumentsView(body: string, session: number, documents: readonly DocumentRecord[], siteUrl: string): SessionDocuments {
  const b = requireBody(body);
  requireSession(body, session, documents);
  const ordered = [...documents].sort(byAgendaItemThenIssue);
  const items = [...new Set(ordered.map((d) => d.agendaItem))];
  return {
    body,
    session,
    title: sessionTitle(session),
    dates: sessionDates(b, session) ?? null,
    agendaItems: items.map((item) => ({
      item,
      title: agendaItemTitle(b, item) ?? null,
      documents: ordered.filter((d) => d.agendaItem === item).map((d) => documentView(d, siteUrl, documents)),
    })),
  };
}


export function renderSessionCatalogue(body: string, session: number, documents: readonly DocumentRecord[], siteUrl: string): string {
  return `${JSON.stringify(sessionDocumentsView(body, session, documents, siteUrl))}\n`;
}
