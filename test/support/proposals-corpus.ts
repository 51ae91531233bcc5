import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PROPOSED_FIELDS, type ProposedField, type ProposedFields } from '#shared/domain/proposals/propose';
import { paragraphsOfText } from '#shared/text/paragraphs';

export const CORPUS_DIR = 'test/fixtures/proposals';

const Corpus = z.object({
  items: z.array(z.object({
    file: z.string(), symbol: z.string(), source: z.string(), notes: z.string(),
    expected: z.partialRecord(z.enum(PROPOSED_FIELDS), z.union([z.string(), z.number(), z.null()])),
    notInText: z.partialRecord(z.enum(PROPOSED_FIELDS), z.string()).optional(),
  })),
});

/** The corpus (test/fixtures/proposals/corpus.json) with each note's paragraphs, as extract.ts splits a text file. */
export function loadCorpus() {
  const { items } = Corpus.parse(JSON.parse(readFileSync(join(CORPUS_DIR, 'corpus.json'), 'utf8')));
  return items.map((item) => ({ item, text: readFileSync(join(CORPUS_DIR, item.file), 'utf8'), paragraphs: paragraphsOfText(readFileSync(join(CORPUS_DIR, item.file), 'utf8')) }));
}

/**
 * How well the rules do on a corpus of notes whose fields were written by hand: per field and in
 * all, correct proposals over fields expected (a field expected null is not counted). The corpus
 * test and `npm run bench` both measure with it.
 */
export interface CorpusItem {
  file: string;
  expected: Partial<Record<ProposedField, string | number | null>>;
  /** Expected fields the note's text does not state, with why. */
  notInText?: Partial<Record<ProposedField, string>>;
}

export interface FieldScore { expected: number; correct: number; stated: number; statedCorrect: number }

export interface Misses { file: string; field: ProposedField; expected: unknown; proposed: unknown; inText: boolean }

export function score(items: readonly { item: CorpusItem; proposed: ProposedFields }[]) {
  const fields = Object.fromEntries(PROPOSED_FIELDS.map((f) => [f, { expected: 0, correct: 0, stated: 0, statedCorrect: 0 }])) as Record<ProposedField, FieldScore>;
  const misses: Misses[] = [];
  for (const { item, proposed } of items) {
    for (const field of PROPOSED_FIELDS) {
      const expected = item.expected[field];
      if (expected === null || expected === undefined) continue;
      const inText = !item.notInText?.[field];
      const right = proposed[field]?.value === expected;
      const s = fields[field];
      s.expected++;
      if (right) s.correct++;
      if (inText) {
        s.stated++;
        if (right) s.statedCorrect++;
      }
      if (!right) misses.push({ file: item.file, field, expected, proposed: proposed[field]?.value, inText });
    }
  }
  const total = Object.values(fields).reduce((t, s) => ({
    expected: t.expected + s.expected, correct: t.correct + s.correct, stated: t.stated + s.stated, statedCorrect: t.statedCorrect + s.statedCorrect,
  }), { expected: 0, correct: 0, stated: 0, statedCorrect: 0 });
  return { fields, total, misses };
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(0)} %`);

/** One line per field: correct / expected (all), correct / stated (fields the text states). */
export function accuracyTable(s: ReturnType<typeof score>): string {
  const rows = [...Object.entries(s.fields), ['all', s.total] as const].map(([field, f]) =>
    `${String(field).padEnd(17)} ${`${f.correct}/${f.expected}`.padStart(6)} ${pct(f.correct, f.expected).padStart(6)}    ${`${f.statedCorrect}/${f.stated}`.padStart(6)} ${pct(f.statedCorrect, f.stated).padStart(6)}`);
  return [`${'field'.padEnd(17)} ${'all expected'.padStart(13)}    ${'stated in the text'.padStart(13)}`, ...rows].join('\n');
}
