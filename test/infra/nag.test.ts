/**
 * cdk-nag (AwsSolutions pack, registered as in bin/app.ts): synthesis succeeds with no
 * unacknowledged finding, for the full configuration and for an environment-agnostic stack.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { BanwatchStack } from '../../lib/banwatch-stack.js';
import { readSettings } from '../../lib/context.js';
import { buildStack, synthStack } from './synth.js';

afterAll(() => CloudAssembly.cleanupTemporaryDirectories());

interface Report {
  pluginReports: Array<{ pluginName: string; conclusion?: string; violations: Array<{ ruleName: string; severity?: string; violatingResources: unknown[] }> }>;
}

/** Synthesises; returns the validation error (if synth failed) and the validation report. */
function validate(app: App): { error: string | null; violations: string[] } {
  let error: string | null = null;
  let dir: string | undefined;
  try {
    dir = app.synth().directory;
  } catch (err) {
    error = (err as Error).message;
  }
  const report = dir ? path.join(dir, 'validation-report.json') : undefined;
  const parsed: Report = report && fs.existsSync(report) ? JSON.parse(fs.readFileSync(report, 'utf8')) : { pluginReports: [] };
  const violations = parsed.pluginReports.flatMap((p) => p.violations.map((v) => `${p.pluginName}: ${v.ruleName} (${v.severity ?? '?'})`));
  return { error, violations };
}

describe('cdk-nag AwsSolutions', () => {
  it('reports nothing for the full configuration (emails, country topics, ops email)', () => {
    const { app } = synthStack({
      alertEmails: ['team@example.com'],
      countrySubscriptions: { JP: ['a@example.com'], DE: ['b@example.com'] },
      opsEmail: 'ops@example.com',
    });
    const { error, violations } = validate(app);
    expect(error).toBeNull();
    expect(violations).toEqual([]);
  });

  it('reports nothing for an environment-agnostic stack (as `cdk synth` without credentials)', () => {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    new BanwatchStack(app, 'Banwatch', { settings: readSettings(app.node) });
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const { error, violations } = validate(app);
    expect(error).toBeNull();
    expect(violations).toEqual([]);
  });

  it('does fail synth on an unacknowledged finding (the check is live)', () => {
    const { app, stack } = buildStack();
    // A queue without SSL enforcement or a DLQ: AwsSolutions-SQS3/SQS4.
    new sqs.Queue(stack, 'Careless');
    const { error } = validate(app);
    expect(error).toMatch(/AwsSolutions-SQS/);
  });
});
