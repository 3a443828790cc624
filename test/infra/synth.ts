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

/** The app and stack, not synthesised yet (tests may still add to the tree). */
export function buildStack(context: Record<string, unknown> = {}): Omit<Synthesized, 'template'> {
  const app = new App({
    context: { 'aws:cdk:bundling-stacks': [], 'cli-telemetry': false, ...context },
  });
  const stack = new BanwatchStack(app, 'Banwatch', {
    settings: readSettings(app.node),
    env: { account: '123456789012', region: 'us-east-1' },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

export function synthStack(context: Record<string, unknown> = {}): Synthesized {
  const { app, stack } = buildStack(context);
  return { app, stack, template: Template.fromStack(stack) };
}
