import type { Command } from 'commander';
import { z } from 'zod';
import { LANGUAGE_CODES } from '#shared/domain/languages';
import { BODY_CODES } from '#shared/domain/registry';
import { KINDS } from '#shared/domain/schemas';
import { UnexpectedAnswer, apiFromEnv } from '../api';
import { FIELD_FLAGS, RELATES_TO_FLAGS, draftFromFlags, type FileFlag, type FileOption, type SubmitFlags } from '../args';
import { follow } from '../follow';
import { completeSubmission, readMetadata, type LoadedSubmission } from '../metadata';
import { DEFAULT_TIMEOUT_S, seconds } from '../options';
import { EXIT, UsageError, err, out, run } from '../output';
import { confirmProposals, coverOf, fetchProposals, terminalAsk } from '../proposals';

/** `circulate submit`: check a submission as the API will, send it, upload its files, and maybe follow it. */

const FileFlags = z.array(z.object({ option: z.enum(['--cover', '--annex', '--file']), spec: z.string(), order: z.number() })).default([]);
const flag = z.string().optional();
const SubmitOptions = z.object({
  body: flag, session: flag, agendaItem: flag, series: flag, kind: flag, sender: flag, addressee: flag, dated: flag,
  originalLanguage: flag, title: flag,
  corrects: flag, revises: flag, addsTo: flag,
  cover: FileFlags, annex: FileFlags, file: FileFlags,
  allowDuplicate: z.boolean().default(false),
  propose: z.boolean().default(false),
  yes: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  wait: z.boolean().default(false),
  json: z.boolean().default(false),
  timeout: z.number().positive(),
});
type SubmitOptions = z.infer<typeof SubmitOptions>;

function submitFlags(o: SubmitOptions): SubmitFlags {
  const files: FileFlag[] = [...o.cover, ...o.annex, ...o.file].sort((a, b) => a.order - b.order)
    .map(({ option, spec }) => ({ option, spec }));
  const fields = Object.fromEntries(Object.keys(FIELD_FLAGS).flatMap((field) => {
    const value = o[field as keyof typeof FIELD_FLAGS];
    return value === undefined ? [] : [[field, value]];
  }));
  const relatesTo = Object.entries(RELATES_TO_FLAGS).flatMap(([kind, option]) => {
    const symbol = o[option.field];
    return symbol === undefined ? [] : [{ kind, symbol, flag: option.flag }];
  });
  return { ...fields, files, relatesTo, allowDuplicate: o.allowDuplicate };
}

/**
 * The submission from a metadata file, flags, or both (flags win), checked as the API will check it.
 * With --propose, the fields neither gives are proposed from the cover note and taken once confirmed.
 */
async function prepare(metadataFile: string | undefined, o: SubmitOptions): Promise<LoadedSubmission> {
  const base = metadataFile === undefined ? undefined : await readMetadata(metadataFile);
  const flags = submitFlags(o);
  if (!o.propose) return completeSubmission(draftFromFlags(flags, base));
  const draft = draftFromFlags(flags, base);
  const cover = coverOf(draft);
  if (!cover) throw new UsageError('--propose reads the cover note: give it with --cover (or in the metadata file)');
  const fields = await fetchProposals(apiFromEnv(), cover);
  const proposed = await confirmProposals(fields, draft.fields, { yes: o.yes, ask: terminalAsk() });
  return completeSubmission(draftFromFlags({ ...flags, proposed }, base));
}

async function submit(metadataFile: string | undefined, o: SubmitOptions): Promise<number> {
  const { body, files } = await prepare(metadataFile, o);
  if (o.dryRun) {
    out(JSON.stringify(body, null, 2));
    err(`dry run: the submission is valid (${files.length} file${files.length === 1 ? '' : 's'}); nothing was sent`);
    return EXIT.ok;
  }
  const api = apiFromEnv();
  const { value: created } = await api.createSubmission(body);

  for (const file of files) {
    const upload = created.uploads.find((u) => u.name === file.name);
    if (!upload) throw new UnexpectedAnswer(`the API gave no upload URL for ${file.name}`);
    await api.upload(upload, file.bytes);
    err(`uploaded ${file.name} (${file.size} bytes)`);
  }

  if (!o.wait) {
    out(o.json ? JSON.stringify({ id: created.id, uploaded: files.map((f) => f.name) }) : created.id);
    return EXIT.ok;
  }
  if (!o.json) out(created.id);
  return follow(api, created.id, o);
}

