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
import {
  EVENT_WINDOW_DAYS,
  STAGE_PROGRESSION_DAYS,
  alertIdOf,
  applyAlertMark,
  bestMatch,
  clusterKeyOf,
  createEvent,
  isEnding,
  repeatCandidate,
  alertStateOf,
  isEventWorthy,
  itemTime,
  matchEvent,
  mergeIntoEvent,
  nextAlert,
  refreshAlertState,
  withoutSource,
  type RelevantClassification,
} from './core/events.js';
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
  Stage,
  StoredItem,
} from './core/model.js';
import { RETRY_AFTER_MAX_SECONDS, backoffMs, isDue, isStale, stateForUrl } from './core/schedule.js';
import { systemClock, type Clock, type FeedFetcher, type FeedQueue, type Logger, type Publisher, type Store } from './ports.js';

export type ClassifyFn = (input: ClassifierInput) => Classification;

/**
 * When news is too old to alert (DESIGN.md "Old news never alerts"). Same rules on AWS and locally.
 */
export interface AlertPolicy {
  /** Items published more than this many days before the cycle's time are stored and grouped, never alerted. */
  maxAlertAgeDays: number;
  /** Alert on the items of a feed's first successful poll too (normally they seed silently). */
  alertBacklog: boolean;
  /**
   * Alerts of events less sure than this (confidence in [0, 1]) and without an official source are
   * held for the digests instead of sent at once (0: send everything). Absent: DEFAULT_HOLD_BELOW.
   */
  holdBelow?: number;
}

/**
 * 0.6: on unseen articles, relevant predictions below ~0.7 were fully right less than half the time
 * (README, Accuracy); an event that weak, with no government source, is worth a line in the digest,
 * not an interruption.
 */
export const DEFAULT_HOLD_BELOW = 0.6;

/** 14 days: a weekly digest reader still finds it news; a feed's months-old archive does not alert. */
export const DEFAULT_ALERT_POLICY: AlertPolicy = { maxAlertAgeDays: 14, alertBacklog: false, holdBelow: DEFAULT_HOLD_BELOW };

/** Is this alert held for the digests (below the confidence floor, no official source)? */
export function isHeld(event: Pick<PolicyEvent, 'confidence' | 'sources'>, holdBelow: number): boolean {
  return event.confidence < holdBelow && !event.sources.some((s) => s.official);
}

export interface PollDeps {
  store: Store;
  fetcher: FeedFetcher;
  clock: Clock;
  logger: Logger;
  classify?: ClassifyFn;
  /** Jitter source for backoff, [0, 1). */
  random?: () => number;
  alertPolicy?: AlertPolicy;
}

/** Is an item fresh enough to alert, given when the cycle runs? */
export function isFreshNews(item: Pick<NormalizedItem, 'published' | 'fetchedAt'>, now: Date, policy: AlertPolicy): boolean {
  return Date.parse(itemTime(item)) >= now.getTime() - policy.maxAlertAgeDays * 86_400_000;
}

export interface PollOptions {
  /** Honour pollMinutes since the last poll (scheduled runs). Retry-After/backoff apply unless `force`. */
  respectInterval?: boolean;
  /** Poll even a feed in backoff or Retry-After (a person asked: `run --force`). */
  force?: boolean;
  /** Feed state already loaded by the caller (saves a read). */
  state?: FeedState;
}

/**
 * Item keys remembered in the feed state (32 hex characters each: 300 keep the row under 12 KB);
 * a feed serving more has the rest looked up, as before.
 */
const SEEN_KEYS_MAX = 300;

/** Item keys / event ids per "feed polled" log line: a busy feed's first poll stays one readable line. */
const LOGGED_KEYS = 50;

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
    outletSite: item.outletSite ?? null,
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
    outletSite: item.outletSite ?? null,
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

interface Working {
  event: PolicyEvent;
  /** Version as read (0: created in this fold). */
  baseVersion: number;
}

/**
 * The stage a burst claims when it meets stored events: its derived stage, or an ending (lifted,
 * rejected) when at least half its reports say so. A lone "court blocks the ban" is not enough to
 * lift an event by itself (stageSupported), but it is plainly about the ban it would lift.
 */
function claimedStage(derived: Stage, claims: Stage[]): Stage {
  for (const ending of ['lifted', 'rejected'] as const) {
    const n = claims.filter((s) => s === ending).length;
    if (n > 0 && n * 2 >= claims.length) return ending;
  }
  return derived;
}

