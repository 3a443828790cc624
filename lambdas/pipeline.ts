/**
 * Orchestration shared by the Lambda handlers and the CLI: poll feeds, classify and group items,
 * publish pending alerts. Talks only to ports; the composition roots pass the adapters.
 *
 * Crash safety (every step can be killed and re-run):
 *  1. events are saved before the items that feed them, so a re-run re-derives a lost item and
 *     finds itself already a source of the event (no double count, no double alert);
 *  2. the feed's validators (ETag, Last-Modified) are saved last, so a crash re-fetches the body;
 *  3. an alert is marked sent only after the publisher confirmed it (outbox).
 */
import { renderAlert } from './core/alert.js';
import { classify as defaultClassify } from './core/classifier/index.js';
import { BanwatchError, StoreUnavailableError } from './core/errors.js';
import { clusterKeyOf, createEvent, isEventWorthy, mergeIntoEvent, withinWindow, type RelevantClassification } from './core/events.js';
import { parseFeed } from './core/feed/parse.js';
import type {
  Alert,
  Classification,
  ClassifierInput,
  FeedConfig,
  FeedOutcome,
  FeedState,
  NormalizedItem,
  PolicyEvent,
  StoredItem,
} from './core/model.js';
import { RETRY_AFTER_MAX_SECONDS, backoffMs, isDue } from './core/schedule.js';
import type { Clock, FeedFetcher, Logger, Publisher, Store } from './ports.js';

export type ClassifyFn = (input: ClassifierInput) => Classification;

export interface PollDeps {
  store: Store;
  fetcher: FeedFetcher;
  clock: Clock;
  logger: Logger;
  classify?: ClassifyFn;
  /** Jitter source for backoff, [0, 1). */
  random?: () => number;
}

export interface PollOptions {
  /** Honour pollMinutes since the last poll (scheduled runs). Retry-After/backoff always apply. */
  respectInterval?: boolean;
  /** Feed state already loaded by the caller (saves a read). */
  state?: FeedState;
}

/** Saving an event retries this often when a concurrent poller changed it in between. */
const EVENT_SAVE_ATTEMPTS = 4;

function errorMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').slice(0, 300);
}

function errorCode(err: unknown): string {
  return err instanceof BanwatchError ? err.code : 'INTERNAL';
}

/** Feeds that are due now (dispatch): one read of all feed states. */
export async function dueFeeds(
  feeds: FeedConfig[],
  deps: { store: Store; clock: Clock },
  opts: { respectInterval?: boolean } = {},
): Promise<FeedConfig[]> {
  const states = await deps.store.getFeedStates(feeds.map((f) => f.id));
  const now = deps.clock.now();
  return feeds.filter((f) => isDue(f, states.get(f.id), now, { respectInterval: opts.respectInterval ?? true }).due);
}

function toClassifierInput(item: NormalizedItem, feed: FeedConfig): ClassifierInput {
  return {
    id: item.itemKey,
    title: item.title,
    summary: item.summary,
    link: item.link,
    published: item.published,
    language: item.language ?? feed.language ?? null,
    feed: { country: feed.country ?? null, kind: feed.kind, language: feed.language ?? null },
  };
}

export function classifyStored(item: StoredItem, classify: ClassifyFn): Classification {
  return classify({
    id: item.itemKey,
    title: item.title,
    summary: item.summary,
    link: item.link,
    published: item.published,
    language: item.language,
    feed: { country: item.feedCountry ?? null, kind: item.feedKind ?? null, language: item.language },
  });
}

/**
 * Puts one relevant item into its event: the latest event of its cluster when within the window,
 * else a new one. Optimistic concurrency: reload and retry when someone else saved in between.
 */
export async function groupIntoEvent(
  store: Store,
  item: StoredItem,
  c: RelevantClassification,
  cache: Map<string, PolicyEvent | null> = new Map(),
): Promise<{ event: PolicyEvent; created: boolean; changed: boolean }> {
  const clusterKey = clusterKeyOf(c);
  for (let attempt = 1; attempt <= EVENT_SAVE_ATTEMPTS; attempt++) {
    let latest = attempt === 1 && cache.has(clusterKey) ? cache.get(clusterKey)! : await store.latestEventInCluster(clusterKey);
    if (latest && !withinWindow(latest, item)) latest = null;
    if (!latest) {
      const fresh = createEvent(item, c);
      // The id derives from the first item: after a crash the same event may already exist.
      const existing = await store.getEvent(fresh.eventId);
      if (existing) {
        cache.set(clusterKey, existing);
        return { event: existing, created: false, changed: false };
      }
      if (await store.saveEvent(fresh, 0)) {
        cache.set(clusterKey, fresh);
        return { event: fresh, created: true, changed: true };
      }
    } else {
      const merged = mergeIntoEvent(latest, item, c);
      if (!merged.changed) {
        cache.set(clusterKey, latest);
        return { event: latest, created: false, changed: false };
      }
      if (await store.saveEvent(merged.event, latest.version)) {
        cache.set(clusterKey, merged.event);
        return { event: merged.event, created: false, changed: true };
      }
    }
    cache.delete(clusterKey);
  }
  throw new StoreUnavailableError('STORE_CONTENTION', `event for cluster ${clusterKey} kept changing under us; giving up after ${EVENT_SAVE_ATTEMPTS} attempts`);
}

