/**
 * The whole local pipeline on one machine: N feeds of M items each served over loopback HTTP,
 * fetched, parsed, classified, grouped and stored in dynalite (in memory), then a second cycle
 * that must be all 304. Reports items/s and the cost of a quiet cycle; gated so that a 100-feed
 * registry fits comfortably in one 15-minute cycle on a laptop.
 *
 *   npx tsx bench/pipeline.ts
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FeedConfig } from '../lambdas/core/model.js';
import { startDemoServer } from '../lambdas/local/demo-server.js';
import { openLocal } from '../lambdas/local/runtime.js';
import { notifyPending, pollFeeds } from '../lambdas/pipeline.js';
import { silentLogger } from '../lambdas/ports.js';

const FEEDS = 20;
const ITEMS_PER_FEED = 200;
/** 100 feeds × 50 new items in a 15-minute cycle is ~6 items/s; demand 50× that. */
const MIN_ITEMS_PER_SECOND = 300;

const HEADLINES = [
  ['Japan to exclude Huawei, ZTE from government procurement', 'Japan will bar Huawei and ZTE from public procurement from April, sources said.'],
  ['Huawei third-quarter revenue jumps 18%', 'The company reported strong smartphone sales.'],
  ['FCC votes to ban new Huawei, ZTE equipment approvals', 'The rules bar equipment authorisations needed to import or sell the gear in the United States.'],
  ['Xiaomi unveils flagship phone in Europe', '<p>The phone goes on sale next week in <b>Paris</b> &amp; Berlin.</p>'],
  ['Australia orders Kaspersky software removed from government systems', 'Agencies must remove the products by April.'],
  ['Marathon runner handed four-year doping ban', 'The athletics integrity unit announced the ban on Monday.'],
];

function feedXml(feed: number): string {
  const items: string[] = [];
  for (let i = 0; i < ITEMS_PER_FEED; i++) {
    const [title, summary] = HEADLINES[(feed + i) % HEADLINES.length]!;
    const date = new Date(Date.UTC(2026, 10, 1) + (feed * ITEMS_PER_FEED + i) * 60_000).toUTCString();
    items.push(
      `<item><guid>f${feed}-i${i}</guid><title>${title} (${feed}/${i})</title><link>https://news.example/f${feed}/${i}?utm_source=rss</link>` +
        `<pubDate>${date}</pubDate><description><![CDATA[${summary}]]></description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bench ${feed}</title><link>https://news.example/</link><description>bench</description>${items.join('')}</channel></rss>`;
}

export async function benchPipeline(): Promise<{ name: string; ok: boolean; summary: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-bench-'));
  const feedsDir = join(dir, 'feeds');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(feedsDir);
  for (let f = 0; f < FEEDS; f++) writeFileSync(join(feedsDir, `f${f}.xml`), feedXml(f));
  const server = await startDemoServer({ dir: feedsDir });
  const rt = await openLocal({ dataDir: join(dir, 'data'), memory: true, allowHosts: ['127.0.0.1'], logger: silentLogger });
  try {
    const feeds: FeedConfig[] = Array.from({ length: FEEDS }, (_, f) => ({ id: `bench-${f}`, url: server.urlFor(`f${f}.xml`), kind: 'news' }));
    const t0 = performance.now();
    const first = await pollFeeds(feeds, rt, { concurrency: 4 });
    const notified = await notifyPending(rt);
    const firstMs = performance.now() - t0;
    const t1 = performance.now();
    const second = await pollFeeds(feeds, rt, { concurrency: 4 });
    const secondMs = performance.now() - t1;
    const newItems = first.reduce((n, o) => n + o.newItems, 0);
    const relevant = first.reduce((n, o) => n + o.relevant, 0);
    const rate = (newItems / firstMs) * 1000;
    const quiet = second.every((o) => o.status === 'not_modified');
    const errors = first.filter((o) => o.status === 'error').map((o) => o.error);
    return {
      name: 'pipeline (loopback HTTP → parse → classify → dynalite)',
      ok: rate >= MIN_ITEMS_PER_SECOND && quiet && errors.length === 0,
      summary:
        `${FEEDS} feeds × ${ITEMS_PER_FEED} items: ${newItems} new (${relevant} relevant, ${notified.published} alerts) in ${(firstMs / 1000).toFixed(2)} s = ${Math.round(rate)} items/s ` +
        `(target >= ${MIN_ITEMS_PER_SECOND}); quiet cycle (all 304: ${quiet}) ${Math.round(secondMs)} ms` +
        (errors.length ? `; errors: ${errors.join('; ')}` : ''),
    };
  } finally {
    await rt.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchPipeline();
  console.log(`${r.ok ? 'ok ' : 'BAD'} ${r.name}: ${r.summary}`);
  process.exitCode = r.ok ? 0 : 1;
}
