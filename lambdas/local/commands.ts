/**
 * What the CLI commands do, separated from argument parsing (bin/banwatch.ts) so the e2e tests
 * and the demo share it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeedsConfig } from '../config.js';
import { ConfigError } from '../core/errors.js';
import { buildDigest, renderDigestText } from '../core/digest.js';
import type { FeedConfig, FeedOutcome, PolicyEvent } from '../core/model.js';
import { renderReport } from '../core/report/page.js';
import { notifyPending, pollFeeds, reclassifyAll, type ReclassifyResult } from '../pipeline.js';
import type { Logger } from '../ports.js';
import { readOutbox } from '../adapters/file-outbox.js';
import { DEMO_CYCLES, startDemoServer, demoFeedsConfig } from './demo-server.js';
import { summarise, type RunSummary } from './format.js';
import { openLocal, type LocalRuntime } from './runtime.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function loadFeedsFile(path: string): FeedConfig[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError('CONFIG_UNREADABLE', `cannot read feeds file ${path}: ${(err as Error).message}`, { cause: err });
  }
  return parseFeedsConfig(text, path);
}

export interface CycleOptions {
  concurrency?: number;
  respectInterval?: boolean;
  /** Poll feeds in backoff or Retry-After too (`run --force`). */
  force?: boolean;
  onProgress?: (done: number, total: number, outcome: FeedOutcome) => void;
}

/** One poll cycle: poll every feed, then publish pending alerts. */
export async function runCycle(rt: LocalRuntime, feeds: FeedConfig[], opts: CycleOptions = {}): Promise<RunSummary> {
  const outcomes = await pollFeeds(feeds, rt, {
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    respectInterval: opts.respectInterval ?? false,
    ...(opts.force ? { force: true } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const notified = await notifyPending(rt);
  return summarise(outcomes, { published: notified.published, failed: notified.failed, held: notified.held });
}

export async function reclassify(rt: LocalRuntime, onProgress?: (n: number) => void): Promise<ReclassifyResult & { alerts: { published: number; failed: number; held: number } }> {
  const result = await reclassifyAll(rt, onProgress ? { onProgress } : {});
  const notified = await notifyPending(rt);
  return { ...result, alerts: { published: notified.published, failed: notified.failed, held: notified.held } };
}

export interface DemoResult {
  /** The data directory, or null when it was a temporary one, removed at the end. */
  dataDir: string | null;
  /** The report page the demo wrote (outside a temporary data directory, so it outlives it). */
  reportPath: string;
  /** The digest of the demo's alerting cycles, as text. */
  digest: string;
  outboxDir: string;
  /** One summary per cycle, with the (simulated) time it ran at. */
  cycles: Array<RunSummary & { at: string }>;
  events: PolicyEvent[];
  alerts: Awaited<ReturnType<typeof readOutbox>>;
  /** True when the first cycle (every feed's backlog) alerted nothing: old news stays quiet. */
  firstCycleQuiet: boolean;
  /** True when the last cycle was all not-modified and sent nothing: the idempotence check. */
  finalCycleQuiet: boolean;
}

/**
 * The offline demo: the bundled feeds served on 127.0.0.1 as they looked at each of DEMO_CYCLES,
 * one poll cycle per instant (the pipeline's clock moves with them): a first cycle that stores every
 * feed's backlog without alerting, cycles whose news alerts, and a last one with nothing new.
 */
export async function runDemo(opts: { dataDir?: string; reportPath?: string; logger: Logger; onCycle?: (n: number, s: RunSummary, at: string) => void }): Promise<DemoResult> {
  let now = new Date(DEMO_CYCLES[0]);
  const clock = { now: () => new Date(now) };
  const server = await startDemoServer({ dir: join(REPO_ROOT, 'fixtures', 'feeds'), reveal: { until: () => now } });
  const temporary = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'banwatch-demo-'));
  // With --data the report sits with the data; a temporary directory goes, the report stays.
  const reportPath = resolve(opts.reportPath ?? (temporary ? join(tmpdir(), 'banwatch-demo-report.html') : join(dataDir, 'report.html')));
  try {
    const rt = await openLocal({ dataDir, allowHosts: ['127.0.0.1'], logger: opts.logger, clock });
    try {
      const feeds = demoFeedsConfig(server.baseUrl);
      const cycles: DemoResult['cycles'] = [];
      for (const [i, at] of DEMO_CYCLES.entries()) {
        now = new Date(at);
        const s = await runCycle(rt, feeds);
        cycles.push({ ...s, at });
        opts.onCycle?.(i + 1, s, at);
      }
      const first = cycles[0]!;
      const last = cycles.at(-1)!;
      const firstCycleQuiet = first.alerts.published === 0;
      const finalCycleQuiet = last.feeds.every((f) => f.status === 'not_modified') && last.alerts.published === 0 && last.newItems === 0;
      const events = await rt.store.queryEvents({});
      const alerts = await readOutbox(rt.outboxDir);
      // The digest a weekly subscriber would get after the last cycle: the fortnight of the demo's news.
      const until = new Date(now.getTime() + 1).toISOString();
      const since = new Date(now.getTime() - 14 * 86_400_000).toISOString();
      const digest = renderDigestText(buildDigest(events, { since, until }));
      writeFileSync(reportPath, renderReport(events, { generatedAt: now, scope: 'the demo feeds' }));
      return { dataDir: temporary ? null : dataDir, reportPath, digest, outboxDir: rt.outboxDir, cycles, events, alerts, firstCycleQuiet, finalCycleQuiet };
    } finally {
      await rt.close();
    }
  } finally {
    await server.close();
    if (temporary) rmSync(dataDir, { recursive: true, force: true });
  }
}
