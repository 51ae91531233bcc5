import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ENV } from '#shared/adapters/config';
import { VERIFIED_PREFIX } from '#shared/adapters/files';
import { ISSUED_PREFIX, TEXTS_PREFIX } from '#shared/adapters/texts';
import { INDEXES, TABLE_KEYS } from '#shared/adapters/table';
import type { CirculateFunction } from './circulate-function';

/** Uploads land under this prefix; it is also what triggers `receive`. */
export const INTAKE_PREFIX = 'submissions/';

/**
 * The buckets and the table. Each grant also gives the function the resource's name in its
 * environment, so a function knows exactly the resources it may touch.
 */
export class Storage extends Construct {
  /** Original files as received (presigned PUT from the staff page). */
  readonly intakeBucket: Bucket;
  /** The published site, served only through CloudFront. */
  readonly siteBucket: Bucket;
  readonly table: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    const privateBucket = {
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      removalPolicy: RemovalPolicy.RETAIN,
    } as const;

    this.intakeBucket = new Bucket(this, 'Intake', {
      ...privateBucket,
      // "Nothing accepted is lost": an overwritten or deleted original stays recoverable.
      versioned: true,
      cors: [
        {
          // Presigned PUTs from the staff page in a browser; the signature, not the origin, is the check.
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: ['*'],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    });

    this.siteBucket = new Bucket(this, 'Site', privateBucket);

    this.table = new Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of Object.values(INDEXES)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }

  grantTableRead(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.table, this.table.tableName);
    this.table.grantReadData(fn);
  }

  grantTableReadWrite(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.table, this.table.tableName);
    this.table.grantReadWriteData(fn);
  }

  grantIntakeRead(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.intakeBucket, this.intakeBucket.bucketName);
    this.intakeBucket.grantRead(fn);
  }

  /** receive: read the uploads, and write the copies of what it verified under `verified/`, nowhere else. */
  grantIntakeVerify(fn: CirculateFunction): void {
    this.grantIntakeRead(fn);
    this.intakeBucket.grantPut(fn, `${VERIFIED_PREFIX}*`);
  }

  /** Publish: read the verified copies only, never an upload a presigned URL may still change. */
  grantVerifiedRead(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.intakeBucket, this.intakeBucket.bucketName);
    this.intakeBucket.grantRead(fn, `${VERIFIED_PREFIX}*`);
  }

  /** PutObject under the intake prefix: enough to sign presigned upload URLs, nothing more. */
  grantIntakeUpload(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.intakeBucket, this.intakeBucket.bucketName);
    this.intakeBucket.grantPut(fn, `${INTAKE_PREFIX}*`);
  }

  /** Tags on uploads, verified copies and their texts (their translation status), nothing else of them. */
  grantIntakeTag(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.intakeBucket, this.intakeBucket.bucketName);
    fn.addToRolePolicy(new PolicyStatement({
      actions: ['s3:PutObjectTagging', 's3:PutObjectVersionTagging'],
      resources: [INTAKE_PREFIX, VERIFIED_PREFIX, TEXTS_PREFIX].map((prefix) => this.intakeBucket.arnForObjects(`${prefix}*`)),
    }));
  }

  /** ExtractText: write the texts of the verified copies under `texts/`. */
  grantTextsWrite(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.intakeBucket, this.intakeBucket.bucketName);
    this.intakeBucket.grantRead(fn, `${TEXTS_PREFIX}*`);
    this.intakeBucket.grantPut(fn, `${TEXTS_PREFIX}*`);
  }

  grantTextsRead(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.intakeBucket, this.intakeBucket.bucketName);
    this.intakeBucket.grantRead(fn, `${TEXTS_PREFIX}*`);
  }

  /** Typeset: write the PDFs it makes under `issued/` (and see whether it made one). */
  grantIssuedWrite(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.intakeBucket, this.intakeBucket.bucketName);
    this.intakeBucket.grantRead(fn, `${ISSUED_PREFIX}*`);
    this.intakeBucket.grantPut(fn, `${ISSUED_PREFIX}*`);
  }

  grantIssuedRead(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.intakeBucket, this.intakeBucket.bucketName);
    this.intakeBucket.grantRead(fn, `${ISSUED_PREFIX}*`);
  }

  /** Read the published site: the files and texts a language version's PDF and pages are made from. */
  grantSiteRead(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.siteBucket, this.siteBucket.bucketName);
    this.siteBucket.grantRead(fn);
  }

  /** Read, list and delete (every version) of uploads and verified copies: to expire submissions whose files never all arrived. */
  grantIntakeExpire(fn: CirculateFunction): void {
    this.grantIntakeRead(fn);
    this.intakeBucket.grantDelete(fn, `${INTAKE_PREFIX}*`);
    this.intakeBucket.grantDelete(fn, `${VERIFIED_PREFIX}*`);
  }

  /** Deletes on the site bucket: MarkFailed takes a failed publication's own files and pages off the site. */
  grantSiteUnpublish(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.siteBucket, this.siteBucket.bucketName);
    this.siteBucket.grantDelete(fn);
  }

  grantSitePublish(fn: CirculateFunction): void {
    fn.addEnvironment(ENV.siteBucket, this.siteBucket.bucketName);
    this.siteBucket.grantPut(fn);
  }
}
