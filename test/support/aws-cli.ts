import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

/** Debian's AWS CLI v2 (another `aws`, v1, may come first on PATH). scripts/test.sh installs it. */
export const AWS = '/usr/bin/aws';

/** Fails with the reason when the AWS CLI is not installed. */
export function requireAwsCli(): void {
  if (!existsSync(AWS)) throw new Error(`${AWS} is missing: install Debian's awscli (scripts/test.sh does)`);
}

/** The AWS CLI, as a person would run it against the embedded stack, with nothing from this machine's AWS set-up. */
export async function aws(endpoint: string, ...args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(AWS, ['--endpoint-url', endpoint, '--output', 'json', ...args], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_PAGER: '',
    },
    timeout: 30_000,
  });
  return stdout;
}
