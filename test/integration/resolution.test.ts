/**
 * Event resolution end to end on real parts: feeds served over loopback HTTP, the HTTP fetcher,
 * the real classifier, the DynamoDB store on dynalite, several feeds and concurrent pollers.
 * One real decision reported by many outlets in different words must make one event and one
 * alert, however the polls interleave; old news must not alert.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { HttpFeedFetcher } from '../../lambdas/adapters/http-fetcher.js';
import type { Alert, FeedConfig } from '../../lambdas/core/model.js';
import { startDemoServer, type DemoServer } from '../../lambdas/local/demo-server.js';
import { ensureTable, startLocalDynamo, type LocalDynamo } from '../../lambdas/local/dynalite.js';
import { notifyPending, pollFeed, pollFeeds } from '../../lambdas/pipeline.js';
import { silentLogger, type Publisher, type PublishResult } from '../../lambdas/ports.js';

const NOW = new Date('2022-11-28T00:00:00Z');
const clock = { now: () => new Date(NOW) };

interface Story {
  guid: string;
  title: string;
  summary: string;
  date: string;
  host: string;
}

function rss(stories: Story[]): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const items = stories
    .map((s) => `<item><guid>${s.guid}</guid><title>${esc(s.title)}</title><link>https://${s.host}/${s.guid}</link><pubDate>${new Date(s.date).toUTCString()}</pubDate><description>${esc(s.summary)}</description></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description>${items}</channel></rss>`;
}

/** Six outlets report the FCC's 2022 equipment ban, each naming its own vendor list. */
const REPORTS: Story[] = [
  { guid: 'w1', host: 'wire.example', date: '2022-11-25T18:00:00Z', title: 'FCC bans new Huawei and ZTE equipment approvals', summary: 'The U.S. Federal Communications Commission said on Friday it has banned approvals of new telecommunications equipment from Huawei and ZTE because they pose an unacceptable risk to national security.' },
  { guid: 't1', host: 'trade.example', date: '2022-11-25T19:00:00Z', title: 'FCC bars Huawei, ZTE, Hikvision and Dahua gear from US market over security', summary: 'The FCC voted unanimously to adopt new rules that bar the authorization of equipment from Huawei, ZTE, Hikvision, Dahua and Hytera.' },
  { guid: 'b1', host: 'biz.example', date: '2022-11-25T20:00:00Z', title: 'US bans sales of Huawei and ZTE telecom gear', summary: 'The Biden administration banned approvals of new telecommunications equipment from China’s Huawei and ZTE, citing national security.' },
  { guid: 'c1', host: 'cams.example', date: '2022-11-26T08:00:00Z', title: 'FCC bans Hikvision and Dahua cameras along with Huawei and ZTE equipment', summary: 'New surveillance cameras from Hikvision and Dahua can no longer be authorized for sale in the United States, the FCC said.' },
  { guid: 'n1', host: 'news.example', date: '2022-11-26T09:00:00Z', title: 'FCC bans Huawei, ZTE equipment sales in the US', summary: 'The FCC has banned the sale of new Huawei and ZTE devices in the United States on national security grounds.' },
  { guid: 'g1', host: 'daily.example', date: '2022-11-26T10:00:00Z', title: 'US bans Huawei and ZTE equipment over security concerns', summary: 'The United States has banned the sale and import of new equipment from Huawei and ZTE, the FCC said.' },
];

/** Near-misses of the same days: a reaction and a vendor statement. */
const NOISE: Story[] = [
  { guid: 'r1', host: 'wire.example', date: '2022-11-26T12:00:00Z', title: 'China slams FCC ban on Huawei and ZTE equipment', summary: 'China’s foreign ministry said the United States was abusing state power to suppress Chinese companies.' },
];

class Recording implements Publisher {
  readonly sent: Alert[] = [];
  async publish(alerts: Alert[]): Promise<PublishResult> {
    this.sent.push(...alerts);
    return { published: alerts.map((a) => a.alertId), failed: [] };
  }
}

let local: LocalDynamo;
let server: DemoServer;
let dir: string;
let tables = 0;

