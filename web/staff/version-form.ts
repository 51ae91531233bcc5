import { LANGUAGES, isLanguage, type Language } from '#shared/domain/languages';
import type { TranslationTable } from '#shared/domain/schemas';
import { ReissueInput, TranslationInput } from '#shared/domain/translations';
import { ApiProblem, createReissue, createTranslation } from './api';
import { fillSelect } from './choices';
import { issuedLanguages, issuedParts, pendingLanguages, pendingParts } from './desk-groups';
import { contentTypeOf, sha256Of } from './file-rows';
import { follow } from './follow';
import { fromZod, issueView, readChecked, type Issue, type Target } from './issues';
import { uploadAll } from './upload';
import { byId } from '../dom';

/**
 * The two forms that add a language version to a published document, one page block each
 * (index.html: `#tr-…` and `#ri-…`). The translation form (POST /api/translations/{symbol+}): a
 * language not yet translated, the title in that language (typed in its direction), and a file per
 * part still pending in it. The reissue form (POST /api/reissues/{symbol+}): a language issued, why,
 * the title if it changes, and a file for each part it replaces (at least one). Checked with the
 * route's schema before it is sent; then uploaded and followed as a submission is.
 */

export interface VersionForm {
  show(symbol: string, versions: TranslationTable): void;
  hide(): void;
}

/** What the file inputs offer: the types Circulate takes (as the submission form's rows). */
const FILE_TYPES = '.pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain';

const partLabel = (part: string) => (part === 'cover' ? 'cover note' : part === 'annex' ? 'annex' : `annex ${part.slice('annex-'.length)}`);

type Kind = 'translation' | 'reissue';

/** What differs between the two forms. */
const KINDS = {
  translation: {
    prefix: 'tr', section: 'translate-section', form: 'translate', languages: pendingLanguages, parts: pendingParts,
    fileLabel: (part: string, lang: Language) => `The ${partLabel(part)} in ${LANGUAGES[lang].name}`,
  },
  reissue: {
    prefix: 'ri', section: 'reissue-section', form: 'reissue', languages: issuedLanguages, parts: issuedParts,
    fileLabel: (part: string, lang: Language) => `The ${partLabel(part)} in ${LANGUAGES[lang].name} that replaces the one issued (leave empty to keep it)`,
  },
} as const;

