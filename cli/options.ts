import { InvalidArgumentError } from 'commander';
import { z } from 'zod';

/** Option values that more than one command takes. */

export const DEFAULT_TIMEOUT_S = 300;

export function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a number of seconds, more than 0');
  return n;
}

export function positiveInteger(value: string): number {
  if (!/^[1-9][0-9]*$/.test(value)) throw new InvalidArgumentError('must be a whole number, 1 or more');
  return Number(value);
}

export const JsonOption = z.object({ json: z.boolean().default(false) });
