import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { aws, requireAwsCli } from '../support/aws-cli';
import { startTestStack, submit, waitForFinalStatus } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

describe('the AWS CLI against the embedded stack', () => {
  let stack: Stack;
  let id: string;

  beforeAll(async () => {
    requireAwsCli();
    stack = await startTestStack();
    id = await submit(stack);
    expect((await waitForFinalStatus(stack, id)).status).toBe('PUBLISHED');
  });
  afterAll(async () => stack?.cleanup());

  const executionArn = () => `arn:aws:states:us-east-1:000000000000:execution:circulate:${id}`;

  it('lists the published document in the site bucket', async () => {
    const listing = await aws(stack.endpoints.s3, 's3', 'ls', `s3://${stack.names.siteBucket}`, '--recursive');
    const keys = listing.trim().split('\n').map((line) => line.split(/\s+/).at(-1));
    expect(keys).toEqual(expect.arrayContaining(['A/HRC/47/G/1/index.html', 'A/HRC/47/G/1/cover.en.txt', 'A/HRC/47/G/1/annex.en.txt', 'A/HRC/47/index.html']));
  });

  it('lists the same keys page by page, following continuation tokens', async () => {
    // Two keys a page: every page but the last is truncated, and its token must come back readable.
    const whole = await aws(stack.endpoints.s3, 's3', 'ls', `s3://${stack.names.siteBucket}`, '--recursive');
    const paged = await aws(stack.endpoints.s3, 's3', 'ls', `s3://${stack.names.siteBucket}`, '--recursive', '--page-size', '2');
    const keysOf = (listing: string) => listing.trim().split('\n').map((line) => line.split(/\s+/).at(-1));
    expect(keysOf(paged).length).toBeGreaterThan(10);
    expect(keysOf(paged)).toEqual(keysOf(whole));
  });

  it('describes the submission’s execution as SUCCEEDED', async () => {
    const execution = JSON.parse(await aws(stack.endpoints.sfn, 'stepfunctions', 'describe-execution', '--execution-arn', executionArn())) as Record<string, unknown>;
    expect(execution).toMatchObject({
      executionArn: executionArn(), name: id, status: 'SUCCEEDED', stateMachineArn: stack.names.stateMachineArn,
    });
    expect(JSON.parse(String(execution.input))).toEqual({ submissionId: id });
  });

  it('lists the states the execution went through, in order', async () => {
    const { events } = JSON.parse(await aws(stack.endpoints.sfn, 'stepfunctions', 'get-execution-history', '--execution-arn', executionArn())) as {
      events: { type: string; stateEnteredEventDetails?: { name: string } }[];
    };
    expect(events.filter((e) => e.type.endsWith('StateEntered')).map((e) => e.stateEnteredEventDetails?.name))
      .toEqual(['Register', 'ExtractText', 'Route', 'AssignSymbol', 'TagTranslationStatus', 'Typeset', 'PublishRoute', 'Publish', 'RenderLists']);
    expect(events.at(0)?.type).toBe('ExecutionStarted');
    expect(events.at(-1)?.type).toBe('ExecutionSucceeded');
  });

  it('answers an execution that does not exist with the error AWS gives', async () => {
    const missing = `arn:aws:states:us-east-1:000000000000:execution:circulate:${'0'.repeat(26)}`;
    await expect(aws(stack.endpoints.sfn, 'stepfunctions', 'describe-execution', '--execution-arn', missing)).rejects.toThrow(/ExecutionDoesNotExist/);
  });
});
