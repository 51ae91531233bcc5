import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { ENV, required } from '#shared/adapters/config';
import { filesFromEnv, sfn, storeFromEnv } from '#shared/adapters/runtime';
import { resumeStalled } from './resume-stalled';

const log = (entry: Record<string, unknown>) => console.log(JSON.stringify({ level: 'info', ...entry }));

/** Hourly in AWS: a submission untouched for an hour and not running is driven on. */
const STALLED_AFTER_MS = 60 * 60_000;

export const handler = middy<ScheduledEvent, Awaited<ReturnType<typeof resumeStalled>>>().handler(async () =>
  resumeStalled({
    store: storeFromEnv(), files: filesFromEnv(), sfn, stateMachineArn: required(ENV.stateMachineArn),
    clock: () => new Date(), stalledAfterMs: STALLED_AFTER_MS, log,
  }));
