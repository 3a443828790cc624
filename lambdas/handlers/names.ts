/**
 * Names shared by the CDK stack (lib/) and the Lambda handlers, so the alarm watches the metric
 * the handler actually emits and the stack sets the variables env.ts reads.
 */
export const SERVICE_NAME = 'banwatch';
export const METRICS_NAMESPACE = 'Banwatch';

export const METRIC = {
  /** 1 per dispatch run: its absence is the alarm (a stopped schedule, a broken deploy). */
  cycleHeartbeat: 'CycleHeartbeat',
  /**
   * Gauge emitted by dispatch each run: feeds with no successful poll for max(24 h, 4 × pollMinutes),
   * feeds never polled included (a feed that is never dispatched is as broken as one that fails).
   */
  feedsStale: 'FeedsStale',
  /** Emitted by dispatch: feeds enqueued this run. */
  feedsDispatched: 'FeedsDispatched',
  /** Emitted by poll: one per feed polled, by outcome. */
  feedPolls: 'FeedPolls',
  feedPollErrors: 'FeedPollErrors',
  newItems: 'NewItems',
  /** Emitted by notify. */
  alertsPublished: 'AlertsPublished',
  alertsFailed: 'AlertsFailed',
  /** Alerts given up after MAX_ALERT_ATTEMPTS publish attempts (state FAILED). */
  alertsFailedPermanently: 'AlertsFailedPermanently',
  /** Gauge emitted by every sweep: age of the oldest alert still pending (0 when none). */
  oldestPendingAlertAge: 'OldestPendingAlertAgeSeconds',
  /**
   * Emitted by digest: digests published this run (one per subscriber filter with changes). A
   * failed one fails the invocation (the Errors alarm); no metric of its own ($0.30 a month each).
   */
  digestsPublished: 'DigestsPublished',
} as const;

/** Payload the scheduled sweep sends to the notify function. */
export const SWEEP_EVENT = { source: 'banwatch.sweep' } as const;

/** What the digest schedules send: `kind` daily, weekly or report; `scheduledTime` ends the period. */
export const DIGEST_SOURCE = 'banwatch.digest';

/** File name of the feed registry inside the dispatch bundle. */
export const BUNDLED_FEEDS_FILE = 'feeds.json';


/** What the handlers need of Powertools Metrics (tests pass a recording fake). */
export interface HandlerMetrics {
  addMetric(name: string, unit: 'Count' | 'Seconds', value: number): void;
  publishStoredMetrics(): void;
}

/** The Lambda invocation context, as far as the handlers use it. */
export interface InvocationContext {
  awsRequestId: string;
  functionName: string;
}

/** Observability the handlers share: metrics, and tagging log lines with the invocation. */
export interface HandlerObservability {
  metrics: HandlerMetrics;
  /** Adds the request id, function name and cold start to every log line of this invocation. */
  addLambdaContext?: (context: InvocationContext) => void;
}
