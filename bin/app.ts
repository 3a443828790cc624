#!/usr/bin/env node
/**
 * The CDK app: `npx cdk synth` / `npx cdk deploy`. Settings come from context (cdk.json or -c),
 * see lib/context.ts and docs/deploy.md. cdk-nag's AwsSolutions pack checks every synth.
 */
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BanwatchStack } from '../lib/banwatch-stack.js';
import { readSettings } from '../lib/context.js';

const app = new App();
const stackName = (app.node.tryGetContext('stackName') as string | undefined) ?? 'Banwatch';
new BanwatchStack(app, stackName, {
  settings: readSettings(app.node),
  description: 'banwatch: state measures against tech vendors, from feeds to SNS alerts',
  env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
});
// One tag on everything: cost allocation and finding the stack's resources in the console.
Tags.of(app).add('project', 'banwatch');
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();
