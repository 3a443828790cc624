import { describe, expect, it } from 'vitest';
import { FeedFetchError, StoreUnavailableError } from '../../lambdas/core/errors.js';
import type { Alert, Classification, ClassifierInput, FeedConfig } from '../../lambdas/core/model.js';
import { EventGrouper, notifyPending, pollFeed, pollFeeds, reclassifyAll } from '../../lambdas/pipeline.js';
import type { PolicyEvent, StoredItem } from '../../lambdas/core/model.js';
import type { RelevantClassification } from '../../lambdas/core/events.js';
import { silentLogger, type FeedFetcher, type FetchRequest, type FetchResult, type Publisher, type PublishResult } from '../../lambdas/ports.js';
import { FixedClock, MemoryStore } from '../support/memory-store.js';

const NOW = new Date('2026-11-29T12:00:00Z');

function rss(items: Array<{ guid: string; title: string; date?: string }>): string {
  const body = items
    .map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://news.example/${i.guid}</link><pubDate>${new Date(i.date ?? '2026-11-28T00:00:00Z').toUTCString()}</pubDate><description>${i.title}</description></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://news.example/</link><description>d</description>${body}</channel></rss>`;
}

/** Serves scripted responses per URL; records the validators it was sent. */
class ScriptedFetcher implements FeedFetcher {
  readonly requests: FetchRequest[] = [];
  constructor(private readonly script: Record<string, Array<FetchResult | Error>>) {}
  async fetch(req: FetchRequest): Promise<FetchResult> {
    this.requests.push(req);
    const queue = this.script[req.url];
    const next = queue && (queue.length > 1 ? queue.shift()! : queue[0]);
    if (!next) throw new FeedFetchError('FETCH_NETWORK', `no script for ${req.url}`);
    if (next instanceof Error) throw next;
    return next;
  }
}

const ok = (body: string, etag: string | null = '"v1"'): FetchResult => ({
  status: 'ok', httpStatus: 200, body, finalUrl: 'x', contentType: 'application/rss+xml', etag, lastModified: null,
});
const notModified: FetchResult = { status: 'not_modified', httpStatus: 304, finalUrl: 'x' };

/** A stand-in classifier: Huawei headlines are relevant, "takes effect" means in force. */
function fakeClassify(i: ClassifierInput): Classification {
  if (!i.title.includes('Huawei')) return { relevant: false, countries: [], vendors: [], measure: null, stage: null, confidence: 0.9, evidence: [] };
  return {
    relevant: true, countries: ['JP'], vendors: ['Huawei'], measure: 'procurement_exclusion',
    stage: i.title.includes('takes effect') ? 'in_force' : 'announced', confidence: 0.9, evidence: [i.title],
  };
}

class RecordingPublisher implements Publisher {
  readonly sent: Alert[] = [];
  failNext = 0;
  async publish(alerts: Alert[]): Promise<PublishResult> {
    const result: PublishResult = { published: [], failed: [] };
    for (const a of alerts) {
      if (this.failNext > 0) {
        this.failNext--;
        result.failed.push({ alertId: a.alertId, error: 'boom' });
      } else {
        this.sent.push(a);
        result.published.push(a.alertId);
      }
    }
    return result;
  }
}

const feed: FeedConfig = { id: 'news', url: 'https://news.example/feed', kind: 'news' };
const seed = rss([
  { guid: 'a', title: 'Japan to exclude Huawei from procurement' },
  { guid: 'b', title: 'Phone maker reports earnings' },
]);

function setup(script: Record<string, Array<FetchResult | Error>>) {
  const store = new MemoryStore();
  const clock = new FixedClock(NOW);
  const fetcher = new ScriptedFetcher(script);
  const publisher = new RecordingPublisher();
  // Most specs here poll a feed once and expect its news to alert: they opt in to alerting a first
  // poll's items (the backlog specs below use the default policy).
  const deps = { store, clock, fetcher, logger: silentLogger, classify: fakeClassify, random: () => 0, alertPolicy: { maxAlertAgeDays: 14, alertBacklog: true } };
  return { store, clock, fetcher, publisher, deps, notifyDeps: { store, clock, publisher, logger: silentLogger } };
}

