import middy from '@middy/core';
import type { S3Event } from 'aws-lambda';
import { ENV, required } from '#shared/adapters/config';
import { filesFromEnv, sfn, storeFromEnv } from '#shared/adapters/runtime';
import { receiveKey } from './receive';

const log = (entry: Record<string, unknown>) => console.log(JSON.stringify({ level: 'info', ...entry }));

export const handler = middy<S3Event, void>().handler(async (event) => {
  const deps = { store: storeFromEnv(), files: filesFromEnv(), sfn, stateMachineArn: required(ENV.stateMachineArn), log };
  for (const record of event.Records) {
    // S3 event keys are URL-encoded, with '+' for spaces.
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const outcome = await receiveKey(key, deps);
    log({ message: 'Received', key, outcome });
  }
});
