import { LANGUAGES, isLanguage, type Language } from '#shared/domain/languages';
import type { TranslationTable } from '#shared/domain/schemas';
import { TranslationInput } from '#shared/domain/translations';
import { ApiProblem, createTranslation } from './api';
import { fillSelect } from './choices';
import { pendingLanguages, pendingParts } from './desk-groups';
import { contentTypeOf, sha256Of } from './file-rows';
import { follow } from './follow';
import { fromZod, issueView, readChecked, type Issue, type Target } from './issues';
import { uploadAll } from './upload';
import { byId } from '../dom';

/**
 * The translation form of a published document (POST /api/translations/{symbol+}): a language not
 * yet translated, the title in that language (typed in its direction), and a file per part still
 * pending in it. Checked with TranslationInput before it is sent; then uploaded and followed as a
 * submission is.
 */

export interface TranslateForm {
  show(symbol: string, versions: TranslationTable): void;
  hide(): void;
}

/** What the file inputs offer: the types Circulate takes (as the submission form's rows). */
const FILE_TYPES = '.pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';

const partLabel = (part: string) => (part === 'cover' ? 'cover note' : part === 'annex' ? 'annex' : `annex ${part.slice('annex-'.length)}`);

export function translateForm(announce: (text: string) => void): TranslateForm {
  const section = byId('translate-section');
  const form = byId<HTMLFormElement>('translate');
  const language = byId<HTMLSelectElement>('tr-language');
  const title = byId<HTMLInputElement>('tr-title');
  const filesBox = byId('tr-files');
  const submit = byId<HTMLButtonElement>('tr-submit');
  let symbol = '';
  let versions: TranslationTable = {};
  let inputs: { part: string; input: HTMLInputElement; error: HTMLElement }[] = [];
  let busy = false;

  function locate(path: string): Target | undefined {
    const file = /^files\[(\d+)\]/.exec(path);
    if (file) {
      const row = inputs[Number(file[1])];
      return row && { control: row.input, error: row.error, label: `File for the ${partLabel(row.part)}` };
    }
    if (path === 'files') return { control: inputs[0]?.input ?? language, error: byId('tr-files-error'), label: 'Translated files' };
    if (path === 'language') return { control: language, error: byId('tr-language-error'), label: 'Language' };
    if (path === 'title') return { control: title, error: byId('tr-title-error'), label: 'Title in this language' };
    return undefined;
  }
  const errors = issueView(byId('tr-error-summary'), locate, section);

  function chosen(): Language | undefined {
    return isLanguage(language.value) ? language.value : undefined;
  }

  /** The title is typed in the language it is in (Arabic right to left); a file per part pending in it. */
  function languageChanged() {
    const lang = chosen();
    if (lang) {
      title.lang = lang;
      title.dir = LANGUAGES[lang].dir;
    } else {
      title.removeAttribute('lang');
      title.removeAttribute('dir');
    }
    const rows = (lang ? pendingParts(versions, lang) : []).map((part) => {
      const id = `tr-file-${part}`;
      const field = document.createElement('div');
      field.className = 'field';
      const label = document.createElement('label');
      label.htmlFor = id;
      label.textContent = `The ${partLabel(part)} in ${LANGUAGES[lang!].name}`;
      const error = document.createElement('p');
      error.className = 'field-error';
      error.id = `${id}-error`;
      const input = document.createElement('input');
      Object.assign(input, { type: 'file', id, accept: FILE_TYPES });
      input.setAttribute('aria-describedby', error.id);
      field.append(label, error, input);
      return { part, input, error, field };
    });
    inputs = rows;
    filesBox.replaceChildren(...rows.map((r) => r.field));
  }
  language.addEventListener('change', () => {
    errors.clear();
    languageChanged();
  });

  function reset() {
    errors.clear();
    for (const e of [byId('tr-upload'), byId('tr-status')]) e.hidden = true;
    form.hidden = false;
    for (const c of [language, title, submit]) c.disabled = false;
    title.value = '';
  }

  async function read(): Promise<{ body: ReturnType<typeof TranslationInput.safeParse>; files: Map<string, File>; issues: Issue[] }> {
    const issues: Issue[] = [];
    const files = new Map<string, File>();
    const declared = await Promise.all(inputs.map(async (row, i) => {
      const file = row.input.files?.[0];
      if (!file) {
        issues.push({ path: `files[${i}].name`, message: 'choose a file' });
        return { name: '', part: row.part, contentType: '', size: 0, sha256: '' };
      }
      files.set(file.name, file);
      return { name: file.name, part: row.part, contentType: contentTypeOf(file), size: file.size, sha256: await sha256Of(file) };
    }));
    if (!chosen()) issues.push({ path: 'language', message: 'choose the language of the translation' });
    const body = TranslationInput.safeParse({ language: language.value, title: title.value, files: declared });
    if (!body.success) {
      const withoutFile = new Set(declared.flatMap((d, i) => (d.name ? [] : [i])));
      issues.push(...fromZod(body.error.issues, () => undefined).filter((issue) => {
        const file = /^files\[(\d+)\]/.exec(issue.path);
        return issue.path !== 'language' && !(file && withoutFile.has(Number(file[1])));
      }));
    }
    return { body, files, issues };
  }

  async function send() {
    // Every failed check is among the issues (read), so a form read without issues parses.
    const filled = await readChecked(errors, read);
    if (!filled?.body.success) return;
    let created: Awaited<ReturnType<typeof createTranslation>>;
    try {
      created = await createTranslation(symbol, filled.body.data);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      // 400 names the field; 404 (not published) and 409 (already translated) are about the document.
      errors.show(e.details, e.message);
      return;
    }
    for (const c of [language, title, ...inputs.map((r) => r.input)]) c.disabled = true;
    submit.hidden = true;
    byId('tr-status').hidden = false;
    byId('tr-status-id').textContent = created.id;
    void follow(created.id, { steps: byId<HTMLOListElement>('tr-status-steps'), result: byId('tr-status-result'), linkId: 'tr-published-link', announce });
    await uploadAll('tr-upload', created.uploads, filled.files, announce);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    submit.disabled = true;
    void send().finally(() => {
      busy = false;
      submit.disabled = false;
    });
  });

  return {
    show(forSymbol, table) {
      const languages = pendingLanguages(table);
      section.hidden = !languages.length;
      if (!languages.length) return;
      if (forSymbol !== symbol) reset();
      symbol = forSymbol;
      versions = table;
      submit.hidden = false;
      fillSelect(language, languages.map((l) => ({ value: l, text: `${LANGUAGES[l].name} (${LANGUAGES[l].native})` })), 'Choose the language');
      languageChanged();
    },
    hide() {
      section.hidden = true;
    },
  };
}