/** How far back candidates are read: an event seen this long before a report can still take it. */
const CANDIDATE_REACH_MS = (STAGE_PROGRESSION_DAYS + EVENT_WINDOW_DAYS) * 86_400_000;

/**
 * Resolves a batch of relevant items (one poll, one page of a reclassify) into events
 * (lambdas/core/events.ts), writing each touched event once instead of once per item. Items are
 * grouped by resolution key (acting countries); per key, the candidate events are read, the items
 * folded in oldest first (joining the best-matching event or opening a new one at the next free
 * seq), and the touched events saved with conditional writes. When a save meets a concurrent writer
 * (another feed reporting the same decision), the key is re-read and folded again after a short
 * jittered pause. Re-folding is idempotent: an item already a source changes nothing.
 */
export class EventGrouper {
  private readonly groups = new Map<string, Pending[]>();

  /** `revise`: items may already be sources (reclassify): their source is replaced by the new reading. */
  constructor(
    private readonly store: Store,
    private readonly random: () => number = Math.random,
    private readonly opts: { revise?: boolean } = {},
  ) {}

  add(item: StoredItem, c: RelevantClassification): void {
    const key = clusterKeyOf(c);
    const list = this.groups.get(key);
    if (list) list.push({ item, c });
    else this.groups.set(key, [{ item, c }]);
  }

  async flush(): Promise<GroupingResult> {
    const result: GroupingResult = { eventOf: new Map(), created: new Set(), updated: new Set() };
    for (const [key, pending] of this.groups) {
      let attempt = 1;
      while (!(await this.foldAndSave(key, pending, result))) {
        if (attempt++ >= EVENT_SAVE_ATTEMPTS) {
          throw new StoreUnavailableError('STORE_CONTENTION', `events of ${key} kept changing under us; gave up after ${EVENT_SAVE_ATTEMPTS} attempts`);
        }
        await sleep(EVENT_RETRY_BASE_MS * attempt * (0.5 + this.random()));
      }
    }
    this.groups.clear();
    return result;
  }

