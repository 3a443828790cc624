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

/** A feed is stale after this long without a successful poll, or 4 of its poll intervals if longer. */
export const STALE_AFTER_MS = 24 * 3_600_000;
const STALE_INTERVALS = 4;

/**
 * No successful poll for max(24 h, 4 × pollMinutes): failing, parked, or never polled at all (no
 * state, or never a success). The FeedsStale gauge counts these: a feed nobody polls is as broken
 * as one that fails, and "failures > 0" alone would never see it.
 */
export function isStale(feed: FeedConfig, state: FeedState | undefined, now: Date): boolean {
  if (!state?.lastSuccessAt) return true;
  const limit = Math.max(STALE_AFTER_MS, STALE_INTERVALS * (feed.pollMinutes ?? DEFAULT_POLL_MINUTES) * 60_000);
  return now.getTime() - Date.parse(state.lastSuccessAt) > limit;
}

/**
 * The state a poll starts from. When the registry gives a feed a new URL, what was learnt about the
 * old one no longer applies: its validators (ETag, Last-Modified), failures, backoff, last error
 * and last poll are dropped, so the new URL is fetched at once and in full. (The last success
 * stays: the feed was not stale because its URL changed.)
 */
export function stateForUrl(feed: FeedConfig, state: FeedState): FeedState {
  if (!state.url || state.url === feed.url) return state;
  return {
    feedId: state.feedId,
    url: feed.url,
    failures: 0,
    etag: null,
    lastModified: null,
    nextPollAfter: null,
    lastError: null,
    ...(state.lastSuccessAt ? { lastSuccessAt: state.lastSuccessAt } : {}),
  };
}
