import { REGISTRY, sessionInRange } from './registry';
import { seriesPrefix, type SeriesRef } from './symbols';

/**
 * A series as staff name it (`A/HRC/47/G`, `A/HRC/47` for the general series) → the body,
 * session and series it stands for, if Circulate issues numbers in it.
 */
export function seriesRefOf(name: string): SeriesRef | undefined {
  for (const [code, b] of Object.entries(REGISTRY.bodies)) {
    if (!name.startsWith(`${b.symbolPrefix}/`)) continue;
    const [session = '', ...rest] = name.slice(b.symbolPrefix.length + 1).split('/');
    if (!/^[1-9][0-9]*$/.test(session)) continue;
    const ref = { body: code, session: Number(session), series: rest.join('/') };
    if (sessionInRange(b, ref.session) && Object.hasOwn(b.series, ref.series) && seriesPrefix(ref) === name) return ref;
  }
  return undefined;
}

export function seriesExamples(): string {
  return Object.values(REGISTRY.bodies)
    .flatMap((b) => Object.keys(b.series).map((s) => [b.symbolPrefix, String(b.sessions.listed.at(-1)?.number ?? b.sessions.first), ...(s ? [s] : [])].join('/')))
    .join(', ');
}
