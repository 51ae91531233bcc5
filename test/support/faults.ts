import { z } from 'zod';
import { STEP_FUNCTIONS, type StepState } from '../../infra/functions';

/**
 * A fault put into one workflow step, as data, so a test can hand it to an embedded stack running in
 * another process: the step throws an error of this name (the first `times` calls, default every
 * call), or never finishes (`hang`); past its `times`, the step runs its real handler.
 */
export const FaultSpec = z.union([
  z.object({ reject: z.object({ name: z.string(), message: z.string() }), times: z.number().int().positive().optional() }),
  z.object({ hang: z.literal(true) }),
]);
export type FaultSpec = z.infer<typeof FaultSpec>;

const STATES = Object.keys(STEP_FUNCTIONS) as [StepState, ...StepState[]];
export const Faults = z.partialRecord(z.enum(STATES), FaultSpec);
export type Faults = z.infer<typeof Faults>;

type Fault = (run: () => Promise<unknown>) => Promise<unknown>;

export function faultFrom(spec: FaultSpec): Fault {
  if ('hang' in spec) return () => new Promise<never>(() => undefined);
  let calls = 0;
  return (run) => {
    if (spec.times !== undefined && calls >= spec.times) return run();
    calls++;
    return Promise.reject(Object.assign(new Error(spec.reject.message), { name: spec.reject.name }));
  };
}

export function faultsFrom(faults: Faults = {}): Partial<Record<StepState, Fault>> {
  return Object.fromEntries(Object.entries(faults).map(([state, spec]) => [state, faultFrom(spec)]));
}
