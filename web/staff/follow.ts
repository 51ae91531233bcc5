import type { SubmissionView } from '#shared/api/responses';
import { isFinal, type Status } from '#shared/domain/schemas';
import { ApiProblem, getSubmission } from './api';
import { announcement, renderResult, renderSteps } from './status';

/** Where a submission's progress is drawn (web/staff/status.ts), and what else hears of each state. */
export interface FollowView {
  steps: HTMLOListElement;
  result: HTMLElement;
  /** The id of the published document's link (one per page). */
  linkId?: string;
  announce(text: string): void;
  onState?(state: SubmissionView): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a submission until it is published or has failed, drawing each state; resolves with the last one read. */
export async function follow(id: string, view: FollowView): Promise<SubmissionView | undefined> {
  let last: Status | undefined;
  for (;;) {
    try {
      const state = await getSubmission(id);
      renderSteps(view.steps, state);
      renderResult(view.result, state, view.linkId);
      if (state.status !== last) view.announce(announcement(state));
      last = state.status;
      view.onState?.(state);
      if (isFinal(state.status)) return state;
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      view.result.className = 'result failed';
      view.result.hidden = false;
      // A refusal will not change by asking again; a network or server hiccup may.
      if (e.status >= 400 && e.status < 500) {
        view.result.textContent = `The status cannot be read: ${e.message}`;
        return undefined;
      }
      view.result.textContent = `The status could not be read (${e.message}); trying again…`;
    }
    await sleep(1000);
  }
}
