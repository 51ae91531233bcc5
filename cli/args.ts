import path from 'node:path';
import type { Issue } from '#shared/domain/issues';
import { LANGUAGE_CODES } from '#shared/domain/languages';
import { CONTENT_TYPE_BY_EXTENSION, CONTENT_TYPES, PART_PATTERN } from '#shared/domain/schemas';
import type { Draft, FileSource } from './metadata';

/**
 * `circulate submit`'s flags as a submission draft. Every field has a flag; files are given as
 * `--cover <spec>`, `--annex <spec>` or `--file <spec>`, where a spec is the file's path followed by
 * comma-separated attributes: `annex-fr.pdf,fr`, `annex.pdf,as-received`, `note.docx,part=cover,language=en`.
 */

/** The submission's fields that have a flag of the same name (`agendaItem` ← `--agenda-item`). */
export const FIELD_FLAGS = {
  body: '--body',
  session: '--session',
  agendaItem: '--agenda-item',
  series: '--series',
  kind: '--kind',
  sender: '--sender',
  addressee: '--addressee',
  dated: '--dated',
  originalLanguage: '--original-language',
  title: '--title',
} as const;
type Field = keyof typeof FIELD_FLAGS;

/** `--corrects`, `--revises`, `--adds-to` <symbol>: the submission's `relatesTo`, one at most. */
export const RELATES_TO_FLAGS = {
  Corr: { flag: '--corrects', field: 'corrects' },
  Rev: { flag: '--revises', field: 'revises' },
  Add: { flag: '--adds-to', field: 'addsTo' },
} as const;
const NUMBER_FIELDS: readonly Field[] = ['session', 'agendaItem'];

export type FileOption = '--cover' | '--annex' | '--file';
/** A file as given on the command line, in the order given. */
export interface FileFlag {
  option: FileOption;
  spec: string;
}

/** `allowDuplicate` is the one field given by a flag without a value (`--allow-duplicate`). */
export type SubmitFlags = Partial<Record<Field, string>> & {
  files?: readonly FileFlag[];
  allowDuplicate?: boolean;
  relatesTo?: readonly { kind: string; symbol: string; flag: string }[];
  /**
   * Fields proposed from the cover note (`--propose`) and accepted: each fills its field only where
   * neither a flag nor the metadata file gives it. Applied before the files, which take their
   * language from the original language.
   */
  proposed?: Readonly<Record<string, unknown>>;
};

/** By extension, when the spec has no `type=`. */
const TYPE_BY_NAME: Record<string, (typeof CONTENT_TYPES)[number]> = CONTENT_TYPE_BY_EXTENSION;
const TYPE_BY_EXTENSION: Record<string, (typeof CONTENT_TYPES)[number]> =
  Object.fromEntries(Object.entries(CONTENT_TYPE_BY_EXTENSION).map(([extension, type]) => [`.${extension}`, type]));

const isLanguage = (word: string) => LANGUAGE_CODES.some((code) => code === word);
const AS_RECEIVED = ['as-received', 'no-translate'];
const KEYS = ['part', 'language', 'lang', 'translate', 'name', 'type'] as const;
type Key = (typeof KEYS)[number];
const isKey = (word: string): word is Key => KEYS.some((key) => key === word);

export interface FileSpec {
  path: string;
  part?: string;
  language?: string;
  translate?: boolean;
  name?: string;
  contentType?: string;
  /** Attribute problems, each naming the declaration field it is about ('' for the spec as a whole). */
  problems: { field: string; message: string }[];
}

/** Looks like an attribute rather than more of a file name: `key=value`, or one word with no dot or slash. */
const looksLikeAttribute = (segment: string) => segment.includes('=') || /^[A-Za-z0-9-]+$/.test(segment);

/**
 * `annex.pdf,fr,as-received` → the path and its attributes. The path ends at the first comma followed by
 * something that looks like an attribute, so a comma inside a file name (`Note, annex.pdf`) still works.
 * Attributes: `cover`, `annex`, `annex-N` or `part=…`; a language code (`fr`) or `language=…`;
 * `as-received` (= `translate=no`) or `translate=yes|no`; `name=…` (as declared); `type=pdf|docx|txt|<MIME type>`.
 */
export function parseFileSpec(spec: string): FileSpec {
  const segments = spec.split(',');
  let end = 1;
  while (end < segments.length && !looksLikeAttribute(segments[end]!.trim())) end++;
  const result: FileSpec = { path: segments.slice(0, end).join(','), problems: [] };
  const set = <K extends 'part' | 'language' | 'translate' | 'name' | 'contentType'>(field: K, value: FileSpec[K], as: string) => {
    if (result[field] !== undefined) result.problems.push({ field, message: `given twice ("${as}")` });
    else result[field] = value;
  };
  if (!result.path.trim()) result.problems.push({ field: '', message: 'the file\'s path is missing' });

  for (const raw of segments.slice(end)) {
    const segment = raw.trim();
    const eq = segment.indexOf('=');
    if (eq < 0) {
      if (PART_PATTERN.test(segment)) set('part', segment, segment);
      else if (isLanguage(segment)) set('language', segment, segment);
      else if (AS_RECEIVED.includes(segment)) set('translate', false, segment);
      else if (segment) {
        result.problems.push({
          field: '',
          message: `"${segment}" is not an attribute: use cover, annex, annex-N, a language (${LANGUAGE_CODES.join(', ')}), as-received, or part=, language=, translate=, name=, type=`,
        });
      }
      continue;
    }
    const key = segment.slice(0, eq).trim();
    const value = segment.slice(eq + 1).trim();
    if (!isKey(key)) {
      result.problems.push({ field: '', message: `"${key}=" is not an attribute: use part=, language=, translate=, name= or type=` });
      continue;
    }
    switch (key) {
      case 'part': set('part', value, segment); break;
      case 'language': case 'lang': set('language', value, segment); break;
      case 'name': set('name', value, segment); break;
      case 'translate':
        if (/^(yes|true)$/i.test(value)) set('translate', true, segment);
        else if (/^(no|false)$/i.test(value)) set('translate', false, segment);
        else result.problems.push({ field: 'translate', message: `must be yes or no ("${segment}")` });
        break;
      case 'type': {
        const type = TYPE_BY_NAME[value.toLowerCase()] ?? value;
        set('contentType', type, segment);
        break;
      }
    }
  }
  return result;
}

