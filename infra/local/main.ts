import { resolve } from 'node:path';
import { startEmbeddedStack } from './stack';

/** `npm start`: the embedded stack on this machine, with its data under CIRCULATE_DATA. */
const dataDir = resolve(process.env.CIRCULATE_DATA ?? '.circulate');
const port = Number(process.env.CIRCULATE_PORT ?? 3000);

// The emulators sit on the next three ports, so the AWS CLI can be pointed at them the same way every time.
const stack = await startEmbeddedStack({
  dataDir, port, ports: { dynamodb: port + 1, s3: port + 2, sfn: port + 3 },
  ...(process.env.CIRCULATE_TOKEN ? { token: process.env.CIRCULATE_TOKEN } : {}),
});

console.log(`Circulate is running (data in ${dataDir})

  site        ${stack.url}/
  API         ${stack.apiUrl}
  staff page  ${stack.url}/staff/
  staff token ${stack.token}

Submit the example from another terminal (the CLI finds the token in ${dataDir}):
  npx circulate submit examples/A_HRC_47_G_10/metadata.json --wait
From elsewhere, set CIRCULATE_API=${stack.apiUrl} and CIRCULATE_TOKEN=${stack.token}

Emulators: DynamoDB ${stack.endpoints.dynamodb}  S3 ${stack.endpoints.s3}  Step Functions ${stack.endpoints.sfn}
Press Ctrl+C to stop; unfinished work resumes on the next start.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('\nStopping…');
    stack.close().then(() => process.exit(0), (e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  });
}