export function versionForm(kind: Kind, announce: (text: string) => void): VersionForm {
  const k = KINDS[kind];
  const id = (name: string) => `${k.prefix}-${name}`;
  const section = byId(k.section);
  const form = byId<HTMLFormElement>(k.form);
  const language = byId<HTMLSelectElement>(id('language'));
  const title = byId<HTMLInputElement>(id('title'));
  const reason = kind === 'reissue' ? byId<HTMLInputElement>(id('reason')) : undefined;
  const filesBox = byId(id('files'));
  const submit = byId<HTMLButtonElement>(id('submit'));
  let symbol = '';
  let versions: TranslationTable = {};
  let inputs: { part: string; input: HTMLInputElement; error: HTMLElement }[] = [];
  /** The rows the body's files came from, in order (a reissue sends only the parts given a file). */
  let declaredRows = inputs;
  let busy = false;

  function locate(path: string): Target | undefined {
    const file = /^files\[(\d+)\]/.exec(path);
    if (file) {
      const row = declaredRows[Number(file[1])];
      return row && { control: row.input, error: row.error, label: `File for the ${partLabel(row.part)}` };
    }
    if (path === 'files') return { control: inputs[0]?.input ?? language, error: byId(id('files-error')), label: kind === 'reissue' ? 'Files' : 'Translated files' };
    if (path === 'language') return { control: language, error: byId(id('language-error')), label: 'Language' };
    if (path === 'title') return { control: title, error: byId(id('title-error')), label: 'Title in this language' };
    if (path === 'reason' && reason) return { control: reason, error: byId(id('reason-error')), label: 'What was wrong' };
    return undefined;
  }
  const errors = issueView(byId(id('error-summary')), locate, section);

  function chosen(): Language | undefined {
    return isLanguage(language.value) ? language.value : undefined;
  }

  /** The title is typed in the language it is in (Arabic right to left); a file per part the version takes. */
  function languageChanged() {
    const lang = chosen();
    if (lang) {
      title.lang = lang;
      title.dir = LANGUAGES[lang].dir;
    } else {
      title.removeAttribute('lang');
      title.removeAttribute('dir');
    }
    const rows = (lang ? k.parts(versions, lang) : []).map((part) => {
      const fileId = id(`file-${part}`);
      const field = document.createElement('div');
      field.className = 'field';
      const label = document.createElement('label');
      label.htmlFor = fileId;
      label.textContent = k.fileLabel(part, lang!);
      const error = document.createElement('p');
      error.className = 'field-error';
      error.id = `${fileId}-error`;
      const input = document.createElement('input');
      Object.assign(input, { type: 'file', id: fileId, accept: FILE_TYPES });
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
    for (const e of [byId(id('upload')), byId(id('status'))]) e.hidden = true;
    form.hidden = false;
    for (const c of [language, title, submit, ...(reason ? [reason] : [])]) c.disabled = false;
    title.value = '';
    if (reason) reason.value = '';
  }

  /** The body as the route takes it: a translation needs a file for every part; a reissue, one at least, and its reason. */
  function parse(declared: readonly { name: string }[]) {
    const common = { language: language.value, files: declared };
    if (kind === 'translation') return TranslationInput.safeParse({ ...common, title: title.value });
    return ReissueInput.safeParse({ ...common, reason: reason?.value ?? '', ...(title.value.trim() ? { title: title.value } : {}) });
  }

  async function read(): Promise<{ body: ReturnType<typeof parse>; files: Map<string, File>; issues: Issue[] }> {
    const issues: Issue[] = [];
    const files = new Map<string, File>();
    const chosenRows = kind === 'reissue' ? inputs.filter((row) => row.input.files?.[0]) : inputs;
    declaredRows = chosenRows;
    if (kind === 'reissue' && chosenRows.length === 0 && chosen()) issues.push({ path: 'files', message: 'choose the file of at least one part' });
    const declared = await Promise.all(chosenRows.map(async (row, i) => {
      const file = row.input.files?.[0];
      if (!file) {
        issues.push({ path: `files[${i}].name`, message: 'choose a file' });
        return { name: '', part: row.part, contentType: '', size: 0, sha256: '' };
      }
      files.set(file.name, file);
      return { name: file.name, part: row.part, contentType: contentTypeOf(file), size: file.size, sha256: await sha256Of(file) };
    }));
    if (!chosen()) issues.push({ path: 'language', message: `choose the language of the ${kind === 'reissue' ? 'version' : 'translation'}` });
    const body = parse(declared);
    if (!body.success) {
      const withoutFile = new Set(declared.flatMap((d, i) => (d.name ? [] : [i])));
      issues.push(...fromZod(body.error.issues, () => undefined).filter((issue) => {
        const file = /^files\[(\d+)\]/.exec(issue.path);
        return issue.path !== 'language' && !(issue.path === 'files' && issues.some((i) => i.path === 'files')) && !(file && withoutFile.has(Number(file[1])));
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
      const body = filled.body.data;
      created = 'reason' in body ? await createReissue(symbol, body) : await createTranslation(symbol, body);
    } catch (e) {
      if (!(e instanceof ApiProblem)) throw e;
      // 400 names the field; 404 (not published) and 409 (already translated, on its way) are about the document.
      errors.show(e.details, e.message);
      return;
    }
    for (const c of [language, title, ...(reason ? [reason] : []), ...inputs.map((r) => r.input)]) c.disabled = true;
    submit.hidden = true;
    byId(id('status')).hidden = false;
    byId(id('status-id')).textContent = created.id;
    void follow(created.id, { steps: byId<HTMLOListElement>(id('status-steps')), result: byId(id('status-result')), linkId: id('published-link'), announce });
    await uploadAll(id('upload'), created.uploads, filled.files, announce);
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
      const languages = k.languages(table);
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
