import { z } from 'zod';

/**
 * Faults the emulator guards (guard.ts) put on the wire, for tests only: DynamoDB throttling and
 * 500s, S3 500s and slow answers, as the services answer them, so that every client (handlers, API,
 * CLI) sees them and the real SDK retries run. Only the test stack's process
 * (test/support/stack-process.ts) passes them to `startEmbeddedStack`; `npm start` (main.ts) never
 * does, and no environment variable turns them on.
 *
 * A rule picks requests by one of: `first` (the first N), `every` (every n-th: the n-th, 2n-th, …),
 * `fraction` (that share, from a seeded generator, so a run is repeatable); `times` caps how many
 * it fires, `operations` narrows it (DynamoDB: the action, e.g. `UpdateItem`; S3: the method, `PUT`).
 */
const ruleShape = {
  first: z.number().int().positive().optional(),
  every: z.number().int().positive().optional(),
  fraction: z.number().gt(0).max(1).optional(),
  seed: z.number().int().optional(),
  times: z.number().int().positive().optional(),
  operations: z.array(z.string().min(1)).nonempty().optional(),
};
type RuleShape = { first?: number | undefined; every?: number | undefined; fraction?: number | undefined };
const oneMode = (rule: RuleShape) => [rule.first, rule.every, rule.fraction].filter((v) => v !== undefined).length === 1;
const ONE_MODE = { message: 'a fault rule takes exactly one of first, every or fraction' };

export const FaultRule = z.strictObject(ruleShape).refine(oneMode, ONE_MODE);
export type FaultRule = z.infer<typeof FaultRule>;

export const THROTTLING_ERRORS = ['ProvisionedThroughputExceededException', 'ThrottlingException'] as const;

export const DynamoDBFaults = z.strictObject({
  /** 400 with a throttling `__type` (default ProvisionedThroughputExceededException). */
  throttle: z.strictObject({ ...ruleShape, as: z.enum(THROTTLING_ERRORS).optional() }).refine(oneMode, ONE_MODE).optional(),
  /** 500 InternalServerError. */
  status500: FaultRule.optional(),
});
export const S3Faults = z.strictObject({
  /** 500 InternalError, S3's XML error. */
  status500: FaultRule.optional(),
  /** waits `ms` before the request goes on (to the emulator, or to its injected fault). */
  slow: z.strictObject({ ...ruleShape, ms: z.number().int().positive().max(60_000) }).refine(oneMode, ONE_MODE).optional(),
});
export const WireFaults = z.strictObject({ dynamodb: DynamoDBFaults.optional(), s3: S3Faults.optional() });
export type WireFaults = z.infer<typeof WireFaults>;

/** What the guard does with one request: wait, then answer this error instead of forwarding (or forward). */
export interface FaultDecision {
  delayMs: number;
  error?: { status: number; code: string; message: string };
}

/** How many requests each guard let through its checks, and how many of them each fault took. */
export interface WireFaultCounts {
  dynamodb: { requests: number; throttle: number; status500: number };
  s3: { requests: number; status500: number; slow: number };
}

export interface WireFaultPlan {
  dynamodb(operation: string): FaultDecision;
  s3(operation: string): FaultDecision;
  counts(): WireFaultCounts;
}

/** mulberry32: small, seeded, good enough to spread faults repeatably (and to make the bench's sessions the same every run). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Picker = (operation: string) => boolean;

/** A rule's choice, request by request; only requests it could take (its operations) count. */
function picker(rule: FaultRule | undefined, fired: () => void): Picker {
  if (!rule) return () => false;
  let seen = 0;
  let taken = 0;
  const next = rule.fraction === undefined ? undefined : random(rule.seed ?? 1);
  return (operation) => {
    if (rule.operations && !rule.operations.includes(operation)) return false;
    seen++;
    if (rule.times !== undefined && taken >= rule.times) return false;
    const pick = rule.first !== undefined ? seen <= rule.first : rule.every !== undefined ? seen % rule.every === 0 : next!() < rule.fraction!;
    if (pick) {
      taken++;
      fired();
    }
    return pick;
  };
}

export function wireFaultPlan(faults: WireFaults = {}): WireFaultPlan {
  const counts: WireFaultCounts = { dynamodb: { requests: 0, throttle: 0, status500: 0 }, s3: { requests: 0, status500: 0, slow: 0 } };
  const d = faults.dynamodb ?? {};
  const s = faults.s3 ?? {};
  const throttle = picker(d.throttle, () => counts.dynamodb.throttle++);
  const dynamo500 = picker(d.status500, () => counts.dynamodb.status500++);
  const s3500 = picker(s.status500, () => counts.s3.status500++);
  const slow = picker(s.slow, () => counts.s3.slow++);
  const throttledAs = d.throttle?.as ?? 'ProvisionedThroughputExceededException';
  return {
    dynamodb(operation) {
      counts.dynamodb.requests++;
      // One fault per request: a throttled request is not also a 500.
      if (throttle(operation)) return { delayMs: 0, error: { status: 400, code: throttledAs, message: throttledAs === 'ThrottlingException' ? 'Rate of requests exceeds the allowed throughput.' : 'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.' } };
      if (dynamo500(operation)) return { delayMs: 0, error: { status: 500, code: 'InternalServerError', message: 'Internal server error' } };
      return { delayMs: 0 };
    },
    s3(operation) {
      counts.s3.requests++;
      const delayMs = slow(operation) ? s.slow!.ms : 0;
      if (s3500(operation)) return { delayMs, error: { status: 500, code: 'InternalError', message: 'We encountered an internal error. Please try again.' } };
      return { delayMs };
    },
    counts: () => structuredClone(counts),
  };
}
