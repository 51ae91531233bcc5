import { z } from 'zod';
import raw from './registry.json' with { type: 'json' };
import { LANGUAGE_CODES, type Language } from './languages';
import { formatPeriods } from './dates';
import { sessionLine } from './masthead-wording/session-lines';

/** The registry of organs, bodies, sessions, agenda items and series (registry.json), checked on load. */
const Text = z.string().min(1).optional();
/**
 * A name or title per language. `unconfirmed` lists the languages whose wording was not seen on an
 * issued document: printed all the same, as a default to correct here.
 */
const Localized = z.strictObject({
  ar: Text, zh: Text, en: Text, fr: Text, ru: Text, es: Text,
  unconfirmed: z.array(z.enum(LANGUAGE_CODES)).optional(),
}).refine((l) => (l.unconfirmed ?? []).every((lang) => l[lang] !== undefined), { message: 'an unconfirmed language must have a wording' });
const Period = z.object({ from: z.iso.date(), to: z.iso.date() });
const Body = z.object({
  organ: z.string(),
  symbolPrefix: z.string(),
  name: Localized,
  dutyStation: z.string(),
  timeZone: z.string(),
  sessions: z.object({
    first: z.number().int().positive(),
    last: z.number().int().positive(),
    listed: z.array(z.object({ number: z.number().int().positive(), periods: z.array(Period).min(1).optional() })),
  }),
  agendaItems: z.record(z.string().regex(/^\d+$/), Localized),
  series: z.record(z.string(), z.object({ name: z.string(), kinds: z.array(z.string()).min(1), start: z.number().int().positive() })),
});
const DutyStation = z.object({
  name: z.string(),
  /** The letter of internal job numbers (`G2108237`). */
  letter: z.string().regex(/^[A-Z]$/),
  /** What printed job numbers start with (`GE.` → `GE.21-08237(E)`); empty where the bare number is printed. */
  printedPrefix: z.string(),
  jobNumberStart: z.number().int().positive(),
});
const Registry = z.object({
  dutyStations: z.record(z.string(), DutyStation),
  organs: z.record(z.string(), z.object({ unitedNations: Localized, name: Localized })),
  bodies: z.record(z.string(), Body),
});

export type BodyConfig = z.infer<typeof Body>;
export type DutyStationConfig = z.infer<typeof DutyStation>;
export type LocalizedText = z.infer<typeof Localized>;

export const REGISTRY = Registry.parse(raw);
export const BODY_CODES = Object.keys(REGISTRY.bodies);

export function body(code: string): BodyConfig | undefined {
  return Object.hasOwn(REGISTRY.bodies, code) ? REGISTRY.bodies[code] : undefined;
}

export function organOf(b: BodyConfig) {
  const organ = REGISTRY.organs[b.organ];
  if (!organ) throw new Error(`Registry: organ ${b.organ} is not defined`);
  return organ;
}

export function sessionInRange(b: BodyConfig, session: number): boolean {
  return Number.isInteger(session) && session >= b.sessions.first && session <= b.sessions.last;
}

/** "21 June–9 July 2021", or undefined when the registry does not know the session's dates. */
export function sessionDates(b: BodyConfig, session: number): string | undefined {
  const periods = b.sessions.listed.find((s) => s.number === session)?.periods;
  return periods ? formatPeriods(periods) : undefined;
}

/** "Forty-seventh session": the English session line, for pages and lists in English. */
export function sessionTitle(session: number): string {
  return sessionLine('en', { number: session }).text;
}

/** Whether a name or title in a language was seen on an issued document (no `unconfirmed` mark). */
export function isConfirmed(text: LocalizedText, language: Language): boolean {
  return !(text.unconfirmed ?? []).includes(language);
}

export function agendaItemTitle(b: BodyConfig, item: number, language: Language = 'en'): string | undefined {
  return b.agendaItems[String(item)]?.[language];
}

export function hasAgendaItem(b: BodyConfig, item: number): boolean {
  return Object.hasOwn(b.agendaItems, String(item));
}

export function dutyStationOf(b: BodyConfig): DutyStationConfig {
  const station = REGISTRY.dutyStations[b.dutyStation];
  if (!station) throw new Error(`Registry: duty station ${b.dutyStation} is not defined`);
  return station;
}
