/**
 * dispatch (EventBridge Scheduler, every pollRate minutes): enqueue one message per due feed
 * (pipeline.dispatchDue; SqsFeedQueue: the body is the feed id, grouped and deduplicated by feed
 * and scheduled time) and emit the cycle's heartbeat and the FeedsStale gauge.
 */
import { dispatchDue, type DispatchResult } from '../pipeline.js';
import { composeDispatch } from './compose.js';
import type { DispatchHandlerDeps } from './deps.js';
import { METRIC, type InvocationContext } from './names.js';

/** The scheduler's payload: `scheduledTime` is `<aws.scheduler.scheduled-time>`. */
export interface DispatchEvent {
  source?: string;
  scheduledTime?: string;
}

export function makeDispatchHandler(deps: DispatchHandlerDeps) {
  return async (event: DispatchEvent = {}, context?: InvocationContext): Promise<DispatchResult> => {
    const { logger, metrics } = deps;
    if (context) deps.addLambdaContext?.(context);
    // The scheduled time identifies this run; a manual invoke falls back to the current minute.
    const slot = event.scheduledTime ?? deps.clock.now().toISOString().slice(0, 16);
    const result = await dispatchDue(deps, slot);
    metrics.addMetric(METRIC.cycleHeartbeat, 'Count', 1);
    metrics.addMetric(METRIC.feedsDispatched, 'Count', result.enqueued);
    metrics.addMetric(METRIC.feedsStale, 'Count', result.stale);
    metrics.publishStoredMetrics();
    logger.info('dispatched due feeds', { ...result });
    if (result.failed.length) throw new Error(`dispatch: ${result.failed.length} of ${result.due} due feeds could not be enqueued`);
    return result;
  };
}

let instance: ReturnType<typeof makeDispatchHandler> | undefined;

/** The Lambda entry point: composes once per container (env parsed, clients built), then delegates. */
export const handler = (event: DispatchEvent, context?: InvocationContext): Promise<DispatchResult> => {
  instance ??= makeDispatchHandler(composeDispatch());
  return instance(event, context);
};
