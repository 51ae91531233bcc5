import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { lambdaWorkers, startLambdaPool, type LambdaPool } from '../../infra/local/lambda-pool';

/**
 * The embedded stack's Lambda sandboxes: real worker threads loading the real handlers. What
 * crosses the thread boundary must keep what the state machine matches: an error's name.
 */
describe('the Lambda worker pool', () => {
  let pool: LambdaPool;
  beforeAll(async () => { pool = await startLambdaPool(['mark-failed', 'register'], 2); }, 30_000);
  afterAll(async () => pool?.close());

  it('runs a handler in a worker and gives back its error with the name the state machine matches', async () => {
    const refused = pool.invoke('register', { submissionId: '' });
    await expect(refused).rejects.toMatchObject({ name: 'ZodError' });
    await expect(refused).rejects.toThrow(/submissionId/);
  });

  it('refuses a function it did not load', async () => {
    await expect(pool.invoke('publish', { submissionId: 'x' })).rejects.toThrow('No function publish in this worker');
  });

  it('answers every one of many invocations in flight at once', async () => {
    const answers = await Promise.allSettled(Array.from({ length: 20 }, () => pool.invoke('register', {})));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill('rejected'));
  });

  it('takes its size from CIRCULATE_LAMBDA_WORKERS, 0 meaning in process, and refuses nonsense', () => {
    const before = process.env.CIRCULATE_LAMBDA_WORKERS;
    try {
      process.env.CIRCULATE_LAMBDA_WORKERS = '0';
      expect(lambdaWorkers()).toBe(0);
      process.env.CIRCULATE_LAMBDA_WORKERS = '3';
      expect(lambdaWorkers()).toBe(3);
      process.env.CIRCULATE_LAMBDA_WORKERS = 'many';
      expect(() => lambdaWorkers()).toThrow('CIRCULATE_LAMBDA_WORKERS must be a whole number');
    } finally {
      if (before === undefined) delete process.env.CIRCULATE_LAMBDA_WORKERS;
      else process.env.CIRCULATE_LAMBDA_WORKERS = before;
    }
  });
});
