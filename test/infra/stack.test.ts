import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { ENV } from '#shared/adapters/config';
import { INDEXES, TABLE_KEYS } from '#shared/adapters/table';
import { CirculateStack } from '../../infra/circulate-stack';
import { ALL_FUNCTIONS, BINARY_MEDIA_TYPES, RECEIVE_FUNCTION, ROUTES, SCHEDULED_FUNCTIONS, STEP_FUNCTIONS, functionArnPlaceholder, type StepState } from '../../infra/functions';
import { labelled } from '../support/expect';

/** CloudFormation JSON, walked dynamically (its shape is CloudFormation's, asserted value by value below). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the template is untyped JSON; each test asserts the values it reads
type Json = Record<string, any>;

const LAMBDA_SERVICE_ERRORS = ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException'];
// AWS managed CloudFront policies.
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

let template: Template;
let resources: Record<string, Json>;

beforeAll(() => {
  // Template validation (seconds of WebAssembly) runs in `cdk synth`; these tests look at the template.
  const validation = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  // The feature flags of cdk.json, so the tests see what `cdk synth` produces; no bundling (fast).
  const { context } = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Json };
  const app = new App({ context: { ...context, 'aws:cdk:bundling-stacks': [] } });
  // fromStack also refuses a template with a dependency cycle (the one to fear here: API functions
  // need the site URL, so the distribution's API origin must not depend on the API's stage).
  const webAssets = [{ key: 'staff/index.html', body: '<!doctype html><title>Staff</title>', contentType: 'text/html' }];
  template = Template.fromStack(new CirculateStack(app, 'Test', { webAssets }));
  resources = template.toJSON().Resources as Record<string, Json>;
  if (validation === undefined) delete process.env.CDK_VALIDATION;
  else process.env.CDK_VALIDATION = validation;
});

function ofType(type: string): [string, Json][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

/** The logical id of the Lambda for a function name (its description is `Circulate <name>`). */
function functionId(name: string): string {
  const found = ofType('AWS::Lambda::Function').filter(([, r]) => r.Properties.Description === `Circulate ${name}`);
  labelled(`one function for ${name}`, () => expect(found).toHaveLength(1));
  return found[0]![0];
}

function environmentOf(name: string): Json {
  return resources[functionId(name)]!.Properties.Environment?.Variables ?? {};
}

/** Every IAM action granted to a function's role, as `action` strings (resources ignored). */
function actionsOf(name: string): string[] {
  const role = resources[functionId(name)]!.Properties.Role['Fn::GetAtt'][0] as string;
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: Json) => r.Ref === role))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[])
    .flatMap((s) => [s.Action].flat() as string[]);
}

/** The S3 object resources a function may use with an action matching `action`, as `<bucket logical id>/<pattern>`. */
function objectGrantsOf(name: string, action: RegExp): string[] {
  const role = resources[functionId(name)]!.Properties.Role['Fn::GetAtt'][0] as string;
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: Json) => r.Ref === role))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[])
    .filter((st) => ([st.Action].flat() as string[]).some((a) => action.test(a)))
    .flatMap((st) => [st.Resource].flat() as Json[])
    .flatMap((r) => (r['Fn::Join'] ? [`${referencedIds(r)[0]}${(r['Fn::Join'][1] as unknown[]).filter((x) => typeof x === 'string').join('')}`] : []))
    .sort();
}

