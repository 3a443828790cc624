/**
 * Ingest: a schedule runs `dispatch`, which enqueues one message per due feed on a FIFO queue;
 * `poll` consumes it. FIFO with MessageGroupId = feed id is what guarantees that one feed is never
 * polled by two invocations at once: Lambda never processes two messages of one group concurrently
 * (reserved concurrency alone would not: a retried message and the next dispatch's message for the
 * same feed could land in two concurrent invocations). Reserved concurrency only bounds the load.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { parseFeedsConfig } from '../lambdas/config.js';
import { BUNDLED_FEEDS_FILE } from '../lambdas/handlers/names.js';
import { TABLE, keys } from '../lambdas/table.js';
import { BanwatchFunction, PROJECT_ROOT } from './function.js';
import { onlyRoleMay } from './policies.js';
import { RateSchedule } from './schedule.js';

export interface IngestProps {
  table: dynamodb.ITable;
  /** Minutes between dispatch runs. */
  pollRate: number;
  /** Path of the feed registry, relative to the project root or absolute. */
  feedsFile: string;
  pollConcurrency: number;
  /** Old-news rules of the poll function (lambdas/pipeline.ts AlertPolicy). */
  maxAlertAgeDays: number;
  alertBacklog: boolean;
  removalPolicy: RemovalPolicy;
}

/** Poll function timeout. 60 s: a 20 s fetch deadline plus parsing and storing up to 5 feeds. */
export const POLL_TIMEOUT = Duration.seconds(60);
/** Fetch deadline per feed, well inside POLL_TIMEOUT. */
export const FETCH_TIMEOUT_MS = 20_000;
/** Messages per poll invocation. 5 feeds polled in parallel keep one invocation short. */
export const POLL_BATCH_SIZE = 5;
/** A message is tried 3 times (poisoned or persistently failing) before it parks in the DLQ. */
export const MAX_RECEIVE_COUNT = 3;

export class Ingest extends Construct {
  readonly dispatch: BanwatchFunction;
  readonly poll: BanwatchFunction;
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly dispatchSchedule: RateSchedule;

  constructor(scope: Construct, id: string, props: IngestProps) {
    super(scope, id);

    // Validate the registry at synth time: a bad feeds.json fails `cdk synth`, not the first run.
    const feedsPath = path.resolve(PROJECT_ROOT, props.feedsFile);
    parseFeedsConfig(fs.readFileSync(feedsPath, 'utf8'), feedsPath);

    this.deadLetterQueue = new sqs.Queue(this, 'FeedDeadLetterQueue', {
      fifo: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // 14 days, the maximum: time to notice the alarm and look at the poisoned message.
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the feed queue.',
    });

    this.queue = new sqs.Queue(this, 'FeedQueue', {
      fifo: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // Lambda's rule of thumb: at least 6x the function timeout, so retries and throttling
      // never make a message visible again while it is still being processed.
      visibilityTimeout: Duration.seconds(POLL_TIMEOUT.toSeconds() * 6),
      // A day: longer than the OldestMessageAge alarm's threshold, so a stuck poller is noticed before
      // any message expires unseen (a late message is harmless: poll honours pollMinutes).
      retentionPeriod: Duration.days(1),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    // Both functions carry the registry: a queue message names a feed by id only, and poll takes
    // the URL from its own copy, never from the queue.
    const bundleFiles = { [BUNDLED_FEEDS_FILE]: feedsPath };
    this.dispatch = new BanwatchFunction(this, 'Dispatch', {
      handler: 'dispatch',
      description: 'banwatch: enqueue the feeds that are due for a poll',
      memorySize: 256,
      // Reads ~100 feed states and sends ~10 SendMessageBatch calls: seconds, not minutes.
      timeout: Duration.seconds(30),
      removalPolicy: props.removalPolicy,
      environment: {
        TABLE_NAME: props.table.tableName,
        FEED_QUEUE_URL: this.queue.queueUrl,
        FEEDS_FILE: BUNDLED_FEEDS_FILE,
      },
      bundleFiles,
    });
    // Dispatch reads feed-state rows (BatchGetItem) and nothing else of the table.
    this.dispatch.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadFeedStates',
        actions: ['dynamodb:BatchGetItem'],
        resources: [props.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${keys.feedState('').pk}*`] } },
      }),
    );
    this.queue.grantSendMessages(this.dispatch.fn);
    // Nobody but dispatch enqueues: a message names a feed to fetch, so it is a trust boundary.
    this.queue.addToResourcePolicy(onlyRoleMay('OnlyDispatchSends', 'sqs:SendMessage', this.queue.queueArn, this.dispatch.role));

    this.dispatchSchedule = new RateSchedule(this, 'DispatchSchedule', {
      fn: this.dispatch.fn,
      rateMinutes: props.pollRate,
      description: `banwatch: dispatch due feeds every ${props.pollRate} minutes`,
      // scheduledTime makes the SQS deduplication id: a run delivered twice enqueues once.
      input: { source: 'banwatch.dispatch', scheduledTime: scheduler.ContextAttribute.scheduledTime },
    });

    this.poll = new BanwatchFunction(this, 'Poll', {
      handler: 'poll',
      description: 'banwatch: fetch, parse, classify and store one feed per SQS message',
      // 512 MB: parsing a multi-megabyte feed wants headroom, and more memory means more CPU.
      memorySize: 512,
      timeout: POLL_TIMEOUT,
      // Bounds the load on feed hosts and DynamoDB; matches the event source's maxConcurrency so
      // the poller is never throttled (throttled receives would count towards maxReceiveCount).
      reservedConcurrentExecutions: props.pollConcurrency,
      removalPolicy: props.removalPolicy,
      environment: {
        TABLE_NAME: props.table.tableName,
        FETCH_TIMEOUT_MS: String(FETCH_TIMEOUT_MS),
        MAX_ALERT_AGE_DAYS: String(props.maxAlertAgeDays),
        ALERT_BACKLOG: String(props.alertBacklog),
        FEEDS_FILE: BUNDLED_FEEDS_FILE,
      },
      bundleFiles,
    });
    // What the pipeline's poll path calls (DynamoStore): reads and conditional puts of feed states,
    // items, events, index rows and resolution heads; Query on the cluster index only.
    this.poll.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'PollTable',
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:PutItem'],
        resources: [props.table.tableArn],
      }),
    );
    this.poll.fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'PollClusterIndex',
        actions: ['dynamodb:Query'],
        resources: [`${props.table.tableArn}/index/${TABLE.indexes.cluster.name}`],
      }),
    );
    this.poll.fn.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: POLL_BATCH_SIZE,
        // One bad message fails alone; the rest of the batch is deleted.
        reportBatchItemFailures: true,
        maxConcurrency: props.pollConcurrency,
      }),
    );
  }
}
