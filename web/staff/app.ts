// First: zod must be configured before the schemas the modules below import are defined.
import './zod-config';
// Then the page's repeated blocks, which the modules below look up.
import './templates';
import { OPENED_FROM_DESK } from './submission-form';
import { desk } from './desk';
import { documentPanel } from './document';
import { RELATED_SUPPORTED, openRelated } from './related';
import { announce } from './status';
import { bindTokenField, currentToken } from './token';
import { versionForm } from './version-form';
import { byId } from '../dom';

/**
 * The staff page: two views on one page, chosen by the address's fragment — the desk (`#desk`, the
 * default: submissions by status, a submission's panel) and the new-submission form (`#new`).
 */

bindTokenField(byId<HTMLInputElement>('token'));

const panel = documentPanel({
  translate: versionForm('translation', announce),
  reissue: versionForm('reissue', announce),
  changed: (view) => list.update(view),
  closed: (view) => (list.rowButton(view.id) ?? byId('desk-title')).focus(),
  related: RELATED_SUPPORTED ? openRelated : undefined,
  announce,
});
const list = desk((view) => panel.open(view));

const VIEWS = {
  desk: { section: byId('view-desk'), heading: byId('desk-title'), nav: byId('nav-desk'), title: 'Submissions' },
  new: { section: byId('view-new'), heading: byId('new-title'), nav: byId('nav-new'), title: 'Register a note verbale or letter' },
};

let shown = false;
function showView() {
  const name = location.hash === '#new' ? 'new' : 'desk';
  for (const [key, view] of Object.entries(VIEWS)) {
    view.section.hidden = key !== name;
    if (key === name) view.nav.setAttribute('aria-current', 'page');
    else view.nav.removeAttribute('aria-current');
  }
  document.title = `${VIEWS[name].title} — Circulate (staff)`;
  // On a change of view, not on arrival: the page starts at its top, as any page does — unless
  // the desk opened the form (for a corrigendum, revision or addendum) and reloaded to show it.
  if (shown || (name === 'new' && OPENED_FROM_DESK)) VIEWS[name].heading.focus();
  shown = true;
  if (name === 'desk' && !list.loaded() && currentToken()) void list.load();
}
window.addEventListener('hashchange', showView);
showView();