/** `{"Fn::GetAtt": [id, "Arn"]}` or a Fn::Join containing it → id. */
function referencedIds(value: unknown): string[] {
  return [...JSON.stringify(value).matchAll(/"(?:Fn::GetAtt|Ref)":\s*\[?"([A-Za-z0-9]+)"/g)].map((m) => m[1]!);
}

/** API Gateway resource id → its full path, e.g. `/api/submissions/{id}`. */
function resourcePaths(): Map<string, string> {
  const paths = new Map<string, string>();
  const pathOf = (id: string): string => {
    const known = paths.get(id);
    if (known) return known;
    const { ParentId, PathPart } = resources[id]!.Properties as Json;
    const parent = ParentId['Fn::GetAtt'] ? '' : pathOf(ParentId.Ref as string);
    paths.set(id, `${parent}/${PathPart as string}`);
    return paths.get(id)!;
  };
  for (const [id] of ofType('AWS::ApiGateway::Resource')) pathOf(id);
  return paths;
}

describe('the state machine', () => {
  let definition: Json;
  let substitutions: Json;

  beforeAll(() => {
    const [[, machine]] = ofType('AWS::StepFunctions::StateMachine') as [[string, Json]];
    definition = JSON.parse(machine.Properties.DefinitionString as string) as Json;
    substitutions = machine.Properties.DefinitionSubstitutions as Json;
  });

  it('is one Standard state machine with X-Ray tracing and logging', () => {
    template.resourceCountIs('AWS::StepFunctions::StateMachine', 1);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ALL', Destinations: Match.anyValue() }),
    });
  });

  it('runs Register → ExtractText → AssignSymbol → TagTranslationStatus → Typeset → Publish → RenderLists and ends', () => {
    const order: string[] = [];
    for (let state: string | undefined = definition.StartAt; state; state = definition.States[state].Next ?? definition.States[state].Default) {
      order.push(state);
      if (definition.States[state].End) break;
    }
    expect(order).toEqual(['Register', 'ExtractText', 'Route', 'AssignSymbol', 'TagTranslationStatus', 'Typeset', 'PublishRoute', 'Publish', 'RenderLists']);
  });

  it('retries every step on Lambda service errors and sends any other failure to MarkFailed', () => {
    for (const state of ['Register', 'ExtractText', 'AssignSymbol', 'TagTranslationStatus', 'Typeset', 'Publish', 'RenderLists']) {
      const { Retry, Catch } = definition.States[state] as { Retry: Json[]; Catch: Json[] };
      const retried = Retry.flatMap((r) => r.ErrorEquals as string[]);
      labelled(state, () => expect(retried).toEqual(expect.arrayContaining(LAMBDA_SERVICE_ERRORS)));
      labelled(state, () => expect(Catch).toContainEqual(expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'MarkFailed' })));
    }
    expect(definition.States.MarkFailed.Next).toBe('Failed');
    expect(definition.States.Failed.Type).toBe('Fail');
  });

  it('invokes, for each state, the function of that name, and leaves no placeholder unsubstituted', () => {
    const placeholders = [...(JSON.stringify(definition).matchAll(/\$\{(\w+)\}/g))].map((m) => m[1]);
    expect(new Set(placeholders)).toEqual(new Set(Object.keys(substitutions)));
    for (const [state, name] of Object.entries(STEP_FUNCTIONS)) {
      const arn = substitutions[functionArnPlaceholder(state as StepState)];
      labelled(state, () => expect(arn).toEqual({ 'Fn::GetAtt': [functionId(name), 'Arn'] }));
    }
  });

  it('may invoke the step functions', () => {
    const [[, machine]] = ofType('AWS::StepFunctions::StateMachine') as [[string, Json]];
    const role = machine.Properties.RoleArn['Fn::GetAtt'][0] as string;
    const invokable = ofType('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: Json) => r.Ref === role))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[])
      .filter((s) => [s.Action].flat().includes('lambda:InvokeFunction'))
      .flatMap((s) => referencedIds(s.Resource));
    for (const name of Object.values(STEP_FUNCTIONS)) expect(invokable).toContain(functionId(name));
  });
});

