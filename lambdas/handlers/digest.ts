/**
 * digest (EventBridge Scheduler): `{"kind": "daily"}` and `{"kind": "weekly"}` publish the digest
 * of each subscriber filter to its digest topic and write the report page and the Atom feed to the
 * report bucket; `{"kind": "report"}` writes only those (digests.runDigest). The period ends at
 * the scheduled time, so a retried invocation covers the same one.
 */
import { runDigest, type DigestFrequency, type DigestRunResult } from '../digests.js';
import { composeDigest } from './compose.js';
import type { DigestHandlerDeps } from './deps.js';
import { METRIC, type InvocationContext } from './names.js';

export interface DigestEvent {
  source?: string;
  kind?: string;
  /** `<aws.scheduler.scheduled-time>`. */
  scheduledTime?: string;
}

export interface DigestHandlerResult {
  kind: DigestFrequency | 'report';
  reportEvents: number;
  digests: DigestRunResult | null;
}

const KINDS = ['daily', 'weekly', 'report'] as const;

export function makeDigestHandler(deps: DigestHandlerDeps) {
  return async (event: DigestEvent = {}, context?: InvocationContext): Promise<DigestHandlerResult> => {
    const { logger, metrics } = deps;
    if (context) deps.addLambdaContext?.(context);
    const kind = KINDS.find((k) => k === event.kind);
    if (!kind) throw new Error(`digest: kind must be daily, weekly or report, not ${JSON.stringify(event.kind)}`);
    const at = event.scheduledTime && !Number.isNaN(Date.parse(event.scheduledTime)) ? new Date(event.scheduledTime) : deps.clock.now();
    let result: DigestHandlerResult = { kind, reportEvents: 0, digests: null };
    try {
      const r = await runDigest(deps, kind, at);
      result = { kind, reportEvents: r.report.events, digests: r.digests };
    } finally {
      metrics.addMetric(METRIC.digestsPublished, 'Count', result.digests?.published ?? 0);
      metrics.publishStoredMetrics();
    }
    logger.info('digest done', { ...result });
    // The Errors alarm: a digest that did not go out is a subscriber who heard nothing.
    if (result.digests?.failed.length) throw new Error(`digest: ${result.digests.failed.length} digest(s) not published`);
    return result;
  };
}

let instance: ReturnType<typeof makeDigestHandler> | undefined;

/** The Lambda entry point: composes once per container (env parsed, clients built), then delegates. */
export const handler = (event: DigestEvent, context?: InvocationContext): Promise<DigestHandlerResult> => {
  instance ??= makeDigestHandler(composeDigest());
  return instance(event, context);
};
