import { App, Tags } from 'aws-cdk-lib';
import { CirculateStack } from './circulate-stack';
import { buildWebAssets } from './web-assets';

const app = new App();
const stack = new CirculateStack(app, 'Circulate', {
  webAssets: await buildWebAssets(),
  description: 'Circulate: registers, numbers and publishes communications circulated as UN documents',
  // Unset offline: the stack is environment-agnostic, so synth needs no credentials.
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
Tags.of(stack).add('project', 'circulate');