describe('the functions', () => {
  it('are one nodejs22.x Lambda per name in ALL_FUNCTIONS, arm64 but for typeset (its native module is x86_64), traced, with their own log group', () => {
    const ours = ofType('AWS::Lambda::Function').filter(([, r]) => r.Properties.Runtime === 'nodejs22.x');
    expect(ours.map(([, r]) => r.Properties.Description).sort()).toEqual(ALL_FUNCTIONS.map((n) => `Circulate ${n}`).sort());
    for (const [id, fn] of ours) {
      labelled(id, () => expect(fn.Properties).toMatchObject({
        Handler: 'index.handler',
        Architectures: [fn.Properties.Description === 'Circulate typeset' ? 'x86_64' : 'arm64'],
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      }));
    }
  });

  it('tells each function the names of the resources it may use, and nothing local-only', () => {
    expect(Object.keys(environmentOf('mark-failed'))).not.toContain(ENV.intakeBucket);
    expect(environmentOf('publish')).toMatchObject({
      [ENV.table]: expect.anything(),
      [ENV.intakeBucket]: expect.anything(),
      [ENV.siteBucket]: expect.anything(),
      [ENV.siteUrl]: expect.anything(),
    });
    expect(environmentOf(RECEIVE_FUNCTION)).toMatchObject({
      [ENV.table]: expect.anything(),
      [ENV.intakeBucket]: expect.anything(),
      [ENV.stateMachineArn]: { Ref: ofType('AWS::StepFunctions::StateMachine')[0]![0] },
    });
    // propose reads the note in its request and touches nothing stored: it is told no resource at all.
    expect(Object.keys(environmentOf('propose')).filter((k) => k !== 'NODE_OPTIONS')).toEqual([]);
    for (const name of ALL_FUNCTIONS) {
      const env = Object.keys(environmentOf(name));
      if (name !== 'propose') labelled(name, () => expect(env).toContain(ENV.table));
      for (const localOnly of [ENV.staffToken, ENV.dynamodbEndpoint, ENV.s3Endpoint, ENV.sfnEndpoint]) {
        labelled(name, () => expect(env).not.toContain(localOnly));
      }
    }
  });

  it('gives the site URL of the distribution to the functions that write links', () => {
    const [[distribution]] = ofType('AWS::CloudFront::Distribution') as [[string, Json]];
    for (const name of ['publish', 'get-document', 'list-session-documents', 'get-submission', 'list-submissions', 'redrive-submission']) {
      labelled(name, () => expect(referencedIds(environmentOf(name)[ENV.siteUrl])).toEqual([distribution]));
    }
  });

  it('grants least privilege: only publish and render-lists write the site, only receive, resume-stalled and the redrive route start executions, public routes only read', () => {
    const [[site]] = ofType('AWS::S3::Bucket').filter(([id]) => id.includes('Site') && !id.includes('Log')) as [[string, Json]];
    const writers = ALL_FUNCTIONS.filter((n) => objectGrantsOf(n, /^s3:PutObject$/).some((r) => r.startsWith(`${site}/`)));
    expect(writers).toEqual(['publish', 'render-lists', 'publish-translation']);
    expect(ALL_FUNCTIONS.filter((n) => actionsOf(n).includes('states:StartExecution')).sort()).toEqual([RECEIVE_FUNCTION, 'redrive-submission', SCHEDULED_FUNCTIONS.ResumeStalled].sort());
    for (const route of ROUTES.filter((r) => r.method === 'GET')) {
      const actions = actionsOf(route.fn);
      labelled(route.fn, () => expect(actions).toContain('dynamodb:Query'));
      labelled(route.fn, () => expect(actions.filter((a) => /dynamodb:(Put|Update|Delete|BatchWrite)/.test(a))).toEqual([]));
      labelled(route.fn, () => expect(actions.filter((a) => a.startsWith('s3:'))).toEqual([]));
    }
    expect(actionsOf('create-submission')).toEqual(expect.arrayContaining(['dynamodb:PutItem', 's3:PutObject']));
    // The proposals route may touch no table and no bucket.
    expect(actionsOf('propose').filter((a) => /^(dynamodb|s3|states):/.test(a))).toEqual([]);
    expect(actionsOf('mark-failed').filter((a) => a.startsWith('s3:')).sort()).toEqual(['s3:DeleteObject*']);
  });

  it('lets the redrive route start executions of this state machine only, and do nothing else with Step Functions', () => {
    const [[machine]] = ofType('AWS::StepFunctions::StateMachine') as [[string, Json]];
    const role = resources[functionId('redrive-submission')]!.Properties.Role['Fn::GetAtt'][0] as string;
    const statements = ofType('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: Json) => r.Ref === role))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Json[])
      .filter((st) => [st.Action].flat().includes('states:StartExecution'));
    expect(statements).toHaveLength(1);
    expect([statements[0]!.Action].flat()).toEqual(['states:StartExecution']);
    // The machine itself, never a wildcard on every machine.
    expect(statements[0]!.Resource).toEqual({ Ref: machine });
    expect(actionsOf('redrive-submission').filter((a) => a.startsWith('states:'))).toEqual(['states:StartExecution']);
    expect(environmentOf('redrive-submission')[ENV.stateMachineArn]).toEqual({ Ref: machine });
  });

  it('lets receive write verified copies and Publish read only those, so an upload replaced after receive is never published', () => {
    const [[intake]] = ofType('AWS::S3::Bucket').filter(([id]) => id.includes('Intake')) as [[string, Json]];
    expect(objectGrantsOf(RECEIVE_FUNCTION, /^s3:PutObject$/)).toEqual([`${intake}/verified/*`]);
    expect(objectGrantsOf(RECEIVE_FUNCTION, /^s3:GetObject/)).toContain(`${intake}/*`);
    const publishReads = objectGrantsOf('publish', /^s3:GetObject/);
    expect(publishReads).toContain(`${intake}/verified/*`);
    // Of the intake bucket, the verified copies, their texts and the PDFs typeset from them: never an upload.
    expect(publishReads.filter((r) => r.startsWith(intake)).sort()).toEqual([`${intake}/issued/*`, `${intake}/texts/*`, `${intake}/verified/*`]);
    expect(objectGrantsOf('typeset', /^s3:GetObject/).filter((r) => r.startsWith(intake)).sort()).toEqual([`${intake}/issued/*`, `${intake}/texts/*`, `${intake}/verified/*`]);
    expect(objectGrantsOf('typeset', /^s3:PutObject$/)).toEqual([`${intake}/issued/*`]);
    expect(objectGrantsOf('extract-text', /^s3:PutObject$/)).toEqual([`${intake}/texts/*`]);
    // RenderLists writes pages from the document records and the published texts: it reads nothing of the intake bucket.
    expect(objectGrantsOf('render-lists', /^s3:GetObject/).filter((r) => r.startsWith(intake))).toEqual([]);
    expect(objectGrantsOf(SCHEDULED_FUNCTIONS.ExpireSubmissions, /^s3:DeleteObject/)).toEqual(
      expect.arrayContaining([`${intake}/submissions/*`, `${intake}/verified/*`]));
    expect(objectGrantsOf('create-submission', /^s3:PutObject$/)).toEqual([`${intake}/submissions/*`]);
  });

  it('starts receive when an object is created under submissions/ in the intake bucket', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'submissions/' }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [functionId(RECEIVE_FUNCTION), 'Arn'] },
          },
        ],
      },
    });
  });
});

