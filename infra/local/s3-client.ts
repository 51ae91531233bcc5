import { S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './emulators';

/** An S3 client for s3rver (path style; checksums only when required, see docs/toolchain.md#s3rver-s3). */
export function createS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