const OPTION_PART: Record<FileOption, string | undefined> = { '--cover': 'cover', '--annex': 'annex', '--file': undefined };

/** A file flag as a declaration: part from the option unless the spec says, language the original's unless it says, name and type from the path. */
export function fileSource(flag: FileFlag, index: number, originalLanguage: unknown, cwd: string): { source: FileSource; issues: Issue[] } {
  const spec = parseFileSpec(flag.spec);
  const at = (field: string) => (field ? `files[${index}].${field}` : `files[${index}]`);
  const issues: Issue[] = spec.problems.map((p) => ({ path: at(p.field), message: p.message }));
  const declaration: Record<string, unknown> = {
    name: spec.name ?? path.basename(spec.path),
    part: spec.part ?? OPTION_PART[flag.option],
    language: spec.language ?? originalLanguage,
    ...(spec.translate === undefined ? {} : { translate: spec.translate }),
    contentType: spec.contentType ?? TYPE_BY_EXTENSION[path.extname(spec.path).toLowerCase()],
  };
  if (declaration.part === undefined) {
    issues.push({ path: at('part'), message: 'is required: add cover, annex or annex-N (or use --cover / --annex)' });
  }
  if (declaration.language === undefined && typeof originalLanguage !== 'string') {
    issues.push({ path: at('language'), message: 'is required: add a language (e.g. ",en"), or give --original-language' });
  }
  if (declaration.contentType === undefined) {
    const extension = path.extname(spec.path) || '(none)';
    issues.push({ path: at('contentType'), message: `cannot tell the type from the extension ${extension}: add type=pdf, type=docx or type=txt` });
  }
  return { source: { path: path.resolve(cwd, spec.path), declaration, given: `${flag.option} ${flag.spec}` }, issues };
}

/** Long values are cut in messages: the title is hundreds of characters. */
function shown(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

/**
 * The submission draft from the flags, over a metadata file's draft if there is one: each flag
 * replaces its field, and file flags, if any, replace the metadata file's whole list of files.
 * Numbers are checked here (`--session abc`); everything else is left to `SubmissionInput`.
 */
export function draftFromFlags(flags: SubmitFlags, base?: Draft, cwd = process.cwd()): Draft {
  const fields: Record<string, unknown> = { ...base?.fields };
  const given: Record<string, string> = { ...base?.given };
  const issues: Issue[] = [];
  for (const field of Object.keys(FIELD_FLAGS) as Field[]) {
    const value = flags[field];
    if (value === undefined) continue;
    given[field] = `${FIELD_FLAGS[field]} ${shown(value)}`;
    if (NUMBER_FIELDS.includes(field)) {
      if (/^\s*[0-9]+\s*$/.test(value)) fields[field] = Number(value);
      else {
        issues.push({ path: field, message: 'must be a whole number' });
        delete fields[field];
      }
    } else {
      fields[field] = value;
    }
  }

  for (const [field, value] of Object.entries(flags.proposed ?? {})) {
    if (fields[field] !== undefined) continue;
    fields[field] = value;
    given[field] = 'proposed from the cover note';
  }

  if (flags.allowDuplicate) {
    fields.allowDuplicate = true;
    given.allowDuplicate = '--allow-duplicate';
  }
  const [relatesTo, ...more] = flags.relatesTo ?? [];
  if (more.length > 0) {
    issues.push({ path: 'relatesTo', message: `give one of --corrects, --revises, --adds-to, not ${[relatesTo, ...more].map((r) => r?.flag).join(' and ')}` });
  } else if (relatesTo) {
    fields.relatesTo = { symbol: relatesTo.symbol, kind: relatesTo.kind };
    given.relatesTo = `${relatesTo.flag} ${relatesTo.symbol}`;
  }

  const fileFlags = flags.files ?? [];
  let files = base?.files;
  if (fileFlags.length > 0) {
    files = fileFlags.map((flag, i) => {
      const built = fileSource(flag, i, fields.originalLanguage, cwd);
      issues.push(...built.issues);
      return built.source;
    });
  }
  // A metadata file's problems are with its files (a size written in it): gone if the flags replace them.
  const baseIssues = (base?.issues ?? []).filter((issue) => fileFlags.length === 0 || !/^files(\[|\.|$)/.test(issue.path));

  return {
    source: base ? `${base.source} with the flags given` : '',
    fields,
    files,
    issues: [...baseIssues, ...issues],
    given,
    flags: { ...FIELD_FLAGS },
  };
}
