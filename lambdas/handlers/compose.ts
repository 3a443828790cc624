/**
 * The AWS composition root: builds SDK clients, adapters, logger and metrics once per container
 * (the handlers call these on their first invocation and keep the result). The CLI's counterpart
 * is lambdas/local/runtime.ts; nowhere else constructs an adapter.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { LogAttributes } from '@aws-lambda-powertools/logger/types';
import type { Context } from 'aws-lambda';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { parseFeedsConfig } from '../config.js';
import { createDocumentClient, DynamoStore } from '../adapters/dynamo-store.js';
import { HttpFeedFetcher } from '../adapters/http-fetcher.js';
import { S3ReportSink } from '../adapters/s3-report-sink.js';
import { SnsDigestChannel } from '../adapters/sns-digests.js';
import { SnsPublisher } from '../adapters/sns-publisher.js';
import { SqsFeedQueue } from '../adapters/sqs-feed-queue.js';
import type { FeedConfig } from '../core/model.js';
import { systemClock, type Logger } from '../ports.js';
import type { DigestHandlerDeps, DispatchHandlerDeps, NotifyHandlerDeps, PollHandlerDeps } from './deps.js';
import { digestEnvSchema, dispatchEnvSchema, notifyEnvSchema, parseEnv, pollEnvSchema } from './env.js';
import { METRICS_NAMESPACE, SERVICE_NAME, type InvocationContext } from './names.js';

type Env = Record<string, string | undefined>;


/**
 * Powertools Logger (structured JSON lines, level from POWERTOOLS_LOG_LEVEL) behind the Logger
 * port. Extra fields become top-level keys of the JSON line.
 */
export function createLogger(): { logger: Logger; addLambdaContext: (context: InvocationContext) => void } {
  const powertools = new PowertoolsLogger({ serviceName: SERVICE_NAME });
  const bind =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, extra?: Record<string, unknown>): void => {
      if (extra) powertools[level](message, extra as LogAttributes);
      else powertools[level](message);
    };
  return {
    logger: { debug: bind('debug'), info: bind('info'), warn: bind('warn'), error: bind('error') },
    addLambdaContext: (context) => powertools.addContext(context as Context),
  };
}

/** Powertools Metrics (CloudWatch EMF in the log stream: no API call, no extra latency). */
export function createMetrics(): Metrics {
  return new Metrics({ namespace: METRICS_NAMESPACE, serviceName: SERVICE_NAME });
}

function createStore(tableName: string, logger: Logger): DynamoStore {
  return new DynamoStore(createDocumentClient(new DynamoDBClient({})), tableName, { logger });
}

/** The feed registry bundled with the function (FEEDS_FILE, relative to the bundle root). */
function bundledFeeds(file: string, root: string | undefined): FeedConfig[] {
  const feedsPath = isAbsolute(file) ? file : join(root ?? process.cwd(), file);
  return parseFeedsConfig(readFileSync(feedsPath, 'utf8'), feedsPath);
}

export function composeDispatch(env: Env = process.env): DispatchHandlerDeps {
  const cfg = parseEnv(dispatchEnvSchema, env);
  const { logger, addLambdaContext } = createLogger();
  return {
    feeds: bundledFeeds(cfg.FEEDS_FILE, cfg.LAMBDA_TASK_ROOT),
    store: createStore(cfg.TABLE_NAME, logger),
    queue: new SqsFeedQueue(new SQSClient({}), cfg.FEED_QUEUE_URL, logger),
    clock: systemClock,
    logger,
    metrics: createMetrics(),
    addLambdaContext,
  };
}

export function composePoll(env: Env = process.env): PollHandlerDeps {
  const cfg = parseEnv(pollEnvSchema, env);
  const { logger, addLambdaContext } = createLogger();
  return {
    feeds: bundledFeeds(cfg.FEEDS_FILE, cfg.LAMBDA_TASK_ROOT),
    store: createStore(cfg.TABLE_NAME, logger),
    // No allowHosts in AWS: feed URLs never reach private networks or the metadata endpoint.
    fetcher: new HttpFeedFetcher({ timeoutMs: cfg.FETCH_TIMEOUT_MS }),
    clock: systemClock,
    alertPolicy: { maxAlertAgeDays: cfg.MAX_ALERT_AGE_DAYS, alertBacklog: cfg.ALERT_BACKLOG === 'true' },
    logger,
    metrics: createMetrics(),
    addLambdaContext,
  };
}

export function composeNotify(env: Env = process.env): NotifyHandlerDeps {
  const cfg = parseEnv(notifyEnvSchema, env);
  const { logger, addLambdaContext } = createLogger();
  const store = createStore(cfg.TABLE_NAME, logger);
  return {
    store,
    publisher: new SnsPublisher(new SNSClient({}), {
      allTopicArn: cfg.ALL_TOPIC_ARN,
      topicPrefix: cfg.TOPIC_PREFIX,
      countryTopics: cfg.COUNTRY_TOPICS,
      logger,
      // Across containers: a retried alert goes only to the topics it has not reached, an alert
      // already SENT is not published again, and one that keeps failing is given up (FAILED).
      deliveries: store,
    }),
    clock: systemClock,
    logger,
    metrics: createMetrics(),
    addLambdaContext,
  };
}

export function composeDigest(env: Env = process.env): DigestHandlerDeps {
  const cfg = parseEnv(digestEnvSchema, env);
  const { logger, addLambdaContext } = createLogger();
  return {
    store: createStore(cfg.TABLE_NAME, logger),
    channel: new SnsDigestChannel(new SNSClient({}), { daily: cfg.DIGEST_DAILY_TOPIC_ARN, weekly: cfg.DIGEST_WEEKLY_TOPIC_ARN }, logger),
    reports: new S3ReportSink(new S3Client({}), cfg.REPORT_BUCKET),
    clock: systemClock,
    logger,
    metrics: createMetrics(),
    addLambdaContext,
  };
}
