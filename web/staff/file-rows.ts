import { CONTENT_TYPE_BY_EXTENSION, CONTENT_TYPES } from '#shared/domain/schemas';
import { LANGUAGE_CHOICES, MAX_FILES, PART_CHOICES, fillSelect } from './choices';
import type { Target } from './issues';

/**
 * The repeatable file rows: a file, its part, its language and whether it is reproduced as received.
 * Each row's size and sha256 are computed here, in the browser, as soon as the file is chosen.
 */
type RowField = 'file' | 'part' | 'language' | 'translate';

interface FileRow {
  el: HTMLFieldSetElement;
  legend: HTMLLegendElement;
  file: HTMLInputElement;
  part: HTMLSelectElement;
  language: HTMLSelectElement;
  asReceived: HTMLInputElement;
  facts: HTMLElement;
  remove: HTMLButtonElement;
  errors: Record<RowField | 'row', HTMLElement>;
}

/** What the form sends for one row (FileDeclaration), with the chosen file kept beside it. */
export interface RowDeclaration {
  file: File | undefined;
  declaration: { name: string; part: string; language: string; translate: boolean; contentType: string; size: number; sha256: string };
}

const BY_EXTENSION: Record<string, (typeof CONTENT_TYPES)[number]> = CONTENT_TYPE_BY_EXTENSION;

/** The browser's type when it is one Circulate takes, else by extension (browsers leave .docx untyped on some systems). */
export function contentTypeOf(file: File): string {
  if ((CONTENT_TYPES as readonly string[]).includes(file.type)) return file.type;
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? (file.type || 'application/octet-stream');
}

const hashes = new WeakMap<File, Promise<string>>();

export function sha256Of(file: File): Promise<string> {
  let hash = hashes.get(file);
  if (!hash) {
    if (!globalThis.crypto?.subtle) {
      return Promise.reject(new Error('This page must be opened over HTTPS (or on localhost) to compute the files’ checksums'));
    }
    hash = file.arrayBuffer()
      .then((bytes) => crypto.subtle.digest('SHA-256', bytes))
      .then((digest) => [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''));
    hashes.set(file, hash);
  }
  return hash;
}

