import { body as bodyOf } from './registry';

/**
 * Where a document's number comes from: body + session + series (`A/HRC/47/G`). The series '' is
 * the general series (reports: `A/HRC/47/1`).
 */
export interface SeriesRef {
  body: string;
  session: number;
  series: string;
}

export function seriesPrefix(ref: SeriesRef): string {
  const b = bodyOf(ref.body);
  if (!b) throw new RangeError(`Unknown body ${ref.body}`);
  return [b.symbolPrefix, String(ref.session), ...(ref.series ? [ref.series] : [])].join('/');
}

export function symbolOf(ref: SeriesRef, number: number): string {
  return `${seriesPrefix(ref)}/${number}`;
}

/** The site path of a document: its symbol as folders (`A/HRC/47/G/10/`). */
export function documentPath(symbol: string): string {
  return `${symbol}/`;
}

/** A symbol as it may appear in a URL path: letters, digits, dots, hyphens and slashes, no empty part. */
const SYMBOL_SHAPE = /^[A-Z]+(\/[A-Za-z0-9.-]+)+\*?$/;

export function looksLikeSymbol(s: string): boolean {
  return SYMBOL_SHAPE.test(s);
}
