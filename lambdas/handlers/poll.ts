/**
 * poll (SQS feed queue, batches of up to 5): a message names a feed by id; its URL comes from the
 * registry bundled with this function, never from the queue (an id it does not list, e.g. a feed
 * the last deploy removed, is dropped with a warning). Partial batch response: a poisoned message
 * (not `{"feedId"}`) or a storage outage fails only its own record, so SQS retries it (DLQ after 3
 * receives). A feed that fails to fetch or parse is an outcome, not a failure.
 */
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { FeedConfig } from '../core/model.js';
import { pollFeed } from '../pipeline.js';
import { composePoll } from './compose.js';
import type { PollHandlerDeps } from './deps.js';
import { METRIC, type InvocationContext } from './names.js';

/** The registry entry a message names, or why it names none. */
type Parsed = { ok: true; feed: FeedConfig } | { ok: false; error: string; unknownFeed?: string };
export function parseFeedMessage(body: string, registry: Map<string, FeedConfig>): Parsed {
  let msg: { feedId?: unknown; id?: unknown };
  try {
    msg = Object(JSON.parse(body));
  } catch (err) {
    return { ok: false, error: `not JSON: ${(err as Error).message}` };
  }
  // `id`: messages enqueued before an upgrade carried the whole config; only its id is used.
  const feedId = msg.feedId ?? msg.id;
  if (typeof feedId !== 'string') return { ok: false, error: 'expected {"feedId": "<id>"}' };
  const feed = registry.get(feedId);
  return feed ? { ok: true, feed } : { ok: false, error: `feed "${feedId.slice(0, 64)}" is not in the registry`, unknownFeed: feedId.slice(0, 64) };
}

export function makePollHandler(deps: PollHandlerDeps) {
  const registry = new Map(deps.feeds.map((f) => [f.id, f]));
  return async (event: SQSEvent, context?: InvocationContext): Promise<SQSBatchResponse> => {
    const { logger, metrics } = deps;
    if (context) deps.addLambdaContext?.(context);
    const failures: SQSBatchItemFailure[] = [];
    // One poll per feed even if a batch holds two messages for it (a retry and a new dispatch).
    const byFeed = new Map<string, { feed: FeedConfig; messageIds: string[] }>();
    for (const record of event.Records) {
      const parsed = parseFeedMessage(record.body, registry);
      // A feed the last deploy removed while its message waited: nothing to poll, nothing to retry.
      if (!parsed.ok && parsed.unknownFeed) {
        logger.warn('message names a feed not in the registry; dropped', { messageId: record.messageId, feedId: parsed.unknownFeed });
        continue;
      }
      if (!parsed.ok) {
        logger.error('poisoned feed message', { messageId: record.messageId, error: parsed.error });
        failures.push({ itemIdentifier: record.messageId });
        continue;
      }
      byFeed.set(parsed.feed.id, { feed: parsed.feed, messageIds: [...(byFeed.get(parsed.feed.id)?.messageIds ?? []), record.messageId] });
    }
    await Promise.all(
      [...byFeed.values()].map(async ({ feed, messageIds }) => {
        try {
          // respectInterval: a duplicate message for a feed polled moments ago is a no-op.
          const outcome = await pollFeed(feed, deps, { respectInterval: true });
          metrics.addMetric(METRIC.feedPolls, 'Count', 1);
          if (outcome.status === 'error') metrics.addMetric(METRIC.feedPollErrors, 'Count', 1);
          if (outcome.newItems) metrics.addMetric(METRIC.newItems, 'Count', outcome.newItems);
        } catch (err) {
          // StoreUnavailableError (or a bug): nothing was recorded safely; let SQS retry it.
          logger.error('feed poll aborted; message will be retried', { feedId: feed.id, error: err instanceof Error ? err.message : String(err), code: (err as { code?: string }).code });
          for (const id of messageIds) failures.push({ itemIdentifier: id });
        }
      }),
    );
    metrics.publishStoredMetrics();
    return { batchItemFailures: failures };
  };
}

let instance: ReturnType<typeof makePollHandler> | undefined;

/** The Lambda entry point: composes once per container (env parsed, clients built), then delegates. */
export const handler = (event: SQSEvent, context?: InvocationContext): Promise<SQSBatchResponse> => {
  instance ??= makePollHandler(composePoll());
  return instance(event, context);
};
