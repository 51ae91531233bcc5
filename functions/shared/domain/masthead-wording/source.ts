/**
 * Whether a wording was seen on an issued UN document. Rules and tables of masthead wording carry
 * it so that a guess is never mistaken for a fact: an unconfirmed wording is printed all the same,
 * as a default to correct where it is defined (docs/domain.md#masthead-wording-by-language).
 */
export type Source = { confirmed: true; seen: string } | { confirmed: false };

export const seen = (where: string): Source => ({ confirmed: true, seen: where });
export const UNCONFIRMED: Source = { confirmed: false };

/** A wording and whether it is confirmed. */
export interface Worded {
  text: string;
  confirmed: boolean;
}
