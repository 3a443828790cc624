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
import { clusterKeyOf, createEvent, isEventWorthy, itemTime, mergeIntoEvent, withinWindow, type RelevantClassification } from './core/events.js';
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
const EVENT_SAVE_ATTEMPTS = 8;
/** First pause before re-reading a contended event; grows linearly, jittered so writers spread out. */
const EVENT_RETRY_BASE_MS = 20;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.replace(/\s+/g, ' ').slice(0, 300);
}

function errorCode(err: unknown): string {
  return err instanceof BanwatchError ? err.code : 'INTERNAL';
}

/** Feeds that are due at `now` given their states (dispatch reads the states once and passes them). */
export function selectDueFeeds(
  feeds: FeedConfig[],
  states: Map<string, FeedState>,
  now: Date,
  opts: { respectInterval?: boolean } = {},
): FeedConfig[] {
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

interface Pending {
  item: StoredItem;
  c: RelevantClassification;
}

export interface GroupingResult {
  /** itemKey → eventId for every item added. */
  eventOf: Map<string, string>;
  created: Set<string>;
  updated: Set<string>;
}

/**
 * Groups a batch of relevant items (one poll, one page of a reclassify) into events, writing each
 * touched event once instead of once per item: a hot story with 200 items costs one read and one
 * write. Folding is done in memory from the cluster's latest event; when a save meets a concurrent
 * writer (another feed reporting the same story), the cluster is re-read and folded again after a
 * short jittered pause. Re-folding is idempotent: an item already a source changes nothing.
 */
export class EventGrouper {
  private readonly clusters = new Map<string, Pending[]>();

  constructor(
    private readonly store: Store,
    private readonly random: () => number = Math.random,
  ) {}

  add(item: StoredItem, c: RelevantClassification): void {
    const key = clusterKeyOf(c);
    const list = this.clusters.get(key);
    if (list) list.push({ item, c });
    else this.clusters.set(key, [{ item, c }]);
  }

  async flush(): Promise<GroupingResult> {
    const result: GroupingResult = { eventOf: new Map(), created: new Set(), updated: new Set() };
    for (const [key, pending] of this.clusters) {
      let attempt = 1;
      while (!(await this.foldAndSave(key, pending, result))) {
        if (attempt++ >= EVENT_SAVE_ATTEMPTS) {
          throw new StoreUnavailableError('STORE_CONTENTION', `event for cluster ${key} kept changing under us; gave up after ${EVENT_SAVE_ATTEMPTS} attempts`);
        }
        await sleep(EVENT_RETRY_BASE_MS * attempt * (0.5 + this.random()));
      }
    }
    this.clusters.clear();
    return result;
  }

  /**
   * The event an item outside the current window goes to: the first seq from `seq` on that is free
   * (a new event) or whose event the item fits in (one created earlier, e.g. by a run that crashed
   * before saving its items, or by a concurrent poller).
   */
  private async openEvent(
    item: StoredItem,
    c: RelevantClassification,
    seq: number,
    touched: Array<{ event: PolicyEvent; baseVersion: number }>,
  ): Promise<{ event: PolicyEvent; baseVersion: number }> {
    for (let s = seq; s < seq + MAX_SEQ_PROBE; s++) {
      const fresh = createEvent(item, c, s);
      const mine = touched.find((t) => t.event.eventId === fresh.eventId);
      if (mine) {
        if (withinWindow(mine.event, item)) return mine;
        continue;
      }
      const existing = await this.store.getEvent(fresh.eventId);
      if (!existing) {
        const created = { event: fresh, baseVersion: 0 };
        touched.push(created);
        return created;
      }
      if (withinWindow(existing, item)) return { event: existing, baseVersion: existing.version };
    }
    throw new StoreUnavailableError('STORE_CONTENTION', `cluster ${clusterKeyOf(c)} has more than ${MAX_SEQ_PROBE} events in a row that do not fit`);
  }

  /** The fast path. Returns false when a concurrent change was detected (nothing lost). */
  private async foldAndSave(key: string, pending: Pending[], result: GroupingResult): Promise<boolean> {
    // Oldest first, so the event's first source is the first report and stages only move forward.
    const ordered = [...pending].sort((a, b) => itemTime(a.item).localeCompare(itemTime(b.item)));
    const touched: Array<{ event: PolicyEvent; baseVersion: number }> = [];
    const eventOf = new Map<string, PolicyEvent>();
    let current: { event: PolicyEvent; baseVersion: number } | null = null;
    const latest = await this.store.latestEventInCluster(key);
    if (latest) current = { event: latest, baseVersion: latest.version };
    for (const { item, c } of ordered) {
      if (!current || !withinWindow(current.event, item)) {
        current = await this.openEvent(item, c, current ? current.event.seq + 1 : latest ? latest.seq + 1 : 0, touched);
        if (current.baseVersion === 0 && current.event.sources[0]?.itemKey === item.itemKey) {
          eventOf.set(item.itemKey, current.event);
          continue;
        }
      }
      if (!touched.includes(current)) touched.push(current);
      const merged = mergeIntoEvent(current.event, item, c);
      // Versions count saves, not items: keep the base version + 1 however many items merged.
      if (merged.changed) current.event = { ...merged.event, version: current.baseVersion + 1 };
      eventOf.set(item.itemKey, current.event);
    }
    for (const t of touched) {
      const changed = t.baseVersion === 0 || t.event.version !== t.baseVersion;
      if (!changed) continue;
      if (!(await this.store.saveEvent(t.event, t.baseVersion))) return false;
      if (t.baseVersion === 0) result.created.add(t.event.eventId);
      else result.updated.add(t.event.eventId);
    }
    for (const [itemKey, event] of eventOf) {
      const final = touched.find((t) => t.event.eventId === event.eventId)?.event ?? event;
      result.eventOf.set(itemKey, final.eventId);
    }
    return true;
  }
}


/** Events of one cluster a fold may step over looking for a free seq; far more than any real story has. */
const MAX_SEQ_PROBE = 64;

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
    const grouper = new EventGrouper(store, random);
    for (const item of fresh) {
      const classification = classify(toClassifierInput(item, feed));
      const storedItem: StoredItem = { ...item, classification, eventId: null, feedCountry: feed.country ?? null, feedKind: feed.kind };
      if (isEventWorthy(classification)) {
        outcome.relevant++;
        grouper.add(storedItem, classification);
      }
      stored.push(storedItem);
    }
    // Events before items (see the top of this file).
    const grouped = await grouper.flush();
    for (const item of stored) item.eventId = grouped.eventOf.get(item.itemKey) ?? null;
    const inserted = await store.putItems(stored);
    outcome.newItems = inserted.size;
    outcome.events = { new: grouped.created.size, updated: grouped.updated.size };
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

/** Pending events read per page when draining the outbox. */
const NOTIFY_PAGE = 100;
/**
 * How long one notifyPending keeps draining pages: 40 s fits inside the notify Lambda's 60 s timeout
 * with room to mark the last page; what is left stays pending for the next sweep or run.
 */
const NOTIFY_BUDGET_MS = 40_000;

/**
 * Publishes one alert per pending event (its current stage) and marks it sent once the publisher
 * confirmed. Failed alerts stay pending for the next run. With `eventIds` (the stream fast path)
 * only those events are considered, and only if still pending. Otherwise it drains the outbox page
 * by page (`limit` per page) until nothing is pending or `budgetMs` has passed; an event is tried
 * at most once per call, so a failing one neither blocks the rest nor loops.
 */
export async function notifyPending(
  deps: NotifyDeps,
  opts: { eventIds?: string[]; limit?: number; budgetMs?: number } = {},
): Promise<NotifyResult> {
  const { store, publisher, clock, logger } = deps;
  const pageSize = Math.max(1, opts.limit ?? NOTIFY_PAGE);
  const deadline = clock.now().getTime() + (opts.budgetMs ?? NOTIFY_BUDGET_MS);
  const tried = new Set<string>();
  const total: NotifyResult = { published: 0, failed: 0, alerts: [] };
  for (;;) {
    let events: PolicyEvent[];
    let lastPage = true;
    if (opts.eventIds) {
      const loaded = await Promise.all([...new Set(opts.eventIds)].map((id) => store.getEvent(id)));
      events = loaded.filter((e): e is PolicyEvent => e !== null && e.alertState === 'PENDING');
    } else {
      // Events tried earlier in this call may still be pending (failed): ask for that many more.
      const want = tried.size + pageSize;
      const page = await store.listPendingEvents(want);
      lastPage = page.length < want;
      events = page.filter((e) => !tried.has(e.eventId));
    }
    for (const e of events) tried.add(e.eventId);
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
    if (toSend.length > 0) {
      const result = await publisher.publish(toSend);
      const ok = new Set(result.published);
      for (const alert of toSend) {
        if (!ok.has(alert.alertId)) continue;
        await store.markAlerted(alert.eventId, alert.attributes.stage);
        total.alerts.push(alert);
        total.published++;
      }
      total.failed += result.failed.length;
      for (const f of result.failed) logger.warn('alert not published; stays pending', { alertId: f.alertId, error: f.error });
    }
    if (opts.eventIds || lastPage || events.length === 0) break;
    if (clock.now().getTime() >= deadline) {
      logger.warn('notify time budget used up; the rest stays pending for the next run', { published: total.published });
      break;
    }
  }
  if (total.published > 0 || total.failed > 0) logger.info('alerts published', { published: total.published, failed: total.failed });
  return total;
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
  for await (const page of deps.store.scanItems()) {
    const updates: StoredItem[] = [];
    const grouper = new EventGrouper(deps.store);
    for (const item of page) {
      result.items++;
      const c = classifyStored(item, classify);
      if (isEventWorthy(c)) result.relevant++;
      if (sameClassification(item.classification, c)) continue;
      result.changed++;
      const updated: StoredItem = { ...item, classification: c, eventId: null };
      if (isEventWorthy(c)) grouper.add(updated, c);
      updates.push(updated);
    }
    const grouped = await grouper.flush();
    for (const u of updates) u.eventId = grouped.eventOf.get(u.itemKey) ?? null;
    result.events.new += grouped.created.size;
    result.events.updated += grouped.updated.size;
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
