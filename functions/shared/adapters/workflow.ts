import { StartExecutionCommand, type StartExecutionCommandOutput } from '@aws-sdk/client-sfn';

/**
 * Starting Circulate's workflow, which receive, resume-stalled and the redrive route all do: the
 * execution's input is only the submission's id (every step reads the rest from the table), and
 * its name is the id for the first run, a new name for a later one.
 */

/** The one Step Functions call that starts an execution (an SFNClient is one). */
export interface ExecutionStarter {
  send(command: StartExecutionCommand): Promise<StartExecutionCommandOutput>;
}

/** `arn:aws:states:r:a:stateMachine:m` + name → `arn:aws:states:r:a:execution:m:name` */
export function executionArn(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

/** Starts the workflow for a submission under `name` (its id unless told otherwise). */
export async function startExecution(sfn: ExecutionStarter, stateMachineArn: string, submissionId: string, name = submissionId): Promise<void> {
  await sfn.send(new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify({ submissionId }) }));
}
