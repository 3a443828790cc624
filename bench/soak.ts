/**
 * The soak: 200 loopback feeds × 200 items, 20 cycles of `banwatch run` (poll + notify, the CLI's
 * runCycle) on an on-disk data directory, with feeds changing between cycles: each cycle a fifth
 * of the feeds gets new items at the top (the oldest fall off the end, as real feeds do), some of
 * them new stages of stories already alerted. Checks, every cycle:
 *   - every change is picked up: changed feeds answer 200 and exactly the added items are new,
 *     unchanged feeds answer 304;
 *   - no alert twice in alerts.jsonl, nothing left pending;
 *   - memory is flat: heap after a forced GC, cycle by cycle.
 *
 *   node --expose-gc --import tsx bench/soak.ts [--feeds 200] [--items 200] [--cycles 20]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { FeedConfig } from '../lambdas/core/model.js';
import { runCycle } from '../lambdas/local/commands.js';
import { openLocal } from '../lambdas/local/runtime.js';
import { silentLogger } from '../lambdas/ports.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const FEEDS = arg('feeds', 200);
const ITEMS = arg('items', 200);
const CYCLES = arg('cycles', 20);
/** A fifth of the feeds change each cycle, by this many new items each. */
const CHANGED_SHARE = 0.2;
const NEW_PER_CHANGE = 5;

const COUNTRIES = ['Japan', 'Germany', 'France', 'Italy', 'Brazil', 'Canada', 'Australia', 'India', 'Poland', 'Sweden'];
const VENDORS = ['Huawei', 'ZTE', 'Hikvision', 'Dahua', 'DJI', 'Kaspersky'];
/** One story per (country, vendor): proposed, then announced from cycle 8, in force from cycle 15. */
const STAGES = [
  (c: string, v: string) => `${c} proposes to exclude ${v} from government procurement`,
  (c: string, v: string) => `${c} to exclude ${v} from government procurement`,
  (c: string, v: string) => `${c} ban on ${v} equipment in government procurement takes effect`,
];
const NOISE = [(v: string) => `${v} unveils new foldable phone`, (v: string) => `${v} quarterly revenue rises`, () => 'Marathon runner handed four-year doping ban'];

interface Item {
  guid: string;
  title: string;
  date: string;
}

let serial = 0;
/**
 * 40% of items are relevant. Each feed follows one (country, vendor) story, shared with the few
 * other feeds on the same pair (60 stories for 200 feeds), as real feeds cover a handful of stories.
 */
function newItem(feed: number, cycle: number): Item {
  const n = serial++;
  const country = COUNTRIES[feed % COUNTRIES.length]!;
  const vendor = VENDORS[Math.floor(feed / COUNTRIES.length) % VENDORS.length]!;
  const title = n % 5 < 2 ? STAGES[Math.min(2, Math.max(0, Math.floor((cycle - 1) / 7)))]!(country, vendor) : NOISE[n % NOISE.length]!(vendor);
  return { guid: `s${feed}-${n}`, title: `${title} (${feed}.${n})`, date: new Date(Date.UTC(2026, 10, 1) + n * 1000).toUTCString() };
}

function rss(items: Item[]): string {
  const body = items
    .map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://news.example/${i.guid}</link><pubDate>${i.date}</pubDate><description>${i.title}.</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>soak</title><link>https://news.example/</link><description>soak</description>${body}</channel></rss>`;
}