  /** One fold of a key's items into its events. Returns false when a concurrent change was detected (nothing lost). */
  private async foldAndSave(key: string, pending: Pending[], result: GroupingResult): Promise<boolean> {
    // Oldest first, so an event's first source is the first report and stages only move forward.
    const ordered = [...pending].sort((a, b) => itemTime(a.item).localeCompare(itemTime(b.item)) || a.item.itemKey.localeCompare(b.item.itemKey));
    const since = new Date(Date.parse(itemTime(ordered[0]!.item)) - CANDIDATE_REACH_MS).toISOString();
    const candidates = await this.store.resolutionCandidates(key, since);
    const working: Working[] = candidates.events.map((event) => ({ event, baseVersion: event.version }));
    let nextSeq = candidates.nextSeq;
    const touched = new Set<Working>();
    const eventOf = new Map<string, Working>();

    // 1. Items already sources of an event are done (a retried poll). In revise mode (reclassify) a
    //    known report that still fits its event is taken out to be re-read in place; one that no
    //    longer fits is resolved afresh (its old event keeps it as a source: events only grow).
    const fresh: Pending[] = [];
    for (const p of ordered) {
      const holder = working.find((w) => w.event.sources.some((s) => s.itemKey === p.item.itemKey));
      if (holder && this.opts.revise) {
        const without = withoutSource(holder.event, p.item.itemKey);
        if (matchEvent(without, p.item, p.c)) {
          holder.event = without;
          touched.add(holder);
        }
      } else if (holder) {
        eventOf.set(p.item.itemKey, holder);
        continue;
      }
      fresh.push(p);
    }

    // 2. Bursts: the batch's reports resolved among themselves first, so that what several outlets
    //    say at once is weighed together (stage and measure votes) before it meets stored events.
    //    A report that ends a measure (lifted, rejected) and one that reports it proposed, announced
    //    or in force are different developments, not tenses of one: they form separate bursts (a
    //    week's "Supreme Court upholds the ban" and "order delays the ban" meet stored events apart).
    const bursts: Array<{ event: PolicyEvent; members: Array<Pending & { reason: string }> }> = [];
    for (const p of fresh) {
      const kin = bursts.filter((b) => isEnding(b.members[0]!.c.stage) === isEnding(p.c.stage));
      const best = bestMatch(kin.map((b) => b.event), p.item, p.c);
      if (best) {
        const burst = bursts.find((b) => b.event === best.event)!;
        burst.event = mergeIntoEvent(burst.event, p.item, p.c, best.match.reason).event;
        burst.members.push({ ...p, reason: best.match.reason });
      } else {
        bursts.push({ event: createEvent(p.item, p.c, -1), members: [{ ...p, reason: 'first report' }] });
      }
    }

    // 3. Each burst joins the stored event its consensus fits best, or opens the next one.
    for (const burst of bursts) {
      const first = burst.members[0]!;
      const consensus: RelevantClassification = {
        ...first.c,
        countries: burst.event.countries,
        vendors: burst.event.vendors,
        measure: burst.event.measure,
        stage: claimedStage(burst.event.stage, burst.members.map((m) => m.c.stage)),
        upheld: burst.event.sources.some((s) => s.upheld),
      };
      const best = bestMatch(
        working.map((w) => w.event),
        first.item,
        consensus,
        burst.event.sources.map((s) => s.actor ?? null),
      );
      let target: Working;
      let members = burst.members;
      if (best) {
        target = working.find((w) => w.event === best.event)!;
        members = members.map((m) => ({ ...m, reason: best.match.reason }));
      } else {
        const event = createEvent(first.item, first.c, nextSeq++);
        const repeat = repeatCandidate(working.map((w) => w.event), first.item, consensus, burst.event.sources.map((s) => s.actor ?? null));
        if (repeat) {
          event.repeatOf = repeat.eventId;
          event.sources[0]!.mergeReason = `first report; same act as ${repeat.eventId}, last reported ${repeat.lastSeen.slice(0, 10)}: a new act or late news of it`;
          event.alertState = alertStateOf(event);
        }
        target = { event, baseVersion: 0 };
        working.push(target);
        members = members.slice(1);
        eventOf.set(first.item.itemKey, target);
      }
      for (const m of members) {
        const merged = mergeIntoEvent(target.event, m.item, m.c, m.reason);
        // Versions count saves, not items: keep the base version + 1 however many items merged.
        if (merged.changed) target.event = { ...merged.event, version: target.baseVersion + 1 };
        eventOf.set(m.item.itemKey, target);
      }
      touched.add(target);
    }

    // Creations in seq order: if one loses its race, later seqs are not taken out of order.
    const saves = [...touched].sort((a, b) => (a.baseVersion === 0 ? 0 : 1) - (b.baseVersion === 0 ? 0 : 1) || a.event.seq - b.event.seq);
    for (const t of saves) {
      if (t.baseVersion !== 0 && t.event.version === t.baseVersion) continue;
      if (!(await this.store.saveEvent(t.event, t.baseVersion))) return false;
      if (t.baseVersion === 0) result.created.add(t.event.eventId);
      else result.updated.add(t.event.eventId);
    }
    for (const [itemKey, w] of eventOf) result.eventOf.set(itemKey, w.event.eventId);
    return true;
  }
}

/** A feed fetched, parsed and classified, waiting for its events to be resolved before it is stored. */
interface Collected {
  outcome: FeedOutcome;
  /** Stores the items and the validators once the grouper has flushed; absent when there is nothing to store. */
  finish?: (grouped: GroupingResult) => Promise<FeedOutcome>;
}

/**
 * Fetch → parse → dedupe → classify one feed, adding its relevant items to `grouper`. Per-feed
 * problems become an outcome with status "error"; only StoreUnavailableError escapes.
 */
