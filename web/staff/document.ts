import type { SubmissionView } from '#shared/api/responses';
import { LANGUAGES, LANGUAGE_CODES } from '#shared/domain/languages';
import type { TranslationStatus, TranslationTable } from '#shared/domain/schemas';
import { ApiProblem, getDocument, redriveSubmission } from './api';
import { KIND_LABELS } from './choices';
import { partOrder } from './desk-groups';
import { dateTime } from './desk';
import { follow } from './follow';
import { STATUS_LABELS } from './status';
import type { RelatedKind } from './related';
import type { VersionForm } from './version-form';
import { byId } from '../dom';

/**
 * One submission's panel on the desk: what it is, its language versions (languages × parts), its
 * history, and what staff can do with it — redrive it when it failed, upload a translation when a
 * language is pending, issue a related document once it is published.
 */

export interface DocumentPanelDeps {
  translate: VersionForm;
  /** The reissue form: a version issued, reissued for technical reasons. */
  reissue: VersionForm;
  /** The submission read again, for the list. */
  changed(view: SubmissionView): void;
  /** Where focus goes when the panel closes. */
  closed(view: SubmissionView): void;
  /** Opens the new-submission form for a related document; undefined while the API takes none. */
  related: ((view: SubmissionView, kind: RelatedKind) => void) | undefined;
  announce(text: string): void;
}

const TRANSLATION_LABELS: Record<TranslationStatus, string> = {
  original: 'Original', pending: 'Pending', translated: 'Translated', 'reproduced-as-received': 'As received', 'not-issued': 'Not issued',
};

const partLabel = (part: string) => (part === 'cover' ? 'Cover note' : part === 'annex' ? 'Annex' : `Annex ${part.slice('annex-'.length)}`);

function cell(tag: 'th' | 'td', text: string, scope?: 'col' | 'row'): HTMLTableCellElement {
  const c = document.createElement(tag);
  c.textContent = text;
  if (scope) c.scope = scope;
  return c;
}

/** Languages down, parts across: six rows and few columns, which fits a narrow screen. */
export function renderVersions(table: HTMLTableElement, versions: TranslationTable): void {
  const parts = Object.keys(versions).sort(partOrder);
  const head = document.createElement('thead');
  const headRow = head.insertRow();
  headRow.append(cell('th', 'Language', 'col'), ...parts.map((p) => cell('th', partLabel(p), 'col')));
  const body = document.createElement('tbody');
  for (const language of LANGUAGE_CODES) {
    const tr = body.insertRow();
    tr.append(cell('th', LANGUAGES[language].name, 'row'));
    for (const part of parts) {
      const status = versions[part]?.[language];
      const td = cell('td', status ? TRANSLATION_LABELS[status] : '—');
      if (status) td.className = `tr-${status}`;
      tr.append(td);
    }
  }
  table.replaceChildren(head, body);
}