beforeAll(async () => {
  local = await startLocalDynamo({});
  dir = mkdtempSync(join(tmpdir(), 'banwatch-resolution-'));
  server = await startDemoServer({ dir });
});

afterAll(async () => {
  await server?.close();
  await local?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function freshStore(): Promise<DynamoStore> {
  const name = `resolution-${++tables}`;
  await ensureTable(local.client, name);
  return new DynamoStore(local.doc, name);
}

/** One feed per story (as many outlets, many feeds), plus an empty first poll for each. */
function feedsFor(prefix: string, stories: Story[]): FeedConfig[] {
  return stories.map((s) => {
    const file = `${prefix}-${s.guid}.xml`;
    writeFileSync(join(dir, file), rss([s]));
    return { id: `${prefix}-${s.guid}`, url: server.urlFor(file), kind: 'news', language: 'en', pollMinutes: 5 };
  });
}

const deps = (store: DynamoStore) => ({
  store,
  fetcher: new HttpFeedFetcher({ allowHosts: ['127.0.0.1'] }),
  clock,
  logger: silentLogger,
  // Each feed here is new: its first poll carries the news under test.
  alertPolicy: { maxAlertAgeDays: 14, alertBacklog: true },
});

describe('event resolution on dynalite', () => {
  describe('pollFeeds', () => {
    it('makes one event and one alert of six outlets naming different vendor lists, and ignores the reaction', async () => {
      const store = await freshStore();
      const publisher = new Recording();
      const feeds = feedsFor('cycle', [...REPORTS, ...NOISE]);

      const outcomes = await pollFeeds(feeds, deps(store), { concurrency: 7 });
      const result = await notifyPending({ store, publisher, clock, logger: silentLogger });

      expect(outcomes.every((o) => o.status === 'ok')).toBe(true);
      const events = await store.queryEvents({});
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ countries: ['US'], stage: 'in_force', reportCount: 6 });
      expect(events[0]!.vendors).toEqual(expect.arrayContaining(['Dahua', 'Hikvision', 'Huawei', 'ZTE']));
      expect(events[0]!.sources.map((s) => s.mergeReason)).toContain('first report');
      expect(result.published).toBe(1);
      expect(publisher.sent[0]!.subject).toMatch(/^In force — US: .* of /);
    });
  });

  describe('pollFeed in concurrent pollers (one Lambda per feed)', () => {
    it.each([1, 2, 3])('never creates two events for one decision, however six pollers interleave (round %i)', async (round) => {
      const store = await freshStore();
      const feeds = feedsFor(`race${round}`, REPORTS);
      // Shuffled deterministically per round, all started at once.
      const order = feeds.map((f, i) => ({ f, k: (i * (round + 3)) % feeds.length })).sort((a, b) => a.k - b.k).map((x) => x.f);

      const outcomes = await Promise.all(order.map((f) => pollFeed(f, deps(store))));

      expect(outcomes.map((o) => o.status)).toEqual(order.map(() => 'ok'));
      const events = await store.queryEvents({});
      expect(events).toHaveLength(1);
      expect(events[0]!.sources).toHaveLength(REPORTS.length);
      const publisher = new Recording();
      expect((await notifyPending({ store, publisher, clock, logger: silentLogger })).published).toBe(1);
      expect((await notifyPending({ store, publisher, clock, logger: silentLogger })).published).toBe(0);
    });
  });

  describe('old news', () => {
    it("stores a feed's first poll and anything past the age limit without alerting", async () => {
      const store = await freshStore();
      const publisher = new Recording();
      const old: Story = { ...REPORTS[0]!, guid: 'o1', date: '2019-05-16T00:00:00Z' };
      const feeds = feedsFor('old', [REPORTS[1]!, old]);
      const d = { ...deps(store), alertPolicy: { maxAlertAgeDays: 14, alertBacklog: false } };

      await pollFeeds(feeds, d);

      expect((await notifyPending({ store, publisher, clock, logger: silentLogger })).published).toBe(0);
      const events = await store.queryEvents({});
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => e.backfill && e.alertState === 'SILENT')).toBe(true);
    });
  });
});