describe('pipeline', () => {
  describe('pollFeed', () => {
    it('stores items, groups the relevant one into a pending event and remembers the validators', async () => {
      // Prepare
      const { store, deps } = setup({ [feed.url]: [ok(seed)] });
      // Act
      const outcome = await pollFeed(feed, deps);
      // Assess
      expect(outcome).toMatchObject({ status: 'ok', httpStatus: 200, items: 2, newItems: 2, relevant: 1, events: { new: 1, updated: 0 } });
      expect(store.items.size).toBe(2);
      const [event] = [...store.events.values()];
      expect(event).toMatchObject({ countries: ['JP'], vendors: ['Huawei'], stage: 'announced', alertState: 'PENDING' });
      const relevantItem = [...store.items.values()].find((i) => i.classification.relevant);
      expect(relevantItem?.eventId).toBe(event!.eventId);
      expect(store.feeds.get('news')).toMatchObject({ etag: '"v1"', failures: 0, lastStatus: 'ok' });
    });

    it('sends the stored validators and writes no item on 304', async () => {
      const { store, fetcher, deps } = setup({ [feed.url]: [ok(seed), notModified] });
      await pollFeed(feed, deps);
      const before = structuredClone([...store.items.values()]);
      const outcome = await pollFeed(feed, deps);
      expect(outcome).toMatchObject({ status: 'not_modified', httpStatus: 304, items: 0, newItems: 0 });
      expect(fetcher.requests[1]).toMatchObject({ etag: '"v1"' });
      expect([...store.items.values()]).toEqual(before);
    });

    it('starts afresh when the registry gives the feed a new URL: no old validators, no old backoff', async () => {
      const moved: FeedConfig = { ...feed, url: 'https://news.example/new-feed' };
      const { store, fetcher, clock, deps } = setup({ [feed.url]: [ok(seed), new FeedFetchError('FETCH_HTTP_STATUS', 'HTTP 410', { httpStatus: 410 })], [moved.url]: [ok(seed, '"new"')] });
      await pollFeed(feed, deps);
      await pollFeed(feed, deps); // fails: backoff, failures 1
      expect(store.feeds.get('news')).toMatchObject({ url: feed.url, failures: 1, etag: '"v1"' });

      const outcome = await pollFeed(moved, deps, { respectInterval: true });

      expect(outcome.status).toBe('ok');
      expect(fetcher.requests.at(-1)).toMatchObject({ url: moved.url, etag: null, lastModified: null });
      expect(store.feeds.get('news')).toMatchObject({ url: moved.url, failures: 0, etag: '"new"', lastError: null, nextPollAfter: null });
      expect(clock.now()).toEqual(NOW);
    });

    it('looks up only the items the feed did not serve at its last successful poll', async () => {
      const more = rss([
        { guid: 'c', title: 'Japan to exclude Huawei from networks too' },
        { guid: 'a', title: 'Japan to exclude Huawei from procurement' },
        { guid: 'b', title: 'Phone maker reports earnings' },
      ]);
      const { store, deps } = setup({ [feed.url]: [ok(seed, null), ok(more, null)] });
      const asked: string[][] = [];
      const lookup = store.existingItemKeys.bind(store);
      store.existingItemKeys = async (keys: string[]) => {
        asked.push(keys);
        return lookup(keys);
      };

      await pollFeed(feed, deps);
      const second = await pollFeed(feed, deps);

      expect(asked.map((k) => k.length)).toEqual([2, 1]);
      expect(second).toMatchObject({ items: 3, newItems: 1 });
      expect(store.feeds.get('news')?.seenItemKeys).toHaveLength(3);
    });

    it('counts nothing new when the same items come back without validators', async () => {
      const { store, deps } = setup({ [feed.url]: [ok(seed, null)] });
      await pollFeed(feed, deps);
      const again = await pollFeed(feed, deps);
      expect(again).toMatchObject({ status: 'ok', items: 2, newItems: 0, relevant: 0, events: { new: 0, updated: 0 } });
      expect(store.events.size).toBe(1);
    });

    it('records a failure with backoff and skips the feed until then', async () => {
      const { store, clock, deps } = setup({ [feed.url]: [new FeedFetchError('FETCH_HTTP_STATUS', 'HTTP 500 from news.example', { httpStatus: 500 }), ok(seed)] });
      const first = await pollFeed(feed, deps);
      expect(first).toMatchObject({ status: 'error', httpStatus: 500, errorCode: 'FETCH_HTTP_STATUS', error: 'HTTP 500 from news.example' });
      expect(store.feeds.get('news')).toMatchObject({ failures: 1, nextPollAfter: '2026-11-29T12:07:30.000Z', lastError: { code: 'FETCH_HTTP_STATUS' } });
      expect((await pollFeed(feed, deps)).status).toBe('skipped');
      clock.advance(8 * 60_000);
      expect((await pollFeed(feed, deps)).status).toBe('ok');
      expect(store.feeds.get('news')).toMatchObject({ failures: 0, nextPollAfter: null, lastError: null });
    });

    it('waits as long as Retry-After says, capped at a day', async () => {
      const { store, deps } = setup({ [feed.url]: [new FeedFetchError('FETCH_RATE_LIMITED', 'HTTP 429', { httpStatus: 429, retryAfterSeconds: 999_999 })] });
      await pollFeed(feed, deps);
      expect(store.feeds.get('news')?.nextPollAfter).toBe('2026-11-30T12:00:00.000Z');
    });

    it('turns a body that is not a feed into a per-feed parse error', async () => {
      const { deps } = setup({ [feed.url]: [ok('<html><body>Not a feed</body></html>')] });
      const outcome = await pollFeed(feed, deps);
      expect(outcome.status).toBe('error');
      expect(outcome.errorCode).toMatch(/^PARSE_/);
    });

    it('lets a storage failure abort instead of reporting it as a feed error', async () => {
      const { store, deps } = setup({ [feed.url]: [ok(seed)] });
      store.failWith = new StoreUnavailableError('STORE_UNAVAILABLE', 'table gone');
      await expect(pollFeed(feed, deps)).rejects.toBeInstanceOf(StoreUnavailableError);
    });

    it('recovers from a crash between saving the event and saving the items without doubling anything', async () => {
      const { store, deps, publisher, notifyDeps } = setup({ [feed.url]: [ok(seed)] });
      const realPut = store.putItems.bind(store);
      store.putItems = async () => {
        throw new StoreUnavailableError('STORE_UNAVAILABLE', 'crash');
      };
      await expect(pollFeed(feed, deps)).rejects.toThrow('crash');
      store.putItems = realPut;
      const rerun = await pollFeed(feed, deps);
      expect(rerun).toMatchObject({ newItems: 2, relevant: 1, events: { new: 0, updated: 0 } });
      expect(store.events.size).toBe(1);
      expect([...store.events.values()][0]!.sources).toHaveLength(1);
      await notifyPending(notifyDeps);
      expect(publisher.sent).toHaveLength(1);
    });
  });

  describe('pollFeed and old news', () => {
    const fresh = rss([{ guid: 'n1', title: 'Japan to exclude Huawei from procurement', date: '2026-11-28T00:00:00Z' }]);
    const withNews = rss([
      { guid: 'n1', title: 'Japan to exclude Huawei from procurement', date: '2026-11-28T00:00:00Z' },
      { guid: 'n2', title: 'Huawei procurement ban takes effect', date: '2026-11-29T06:00:00Z' },
    ]);
    const defaults = (script: Record<string, Array<FetchResult | Error>>) => {
      const s = setup(script);
      return { ...s, deps: { ...s.deps, alertPolicy: undefined } };
    };

    it("stores and groups a feed's first poll without alerting it, then alerts what is new", async () => {
      const { deps, notifyDeps, publisher, store } = defaults({ [feed.url]: [ok(fresh), ok(withNews, '"v2"')] });
      const first = await pollFeed(feed, deps);
      expect(first).toMatchObject({ newItems: 1, relevant: 1, oldNews: 1, events: { new: 1, updated: 0 } });
      expect([...store.events.values()][0]).toMatchObject({ backfill: true, alertState: 'SILENT' });
      expect((await notifyPending(notifyDeps)).published).toBe(0);
      const second = await pollFeed(feed, deps);
      expect(second).toMatchObject({ newItems: 1, events: { new: 0, updated: 1 } });
      expect(second.oldNews).toBeUndefined();
      expect((await notifyPending(notifyDeps)).published).toBe(1);
      expect(publisher.sent.map((a) => a.attributes.stage)).toEqual(['in_force']);
    });

    it('alerts the first poll too with alertBacklog', async () => {
      const { deps, notifyDeps } = defaults({ [feed.url]: [ok(fresh)] });
      await pollFeed(feed, { ...deps, alertPolicy: { maxAlertAgeDays: 14, alertBacklog: true } });
      expect((await notifyPending(notifyDeps)).published).toBe(1);
    });

    it('never alerts an item published more than maxAlertAgeDays before the cycle, even after the first poll', async () => {
      const old = rss([{ guid: 'o1', title: 'Japan to exclude Huawei from procurement', date: '2019-05-01T00:00:00Z' }]);
      const { deps, notifyDeps, store } = defaults({ [feed.url]: [ok(rss([])), ok(old, '"v2"')] });
      await pollFeed(feed, deps);
      const outcome = await pollFeed(feed, deps);
      expect(outcome).toMatchObject({ newItems: 1, relevant: 1, oldNews: 1 });
      expect((await notifyPending(notifyDeps)).published).toBe(0);
      expect([...store.items.values()][0]).toMatchObject({ alertable: false });
      expect([...store.events.values()][0]).toMatchObject({ backfill: true });
    });

    it('judges age by the injected clock (a replay at an earlier time)', async () => {
      const old = rss([{ guid: 'o1', title: 'Japan to exclude Huawei from procurement', date: '2019-05-01T00:00:00Z' }]);
      const { deps, notifyDeps, clock } = defaults({ [feed.url]: [ok(rss([])), ok(old, '"v2"')] });
      clock.set(new Date('2019-04-25T00:00:00Z'));
      await pollFeed(feed, deps);
      clock.set(new Date('2019-05-02T00:00:00Z'));
      await pollFeed(feed, deps);
      expect((await notifyPending(notifyDeps)).published).toBe(1);
    });
  });

  describe('pollFeeds and event resolution', () => {
    /** A stand-in classifier reading "<vendors> ban" headlines of the US acting. */
    const usClassify = (i: ClassifierInput): Classification => {
      const vendors = ['Huawei', 'ZTE', 'Hikvision', 'Dahua'].filter((v) => i.title.includes(v));
      if (!vendors.length) return { relevant: false, countries: [], vendors: [], measure: null, stage: null, confidence: 0.9, evidence: [] };
      return { relevant: true, countries: ['US'], vendors, measure: i.title.includes('blocks') ? 'other_restriction' : 'market_ban', stage: 'in_force', confidence: 0.9, evidence: [i.title] };
    };
    const wire: FeedConfig = { id: 'wire', url: 'https://wire.example/feed', kind: 'news' };
    const trade: FeedConfig = { id: 'trade', url: 'https://trade.example/feed', kind: 'news' };
    const gov: FeedConfig = { id: 'fcc', url: 'https://fcc.example/feed', kind: 'government', country: 'US' };
    const feedOf = (host: string, guid: string, title: string, date = '2026-11-28T00:00:00Z') =>
      rss([{ guid, title, date }]).replace(`https://news.example/${guid}`, `https://${host}/${guid}`);

    it('makes one event and one alert of outlets naming different vendor lists, then one official confirmation', async () => {
      const { deps, notifyDeps, publisher, store } = setup({
        [wire.url]: [ok(feedOf('wire.example', 'w1', 'FCC bans Huawei, ZTE gear'))],
        [trade.url]: [ok(feedOf('trade.example', 't1', 'FCC bans Huawei, ZTE, Hikvision and Dahua equipment'))],
        [gov.url]: [ok(rss([])), ok(feedOf('fcc.example', 'g1', 'FCC blocks Hikvision, Dahua, Huawei and ZTE authorizations', '2026-11-29T00:00:00Z'), '"v2"')],
      });
      const d = { ...deps, classify: usClassify };
      await pollFeeds([wire, trade, gov], d);
      expect(store.events.size).toBe(1);
      expect((await notifyPending(notifyDeps)).published).toBe(1);
      await pollFeeds([gov], d);
      expect(store.events.size).toBe(1);
      expect((await notifyPending(notifyDeps)).published).toBe(1);
      expect((await notifyPending(notifyDeps)).published).toBe(0);
      expect(publisher.sent.map((a) => a.mark.kind)).toEqual(['stage', 'confirmed']);
      expect(publisher.sent[1]!.subject).toMatch(/^In force, confirmed \u2014 /);
      expect(publisher.sent[1]!.sources[0]!.feedId).toBe('fcc');
      const [event] = [...store.events.values()];
      expect(event).toMatchObject({ vendors: ['Dahua', 'Hikvision', 'Huawei', 'ZTE'], measure: 'market_ban', official: true, reportCount: 3 });
      expect(event!.sources.map((s) => s.mergeReason)).toEqual([
        'first report',
        expect.stringContaining('vendors a superset (adds Dahua, Hikvision)'),
        expect.stringContaining('measure other_restriction compatible with market_ban'),
      ]);
    });
  });

  describe('pollFeeds', () => {
    it('polls every feed even when one of them is broken', async () => {
      const broken: FeedConfig = { id: 'broken', url: 'https://broken.example/feed', kind: 'news' };
      const { deps } = setup({ [feed.url]: [ok(seed)], [broken.url]: [ok('{"not":"xml"}')] });
      const progress: string[] = [];
      const outcomes = await pollFeeds([broken, feed], deps, { onProgress: (d, t, o) => progress.push(`${d}/${t} ${o.id}`) });
      expect(outcomes.map((o) => [o.id, o.status])).toEqual([['broken', 'error'], ['news', 'ok']]);
      expect(progress).toHaveLength(2);
    });
  });

  describe('notifyPending', () => {
    it('alerts each event and stage exactly once across runs', async () => {
      const later = rss([{ guid: 'c', title: 'Huawei procurement ban takes effect', date: '2026-11-29T00:00:00Z' }]);
      const { deps, notifyDeps, publisher, store } = setup({ [feed.url]: [ok(seed), ok(later, '"v2"')] });
      await pollFeed(feed, deps);
      expect((await notifyPending(notifyDeps)).published).toBe(1);
      expect((await notifyPending(notifyDeps)).published).toBe(0);
      const second = await pollFeed(feed, deps);
      expect(second.events).toEqual({ new: 0, updated: 1 });
      expect((await notifyPending(notifyDeps)).published).toBe(1);
      expect((await notifyPending(notifyDeps)).published).toBe(0);
      expect(publisher.sent.map((a) => a.attributes.stage)).toEqual(['announced', 'in_force']);
      expect(new Set(publisher.sent.map((a) => a.alertId)).size).toBe(2);
      expect([...store.events.values()][0]).toMatchObject({ alertState: 'SENT', alertedStages: ['announced', 'in_force'] });
    });

    it('keeps an alert pending when the publisher fails, and sends it next time', async () => {
      const { deps, notifyDeps, publisher } = setup({ [feed.url]: [ok(seed)] });
      await pollFeed(feed, deps);
      publisher.failNext = 1;
      expect(await notifyPending(notifyDeps)).toMatchObject({ published: 0, failed: 1 });
      expect(await notifyPending(notifyDeps)).toMatchObject({ published: 1, failed: 0 });
      expect(publisher.sent).toHaveLength(1);
    });

    it('holds an alert below the confidence floor for the digests: recorded as held, never sent, never pending again', async () => {
      // Prepare: one low-confidence event and one sure one, pending.
      const { notifyDeps, publisher, store } = setup({});
      await pendingEvents(store, 2);
      // Two outlets: corroborated enough to be due, but unsure.
      const twoOutlets = (e: PolicyEvent) => [{ ...e.sources[0]!, outlet: 'a.example' }, { ...e.sources[0]!, itemKey: 'second', outlet: 'b.example' }];
      await store.updateEvent('ev_000', (e) => ({ ...e, confidence: 0.5, sources: twoOutlets(e), version: e.version + 1 }));

      // Act
      const r = await notifyPending({ ...notifyDeps, alertPolicy: { maxAlertAgeDays: 14, alertBacklog: false, holdBelow: 0.6 } });
      const again = await notifyPending({ ...notifyDeps, alertPolicy: { maxAlertAgeDays: 14, alertBacklog: false, holdBelow: 0.6 } });

      // Assess
      expect(r).toMatchObject({ published: 1, held: 1, failed: 0 });
      expect(again).toMatchObject({ published: 0, held: 0 });
      expect(publisher.sent.map((a) => a.eventId)).toEqual(['ev_001']);
      const held = await store.getEvent('ev_000');
      expect(held).toMatchObject({ alertState: 'SENT', alertedStages: ['announced'] });
      expect(held?.alerts?.[0]).toMatchObject({ alertId: 'ev_000-announced', held: true, at: NOW.toISOString() });
    });

    it('never holds an event with an official source, however unsure, and holds nothing at floor 0', async () => {
      const { notifyDeps, publisher, store } = setup({});
      await pendingEvents(store, 2);
      await store.updateEvent('ev_000', (e) => ({ ...e, confidence: 0.3, sources: e.sources.map((s) => ({ ...s, official: true })), version: e.version + 1 }));
      await store.updateEvent('ev_001', (e) => ({ ...e, confidence: 0.3, sources: [{ ...e.sources[0]!, outlet: 'a.example' }, { ...e.sources[0]!, itemKey: 'second', outlet: 'b.example' }], version: e.version + 1 }));
      const r = await notifyPending({ ...notifyDeps, alertPolicy: { maxAlertAgeDays: 14, alertBacklog: false, holdBelow: 0 } });
      expect(r).toMatchObject({ published: 2, held: 0 });
      expect(publisher.sent).toHaveLength(2);
    });

    /** `n` pending events saved straight into the store, oldest first. */
    async function pendingEvents(store: MemoryStore, n: number): Promise<void> {
      for (let i = 0; i < n; i++) {
        const t = new Date(NOW.getTime() - (n - i) * 60_000).toISOString();
        await store.saveEvent(
          {
            eventId: `ev_${String(i).padStart(3, '0')}`,
            clusterKey: `JP|Huawei|procurement_exclusion|${i}`,
            seq: 0,
            countries: ['JP'],
            vendors: ['Huawei'],
            measure: 'procurement_exclusion',
            stage: 'announced',
            title: `story ${i}`,
            sources: [{ itemKey: `k${i}`, title: `story ${i}`, link: null, feedId: 'news', published: t }],
            evidence: [],
            confidence: 0.9,
            firstSeen: t,
            lastSeen: t,
            alertState: 'PENDING',
            alertedStages: [],
            version: 1,
          } as PolicyEvent,
          0,
        );
      }
    }

    it('drains every page of pending alerts in one call when there are more than a page', async () => {
      const { notifyDeps, publisher, store } = setup({});
      await pendingEvents(store, 102);

      const r = await notifyPending(notifyDeps, { limit: 100 });

      expect(r).toMatchObject({ published: 102, failed: 0 });
      expect(new Set(publisher.sent.map((a) => a.alertId)).size).toBe(102);
      expect(await store.listPendingEvents()).toEqual([]);
    });

    it('tries a failing alert once per call and still sends the ones behind it', async () => {
      const { notifyDeps, publisher, store } = setup({});
      await pendingEvents(store, 5);
      publisher.failNext = 2;

      const r = await notifyPending(notifyDeps, { limit: 2 });

      expect(r).toMatchObject({ published: 3, failed: 2 });
      expect((await store.listPendingEvents()).map((e) => e.eventId)).toEqual(['ev_000', 'ev_001']);
      expect(await notifyPending(notifyDeps, { limit: 2 })).toMatchObject({ published: 2, failed: 0 });
    });

    it('stops at the time budget and leaves the rest pending', async () => {
      const { notifyDeps, store } = setup({});
      await pendingEvents(store, 5);
      let t = NOW.getTime();
      const ticking = { ...notifyDeps, clock: { now: () => new Date((t += 1_000)) } };

      const r = await notifyPending(ticking, { limit: 1, budgetMs: 2_500 });

      expect(r.published).toBeLessThan(5);
      expect(r.published).toBeGreaterThan(0);
      expect(await store.listPendingEvents()).toHaveLength(5 - r.published);
    });

    it('only considers the given events on the fast path, and only while pending', async () => {
      const { deps, notifyDeps, publisher, store } = setup({ [feed.url]: [ok(seed)] });
      await pollFeed(feed, deps);
      const id = [...store.events.keys()][0]!;
      expect((await notifyPending(notifyDeps, { eventIds: ['ev_unknown'] })).published).toBe(0);
      expect((await notifyPending(notifyDeps, { eventIds: [id, id] })).published).toBe(1);
      expect((await notifyPending(notifyDeps, { eventIds: [id] })).published).toBe(0);
      expect(publisher.sent).toHaveLength(1);
    });
  });

  describe('reclassifyAll', () => {
    it('groups items that became relevant and alerts them once', async () => {
      const { deps, notifyDeps, publisher, store } = setup({ [feed.url]: [ok(seed)] });
      await pollFeed(feed, deps);
      await notifyPending(notifyDeps);
      // A lexicon change: earnings stories about "Phone maker" are now (wrongly, but for the test) Huawei bans.
      const widened = (i: ClassifierInput) => fakeClassify({ ...i, title: i.title.replace('Phone maker', 'Huawei') });
      const r = await reclassifyAll({ store, logger: silentLogger, classify: widened });
      expect(r).toMatchObject({ items: 2, changed: 1, relevant: 2 });
      await notifyPending(notifyDeps);
      const again = await reclassifyAll({ store, logger: silentLogger, classify: widened });
      expect(again.changed).toBe(0);
      expect((await notifyPending(notifyDeps)).published).toBe(0);
      expect(publisher.sent).toHaveLength(1);
    });
  });

  describe('EventGrouper', () => {
    const c: RelevantClassification = { relevant: true, countries: ['JP'], vendors: ['Huawei'], measure: 'procurement_exclusion', stage: 'announced', confidence: 0.9, evidence: ['x'] };
    const stored = (key: string, day: number): StoredItem => ({
      itemKey: key, feedId: 'f', guid: key, link: null, title: key, summary: '', published: new Date(Date.UTC(2026, 10, day)).toISOString(),
      language: 'en', fetchedAt: NOW.toISOString(), classification: c, eventId: null,
    });

    it('writes a hot story of many items as one event with one save', async () => {
      const store = new MemoryStore();
      let saves = 0;
      const save = store.saveEvent.bind(store);
      store.saveEvent = async (e: PolicyEvent, v: number) => (saves++, save(e, v));
      const grouper = new EventGrouper(store);
      for (let i = 1; i <= 20; i++) grouper.add(stored(`k${i}`, 1 + (i % 5)), c);
      const r = await grouper.flush();
      expect(saves).toBe(1);
      expect(r.created.size).toBe(1);
      const [event] = [...store.events.values()];
      expect(event!.sources).toHaveLength(20);
      expect(new Set(r.eventOf.values())).toEqual(new Set([event!.eventId]));
    });

    it('splits items further apart than the window into separate events', async () => {
      const store = new MemoryStore();
      const grouper = new EventGrouper(store);
      grouper.add(stored('early', 1), c);
      grouper.add({ ...stored('late', 1), published: '2027-06-01T00:00:00.000Z' }, c);
      const r = await grouper.flush();
      expect(r.created.size).toBe(2);
      expect(r.eventOf.get('early')).not.toBe(r.eventOf.get('late'));
    });

    it('re-reads and folds again when another writer changed the event, doubling nothing', async () => {
      const store = new MemoryStore();
      const first = new EventGrouper(store);
      first.add(stored('a', 1), c);
      await first.flush();
      // Another poller adds a source between our read and our write.
      const candidates = store.resolutionCandidates.bind(store);
      let raced = false;
      store.resolutionCandidates = async (key: string, since: string) => {
        const r = await candidates(key, since);
        const e = r.events[0];
        if (!raced && e) {
          raced = true;
          const current = store.events.get(e.eventId)!;
          store.events.set(e.eventId, { ...current, sources: [...current.sources, { itemKey: 'z', title: 'z', link: null, feedId: 'g', published: null }], version: current.version + 1 });
        }
        return r;
      };
      const grouper = new EventGrouper(store);
      grouper.add(stored('b', 2), c);
      grouper.add(stored('c', 3), c);
      const r = await grouper.flush();
      const [event] = [...store.events.values()];
      expect(store.events.size).toBe(1);
      expect(event!.sources.map((s) => s.itemKey).sort()).toEqual(['a', 'b', 'c', 'z']);
      expect(r.updated).toEqual(new Set([event!.eventId]));
    });

    it('creates one event when two pollers report the same new story at once', async () => {
      const store = new MemoryStore();
      const a = new EventGrouper(store, () => 0);
      const b = new EventGrouper(store, () => 0);
      a.add(stored('from-feed-a', 1), c);
      b.add(stored('from-feed-b', 1), c);
      const [ra, rb] = await Promise.all([a.flush(), b.flush()]);
      expect(store.events.size).toBe(1);
      const [event] = [...store.events.values()];
      expect(event!.sources.map((s) => s.itemKey).sort()).toEqual(['from-feed-a', 'from-feed-b']);
      expect(ra.created.size + rb.created.size).toBe(1);
    });

    it('opens a new event for the same act after a quiet spell, marked as a possible repeat that one outlet cannot alert', async () => {
      const store = new MemoryStore();
      const first = new EventGrouper(store);
      first.add(stored('decision', 1), c);
      first.add(stored('decision-2', 1), c);
      await first.flush();
      const [old] = [...store.events.values()];
      const later = new EventGrouper(store);
      later.add({ ...stored('court', 1), published: new Date(Date.UTC(2026, 10, 40)).toISOString() }, c);
      const r = await later.flush();
      const created = store.events.get([...r.created][0]!)!;
      expect(created.repeatOf).toBe(old!.eventId);
      expect(created.sources[0]!.mergeReason).toMatch(/same act as .*a new act or late news of it/);
      expect(created.alertState).toBe('SILENT');
      // A second outlet the same week: a new act, reported as such.
      const more = new EventGrouper(store);
      more.add({ ...stored('court-2', 1), link: 'https://other.example/x', published: new Date(Date.UTC(2026, 10, 41)).toISOString() }, c);
      await more.flush();
      expect(store.events.get(created.eventId)!.alertState).toBe('PENDING');
    });

    it('keeps a week\'s reports ending a measure apart from those upholding it', async () => {
      const store = new MemoryStore();
      const first = new EventGrouper(store);
      first.add(stored('law', 1), { ...c, stage: 'in_force' });
      first.add({ ...stored('law-2', 1), link: 'https://b.example/x' }, { ...c, stage: 'in_force' });
      await first.flush();
      // Six weeks on, in one cycle: two outlets report the top court upholding the law, then three
      // report an order suspending it.
      const week = new EventGrouper(store);
      const at = (d: number) => new Date(Date.UTC(2026, 10, d)).toISOString();
      week.add({ ...stored('court-1', 1), link: 'https://c.example/1', published: at(43) }, { ...c, stage: 'in_force' });
      week.add({ ...stored('court-2', 1), link: 'https://d.example/1', published: at(44) }, { ...c, stage: 'in_force' });
      for (const k of ['e', 'f', 'g']) week.add({ ...stored(`order-${k}`, 1), link: `https://${k}.example/1`, published: at(46) }, { ...c, stage: 'lifted' });
      const r = await week.flush();
      const court = store.events.get(r.eventOf.get('court-1')!)!;
      // The upholding is a new act (a quiet spell since the law); the suspension then joins it.
      expect(court.repeatOf).toBeDefined();
      expect(court.sources.find((s) => s.itemKey === 'court-2')).toBeDefined();
      expect(r.eventOf.get('order-e')).toBe(court.eventId);
      expect(court.stage).toBe('lifted');
      expect(court.history?.map((h) => h.stage)).toEqual(['in_force', 'lifted']);
    });

    it('opens the next event of a cluster when a story returns after the window', async () => {
      const store = new MemoryStore();
      const first = new EventGrouper(store);
      first.add(stored('old', 1), c);
      await first.flush();
      const later = new EventGrouper(store);
      later.add({ ...stored('new', 1), published: '2027-09-01T00:00:00.000Z' }, c);
      await later.flush();
      expect([...store.events.values()].map((e) => e.seq).sort()).toEqual([0, 1]);
      // Re-running the same batch (a crash before the items were saved) finds its event again.
      const again = new EventGrouper(store);
      again.add({ ...stored('new', 1), published: '2027-09-01T00:00:00.000Z' }, c);
      const r = await again.flush();
      expect(store.events.size).toBe(2);
      expect(r.created.size + r.updated.size).toBe(0);
    });
  });
});
