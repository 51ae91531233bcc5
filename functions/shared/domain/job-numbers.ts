import { LANGUAGE_CODES, LANGUAGES, type Language } from '#shared/domain/languages';
import type { DutyStationConfig } from '#shared/domain/registry';

/**
 * Job numbers (docs/domain.md#job-numbers): each language version of a document has its own, the six versions
 * consecutive, unique within a duty station and year. Internally a duty-station letter, two
 * digits of year and a five-digit sequence (`G2108237`); Geneva prints `GE.21-08237(E)`.
 */
export const VERSIONS_PER_DOCUMENT = LANGUAGE_CODES.length;
const MAX_SEQUENCE = 99_999;

export interface JobNumber {
  internal: string;
  printed: string;
}

/** The counter a duty station's job numbers are taken from in a given year. */
export function jobCounterName(station: DutyStationConfig, year: number): string {
  return `JOB#${station.letter}#${year}`;
}

export function formatJobNumber(station: DutyStationConfig, year: number, sequence: number, language: Language): JobNumber {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`Job number ${sequence} is outside 1–${MAX_SEQUENCE} for ${station.name} in ${year}`);
  }
  const yy = String(year % 100).padStart(2, '0');
  const seq = String(sequence).padStart(5, '0');
  const letter = LANGUAGES[language].letter;
  return {
    internal: `${station.letter}${yy}${seq}`,
    printed: station.printedPrefix ? `${station.printedPrefix}${yy}-${seq}(${letter})` : `${yy}-${seq}`,
  };
}

/** The six versions' numbers from the first one taken, in the UN's language order. */
export function jobNumbersFrom(station: DutyStationConfig, year: number, first: number): Record<Language, JobNumber> {
  return Object.fromEntries(LANGUAGE_CODES.map((language, i) => [language, formatJobNumber(station, year, first + i, language)])) as Record<Language, JobNumber>;
}

/**
 * A reissued version's job number: the same number, marked `*` before the language letter
 * (`GE.21-08238(F)` → `GE.21-08238*(F)`), as the footer of a reissued UN document prints it
 * (docs/domain.md#reissues). Marked once, however many times it is reissued.
 */
export function reissuedJobNumber(j: JobNumber): JobNumber {
  if (j.printed.includes('*')) return j;
  const letter = /\([A-Z]\)$/.exec(j.printed);
  return { internal: j.internal, printed: letter ? `${j.printed.slice(0, letter.index)}*${letter[0]}` : `${j.printed}*` };
}
