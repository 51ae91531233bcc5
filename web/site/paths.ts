import { LANGUAGE_CODES } from '#shared/domain/languages';

/**
 * What an address that has no page may have meant, for the 404 page: `/A/HRC/47/G/99/` is a
 * document of session `A/HRC/47`. Only the shape of the path is read (organ, bodies, then a
 * session or year), not the symbol grammar, which is too large to ship to every missing page;
 * the search data then tell whether the session and the document exist.
 */
export interface Guess {
  /** `A/HRC/47`: the session's folder, in capitals. */
  session: string;
  /** `A/HRC/47/G/99` as typed, when the address names more than the session. */
  symbol?: string;
}

const ORGAN = /^[a-z]{1,2}$/i;
const BODY = /^[a-z][a-z0-9.]*$/i;
const PERIOD = /^(\d{1,4}|e?s-\d{1,2})$/i;
const LANGUAGE_FOLDER = new RegExp(`^(${LANGUAGE_CODES.join('|')})$`, 'i');
const FILE = /\.(pdf|docx|txt|html?|json|xml)$/i;

export function guessFromPath(pathname: string): Guess | undefined {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const parts = path.split('/').map((p) => p.trim()).filter(Boolean);
  // A file or language version of a document: the document is what to look for.
  if (parts.length > 0 && FILE.test(parts.at(-1)!)) parts.pop();
  if (parts.length > 0 && LANGUAGE_FOLDER.test(parts.at(-1)!)) parts.pop();
  if (parts.length < 2 || !ORGAN.test(parts[0]!)) return undefined;
  const period = parts.findIndex((p, i) => i > 0 && PERIOD.test(p));
  if (period < 1 || !parts.slice(1, period).every((p) => BODY.test(p))) return undefined;
  const session = parts.slice(0, period + 1).join('/').toUpperCase();
  return period === parts.length - 1 ? { session } : { session, symbol: parts.join('/') };
}
