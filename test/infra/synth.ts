/**
 * Builds the banwatch stack for assertions: bundling skipped (context `aws:cdk:bundling-stacks`
 * = []), cdk-nag's AwsSolutions pack registered exactly as in bin/app.ts.
 */
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BanwatchStack } from '../../lib/banwatch-stack.js';
import { readSettings } from '../../lib/context.js';

export interface Synthesized {
  app: App;
  stack: BanwatchStack;
  template: Template;
}

export function synthStack(context: Record<string, unknown> = {}): Synthesized {
  const app = new App({
    context: { 'aws:cdk:bundling-stacks': [], 'cli-telemetry': false, ...context },
  });
  const stack = new BanwatchStack(app, 'Banwatch', {
    settings: readSettings(app.node),
    env: { account: '123456789012', region: 'us-east-1' },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const template = Template.fromStack(stack);
  return { app, stack, template };
}
