import { LANGUAGES } from '#shared/domain/languages';
import { byId } from '../dom';
import { fetchSearchIndex, fetchShard, fetchTextShard } from './data';
import { exactSymbol, indexShard, indexTextShard, searchAll, type Hit, type SessionSearch, type TextMatch } from './search-engine';

/**
 * The search page (functions/publish/pages/search.ts): results as the reader types, the
 * query kept in the address (`/search/?q=…`), and a query that is exactly a published symbol
 * opening its document. The sessions' texts are loaded once a first query is typed (they are much
 * larger than the shards), and each session's results grow with its texts' matches as they arrive.
 * Everything is built with DOM calls and textContent: no submitted string, and no word of a
 * document's text, is ever parsed as markup.
 */

const SHOWN = 50;
const TYPING_PAUSE_MS = 150;
/** The page's own title ("Search — …"), which a query's title starts from. */
const PAGE_TITLE = document.title;

const form = byId<HTMLFormElement>('search-form');
const input = byId<HTMLInputElement>('q');
const status = byId('search-status');
const results = byId<HTMLOListElement>('search-results');
byId('search-no-script').hidden = true;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

/** Submitted text keeps its language (the page is English) and finds its own direction. */
function submitted<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, language: string, className: string) {
  const e = document.createElement(tag);
  Object.assign(e, { className, textContent: text, dir: 'auto' });
  if (language !== 'en') e.lang = language;
  return e;
}

/** "In the French version: … words around the <mark>match</mark> …", linking that version's page. */
function textMatch(match: TextMatch): HTMLParagraphElement {
  const words = submitted('span', '', match.language, 'snippet-text');
  words.dir = LANGUAGES[match.language].dir;
  words.append(...match.snippet.map((s) => (s.marked ? el('mark', { textContent: s.text }) : document.createTextNode(s.text))));
  return el('p', { className: 'result-snippet' },
    el('a', { href: match.url, hreflang: match.language, textContent: `In the ${LANGUAGES[match.language].name} version` }), ': ', words);
}

function resultItem(hit: Hit): HTMLLIElement {
  const link = el('a', { href: hit.url, className: 'result-symbol', textContent: hit.symbol });
  const date = el('time', { dateTime: hit.dated, textContent: hit.datedText });
  const session = el('a', { href: hit.session.url, textContent: hit.session.title });
  return el('li', { className: 'result' },
    el('p', {}, link),
    submitted('p', hit.title, hit.language, 'result-title'),
    el('p', { className: 'result-meta' },
      submitted('span', hit.sender, hit.language, 'result-sender'), ' · ', date),
    el('p', { className: 'result-session' }, session, `, agenda item ${hit.agendaItem}`),
    ...(hit.text ? [textMatch(hit.text)] : []));
}

function say(text: string) {
  status.textContent = text;
}

/** Text shards still on their way: results may grow. */
let textsPending = 0;

function show(sessions: readonly SessionSearch[], query: string) {
  const q = query.trim();
  document.title = q ? `“${q}” — ${PAGE_TITLE}` : PAGE_TITLE;
  if (!q) {
    results.replaceChildren();
    say('');
    return;
  }
  const { total, hits } = searchAll(sessions, q, SHOWN);
  results.replaceChildren(...hits.map(resultItem));
  const more = textsPending > 0 ? ' Searching the documents’ texts too…' : '';
  if (total === 0) say(textsPending > 0 ? `Searching the documents’ texts for “${q}”…` : `No document matches “${q}”. Check the symbol or the spelling, or try fewer words.`);
  else if (total > hits.length) say(`${total.toLocaleString('en')} documents match “${q}”; the best ${hits.length} are shown.${more}`);
  else say(`${total === 1 ? '1 document matches' : `${total.toLocaleString('en')} documents match`} “${q}”.${more}`);
}

let textsRequested = false;

/**
 * The sessions' texts, once: each session's text shard fetched and attached as it comes, the
 * current query shown again with it. One that cannot be loaded leaves its session searched by
 * its records alone.
 */
function loadTexts(sessions: readonly SessionSearch[]) {
  if (textsRequested) return;
  textsRequested = true;
  for (const s of sessions) {
    if (!s.textUrl) continue;
    textsPending++;
    fetchTextShard(s.textUrl).then((shard) => {
      s.text = indexTextShard(shard);
    }, (e: unknown) => {
      console.error(`search: the texts of ${s.title} could not be loaded`, e);
    }).finally(() => {
      textsPending--;
      if (input.value.trim() && !opening) show(sessions, input.value);
    });
  }
}

/** The address keeps the query, so a search can be shared, bookmarked and gone back to. */
function remember(query: string) {
  const url = new URL(location.href);
  if (query.trim()) url.searchParams.set('q', query.trim());
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
}

async function load(indexUrl: string): Promise<SessionSearch[]> {
  const index = await fetchSearchIndex(indexUrl);
  const shards = await Promise.all(index.shards.map((s) => fetchShard(s.url)));
  return shards.map(indexShard);
}

const initial = new URLSearchParams(location.search).get('q') ?? '';
input.value = initial;
if (initial.trim()) say('Searching…');
const indexUrl = form.dataset.searchIndex;
const ready = indexUrl ? load(indexUrl) : Promise.reject(new Error('The page does not say where the search data are'));

/** Set once the page is leaving for a document: nothing is shown over "Opening…". */
let opening = false;

/** A query that is exactly a published symbol opens its document instead of listing results. */
function openOrShow(sessions: readonly SessionSearch[], query: string) {
  const url = exactSymbol(sessions, query);
  if (url) {
    opening = true;
    say(`Opening ${query.trim()}…`);
    location.replace(url);
  } else {
    loadTexts(sessions);
    show(sessions, query);
    remember(query);
  }
}

ready.then((sessions) => {
  if (initial.trim()) openOrShow(sessions, initial);
}, (e: unknown) => {
  console.error('search: the search data could not be loaded', e);
  say('The search data could not be loaded. Try again later, or find the document from the home page’s list of sessions.');
});

let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    void ready.then((sessions) => {
      if (input.value.trim()) loadTexts(sessions);
      show(sessions, input.value);
      remember(input.value);
    }, () => undefined);
  }, TYPING_PAUSE_MS);
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(typing);
  void ready.then((sessions) => openOrShow(sessions, input.value), () => undefined);
});
