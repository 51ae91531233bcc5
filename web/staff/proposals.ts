import type { Proposals } from '#shared/api/responses';
import { ApiProblem, proposeFrom } from './api';
import { byId } from '../dom';

/**
 * The fields the cover note proposes (POST /api/proposals), on the new-submission form: when the
 * cover note is chosen, the empty fields are filled, each marked "Proposed" with the note's words it
 * came from, for staff to confirm or correct. A field staff have touched is never overwritten, and
 * a proposal staff change is no longer marked proposed. Text is set as text: the note's words are
 * never markup.
 */
type Fields = Proposals['fields'];
type FieldName = 'kind' | 'dated' | 'sender' | 'addressee' | 'session' | 'agendaItem' | 'originalLanguage' | 'title';
const FORM_FIELDS: readonly FieldName[] = ['kind', 'sender', 'addressee', 'dated', 'originalLanguage', 'session', 'agendaItem', 'title'];

const LABELS: Record<FieldName, string> = {
  kind: 'Kind', dated: 'Dated', sender: 'Sender', addressee: 'Addressee', session: 'Session', agendaItem: 'Agenda item',
  originalLanguage: 'Original language', title: 'Title',
};

export interface ProposalsOptions {
  /** The staff token is there to call the API. */
  hasToken: () => boolean;
  /** Said to screen readers. */
  announce: (text: string) => void;
  /** After fields were filled (the title's counter counts again). */
  filled: () => void;
}

const controlsOf = (name: FieldName): HTMLElement[] =>
  name === 'kind' ? Array.from(document.querySelectorAll<HTMLInputElement>('input[name=kind]')) : [byId(name)];

export function coverProposals(options: ProposalsOptions) {
  const status = byId('proposals-status');
  const touched = new Set<FieldName>();
  let request = 0;
  // While the page fills a field it fires the field's own event (the form's listeners follow it: the
  // files' language follows the original language), which is not staff touching it.
  let filling = false;

  for (const name of FORM_FIELDS) {
    for (const control of controlsOf(name)) {
      // Only people fire input and change events here: the page sets values without them.
      const mark = () => {
        if (filling) return;
        touched.add(name);
        const note = byId(`${name}-proposal`);
        if (!note.hidden) note.replaceChildren(tag('Changed'), ' You changed the proposal; the note said: ', quote(note.dataset.evidence ?? ''));
        note.classList.add('changed');
      };
      control.addEventListener('input', mark);
      control.addEventListener('change', mark);
    }
  }

  function show(text: string) {
    status.textContent = text;
    status.hidden = false;
  }

  function fill(name: FieldName, fields: Fields): boolean {
    const p = fields[name];
    if (!p || touched.has(name)) return false;
    const value = String(p.value);
    if (name === 'kind') {
      const radio = document.getElementById(`kind-${value}`) as HTMLInputElement | null;
      if (!radio) return false;
      radio.checked = true;
    } else {
      const control = byId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(name);
      if (control instanceof HTMLSelectElement && !Array.from(control.options).some((o) => o.value === value)) return false;
      control.value = value;
      filling = true;
      try {
        control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
      } finally {
        filling = false;
      }
    }
    const note = byId(`${name}-proposal`);
    note.dataset.evidence = p.evidence;
    note.classList.remove('changed');
    if (name === 'title') {
      // The title is not read from the note but built, in the UN's form, from the fields it names.
      note.replaceChildren(tag('Proposed'), ' in the UN’s form, from the kind, date, sender and addressee the note gives. Check it against them.');
    } else {
      note.replaceChildren(tag('Proposed'), ' from the cover note: ', quote(p.evidence), '. Check it, and correct it if the note says otherwise.');
    }
    note.hidden = false;
    return true;
  }

  return {
    /** Fields the page filled for staff (a related document's masthead): theirs, not to be proposed over. */
    keep(names: readonly string[]) {
      for (const name of names) if ((FORM_FIELDS as readonly string[]).includes(name)) touched.add(name as FieldName);
    },
    /** A row's file was chosen: the cover note in the first row is read for proposals. */
    async chosen(file: File | undefined, part: string, contentType: string) {
      if (part !== 'cover' || !file) return;
      if (!options.hasToken()) {
        show('Enter the staff token above to have the fields proposed from the cover note.');
        return;
      }
      const mine = ++request;
      show('Reading the cover note for the fields it gives…');
      let fields: Fields;
      try {
        ({ fields } = await proposeFrom(file, contentType));
      } catch (e) {
        if (mine !== request) return;
        const message = e instanceof ApiProblem ? e.message : 'the note could not be read';
        show(`No fields were proposed: ${message}`);
        options.announce(`No fields were proposed from the cover note: ${message}`);
        return;
      }
      if (mine !== request) return;
      const filled = FORM_FIELDS.filter((name) => fill(name, fields));
      options.filled();
      const annexes = fields.annexes ? ` The note mentions ${fields.annexes.value} annex${fields.annexes.value === 1 ? '' : 'es'}.` : '';
      const text = filled.length
        ? `Proposed from the cover note: ${filled.map((n) => LABELS[n]).join(', ')}. Each is marked “Proposed” with the words it came from: check them before you submit.${annexes}`
        : `The cover note proposed no field that is still empty.${annexes}`;
      show(text);
      options.announce(text);
    },
  };
}

function tag(text: string): HTMLElement {
  const strong = document.createElement('strong');
  strong.className = 'proposal-tag';
  strong.textContent = text;
  return strong;
}

function quote(evidence: string): HTMLElement {
  const q = document.createElement('q');
  q.className = 'proposal-evidence';
  q.textContent = evidence;
  return q;
}