export function formatSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  const units = ['kB', 'MB', 'GB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Told when a row's file is chosen (or cleared), with the row's part: the cover note's proposals start there. */
export type FileChosen = (file: File | undefined, part: string, index: number) => void;

export function fileRows(
  container: HTMLElement, template: HTMLTemplateElement, addButton: HTMLButtonElement, originalLanguage: () => string,
  chosen: FileChosen = () => undefined,
) {
  const rows: FileRow[] = [];
  let sequence = 0;

  function renumber() {
    rows.forEach((row, i) => {
      row.legend.textContent = `File ${i + 1}`;
      row.remove.textContent = `Remove file ${i + 1}`;
      row.remove.hidden = rows.length === 1;
    });
    addButton.disabled = rows.length >= MAX_FILES;
  }

  function nextPart(): string {
    const used = new Set(rows.map((r) => r.part.value));
    return PART_CHOICES.find((c) => !used.has(c.value))?.value ?? 'annex';
  }

  async function describe(row: FileRow) {
    const file = row.file.files?.[0];
    if (!file) {
      row.facts.textContent = '';
      return;
    }
    row.facts.textContent = `${formatSize(file.size)} · ${contentTypeOf(file)} · computing the checksum…`;
    try {
      const sha256 = await sha256Of(file);
      if (row.file.files?.[0] === file) row.facts.textContent = `${formatSize(file.size)} · ${contentTypeOf(file)} · SHA-256 ${sha256.slice(0, 16)}…`;
    } catch (e) {
      row.facts.textContent = e instanceof Error ? e.message : String(e);
    }
  }

  function add(): FileRow {
    const n = ++sequence;
    const el = template.content.firstElementChild!.cloneNode(true) as HTMLFieldSetElement;
    const q = <T extends HTMLElement>(selector: string) => el.querySelector<T>(selector)!;
    const row: FileRow = {
      el,
      legend: q('legend'),
      file: q('[data-control=file]'),
      part: q('[data-control=part]'),
      language: q('[data-control=language]'),
      asReceived: q('[data-control=translate]'),
      facts: q('[data-facts]'),
      remove: q('[data-remove]'),
      errors: { row: q('[data-error=row]'), file: q('[data-error=file]'), part: q('[data-error=part]'), language: q('[data-error=language]'), translate: q('[data-error=translate]') },
    };
    const id = `file-${n}`;
    const controls = { file: row.file, part: row.part, language: row.language, translate: row.asReceived };
    for (const [field, control] of Object.entries(controls)) {
      control.id = `${id}-${field}`;
      q(`[data-label=${field}]`).setAttribute('for', control.id);
      row.errors[field as RowField].id = `${id}-${field}-error`;
    }
    row.errors.row.id = `${id}-error`;
    row.facts.id = `${id}-facts`;
    const hint = q('[data-hint=translate]');
    hint.id = `${id}-translate-hint`;
    row.file.setAttribute('aria-describedby', `${id}-error ${id}-file-error ${row.facts.id}`);
    row.part.setAttribute('aria-describedby', `${id}-error ${id}-part-error`);
    row.language.setAttribute('aria-describedby', `${id}-error ${id}-language-error`);
    row.asReceived.setAttribute('aria-describedby', `${hint.id} ${id}-translate-error`);

    fillSelect(row.part, PART_CHOICES);
    fillSelect(row.language, LANGUAGE_CHOICES);
    row.part.value = nextPart();
    row.language.value = originalLanguage();
    // Annexes are usually reproduced as received; the cover note is translated.
    row.asReceived.checked = row.part.value !== 'cover';
    row.part.addEventListener('change', () => { row.asReceived.checked = row.part.value !== 'cover'; });
    row.file.addEventListener('change', () => {
      void describe(row);
      chosen(row.file.files?.[0], row.part.value, rows.indexOf(row));
    });
    row.remove.addEventListener('click', () => {
      rows.splice(rows.indexOf(row), 1);
      row.el.remove();
      renumber();
      addButton.focus();
    });

    rows.push(row);
    container.append(el);
    renumber();
    return row;
  }

  return {
    add,
    /** Rows still in the original language follow it when it changes. */
    originalLanguageChanged(previous: string, next: string) {
      for (const row of rows) if (row.language.value === previous) row.language.value = next;
    },
    /** The declarations in row order; a row without a file declares an empty name (reported as "choose a file"). */
    async read(): Promise<RowDeclaration[]> {
      return Promise.all(rows.map(async (row) => {
        const file = row.file.files?.[0];
        return {
          file,
          declaration: {
            name: file?.name ?? '',
            part: row.part.value,
            language: row.language.value,
            translate: !row.asReceived.checked,
            contentType: file ? contentTypeOf(file) : '',
            size: file?.size ?? 0,
            sha256: file ? await sha256Of(file) : '',
          },
        };
      }));
    },
    /** `files[i].<field>` → where to show it; `field` undefined for issues about the row as a whole. */
    locate(index: number, field: string | undefined): Target | undefined {
      const row = rows[index];
      if (!row) return undefined;
      const name = `File ${index + 1}`;
      switch (field) {
        case 'name': case 'size': case 'sha256': case 'contentType':
          return { control: row.file, error: row.errors.file, label: name };
        case 'part': return { control: row.part, error: row.errors.part, label: `${name}, part` };
        case 'language': return { control: row.language, error: row.errors.language, label: `${name}, language` };
        case 'translate': return { control: row.asReceived, error: row.errors.translate, label: `${name}, reproduce as received` };
        case undefined: return { control: row.part, error: row.errors.row, label: name };
        default: return undefined;
      }
    },
    first(): HTMLElement | undefined {
      return rows[0]?.part;
    },
  };
}
