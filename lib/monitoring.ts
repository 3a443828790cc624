/**
 * Monitoring: alarms on what needs a human, all sent to an encrypted ops topic (optional email
 * subscription) that CloudWatch may publish to; one dashboard; saved Logs Insights queries.
 *
 * Two kinds of alarm. "Stopped" alarms watch a heartbeat or a gauge that every cycle emits and
 * treat missing data as breaching: a pipeline that stopped running is not green. "Failure" alarms
 * watch counts (errors, parked messages) where no data means nothing happened; error counts alarm
 * on 2 of 3 datapoints so one transient failure does not page, and they send no OK notification
 * (only the stopped alarms do), so a flapping function does not e-mail every 15 minutes.
 */
import { Duration, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE, SERVICE_NAME } from '../lambdas/handlers/names.js';
import { alarmArnPattern } from './alerts.js';

export interface MonitoringProps {
  key: kms.IKey;
  topicPrefix: string;
  opsEmail?: string | undefined;
  functions: Record<string, { fn: lambda.IFunction; logGroup: logs.ILogGroup }>;
  deadLetterQueues: Record<string, sqs.IQueue>;
  /** The feed queue (age of its oldest message). */
  feedQueue: sqs.IQueue;
  /** The function fed by the table stream (iterator age). */
  streamConsumer: lambda.IFunction;
  /** The alert topics (failed deliveries). */
  alertTopics: sns.ITopic[];
  /** Minutes between dispatch runs (heartbeat period). */
  pollRate: number;
  /** Minutes between sweeps (pending-age period). */
  sweepRate: number;
}

/** 5 minutes behind the stream: alerts are late; the sweep covers it but someone should know. */
export const ITERATOR_AGE_THRESHOLD_MS = 5 * 60 * 1000;
/** An alert pending for an hour has missed four sweeps: SNS or the store is failing it. */
export const PENDING_ALERT_AGE_THRESHOLD_S = 60 * 60;
/** A feed message waiting an hour: poll is not consuming (throttled, failing, disabled). */
export const FEED_QUEUE_AGE_THRESHOLD_S = 60 * 60;

type AlarmKind = 'stopped' | 'failure';

/**
 * Period and evaluation periods for a gauge emitted every `rateMinutes`: two missed runs alarm.
 * CloudWatch wants period × evaluations ≤ 1 day.
 */
export function cadence(rateMinutes: number): { period: Duration; evaluationPeriods: number } {
  const minutes = Math.max(5, Math.min(rateMinutes, 1440));
  return { period: Duration.minutes(minutes), evaluationPeriods: minutes <= 720 ? 2 : 1 };
}

