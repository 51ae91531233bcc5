import type { DocumentRecord } from '#shared/domain/document';
import { body as bodyOf, sessionTitle, type BodyConfig } from '#shared/domain/registry';
import { rootRelative, searchShardPathOf, searchTextShardPathOf, sessionFilePath, sessionFolderOf } from '#shared/domain/site-paths';

/**
 * A session of the site, from its body's code: the body as the registry has it, the session's
 * name, its folder and files (by the rules of functions/shared/domain/site-paths.ts, which cannot
 * read the registry itself), and the check that a session's files are made from its documents only.
 */

export function requireBody(code: string): BodyConfig {
  const b = bodyOf(code);
  if (!b) throw new RangeError(`Unknown body ${code}`);
  return b;
}

/** `Human Rights Council — Forty-seventh session` */
export function sessionLabel(body: string, session: number): string {
  return `${requireBody(body).name.en ?? body} — ${sessionTitle(session)}`;
}

/** `HRC`, 47 → `A/HRC/47/`: the folder of the session's page, where its other files go too. */
export function sessionFolder(body: string, session: number): string {
  return sessionFolderOf(requireBody(body).symbolPrefix, session);
}

/** `HRC`, 47 → `/A/HRC/47/`: the link to the session's page. */
export const sessionHref = (body: string, session: number) => rootRelative(sessionFolder(body, session));
/** `HRC`, 47 → `A/HRC/47/index.html` */
export const sessionPagePath = (body: string, session: number) => sessionFilePath(sessionFolder(body, session), 'page');
/** `HRC`, 47 → `A/HRC/47/feed.xml` */
export const sessionFeedPath = (body: string, session: number) => sessionFilePath(sessionFolder(body, session), 'feed');
/** `HRC`, 47 → `A/HRC/47/documents.json` */
export const sessionCataloguePath = (body: string, session: number) => sessionFilePath(sessionFolder(body, session), 'catalogue');
/** `HRC`, 47 → `A/HRC/47/sitemap.xml` */
export const sessionSitemapPath = (body: string, session: number) => sessionFilePath(sessionFolder(body, session), 'sitemap');
/** `HRC`, 47 → `search/A/HRC/47.json` */
export const searchShardPath = (body: string, session: number) => searchShardPathOf(sessionFolder(body, session));
/** `HRC`, 47 → `search/A/HRC/47.text.json` */
export const searchTextShardPath = (body: string, session: number) => searchTextShardPathOf(sessionFolder(body, session));

/** Session files are made from one session's documents only. */
export function requireSession(body: string, session: number, documents: readonly DocumentRecord[]): void {
  const stray = documents.find((d) => d.body !== body || d.session !== session);
  if (stray) throw new RangeError(`${stray.symbol} is not a document of ${body} session ${session}`);
}
