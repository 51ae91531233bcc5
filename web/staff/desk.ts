import type { SubmissionView } from '#shared/api/responses';
import { LANGUAGES } from '#shared/domain/languages';
import { ApiProblem, listSubmissions } from './api';
import { fillSelect } from './choices';
import { GROUPS, type Group, type Stream, groupOf, hasMore, matchesSearch, merge, pendingLanguages, streamsOf, unfinished } from './desk-groups';
import { STATUS_LABELS, span } from './status';
import { byId } from '../dom';

/**
 * The list of submissions: a group (desk-groups.ts), a search over what is loaded, "More" for the
 * next page of each of the group's lists, and a row per submission whose button opens its panel.
 */

export const dateTime = (iso: string) => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
};

/** Rows per page: `?limit=` on the page's address (1–100) for a shorter page, else 25. */
function pageSize(): number {
  const asked = Number(new URLSearchParams(location.search).get('limit'));
  return Number.isInteger(asked) && asked >= 1 && asked <= 100 ? asked : 25;
}

export interface Desk {
  /** Loads the first page of the chosen group (again). */
  load(): Promise<void>;
  /** A submission read again (after a redrive, say): its row shows it. */
  update(view: SubmissionView): void;
  /** The row's button of a submission, to give focus back to. */
  rowButton(id: string): HTMLButtonElement | null;
  loaded(): boolean;
}

export function desk(open: (view: SubmissionView) => void): Desk {
  const groupSelect = byId<HTMLSelectElement>('desk-group');
  const search = byId<HTMLInputElement>('desk-search');
  const list = byId<HTMLUListElement>('desk-list');
  const more = byId<HTMLButtonElement>('desk-more');
  const showButton = byId<HTMLButtonElement>('desk-show');
  const count = byId('desk-count');
  const error = byId('desk-error');
  const limit = pageSize();

  fillSelect(groupSelect, GROUPS.map((g) => ({ value: g.value, text: g.text })));
  let group: Group = groupOf(groupSelect.value);
  let streams: Stream[] = [];
  let items: SubmissionView[] = [];
  let everLoaded = false;
  let generation = 0;

  function row(view: SubmissionView): HTMLLIElement {
    const li = document.createElement('li');
    li.className = `desk-row status-${view.status.toLowerCase()}`;
    const heading = document.createElement('h2');
    heading.className = 'row-heading';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link-button';
    button.id = `open-${view.id}`;
    button.textContent = view.symbol ?? `Submission ${view.id}`;
    button.addEventListener('click', () => open(view));
    heading.append(button);
    const title = document.createElement('p');
    title.className = 'row-title';
    title.textContent = view.submission.title;
    const meta = document.createElement('p');
    meta.className = 'row-meta';
    meta.append(span('badge', STATUS_LABELS[view.status]), ` · ${view.submission.sender} · ${dateTime(view.createdAt)}`);
    li.append(heading, title, meta);
    if (view.translation) li.append(paragraph('row-note', `Translation into ${LANGUAGES[view.translation.language].name} of ${view.translation.of}`));
    if (view.status === 'FAILED') li.append(paragraph('row-error', `Not published: ${view.error?.message ?? 'no reason was given'}`));
    const pending = view.status === 'PUBLISHED' ? pendingLanguages(view.translations) : [];
    if (pending.length) li.append(paragraph('row-note', `Translations pending: ${pending.map((l) => LANGUAGES[l].name).join(', ')}`));
    return li;
  }

  function paragraph(className: string, text: string): HTMLParagraphElement {
    const p = document.createElement('p');
    p.className = className;
    p.textContent = text;
    return p;
  }

  function render() {
    const kept = group.keep ? items.filter(group.keep) : items;
    const shown = kept.filter((v) => matchesSearch(v, search.value));
    list.replaceChildren(...shown.map(row));
    more.hidden = !hasMore(streams);
    if (!everLoaded) {
      count.textContent = '';
      return;
    }
    const older = more.hidden ? '' : '; “More” loads older ones';
    count.textContent = !kept.length
      ? `No submissions ${group.value === 'all' ? 'yet' : `in “${group.text}”`}${older}`
      : search.value.trim()
        ? `${shown.length} of ${kept.length} loaded match “${search.value.trim()}”${older}`
        : `${kept.length} shown${older}`;
  }

  /** The next page of every list of the group not yet at its end; `reset` starts the group afresh. */
  async function fetchPages(reset: boolean): Promise<SubmissionView[]> {
    const mine = reset ? ++generation : generation;
    if (reset) {
      group = groupOf(groupSelect.value);
      streams = streamsOf(group);
      items = [];
    }
    error.replaceChildren();
    showButton.disabled = true;
    list.setAttribute('aria-busy', 'true');
    try {
      const pages = await Promise.all(unfinished(streams).map(async (stream) => {
        const page = await listSubmissions({ ...(stream.status ? { status: stream.status } : {}), limit, ...(stream.cursor ? { cursor: stream.cursor } : {}) });
        return { stream, page };
      }));
      if (mine !== generation) return []; // a newer choice of group has been asked for
      const added: SubmissionView[] = [];
      for (const { stream, page } of pages) {
        stream.cursor = page.cursor;
        added.push(...page.items);
      }
      items = merge(items, added);
      everLoaded = true;
      return added;
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      error.textContent = e.status === 401 || e.status === 403
        ? `${e.message}: enter the staff token above, then choose Show.`
        : `The submissions could not be loaded: ${e.message}`;
      return [];
    } finally {
      if (mine === generation) {
        showButton.disabled = false;
        list.removeAttribute('aria-busy');
        render();
      }
    }
  }

  byId<HTMLFormElement>('desk-filter').addEventListener('submit', (event) => {
    event.preventDefault();
    void fetchPages(true);
  });
  search.addEventListener('input', render);
  more.addEventListener('click', () => {
    more.disabled = true;
    void fetchPages(false).then((added) => {
      more.disabled = false;
      // Keyboard users carry on from the first row the page added (or stay on "More").
      const first = added.map((v) => rowButton(v.id)).find((b) => b);
      (first ?? (more.hidden ? count : more)).focus();
    });
  });

  function rowButton(id: string): HTMLButtonElement | null {
    return document.getElementById(`open-${id}`) as HTMLButtonElement | null;
  }

  return {
    load: () => fetchPages(true).then(() => undefined),
    update(view) {
      items = merge(items, [view]);
      render();
    },
    rowButton,
    loaded: () => everLoaded,
  };
}
