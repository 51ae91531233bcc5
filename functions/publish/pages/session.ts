import { html } from '../html';
import type { DocumentRecord } from '#shared/domain/document';
import { agendaItemTitle, sessionDates } from '#shared/domain/registry';
import { rootRelative } from '#shared/domain/site-paths';
import { byIssue } from '../order';
import { requireBody, requireSession, sessionCataloguePath, sessionFeedPath, sessionLabel } from '../sessions';
import { plural } from './format';
import { page, sessionAlternates } from './layout';
import { listing } from './listing';

/** A session's page (`/A/HRC/47/`): its documents by agenda item, and its feed and catalogue. */
export function renderSessionPage(body: string, session: number, documents: DocumentRecord[]): string {
  const b = requireBody(body);
  requireSession(body, session, documents);
  const name = sessionLabel(body, session);
  const dates = sessionDates(b, session);
  const items = [...new Set(documents.map((d) => d.agendaItem))].sort((x, y) => x - y);
  const feed = rootRelative(sessionFeedPath(body, session));
  const catalogue = rootRelative(sessionCataloguePath(body, session));

  const groups = items.map((item) => {
    const title = agendaItemTitle(b, item, 'en');
    const id = `item-${item}`;
    const docs = documents.filter((d) => d.agendaItem === item).sort(byIssue);
    return html`<section class="agenda-item">
<h2 id="${id}">Agenda item ${item}${title && `: ${title}`}</h2>
${listing(`Documents under agenda item ${item}`, docs, { sender: true })}
</section>
`;
  });

  const content = html`<h1>${name}</h1>
${dates && html`<p class="session-dates">${dates}</p>`}
${documents.length === 0
    ? html`<p>No documents have been published for this session yet.</p>`
    : html`<p>${plural(documents.length, 'document', 'documents')}, by agenda item.</p>
${groups}`}
<p class="data-links">Follow this session: <a href="${feed}" type="application/atom+xml">feed of its documents (Atom)</a> · <a href="${catalogue}" type="application/json">catalogue of its documents (JSON)</a></p>`;

  return page({
    lang: 'en',
    title: name,
    breadcrumb: [{ label: 'Home', href: '/' }, { label: name }],
    alternates: [
      ...sessionAlternates(body, session),
      { href: catalogue, type: 'application/json', title: `${name}: catalogue of documents (JSON)` },
    ],
    content,
  });
}
