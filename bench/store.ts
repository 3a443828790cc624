/**
 * Store benchmark: the DynamoDB adapter against in-memory dynalite. Reports, does not gate:
 * `ok` only says the store returned what it should (every item inserted once, queries non-empty).
 *
 *   npx tsx bench/store.ts
 */
import { pathToFileURL } from 'node:url';
import { DynamoStore } from '../lambdas/adapters/dynamo-store.js';
import type { PolicyEvent, StoredItem } from '../lambdas/core/model.js';
import { ensureTable, startLocalDynamo } from '../lambdas/local/dynalite.js';

/** 2,000 items: roughly one full run over the default registry's feeds (~40 feeds x 50 items). */
const ITEMS = 2_000;
/** 300 events over 6 countries: a few years of real measures, enough for queries to page. */
const EVENTS = 300;
/** 50 runs per query shape: enough for a stable p50/p95 without making the bench slow. */
const QUERY_RUNS = 50;
const COUNTRIES = ['JP', 'US', 'DE', 'GB', 'FR', 'AU'] as const;

function item(i: number): StoredItem {
  const relevant = i % 10 === 0;
  return {
    itemKey: `bench-${i.toString().padStart(6, '0')}`,
    feedId: `feed-${i % 40}`,
    guid: `guid-${i}`,
    link: `https://news.example/${i}`,
    title: `Headline number ${i} about networks and vendors`,
    summary: 'A paragraph of plain text summary. '.repeat(12),
    published: '2026-01-10T08:00:00.000Z',
    language: 'en',
    fetchedAt: '2026-01-10T09:00:00.000Z',
    classification: relevant
      ? { relevant: true, countries: ['JP'], vendors: ['Huawei'], measure: 'procurement_exclusion', stage: 'announced', confidence: 0.8, evidence: ['excludes Huawei'] }
      : { relevant: false, countries: [], vendors: [], measure: null, stage: null, confidence: 0.1, evidence: [] },
    eventId: null,
    feedCountry: null,
    feedKind: 'news',
  };
}

function event(i: number): PolicyEvent {
  const country = COUNTRIES[i % COUNTRIES.length]!;
  const day = new Date(Date.UTC(2024, 0, 1) + i * 3 * 86_400_000).toISOString();
  return {
    eventId: `ev-${i}`,
    clusterKey: `${country}|Vendor${i % 7}|market_ban`,
    seq: 0,
    countries: [country],
    vendors: [i % 2 === 0 ? 'Huawei' : 'ZTE'],
    measure: 'market_ban',
    stage: 'announced',
    title: `Event ${i}`,
    sources: [{ itemKey: `bench-${i}`, title: `Headline ${i}`, link: null, feedId: 'feed-1', published: day }],
    evidence: ['bans'],
    confidence: 0.8,
    firstSeen: day,
    lastSeen: day,
    alertState: 'SENT',
    alertedStages: ['announced'],
    version: 1,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function timeRuns(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const ms: number[] = [];
  for (let i = 0; i < QUERY_RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) };
}

export async function benchStore(): Promise<{ name: string; ok: boolean; summary: string }> {
  const local = await startLocalDynamo({});
  try {
    await ensureTable(local.client, 'banwatch-bench');
    const store = new DynamoStore(local.doc, 'banwatch-bench');
    const items = Array.from({ length: ITEMS }, (_, i) => item(i));

    let t = performance.now();
    const inserted = await store.putItems(items);
    const putSeconds = (performance.now() - t) / 1000;

    t = performance.now();
    const again = await store.putItems(items);
    const dedupeSeconds = (performance.now() - t) / 1000;

    for (let i = 0; i < EVENTS; i++) await store.saveEvent(event(i), 0);
    let byCountry = 0;
    let all = 0;
    const countryTimes = await timeRuns(async () => {
      byCountry = (await store.queryEvents({ country: 'JP', since: '2025-01-01' })).length;
    });
    const allTimes = await timeRuns(async () => {
      all = (await store.queryEvents({ vendor: 'huawei', limit: 50 })).length;
    });

    const ok = inserted.size === ITEMS && again.size === 0 && byCountry > 0 && all === 50;
    const f = (n: number) => n.toFixed(1);
    const summary = [
      `putItems ${ITEMS} new: ${Math.round(ITEMS / putSeconds)} items/s (${f(putSeconds * 1000)} ms)`,
      `putItems ${ITEMS} already stored: ${Math.round(ITEMS / dedupeSeconds)} items/s`,
      `queryEvents country=JP since (${byCountry} of ${EVENTS} events): p50 ${f(countryTimes.p50)} ms, p95 ${f(countryTimes.p95)} ms`,
      `queryEvents vendor, limit 50: p50 ${f(allTimes.p50)} ms, p95 ${f(allTimes.p95)} ms`,
    ].join('; ');
    return { name: 'store (dynalite, in memory)', ok, summary };
  } finally {
    await local.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchStore();
  console.log(`${result.ok ? 'ok ' : 'BAD'} ${result.name}: ${result.summary}`);
  process.exitCode = result.ok ? 0 : 1;
}