async function collectFeed(feed: FeedConfig, deps: PollDeps, opts: PollOptions, grouper: EventGrouper): Promise<Collected> {
  const { store, fetcher, clock, logger } = deps;
  const classify = deps.classify ?? defaultClassify;
  const random = deps.random ?? Math.random;
  const policy = deps.alertPolicy ?? DEFAULT_ALERT_POLICY;
  const now = clock.now();
  // A feed whose URL changed in the registry starts afresh (validators, failures and backoff dropped).
  const state: FeedState = stateForUrl(feed, opts.state ?? (await store.getFeedStates([feed.id])).get(feed.id) ?? { feedId: feed.id, failures: 0 });
  const outcome: FeedOutcome = { id: feed.id, url: feed.url, status: 'ok', items: 0, newItems: 0, relevant: 0, events: { new: 0, updated: 0 } };

  const due = opts.force ? ({ due: true } as const) : isDue(feed, state, now, { respectInterval: opts.respectInterval ?? false });
  if (!due.due) {
    logger.debug('feed not due', { feedId: feed.id, until: due.until.toISOString(), reason: due.reason });
    return { outcome: { ...outcome, status: 'skipped' } };
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
      url: feed.url,
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
    url: feed.url,
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
      return { outcome: { ...outcome, status: 'not_modified', httpStatus: 304 } };
    }
    outcome.httpStatus = fetched.httpStatus;
    const parsed = await parseFeed(fetched.body, { feedId: feed.id, fetchedAt: now, language: feed.language ?? null });
    outcome.items = parsed.items.length;

    // Keys the feed served at its last successful poll are known without a read (most of a changed
    // feed is what it served before); only the others are looked up (docs/deploy.md, "Cost").
    const seen = new Set(state.seenItemKeys ?? []);
    const unseen = parsed.items.filter((i) => !seen.has(i.itemKey));
    const existing = unseen.length ? await store.existingItemKeys(unseen.map((i) => i.itemKey)) : new Set<string>();
    const fresh = unseen.filter((i) => !existing.has(i.itemKey));
    // A feed's first successful poll is its backlog: stored and grouped, not news to anyone.
    const backlog = !state.lastSuccessAt && !policy.alertBacklog;
    const stored: StoredItem[] = [];
    for (const item of fresh) {
      const classification = classify(toClassifierInput(item, feed));
      const alertable = !backlog && isFreshNews(item, now, policy);
      if (!alertable) outcome.oldNews = (outcome.oldNews ?? 0) + 1;
      const storedItem: StoredItem = { ...item, classification, eventId: null, feedCountry: feed.country ?? null, feedKind: feed.kind, alertable };
      if (isEventWorthy(classification)) {
        outcome.relevant++;
        grouper.add(storedItem, classification);
      }
      stored.push(storedItem);
    }
    const finish = async (grouped: GroupingResult): Promise<FeedOutcome> => {
      try {
        for (const item of stored) item.eventId = grouped.eventOf.get(item.itemKey) ?? null;
        const inserted = await store.putItems(stored);
        outcome.newItems = inserted.size;
        const mine = new Set(stored.map((i) => grouped.eventOf.get(i.itemKey)).filter((id): id is string => !!id));
        outcome.events = {
          new: [...mine].filter((id) => grouped.created.has(id)).length,
          updated: [...mine].filter((id) => grouped.updated.has(id)).length,
        };
        // Written last, with the validators: a key is only remembered once its item is stored.
        const seenItemKeys = parsed.items.slice(0, SEEN_KEYS_MAX).map((i) => i.itemKey);
        await store.putFeedState(succeed({ etag: fetched.etag, lastModified: fetched.lastModified, lastStatus: 'ok', seenItemKeys }));
        // Item keys and event ids at INFO: the first links of the trail from an article to its alert.
        logger.info('feed polled', {
          feedId: feed.id,
          items: outcome.items,
          newItems: outcome.newItems,
          relevant: outcome.relevant,
          events: outcome.events,
          itemKeys: [...inserted].slice(0, LOGGED_KEYS),
          eventIds: [...mine].slice(0, LOGGED_KEYS),
        });
        return outcome;
      } catch (err) {
        return fail(err);
      }
    };
    return { outcome, finish };
  } catch (err) {
    return { outcome: await fail(err) };
  }
}

/**
 * Polls one feed: fetch → parse → dedupe → classify → resolve events → store. Per-feed problems
 * become an outcome with status "error"; only StoreUnavailableError escapes (the run cannot go on).
 * Events are saved before the items that feed them, the validators last (see the top of this file).
 */
export async function pollFeed(feed: FeedConfig, deps: PollDeps, opts: PollOptions = {}): Promise<FeedOutcome> {
  const grouper = new EventGrouper(deps.store, deps.random ?? Math.random);
  const collected = await collectFeed(feed, deps, opts, grouper);
  if (!collected.finish) return collected.outcome;
  return collected.finish(await grouper.flush());
}

export interface PollManyOptions {
  concurrency?: number;
  respectInterval?: boolean;
  force?: boolean;
  onProgress?: (done: number, total: number, outcome: FeedOutcome) => void;
}

/**
 * Polls every feed (not-due ones come back "skipped"), a few at a time. The reports of all feeds
 * are resolved into events together, after every feed was fetched: the outlets that report one
 * decision in the same cycle are weighed as one burst whatever feed brought them, and the result
 * does not depend on which fetch finished first. Then each feed's items and validators are stored.
 */