export class Monitoring extends Construct {
  readonly opsTopic: sns.Topic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;
  readonly queries: logs.QueryDefinition[] = [];

  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.opsTopic = new sns.Topic(this, 'OpsTopic', {
      topicName: `${props.topicPrefix}-ops`,
      displayName: 'banwatch operations',
      masterKey: props.key,
      enforceSSL: true,
    });
    // enforceSSL writes a policy with only a Deny: alarms could not publish without this Allow
    // (and the key statement in Alerts). Only this account's alarms of this region.
    this.opsTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.opsTopic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': alarmArnPattern(this) },
        },
      }),
    );
    // Nobody else publishes here: an IAM principal of the account is denied, services need the Allow above.
    this.opsTopic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'OnlyAlarmsPublish',
        effect: iam.Effect.DENY,
        principals: [new iam.AnyPrincipal()],
        actions: ['sns:Publish'],
        resources: [this.opsTopic.topicArn],
        conditions: { Bool: { 'aws:PrincipalIsAWSService': 'false' } },
      }),
    );
    if (props.opsEmail) this.opsTopic.addSubscription(new subscriptions.EmailSubscription(props.opsEmail));
    const action = new actions.SnsAction(this.opsTopic);

    const add = (alarmId: string, kind: AlarmKind, alarm: Omit<cloudwatch.AlarmProps, 'treatMissingData'>) => {
      const created = new cloudwatch.Alarm(this, alarmId, {
        treatMissingData: kind === 'stopped' ? cloudwatch.TreatMissingData.BREACHING : cloudwatch.TreatMissingData.NOT_BREACHING,
        ...alarm,
      });
      created.addAlarmAction(action);
      if (kind === 'stopped') created.addOkAction(action);
      this.alarms.push(created);
      return created;
    };
    const custom = (metricName: string, statistic: string, period: Duration) =>
      new cloudwatch.Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        // Powertools Metrics adds the service dimension to every metric.
        dimensionsMap: { service: SERVICE_NAME },
        statistic,
        period,
      });
    const GTE = cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;

    // ---- the pipeline stopped
    const dispatchCadence = cadence(props.pollRate);
    add('CycleHeartbeatAlarm', 'stopped', {
      alarmDescription: 'banwatch: dispatch has not run for two cycles (schedule disabled, function failing or not deployed)',
      metric: custom(METRIC.cycleHeartbeat, 'Sum', dispatchCadence.period),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      ...dispatchCadence,
    });
    const sweepCadence = cadence(props.sweepRate);
    add('PendingAlertAgeAlarm', 'stopped', {
      alarmDescription: 'banwatch: an alert has been pending for over an hour, or the sweep stopped reporting',
      metric: custom(METRIC.oldestPendingAlertAge, 'Maximum', sweepCadence.period),
      threshold: PENDING_ALERT_AGE_THRESHOLD_S,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      ...sweepCadence,
    });
    add('FeedsStaleAlarm', 'failure', {
      alarmDescription: 'banwatch: a feed has had no successful poll for max(24 h, 4 × its pollMinutes) (failing, or never polled)',
      // Minimum over an hour: the gauge right after a deploy (nothing polled yet) does not count.
      metric: custom(METRIC.feedsStale, 'Minimum', Duration.hours(1)),
      threshold: 1,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: GTE,
    });
    add('FeedQueueAgeAlarm', 'failure', {
      alarmDescription: 'banwatch: a feed message has waited over an hour: poll is not consuming the queue',
      metric: props.feedQueue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(15), statistic: 'Maximum' }),
      threshold: FEED_QUEUE_AGE_THRESHOLD_S,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    // Scheduler publishes these per account (no per-schedule dimension): any schedule counts.
    add('SchedulerTargetErrorsAlarm', 'failure', {
      alarmDescription: 'banwatch: EventBridge Scheduler could not invoke a function (permissions, throttling)',
      metric: scheduler.Schedule.metricAllErrors({ period: Duration.minutes(15), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: GTE,
    });
    add('SchedulerDroppedAlarm', 'failure', {
      alarmDescription: 'banwatch: EventBridge Scheduler dropped an invocation after its retries',
      metric: scheduler.Schedule.metricAllDropped({ period: Duration.minutes(15), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: GTE,
    });

    // ---- failures
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      add(`${name}DepthAlarm`, 'failure', {
        alarmDescription: `banwatch: messages parked in ${name}; see docs/deploy.md "Operate"`,
        metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: GTE,
      });
    }
    for (const [name, { fn }] of Object.entries(props.functions)) {
      add(`${name}ErrorsAlarm`, 'failure', {
        alarmDescription: `banwatch: the ${name} function failed in 2 of the last 3 five-minute periods (per-feed failures are not errors)`,
        metric: fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        comparisonOperator: GTE,
      });
    }
    add('StreamIteratorAgeAlarm', 'failure', {
      alarmDescription: 'banwatch: notify is more than 5 minutes behind the table stream',
      metric: props.streamConsumer.metric('IteratorAge', { period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: ITERATOR_AGE_THRESHOLD_MS,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    });
    add('AlertsFailedPermanentlyAlarm', 'failure', {
      alarmDescription: 'banwatch: an alert was given up (FAILED) after repeated publish failures; see docs/deploy.md "Operate"',
      metric: custom(METRIC.alertsFailedPermanently, 'Sum', Duration.minutes(15)),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: GTE,
    });
    // One alarm over every alert topic: SNS gave up delivering to a subscriber (after its retries).
    const failedDeliveries = new cloudwatch.MathExpression({
      expression: props.alertTopics.length > 1 ? `SUM([${props.alertTopics.map((_, i) => `t${i}`).join(',')}])` : 't0',
      usingMetrics: Object.fromEntries(
        props.alertTopics.map((topic, i) => [`t${i}`, topic.metricNumberOfNotificationsFailed({ period: Duration.minutes(15), statistic: 'Sum' })]),
      ),
      label: 'NumberOfNotificationsFailed (all alert topics)',
      period: Duration.minutes(15),
    });
    add('NotificationsFailedAlarm', 'failure', {
      alarmDescription: 'banwatch: SNS could not deliver alerts to a subscriber (see the subscription DLQ and the delivery-status logs)',
      metric: failedDeliveries,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: GTE,
    });

    this.dashboard = this.buildDashboard(props, custom);
    this.buildQueries(props);
  }

  private buildDashboard(props: MonitoringProps, custom: (name: string, statistic: string, period: Duration) => cloudwatch.Metric): cloudwatch.Dashboard {
    const fiveMin = Duration.minutes(5);
    const hour = Duration.hours(1);
    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: `${props.topicPrefix}-operations`,
      defaultInterval: Duration.days(3),
    });
    dashboard.addWidgets(
      new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 4 }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Cycles and feeds',
        left: [custom(METRIC.cycleHeartbeat, 'Sum', hour), custom(METRIC.feedsDispatched, 'Sum', hour), custom(METRIC.feedPolls, 'Sum', hour), custom(METRIC.feedPollErrors, 'Sum', hour)],
        right: [custom(METRIC.feedsStale, 'Maximum', hour)],
        width: 12,
      }),
      new cloudwatch.GraphWidget({
        title: 'Items and alerts',
        left: [custom(METRIC.newItems, 'Sum', hour), custom(METRIC.alertsPublished, 'Sum', hour), custom(METRIC.alertsFailed, 'Sum', hour), custom(METRIC.alertsFailedPermanently, 'Sum', hour)],
        right: [custom(METRIC.oldestPendingAlertAge, 'Maximum', hour)],
        width: 12,
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Function errors',
        left: Object.entries(props.functions).map(([name, { fn }]) => fn.metricErrors({ period: fiveMin, label: name })),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Function duration (p95, ms)',
        left: Object.entries(props.functions).map(([name, { fn }]) => fn.metricDuration({ period: fiveMin, statistic: 'p95', label: name })),
        width: 8,
      }),
      new cloudwatch.GraphWidget({
        title: 'Queues',
        left: Object.entries(props.deadLetterQueues).map(([name, q]) => q.metricApproximateNumberOfMessagesVisible({ period: fiveMin, statistic: 'Maximum', label: name })),
        right: [props.feedQueue.metricApproximateAgeOfOldestMessage({ period: fiveMin, statistic: 'Maximum', label: 'feed queue oldest (s)' })],
        width: 8,
      }),
    );
    return dashboard;
  }

  /** Saved Logs Insights queries (docs/deploy.md "Why didn't this alert arrive?"). */
  private buildQueries(props: MonitoringProps): void {
    const all = Object.values(props.functions).map((f) => f.logGroup);
    const group = (name: string) => [props.functions[name]!.logGroup];
    const define = (id: string, name: string, logGroups: logs.ILogGroup[], query: logs.QueryStringProps) =>
      this.queries.push(new logs.QueryDefinition(this, id, { queryDefinitionName: `${props.topicPrefix}/${name}`, queryString: new logs.QueryString(query), logGroups }));
    define('AlertTrailQuery', 'alert-trail', all, {
      fields: ['@timestamp', 'message', 'feedId', 'itemKeys', 'eventId', 'alertId', 'topics', 'messageIds', 'error'],
      filterStatements: ['ispresent(eventId) or ispresent(alertId)', 'eventId like /REPLACE_ME/ or alertId like /REPLACE_ME/'],
      sort: '@timestamp asc',
      limit: 200,
    });
    define('AlertsPublishedQuery', 'alerts-published', group('Notify'), {
      fields: ['@timestamp', 'alertId', 'eventId', 'kind', 'stage', 'topics', 'messageIds'],
      filterStatements: ['message = "alert published"'],
      sort: '@timestamp desc',
      limit: 100,
    });
    define('AlertsNotPublishedQuery', 'alerts-not-published', group('Notify'), {
      fields: ['@timestamp', 'message', 'alertId', 'attempts', 'error'],
      filterStatements: ['message like /not published|FAILED/'],
      sort: '@timestamp desc',
      limit: 100,
    });
    define('FeedFailuresQuery', 'feed-failures', group('Poll'), {
      filterStatements: ['message = "feed failed"'],
      statsStatements: ['count() as failures, latest(error) as lastError by feedId, code'],
      sort: 'failures desc',
    });
  }
}
