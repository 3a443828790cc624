/**
 * What the CLI commands do, separated from argument parsing (bin/banwatch.ts) so the e2e tests
 * and the demo share it.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFeedsConfig } from '../config.js';
import { ConfigError } from '../core/errors.js';
import type { FeedConfig, FeedOutcome, PolicyEvent } from '../core/model.js';
import { notifyPending, pollFeeds, reclassifyAll, type ReclassifyResult } from '../pipeline.js';
import type { Logger } from '../ports.js';
import { readOutbox } from '../adapters/file-outbox.js';
import { startDemoServer, demoFeedsConfig } from './demo-server.js';
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
  onProgress?: (done: number, total: number, outcome: FeedOutcome) => void;
}

/** One poll cycle: poll every feed, then publish pending alerts. */
export async function runCycle(rt: LocalRuntime, feeds: FeedConfig[], opts: CycleOptions = {}): Promise<RunSummary> {
  const outcomes = await pollFeeds(feeds, rt, {
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    respectInterval: opts.respectInterval ?? false,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  const notified = await notifyPending(rt);
  return summarise(outcomes, { published: notified.published, failed: notified.failed });
}

export async function reclassify(rt: LocalRuntime, onProgress?: (n: number) => void): Promise<ReclassifyResult & { alerts: { published: number; failed: number } }> {
  const result = await reclassifyAll(rt, onProgress ? { onProgress } : {});
  const notified = await notifyPending(rt);
  return { ...result, alerts: { published: notified.published, failed: notified.failed } };
}

export interface DemoResult {
  dataDir: string;
  outboxDir: string;
  cycles: RunSummary[];
  events: PolicyEvent[];
  alerts: Awaited<ReturnType<typeof readOutbox>>;
  /** True when the second cycle was all not-modified and sent nothing: the idempotence check. */
  secondCycleQuiet: boolean;
}

/** The offline demo: bundled feeds on 127.0.0.1, two cycles, then what was stored and alerted. */
export async function runDemo(opts: { dataDir?: string; logger: Logger; onCycle?: (n: number, s: RunSummary) => void }): Promise<DemoResult> {
  const server = await startDemoServer({ dir: join(REPO_ROOT, 'fixtures', 'feeds') });
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'banwatch-demo-'));
  try {
    const rt = await openLocal({ dataDir, allowHosts: ['127.0.0.1'], logger: opts.logger });
    try {
      const feeds = demoFeedsConfig(server.baseUrl);
      const cycles: RunSummary[] = [];
      for (let n = 1; n <= 2; n++) {
        const s = await runCycle(rt, feeds);
        cycles.push(s);
        opts.onCycle?.(n, s);
      }
      const second = cycles[1]!;
      const secondCycleQuiet = second.feeds.every((f) => f.status === 'not_modified') && second.alerts.published === 0 && second.newItems === 0;
      const events = await rt.store.queryEvents({});
      const alerts = await readOutbox(rt.outboxDir);
      return { dataDir, outboxDir: rt.outboxDir, cycles, events, alerts, secondCycleQuiet };
    } finally {
      await rt.close();
    }
  } finally {
    await server.close();
  }
}
