import { dateIn, periodsIn } from './masthead-wording/dates';

/**
 * Dates as UN documents print them in English: "18 June 2021", "21 June–9 July 2021". The rule
 * for every language is in masthead-wording/dates.ts; these are its English answers.
 */
export function formatDate(iso: string): string {
  return dateIn('en', iso);
}

/** One period: "21 June–9 July 2021", "15–23 June 2020", "28 December 2020–3 January 2021". */
export function formatPeriod(from: string, to: string): string {
  return formatPeriods([{ from, to }]);
}

/** Split periods share the year when they can: "24 February–13 March and 15–23 June 2020". */
export function formatPeriods(periods: readonly { from: string; to: string }[]): string {
  return periodsIn('en', periods).text;
}

/** Today's date in Geneva's calendar, as an ISO date (the masthead date is a Geneva date). */
export function isoDateIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