async function main() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc --import tsx bench/soak.ts');
  const feeds: Item[][] = Array.from({ length: FEEDS }, (_, f) => Array.from({ length: ITEMS }, () => newItem(f, 0)));
  const bodies = feeds.map((items) => rss(items));
  const server = http.createServer((req, res) => {
    const f = Number(/^\/f(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? -1);
    const body = bodies[f];
    if (body === undefined) return void res.writeHead(404).end();
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { ETag: etag }).end();
    res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: etag }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const config: FeedConfig[] = feeds.map((_, f) => ({ id: `soak-${f}`, url: `${base}/f${f}.xml`, kind: 'news' }));
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-soak-'));
  // The soak's items are dated from 1 Nov 2026: it runs as of the next day, and a feed's first poll alerts too.
  const rt = await openLocal({ dataDir: join(dir, 'data'), allowHosts: ['127.0.0.1'], logger: silentLogger, clock: { now: () => new Date('2026-11-02T00:00:00Z') }, alertPolicy: { maxAlertAgeDays: 14, alertBacklog: true } });
  const problems: string[] = [];
  const rows: string[] = [];
  const heaps: number[] = [];
  let totalAlerts = 0;
  try {
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const changed = new Set<number>();
      if (cycle > 1) {
        while (changed.size < Math.round(FEEDS * CHANGED_SHARE)) changed.add(Math.floor(Math.random() * FEEDS));
        for (const f of changed) {
          const fresh = Array.from({ length: NEW_PER_CHANGE }, () => newItem(f, cycle));
          feeds[f] = [...fresh, ...feeds[f]!].slice(0, ITEMS);
          bodies[f] = rss(feeds[f]!);
        }
      }
      const t0 = performance.now();
      const s = await runCycle(rt, config, { concurrency: 8 });
      const ms = performance.now() - t0;
      const expectedNew = cycle === 1 ? FEEDS * ITEMS : changed.size * NEW_PER_CHANGE;
      const errors = s.feeds.filter((f) => f.status === 'error');
      const ok = s.feeds.filter((f) => f.status === 'ok').length;
      const notModified = s.feeds.filter((f) => f.status === 'not_modified').length;
      if (errors.length) problems.push(`cycle ${cycle}: ${errors.length} feeds failed: ${errors[0]!.error}`);
      if (s.newItems !== expectedNew) problems.push(`cycle ${cycle}: ${s.newItems} new items, expected ${expectedNew}`);
      if (cycle > 1 && (ok !== changed.size || notModified !== FEEDS - changed.size)) problems.push(`cycle ${cycle}: ${ok} ok / ${notModified} not modified, expected ${changed.size} / ${FEEDS - changed.size}`);
      const pending = await rt.store.listPendingEvents(10);
      if (pending.length) problems.push(`cycle ${cycle}: ${pending.length} alerts still pending`);
      totalAlerts += s.alerts.published;
      gc();
      const heap = process.memoryUsage().heapUsed / 2 ** 20;
      const mem = process.memoryUsage();
      const rss_ = mem.rss / 2 ** 20;
      const external = mem.external / 2 ** 20;
      heaps.push(heap);
      rows.push(
        `| ${cycle} | ${(ms / 1000).toFixed(1)} | ${ok} / ${notModified} | ${s.newItems} | ${s.relevant} | ${s.events.new} / ${s.events.updated} | ${s.alerts.published} | ${heap.toFixed(0)} | ${external.toFixed(0)} | ${rss_.toFixed(0)} |`,
      );
      process.stderr.write(`${rows.at(-1)}\n`);
    }
    const lines = readFileSync(join(rt.outboxDir, 'alerts.jsonl'), 'utf8').trim().split('\n');
    const ids = lines.map((l) => (JSON.parse(l) as { alertId: string }).alertId);
    if (new Set(ids).size !== ids.length) problems.push(`${ids.length - new Set(ids).size} duplicate alerts in alerts.jsonl`);
    if (ids.length !== totalAlerts) problems.push(`${ids.length} lines in alerts.jsonl, ${totalAlerts} alerts published`);
  } finally {
    await rt.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  // Flat: the last cycles' heap within 25% (and 40 MiB) of the second cycle's (the first one warms caches up).
  const settled = heaps[1] ?? heaps[0]!;
  const last = Math.max(...heaps.slice(-5));
  if (last > settled * 1.25 && last - settled > 40) problems.push(`heap grew from ${settled.toFixed(0)} MiB (cycle 2) to ${last.toFixed(0)} MiB (last 5 cycles)`);
  process.stdout.write(
    [
      `soak: ${FEEDS} feeds × ${ITEMS} items, ${CYCLES} cycles, ${Math.round(FEEDS * CHANGED_SHARE)} feeds × ${NEW_PER_CHANGE} new items per cycle`,
      '',
      '| cycle | s | 200 / 304 | new items | relevant | events new / updated | alerts | heap MiB (after GC) | external MiB | RSS MiB |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      `${totalAlerts} alerts, ${problems.length ? `PROBLEMS:\n${problems.join('\n')}` : 'no problems: every change picked up, no duplicate alert, nothing pending, heap flat'}`,
    ].join('\n') + '\n',
  );
  process.exitCode = problems.length ? 1 : 0;
}

await main();
