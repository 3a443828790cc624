/**
 * Human-readable renderings for the CLI (the --json forms are the plain objects).
 */
import type { FeedOutcome, FeedState, PolicyEvent } from '../core/model.js';

export interface RunSummary {
  feeds: Array<Pick<FeedOutcome, 'id' | 'url' | 'status' | 'items' | 'newItems'> & { httpStatus?: number; oldNews?: number; error?: string; errorCode?: string }>;
  items: number;
  newItems: number;
  /** New items stored as old news (a feed's first poll, or past the age limit): never alerted. */
  oldNews: number;
  relevant: number;
  events: { new: number; updated: number };
  /** held: below the confidence floor, recorded for the digests instead of sent. */
  alerts: { published: number; failed: number; held: number };
}

export function summarise(outcomes: FeedOutcome[], alerts: { published: number; failed: number; held: number }): RunSummary {
  const sum = (f: (o: FeedOutcome) => number) => outcomes.reduce((n, o) => n + f(o), 0);
  return {
    feeds: outcomes.map((o) => ({
      id: o.id,
      url: o.url,
      status: o.status,
      ...(o.httpStatus !== undefined ? { httpStatus: o.httpStatus } : {}),
      items: o.items,
      newItems: o.newItems,
      ...(o.oldNews ? { oldNews: o.oldNews } : {}),
      ...(o.error !== undefined ? { error: o.error, errorCode: o.errorCode } : {}),
    })),
    items: sum((o) => o.items),
    newItems: sum((o) => o.newItems),
    oldNews: sum((o) => o.oldNews ?? 0),
    relevant: sum((o) => o.relevant),
    events: { new: sum((o) => o.events.new), updated: sum((o) => o.events.updated) },
    alerts,
  };
}

const MARK: Record<FeedOutcome['status'], string> = { ok: 'ok  ', not_modified: '304 ', skipped: 'skip', error: 'FAIL' };

export function formatOutcomeLine(o: FeedOutcome | RunSummary['feeds'][number], idWidth = 24): string {
  const head = `${MARK[o.status]}  ${o.id.padEnd(idWidth)}`;
  switch (o.status) {
    case 'ok':
      return `${head} ${o.items} items, ${o.newItems} new${o.oldNews ? ` (${o.oldNews} old news, not alerted)` : ''}`;
    case 'not_modified':
      return `${head} not modified`;
    case 'skipped':
      return `${head} not due yet (Retry-After or backoff)`;
    case 'error':
      return `${head} ${o.errorCode ? `[${o.errorCode}] ` : ''}${o.error ?? 'failed'}`;
  }
}

export function formatRunSummary(s: RunSummary): string {
  const width = Math.min(32, Math.max(8, ...s.feeds.map((f) => f.id.length)));
  const lines = s.feeds.map((f) => formatOutcomeLine(f, width));
  const count = (st: string) => s.feeds.filter((f) => f.status === st).length;
  lines.push('');
  lines.push(
    `${s.feeds.length} feeds: ${count('ok')} ok, ${count('not_modified')} not modified, ${count('skipped')} skipped, ${count('error')} failed`,
  );
  lines.push(`${s.items} items seen, ${s.newItems} new${s.oldNews ? ` (${s.oldNews} old news)` : ''}, ${s.relevant} relevant; events: ${s.events.new} new, ${s.events.updated} updated`);
  lines.push(`alerts: ${s.alerts.published} published${s.alerts.failed ? `, ${s.alerts.failed} failed (kept pending)` : ''}${s.alerts.held ? `, ${s.alerts.held} held for the digest (low confidence)` : ''}`);
  return lines.join('\n');
}

export function formatEvent(e: PolicyEvent): string {
  const lines = [
    `${e.lastSeen.slice(0, 10)}  ${e.countries.join('/')}  ${e.vendors.join(', ')}  ${e.measure} / ${e.stage}  (${Math.round(e.confidence * 100)}%)`,
    `    ${e.title}`,
  ];
  if (e.evidence.length) lines.push(`    evidence: ${e.evidence.slice(0, 4).map((x) => `"${x}"`).join('; ')}`);
  for (const s of e.sources.slice(0, 3)) lines.push(`    - ${s.feedId}: ${s.link ?? s.title}`);
  if (e.sources.length > 3) lines.push(`    … ${e.sources.length - 3} more sources`);
  const status = e.sources.some((s) => s.official) ? 'official' : `reported (${e.outlets?.length ?? e.sources.length} outlets)`;
  if (e.history && e.history.length > 1) lines.push(`    timeline: ${e.history.map((h) => `${h.stage} ${h.at.slice(0, 10)}`).join(' → ')}`);
  lines.push(`    ${e.eventId}  ${status}${e.backfill ? ', old news' : ''}  alert: ${e.alertState}${e.alertedStages.length ? ` (sent: ${e.alertedStages.join(', ')})` : ''}`);
  return lines.join('\n');
}

export function formatFeedState(id: string, url: string, s: FeedState | undefined): string {
  if (!s) return `${id.padEnd(24)} never polled   ${url}`;
  const parts = [
    id.padEnd(24),
    (s.lastStatus ?? '-').padEnd(12),
    `last ${s.lastPolledAt ?? '-'}`,
    `failures ${s.failures}`,
  ];
  if (s.nextPollAfter) parts.push(`next ${s.nextPollAfter}`);
  if (s.lastError) parts.push(`error [${s.lastError.code}] ${s.lastError.message}`);
  return parts.join('  ');
}
