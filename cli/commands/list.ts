import { Option, type Command } from 'commander';
import { z } from 'zod';
import type { SubmissionView } from '#shared/api/responses';
import { BODY_CODES } from '#shared/domain/registry';
import { STATUSES, Status } from '#shared/domain/schemas';
import { apiFromEnv, type ListQuery } from '../api';
import { cut, table } from '../format';
import { positiveInteger } from '../options';
import { EXIT, err, out, printJson, run } from '../output';

/** `circulate list`: submissions, newest first, by status and session, a page at a time or all. */

/** The list route gives at most 100 a page. */
const PAGE_MAX = 100;

const ListOptions = z.object({
  status: Status.optional(),
  session: z.number().optional(),
  body: z.string().optional(),
  limit: z.number().int().positive(),
  cursor: z.string().optional(),
  all: z.boolean().default(false),
  json: z.boolean().default(false),
});
type ListOptions = z.infer<typeof ListOptions>;
/** The items as they came, for `--json` (the page itself is checked by the API client). */
const RawPage = z.object({ items: z.array(z.unknown()) });

const created = (at: string) => at.replace('T', ' ').slice(0, 16);

function listTable(items: readonly SubmissionView[]): string[] {
  const rows = items.map((s) => [
    s.id,
    s.status,
    s.symbol ?? '',
    `${s.submission.session}/${s.submission.agendaItem}`,
    s.submission.title,
    created(s.createdAt),
  ]);
  const header = ['ID', 'STATUS', 'SYMBOL', 'SESS/ITEM', 'TITLE', 'CREATED (UTC)'];
  // The title takes what the other columns leave of the terminal (60 characters when not on one).
  const others = header.map((h, i) => (i === 4 ? 0 : Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)) + 2));
  const room = process.stdout.isTTY ? (process.stdout.columns || 80) - others.reduce((a, b) => a + b, 0) - 1 : 60;
  const titleWidth = Math.max(20, room);
  return table(header, rows.map((r) => r.map((cell, i) => (i === 4 ? cut(cell, titleWidth) : cell))));
}

/** The same command again, to fetch what follows `cursor`. */
function nextCommand(o: ListOptions, cursor: string): string {
  const args = ['circulate list'];
  if (o.status) args.push(`--status ${o.status}`);
  if (o.session !== undefined) args.push(`--session ${o.session}`);
  if (o.body) args.push(`--body ${o.body}`);
  args.push(`--limit ${o.limit}`, `--cursor ${cursor}`);
  return args.join(' ');
}

async function list(o: ListOptions): Promise<number> {
  const api = apiFromEnv();
  const max = o.all ? Number.POSITIVE_INFINITY : o.limit;
  const items: SubmissionView[] = [];
  const raw: unknown[] = [];
  let cursor = o.cursor;
  do {
    const query: ListQuery = { status: o.status, body: o.body, session: o.session, limit: Math.min(PAGE_MAX, max - items.length), cursor };
    const page = await api.listSubmissions(query);
    items.push(...page.value.items);
    raw.push(...RawPage.parse(page.raw).items);
    cursor = page.value.cursor ?? undefined;
  } while (cursor && items.length < max);

  if (o.json) {
    printJson({ items: raw, cursor: cursor ?? null });
    return EXIT.ok;
  }
  if (items.length === 0) out('no submissions');
  else listTable(items).forEach((line) => out(line));
  if (cursor) err(`more may follow: ${nextCommand(o, cursor)}   (or --all)`);
  return EXIT.ok;
}

export function addListCommand(program: Command): void {
  program.command('list')
    .summary('list submissions, newest first, by status and session')
    .description('List submissions, newest first: id, status, symbol, session/agenda item, title, created. '
      + 'Shows --limit of them; when there are more, says how to get the next ones (--cursor), or use --all.')
    .addOption(new Option('--status <status>', 'only those with this status').choices(STATUSES))
    .option('--session <n>', 'only those of this session', positiveInteger)
    .addOption(new Option('--body <code>', 'the body whose submissions to list').choices(BODY_CODES).default(BODY_CODES[0]))
    .option('--limit <n>', 'show at most this many', positiveInteger, 50)
    .option('--cursor <cursor>', 'start where a previous list stopped (it prints the cursor)')
    .option('--all', 'show every one, following the pages to the end')
    .option('--json', 'print JSON: {items: [submission records], cursor: next page or null}')
    .addHelpText('after', `
Examples:
  $ circulate list
  $ circulate list --status PUBLISHED --session 47
  $ circulate list --status FAILED --all --json | jq -r '.items[].id'`)
    .action((options: unknown) => run(() => list(ListOptions.parse(options))));
}