export async function pollFeeds(feeds: FeedConfig[], deps: PollDeps, opts: PollManyOptions = {}): Promise<FeedOutcome[]> {
  const states = await deps.store.getFeedStates(feeds.map((f) => f.id));
  // 4 at once: enough to hide network latency, few enough to be polite and keep memory flat.
  const concurrency = Math.max(1, Math.min(opts.concurrency ?? 4, 32));
  const grouper = new EventGrouper(deps.store, deps.random ?? Math.random);
  const collected: Collected[] = new Array(feeds.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < feeds.length) {
      const i = next++;
      const feed = feeds[i]!;
      const state = states.get(feed.id);
      collected[i] = await collectFeed(feed, deps, { respectInterval: opts.respectInterval ?? false, ...(opts.force ? { force: true } : {}), ...(state ? { state } : {}) }, grouper);
      opts.onProgress?.(++done, feeds.length, collected[i]!.outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, feeds.length) }, worker));
  const grouped = await grouper.flush();
  const results: FeedOutcome[] = [];
  for (const c of collected) results.push(c.finish ? await c.finish(grouped) : c.outcome);
  return results;
}

export interface NotifyDeps {
  store: Store;
  publisher: Publisher;
  clock: Clock;
  logger: Logger;
  /** Only `holdBelow` is read here. */
  alertPolicy?: AlertPolicy;
}

export interface NotifyResult {
  published: number;
  failed: number;
  /** Alerts below the confidence floor, recorded for the digests instead of sent. */
  held: number;
  /** Alerts the publisher gave up on (FAILED): recorded on their events, not retried. */
  failedPermanently: number;
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
 * Publishes the alert due for each pending event (core/events.ts nextAlert: a new stage, an official
 * confirmation or material vendors) and records it on the event once the publisher confirmed it.
 * Failed alerts stay pending for the next run. With `eventIds` (the stream fast path) only those
 * events are considered, and only if still pending. Otherwise it drains the outbox page by page
 * (`limit` per page) until nothing is pending or `budgetMs` has passed; an event is tried at most
 * once per call, so a failing one neither blocks the rest nor loops (one with a further alert due
 * goes out next call).
 */
export async function notifyPending(
  deps: NotifyDeps,
  opts: { eventIds?: string[]; limit?: number; budgetMs?: number } = {},
): Promise<NotifyResult> {
  const { store, publisher, clock, logger } = deps;
  const pageSize = Math.max(1, opts.limit ?? NOTIFY_PAGE);
  const deadline = clock.now().getTime() + (opts.budgetMs ?? NOTIFY_BUDGET_MS);
  const tried = new Set<string>();
  const total: NotifyResult = { published: 0, failed: 0, failedPermanently: 0, held: 0, alerts: [] };
  const holdBelow = deps.alertPolicy?.holdBelow ?? DEFAULT_HOLD_BELOW;
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
      const mark = nextAlert(event);
      if (!mark) {
        // Pending but nothing is due (e.g. a crash between publish and record): just settle it.
        await store.updateEvent(event.eventId, refreshAlertState);
        continue;
      }
      if (isHeld(event, holdBelow)) {
        // Recorded as if sent (so it never alerts later), marked held: the digests list it.
        const alertId = alertIdOf(event.eventId, mark);
        await store.updateEvent(event.eventId, (e) => applyAlertMark(e, { ...mark, alertId, at: now.toISOString(), held: true }));
        total.held++;
        logger.info('alert held for the digests (below the confidence floor)', { alertId, eventId: event.eventId, confidence: event.confidence, holdBelow });
        continue;
      }
      toSend.push(renderAlert(event, mark, now));
    }
    if (toSend.length > 0) {
      const result = await publisher.publish(toSend);
      const ok = new Set(result.published);
      const given = new Map(result.failed.filter((f) => f.permanent).map((f) => [f.alertId, f.error]));
      for (const alert of toSend) {
        const receipt = result.receipts?.[alert.alertId];
        if (ok.has(alert.alertId)) {
          const sent = { ...alert.mark, alertId: alert.alertId, at: alert.createdAt, ...(receipt ? { topics: receipt.topics, messageIds: receipt.messageIds } : {}) };
          await store.updateEvent(alert.eventId, (e) => applyAlertMark(e, sent));
          total.alerts.push(alert);
          total.published++;
          logger.info('alert published', { alertId: alert.alertId, eventId: alert.eventId, kind: alert.mark.kind, stage: alert.mark.stage, topics: receipt?.topics, messageIds: receipt?.messageIds });
        } else if (given.has(alert.alertId)) {
          // Given up: recorded on the event as FAILED so the sweep stops retrying it (and the alarm fires).
          const error = given.get(alert.alertId)!;
          await store.updateEvent(alert.eventId, (e) => applyAlertMark(e, { ...alert.mark, alertId: alert.alertId, at: now.toISOString(), state: 'FAILED', error }));
          total.failedPermanently++;
          logger.error('alert FAILED: given up after repeated publish failures', { alertId: alert.alertId, eventId: alert.eventId, error });
        }
      }
      const retried = result.failed.filter((f) => !f.permanent);
      total.failed += retried.length;
      for (const f of retried) logger.warn('alert not published; stays pending', { alertId: f.alertId, error: f.error });
    }
    if (opts.eventIds || lastPage || events.length === 0) break;
    if (clock.now().getTime() >= deadline) {
      logger.warn('notify time budget used up; the rest stays pending for the next run', { published: total.published });
      break;
    }
  }
  if (total.published > 0 || total.failed > 0 || total.held > 0) logger.info('alerts published', { published: total.published, failed: total.failed, held: total.held });
  return total;
}

