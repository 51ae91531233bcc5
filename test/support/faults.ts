import { z } from 'zod';
import { STEP_FUNCTIONS, type StepState } from '../../infra/functions';
import { DynamoDBFaults, S3Faults, type WireFaults } from '../../infra/local/wire-faults';

/**
 * Faults for an embedded stack, as data, so a test can hand them to a stack running in another
 * process. Per workflow step (by state name): the step throws an error of this name (the first
 * `times` calls, default every call), or never finishes (`hang`, the first `times` calls, default
 * every call); past its `times`, the step runs its real handler. Per service (`dynamodb`, `s3`):
 * what the emulator guards answer instead of the emulator (infra/local/wire-faults.ts).
 */
export const FaultSpec = z.union([
  z.strictObject({ reject: z.strictObject({ name: z.string(), message: z.string() }), times: z.number().int().positive().optional() }),
  z.strictObject({ hang: z.literal(true), times: z.number().int().positive().optional() }),
]);
export type FaultSpec = z.infer<typeof FaultSpec>;

const STATES = Object.keys(STEP_FUNCTIONS) as StepState[];
export const Faults = z.strictObject({
  ...Object.fromEntries(STATES.map((state) => [state, FaultSpec.optional()])) as Record<StepState, z.ZodOptional<typeof FaultSpec>>,
  dynamodb: DynamoDBFaults.optional(),
  s3: S3Faults.optional(),
});
export type Faults = z.infer<typeof Faults>;

type Fault = (run: () => Promise<unknown>) => Promise<unknown>;

export function faultFrom(spec: FaultSpec): Fault {
  let calls = 0;
  return (run) => {
    if (spec.times !== undefined && calls >= spec.times) return run();
    calls++;
    if ('hang' in spec) return new Promise<never>(() => undefined);
    return Promise.reject(Object.assign(new Error(spec.reject.message), { name: spec.reject.name }));
  };
}

/** The step faults, as the stack takes them, and the wire faults, for its guards. */
export function faultsFrom(faults: Faults = {}): { steps: Partial<Record<StepState, Fault>>; wire: WireFaults | undefined } {
  const { dynamodb, s3, ...steps } = faults;
  const wire = dynamodb || s3 ? { ...(dynamodb ? { dynamodb } : {}), ...(s3 ? { s3 } : {}) } : undefined;
  return {
    steps: Object.fromEntries(Object.entries(steps).filter(([, spec]) => spec).map(([state, spec]) => [state, faultFrom(spec)])),
    wire,
  };
}
