/**
 * Alerts: the encrypted SNS topics ("all" and one per country), their email subscriptions, and the
 * `notify` function fed by the table stream (fast path) and by a scheduled sweep (safety net).
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
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
import { acknowledge, acknowledgeTableIndexes, nagArnText } from './nag.js';
import { RateSchedule } from './schedule.js';

export interface AlertsProps {
  table: dynamodb.ITable;
  topicPrefix: string;
  sweepRate: number;
  alertEmails: string[];
  countrySubscriptions: Record<string, string[]>;
  removalPolicy: RemovalPolicy;
}

/** Stream records per notify invocation; an event row is small, 100 is one short run. */
export const NOTIFY_BATCH_SIZE = 100;
/** Stream retries before the batch goes to the failure queue (the sweep still publishes it). */
export const STREAM_RETRY_ATTEMPTS = 3;

/** The topic name of one country: `<prefix>-country-<cc>`, lower case like alert.topics. */
export const countryTopicName = (prefix: string, country: string): string =>
  `${prefix}-country-${country.toLowerCase()}`;

/**
 * The stream filter: only event rows that carry an alert to publish (pendingPk = PENDING in the new
 * image). Items, feed states and index rows never invoke notify.
 */
export const PENDING_EVENT_FILTER = {
  eventName: ['INSERT', 'MODIFY'],
  dynamodb: { NewImage: { [TABLE.indexes.pending.partitionKey]: { S: [PENDING] } } },
};

export class Alerts extends Construct {
  readonly key: kms.Key;
  readonly allTopic: sns.Topic;
  readonly countryTopics: Map<string, sns.Topic> = new Map();
  readonly notify: BanwatchFunction;
  readonly streamFailureQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: AlertsProps) {
    super(scope, id);
    const { topicPrefix } = props;

    // A customer managed key (not alias/aws/sns): its policy can let CloudWatch alarms and other
    // AWS services publish to the encrypted topics, which the AWS managed key cannot.
    this.key = new kms.Key(this, 'TopicKey', {
      description: 'banwatch: encrypts the alert and ops SNS topics',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
    });
    // CloudWatch alarms publish to the encrypted ops topic: the alarm service must be able to use
    // the key (AWS's documented policy for alarms on encrypted topics). Anyone else still needs
    // sns:Publish on a topic, which the topic policies do not grant.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToUseTheTopicKey',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );

    this.allTopic = this.topic('AllTopic', `${topicPrefix}-all`, 'banwatch: all policy events');
    for (const email of props.alertEmails) {
      this.allTopic.addSubscription(new subscriptions.EmailSubscription(email));
    }
    for (const [country, emails] of Object.entries(props.countrySubscriptions)) {
      const cc = country.toUpperCase();
      const topic = this.topic(`CountryTopic${cc}`, countryTopicName(topicPrefix, cc));
      this.countryTopics.set(cc, topic);
      for (const email of emails) topic.addSubscription(new subscriptions.EmailSubscription(email));
    }

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
        // Country topics created at run time get the same key as the ones created here.
        TOPIC_KMS_KEY_ID: this.key.keyArn,
      },
    });
    const fn = this.notify.fn;
    props.table.grantReadWriteData(fn);
    this.allTopic.grantPublish(fn);
    this.key.grant(fn, 'kms:Decrypt', 'kms:GenerateDataKey*');
    const countryTopicArns = Stack.of(this).formatArn({
      service: 'sns',
      resource: countryTopicName(topicPrefix, '*'),
    });
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'CountryTopics',
        // CreateTopic is idempotent: notify resolves a country topic's ARN by creating it.
        actions: ['sns:CreateTopic', 'sns:Publish'],
        resources: [countryTopicArns],
      }),
    );

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

    new RateSchedule(this, 'SweepSchedule', {
      fn,
      rateMinutes: props.sweepRate,
      description: `banwatch: publish alerts still pending every ${props.sweepRate} minutes`,
      input: { ...SWEEP_EVENT },
    });

    acknowledgeTableIndexes(fn, props.table);
    acknowledge(
      fn,
      `AwsSolutions-IAM5[Resource::${nagArnText(this, 'sns', countryTopicName(topicPrefix, '*'))}]`,
      'Country topics are created on demand (CreateTopic is idempotent); the grant is limited to `<prefix>-country-*` in this account and region.',
    );
    acknowledge(
      fn,
      'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      'Publishing to a KMS-encrypted topic needs GenerateDataKey*; the grant is on the topic key only.',
    );
    acknowledge(
      fn,
      'AwsSolutions-IAM5[Resource::*]',
      'dynamodb:ListStreams (added by the stream event source) has no resource-level permissions.',
    );
  }

  /**
   * Country topics carry only the attributes notify also passes to CreateTopic (the key): SNS
   * rejects CreateTopic for an existing topic whose attributes differ.
   */
  private topic(id: string, topicName: string, displayName?: string): sns.Topic {
    return new sns.Topic(this, id, {
      topicName,
      ...(displayName ? { displayName } : {}),
      masterKey: this.key,
      enforceSSL: true,
    });
  }
}
