/**
 * When is a feed due, and how long does a failing feed wait? Pure: the clock and the jitter
 * source are passed in.
 */
import type { FeedConfig, FeedState } from './model.js';

/** Default minutes between polls when a feed does not say (the AWS schedule's rate). */
export const DEFAULT_POLL_MINUTES = 15;
/** First backoff step after a failure: one poll interval, so a blip costs one cycle. */
const BACKOFF_BASE_MS = 15 * 60_000;
/** Backoff ceiling: a feed broken for days is still retried twice a day. */
const BACKOFF_MAX_MS = 12 * 3_600_000;
/** Retry-After ceiling: a server cannot park a feed for more than a day. */
export const RETRY_AFTER_MAX_SECONDS = 24 * 3600;
/**
 * A poll that lands slightly early (schedule jitter) still counts as due, so a 15-minute feed on a
 * 15-minute schedule is not skipped every other cycle.
 */
const INTERVAL_TOLERANCE_MS = 60_000;

export interface DueOptions {
  /** Also wait pollMinutes after the last poll (scheduled runs); off for a manual `run --once`. */
  respectInterval: boolean;
}

export type DueDecision = { due: true } | { due: false; until: Date; reason: 'retry_after_or_backoff' | 'interval' };

export function isDue(feed: FeedConfig, state: FeedState | undefined, now: Date, opts: DueOptions): DueDecision {
  if (state?.nextPollAfter) {
    const until = new Date(state.nextPollAfter);
    if (until.getTime() > now.getTime()) return { due: false, until, reason: 'retry_after_or_backoff' };
  }
  if (opts.respectInterval && state?.lastPolledAt) {
    const intervalMs = (feed.pollMinutes ?? DEFAULT_POLL_MINUTES) * 60_000;
    const next = new Date(state.lastPolledAt).getTime() + intervalMs;
    if (next - INTERVAL_TOLERANCE_MS > now.getTime()) return { due: false, until: new Date(next), reason: 'interval' };
  }
  return { due: true };
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so failing feeds
 * spread out instead of retrying in lockstep. `random` returns [0, 1).
 */
export function backoffMs(failures: number, random: () => number): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(step / 2 + (step / 2) * random());
}
