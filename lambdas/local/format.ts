/**
 * Human-readable renderings for the CLI (the --json forms are the plain objects). Tables go through
 * cli-table3, which measures cells with string-width: CJK headlines take two columns a character
 * and stay aligned.
 */
import Table from 'cli-table3';
import { MEASURE_LABELS, STAGE_LABELS, confidenceWords, countryName, humanDate, orderedSources, renderText, timelineOf } from '../core/alert.js';
import { describeEffective } from '../core/effective.js';
import type { FeedOutcome, FeedState, PolicyEvent, SentAlert, Stage } from '../core/model.js';
import { colour } from './cli-shared.js';

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

const STAGE_COLOUR: Record<Stage, (s: string) => string> = {
  proposed: colour.gray,
  announced: colour.yellow,
  in_force: colour.red,
  lifted: colour.green,
  rejected: colour.gray,
};

/** Plain borders, headers in bold (no colour library of cli-table3's own: NO_COLOR is honoured by picocolors). */
function table(head: string[], colWidths: Array<number | null>): Table.Table {
  return new Table({
    head: head.map((h) => colour.bold(h)),
    colWidths,
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 2 },
    chars: { top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '', left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '' },
    wordWrap: false,
  });
}

/** One row per event: when, who, against whom, what, how sure, the headline, the id to look it up with. */
export function formatEventsTable(events: PolicyEvent[], width = process.stdout.isTTY ? process.stdout.columns || 120 : 180): string {
  const fixed = [12, 9, 22, 25, 11, 6, 15];
  const title = Math.max(20, width - fixed.reduce((a, b) => a + b, 0) - 1);
  const t = table(['last seen', 'country', 'vendors', 'measure', 'stage', 'conf', 'headline', 'event'], [fixed[0]!, fixed[1]!, fixed[2]!, fixed[3]!, fixed[4]!, fixed[5]!, title, fixed[6]!]);
  for (const e of events) {
    const lead = orderedSources(e)[0];
    t.push([
      e.lastSeen.slice(0, 10),
      e.countries.join('/'),
      e.vendors.join(', '),
      MEASURE_LABELS[e.measure],
      STAGE_COLOUR[e.stage](STAGE_LABELS[e.stage]),
      `${Math.round(e.confidence * 100)}%`,
      `${lead?.official ? '\u2713 ' : ''}${lead?.title ?? e.title}`,
      e.eventId.slice(0, 13),
    ]);
  }
  return t.toString();
}

/** `banwatch event ID`: everything about one event, the alert text first. */
/** What the alert-intent log (DELIVERY# rows) says of one alert: SENT/SENDING/FAILED, attempts, MessageIds. */
export interface DeliveryView {
  state: string;
  attempts: number;
  topics: string[];
  messageIds: Record<string, string>;
  lastError?: string;
}

/** One alert sent (or held, or FAILED), then each topic it reached with its SNS MessageId, then its delivery record. */
export function formatAlertDelivery(a: SentAlert, record: DeliveryView | undefined): string[] {
  const lines = [`    ${a.at.slice(0, 16).replace('T', ' ')} UTC  ${a.alertId}  ${a.kind} ${STAGE_LABELS[a.stage]}${a.held ? ' (held for the digest: low confidence)' : ''}${a.state === 'FAILED' ? `  FAILED: ${a.error ?? ''}` : ''}`];
  (a.topics ?? []).forEach((t, i) => lines.push(`        \u2192 ${t}  MessageId ${a.messageIds?.[i] ?? '?'}`));
  if (record) lines.push(`        delivery record: ${record.state} after ${record.attempts} attempt(s)${record.lastError ? `, last error: ${record.lastError}` : ''}`);
  return lines;
}

export function formatEventDetail(e: PolicyEvent, deliveries: Record<string, DeliveryView> = {}): string {
  const lines = [renderText(e).split('\nWhy you got this:')[0]!.trimEnd(), ''];
  lines.push(colour.bold('Timeline'));
  for (const h of e.history ?? []) lines.push(`  ${humanDate(h.at)}  ${STAGE_COLOUR[h.stage](STAGE_LABELS[h.stage])}${h.official ? ' (official)' : ''}  ${h.feedId}`);
  if (!(e.history ?? []).length) lines.push(`  ${timelineOf(e)}`);
  if (e.effective) lines.push(`  effective ${describeEffective(e.effective)} (${e.effective.rule})`);
  lines.push('', colour.bold('Why each report joined'));
  for (const s of e.sources) {
    lines.push(`  ${s.published ? humanDate(s.published) : '          '}  ${s.outlet ?? s.feedId}${s.official ? ' (official)' : ''}: ${s.stage ? STAGE_LABELS[s.stage] : ''}${s.measure ? `, ${MEASURE_LABELS[s.measure]}` : ''}`);
    lines.push(`      ${s.mergeReason ?? 'joined'}`);
  }
  lines.push('', colour.bold('Alerts'));
  if (!(e.alerts ?? []).length) lines.push(`  none yet (${e.backfill ? 'old news: never alerts' : e.alertState === 'PENDING' ? 'one is due on the next run' : 'waiting for a second outlet or an official source'})`);
  for (const a of e.alerts ?? []) lines.push(...formatAlertDelivery(a, deliveries[a.alertId]).map((l) => l.slice(2)));
  lines.push('', `${e.eventId}  ${e.countries.map(countryName).join(', ')}  confidence ${confidenceWords(e)}`);
  return lines.join('\n');
}

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "in 12 minutes", "3 hours ago", "now": how people read a time next to now. */
export function relativeTime(iso: string | null | undefined, now: Date): string {
  const t = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(t)) return '-';
  const s = Math.round((t - now.getTime()) / 1000);
  const abs = Math.abs(s);
  if (abs < 45) return 'now';
  if (abs < 3600) return relative.format(Math.round(s / 60), 'minute');
  if (abs < 36 * 3600) return relative.format(Math.round(s / 3600), 'hour');
  return relative.format(Math.round(s / 86400), 'day');
}

/** `banwatch feeds`: one row per feed, times relative to now. */
export function formatFeedsTable(feeds: Array<{ id: string; url: string }>, states: Map<string, FeedState>, now: Date, width = process.stdout.isTTY ? process.stdout.columns || 120 : 180): string {
  const t = table(['feed', 'status', 'last poll', 'next poll', 'failures', 'last error'], [26, 14, 16, 18, 10, Math.max(20, width - 86)]);
  for (const f of feeds) {
    const s = states.get(f.id);
    const status = !s ? colour.gray('never polled') : s.lastStatus === 'error' ? colour.red('error') : s.lastStatus === 'not_modified' ? 'not modified' : (s.lastStatus ?? '-');
    const next = s?.nextPollAfter && Date.parse(s.nextPollAfter) > now.getTime() ? `${relativeTime(s.nextPollAfter, now)}${s.failures ? ' (backoff)' : ''}` : 'when due';
    t.push([f.id, status, relativeTime(s?.lastPolledAt, now), next, String(s?.failures ?? 0), s?.lastError ? `[${s.lastError.code}] ${s.lastError.message}` : '']);
  }
  return t.toString();
}
