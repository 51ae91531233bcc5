import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { afterAll, describe, expect, it } from '@jest/globals';
import { api, startTestStack, submit, waitForFinalStatus, sfnClient } from './helpers';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

async function waitForStatus(stack: Stack, id: string, status: string) {
  for (let i = 0; i < 300; i++) {
    const { json } = await api(stack, `/submissions/${id}`);
    if ((json as { status: string }).status === status) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Submission ${id} never reached ${status}`);
}

describe('stopping the embedded stack in the middle of a workflow', () => {
  let stack: Stack | undefined;
  afterAll(async () => stack?.cleanup());

  it('loses nothing: on the next start the submission is driven on to PUBLISHED, once', async () => {
    // Publish never finishes: the process "dies" with the submission TAGGED and its execution RUNNING.
    const first = await startTestStack({ faults: { Publish: { hang: true } } });
    const id = await submit(first);
    await waitForStatus(first, id, 'TAGGED');
    const { dataDir, token } = first;
    const ports = {
      dynamodb: Number(new URL(first.endpoints.dynamodb).port),
      s3: Number(new URL(first.endpoints.s3).port),
      sfn: Number(new URL(first.endpoints.sfn).port),
    };
    await first.close();

    stack = await startTestStack({ dataDir, token, ports });
    const record = await waitForFinalStatus(stack, id);
    expect(record).toMatchObject({ status: 'PUBLISHED', symbol: 'A/HRC/47/G/1' });
    // Each status once in the history: the steps that had run were not run twice.
    const statuses = (record.history as { status: string }[]).map((h) => h.status);
    expect(statuses).toEqual(['AWAITING_UPLOAD', 'RECEIVED', 'SYMBOL_ASSIGNED', 'TAGGED', 'PUBLISHED']);
    expect((await fetch(`${stack.url}/A/HRC/47/G/1/`)).status).toBe(200);

    const sfn = sfnClient(stack);
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: stack.names.stateMachineArn }));
    expect(executions?.map((e) => [e.name, e.status])).toEqual([[id, 'SUCCEEDED']]);
  });
});