describe('storage', () => {
  it('is one on-demand table with point-in-time recovery, the shared keys and the three indexes, retained', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: Object.values(INDEXES).map((index) =>
          Match.objectLike({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
          }),
        ),
      }),
    });
    const [[, table]] = ofType('AWS::DynamoDB::Table') as [[string, Json]];
    for (const attribute of table.Properties.AttributeDefinitions as Json[]) expect(attribute.AttributeType).toBe('S');
  });

  it('blocks public access on both buckets, encrypts them and refuses plain HTTP', () => {
    const buckets = ofType('AWS::S3::Bucket');
    expect(buckets).toHaveLength(2);
    for (const [id, bucket] of buckets) {
      labelled(id, () => expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      }));
      labelled(id, () => expect(bucket.Properties.BucketEncryption).toBeDefined());
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('accepts presigned PUTs from a browser and aborts abandoned multipart uploads on the intake bucket', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['PUT'], AllowedOrigins: ['*'] })] },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } })]),
      },
    });
  });
});

describe('the API', () => {
  it('hands the cover note types to the functions base64-encoded (binaryMediaTypes), for POST /api/proposals', () => {
    const [[, api]] = ofType('AWS::ApiGateway::RestApi') as [[string, Json]];
    expect(api.Properties.BinaryMediaTypes).toEqual([...BINARY_MEDIA_TYPES]);
  });

  it('has each route as a Lambda proxy method: Cognito on staff routes, no auth on public ones', () => {
    const paths = resourcePaths();
    const methods = ofType('AWS::ApiGateway::Method').map(([, m]) => m.Properties as Json);
    for (const route of ROUTES) {
      const found = methods.filter((m) => m.HttpMethod === route.method && paths.get(m.ResourceId.Ref) === route.path);
      labelled(`${route.method} ${route.path}`, () => expect(found).toHaveLength(1));
      const method = found[0]!;
      labelled(route.path, () => expect(method.AuthorizationType).toBe(route.staff ? 'COGNITO_USER_POOLS' : 'NONE'));
      if (route.staff) labelled(route.path, () => expect(method.AuthorizerId).toEqual({ Ref: expect.any(String) }));
      expect(method.Integration.Type).toBe('AWS_PROXY');
      labelled(route.path, () => expect(referencedIds(method.Integration.Uri)).toContain(functionId(route.fn)));
    }
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', { Type: 'COGNITO_USER_POOLS' });
  });

  it('keeps staff sign-up closed and signs staff in by email', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email'],
    });
  });

  it('logs access and throttles on the stage', () => {
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
      MethodSettings: Match.arrayWith([
        Match.objectLike({ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() }),
      ]),
    });
  });
});

