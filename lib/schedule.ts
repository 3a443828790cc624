/**
 * An EventBridge Scheduler schedule that invokes a Lambda at a fixed rate (or at the times of a
 * cron expression), with its own role (so the invoke permission and its cdk-nag acknowledgement
 * sit on one construct).
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { acknowledge, arnRef } from './nag.js';

export interface RateScheduleProps {
  fn: lambda.IFunction;
  /** Minutes between runs; ignored when `cron` is given (then it bounds how late a run may start). */
  rateMinutes: number;
  /** Fixed times instead of a rate (the digests: every day at 07:00 in a time zone). */
  cron?: scheduler.CronOptionsWithTimezone;
  description: string;
  input: Record<string, unknown>;
}

export class RateSchedule extends Construct {
  readonly schedule: scheduler.Schedule;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: RateScheduleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    // A fixed name makes the schedule's ARN known before it exists, so the role's trust can name it
    // (a generated name would make role and schedule depend on each other).
    const scheduleName = `${stack.stackName}-${id}`.slice(0, 64);
    this.role = new iam.Role(this, 'Role', {
      // Confused-deputy guard: only this account's schedule of this name may assume the role.
      assumedBy: new iam.PrincipalWithConditions(new iam.ServicePrincipal('scheduler.amazonaws.com'), {
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnEquals: { 'aws:SourceArn': stack.formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `default/${scheduleName}` }) },
      }),
      description: `Invokes ${id}`,
    });
    this.schedule = new scheduler.Schedule(this, 'Schedule', {
      scheduleName,
      description: props.description,
      schedule: props.cron ? scheduler.ScheduleExpression.cron(props.cron) : scheduler.ScheduleExpression.rate(Duration.minutes(props.rateMinutes)),
      target: new targets.LambdaInvoke(props.fn, {
        role: this.role,
        input: scheduler.ScheduleTargetInput.fromObject(props.input),
        // A missed run is harmless (the next one catches up): retry briefly, then drop it.
        retryAttempts: 2,
        maxEventAge: Duration.minutes(Math.max(1, props.rateMinutes)),
      }),
    });
    acknowledge(
      this.role,
      `AwsSolutions-IAM5[Resource::${arnRef(props.fn)}:*]`,
      'grantInvoke covers the function and its versions/aliases (`<arn>:*`); it is one function.',
    );
  }
}
