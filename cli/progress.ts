import { WORKFLOW_STEPS, workflowStepsOf, type HistoryEntry, type WorkflowStep } from '#shared/domain/schemas';
import { cut } from './format';

/**
 * The live view of a submission's steps, for `watch` and `submit --wait`: on a terminal, a step list
 * with ✓/… markers and a bar, redrawn in place; elsewhere (scripts, CI, a file) one plain line per
 * new step, so that logs read well and nothing depends on cursor movement.
 */

/** What the view needs of a submission: `SubmissionView` has it. */
export interface Snapshot {
  id: string;
  status: string;
  symbol?: string | null;
  history: readonly HistoryEntry[];
  /** Set for a language version of a published document, which has no symbol step. */
  translation?: unknown;
}

export type Mark = 'done' | 'current' | 'failed' | 'pending';
export interface StepRow {
  status: WorkflowStep;
  mark: Mark;
  /** The latest history entry with this status. */
  entry?: HistoryEntry;
}

const stepIndex = (s: Snapshot, status: string) => workflowStepsOf(s).findIndex((step) => step === status);
const STEP_WIDTH = Math.max(...WORKFLOW_STEPS.map((s) => s.length));

/** How far the submission has gone: the number of steps reached (AWAITING_UPLOAD is 1, PUBLISHED 5, or 4 for a translation). */
export function stepsReached(s: Snapshot): number {
  const indexes = [s.status, ...s.history.map((h) => h.status)].map((status) => stepIndex(s, status));
  return Math.max(-1, ...indexes) + 1;
}

export function stepRows(s: Snapshot): StepRow[] {
  const reached = stepsReached(s);
  return workflowStepsOf(s).map((status, i) => {
    const entry = s.history.findLast((h) => h.status === status);
    let mark: Mark = 'pending';
    if (i < reached) mark = 'done';
    else if (i === reached) mark = s.status === 'FAILED' ? 'failed' : 'current';
    return { status, mark, ...(entry ? { entry } : {}) };
  });
}

export interface ProgressView {
  /** Shows the submission as it is now. */
  update(s: Snapshot): void;
  /** Something else was written to the terminal: draw the next frame below it rather than over it. */
  interrupt(): void;
}

/** One line per history entry, each once: `[2/5] RECEIVED  2021-06-08T09:00:01Z  2 files received and verified`. */
export function plainView(write: (text: string) => void): ProgressView {
  let printed = 0;
  let reached = 0;
  return {
    update(s) {
      for (const h of s.history.slice(printed)) {
        reached = Math.max(reached, stepIndex(s, h.status) + 1);
        write(`${[`[${reached}/${workflowStepsOf(s).length}]`, h.status.padEnd(STEP_WIDTH), h.at, h.detail].filter(Boolean).join('  ')}\n`);
      }
      printed = Math.max(printed, s.history.length);
    },
    interrupt() {},
  };
}

const ESC = '\u001b[';
const paint = (code: string) => (text: string) => (text ? `${ESC}${code}m${text}${ESC}0m` : '');
const PAINT = { green: paint('32'), yellow: paint('33'), red: paint('31'), dim: paint('2'), bold: paint('1') };
const plain = (text: string) => text;

const MARKERS: Record<Mark, { symbol: string; colour: keyof typeof PAINT }> = {
  done: { symbol: '✓', colour: 'green' },
  current: { symbol: '…', colour: 'yellow' },
  failed: { symbol: '✗', colour: 'red' },
  pending: { symbol: '·', colour: 'dim' },
};

/** The bar is 20 wide, less on a narrow terminal: the line must not wrap. */
const barWidth = (width: number) => Math.max(5, Math.min(20, width - 40));

function clock(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toTimeString().slice(0, 8);
}

export interface FrameOptions {
  colour: boolean;
  /** The terminal's width: longer lines are cut, or they would wrap and spoil the redraw. */
  columns: number;
  elapsedMs: number;
}

/** The lines of one frame of the live view. */
export function frame(s: Snapshot, { colour, columns, elapsedMs }: FrameOptions): string[] {
  const c = (name: keyof typeof PAINT) => (colour ? PAINT[name] : plain);
  const width = Math.max(20, columns - 1);
  const lines = [c('bold')(cut(`submission ${s.id}${s.symbol ? `  ${s.symbol}` : ''}`, width))];
  for (const row of stepRows(s)) {
    const marker = MARKERS[row.mark];
    const text = [row.status.padEnd(STEP_WIDTH), row.entry ? clock(row.entry.at) : '', row.entry?.detail ?? '']
      .filter(Boolean).join('  ').trimEnd();
    const body = cut(text, width - 4);
    lines.push(`  ${c(marker.colour)(marker.symbol)} ${row.mark === 'pending' ? c('dim')(body) : body}`);
  }
  const reached = stepsReached(s);
  const barLength = barWidth(width);
  const steps = workflowStepsOf(s).length;
  const filled = Math.round((reached / steps) * barLength);
  const bar = c(s.status === 'FAILED' ? 'red' : 'green')('█'.repeat(filled)) + c('dim')('░'.repeat(barLength - filled));
  lines.push(`  ${bar} ${reached}/${steps}  ${s.status}  ${Math.floor(elapsedMs / 1000)} s`);
  return lines;
}

export interface LiveOptions {
  colour: boolean;
  columns: () => number;
  now?: () => number;
}

/** Redraws the frame in place: up over the last frame, clear to the end of the screen, draw. */
export function liveView(write: (text: string) => void, options: LiveOptions): ProgressView {
  const now = options.now ?? Date.now;
  const started = now();
  let drawn = 0;
  return {
    update(s) {
      const lines = frame(s, { colour: options.colour, columns: options.columns(), elapsedMs: now() - started });
      write(`${drawn > 0 ? `${ESC}${drawn}A\r${ESC}J` : ''}${lines.join('\n')}\n`);
      drawn = lines.length;
    },
    interrupt() {
      drawn = 0;
    },
  };
}
