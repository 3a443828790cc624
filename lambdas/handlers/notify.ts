/**
 * notify: publish pending alerts. Two triggers, one code path (notifyPending):
 *  - the table stream (fast path), filtered to event rows still pending: only those event ids;
 *  - the scheduled sweep (safety net, `{"source":"banwatch.sweep"}`): whatever is still pending,
 *    then the age of the oldest alert left pending (a gauge whose absence also alarms).
 * An alert that fails to publish stays pending; the invocation then fails so the stream retries
 * (bounded, then the failure queue) and the Errors alarm fires. The sweep picks it up regardless.
 */
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { notifyPending, oldestPendingAlertAge } from '../pipeline.js';
import { composeNotify } from './compose.js';
import type { NotifyHandlerDeps } from './deps.js';
import { METRIC, type InvocationContext } from './names.js';

export type NotifyEvent = DynamoDBStreamEvent | { source?: string };

export interface NotifyHandlerResult {
  trigger: 'stream' | 'sweep';
  published: number;
  failed: number;
  failedPermanently: number;
}

/** Events per page of the sweep (one listPendingEvents + one publish each). */
const SWEEP_LIMIT = 100;

/** Event ids of the stream records (event rows: eventId attribute, else pk EVENT#<id>). */
export function eventIdsFromStream(records: DynamoDBRecord[]): string[] {
  const ids = new Set<string>();
  for (const r of records) {
    const image = r.dynamodb?.NewImage;
    const id = image?.eventId?.S ?? (image?.pk?.S?.startsWith('EVENT#') ? image.pk.S.slice('EVENT#'.length) : undefined);
    if (id) ids.add(id);
  }
  return [...ids];
}

const isStreamEvent = (event: NotifyEvent): event is DynamoDBStreamEvent => Array.isArray((event as DynamoDBStreamEvent).Records);

export function makeNotifyHandler(deps: NotifyHandlerDeps) {
  return async (event: NotifyEvent, context?: InvocationContext): Promise<NotifyHandlerResult> => {
    const { logger, metrics } = deps;
    if (context) deps.addLambdaContext?.(context);
    const stream = isStreamEvent(event);
    const result: NotifyHandlerResult = { trigger: stream ? 'stream' : 'sweep', published: 0, failed: 0, failedPermanently: 0 };
    try {
      const eventIds = stream ? eventIdsFromStream(event.Records) : undefined;
      // The sweep drains page after page within notifyPending's time budget (40 s of the 60 s timeout).
      if (!eventIds || eventIds.length) {
        const r = await notifyPending(deps, eventIds ? { eventIds } : { limit: SWEEP_LIMIT });
        Object.assign(result, { published: r.published, failed: r.failed, failedPermanently: r.failedPermanently });
      }
      if (!stream) metrics.addMetric(METRIC.oldestPendingAlertAge, 'Seconds', await oldestPendingAlertAge(deps.store, deps.clock.now()));
    } finally {
      metrics.addMetric(METRIC.alertsPublished, 'Count', result.published);
      metrics.addMetric(METRIC.alertsFailed, 'Count', result.failed);
      metrics.addMetric(METRIC.alertsFailedPermanently, 'Count', result.failedPermanently);
      metrics.publishStoredMetrics();
    }
    logger.info('notify done', { ...result });
    if (result.failed) throw new Error(`notify: ${result.failed} alert(s) not published; they stay pending`);
    return result;
  };
}

let instance: ReturnType<typeof makeNotifyHandler> | undefined;

/** The Lambda entry point: composes once per container (env parsed, clients built), then delegates. */
export const handler = (event: NotifyEvent, context?: InvocationContext): Promise<NotifyHandlerResult> => {
  instance ??= makeNotifyHandler(composeNotify());
  return instance(event, context);
};
