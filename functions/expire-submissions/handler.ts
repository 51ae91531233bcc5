import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { z } from 'zod';
import { filesFromEnv, storeFromEnv } from '#shared/adapters/runtime';
import { DEFAULT_UPLOAD_EXPIRY_HOURS, UPLOAD_EXPIRY_ENV, expireSubmissions, type ExpireOutcome } from './expire-submissions';

const log = (entry: Record<string, unknown>) => console.log(JSON.stringify({ level: 'info', ...entry }));

const ExpiryHours = z.coerce.number().positive().default(DEFAULT_UPLOAD_EXPIRY_HOURS);

/** Run on a schedule (EventBridge in AWS, a timer in the embedded stack). */
export const handler = middy<ScheduledEvent, ExpireOutcome>().handler(async () => {
  // Read on each run, not at load, so that the embedded stack can set it for its tests.
  const hours = ExpiryHours.parse(process.env[UPLOAD_EXPIRY_ENV] || undefined);
  const outcome = await expireSubmissions({
    store: storeFromEnv(), files: filesFromEnv(), clock: () => new Date(), expiryMs: hours * 3_600_000, log,
  });
  log({ message: 'Expired submissions', hours, ...outcome });
  return outcome;
});