export function addSubmitCommand(program: Command): void {
  // Commander keeps each option's values apart; `order` keeps the files in the order they were typed.
  let order = 0;
  const collect = (option: FileOption) => (spec: string, previous: unknown) =>
    [...(Array.isArray(previous) ? previous : []), { option, spec, order: order++ }];

  program.command('submit')
    .summary('check a submission locally, send it and upload its files')
    .description('Check a submission locally (with the checks the API makes), send it, upload its files, and print '
      + 'the submission id. Give the submission as a metadata file, as flags, or both: a flag replaces the '
      + 'metadata file\'s field, and file flags replace its whole list of files. In the metadata file, each file '
      + 'entry has "path" (relative to the metadata file) instead of "size" and "sha256", which are computed '
      + 'from the file.')
    .argument('[metadata.json]', 'a metadata file (the submission body of the API, with file paths)')
    .option('--body <code>', `the body (${BODY_CODES.join(', ')})`)
    .option('--session <n>', 'the session number, e.g. 47')
    .option('--agenda-item <n>', 'the agenda item, e.g. 4')
    .option('--series <code>', 'the series, e.g. G')
    .option('--kind <kind>', `${KINDS.join(' or ')}`)
    .option('--sender <text>', 'who sent it: "Permanent Mission of … to the United Nations Office at Geneva"')
    .option('--addressee <text>', 'to whom: "Office of the United Nations High Commissioner for Human Rights"')
    .option('--dated <YYYY-MM-DD>', 'the date on the note')
    .option('--original-language <code>', `the language it was written in (${LANGUAGE_CODES.join(', ')})`)
    .option('--title <text>', 'the title: "Note verbale dated 8 June 2021 from …"')
    .option('--corrects <symbol>', 'a corrigendum of that published document (A/HRC/47/G/10 → A/HRC/47/G/10/Corr.N): it corrects the language versions its files are in')
    .option('--revises <symbol>', 'a revision of that published document (→ …/Rev.N), which replaces it')
    .option('--adds-to <symbol>', 'an addendum to that published document (→ …/Add.N)')
    .option('--cover <path[,attr…]>', 'the cover note (repeat for other languages: --cover note-fr.pdf,fr)', collect('--cover'))
    .option('--annex <path[,attr…]>', 'an annex (repeatable)', collect('--annex'))
    .option('--file <path,part[,attr…]>', 'any file, with its part: --file annex2.pdf,annex-2 (repeatable)', collect('--file'))
    .option('--propose', 'fill the fields not given from the cover note: its bytes are sent to the API (POST /api/proposals), and each field it proposes is shown with the note\'s words it came from, to confirm')
    .option('--yes', 'with --propose: take every proposal without asking (flags and the metadata file still win)')
    .option('--allow-duplicate', 'it is a different document whose cover note is the same file as one already accepted: do not refuse it as a duplicate')
    .option('--dry-run', 'check, then print the body that would be sent (with each file\'s size and sha256); submit nothing (with --propose, the cover note is still read by POST /api/proposals, which keeps nothing)')
    .option('--wait', 'then follow the submission as watch does, until it is PUBLISHED or FAILED')
    .option('--timeout <seconds>', 'with --wait: how long to wait before giving up (exit 3)', seconds, DEFAULT_TIMEOUT_S)
    .option('--json', 'print JSON: {id, uploaded} or, with --wait, the final submission record')
    .addHelpText('after', `
Files: the path, then attributes after commas:
  cover, annex, annex-N   the part (--cover and --annex give it; --file needs it)
  ${LANGUAGE_CODES.join(', ').padEnd(22)}  the file's language (default: --original-language)
  as-received             reproduced as received, in the language of submission only
                          (same as translate=no; translate=yes is the default)
  name=<name>             the name to declare (default: the file's own name)
  type=pdf|docx|txt       the content type (default: from the extension .pdf, .docx, .txt)
  The path ends at the first comma followed by an attribute: "Note, annex.pdf" is one path.
  Paths on the command line are relative to the current folder; in a metadata file, to it.

Examples:
  $ circulate submit examples/A_HRC_47_G_10/metadata.json --wait
  $ circulate submit --body HRC --session 47 --agenda-item 4 --series G --kind note-verbale \\
      --sender "Permanent Mission of Azerbaijan to the United Nations Office at Geneva" \\
      --addressee "Office of the United Nations High Commissioner for Human Rights" \\
      --dated 2021-06-08 --original-language en \\
      --title "Note verbale dated 8 June 2021 from the Permanent Mission of Azerbaijan to …" \\
      --cover note-verbale.pdf --annex annex.pdf,as-received --wait
  $ circulate submit examples/A_HRC_47_G_10/metadata.json --corrects A/HRC/47/G/10 \\
      --title "Note verbale dated 8 June 2021 … Corrigendum" --original-language fr --cover rectificatif.pdf,fr --wait
  $ circulate submit --body HRC --series G --cover note-verbale.pdf --annex annex.pdf,as-received --propose
      (kind, date, sender, addressee, session, agenda item, language and title proposed from the note)
  $ circulate submit session-47.json --sender "…" --dated 2021-06-08 --title "…" \\
      --cover note.docx --cover note-fr.pdf,fr --file map.pdf,annex-2,as-received --dry-run

A cover note already accepted (the same bytes) is refused (exit 2), naming that submission and its
symbol; if it is a different document, submit again with --allow-duplicate.

Exits 0 when sent (with --wait: when PUBLISHED), 1 FAILED, 2 invalid (nothing is sent) or refused,
3 timed out, 4 API unreachable; see circulate --help.`)
    .action((file: string | undefined, options: unknown) => run(() => submit(file, SubmitOptions.parse(options))));
}