describe('the site', () => {
  it('serves the site bucket through origin access control and sends /api/* to the API uncached', () => {
    template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const [[, distribution]] = ofType('AWS::CloudFront::Distribution') as [[string, Json]];
    const config = distribution.Properties.DistributionConfig as Json;
    expect(config.DefaultRootObject).toBe('index.html');
    const api = (config.CacheBehaviors as Json[]).find((b) => b.PathPattern === '/api/*');
    expect(api).toMatchObject({
      AllowedMethods: expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
    });
    const origin = (config.Origins as Json[]).find((o) => o.Id === api!.TargetOriginId)!;
    const restApi = ofType('AWS::ApiGateway::RestApi')[0]![0];
    expect(referencedIds(origin.DomainName)).toEqual([restApi]);
    expect(origin.OriginPath).toBe('/prod');
    const s3 = (config.Origins as Json[]).find((o) => o.Id === config.DefaultCacheBehavior.TargetOriginId)!;
    expect(s3.OriginAccessControlId).toBeDefined();
  });

  it('rewrites a document folder URL to its index.html, and leaves files alone', () => {
    const [[, fn]] = ofType('AWS::CloudFront::Function') as [[string, Json]];
    // Runs the function's own code, as deployed.
    const handler = new Function(`${fn.Properties.FunctionCode as string}; return handler;`)() as (e: Json) => Json;
    const uri = (u: string) => handler({ request: { uri: u } }).uri as string;
    expect(uri('/A/HRC/47/G/10/')).toBe('/A/HRC/47/G/10/index.html');
    expect(uri('/')).toBe('/index.html');
    expect(uri('/A/HRC/47/G/10/A_HRC_47_G_10-EN.pdf')).toBe('/A/HRC/47/G/10/A_HRC_47_G_10-EN.pdf');
  });
});

describe('the outputs', () => {
  it('give the site and API URLs, the user pool, the buckets and the state machine', () => {
    const outputs = Object.keys(template.toJSON().Outputs as Json);
    expect(outputs).toEqual(
      expect.arrayContaining(['SiteUrl', 'ApiUrl', 'UserPoolId', 'IntakeBucketName', 'SiteBucketName', 'StateMachineArn']),
    );
  });
});

describe('the staff page and the site headers', () => {
  it('deploys the web assets to the site bucket without pruning published documents', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', { Prune: false, DistributionPaths: ['/staff/*'] });
  });

  it('sends a CSP that forbids inline script and allows uploads to the intake bucket only', () => {
    const policies = ofType('AWS::CloudFront::ResponseHeadersPolicy');
    expect(policies).toHaveLength(1);
    const csp = JSON.stringify(policies[0]![1]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toMatch(/connect-src 'self' https:\/\/.*RegionalDomainName/);
  });
});

describe('expiry of submissions whose files never come', () => {
  it('runs expire-submissions and resume-stalled every hour', () => {
    const hourly = ofType('AWS::Events::Rule').filter(([, r]) => JSON.stringify(r).includes('rate(1 hour)'));
    expect(hourly).toHaveLength(2);
  });
});