/**
 * Polls one feed: fetch → parse → dedupe → classify → group → store. Per-feed problems become an
 * outcome with status "error"; only StoreUnavailableError escapes (the run cannot go on).
 */
export async function pollFeed(feed: FeedConfig, deps: PollDeps, opts: PollOptions = {}): Promise<FeedOutcome> {
  const { store, fetcher, clock, logger } = deps;
  const classify = deps.classify ?? defaultClassify;
  const random = deps.random ?? Math.random;
  const now = clock.now();
  const state: FeedState = opts.state ?? (await store.getFeedStates([feed.id])).get(feed.id) ?? { feedId: feed.id, failures: 0 };
  const outcome: FeedOutcome = { id: feed.id, url: feed.url, status: 'ok', items: 0, newItems: 0, relevant: 0, events: { new: 0, updated: 0 } };

  const due = isDue(feed, state, now, { respectInterval: opts.respectInterval ?? false });
  if (!due.due) {
    logger.debug('feed not due', { feedId: feed.id, until: due.until.toISOString(), reason: due.reason });
    return { ...outcome, status: 'skipped' };
  }

  const fail = async (err: unknown): Promise<FeedOutcome> => {
    if (err instanceof StoreUnavailableError) throw err;
    const failures = (state.failures ?? 0) + 1;
    const retryAfter = (err as { retryAfterSeconds?: number }).retryAfterSeconds;
    const waitMs = retryAfter !== undefined ? Math.min(retryAfter, RETRY_AFTER_MAX_SECONDS) * 1000 : backoffMs(failures, random);
    const code = errorCode(err);
    const message = errorMessage(err);
    await store.putFeedState({
      ...state,
      feedId: feed.id,
      lastPolledAt: now.toISOString(),
      failures,
      nextPollAfter: new Date(now.getTime() + waitMs).toISOString(),
      lastError: { code, message, at: now.toISOString() },
      lastStatus: 'error',
    });
    logger.warn('feed failed', { feedId: feed.id, code, error: message, failures, retryInSeconds: Math.round(waitMs / 1000) });
    const httpStatus = (err as { httpStatus?: number }).httpStatus;
    return { ...outcome, status: 'error', error: message, errorCode: code, ...(httpStatus ? { httpStatus } : {}) };
  };

  const succeed = (extra: Partial<FeedState>): FeedState => ({
    ...state,
    feedId: feed.id,
    lastPolledAt: now.toISOString(),
    lastSuccessAt: now.toISOString(),
    failures: 0,
    nextPollAfter: null,
    lastError: null,
    ...extra,
  });

  try {
    const fetched = await fetcher.fetch({ url: feed.url, etag: state.etag ?? null, lastModified: state.lastModified ?? null });
    if (fetched.status === 'not_modified') {
      await store.putFeedState(succeed({ lastStatus: 'not_modified' }));
      return { ...outcome, status: 'not_modified', httpStatus: 304 };
    }
    outcome.httpStatus = fetched.httpStatus;
    const parsed = await parseFeed(fetched.body, { feedId: feed.id, fetchedAt: now, language: feed.language ?? null });
    outcome.items = parsed.items.length;

    const existing = await store.existingItemKeys(parsed.items.map((i) => i.itemKey));
    const fresh = parsed.items.filter((i) => !existing.has(i.itemKey));
    const stored: StoredItem[] = [];
    const cache = new Map<string, PolicyEvent | null>();
    const newEvents = new Set<string>();
    const updatedEvents = new Set<string>();
    for (const item of fresh) {
      const classification = classify(toClassifierInput(item, feed));
      const storedItem: StoredItem = { ...item, classification, eventId: null, feedCountry: feed.country ?? null, feedKind: feed.kind };
      if (isEventWorthy(classification)) {
        outcome.relevant++;
        const grouped = await groupIntoEvent(store, storedItem, classification, cache);
        storedItem.eventId = grouped.event.eventId;
        if (grouped.created) newEvents.add(grouped.event.eventId);
        else if (grouped.changed && !newEvents.has(grouped.event.eventId)) updatedEvents.add(grouped.event.eventId);
      }
      stored.push(storedItem);
    }
    const inserted = await store.putItems(stored);
    outcome.newItems = inserted.size;
    outcome.events = { new: newEvents.size, updated: updatedEvents.size };
    await store.putFeedState(succeed({ etag: fetched.etag, lastModified: fetched.lastModified, lastStatus: 'ok' }));
    logger.info('feed polled', { feedId: feed.id, items: outcome.items, newItems: outcome.newItems, relevant: outcome.relevant, events: outcome.events });
    return outcome;
  } catch (err) {
    return fail(err);
  }
}

