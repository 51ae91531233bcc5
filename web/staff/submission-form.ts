// First: zod must be configured before the schemas below are defined.
import './zod-config';
import type { z } from 'zod';
import { body as bodyOf } from '#shared/domain/registry';
import { SUBMISSION_LIMITS, SubmissionInput } from '#shared/domain/schemas';
import { ApiProblem, createSubmission } from './api';
import { KIND_CHOICES, LANGUAGE_CHOICES, agendaItemChoices, bodyChoices, fillSelect, seriesChoices, sessionGroups } from './choices';
import { contentTypeOf, fileRows, type RowDeclaration } from './file-rows';
import { coverProposals } from './proposals';
import { follow } from './follow';
import { fromZod, issueView, readChecked, type Issue, type Target } from './issues';
import { takeRelated, withRelatesTo } from './related';
import { announce } from './status';
import { currentToken } from './token';
import { uploadAll } from './upload';
import { byId } from '../dom';

/** The new-submission view: the form, checked as the API checks it, then the uploads and the live status. */

const form = byId<HTMLFormElement>('submission');
const submitButton = byId<HTMLButtonElement>('submit');
const select = (id: string) => byId<HTMLSelectElement>(id);

// --- Choices from the registry -------------------------------------------------------------------

const bodies = bodyChoices();
fillSelect(select('body'), bodies, bodies.length > 1 ? 'Choose the body' : undefined);
fillSelect(select('originalLanguage'), LANGUAGE_CHOICES);
select('originalLanguage').value = 'en';

const kindOptions = byId('kind-options');
kindOptions.replaceChildren(...KIND_CHOICES.map((k) => {
  const wrapper = document.createElement('div');
  wrapper.className = 'radio';
  const input = document.createElement('input');
  Object.assign(input, { type: 'radio', name: 'kind', id: `kind-${k.value}`, value: k.value });
  const label = document.createElement('label');
  label.htmlFor = input.id;
  label.textContent = k.text;
  wrapper.append(input, label);
  return wrapper;
}));

function bodyChanged() {
  const b = bodyOf(select('body').value);
  fillSelect(select('session'), b ? sessionGroups(b) : [], 'Choose the session');
  fillSelect(select('agendaItem'), b ? agendaItemChoices(b) : [], 'Choose the agenda item');
  // A series code may be '' (the general series), so the series select has no empty placeholder.
  fillSelect(select('series'), b ? seriesChoices(b) : []);
}
select('body').addEventListener('change', bodyChanged);
bodyChanged();

// --- The title's counter (the rule is SubmissionInput's: at most SUBMISSION_LIMITS.title characters once trimmed)

const TITLE_MAX = SUBMISSION_LIMITS.title;
byId('title-max').textContent = TITLE_MAX.toLocaleString('en');
const title = byId<HTMLTextAreaElement>('title');
const counter = byId('title-counter');
const counterLive = byId('title-counter-live');
let counterTimer: ReturnType<typeof setTimeout> | undefined;
function countTitle() {
  const left = TITLE_MAX - title.value.trim().length;
  const text = left >= 0
    ? `You have ${left.toLocaleString('en')} character${left === 1 ? '' : 's'} remaining`
    : `You have ${(-left).toLocaleString('en')} character${left === -1 ? '' : 's'} too many`;
  counter.textContent = text;
  counter.classList.toggle('over', left < 0);
  // Screen readers hear the count once typing pauses, not at every key.
  clearTimeout(counterTimer);
  counterTimer = setTimeout(() => { counterLive.textContent = text; }, 1000);
}
title.addEventListener('input', countTitle);
countTitle();
counterLive.textContent = '';

// --- Files ---------------------------------------------------------------------------------------

const addButton = byId<HTMLButtonElement>('add-file');
const proposals = coverProposals({ hasToken: () => Boolean(currentToken()), announce, filled: () => countTitle() });
const rows = fileRows(byId('file-rows'), byId<HTMLTemplateElement>('file-row-template'), addButton, () => select('originalLanguage').value,
  (file, part) => void proposals.chosen(file, part, file ? contentTypeOf(file) : ''));
rows.add();
addButton.addEventListener('click', () => rows.add().file.focus());
let originalLanguage = select('originalLanguage').value;
select('originalLanguage').addEventListener('change', () => {
  rows.originalLanguageChanged(originalLanguage, select('originalLanguage').value);
  originalLanguage = select('originalLanguage').value;
});

// --- Issues: where each path of the submission contract is shown ---------------------------------

const FIELDS = ['token', 'body', 'session', 'agendaItem', 'series', 'sender', 'addressee', 'dated', 'originalLanguage', 'title', 'allowDuplicate'];

function locate(path: string): Target | undefined {
  const file = /^files\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (file) return rows.locate(Number(file[1]), file[2]);
  if (path === 'files') return { control: rows.first() ?? addButton, error: byId('files-error'), label: 'Files' };
  if (path === 'kind') return { control: byId(`kind-${KIND_CHOICES[0]!.value}`), error: byId('kind-error'), label: 'Kind' };
  if (FIELDS.includes(path)) {
    const label = document.querySelector(`label[for="${path}"]`)?.textContent ?? path;
    return { control: byId(path), error: byId(`${path}-error`), label };
  }
  return undefined;
}
const errorView = issueView(byId('error-summary'), locate, document.body);

