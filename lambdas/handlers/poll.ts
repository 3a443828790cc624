/**
 * poll (SQS feed queue, batches of up to 5): each message carries one feed's config; poll it with
 * the pipeline. Partial batch response: a poisoned message (not a feed config) or a storage outage
 * fails only its own record, so SQS retries it (and parks it in the DLQ after 3 receives) while
 * the rest of the batch is done. A feed that fails to fetch or parse is an outcome, not a failure:
 * the pipeline records it in the feed state and backs off.
 */
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { feedsFileSchema } from '../config.js';
import type { FeedConfig } from '../core/model.js';
import { pollFeed, type PollDeps } from '../pipeline.js';
import { composePoll } from './compose.js';
import { METRIC, type HandlerObservability, type InvocationContext } from './names.js';

export interface PollHandlerDeps extends PollDeps, HandlerObservability {}

/** Parses one message body into a validated feed config, or says why it cannot. */
export function parseFeedMessage(body: string): { ok: true; feed: FeedConfig } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch (err) {
    return { ok: false, error: `not JSON: ${(err as Error).message}` };
  }
  // The registry's own schema: a message is exactly one registry entry.
  const parsed = feedsFileSchema.safeParse({ feeds: [raw] });
  if (!parsed.success) {
    return { ok: false, error: parsed.error.issues.map((i) => `${i.path.slice(2).join('.') || '(body)'}: ${i.message}`).join('; ') };
  }
  return { ok: true, feed: parsed.data.feeds[0] as FeedConfig };
}

export function makePollHandler(deps: PollHandlerDeps) {
  return async (event: SQSEvent, context?: InvocationContext): Promise<SQSBatchResponse> => {
    const { logger, metrics } = deps;
    if (context) deps.addLambdaContext?.(context);
    const failures: SQSBatchItemFailure[] = [];
    // One poll per feed even if a batch holds two messages for it (a retry and a new dispatch).
    const byFeed = new Map<string, { feed: FeedConfig; messageIds: string[] }>();
    for (const record of event.Records) {
      const parsed = parseFeedMessage(record.body);
      if (!parsed.ok) {
        logger.error('poisoned feed message', { messageId: record.messageId, error: parsed.error });
        failures.push({ itemIdentifier: record.messageId });
        continue;
      }
      const group = byFeed.get(parsed.feed.id);
      if (group) group.messageIds.push(record.messageId);
      else byFeed.set(parsed.feed.id, { feed: parsed.feed, messageIds: [record.messageId] });
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
          logger.error('feed poll aborted; message will be retried', {
            feedId: feed.id,
            error: err instanceof Error ? err.message : String(err),
            code: (err as { code?: string }).code,
          });
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
