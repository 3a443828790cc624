/**
 * DynamoDB read units of the poll path, measured (docs/deploy.md "Cost"): loopback feeds polled
 * cycle after cycle by the real pipeline on dynalite, every read request counted by a middleware on
 * the client, each key priced by the size of the row it names (DynamoDB: 1 RRU per 4 KB strongly
 * consistent, half that eventually consistent; a key that names no row still costs the minimum).
 *
 * It compares three ways of finding which items of a response are new:
 *   A. look up every item of every 200 response, strongly consistent (banwatch before issue 9);
 *   B. the same lookups, eventually consistent;
 *   C. what the pipeline does now: keys the feed served at its last successful poll are kept in
 *      the feed-state row (seenItemKeys) and not looked up; the rest strongly consistent.
 *
 *   tsx bench/reads.ts [--feeds 40] [--items 50] [--cycles 12]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDocumentClient, DynamoStore } from '../lambdas/adapters/dynamo-store.js';
import { HttpFeedFetcher } from '../lambdas/adapters/http-fetcher.js';
import type { FeedConfig } from '../lambdas/core/model.js';
import { ensureTable, startLocalDynamo } from '../lambdas/local/dynalite.js';
import { pollFeeds } from '../lambdas/pipeline.js';
import { silentLogger } from '../lambdas/ports.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const FEEDS = arg('feeds', 40);
const ITEMS = arg('items', 50);
const CYCLES = arg('cycles', 12);
/** A fifth of the feeds get 2 new items a cycle; half the feeds send no validators (always 200). */
const CHANGED_SHARE = 0.2;
const NEW_PER_CHANGE = 2;

/** The key as the document client or the marshalled request carries it. */
const pkOf = (pk: string | { S: string }): string => (typeof pk === 'string' ? pk : pk.S);
const rru = (bytes: number) => Math.max(1, Math.ceil(bytes / 4096));

async function main() {
  const feedItems: string[][] = Array.from({ length: FEEDS }, (_, f) => Array.from({ length: ITEMS }, (_, i) => `f${f}-i${i}`));
  let serial = 0;
  const summary = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20); // ~1.1 KB, a typical lead
  const rss = (f: number) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>f${f}</title><link>https://news.example/</link><description>d</description>${feedItems[f]!
      .map((g) => `<item><guid>${g}</guid><title>Story ${g} about phones</title><link>https://news.example/${g}</link><description>${summary}</description><pubDate>Sun, 29 Nov 2026 00:00:00 GMT</pubDate></item>`)
      .join('')}</channel></rss>`;
  const server = http.createServer((req, res) => {
    const f = Number(/\/feed(\d+)/.exec(req.url ?? '')?.[1]);
    const body = rss(f);
    const etag = `"${feedItems[f]![0]}"`;
    if (f % 2 === 0 && req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', ...(f % 2 === 0 ? { etag } : {}) });
    res.end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const feeds: FeedConfig[] = Array.from({ length: FEEDS }, (_, f) => ({ id: `feed${f}`, url: `${base}/feed${f}`, kind: 'news' }));

  const local = await startLocalDynamo({});
  await ensureTable(local.client, 'reads');
  const reads: Array<{ pk: string; consistent: boolean }> = [];
  local.client.middlewareStack.add(
    ((next: (a: unknown) => Promise<unknown>, ctx: { commandName?: string }) => async (args: { input: Record<string, any> }) => {
      if (ctx.commandName === 'BatchGetItemCommand') {
        for (const req of Object.values(args.input.RequestItems ?? {}) as Array<{ Keys: Array<{ pk: string | { S: string } }>; ConsistentRead?: boolean }>) {
          for (const k of req.Keys) reads.push({ pk: pkOf(k.pk), consistent: !!req.ConsistentRead });
        }
      }
      if (ctx.commandName === 'GetItemCommand') reads.push({ pk: pkOf(args.input.Key.pk), consistent: !!args.input.ConsistentRead });
      return next(args);
    }) as never,
    { step: 'serialize', name: 'countReads', priority: 'high' },
  );
  const store = new DynamoStore(createDocumentClient(local.client), 'reads');
  const fetcher = new HttpFeedFetcher({ allowHosts: ['127.0.0.1'] });

  // "A" and "B": every item of every 200 response, looked up.
  let allItemsOf200 = 0;
  const lookedUpByCycle: number[] = [];
  for (let cycle = 0; cycle <= CYCLES; cycle++) {
    if (cycle > 0) {
      for (let f = 0; f < FEEDS; f++) {
        if ((f + cycle) % Math.round(1 / CHANGED_SHARE) !== 0) continue;
        const fresh = Array.from({ length: NEW_PER_CHANGE }, () => `f${f}-n${serial++}`);
        feedItems[f] = [...fresh, ...feedItems[f]!].slice(0, ITEMS);
      }
    }
    const before = reads.length;
    const clock = { now: () => new Date(Date.UTC(2026, 10, 29, 1, cycle * 15)) };
    const outcomes = await pollFeeds(feeds, { store, fetcher, clock, logger: silentLogger, alertPolicy: { maxAlertAgeDays: 14, alertBacklog: false } });
    if (cycle > 0) allItemsOf200 += outcomes.filter((o) => o.status === 'ok').reduce((n, o) => n + o.items, 0);
    lookedUpByCycle.push(reads.slice(before).filter((r) => r.pk.startsWith('ITEM#')).length);
  }

  // Row sizes: what each read costs.
  const sizes = new Map<string, number>();
  for await (const page of store.scanItems()) for (const item of page) sizes.set(`ITEM#${item.itemKey}`, JSON.stringify(item).length + 40);
  const stateBytes = JSON.stringify((await store.getFeedStates(['feed1'])).get('feed1')).length + 30;
  const avgItem = [...sizes.values()].reduce((a, b) => a + b, 0) / sizes.size;
  const steady = lookedUpByCycle.slice(1);
  const nowItemReads = steady.reduce((a, b) => a + b, 0);
  const cost = (n: number, consistent: boolean) => Math.round(n * rru(avgItem) * (consistent ? 1 : 0.5));
  const polls = CYCLES * FEEDS;

  console.log(JSON.stringify({ feeds: FEEDS, itemsPerFeed: ITEMS, cycles: CYCLES, avgItemRowBytes: Math.round(avgItem), feedStateRowBytes: stateBytes }, null, 0));
  console.log(`item lookups per cycle (after the first): ${steady.join(', ')}`);
  console.log(`per poll, steady state (${polls} polls, half of them 304):`);
  console.log(`  A. every item of a 200, strongly consistent: ${(cost(allItemsOf200, true) / polls).toFixed(2)} RRU`);
  console.log(`  B. every item of a 200, eventually consistent: ${(cost(allItemsOf200, false) / polls).toFixed(2)} RRU`);
  console.log(`  C. seen-set in the feed state, the rest strongly consistent: ${(cost(nowItemReads, true) / polls).toFixed(2)} RRU (+ the feed-state read all three pay: ${rru(stateBytes)} RRU strongly consistent)`);
  await local.close();
  server.close();
}

await main();