/** Plainer words for zod's generic messages; the rules themselves are SubmissionInput's. */
const REQUIRED: Record<string, string> = {
  body: 'choose the body', session: 'choose the session', agendaItem: 'choose the agenda item',
  series: 'choose the series', kind: 'choose note verbale or letter', dated: 'enter the date written on the note',
  originalLanguage: 'choose the original language',
};
function reword(issue: z.core.$ZodIssue, path: string): string | undefined {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) return REQUIRED[path] ?? 'is required';
  if (path.endsWith('.contentType')) return 'must be a PDF, a Word document (.docx) or a plain text file';
  return undefined;
}

// --- Reading and checking the form ---------------------------------------------------------------

function fieldValue(id: string): string {
  return byId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id).value;
}
const orUndefined = (v: string) => (v === '' ? undefined : v);
const numberOrUndefined = (v: string) => (v === '' ? undefined : Number(v));

interface ReadForm { files: RowDeclaration[]; result: ReturnType<typeof SubmissionInput.safeParse>; issues: Issue[] }

/** The submission as the API will receive it, checked by the API's own schema, with every issue found. */
async function readForm(): Promise<ReadForm> {
  const files = await rows.read();
  const body = {
    body: orUndefined(fieldValue('body')),
    session: numberOrUndefined(fieldValue('session')),
    agendaItem: numberOrUndefined(fieldValue('agendaItem')),
    series: fieldValue('series'),
    kind: form.querySelector<HTMLInputElement>('input[name=kind]:checked')?.value,
    sender: fieldValue('sender'),
    addressee: fieldValue('addressee'),
    dated: orUndefined(fieldValue('dated')),
    originalLanguage: orUndefined(fieldValue('originalLanguage')),
    title: fieldValue('title'),
    files: files.map((f) => f.declaration),
    // A 409 for a duplicate cover note names this field, so the error summary leads to the box.
    allowDuplicate: byId<HTMLInputElement>('allowDuplicate').checked,
  };
  const result = SubmissionInput.safeParse(withRelatesTo(body, relatesTo?.relatesTo));
  const issues: Issue[] = [];
  if (!currentToken()) issues.push({ path: 'token', message: 'enter the staff token' });
  // A row without a file fails its name, type, size and sha256 at once: say the one thing to do instead.
  const withoutFile = new Set(files.flatMap((f, i) => (f.file ? [] : [i])));
  for (const i of withoutFile) issues.push({ path: `files[${i}].name`, message: 'choose a file' });
  if (!result.success) {
    issues.push(...fromZod(result.error.issues, reword).filter((issue) => {
      const file = /^files\[(\d+)\]\.(name|contentType|size|sha256)$/.exec(issue.path);
      return !(file && withoutFile.has(Number(file[1])));
    }));
  }
  return { files, result, issues };
}

// --- Submitting ----------------------------------------------------------------------------------

let busy = false;
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (busy) return;
  busy = true;
  submitButton.disabled = true;
  submitButton.textContent = 'Checking…';
  void submit().finally(() => {
    busy = false;
    submitButton.disabled = false;
    submitButton.textContent = 'Submit for circulation';
  });
});

async function submit() {
  // Every failed check is among the issues (readForm), so a form read without issues parses.
  const read = await readChecked(errorView, readForm);
  if (!read?.result.success) return;
  submitButton.textContent = 'Submitting…';
  let created: Awaited<ReturnType<typeof createSubmission>>;
  try {
    created = await createSubmission(read.result.data);
  } catch (e) {
    if (!(e instanceof ApiProblem)) throw e;
    if (e.status === 401 || e.status === 403) errorView.show([{ path: 'token', message: e.message }]);
    else errorView.show(e.details, e.message);
    return;
  }
  lockForm();
  const files = new Map(read.files.flatMap((f) => (f.file ? [[f.declaration.name, f.file] as const] : [])));
  byId('status').hidden = false;
  byId('status-id').textContent = created.id;
  void follow(created.id, { steps: byId<HTMLOListElement>('status-steps'), result: byId('status-result'), announce });
  await uploadAll('upload', created.uploads, files, announce);
}

/** What was submitted stays on screen, but cannot be changed or sent twice. */
function lockForm() {
  for (const fieldset of Array.from(form.querySelectorAll<HTMLFieldSetElement>(':scope > fieldset'))) fieldset.disabled = true;
  submitButton.hidden = true;
}

// "Register another": a fresh page, not the one that was sent.
byId('start-again').addEventListener('click', (event) => {
  event.preventDefault();
  location.hash = 'new';
  location.reload();
});

// --- A related document (corrigendum, revision, addendum), opened from the desk -----------------

const relatesTo = takeRelated();
if (relatesTo) {
  const f = relatesTo.fields;
  select('body').value = f.body;
  bodyChanged();
  for (const [id, value] of [['session', String(f.session)], ['agendaItem', String(f.agendaItem)], ['series', f.series], ['sender', f.sender],
    ['addressee', f.addressee], ['originalLanguage', f.originalLanguage], ['title', f.title]] as const) {
    byId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id).value = value;
  }
  rows.originalLanguageChanged(originalLanguage, f.originalLanguage);
  originalLanguage = f.originalLanguage;
  byId<HTMLInputElement>(`kind-${f.kind}`).checked = true;
  proposals.keep(['session', 'agendaItem', 'sender', 'addressee', 'originalLanguage', 'title', 'kind']);
  countTitle();
  const notice = byId('relates-to');
  notice.textContent = relatesTo.notice;
  notice.hidden = false;
}

/** Whether the form was opened by the desk for a related document (app.ts then moves focus to it). */
export const OPENED_FROM_DESK = relatesTo !== undefined;
