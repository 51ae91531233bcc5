/**
 * The environment every function reads, in one place. CDK sets these on each function; the
 * embedded stack sets them on its own process before loading the handlers.
 */
export const ENV = {
  table: 'CIRCULATE_TABLE',
  intakeBucket: 'CIRCULATE_INTAKE_BUCKET',
  siteBucket: 'CIRCULATE_SITE_BUCKET',
  stateMachineArn: 'CIRCULATE_STATE_MACHINE_ARN',
  /** Public base URL of the site (for links in API answers), e.g. https://docs.example.org */
  siteUrl: 'CIRCULATE_SITE_URL',
  /** Hours a submission may wait for its files before it is deleted (default 24). */
  uploadExpiryHours: 'CIRCULATE_UPLOAD_EXPIRY_HOURS',
  /** The largest file accepted, in bytes (default 100 MiB). */
  maxFileSize: 'CIRCULATE_MAX_FILE_SIZE',
  /** Where Typeset finds its font files (the Lambda bundle's fonts/); unset locally, where Debian's are used. */
  fontDir: 'CIRCULATE_FONT_DIR',
  /** Local only: the staff bearer token. In AWS, staff routes are behind a Cognito authorizer. */
  staffToken: 'CIRCULATE_TOKEN',
  /** Local only: endpoints of the emulators (unset in AWS). */
  dynamodbEndpoint: 'CIRCULATE_DYNAMODB_ENDPOINT',
  s3Endpoint: 'CIRCULATE_S3_ENDPOINT',
  sfnEndpoint: 'CIRCULATE_SFN_ENDPOINT',
  /** Local only: how many workflow executions the embedded stack runs at once (default 8); the others wait their turn. */
  maxRunningExecutions: 'CIRCULATE_MAX_RUNNING_EXECUTIONS',
} as const;

export function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

export function optional(name: string): string | undefined {
  return process.env[name] || undefined;
}
