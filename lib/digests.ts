/**
 * Digests and the report: the `digest` function, run by three schedules (the daily digest, the
 * weekly one on Mondays, both at digestHour in digestTimeZone, and a report rewrite every
 * reportRate minutes), publishing to the digest topics of Alerts and writing the report page and
 * the Atom feed to a private bucket that people read through presigned links
 * (`banwatch report --url`, `banwatch feed --url`).
 */
import { Duration, RemovalPolicy, Stack, TimeZone } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ATOM_OBJECT, REPORT_OBJECT } from '../lambdas/core/report-objects.js';
import { DIGEST_SOURCE } from '../lambdas/handlers/names.js';
import { TABLE } from '../lambdas/table.js';
import { BanwatchFunction } from './function.js';
import { onlyRoleMay, topicKeyThroughSns } from './policies.js';
import { acknowledge } from './nag.js';
import { RateSchedule } from './schedule.js';

export interface DigestsProps {
  table: dynamodb.ITable;
  key: kms.IKey;
  digestTopics: Record<'daily' | 'weekly', sns.Topic>;
  digestHour: number;
  digestTimeZone: string;
  reportRate: number;
  removalPolicy: RemovalPolicy;
}

export class Digests extends Construct {
  readonly bucket: s3.Bucket;
  readonly digest: BanwatchFunction;
  readonly schedules: Record<'daily' | 'weekly' | 'report', RateSchedule>;

  constructor(scope: Construct, id: string, props: DigestsProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // Private: no public access of any kind; people read it through presigned GETs signed with
    // their own credentials. SSE-S3, so a presigned link needs no KMS grant.
    this.bucket = new s3.Bucket(this, 'ReportBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Two objects rewritten in place: old versions would only pile up.
      versioned: false,
      removalPolicy: props.removalPolicy,
    });
    acknowledge(
      this.bucket,
      'AwsSolutions-S1',
      'Two generated files (the report page and the Atom feed of the events table), rewritten by the digest function and read through presigned links; access logs of them would tell nothing the table does not.',
    );

    this.digest = new BanwatchFunction(this, 'Digest', {
      handler: 'digest',
      description: 'banwatch: daily and weekly digests to the digest topics; the report page and Atom feed to the report bucket',
      // The report page draws the world map (d3-geo over Natural Earth 1:110m) and holds every event.
      memorySize: 512,
      // 120 s: one paged read of the events, a few dozen Publish calls, two PutObject.
      timeout: Duration.seconds(120),
      // One at a time: a digest and a report rewrite scheduled together never race on the bucket.
      reservedConcurrentExecutions: 1,
      removalPolicy: props.removalPolicy,
      environment: {
        TABLE_NAME: props.table.tableName,
        DIGEST_DAILY_TOPIC_ARN: props.digestTopics.daily.topicArn,
        DIGEST_WEEKLY_TOPIC_ARN: props.digestTopics.weekly.topicArn,
        REPORT_BUCKET: this.bucket.bucketName,
      },
    });
    const fn = this.digest.fn;
    // Lambda retries a failed asynchronous (scheduled) invocation twice by default, which would
    // send again the digests that did go out; the Errors alarm tells someone instead.
    fn.configureAsyncInvoke({ retryAttempts: 0 });

    // What DynamoStore.queryEvents reads: the events index (which events), then their rows.
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'DigestReadEvents', actions: ['dynamodb:BatchGetItem', 'dynamodb:GetItem'], resources: [props.table.tableArn] }));
    fn.addToRolePolicy(
      new iam.PolicyStatement({ sid: 'DigestEventsIndex', actions: ['dynamodb:Query'], resources: [`${props.table.tableArn}/index/${TABLE.indexes.events.name}`] }),
    );
    const topics = [props.digestTopics.daily, props.digestTopics.weekly];
    fn.addToRolePolicy(
      new iam.PolicyStatement({ sid: 'DigestTopics', actions: ['sns:Publish', 'sns:ListSubscriptionsByTopic'], resources: topics.map((t) => t.topicArn) }),
    );
    // The filter policy of each subscription (its digest key). IAM has no resource type for this action.
    fn.addToRolePolicy(new iam.PolicyStatement({ sid: 'DigestSubscriptionFilters', actions: ['sns:GetSubscriptionAttributes'], resources: ['*'] }));
    fn.addToRolePolicy(topicKeyThroughSns(props.key, stack.region));
    fn.addToRolePolicy(
      new iam.PolicyStatement({ sid: 'WriteReport', actions: ['s3:PutObject'], resources: [REPORT_OBJECT, ATOM_OBJECT].map((o) => this.bucket.arnForObjects(o)) }),
    );
    // A digest reaches every subscriber of a filter: nobody but this function may publish one.
    for (const topic of topics) topic.addToResourcePolicy(onlyRoleMay('OnlyDigestPublishes', 'sns:Publish', topic.topicArn, this.digest.role));

    const timeZone = TimeZone.of(props.digestTimeZone);
    const at = { hour: String(props.digestHour), minute: '0', timeZone };
    const input = (kind: string) => ({ source: DIGEST_SOURCE, kind, scheduledTime: scheduler.ContextAttribute.scheduledTime });
    this.schedules = {
      daily: new RateSchedule(this, 'DailyDigestSchedule', {
        fn,
        // A digest more than an hour late is still worth sending; later, the next one covers it.
        rateMinutes: 60,
        cron: at,
        description: `banwatch: the daily digest at ${props.digestHour}:00 ${props.digestTimeZone}`,
        input: input('daily'),
      }),
      weekly: new RateSchedule(this, 'WeeklyDigestSchedule', {
        fn,
        rateMinutes: 60,
        cron: { ...at, weekDay: 'MON' },
        description: `banwatch: the weekly digest on Mondays at ${props.digestHour}:00 ${props.digestTimeZone}`,
        input: input('weekly'),
      }),
      report: new RateSchedule(this, 'ReportSchedule', {
        fn,
        rateMinutes: props.reportRate,
        description: `banwatch: rewrite the report page and Atom feed every ${props.reportRate} minutes`,
        input: input('report'),
      }),
    };

    acknowledge(
      this.digest,
      'AwsSolutions-IAM5[Resource::*]',
      'sns:GetSubscriptionAttributes has no resource-level permissions in IAM (read-only: it reads the filter policy of the digest topics\' subscriptions).',
    );
  }
}
