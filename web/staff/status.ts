import type { SubmissionView } from '#shared/api/responses';
import { LANGUAGES } from '#shared/domain/languages';
import { workflowStepsOf, type Status } from '#shared/domain/schemas';
import { byId } from '../dom';

/** Each status as staff read it. */
export const STATUS_LABELS: Record<Status, string> = {
  AWAITING_UPLOAD: 'Awaiting upload', RECEIVED: 'Received', SYMBOL_ASSIGNED: 'Symbol assigned', TAGGED: 'Tagged',
  PUBLISHED: 'Published', FAILED: 'Failed',
};


/** What the page shows of a submission. */
type SubmissionState = Pick<SubmissionView, 'status' | 'symbol' | 'url' | 'history' | 'error'> & Partial<Pick<SubmissionView, 'translation'>>;

/** A submission's way to publication, as the steps staff see (docs/architecture.md#statuses-and-history). */
const stepsOf = (state: SubmissionState) => workflowStepsOf(state).map((status) => ({ status, label: STATUS_LABELS[status] }));

/** What became of a language version once PUBLISHED: published, or reissued for technical reasons. */
const doneWord = (state: SubmissionState) => (state.translation?.kind === 'reissue' ? 'Reissued' : 'Published');

/** "the French version of A/HRC/47/G/1" for a translation, else the symbol. */
function published(state: SubmissionState): string {
  const t = state.translation;
  return t ? `the ${LANGUAGES[t.language].name} version of ${t.of}` : state.symbol ?? '';
}

const time = (iso: string) => {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : at.toLocaleTimeString('en-GB');
};

export function span(className: string, text: string): HTMLSpanElement {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

export function renderSteps(list: HTMLOListElement, state: SubmissionState): void {
  const reached = new Map(state.history.map((h) => [h.status, h.at]));
  const steps = stepsOf(state);
  const current = steps.findIndex((s) => s.status === state.status);
  const items = steps.map((step, i) => {
    const at = reached.get(step.status);
    const done = at !== undefined && (i < current || state.status === 'PUBLISHED' || state.status === 'FAILED');
    const now = i === current && state.status !== 'PUBLISHED';
    const li = document.createElement('li');
    li.className = done ? 'done' : now ? 'current' : 'pending';
    if (now) li.setAttribute('aria-current', 'step');
    li.append(span('step-label', step.label));
    if (step.status === 'SYMBOL_ASSIGNED' && state.symbol && at) li.append(' ', span('step-symbol', state.symbol));
    if (at) li.append(' ', span('step-time', time(at)));
    li.append(span('visually-hidden', done ? ' (done)' : now ? ' (in progress)' : ' (not yet)'));
    return li;
  });
  if (state.status === 'FAILED') {
    const li = document.createElement('li');
    li.className = 'failed';
    li.setAttribute('aria-current', 'step');
    li.append(span('step-label', STATUS_LABELS.FAILED));
    const at = reached.get('FAILED');
    if (at) li.append(' ', span('step-time', time(at)));
    items.push(li);
  }
  list.replaceChildren(...items);
}

/** What to announce for a status, once, when it is reached. */
export function announcement(state: SubmissionState): string {
  switch (state.status) {
    case 'SYMBOL_ASSIGNED': return `${STATUS_LABELS.SYMBOL_ASSIGNED}: ${state.symbol ?? ''}`;
    case 'PUBLISHED': return state.translation ? `${doneWord(state)} ${published(state)}` : `Published as ${state.symbol ?? ''}`;
    case 'FAILED': return `${STATUS_LABELS.FAILED}: ${state.error?.message ?? 'no reason given'}`;
    default: return STATUS_LABELS[state.status];
  }
}

/** The outcome under the steps: the published document's link, or why it failed. */
export function renderResult(result: HTMLElement, state: SubmissionState, linkId = 'published-link'): void {
  if (state.status === 'PUBLISHED' && state.url) {
    const link = document.createElement('a');
    link.id = linkId;
    link.href = state.url;
    link.textContent = `Open ${state.translation ? published(state) : state.symbol ?? 'the document'} on the public site`;
    result.className = 'result published';
    result.replaceChildren(...(state.translation ? [`${doneWord(state)} `, span('result-symbol', published(state))] : ['Published as ', span('result-symbol', state.symbol ?? '')]), '. ', link);
    result.hidden = false;
  } else if (state.status === 'FAILED') {
    result.className = 'result failed';
    result.replaceChildren(span('result-heading', 'Not published: '), state.error?.message ?? 'no reason was given');
    result.hidden = false;
  } else {
    result.hidden = true;
  }
}

/** Tells screen readers what just happened (the page's one polite live region). */
export function announce(text: string): void {
  byId('announcer').textContent = text;
}
