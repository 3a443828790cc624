/**
 * The scheduled readers' products on AWS (the digest function): the daily or weekly digest of each
 * subscriber filter to its digest topic, and the report page with an Atom feed next to it in the
 * report bucket. Orchestration over ports, like pipeline.ts; the CLI builds the same digest and
 * page from the local store (lambdas/local/read-commands.ts).
 */
import { buildDigest, digestMessage } from './core/digest.js';
import { filterOfPolicy, parseDigestKey } from './core/digest-key.js';
import { newestFirst } from './core/event-filter.js';
import { eventsToAtom } from './core/export.js';
import type { PolicyEvent } from './core/model.js';
import { renderReport } from './core/report/page.js';
import { ATOM_OBJECT, REPORT_OBJECT } from './core/report-objects.js';
import type { Clock, DigestChannel, Logger, ReportSink, Store } from './ports.js';

export type DigestFrequency = 'daily' | 'weekly';

/** The period each digest covers, ending at its scheduled time. */
export const DIGEST_PERIOD_MS: Record<DigestFrequency, number> = { daily: 24 * 3_600_000, weekly: 7 * 24 * 3_600_000 };

/** Entries in the bucket's Atom feed, newest first (feed readers keep what they have seen). */
export const ATOM_ENTRIES = 100;

/** Every event is read once per run: thousands of small rows, one paged index query. */
const READ_ALL = 100_000;

export interface DigestDeps {
  store: Store;
  channel: DigestChannel;
  reports: ReportSink;
  clock: Clock;
  logger: Logger;
}

export interface DigestRunResult {
  /** Distinct subscriber filters on the topic. */
  filters: number;
  published: number;
  /** Filters with nothing in the period: a quiet period sends nothing. */
  quiet: number;
  /** Keys whose digest could not be published (the run fails after trying the others). */
  failed: string[];
}

async function allEvents(store: Store): Promise<PolicyEvent[]> {
  return (await store.queryEvents({ limit: READ_ALL })).sort(newestFirst);
}

/**
 * Publishes the digest of [at - period, at) for every filter the topic's subscribers asked for,
 * each to exactly its subscribers (the message attribute `digest` = the filter's key). `at` is the
 * scheduled time, so a retried invocation covers the same period.
 */
export async function publishDigests(deps: DigestDeps, frequency: DigestFrequency, at: Date, events?: PolicyEvent[]): Promise<DigestRunResult> {
  const { channel, logger } = deps;
  const until = at.toISOString();
  const since = new Date(at.getTime() - DIGEST_PERIOD_MS[frequency]).toISOString();
  const keys = await channel.subscribedKeys(frequency);
  const result: DigestRunResult = { filters: keys.length, published: 0, quiet: 0, failed: [] };
  if (!keys.length) return result;
  const all = events ?? (await allEvents(deps.store));
  for (const key of keys) {
    let filter;
    try {
      filter = filterOfPolicy(parseDigestKey(key));
    } catch {
      // A filter policy written by hand, not by `banwatch subscribe`: nothing to build it from.
      logger.warn('digest subscription with a key banwatch did not make; skipped', { frequency, key });
      continue;
    }
    const digest = buildDigest(all, { since, until, filter });
    if (digest.total === 0) {
      result.quiet++;
      continue;
    }
    try {
      await channel.publish(frequency, digestMessage(digest, { key, frequency }));
      result.published++;
      logger.info('digest published', { frequency, key, changes: digest.total, since, until });
    } catch (err) {
      result.failed.push(key);
      logger.error('digest not published', { frequency, key, error: (err as Error).message });
    }
  }
  return result;
}

/** Writes the report page (every event) and the Atom feed of the newest events to the report sink. */
export async function publishReport(deps: DigestDeps, at: Date, events?: PolicyEvent[]): Promise<{ events: number }> {
  const all = events ?? (await allEvents(deps.store));
  await deps.reports.put(REPORT_OBJECT, renderReport(all, { generatedAt: at, scope: 'everything' }), 'text/html; charset=utf-8');
  await deps.reports.put(ATOM_OBJECT, eventsToAtom(all.slice(0, ATOM_ENTRIES), { filter: 'everything', updated: at }), 'application/atom+xml; charset=utf-8');
  deps.logger.info('report written', { events: all.length, objects: [REPORT_OBJECT, ATOM_OBJECT] });
  return { events: all.length };
}

/**
 * One run of the digest function, from one read of the events: the digests (daily, weekly) first,
 * so a report that cannot be written does not hold them back, then the report.
 */
export async function runDigest(deps: DigestDeps, kind: DigestFrequency | 'report', at: Date): Promise<{ report: { events: number }; digests: DigestRunResult | null }> {
  const events = await allEvents(deps.store);
  const digests = kind === 'report' ? null : await publishDigests(deps, kind, at, events);
  const report = await publishReport(deps, at, events);
  return { report, digests };
}
