/**
 * dispatch (EventBridge Scheduler, every pollRate minutes): enqueue one SQS message per due feed.
 * The message body is the feed's config (JSON); MessageGroupId = feed id, so the FIFO queue never
 * hands one feed to two poll invocations at once; the deduplication id is feed + scheduled time,
 * so a schedule delivered twice enqueues once.
 */
import { SendMessageBatchCommand, type SQSClient, type SendMessageBatchRequestEntry } from '@aws-sdk/client-sqs';
import type { FeedConfig, FeedState } from '../core/model.js';
import { selectDueFeeds } from '../pipeline.js';
import type { Clock, Logger, Store } from '../ports.js';
import { composeDispatch } from './compose.js';
import { FEED_FAILING_ALARM_MS, METRIC, type HandlerObservability, type InvocationContext } from './names.js';

export interface DispatchDeps extends HandlerObservability {
  feeds: FeedConfig[];
  store: Store;
  sqs: SQSClient;
  queueUrl: string;
  clock: Clock;
  logger: Logger;
}

/** The scheduler's payload: `scheduledTime` is `<aws.scheduler.scheduled-time>`. */
export interface DispatchEvent {
  source?: string;
  scheduledTime?: string;
}

export interface DispatchResult {
  feeds: number;
  due: number;
  enqueued: number;
  failingOver24h: number;
}

/** SendMessageBatch takes at most 10 entries. */
const SQS_BATCH = 10;
/** Failed entries are resent once; a second failure fails the run (the schedule retries it). */
const SEND_ATTEMPTS = 2;
/**
 * A feed that never succeeded has no "last success" to measure from. 8 consecutive failures under
 * the pipeline's backoff (15 min doubling, capped at 12 h) span roughly a day.
 */
const NEVER_OK_FAILURES = 8;

/** Feeds failing with no success for over 24 hours (the FeedsFailingOver24h gauge). */
export function countFailingOver24h(states: Map<string, FeedState>, now: Date): number {
  let n = 0;
  for (const s of states.values()) {
    if (!s.failures) continue;
    if (s.lastSuccessAt) {
      if (now.getTime() - new Date(s.lastSuccessAt).getTime() > FEED_FAILING_ALARM_MS) n++;
    } else if (s.failures >= NEVER_OK_FAILURES) n++;
  }
  return n;
}

/** SQS deduplication ids: up to 128 of alphanumerics and punctuation. */
function dedupId(feedId: string, slot: string): string {
  return `${feedId}:${slot}`.replace(/[^A-Za-z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '_').slice(0, 128);
}

export function makeDispatchHandler(deps: DispatchDeps) {
  return async (event: DispatchEvent = {}, context?: InvocationContext): Promise<DispatchResult> => {
    const { feeds, store, clock, logger, metrics } = deps;
    if (context) deps.addLambdaContext?.(context);
    const now = clock.now();
    const states = await store.getFeedStates(feeds.map((f) => f.id));
    const due = selectDueFeeds(feeds, states, now);
    const failingOver24h = countFailingOver24h(states, now);

    // The scheduled time identifies this run; a manual invoke falls back to the current minute.
    const slot = event.scheduledTime ?? now.toISOString().slice(0, 16);
    let pending: SendMessageBatchRequestEntry[] = due.map((feed, i) => ({
      Id: `f${i}`,
      MessageBody: JSON.stringify(feed),
      MessageGroupId: feed.id,
      MessageDeduplicationId: dedupId(feed.id, slot),
    }));
    let enqueued = 0;
    for (let attempt = 1; pending.length && attempt <= SEND_ATTEMPTS; attempt++) {
      const retry: SendMessageBatchRequestEntry[] = [];
      for (let i = 0; i < pending.length; i += SQS_BATCH) {
        const chunk = pending.slice(i, i + SQS_BATCH);
        const out = await deps.sqs.send(new SendMessageBatchCommand({ QueueUrl: deps.queueUrl, Entries: chunk }));
        enqueued += out.Successful?.length ?? 0;
        const failedIds = new Set((out.Failed ?? []).map((f) => f.Id));
        for (const f of out.Failed ?? []) logger.warn('enqueue failed', { id: f.Id, code: f.Code, error: f.Message, senderFault: f.SenderFault });
        retry.push(...chunk.filter((e) => failedIds.has(e.Id)));
      }
      pending = retry;
    }

    metrics.addMetric(METRIC.feedsDispatched, 'Count', enqueued);
    metrics.addMetric(METRIC.feedsFailingOver24h, 'Count', failingOver24h);
    metrics.publishStoredMetrics();
    logger.info('dispatched due feeds', { feeds: feeds.length, due: due.length, enqueued, failingOver24h });
    if (pending.length) throw new Error(`dispatch: ${pending.length} of ${due.length} due feeds could not be enqueued`);
    return { feeds: feeds.length, due: due.length, enqueued, failingOver24h };
  };
}

let instance: ReturnType<typeof makeDispatchHandler> | undefined;

/** The Lambda entry point: composes once per container (env parsed, clients built), then delegates. */
export const handler = (event: DispatchEvent, context?: InvocationContext): Promise<DispatchResult> => {
  instance ??= makeDispatchHandler(composeDispatch());
  return instance(event, context);
};