export interface PollManyOptions {
  concurrency?: number;
  respectInterval?: boolean;
  onProgress?: (done: number, total: number, outcome: FeedOutcome) => void;
}

/** Polls every feed (not-due ones come back "skipped"), a few at a time, in registry order. */
export async function pollFeeds(feeds: FeedConfig[], deps: PollDeps, opts: PollManyOptions = {}): Promise<FeedOutcome[]> {
  const states = await deps.store.getFeedStates(feeds.map((f) => f.id));
  // 4 at once: enough to hide network latency, few enough to be polite and keep memory flat.
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? 4, 32));
  const results: FeedOutcome[] = new Array(feeds.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < feeds.length) {
      const i = next++;
      const feed = feeds[i]!;
      const state = states.get(feed.id);
      results[i] = await pollFeed(feed, deps, { respectInterval: opts.respectInterval ?? false, ...(state ? { state } : {}) });
      opts.onProgress?.(++done, feeds.length, results[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, feeds.length) }, worker));
  return results;
}

export interface NotifyDeps {
  store: Store;
  publisher: Publisher;
  clock: Clock;
  logger: Logger;
}

export interface NotifyResult {
  published: number;
  failed: number;
  alerts: Alert[];
}

/**
 * Publishes one alert per pending event (its current stage) and marks it sent once the publisher
 * confirmed. Failed alerts stay pending for the next run. With `eventIds` (the stream fast path)
 * only those events are considered, and only if still pending.
 */
export async function notifyPending(deps: NotifyDeps, opts: { eventIds?: string[]; limit?: number } = {}): Promise<NotifyResult> {
  const { store, publisher, clock, logger } = deps;
  let events: PolicyEvent[];
  if (opts.eventIds) {
    const loaded = await Promise.all([...new Set(opts.eventIds)].map((id) => store.getEvent(id)));
    events = loaded.filter((e): e is PolicyEvent => e !== null && e.alertState === 'PENDING');
  } else {
    events = await store.listPendingEvents(opts.limit);
  }
  const now = clock.now();
  const toSend: Alert[] = [];
  for (const event of events) {
    if (event.alertedStages.includes(event.stage)) {
      // Pending but this stage already went out (e.g. crash between publish and mark): just settle it.
      await store.markAlerted(event.eventId, event.stage);
      continue;
    }
    toSend.push(renderAlert(event, now));
  }
  if (toSend.length === 0) return { published: 0, failed: 0, alerts: [] };
  const result = await publisher.publish(toSend);
  const ok = new Set(result.published);
  const sent: Alert[] = [];
  for (const alert of toSend) {
    if (!ok.has(alert.alertId)) continue;
    await store.markAlerted(alert.eventId, alert.attributes.stage);
    sent.push(alert);
  }
  for (const f of result.failed) logger.warn('alert not published; stays pending', { alertId: f.alertId, error: f.error });
  logger.info('alerts published', { published: sent.length, failed: result.failed.length });
  return { published: sent.length, failed: result.failed.length, alerts: sent };
}

export interface ReclassifyResult {
  items: number;
  changed: number;
  relevant: number;
  events: { new: number; updated: number };
}

/**
 * Re-runs the classifier over every stored item (after a lexicon change) and regroups items whose
 * classification changed. Events only grow: a stage change makes its event pending once; stages
 * already alerted never alert again.
 */
export async function reclassifyAll(
  deps: { store: Store; logger: Logger; classify?: ClassifyFn },
  opts: { onProgress?: (items: number) => void } = {},
): Promise<ReclassifyResult> {
  const classify = deps.classify ?? defaultClassify;
  const result: ReclassifyResult = { items: 0, changed: 0, relevant: 0, events: { new: 0, updated: 0 } };
  const cache = new Map<string, PolicyEvent | null>();
  for await (const page of deps.store.scanItems()) {
    const updates: StoredItem[] = [];
    for (const item of page) {
      result.items++;
      const c = classifyStored(item, classify);
      if (isEventWorthy(c)) result.relevant++;
      if (sameClassification(item.classification, c)) continue;
      result.changed++;
      const updated: StoredItem = { ...item, classification: c };
      if (isEventWorthy(c)) {
        const grouped = await groupIntoEvent(deps.store, updated, c, cache);
        updated.eventId = grouped.event.eventId;
        if (grouped.created) result.events.new++;
        else if (grouped.changed) result.events.updated++;
      }
      updates.push(updated);
    }
    if (updates.length) await deps.store.updateItems(updates);
    opts.onProgress?.(result.items);
  }
  deps.logger.info('reclassified', { ...result });
  return result;
}

function sameClassification(a: Classification, b: Classification): boolean {
  return (
    a.relevant === b.relevant &&
    a.measure === b.measure &&
    a.stage === b.stage &&
    a.countries.join(',') === b.countries.join(',') &&
    a.vendors.join(',') === b.vendors.join(',')
  );
}
