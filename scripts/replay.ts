/**
 * The replay harness: real published articles (fixtures/replay/items.jsonl, each labelled with the
 * real decision it reports, or as a near-miss) served as feeds on 127.0.0.1 and revealed week by
 * week in publication order, one poll cycle per week through the real pipeline (dynalite on disk,
 * the HTTP fetcher, the classifier, event resolution, the outbox), with the pipeline's clock set to
 * each week (`run --once --now`). Then every alert is traced back to the articles of its event, and
 * we count what users feel: alerts per real decision, decisions alerted exactly once, decisions
 * with a right alert (country + measure + stage), and alerts that no real decision explains.
 *
 *   npm run replay                        the whole set, a table per decision and the summary
 *   npm run replay -- --json              the score as JSON
 *   npm run replay -- --decisions a,b     only these decisions and the near-misses around them
 *   npm run replay -- --split holdout     only items of one split
 *   npm run replay -- --cli               one `banwatch run --once --now` process per week (slow, exact)
 *   npm run replay -- --shape google      news served as Google News search items (headline only)
 *   npm run replay -- --step-days 1       one cycle a day instead of a week (reports meet the pipeline fewer at a time)
 *   npm run replay -- --dir DIR           another set (DIR/items.jsonl, DIR/decisions.json)
 *   npm run replay -- --holdout-decisions only the decisions set aside before any debugging (holdout-decisions.json);
 *                     --tune-decisions    the others
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { readOutbox, type OutboxAlert } from '../lambdas/adapters/file-outbox.js';
import type { FeedConfig, Measure, PolicyEvent, Stage } from '../lambdas/core/model.js';
import { silentLogger } from '../lambdas/ports.js';
import { runCycle } from '../lambdas/local/commands.js';
import { startDemoServer } from '../lambdas/local/demo-server.js';
import { openLocal } from '../lambdas/local/runtime.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
export const REPLAY_DIR = join(ROOT, 'fixtures', 'replay');
const DAY_MS = 86_400_000;
/** Real news feeds show their latest items; Google News searches about 100. */
const FEED_WINDOW_ITEMS = 100;

export interface ReplayItem {
  id: string;
  title: string;
  summary?: string;
  link: string;
  published: string;
  language: string;
  feed?: { kind?: 'news' | 'government'; country?: string };
  relevant: boolean;
  countries: string[];
  vendors: string[];
  measure: Measure | null;
  stage: Stage | null;
  stage_alt?: Stage[];
  measure_alt?: Measure[];
  /** The real decision the article reports; null for near-misses. */
  decision?: string | null;
  split?: 'tune' | 'holdout';
}

export interface Decision {
  id: string;
  countries: string[];
  vendors: string[];
  measure: Measure;
  stage: Stage;
  date: string;
  follows: string | null;
  description: string;
}

