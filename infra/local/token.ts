import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The local staff token lives in the data folder, so it survives restarts and the CLI on the
 * same machine finds it without being told (CIRCULATE_TOKEN, when set, wins).
 */
export const TOKEN_FILE = 'staff-token';

export function readLocalToken(dataDir: string): string | undefined {
  try {
    return readFileSync(join(dataDir, TOKEN_FILE), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export function localToken(dataDir: string): string {
  const existing = readLocalToken(dataDir);
  if (existing) return existing;
  const token = randomBytes(18).toString('base64url');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, TOKEN_FILE), `${token}\n`, { mode: 0o600 });
  return token;
}
