import { fetchSearchIndex, fetchShard } from './data';
import { guessFromPath, type Guess } from './paths';
import { symbolKey } from '#shared/domain/search-options';
import { rootRelative, searchShardPathOf } from '#shared/domain/site-paths';

/**
 * The 404 page's suggestion (functions/publish/pages/not-found.ts): when the address looks
 * like a symbol, point to its session's documents at once; then, from the search data, say whether
 * that session has any, and offer the document itself when only the case of the address was wrong.
 */

const box = document.getElementById('not-found-suggestion');
const guess = guessFromPath(location.pathname);

function link(href: string, text: string): HTMLAnchorElement {
  return Object.assign(document.createElement('a'), { href, textContent: text });
}

function paragraph(...children: (Node | string)[]): HTMLParagraphElement {
  const p = document.createElement('p');
  p.append(...children);
  return p;
}

function suggest(...paragraphs: HTMLParagraphElement[]) {
  if (!box) return;
  box.replaceChildren(...paragraphs);
  box.hidden = paragraphs.length === 0;
}

/** `A/HRC/47` → `A/HRC/47/`: where the session's page and files are. */
const folderOf = (session: string) => `${session}/`;
const sessionSuggestion = (href: string) => paragraph('Look for it in the session’s documents: ', link(href, href), '.');

async function refine(g: Guess, indexUrl: string) {
  const index = await fetchSearchIndex(indexUrl);
  const wanted = rootRelative(searchShardPathOf(folderOf(g.session))).toLowerCase();
  const entry = index.shards.find((s) => s.url.toLowerCase() === wanted);
  if (!entry) {
    suggest(paragraph(`No document of session ${g.session} has been published on this site.`));
    return;
  }
  const shard = await fetchShard(entry.url);
  const match = g.symbol ? shard.documents?.find((d) => symbolKey(d.symbol) === symbolKey(g.symbol!)) : undefined;
  const here = decodeURIComponent(location.pathname);
  if (match) {
    suggest(paragraph('Did you mean ', link(match.url, match.symbol), '?'), sessionSuggestion(shard.url));
  } else if (g.symbol || here !== shard.url) {
    suggest(sessionSuggestion(shard.url));
  }
}

if (guess) {
  // At once, from the address alone; the search data may then correct or complete it.
  if (guess.symbol) suggest(sessionSuggestion(rootRelative(folderOf(guess.session))));
  const search = document.querySelector<HTMLInputElement>('form[role="search"] input[name="q"]');
  if (search && !search.value) search.value = guess.symbol ?? guess.session;
  const indexUrl = box?.dataset.searchIndex;
  if (indexUrl) refine(guess, indexUrl).catch(() => undefined);
}
