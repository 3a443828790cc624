/**
 * Monitoring: alarms on what needs a human (parked messages, function errors, a lagging stream,
 * feeds broken for a day), all sent to an encrypted ops topic with an optional email subscription.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE, SERVICE_NAME } from '../lambdas/handlers/names.js';

export interface MonitoringProps {
  key: kms.IKey;
  topicPrefix: string;
  opsEmail?: string | undefined;
  functions: Record<string, lambda.IFunction>;
  deadLetterQueues: Record<string, sqs.IQueue>;
  /** The function fed by the table stream (iterator age). */
  streamConsumer: lambda.IFunction;
}

/** 5 minutes behind the stream: alerts are late; the sweep covers it but someone should know. */
export const ITERATOR_AGE_THRESHOLD_MS = 5 * 60 * 1000;

export class Monitoring extends Construct {
  readonly opsTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);

    this.opsTopic = new sns.Topic(this, 'OpsTopic', {
      topicName: `${props.topicPrefix}-ops`,
      displayName: 'banwatch operations',
      masterKey: props.key,
      enforceSSL: true,
    });
    if (props.opsEmail) this.opsTopic.addSubscription(new subscriptions.EmailSubscription(props.opsEmail));
    const action = new actions.SnsAction(this.opsTopic);

    const add = (alarmId: string, alarm: Omit<cloudwatch.AlarmProps, 'treatMissingData'>) => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        // No data means nothing happened (no messages, no invocations): not an alarm.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        ...alarm,
      });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
    };

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      add(`${name}DepthAlarm`, {
        alarmDescription: `banwatch: messages parked in ${name}; inspect and redrive them`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }

    for (const [name, fn] of Object.entries(props.functions)) {
      add(`${name}ErrorsAlarm`, {
        alarmDescription: `banwatch: the ${name} function failed (per-feed failures are not errors)`,
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }

    add('StreamIteratorAgeAlarm', {
      alarmDescription: 'banwatch: notify is more than 5 minutes behind the table stream',
      metric: props.streamConsumer.metric('IteratorAge', { period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: ITERATOR_AGE_THRESHOLD_MS,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });

    add('FeedsFailingAlarm', {
      alarmDescription: 'banwatch: at least one feed has failed without a success for over 24 hours',
      metric: new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName: METRIC.feedsFailingOver24h,
        // Powertools Metrics adds the service dimension to every metric.
        dimensionsMap: { service: SERVICE_NAME },
        statistic: 'Maximum',
        period: Duration.hours(1),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
  }
}
