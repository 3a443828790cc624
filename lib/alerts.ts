/**
 * Alerts: the encrypted SNS topics ("all", one per configured country and the two digest topics,
 * all created here and retained), their email subscriptions, the subscription dead-letter queue, delivery-status
 * logging, and the `notify` function fed by the table stream (fast path) and by a scheduled sweep
 * (safety net).
 */
import { ArnFormat, Duration, RemovalPolicy, Stack, Tags, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PENDING, TABLE } from '../lambdas/table.js';
import { SWEEP_EVENT } from '../lambdas/handlers/names.js';
import { BanwatchFunction } from './function.js';
import { onlyRoleMay, topicKeyThroughSns } from './policies.js';
import { acknowledge, nagArnText, nagEnv } from './nag.js';
import { RateSchedule } from './schedule.js';

export interface AlertsProps {
  table: dynamodb.ITable;
  topicPrefix: string;
  sweepRate: number;
  alertEmails: string[];
  countrySubscriptions: Record<string, string[]>;
  /** Countries with a topic of their own (besides those of countrySubscriptions). */
  countries: string[];
  removalPolicy: RemovalPolicy;
}

/** Stream records per notify invocation; an event row is small, 100 is one short run. */
export const NOTIFY_BATCH_SIZE = 100;
/** Stream retries before the batch goes to the failure queue (the sweep still publishes it). */
export const STREAM_RETRY_ATTEMPTS = 3;
/** Share of successful SQS/HTTPS/Lambda deliveries SNS logs (every failure is logged). */
export const DELIVERY_SUCCESS_SAMPLE_PERCENT = 10;

/** The topic name of one country: `<prefix>-country-<cc>`, lower case like alert.topics. */
export const countryTopicName = (prefix: string, country: string): string =>
  `${prefix}-country-${country.toLowerCase()}`;

/** The digest topic of one frequency: `<prefix>-digest-daily|weekly` (the CLI derives the same name). */
export const digestTopicName = (prefix: string, frequency: 'daily' | 'weekly'): string => `${prefix}-digest-${frequency}`;

/** The queue every subscription redrives to (the CLI derives its ARN from the topic's). */
export const subscriptionDlqName = (prefix: string): string => `${prefix}-subscription-dlq`;

/**
 * The stream filter: only event rows that carry an alert to publish (pendingPk = PENDING in the new
 * image). Items, feed states and index rows never invoke notify.
 */
export const PENDING_EVENT_FILTER = {
  eventName: ['INSERT', 'MODIFY'],
  dynamodb: { NewImage: { [TABLE.indexes.pending.partitionKey]: { S: [PENDING] } } },
};

/** The alarm ARNs of this account and region: who may publish to the ops topic through its key. */
export function alarmArnPattern(scope: Construct): string {
  return Stack.of(scope).formatArn({ service: 'cloudwatch', resource: 'alarm', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME });
}

export class Alerts extends Construct {
  readonly key: kms.Key;
  readonly allTopic: sns.Topic;
  readonly countryTopics: Map<string, sns.Topic> = new Map();
  /** The digest topics; the digest function (lib/digests.ts) is the only publisher. */
  readonly digestTopics: Record<'daily' | 'weekly', sns.Topic>;
  readonly notify: BanwatchFunction;
  readonly streamFailureQueue: sqs.Queue;
  readonly subscriptionDeadLetterQueue: sqs.Queue;
  readonly sweepSchedule: RateSchedule;
  private readonly deliveryStatusRole: iam.Role;
  private readonly removalPolicy: RemovalPolicy;

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    const { topicPrefix } = props;
    const stack = Stack.of(this);
    this.removalPolicy = props.removalPolicy;

