import { html, type Html } from '../html';
import type { DocumentRecord } from '#shared/domain/document';
import { sessionDates } from '#shared/domain/registry';
import { requireBody, sessionHref, sessionLabel } from '../sessions';
import { plural } from './format';
import { SITE_NAME, page } from './layout';
import { listing } from './listing';
import { searchForm } from './search-form';

/** The home page: what the site is, search, the sessions with their counts, the latest documents. */
export function renderHomePage(
  sessions: { body: string; session: number; documents: number }[],
  latest: DocumentRecord[],
): string {
  // Most recent session first, bodies in the order given.
  const bodies = [...new Set(sessions.map((s) => s.body))];
  const ordered = [...sessions].sort((x, y) => bodies.indexOf(x.body) - bodies.indexOf(y.body) || y.session - x.session);
  const sessionItems: Html = ordered.map((s) => {
    const dates = sessionDates(requireBody(s.body), s.session);
    return html`<li><a href="${sessionHref(s.body, s.session)}">${sessionLabel(s.body, s.session)}</a>
<span class="muted">${dates && `${dates} · `}${plural(s.documents, 'document', 'documents')}</span></li>
`;
  });

  const content = html`<h1>${SITE_NAME}</h1>
<p class="lead">This site publishes the notes verbales and letters that States have asked to have circulated as official documents of the Human Rights Council, each at an address made of its document symbol.</p>
${searchForm('home-q', 'Search by symbol, title, sender or date')}
<h2 id="sessions-heading">Sessions</h2>
${ordered.length === 0
    ? html`<p>No sessions have documents yet.</p>`
    : html`<ul class="sessions" aria-labelledby="sessions-heading">
${sessionItems}</ul>`}
<h2 id="latest-heading">Latest documents</h2>
${latest.length === 0
    ? html`<p>No documents have been published yet.</p>`
    : listing('Latest documents', latest, { sender: false })}`;

  return page({ lang: 'en', title: SITE_NAME, content });
}