/**
 * Seconds the oldest pending alert has waited (since its event was last saved), 0 when none is
 * pending: the gauge the sweep emits, whose alarm also fires when the sweep stops reporting.
 */
export async function oldestPendingAlertAge(store: Store, now: Date): Promise<number> {
  let oldest = now.getTime();
  if (store.oldestPendingSavedAt) {
    const at = await store.oldestPendingSavedAt();
    if (at) oldest = Math.min(oldest, Date.parse(at) || oldest);
  } else {
    for (const e of await store.listPendingEvents(NOTIFY_PAGE)) oldest = Math.min(oldest, Date.parse(e.lastSeen) || oldest);
  }
  return Math.max(0, Math.round((now.getTime() - oldest) / 1000));
}

export interface DispatchDeps {
  feeds: FeedConfig[];
  store: Store;
  queue: FeedQueue;
  clock: Clock;
}

export interface DispatchResult {
  feeds: number;
  due: number;
  enqueued: number;
  /** Feeds with no successful poll for max(24 h, 4 × pollMinutes), never-polled ones included. */
  stale: number;
  /** Due feeds that could not be enqueued. */
  failed: string[];
}

/**
 * One dispatch cycle: reads every feed's state once, enqueues the due feeds for this `slot` (the
 * scheduled time: a schedule delivered twice enqueues once) and counts the stale ones.
 */
export async function dispatchDue(deps: DispatchDeps, slot: string): Promise<DispatchResult> {
  const now = deps.clock.now();
  const states = await deps.store.getFeedStates(deps.feeds.map((f) => f.id));
  // A feed whose URL changed is due whatever the old URL's backoff said.
  const current = new Map<string, FeedState>();
  for (const f of deps.feeds) {
    const st = states.get(f.id);
    if (st) current.set(f.id, stateForUrl(f, st));
  }
  const due = selectDueFeeds(deps.feeds, current, now);
  const stale = deps.feeds.filter((f) => isStale(f, states.get(f.id), now)).length;
  const { enqueued, failed } = due.length ? await deps.queue.enqueue(due.map((f) => f.id), slot) : { enqueued: 0, failed: [] };
  return { feeds: deps.feeds.length, due: due.length, enqueued, stale, failed };
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
  deps: { store: Store; logger: Logger; classify?: ClassifyFn; clock?: Clock; alertPolicy?: AlertPolicy },
  opts: { onProgress?: (items: number) => void } = {},
): Promise<ReclassifyResult> {
  const classify = deps.classify ?? defaultClassify;
  const policy = deps.alertPolicy ?? DEFAULT_ALERT_POLICY;
  const now = (deps.clock ?? systemClock).now();
  const result: ReclassifyResult = { items: 0, changed: 0, relevant: 0, events: { new: 0, updated: 0 } };
  for await (const page of deps.store.scanItems()) {
    const updates: StoredItem[] = [];
    const grouper = new EventGrouper(deps.store, Math.random, { revise: true });
    for (const item of page) {
      result.items++;
      const c = classifyStored(item, classify);
      if (isEventWorthy(c)) result.relevant++;
      if (sameClassification(item.classification, c)) continue;
      result.changed++;
      // A rule change that makes an old item relevant today is still old news.
      const alertable = item.alertable !== false && isFreshNews(item, now, policy);
      const updated: StoredItem = { ...item, classification: c, eventId: null, alertable };
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
