import { resolve } from 'node:path';
import { startEmbeddedStack } from './stack';

/** `npm start`: the embedded stack on this machine, with its data under CIRCULATE_DATA. */
const dataDir = resolve(process.env.CIRCULATE_DATA ?? '.circulate');
const port = Number(process.env.CIRCULATE_PORT ?? 3000);

const stack = await startEmbeddedStack({ dataDir, port, ...(process.env.CIRCULATE_TOKEN ? { token: process.env.CIRCULATE_TOKEN } : {}) });

console.log(`Circulate is running (data in ${dataDir})

  site        ${stack.url}/
  API         ${stack.apiUrl}
  staff token ${stack.token}

Submit the example from another terminal:
  export CIRCULATE_API=${stack.apiUrl} CIRCULATE_TOKEN=${stack.token}
  npx circulate submit examples/A_HRC_47_G_10/metadata.json --wait

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
