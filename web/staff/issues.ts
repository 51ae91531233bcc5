import type { z } from 'zod';
import { formatPath, type Issue } from '#shared/domain/issues';

/**
 * Problems with the form, from the browser's own check (zod) or from the API's `details`, in one
 * shape — `{ path: 'files[1].sha256', message }` — and shown one way: next to the field, and in a
 * summary at the top that links to it (the GOV.UK error summary pattern).
 */
export type { Issue };

/** Where an issue is shown: the control it is about, its error element, and its name in the summary. */
export interface Target { control: HTMLElement; error: HTMLElement; label: string }
export type Locate = (path: string) => Target | undefined;

/** zod's issues with their paths written as the API writes them; `reword` may give a plainer message. */
export function fromZod(issues: readonly z.core.$ZodIssue[], reword: (issue: z.core.$ZodIssue, path: string) => string | undefined): Issue[] {
  return issues.map((i) => {
    const path = formatPath(i.path);
    return { path, message: reword(i, path) ?? i.message };
  });
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface IssueView {
  show(issues: readonly Issue[], message?: string): void;
  clear(): void;
}

export function issueView(summary: HTMLElement, locate: Locate, scope: HTMLElement): IssueView {
  const list = summary.querySelector<HTMLUListElement>('ul')!;
  const intro = summary.querySelector<HTMLParagraphElement>('p')!;
  const marked = new Set<HTMLElement>();

  function clear() {
    for (const e of Array.from(scope.querySelectorAll<HTMLElement>('.field-error'))) e.replaceChildren();
    for (const e of marked) e.removeAttribute('aria-invalid');
    for (const e of Array.from(scope.querySelectorAll('.has-error'))) e.classList.remove('has-error');
    marked.clear();
    list.replaceChildren();
    intro.textContent = '';
    intro.hidden = true;
    summary.hidden = true;
  }

  function show(issues: readonly Issue[], message?: string) {
    clear();
    const byTarget = new Map<HTMLElement, { target: Target; messages: string[] }>();
    const elsewhere: Issue[] = [];
    for (const issue of issues) {
      const target = locate(issue.path);
      if (!target) {
        elsewhere.push(issue);
        continue;
      }
      const entry = byTarget.get(target.error) ?? { target, messages: [] };
      if (!entry.messages.includes(issue.message)) entry.messages.push(issue.message);
      byTarget.set(target.error, entry);
    }
    const located = [...byTarget.values()].sort((a, b) =>
      a.target.control.compareDocumentPosition(b.target.control) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);

    for (const { target, messages } of located) {
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = 'Error: ';
      target.error.replaceChildren(hidden, capitalised(messages.join('; ')));
      target.error.closest('.field, .file-row')?.classList.add('has-error');
      // Radios and fieldsets take no aria-invalid; their group is described by the error instead.
      if (target.control.matches('input:not([type=radio]), select, textarea')) {
        target.control.setAttribute('aria-invalid', 'true');
        marked.add(target.control);
      }
      const link = document.createElement('a');
      link.href = `#${target.control.id}`;
      link.textContent = `${target.label}: ${messages.join('; ')}`;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        // Bring the label (and the error above the control) into view, not just the control.
        (target.error.closest('.field, .file-row') ?? target.control).scrollIntoView({ block: 'start' });
        target.control.focus({ preventScroll: true });
      });
      const item = document.createElement('li');
      item.append(link);
      list.append(item);
    }
    for (const issue of elsewhere) {
      const item = document.createElement('li');
      item.textContent = issue.path ? `${issue.path}: ${issue.message}` : capitalised(issue.message);
      list.append(item);
    }
    if (message) {
      intro.textContent = message;
      intro.hidden = false;
    }
    summary.hidden = false;
    summary.focus();
  }

  return { show, clear };
}

/**
 * Reads a form for sending: what is wrong is shown (its issues, or why it could not be read, e.g. no
 * checksums without crypto.subtle) and the answer is undefined; else the form as read.
 */
export async function readChecked<R extends { issues: readonly Issue[] }>(view: IssueView, read: () => Promise<R>): Promise<R | undefined> {
  view.clear();
  let form: R;
  try {
    form = await read();
  } catch (e) {
    view.show([], e instanceof Error ? e.message : String(e));
    return undefined;
  }
  if (form.issues.length) {
    view.show(form.issues);
    return undefined;
  }
  return form;
}
