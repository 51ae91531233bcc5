/** Dates as UN documents print them in English: "18 June 2021", "21 June–9 July 2021". */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December'];

function parts(iso: string): { d: number; m: string; y: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) throw new RangeError(`Not an ISO date: ${iso}`);
  return { y: Number(match[1]), m: MONTHS[Number(match[2]) - 1]!, d: Number(match[3]) };
}

export function formatDate(iso: string): string {
  const { d, m, y } = parts(iso);
  return `${d} ${m} ${y}`;
}

/** One period: "21 June–9 July 2021", "15–23 June 2020", "28 December 2020–3 January 2021". */
export function formatPeriod(from: string, to: string): string {
  const a = parts(from);
  const b = parts(to);
  if (a.y !== b.y) return `${formatDate(from)}–${formatDate(to)}`;
  if (a.m !== b.m) return `${a.d} ${a.m}–${b.d} ${b.m} ${b.y}`;
  return `${a.d}–${b.d} ${b.m} ${b.y}`;
}

/** Split periods share the year when they can: "24 February–13 March and 15–23 June 2020". */
export function formatPeriods(periods: readonly { from: string; to: string }[]): string {
  const texts = periods.map((p) => formatPeriod(p.from, p.to));
  const years = new Set(periods.flatMap((p) => [p.from.slice(0, 4), p.to.slice(0, 4)]));
  if (years.size === 1 && texts.length > 1) {
    const year = ` ${[...years][0]}`;
    return texts.map((t, i) => (i < texts.length - 1 && t.endsWith(year) ? t.slice(0, -year.length) : t)).join(' and ');
  }
  return texts.join(' and ');
}

/** Today's date in Geneva's calendar, as an ISO date (the masthead date is a Geneva date). */
export function isoDateIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
