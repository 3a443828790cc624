/**
 * The banwatch stack: Storage, Ingest, Alerts and Monitoring composed, settings from CDK context.
 */
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { Alerts } from './alerts.js';
import type { BanwatchSettings } from './context.js';
import { Digests } from './digests.js';
import { Ingest } from './ingest.js';
import { Monitoring } from './monitoring.js';
import { Storage } from './storage.js';

export interface BanwatchStackProps extends StackProps {
  settings: BanwatchSettings;
}

export class BanwatchStack extends Stack {
  readonly storage: Storage;
  readonly ingest: Ingest;
  readonly alerts: Alerts;
  readonly digests: Digests;
  readonly monitoring: Monitoring;

  constructor(scope: Construct, id: string, props: BanwatchStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const removalPolicy = settings.destroyOnRemoval ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    this.storage = new Storage(this, 'Storage', { removalPolicy });
    this.ingest = new Ingest(this, 'Ingest', {
      table: this.storage.table,
      pollRate: settings.pollRate,
      feedsFile: settings.feedsFile,
      pollConcurrency: settings.pollConcurrency,
      maxAlertAgeDays: settings.maxAlertAgeDays,
      alertBacklog: settings.alertBacklog,
      removalPolicy,
    });
    this.alerts = new Alerts(this, 'Alerts', {
      table: this.storage.table,
      topicPrefix: settings.topicPrefix,
      sweepRate: settings.sweepRate,
      alertEmails: settings.alertEmails,
      countrySubscriptions: settings.countrySubscriptions,
      countries: settings.countries,
      removalPolicy,
    });
    this.digests = new Digests(this, 'Digests', {
      table: this.storage.table,
      key: this.alerts.key,
      digestTopics: this.alerts.digestTopics,
      digestHour: settings.digestHour,
      digestTimeZone: settings.digestTimeZone,
      reportRate: settings.reportRate,
      removalPolicy,
    });
    this.monitoring = new Monitoring(this, 'Monitoring', {
      key: this.alerts.key,
      topicPrefix: settings.topicPrefix,
      opsEmail: settings.opsEmail,
      functions: {
        Dispatch: this.ingest.dispatch,
        Poll: this.ingest.poll,
        Notify: this.alerts.notify,
        Digest: this.digests.digest,
      },
      deadLetterQueues: {
        FeedDeadLetterQueue: this.ingest.deadLetterQueue,
        StreamFailureQueue: this.alerts.streamFailureQueue,
        SubscriptionDeadLetterQueue: this.alerts.subscriptionDeadLetterQueue,
      },
      feedQueue: this.ingest.queue,
      streamConsumer: this.alerts.notify.fn,
      alertTopics: [...this.alerts.topics(), this.alerts.digestTopics.daily, this.alerts.digestTopics.weekly],
      pollRate: settings.pollRate,
      sweepRate: settings.sweepRate,
    });

    new CfnOutput(this, 'AllTopicArn', {
      value: this.alerts.allTopic.topicArn,
      description: 'Subscribe here: banwatch subscribe --topic-arn <this> (or export BANWATCH_TOPIC_ARN)',
    });
    new CfnOutput(this, 'TopicPrefix', { value: settings.topicPrefix });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'FeedQueueUrl', { value: this.ingest.queue.queueUrl });
    new CfnOutput(this, 'OpsTopicArn', { value: this.monitoring.opsTopic.topicArn });
    new CfnOutput(this, 'SubscriptionDeadLetterQueueUrl', { value: this.alerts.subscriptionDeadLetterQueue.queueUrl });
    new CfnOutput(this, 'ReportBucketName', {
      value: this.digests.bucket.bucketName,
      description: 'The report page and Atom feed: banwatch report --url --stack <this stack> (or feed --url)',
    });
    new CfnOutput(this, 'DashboardName', { value: this.monitoring.dashboard.dashboardName });
  }
}