/** Decisions set aside before any debugging (holdout-decisions.json), or none. */
export function holdoutDecisions(dir = REPLAY_DIR): string[] {
  const file = join(dir, 'holdout-decisions.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { decisions: string[] }).decisions;
}

export function loadReplaySet(dir = REPLAY_DIR): { items: ReplayItem[]; decisions: Decision[] } {
  const items = readFileSync(join(dir, 'items.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ReplayItem);
  const decisions = JSON.parse(readFileSync(join(dir, 'decisions.json'), 'utf8')) as Decision[];
  return { items, decisions };
}

/** The decisions given, plus the near-misses published within 10 days of one of them. */
export function sliceOf(set: { items: ReplayItem[]; decisions: Decision[] }, decisionIds: string[]): { items: ReplayItem[]; decisions: Decision[] } {
  const wanted = new Set(decisionIds);
  const unknown = decisionIds.filter((id) => !set.decisions.some((d) => d.id === id));
  if (unknown.length) throw new Error(`unknown decision ids: ${unknown.join(', ')}`);
  const decisions = set.decisions.filter((d) => wanted.has(d.id));
  const times = set.items.filter((i) => i.decision && wanted.has(i.decision)).map((i) => Date.parse(i.published));
  const near = (i: ReplayItem) => times.some((t) => Math.abs(Date.parse(i.published) - t) <= 10 * DAY_MS);
  const items = set.items.filter((i) => (i.decision ? wanted.has(i.decision) : near(i)));
  return { items, decisions };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Noon UTC of the publication day: the articles carry dates, not times. */
const publishedAt = (i: ReplayItem) => new Date(`${i.published.slice(0, 10)}T12:00:00Z`);

/** One news feed per language and one government feed per jurisdiction, as RSS 2.0 files. */
/**
 * How the news feeds deliver an article: `article` as an outlet's own feed does (headline, lead,
 * link), `google` as a Google News search does (title "headline - Outlet", the description only a
 * link to the title and the outlet's name, the link an aggregator URL): the headline alone decides.
 */
export type ReplayShape = 'article' | 'google';

/** Where a Google News search item links for a replay article (an aggregator URL, as Google's are). */
export const googleLinkOf = (item: Pick<ReplayItem, 'id'>) => `https://news.google.com/rss/articles/${encodeURIComponent(item.id)}?oc=5`;

/** The outlet behind an article's link: its name (the host, as Google News titles say it) and its site. */
const outletOfLink = (link: string): { name: string; site: string } => {
  try {
    const u = new URL(link);
    return { name: u.hostname.replace(/^www\./, ''), site: u.origin };
  } catch {
    return { name: 'news', site: '' };
  }
};

export function replayFeeds(items: ReplayItem[], shape: ReplayShape = 'article'): Array<{ file: string; config: Omit<FeedConfig, 'url'>; xml: string }> {
  const groups = new Map<string, { config: Omit<FeedConfig, 'url'>; items: ReplayItem[] }>();
  for (const item of items) {
    const gov = item.feed?.kind === 'government' && item.feed.country;
    const id = gov ? `replay-gov-${item.feed!.country!.toLowerCase()}` : `replay-news-${item.language}`;
    let g = groups.get(id);
    if (!g) {
      const config: Omit<FeedConfig, 'url'> = gov
        ? { id, kind: 'government', country: item.feed!.country!, language: item.language, pollMinutes: 5 }
        : { id, kind: 'news', language: item.language, pollMinutes: 5 };
      g = { config, items: [] };
      groups.set(id, g);
    }
    g.items.push(item);
  }
  return [...groups.values()].map(({ config, items: list }) => {
    const google = shape === 'google' && config.kind === 'news';
    const entries = list
      .map((i) => {
        const { name: outlet, site } = outletOfLink(i.link);
        const title = google ? `${i.title} - ${outlet}` : i.title;
        const link = google ? googleLinkOf(i) : i.link;
        const description = google ? `<a href="${xml(link)}" target="_blank">${xml(i.title)}</a>&nbsp;&nbsp;<font color="#6f6f6f">${xml(outlet)}</font>` : (i.summary ?? '');
        return (
          `<item><title>${xml(title)}</title><link>${xml(link)}</link><guid isPermaLink="false">${xml(i.id)}</guid>` +
          `<pubDate>${publishedAt(i).toUTCString()}</pubDate><description>${xml(description)}</description>` +
          // Google News names the publisher behind its redirect link: <source url="https://www.orf.at">ORF</source>.
          (google ? `<source url="${xml(site)}">${xml(outlet)}</source>` : '') +
          `</item>`
        );
      })
      .join('\n');
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${config.id}</title><link>https://replay.invalid/${config.id}</link><description>replay</description>\n${entries}\n</channel></rss>\n`;
    return { file: `${config.id}.xml`, config, xml: body };
  });
}

export interface ReplayRun {
  alerts: OutboxAlert[];
  events: PolicyEvent[];
  cycles: number;
}

/**
 * Serves the items week by week and runs one poll cycle per week in which something new appears
 * (a week with nothing new would be all "not modified"), starting with one cycle a week before the
 * first article, when every feed is still empty: that is each feed's first poll.
 */
export async function runReplay(
  items: ReplayItem[],
  opts: { dataDir?: string; cli?: boolean; stepDays?: number; shape?: ReplayShape; onCycle?: (at: Date, n: number, total: number) => void } = {},
): Promise<ReplayRun> {
  const stepMs = (opts.stepDays ?? 7) * DAY_MS;
  const work = mkdtempSync(join(tmpdir(), 'banwatch-replay-'));
  const feedDir = join(work, 'feeds');
  mkdirSync(feedDir);
  const feeds = replayFeeds(items, opts.shape);
  for (const f of feeds) writeFileSync(join(feedDir, f.file), f.xml);
  let now = new Date(0);
  const server = await startDemoServer({ dir: feedDir, reveal: { until: () => now, maxItems: FEED_WINDOW_ITEMS } });
  const dataDir = opts.dataDir ?? join(work, 'data');
  try {
    const configs: FeedConfig[] = feeds.map((f) => ({ ...f.config, url: server.urlFor(f.file) }) as FeedConfig);
    const times = items.map((i) => publishedAt(i).getTime()).sort((a, b) => a - b);
    const start = Math.floor(times[0]! / DAY_MS) * DAY_MS - stepMs;
    const weeks: Date[] = [new Date(start)];
    for (let t = start + stepMs, i = 0; i < times.length; t += stepMs) {
      let revealed = false;
      while (i < times.length && times[i]! <= t) {
        revealed = true;
        i++;
      }
      if (revealed) weeks.push(new Date(t));
    }
    if (opts.cli) {
      const feedsFile = join(work, 'feeds.json');
      writeFileSync(feedsFile, JSON.stringify({ feeds: configs }));
      const run = promisify(execFile);
      for (const [n, at] of weeks.entries()) {
        now = at;
        opts.onCycle?.(at, n + 1, weeks.length);
        await run(process.execPath, [join(ROOT, 'bin', 'banwatch.mjs'), 'run', '--once', '--json', '--now', at.toISOString(), '--feeds', feedsFile, '--data', dataDir, '--allow-hosts', '127.0.0.1'], {
          maxBuffer: 64 * 1024 * 1024,
          env: { ...process.env, BANWATCH_ALLOW_HOSTS: '' },
        });
      }
    }
    const rt = await openLocal({ dataDir, allowHosts: ['127.0.0.1'], logger: silentLogger, clock: { now: () => new Date(now) } });
    try {
      if (!opts.cli) {
        for (const [n, at] of weeks.entries()) {
          now = at;
          opts.onCycle?.(at, n + 1, weeks.length);
          await runCycle(rt, configs);
        }
      }
      return { alerts: await readOutbox(rt.outboxDir), events: await rt.store.queryEvents({ limit: 100_000 }), cycles: weeks.length };
    } finally {
      await rt.close();
    }
  } finally {
    await server.close();
    if (!opts.dataDir) rmSync(work, { recursive: true, force: true });
  }
}

export interface AlertVerdict {
  alertId: string;
  kind: string;
  subject: string;
  countries: string[];
  measure: string;
  stage: string;
  /** The decision the alert reports, or null when no real decision explains it. */
  decision: string | null;
  right: boolean;
}

export interface ReplayScore {
  decisions: number;
  alerts: number;
  /** Alerts attributed to a decision, per decision (ideal 1.0). */
  alertsPerDecision: number;
  /** Share of decisions alerted exactly once. */
  exactlyOnce: number;
  /** Share of decisions with an alert of the right country + measure + stage. */
  rightAlert: number;
  /** Alerts from articles that report no decision (reactions, denials, analysis…). */
  falseAlerts: number;
  missed: string[];
  perDecision: Array<{ id: string; alerts: number; right: boolean }>;
  verdicts: AlertVerdict[];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Traces each alert to a real decision: the decisions of the articles in its event, preferring
 * those whose own label has the alert's stage (an "in force" update belongs to the in-force
 * decision, not to the announcement it follows), then the most reported. An alert whose articles
 * report no decision is a false alert.
 */
export function scoreReplay(items: ReplayItem[], decisions: Decision[], alerts: OutboxAlert[]): ReplayScore {
  // Links come back canonicalised (tracking parameters dropped), titles as plain text: try both.
  // Google News links may come back with their tracking parameter dropped.
  const byLink = new Map(items.flatMap((i) => [[i.link, i], [googleLinkOf(i), i], [googleLinkOf(i).replace(/\?.*$/, ''), i]] as Array<[string, ReplayItem]>));
  const byTitle = new Map(items.map((i) => [i.title.replace(/\s+/g, ' ').trim(), i]));
  const goldOf = (s: OutboxAlert['sources'][number]) => (s.link ? byLink.get(s.link) : undefined) ?? byTitle.get(s.title.replace(/\s+/g, ' ').trim());
  const decisionById = new Map(decisions.map((d) => [d.id, d]));
  const verdicts: AlertVerdict[] = alerts.map((a) => {
    const golds = a.sources.map(goldOf).filter((i): i is ReplayItem => !!i && !!i.decision && decisionById.has(i.decision));
    const atStage = golds.filter((i) => decisionById.get(i.decision!)!.stage === a.attributes.stage);
    const pool = atStage.length ? atStage : golds;
    const counts = new Map<string, number>();
    for (const i of pool) counts.set(i.decision!, (counts.get(i.decision!) ?? 0) + 1);
    const decision = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]?.[0] ?? null;
    const d = decision ? decisionById.get(decision)! : null;
    const right = !!d && sameSet(a.attributes.countries, d.countries) && a.attributes.measure === d.measure && a.attributes.stage === d.stage;
    return {
      alertId: a.alertId,
      kind: (a as { kind?: string }).kind ?? 'stage',
      subject: a.subject,
      countries: a.attributes.countries,
      measure: a.attributes.measure,
      stage: a.attributes.stage,
      decision,
      right,
    };
  });
  const reported = decisions.filter((d) => items.some((i) => i.decision === d.id));
  const perDecision = reported.map((d) => {
    const mine = verdicts.filter((v) => v.decision === d.id);
    return { id: d.id, alerts: mine.length, right: mine.some((v) => v.right) };
  });
  const n = Math.max(1, perDecision.length);
  const attributed = verdicts.filter((v) => v.decision !== null).length;
  return {
    decisions: perDecision.length,
    alerts: verdicts.length,
    alertsPerDecision: attributed / n,
    exactlyOnce: perDecision.filter((p) => p.alerts === 1).length / n,
    rightAlert: perDecision.filter((p) => p.right).length / n,
    falseAlerts: verdicts.filter((v) => v.decision === null).length,
    missed: perDecision.filter((p) => p.alerts === 0).map((p) => p.id),
    perDecision,
    verdicts,
  };
}

export function formatScore(s: ReplayScore): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [
    `${s.decisions} decisions, ${s.alerts} alerts`,
    `alerts per decision ${s.alertsPerDecision.toFixed(2)} (ideal 1.00)`,
    `alerted exactly once ${pct(s.exactlyOnce)}`,
    `with a right alert (country + measure + stage) ${pct(s.rightAlert)}`,
    `false alerts (no real decision) ${s.falseAlerts}`,
  ];
  return lines.join('\n');
}

async function main(argv: string[]): Promise<void> {
  const flag = (name: string) => argv.includes(name);
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dir = value('--dir') ? resolve(value('--dir')!) : undefined;
  let set = loadReplaySet(dir);
  const only = value('--decisions');
  if (only) set = sliceOf(set, only.split(',').map((x) => x.trim()).filter(Boolean));
  if (flag('--holdout-decisions') || flag('--tune-decisions')) {
    const held = new Set(holdoutDecisions(dir));
    const keep = flag('--holdout-decisions');
    set = sliceOf(set, set.decisions.filter((d) => held.has(d.id) === keep).map((d) => d.id));
  }
  const split = value('--split');
  if (split) set = { ...set, items: set.items.filter((i) => i.split === split) };
  const t0 = performance.now();
  const run = await runReplay(set.items, {
    cli: flag('--cli'),
    ...(value('--step-days') ? { stepDays: Number(value('--step-days')) } : {}),
    ...(value('--shape') ? { shape: value('--shape') as ReplayShape } : {}),
    ...(value('--data') ? { dataDir: resolve(value('--data')!) } : {}),
    onCycle: (at, n, total) => {
      if (process.stderr.isTTY) process.stderr.write(`\r[${n}/${total}] week of ${at.toISOString().slice(0, 10)}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const score = scoreReplay(set.items, set.decisions, run.alerts);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  if (flag('--json')) {
    process.stdout.write(`${JSON.stringify({ ...score, cycles: run.cycles, seconds: Number(seconds) })}\n`);
    return;
  }
  const out: string[] = [];
  out.push(`replay: ${set.items.length} articles (${set.items.filter((i) => i.decision).length} reporting ${score.decisions} decisions, ${set.items.filter((i) => !i.decision).length} near-misses), ${run.cycles} weekly cycles, ${seconds} s`);
  out.push('');
  for (const p of score.perDecision) {
    const d = set.decisions.find((x) => x.id === p.id)!;
    const mine = score.verdicts.filter((v) => v.decision === p.id);
    const mark = p.alerts === 1 && p.right ? 'ok  ' : p.alerts === 0 ? 'MISS' : p.right ? 'xtra' : 'WRNG';
    out.push(`${mark} ${p.id.padEnd(40)} ${d.countries.join('/')} ${d.measure}/${d.stage}  alerts: ${mine.map((v) => `${v.kind === 'stage' ? '' : `${v.kind}:`}${v.countries.join('/')} ${v.measure}/${v.stage}${v.right ? '' : '*'}`).join('; ') || '-'}`);
  }
  const falses = score.verdicts.filter((v) => v.decision === null);
  if (falses.length) {
    out.push('');
    out.push('alerts no real decision explains:');
    for (const v of falses) out.push(`  ${v.subject}`);
  }
  out.push('');
  out.push(formatScore(score));
  process.stdout.write(`${out.join('\n')}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    process.stderr.write(`replay: error: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
