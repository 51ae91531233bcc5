import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccessLogFormat,
  AuthorizationType,
  CognitoUserPoolsAuthorizer,
  EndpointType,
  LambdaIntegration,
  LogGroupLogDestination,
  MethodLoggingLevel,
  ResponseType,
  RestApi,
} from 'aws-cdk-lib/aws-apigateway';
import { AccountRecovery, Mfa, UserPool, type UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BINARY_MEDIA_TYPES, ROUTES } from '../functions';
import { CirculateFunction, LOG_RETENTION } from './circulate-function';
import type { Storage } from './storage';

export interface ApiProps {
  readonly storage: Storage;
}

/** What each route's function may touch; a route in ROUTES without an entry here fails the synth. */
const ROUTE_ACCESS: Record<string, (storage: Storage, fn: CirculateFunction) => void> = {
  'create-submission': (s, fn) => {
    s.grantTableReadWrite(fn);
    s.grantIntakeUpload(fn);
  },
  'create-translation': (s, fn) => {
    s.grantTableReadWrite(fn);
    s.grantIntakeUpload(fn);
  },
  'create-reissue': (s, fn) => {
    s.grantTableReadWrite(fn);
    s.grantIntakeUpload(fn);
  },
  'list-submissions': (s, fn) => s.grantTableRead(fn),
  'get-submission': (s, fn) => s.grantTableRead(fn),
  // The redrive itself (states:StartExecution) is granted by Workflow.grantRedrive: the state machine is its.
  'redrive-submission': (s, fn) => s.grantTableReadWrite(fn),
  'get-document': (s, fn) => s.grantTableRead(fn),
  'list-session-documents': (s, fn) => s.grantTableRead(fn),
  'set-series-start': (s, fn) => s.grantTableReadWrite(fn),
  'get-series': (s, fn) => s.grantTableRead(fn),
  // Reads the note in its request and answers: no table, no bucket.
  propose: () => undefined,
};

/** Errors from API Gateway itself (no token, throttled…) in the API's own error shape. */
const GATEWAY_ERROR = JSON.stringify({
  error: { code: '$context.error.responseType', message: '$context.error.message' },
});

/** The REST API (`ROUTES`), its functions, and the staff user pool behind the staff routes. */
export class Api extends Construct {
  /** A plain string, not the Stage's token: the site's origin path uses it without depending on the Stage. */
  static readonly STAGE = 'prod';

  readonly restApi: RestApi;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  /** By function name, e.g. `functions['get-document']`. */
  readonly functions: Readonly<Record<string, CirculateFunction>>;

  constructor(scope: Construct, id: string, { storage }: ApiProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'StaffPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // For the staff page and the CLI to obtain ID tokens (the authorizer checks ID tokens: no scopes).
    this.userPoolClient = this.userPool.addClient('StaffClient', {
      authFlows: { userSrp: true },
      generateSecret: false,
      preventUserExistenceErrors: true,
    });
    const authorizer = new CognitoUserPoolsAuthorizer(this, 'StaffAuthorizer', {
      cognitoUserPools: [this.userPool],
    });

    this.restApi = new RestApi(this, 'RestApi', {
      description: 'Circulate API (served under /api through the site distribution)',
      // CloudFront is in front already: an edge-optimized endpoint would add a second one.
      endpointTypes: [EndpointType.REGIONAL],
      // A cover note's bytes reach POST /api/proposals base64-encoded, as they were sent.
      binaryMediaTypes: [...BINARY_MEDIA_TYPES],
      // Logging to CloudWatch needs the account-level API Gateway role.
      cloudWatchRole: true,
      deployOptions: {
        stageName: Api.STAGE,
        accessLogDestination: new LogGroupLogDestination(new LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION })),
        accessLogFormat: AccessLogFormat.jsonWithStandardFields(),
        throttlingRateLimit: 50,
        throttlingBurstLimit: 100,
        loggingLevel: MethodLoggingLevel.ERROR,
        tracingEnabled: true,
        metricsEnabled: true,
      },
    });
    for (const type of [ResponseType.DEFAULT_4XX, ResponseType.DEFAULT_5XX]) {
      this.restApi.addGatewayResponse(`Gateway${type.responseType}`, {
        type,
        templates: { 'application/json': GATEWAY_ERROR },
      });
    }

    const functions: Record<string, CirculateFunction> = {};
    for (const route of ROUTES) {
      const fn = (functions[route.fn] ??= this.routeFunction(route.fn, storage));
      this.restApi.root.resourceForPath(route.path).addMethod(
        route.method,
        new LambdaIntegration(fn, { allowTestInvoke: false }),
        route.staff
          ? { authorizer, authorizationType: AuthorizationType.COGNITO }
          : { authorizationType: AuthorizationType.NONE },
      );
    }
    this.functions = functions;
  }

  private routeFunction(name: string, storage: Storage): CirculateFunction {
    const grant = ROUTE_ACCESS[name];
    if (!grant) throw new Error(`No access declared for the route function "${name}" (ROUTE_ACCESS in api.ts)`);
    // API Gateway gives up at 29 s; a request that needs longer is a bug.
    const fn = new CirculateFunction(this, name, { name, timeout: Duration.seconds(10) });
    grant(storage, fn);
    return fn;
  }
}
