import { fileURLToPath } from 'node:url';
import { PROPOSED_FIELDS, proposeFields, type ProposedField } from '#shared/domain/proposals/propose';
import { loadCorpus, score } from '../test/support/proposals-corpus';

/**
 * The proposal rules on the corpus of real communications (test/fixtures/proposals): accuracy per
 * field (over every expected field, and over those the note's text states) and the time the rules
 * take per note, in process (no text extraction: the corpus is text already). `npm run bench` runs it
 * first; `node --import tsx bench/proposals.ts` alone prints it.
 */
export interface ProposalFigures {
  notes: number;
  rounds: number;
  msPerNote: number;
  fields: Record<ProposedField | 'all', { expected: number; correct: number; stated: number; statedCorrect: number }>;
}

export function benchProposals({ rounds = 200 }: { rounds?: number } = {}): ProposalFigures {
  const corpus = loadCorpus();
  // Warm: the patterns compiled, the code optimised.
  for (const { paragraphs } of corpus) proposeFields(paragraphs);
  const started = performance.now();
  for (let r = 0; r < rounds; r++) for (const { paragraphs } of corpus) proposeFields(paragraphs);
  const msPerNote = (performance.now() - started) / (rounds * corpus.length);
  const result = score(corpus.map(({ item, paragraphs }) => ({ item, proposed: proposeFields(paragraphs) })));
  return { notes: corpus.length, rounds, msPerNote, fields: { ...result.fields, all: result.total } };
}

const pct = (a: number, b: number) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(0)} %`);

export function proposalsMarkdown(f: ProposalFigures): string[] {
  const lines = [
    '## Proposals from the note',
    '',
    `The rules of \`functions/shared/domain/proposals/\` on ${f.notes} real communications (\`test/fixtures/proposals/corpus.json\`), fields written by hand from each document's title and masthead; "stated" counts only the fields the note's text states. ${f.msPerNote.toFixed(2)} ms per note (rules only, ${f.rounds} rounds).`,
    '',
    '| field | correct / expected | accuracy | correct / stated | accuracy |',
    '|---|---:|---:|---:|---:|',
  ];
  for (const field of [...PROPOSED_FIELDS, 'all' as const]) {
    const s = f.fields[field];
    lines.push(`| ${field} | ${s.correct}/${s.expected} | ${pct(s.correct, s.expected)} | ${s.statedCorrect}/${s.stated} | ${pct(s.statedCorrect, s.stated)} |`);
  }
  lines.push('');
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(proposalsMarkdown(benchProposals()).join('\n'));
}
