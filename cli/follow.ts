import { setTimeout as sleep } from 'node:timers/promises';
import type { Failure, SubmissionView } from '#shared/api/responses';
import { isFinal } from '#shared/domain/schemas';
import { ApiError, NetworkError, type Answer, type CirculateApi } from './api';
import { EXIT, WaitTimeout, err, out, printJson } from './output';
import { liveView, plainView, type ProgressView } from './progress';

/** Following a submission until it is PUBLISHED or FAILED: `watch` and `submit --wait`. */

const POLL_INTERVAL_MS = 500;
/** Polling survives a short outage (e.g. the local stack restarting), not a long one. */
const MAX_TRANSIENT_ERRORS = 5;

/** `DiskFull: the site bucket refused the page` (the cause is already readable: functions/mark-failed). */
export const failureMessage = (f: Failure) => [f.code, f.message].filter(Boolean).join(': ');

/** Polls until the submission is PUBLISHED or FAILED, showing each answer to `onUpdate`. */
async function waitForFinal(
  api: CirculateApi, id: string,
  { timeoutMs, onUpdate, onWarning }: { timeoutMs: number; onUpdate: (s: SubmissionView) => void; onWarning: (message: string) => void },
): Promise<Answer<SubmissionView>> {
  const deadline = Date.now() + timeoutMs;
  let lastStatus = 'unknown';
  let transient = 0;
  for (;;) {
    try {
      const answer = await api.getSubmission(id);
      transient = 0;
      onUpdate(answer.value);
      lastStatus = answer.value.status;
      if (isFinal(answer.value.status)) return answer;
    } catch (e) {
      const retriable = e instanceof NetworkError || (e instanceof ApiError && e.status >= 500);
      if (!retriable || ++transient > MAX_TRANSIENT_ERRORS) throw e;
      onWarning(`warning: ${e.message}; trying again`);
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new WaitTimeout(`gave up waiting for submission ${id} after ${timeoutMs / 1000} s (last status: ${lastStatus})`);
    }
    await sleep(Math.min(POLL_INTERVAL_MS, left));
  }
}

/** On a terminal the steps are redrawn in place; anywhere else (a pipe, a file, CI) they are appended as lines. */
function progressView(): ProgressView {
  const write = (text: string) => process.stdout.write(text);
  if (!process.stdout.isTTY) return plainView(write);
  const colour = !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return liveView(write, { colour, columns: () => process.stdout.columns || 80 });
}

/** The view of `watch` and `submit --wait`: the steps as they happen, then status, symbol and URL. Gives the exit code. */
export async function follow(api: CirculateApi, id: string, { timeout, json }: { timeout: number; json: boolean }): Promise<number> {
  const view = json ? undefined : progressView();
  const { value: record, raw } = await waitForFinal(api, id, {
    timeoutMs: timeout * 1000,
    onUpdate: (s) => view?.update(s),
    onWarning: (message) => {
      err(message);
      view?.interrupt();
    },
  });
  if (json) {
    printJson(raw);
  } else {
    out(`status: ${record.status}`);
    if (record.symbol) out(`symbol: ${record.symbol}`);
    if (record.url) out(`url: ${record.url}`);
  }
  if (record.status === 'FAILED') {
    err(`error: ${record.error ? failureMessage(record.error) : 'the submission failed (no reason given)'}`);
    return EXIT.failed;
  }
  return EXIT.ok;
}
