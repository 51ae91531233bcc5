import { describe, expect, it } from '@jest/globals';
import type { HistoryEntry as HistoryLine } from '#shared/domain/schemas';
import { frame, liveView, plainView, stepRows, stepsReached, type Snapshot } from '../../cli/progress';

const h = (status: HistoryLine['status'], detail: string, second: number): HistoryLine =>
  ({ status, detail, at: `2021-06-08T09:00:0${second}.000Z` });

const AWAITING = h('AWAITING_UPLOAD', '2 file(s) declared', 0);
const RECEIVED = h('RECEIVED', '2 files received and verified', 1);
const ASSIGNED = h('SYMBOL_ASSIGNED', 'A/HRC/47/G/10', 2);
const TAGGED = h('TAGGED', 'reproduced as received: annex', 3);
const PUBLISHED = h('PUBLISHED', 'http://localhost:3000/A/HRC/47/G/10/', 4);
const at = (status: string, history: HistoryLine[], symbol?: string): Snapshot => ({ id: '01ABC', status, history, symbol });

/** Collects what a view writes. */
function screen() {
  const writes: string[] = [];
  return { writes, write: (text: string) => void writes.push(text), text: () => writes.join('') };
}

describe('the steps of a submission', () => {
  it('are done up to its status, the next one under way, the rest to come', () => {
    const rows = stepRows(at('RECEIVED', [AWAITING, RECEIVED]));
    expect(rows.map((r) => [r.status, r.mark])).toEqual([
      ['AWAITING_UPLOAD', 'done'], ['RECEIVED', 'done'], ['SYMBOL_ASSIGNED', 'current'], ['TAGGED', 'pending'], ['PUBLISHED', 'pending'],
    ]);
    expect(stepsReached(at('RECEIVED', [AWAITING, RECEIVED]))).toBe(2);
  });

  it('mark the step that did not happen when the submission FAILED', () => {
    const failed = at('FAILED', [AWAITING, RECEIVED, ASSIGNED, h('FAILED', 'DiskFull: the site bucket refused the page', 3)]);
    expect(stepRows(failed).map((r) => r.mark)).toEqual(['done', 'done', 'done', 'failed', 'pending']);
    expect(stepsReached(failed)).toBe(3);
  });
});

describe('the plain view (not a terminal)', () => {
  it('appends one line per new step, never repeating one, with how far it has gone', () => {
    const s = screen();
    const view = plainView(s.write);
    view.update(at('AWAITING_UPLOAD', [AWAITING]));
    view.update(at('AWAITING_UPLOAD', [AWAITING]));
    view.update(at('TAGGED', [AWAITING, RECEIVED, ASSIGNED, TAGGED]));
    view.update(at('PUBLISHED', [AWAITING, RECEIVED, ASSIGNED, TAGGED, PUBLISHED]));
    expect(s.text().split('\n')).toEqual([
      '[1/5]  AWAITING_UPLOAD  2021-06-08T09:00:00.000Z  2 file(s) declared',
      '[2/5]  RECEIVED         2021-06-08T09:00:01.000Z  2 files received and verified',
      '[3/5]  SYMBOL_ASSIGNED  2021-06-08T09:00:02.000Z  A/HRC/47/G/10',
      '[4/5]  TAGGED           2021-06-08T09:00:03.000Z  reproduced as received: annex',
      '[5/5]  PUBLISHED        2021-06-08T09:00:04.000Z  http://localhost:3000/A/HRC/47/G/10/',
      '',
    ]);
    expect(s.text()).not.toContain('\u001b');
  });
});

describe('the live view (a terminal)', () => {
  it('draws the steps with ✓ and … markers and a bar with the count', () => {
    const lines = frame(at('SYMBOL_ASSIGNED', [AWAITING, RECEIVED, ASSIGNED], 'A/HRC/47/G/10'), { colour: false, columns: 100, elapsedMs: 3_400 });
    expect(lines[0]).toBe('submission 01ABC  A/HRC/47/G/10');
    expect(lines.slice(1, 6).map((l) => l.slice(0, 20))).toEqual([
      '  ✓ AWAITING_UPLOAD ', '  ✓ RECEIVED        ', '  ✓ SYMBOL_ASSIGNED ', '  … TAGGED', '  · PUBLISHED',
    ]);
    expect(lines[6]).toBe(`  ${'█'.repeat(12)}${'░'.repeat(8)} 3/5  SYMBOL_ASSIGNED  3 s`);
  });

  it('cuts lines to the terminal\'s width, so that none wraps and spoils the redraw', () => {
    const long = h('RECEIVED', 'x'.repeat(300), 1);
    for (const line of frame(at('RECEIVED', [AWAITING, long]), { colour: false, columns: 60, elapsedMs: 0 })) {
      expect(line.length).toBeLessThan(60);
    }
  });

  it('redraws in place: up over the last frame, clear, draw; and starts afresh below an interruption', () => {
    const s = screen();
    const view = liveView(s.write, { colour: false, columns: () => 100, now: () => 0 });
    view.update(at('AWAITING_UPLOAD', [AWAITING]));
    view.update(at('RECEIVED', [AWAITING, RECEIVED]));
    expect(s.writes[0]?.startsWith('submission 01ABC\n')).toBe(true);
    expect(s.writes[1]?.startsWith('\u001b[7A\r\u001b[J')).toBe(true);
    expect(s.writes[1]).toContain('2/5  RECEIVED');
    view.interrupt();
    view.update(at('RECEIVED', [AWAITING, RECEIVED]));
    expect(s.writes[2]?.startsWith('submission')).toBe(true);
  });

  it('colours the markers only when asked', () => {
    const snapshot = at('RECEIVED', [AWAITING, RECEIVED]);
    expect(frame(snapshot, { colour: true, columns: 100, elapsedMs: 0 }).join('\n')).toContain('\u001b[32m✓\u001b[0m');
    expect(frame(snapshot, { colour: false, columns: 100, elapsedMs: 0 }).join('\n')).not.toContain('\u001b');
  });
});