    // A customer managed key (not alias/aws/sns): its policy can let CloudWatch alarms publish to
    // the encrypted ops topic, which the AWS managed key cannot.
    this.key = new kms.Key(this, 'TopicKey', {
      description: 'banwatch: encrypts the alert and ops SNS topics',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    // AWS's documented key statement for alarms on encrypted topics, narrowed to this account's
    // alarms in this region (confused-deputy guard).
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToUseTheTopicKey',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': alarmArnPattern(this) },
        },
      }),
    );

    // SNS writes delivery-status logs (sns/<region>/<account>/<topic>[/Failure]) with this role.
    this.deliveryStatusRole = new iam.Role(this, 'DeliveryStatusRole', {
      assumedBy: new iam.PrincipalWithConditions(new iam.ServicePrincipal('sns.amazonaws.com'), {
        StringEquals: { 'aws:SourceAccount': stack.account },
      }),
      description: 'banwatch: SNS delivery-status logging of the alert topics',
    });
    const deliveryLogGroups = stack.formatArn({
      service: 'logs',
      resource: 'log-group',
      resourceName: `sns/${stack.region}/${stack.account}/${topicPrefix}-*`,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    this.deliveryStatusRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:PutMetricFilter', 'logs:PutRetentionPolicy'],
        resources: [deliveryLogGroups, `${deliveryLogGroups}:*`],
      }),
    );

    this.subscriptionDeadLetterQueue = new sqs.Queue(this, 'SubscriptionDeadLetterQueue', {
      queueName: subscriptionDlqName(topicPrefix),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // 14 days, the maximum: time to see the alarm, fix the endpoint and look at what it missed.
      retentionPeriod: Duration.days(14),
    });
    // Every topic of this stack may park undeliverable messages here (the CLI's subscriptions
    // included: they name this queue in their RedrivePolicy).
    this.subscriptionDeadLetterQueue.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'StackTopicsRedrive',
        principals: [new iam.ServicePrincipal('sns.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [this.subscriptionDeadLetterQueue.queueArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': stack.formatArn({ service: 'sns', resource: `${topicPrefix}-*` }) },
        },
      }),
    );
    Validations.of(this.subscriptionDeadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the SNS subscriptions.',
    });

    this.allTopic = this.topic('AllTopic', `${topicPrefix}-all`, 'banwatch: all policy events');
    for (const email of props.alertEmails) this.subscribeEmail(this.allTopic, email);
    const countries = new Set([...props.countries, ...Object.keys(props.countrySubscriptions)].map((c) => c.toUpperCase()));
    for (const cc of [...countries].sort()) {
      this.countryTopics.set(cc, this.topic(`CountryTopic${cc}`, countryTopicName(topicPrefix, cc), `banwatch: policy events, ${cc}`));
    }
    for (const [country, emails] of Object.entries(props.countrySubscriptions)) {
      const topic = this.countryTopics.get(country.toUpperCase())!;
      for (const email of emails) this.subscribeEmail(topic, email);
    }

    // Subscribed by `banwatch subscribe --frequency daily|weekly`, each with its filter's key.
    this.digestTopics = {
      daily: this.topic('DigestDailyTopic', digestTopicName(topicPrefix, 'daily'), 'banwatch: daily digest'),
      weekly: this.topic('DigestWeeklyTopic', digestTopicName(topicPrefix, 'weekly'), 'banwatch: weekly digest'),
    };

    this.streamFailureQueue = new sqs.Queue(this, 'StreamFailureQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Holds pointers to failed stream batches (not the records): 14 days to investigate.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.streamFailureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the on-failure destination of the stream; nothing reads it but people.',
    });

    this.notify = new BanwatchFunction(this, 'Notify', {
      handler: 'notify',
      description: 'banwatch: publish pending alerts to SNS (table stream + scheduled sweep)',
      memorySize: 256,
      // 60 s: up to 100 events, a few PublishBatch calls with bounded retries.
      timeout: Duration.seconds(60),
      // One at a time: the stream and the sweep must not publish the same pending event twice.
      reservedConcurrentExecutions: 1,
      removalPolicy: props.removalPolicy,
      environment: {
        TABLE_NAME: props.table.tableName,
        ALL_TOPIC_ARN: this.allTopic.topicArn,
        TOPIC_PREFIX: topicPrefix,
        // The country topics the stack created; alerts about other countries go to "all" only.
        COUNTRY_TOPICS: [...this.countryTopics.keys()].join(','),
      },
    });
    const fn = this.notify.fn;
    // What notifyPending and SnsPublisher call (DynamoStore): events read and re-put with optimistic
    // versions, the alert-intent rows (ALERT#) updated conditionally; Query on the pending index only.
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'NotifyTable',
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        resources: [props.table.tableArn],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'NotifyPendingIndex',
        actions: ['dynamodb:Query'],
        resources: [`${props.table.tableArn}/index/${TABLE.indexes.pending.name}`],
      }),
    );
    // Not topic.grantPublish: with a KMS topic it also grants kms:GenerateDataKey* (a wildcard action).
    fn.addToRolePolicy(
      new iam.PolicyStatement({ sid: 'PublishAlerts', actions: ['sns:Publish'], resources: this.topics().map((t) => t.topicArn) }),
    );
    // Publishing to an encrypted topic: SNS asks KMS for a data key on the caller's behalf.
    fn.addToRolePolicy(topicKeyThroughSns(this.key, stack.region));
    // The alert topics take messages from notify only (a forged alert would reach every subscriber).
    for (const topic of this.topics()) topic.addToResourcePolicy(onlyRoleMay('OnlyNotifyPublishes', 'sns:Publish', topic.topicArn, this.notify.role));

    fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: lambda.StartingPosition.LATEST,
        batchSize: NOTIFY_BATCH_SIZE,
        // A few seconds of batching turns a poll's burst of events into one invocation.
        maxBatchingWindow: Duration.seconds(5),
        bisectBatchOnError: true,
        retryAttempts: STREAM_RETRY_ATTEMPTS,
        // Older than a day: the sweep has long published it.
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.streamFailureQueue),
        filters: [lambda.FilterCriteria.filter(PENDING_EVENT_FILTER)],
      }),
    );

    this.sweepSchedule = new RateSchedule(this, 'SweepSchedule', {
      fn,
      rateMinutes: props.sweepRate,
      description: `banwatch: publish alerts still pending every ${props.sweepRate} minutes`,
      input: { ...SWEEP_EVENT },
    });

    const { region: nagRegion, account: nagAccount } = nagEnv(this);
    // Kept rather than replaced by a direct invoke from poll plus a faster sweep (docs/deploy.md,
    // "Stream or direct invoke"): the stream costs nothing (GetRecords by a Lambda trigger are free),
    // needs no invoke permission on poll and no second code path, and only this one action lacks
    // resource-level permissions.
    acknowledge(
      this.notify,
      'AwsSolutions-IAM5[Resource::*]',
      'dynamodb:ListStreams (added by the stream event source) has no resource-level permissions in IAM; every other stream action is on this table\'s stream ARN.',
    );
    acknowledge(
      this.deliveryStatusRole,
      `AwsSolutions-IAM5[Resource::${nagArnText(this, 'logs', `log-group:sns/${nagRegion}/${nagAccount}/${topicPrefix}-*`)}]`,
      'SNS names its delivery-status log groups itself (sns/<region>/<account>/<topic>[/Failure]); the grant covers this stack\'s topics only.',
    );
    acknowledge(
      this.deliveryStatusRole,
      `AwsSolutions-IAM5[Resource::${nagArnText(this, 'logs', `log-group:sns/${nagRegion}/${nagAccount}/${topicPrefix}-*:*`)}]`,
      'The log streams of those log groups.',
    );
  }

  /** The alert topics ("all" first, then the country topics). */
  topics(): sns.Topic[] {
    return [this.allTopic, ...this.countryTopics.values()];
  }

  private subscribeEmail(topic: sns.Topic, email: string): void {
    // An email SNS cannot deliver (after its retries) is parked, not dropped.
    topic.addSubscription(new subscriptions.EmailSubscription(email, { deadLetterQueue: this.subscriptionDeadLetterQueue }));
  }

  /**
   * An alert topic: encrypted, TLS only, a display name (the e-mail sender name), retained with the
   * table (its subscriptions are the subscribers' state), delivery status of SQS/HTTPS/Lambda
   * subscriptions logged.
   */
  private topic(id: string, topicName: string, displayName: string): sns.Topic {
    const topic = new sns.Topic(this, id, {
      topicName,
      displayName,
      masterKey: this.key,
      enforceSSL: true,
      loggingConfigs: [sns.LoggingProtocol.SQS, sns.LoggingProtocol.HTTP, sns.LoggingProtocol.LAMBDA].map((protocol) => ({
        protocol,
        failureFeedbackRole: this.deliveryStatusRole,
        successFeedbackRole: this.deliveryStatusRole,
        successFeedbackSampleRate: DELIVERY_SUCCESS_SAMPLE_PERCENT,
      })),
    });
    topic.applyRemovalPolicy(this.removalPolicy);
    Tags.of(topic).add('banwatch:topic', topicName);
    return topic;
  }
}
