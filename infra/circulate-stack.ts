import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ENV } from '#shared/adapters/config';
import { Api } from './constructs/api';
import { Site } from './constructs/site';
import { Storage } from './constructs/storage';
import { Workflow } from './constructs/workflow';
import type { SiteAsset } from './web-assets';

export interface CirculateStackProps extends StackProps {
  /** Static objects deployed with the site: the staff page (built by infra/web-assets.ts). */
  readonly webAssets?: readonly SiteAsset[];
}

/** API functions whose answers carry links to published pages. */
const LINKS_TO_SITE = ['get-document', 'list-session-documents', 'get-submission', 'list-submissions', 'redrive-submission'];

/** Assembles the constructs and wires them together; the constructs build everything. */
export class CirculateStack extends Stack {
  constructor(scope: Construct, id: string, props: CirculateStackProps = {}) {
    super(scope, id, props);

    const storage = new Storage(this, 'Storage');
    const workflow = new Workflow(this, 'Workflow', { storage });
    const api = new Api(this, 'Api', { storage });
    const site = new Site(this, 'Site', {
      siteBucket: storage.siteBucket, intakeBucket: storage.intakeBucket, restApi: api.restApi, apiStage: Api.STAGE,
      ...(props.webAssets ? { assets: props.webAssets } : {}),
    });

    // Links in pages and API answers point at the distribution (no cycle: see apiOrigin in site.ts).
    for (const name of LINKS_TO_SITE) {
      const fn = api.functions[name];
      if (!fn) throw new Error(`No API function "${name}" to give the site URL to`);
      fn.addEnvironment(ENV.siteUrl, site.url);
    }
    workflow.steps.Publish.addEnvironment(ENV.siteUrl, site.url);
    const redrive = api.functions['redrive-submission'];
    if (!redrive) throw new Error('No API function "redrive-submission" to let redrive the workflow');
    workflow.grantRedrive(redrive);

    new CfnOutput(this, 'SiteUrl', { value: site.url });
    new CfnOutput(this, 'ApiUrl', { value: `${site.url}/api`, description: 'What the CLI and the staff page use' });
    new CfnOutput(this, 'RestApiUrl', { value: api.restApi.url, description: 'The API Gateway stage, bypassing CloudFront' });
    new CfnOutput(this, 'UserPoolId', { value: api.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: api.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'IntakeBucketName', { value: storage.intakeBucket.bucketName });
    new CfnOutput(this, 'SiteBucketName', { value: storage.siteBucket.bucketName });
    new CfnOutput(this, 'TableName', { value: storage.table.tableName });
    new CfnOutput(this, 'StateMachineArn', { value: workflow.stateMachine.stateMachineArn });
  }
}