export function documentPanel(deps: DocumentPanelDeps) {
  const panel = byId('detail');
  const heading = byId('detail-title');
  const facts = byId('detail-facts');
  const failure = byId('detail-failure');
  const redrive = byId<HTMLButtonElement>('detail-redrive');
  const redriveError = byId('detail-redrive-error');
  const steps = byId<HTMLOListElement>('detail-steps');
  const result = byId('detail-result');
  const table = byId<HTMLTableElement>('detail-versions');
  const noVersions = byId('detail-versions-none');
  const history = byId('detail-history');
  const related = byId('related');
  let current: SubmissionView | undefined;
  let opened = 0;

  function renderFacts(view: SubmissionView) {
    const rows: [string, string | Node][] = [
      ['Status', STATUS_LABELS[view.status]],
      ['Submission', view.id],
      ['Kind', KIND_LABELS[view.submission.kind]],
      ['Sender', view.submission.sender],
      ['Dated', view.submission.dated],
      ['Original language', LANGUAGES[view.submission.originalLanguage].name],
    ];
    if (view.translation) rows.push(['Translation', `into ${LANGUAGES[view.translation.language].name} of ${view.translation.of}`]);
    if (view.url) {
      const a = document.createElement('a');
      a.href = view.url;
      a.textContent = view.url;
      rows.push(['Public page', a]);
    }
    facts.replaceChildren(...rows.flatMap(([term, value]) => {
      const dt = document.createElement('dt');
      dt.textContent = term;
      const dd = document.createElement('dd');
      dd.append(value);
      return [dt, dd];
    }));
  }

  function renderHistory(view: SubmissionView) {
    history.replaceChildren(...view.history.map((h) => {
      const li = document.createElement('li');
      const label = document.createElement('strong');
      label.textContent = STATUS_LABELS[h.status];
      li.append(label, ` · ${dateTime(h.at)}`);
      if (h.detail) li.append(` · ${h.detail}`);
      return li;
    }));
  }

  function renderState(view: SubmissionView) {
    current = view;
    heading.textContent = view.symbol ?? 'No symbol yet';
    byId('detail-doc-title').textContent = view.submission.title;
    renderFacts(view);
    renderHistory(view);
    failure.hidden = view.status !== 'FAILED';
    byId('detail-error').textContent = `Not published: ${view.error?.message ?? 'no reason was given'}`;
    related.hidden = !(deps.related && view.status === 'PUBLISHED' && view.symbol && !view.translation);
  }

  async function renderVersionsOf(view: SubmissionView, mine: number) {
    let versions = view.translations;
    // A published document's own record moves on as translations arrive; the submission's table is what it was tagged with.
    if (view.status === 'PUBLISHED' && view.symbol && !view.translation) {
      try {
        versions = (await getDocument(view.symbol)).languages;
      } catch (e) {
        if (!(e instanceof ApiProblem)) throw e;
      }
    }
    if (mine !== opened) return;
    if (versions) renderVersions(table, versions);
    else table.replaceChildren();
    table.parentElement!.hidden = !versions;
    noVersions.hidden = !!versions;
    if (versions && view.status === 'PUBLISHED' && view.symbol && !view.translation) {
      deps.translate.show(view.symbol, versions);
      deps.reissue.show(view.symbol, versions);
    } else {
      deps.translate.hide();
      deps.reissue.hide();
    }
  }

  redrive.addEventListener('click', () => {
    const view = current;
    if (!view) return;
    redrive.disabled = true;
    redriveError.replaceChildren();
    void redriveSubmission(view.id).then((back) => {
      failure.hidden = true;
      steps.hidden = false;
      deps.announce(`Redriven: back at ${STATUS_LABELS[back.status]}`);
      renderState(back);
      deps.changed(back);
      const mine = opened;
      return follow(view.id, {
        steps, result, linkId: 'detail-published-link', announce: deps.announce,
        onState: (state) => {
          if (mine !== opened) return;
          renderState(state);
          deps.changed(state);
        },
      }).then((last) => { if (last && mine === opened) void renderVersionsOf(last, mine); });
    }, (e: unknown) => {
      if (!(e instanceof ApiProblem)) throw e;
      redriveError.textContent = `Not redriven: ${e.message}`;
    }).finally(() => { redrive.disabled = false; });
  });

  for (const button of Array.from(related.querySelectorAll<HTMLButtonElement>('[data-relates]'))) {
    button.addEventListener('click', () => {
      if (current && deps.related) deps.related(current, button.dataset.relates as RelatedKind);
    });
  }

  byId('detail-close').addEventListener('click', () => {
    panel.hidden = true;
    opened++;
    if (current) deps.closed(current);
  });

  return {
    open(view: SubmissionView) {
      const mine = ++opened;
      steps.hidden = true;
      steps.replaceChildren();
      result.hidden = true;
      redriveError.replaceChildren();
      renderState(view);
      deps.translate.hide();
      deps.reissue.hide();
      panel.hidden = false;
      heading.focus();
      panel.scrollIntoView({ block: 'start' });
      void renderVersionsOf(view, mine);
    },
  };
}
