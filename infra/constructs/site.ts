import { Annotations, Aws, Duration } from 'aws-cdk-lib';
import type { RestApi } from 'aws-cdk-lib/aws-apigateway';
import {
  AccessLevel,
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { HOME_PAGE_PATH, INDEX_PAGE } from '#shared/domain/site-paths';
import type { SiteAsset } from '../web-assets';

export interface SiteProps {
  readonly siteBucket: IBucket;
  readonly restApi: RestApi;
  /** The API's stage name as a plain string (see `apiOrigin`). */
  readonly apiStage: string;
  /** Where the staff page's presigned uploads go: the only other origin pages may connect to. */
  readonly intakeBucket: IBucket;
  /** Static objects deployed with the site (the staff page), built by infra/web-assets.ts. */
  readonly assets?: readonly SiteAsset[];
}

/**
 * The same policy the embedded stack sends (infra/local/gateway.ts): no inline script or style,
 * connections only to the site itself and, for the staff page's uploads, the intake bucket.
 */
function contentSecurityPolicy(intakeBucket: IBucket): string {
  return ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
    `connect-src 'self' https://${intakeBucket.bucketRegionalDomainName}`, "object-src 'none'", "base-uri 'self'",
    "frame-ancestors 'none'"].join('; ');
}

/** Documents live at `/A/HRC/47/G/10/`; their page is that folder's `index.html`. */
const DIRECTORY_INDEX = `
function handler(event) {
  var request = event.request;
  if (request.uri.endsWith('/')) request.uri += '${INDEX_PAGE}';
  return request;
}`;

/**
 * The REST API as an origin, built from the API id and the stage *name* only. `RestApiOrigin` reads
 * `restApi.url`, which refers to the Stage; the Stage depends on the Deployment, the Deployment on
 * the methods, the methods on the API functions — and those functions need the site URL, i.e. this
 * distribution. Naming the stage as a string leaves the distribution depending on the RestApi alone.
 * Same origin settings as RestApiOrigin: HTTPS only, TLS 1.2.
 */
function apiOrigin(restApi: RestApi, stage: string): HttpOrigin {
  return new HttpOrigin(`${restApi.restApiId}.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`, {
    originPath: `/${stage}`,
  });
}

/** CloudFront: the site bucket everywhere, the API under `/api/*` — one origin for readers and staff. */
export class Site extends Construct {
  readonly distribution: Distribution;
  /** `https://<distribution domain>`, no trailing slash. */
  readonly url: string;

  constructor(scope: Construct, id: string, props: SiteProps) {
    super(scope, id);

    const directoryIndex = new CloudFrontFunction(this, 'DirectoryIndex', {
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(DIRECTORY_INDEX),
      comment: 'Serve folder URLs (/A/HRC/47/G/10/) from their index.html',
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Circulate: published documents and the API',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultRootObject: HOME_PAGE_PATH,
      defaultBehavior: {
        // LIST lets S3 answer 404 (not 403) for a page that does not exist.
        origin: S3BucketOrigin.withOriginAccessControl(props.siteBucket, {
          originAccessLevels: [AccessLevel.READ, AccessLevel.LIST],
        }),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: new ResponseHeadersPolicy(this, 'SecurityHeaders', {
          comment: 'Circulate: CSP without inline script, HSTS, nosniff, no framing',
          securityHeadersBehavior: {
            contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.intakeBucket), override: true },
            contentTypeOptions: { override: true },
            frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
            referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
            strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
          },
        }),
        compress: true,
        functionAssociations: [{ function: directoryIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin(props.restApi, props.apiStage),
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          // With caching disabled, this policy forwards Authorization and query strings; Host must
          // not reach API Gateway, which routes on its own host name.
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });
    Annotations.of(this.distribution).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      'defaultRootObject is set and the viewer-request function maps every folder URL to an index.html: no request reaches the bucket listing',
    );
    this.url = `https://${this.distribution.distributionDomainName}`;

    if (props.assets?.length) {
      // Only the assets' own keys are replaced: published documents are never pruned.
      new BucketDeployment(this, 'Assets', {
        destinationBucket: props.siteBucket,
        sources: props.assets.map((a) => Source.data(a.key, typeof a.body === 'string' ? a.body : Buffer.from(a.body).toString('utf8'))),
        prune: false,
        distribution: this.distribution,
        distributionPaths: [...new Set(props.assets.map((a) => `/${a.key.split('/')[0]}/*`))],
      });
    }
  }
}
