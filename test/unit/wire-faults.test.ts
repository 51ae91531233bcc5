import { describe, expect, it } from '@jest/globals';
import { WireFaults, wireFaultPlan } from '../../infra/local/wire-faults';

/** Which request gets which fault: the plan the emulator guards follow, request by request. */
const errorsOf = (decide: (op: string) => { error?: { code: string } }, ops: readonly string[]) => ops.map((op) => decide(op).error?.code ?? '-');
const times = (n: number, op = 'GetItem') => Array.from({ length: n }, () => op);

describe('the wire fault plan', () => {
  it('throttles every n-th DynamoDB request, at most `times` of them, as ProvisionedThroughputExceededException by default', () => {
    const plan = wireFaultPlan({ dynamodb: { throttle: { every: 3, times: 2 } } });
    const T = 'ProvisionedThroughputExceededException';
    expect(errorsOf(plan.dynamodb, times(10))).toEqual(['-', '-', T, '-', '-', T, '-', '-', '-', '-']);
    expect(plan.counts().dynamodb).toEqual({ requests: 10, throttle: 2, status500: 0 });
  });

  it('answers throttling with HTTP 400 and 500s with InternalServerError', () => {
    const plan = wireFaultPlan({ dynamodb: { throttle: { first: 1, as: 'ThrottlingException' }, status500: { first: 1 } } });
    expect(plan.dynamodb('PutItem').error).toMatchObject({ status: 400, code: 'ThrottlingException' });
    expect(plan.dynamodb('PutItem').error).toMatchObject({ status: 500, code: 'InternalServerError' });
    expect(plan.dynamodb('PutItem').error).toBeUndefined();
  });

  it('gives one request one fault: a throttled request is not also a 500, and the 500 rule counts only what throttling let through', () => {
    const plan = wireFaultPlan({ dynamodb: { throttle: { every: 2 }, status500: { every: 2 } } });
    const T = 'ProvisionedThroughputExceededException';
    expect(errorsOf(plan.dynamodb, times(8))).toEqual(['-', T, 'InternalServerError', T, '-', T, 'InternalServerError', T]);
    expect(plan.counts().dynamodb).toEqual({ requests: 8, throttle: 4, status500: 2 });
  });

  it('faults the first N requests, then none', () => {
    const plan = wireFaultPlan({ s3: { status500: { first: 2 } } });
    expect(errorsOf(plan.s3, times(4, 'GET'))).toEqual(['InternalError', 'InternalError', '-', '-']);
    expect(plan.s3('PUT').error).toBeUndefined();
  });

  it('counts only the operations a rule names', () => {
    const plan = wireFaultPlan({ dynamodb: { status500: { every: 2, operations: ['UpdateItem'] } } });
    const ops = ['GetItem', 'UpdateItem', 'GetItem', 'UpdateItem', 'Query', 'UpdateItem', 'UpdateItem'];
    expect(errorsOf(plan.dynamodb, ops)).toEqual(['-', '-', '-', 'InternalServerError', '-', '-', 'InternalServerError']);
  });

  it('slows S3 requests apart from failing them: a slow request may still answer 500', () => {
    const plan = wireFaultPlan({ s3: { slow: { every: 2, ms: 150 }, status500: { every: 4 } } });
    const decisions = times(8, 'PUT').map(() => plan.s3('PUT'));
    expect(decisions.map((d) => d.delayMs)).toEqual([0, 150, 0, 150, 0, 150, 0, 150]);
    expect(decisions.map((d) => d.error?.code ?? '-')).toEqual(['-', '-', '-', 'InternalError', '-', '-', '-', 'InternalError']);
    expect(plan.counts().s3).toEqual({ requests: 8, status500: 2, slow: 4 });
  });

  it('takes about the asked fraction, the same requests for the same seed, and other ones for another', () => {
    const pick = (seed: number) => {
      const plan = wireFaultPlan({ dynamodb: { status500: { fraction: 0.25, seed } } });
      return errorsOf(plan.dynamodb, times(2_000)).map((c) => c !== '-');
    };
    const first = pick(7);
    const share = first.filter(Boolean).length / first.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
    expect(pick(7)).toEqual(first);
    expect(pick(8)).not.toEqual(first);
  });

  it('faults nothing without rules, and only counts', () => {
    const plan = wireFaultPlan();
    expect(errorsOf(plan.dynamodb, times(5))).toEqual(['-', '-', '-', '-', '-']);
    expect(plan.s3('GET')).toEqual({ delayMs: 0 });
    expect(plan.counts()).toEqual({ dynamodb: { requests: 5, throttle: 0, status500: 0 }, s3: { requests: 1, status500: 0, slow: 0 } });
  });

  it('refuses a rule with no way, or two ways, of choosing requests, and unknown fields', () => {
    expect(WireFaults.safeParse({ dynamodb: { throttle: { times: 3 } } }).success).toBe(false);
    expect(WireFaults.safeParse({ s3: { status500: { every: 2, first: 1 } } }).success).toBe(false);
    expect(WireFaults.safeParse({ s3: { slow: { every: 2 } } }).success).toBe(false);
    expect(WireFaults.safeParse({ sqs: {} }).success).toBe(false);
    expect(WireFaults.safeParse({ dynamodb: { throttle: { fraction: 1.5 } } }).success).toBe(false);
    expect(WireFaults.parse({ dynamodb: { throttle: { every: 3, times: 20 } }, s3: { status500: { fraction: 0.1 }, slow: { every: 2, ms: 200 } } })).toBeTruthy();
  });
});
