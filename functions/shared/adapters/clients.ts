import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { ENV, optional } from './config';

/**
 * The AWS clients, created once per process from the environment. In AWS the endpoints are unset;
 * the embedded stack points them at its emulators — the code path is the same.
 */
const local = { region: process.env.AWS_REGION ?? 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } };

function endpointConfig(envName: string) {
  const endpoint = optional(envName);
  return endpoint ? { ...local, endpoint } : {};
}

export const dynamodb = DynamoDBDocumentClient.from(new DynamoDBClient(endpointConfig(ENV.dynamodbEndpoint)), {
  marshallOptions: { removeUndefinedValues: true },
});

const s3Endpoint = optional(ENV.s3Endpoint);
export const s3 = new S3Client(
  s3Endpoint
    ? {
        ...local,
        endpoint: s3Endpoint,
        forcePathStyle: true,
        // s3rver stores aws-chunked framing inside objects unless checksums are only sent when required.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      }
    : {},
);

export const sfn = new SFNClient(endpointConfig(ENV.sfnEndpoint));
