/**
 * The crash harness: kills the real CLI (`banwatch run --once`, a separate Node process) with
 * SIGKILL at random moments and at the moments that used to hurt (during the first table creation,
 * while the outbox is being appended), starts two processes at once on one data directory,
 * damages copies of the data directory in eight ways, and keeps a feed that flaps between 200, 500,
 * malformed XML and 404. After every run that finished, and at the end, it checks the promises of
 * the README's "Guarantees":
 *
 *   lost events        every event a never-killed reference run stores is stored, with its stage
 *                      and all its sources;
 *   duplicate alerts   no (event, stage) alert appears twice in alerts.jsonl;
 *   torn lines         every line of alerts.jsonl is a whole JSON object;
 *   bricked dirs       after any kill the next run finishes (exit 0);
 *   stack traces       no stderr of any process holds a stack trace or Node's uncaught printout;
 *   silent data loss   a damaged directory is either refused (exit 1, one `banwatch: error: … [CODE]`
 *                      line, every file unchanged) or read with exactly the events it held;
 *   left pending       a run that exited 0 leaves no alert pending, and every alerted stage is in
 *                      the outbox.
 *
 * test/crash/run.ts runs it from the command line (`npm run crash -- --seed 7`); the short profile
 * runs in `npm test` (test/crash/crash.test.ts).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FeedConfig, PolicyEvent } from '../../lambdas/core/model.js';
import { runCycle } from '../../lambdas/local/commands.js';
import { openLocal } from '../../lambdas/local/runtime.js';
import { silentLogger } from '../../lambdas/ports.js';
import { mulberry32 } from '../support/random.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'banwatch.mjs');

export interface HarnessProfile {
  seed: number;
  /** Feeds with relevant stories (the flapping feed comes on top). */
  feeds: number;
  /** Times the feeds change; each change is polled until one run finishes. */
  versions: number;
  /** New items per feed and version. */
  itemsPerVersion: number;
  /** Chance that a run is killed (each attempt). */
  killRate: number;
  /** Attempts per version that may be killed before one is left to finish. */
  killsPerVersion: number;
  /** Kills aimed at the first run's table creation, each on a new data directory. */
  creationKills: number;
  /** Kills aimed at the moment alerts.jsonl grows. */
  outboxKills: number;
  /** Pairs of processes started together on one directory. */
  pairs: number;
  /** Damage kinds applied (from the eight below), each on its own copy. */
  damages: DamageKind[];
  /** Read events for the settled checks in this process instead of through the CLI (faster; the damage checks always use the CLI). */
  inProcessChecks?: boolean;
  log?: (line: string) => void;
}

export const DAMAGE_KINDS = [
  'delete-current',
  'garbage-current',
  'delete-manifest',
  'truncate-table',
  'flip-table',
  'delete-table',
  'flip-log',
  'truncate-log',
] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

export const SHORT_PROFILE: Omit<HarnessProfile, 'seed'> = {
  feeds: 3,
  versions: 2,
  itemsPerVersion: 4,
  killRate: 0.7,
  killsPerVersion: 2,
  creationKills: 1,
  outboxKills: 1,
  pairs: 1,
  damages: ['delete-current', 'flip-table', 'truncate-log'],
  inProcessChecks: true,
};

export const FULL_PROFILE: Omit<HarnessProfile, 'seed'> = {
  feeds: 20,
  versions: 12,
  itemsPerVersion: 5,
  killRate: 0.8,
  killsPerVersion: 5,
  creationKills: 10,
  outboxKills: 10,
  pairs: 15,
  damages: [...DAMAGE_KINDS],
};

export interface HarnessReport {
  seed: number;
  runs: number;
  kills: number;
  completedRuns: number;
  lockedRefusals: number;
  damagesRefused: number;
  damagesReadIntact: number;
  events: number;
  alerts: number;
  counts: {
    lostEvents: number;
    duplicateAlerts: number;
    tornLines: number;
    brickedDirs: number;
    stackTraces: number;
    silentDataLoss: number;
    leftPending: number;
  };
  violations: string[];
  seconds: number;
}

// ---------------------------------------------------------------- the feed world

const COUNTRIES = ['Japan', 'Germany', 'France', 'Italy', 'Brazil', 'Canada', 'Australia', 'India'];
const VENDORS = ['Huawei', 'ZTE', 'Hikvision', 'Dahua', 'DJI', 'Kaspersky'];
/** One cluster's story in stage order: procurement exclusion proposed → announced → in force. */
const STAGES = [
  (c: string, v: string) => `${c} proposes to exclude ${v} from government procurement`,
  (c: string, v: string) => `${c} to exclude ${v} from government procurement`,
  (c: string, v: string) => `${c} ban on ${v} equipment in government procurement takes effect`,
];
const NOISE = [(v: string) => `${v} unveils new foldable phone`, (v: string) => `${v} quarterly revenue rises`];

interface Item {
  guid: string;
  title: string;
  date: string;
}


/** When every run of the harness happens: a day after the world's newest item. */
const WORLD_NOW = '2026-11-03T00:00:00.000Z';

/** Every version's feed contents, decided up front so the reference run replays the same world. */
function buildWorld(p: HarnessProfile): Item[][][] {
  const rnd = mulberry32(p.seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const base = Date.UTC(2026, 10, 1);
  const versions: Item[][][] = [];
  const feeds: Item[][] = Array.from({ length: p.feeds }, () => []);
  for (let v = 0; v < p.versions; v++) {
    for (let f = 0; f < p.feeds; f++) {
      for (let k = 0; k < p.itemsPerVersion; k++) {
        const vendor = pick(VENDORS);
        const title = rnd() < 0.25 ? pick(NOISE)(vendor) : STAGES[Math.min(STAGES.length - 1, Math.floor(rnd() * (1 + v)))]!(pick(COUNTRIES), vendor);
        // All within a few days: every cluster is one event whatever order its items arrive in.
        const date = new Date(base + (v * 60 + f * 3 + k) * 60_000).toUTCString();
        feeds[f]!.push({ guid: `f${f}-v${v}-i${k}`, title: `${title} (${f}.${v}.${k})`, date });
      }
    }
    versions.push(feeds.map((items) => [...items]));
  }
  return versions;
}

function rss(items: Item[], name: string): string {
  const body = items
    .map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://news.example/${i.guid}</link><pubDate>${i.date}</pubDate><description>${i.title}.</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${name}</title><link>https://news.example/</link><description>crash</description>${body}</channel></rss>`;
}

interface FeedServer {
  feeds: FeedConfig[];
  setVersion(v: number): void;
  close(): Promise<void>;
}

/** Serves the world's current version with ETags and 304s, plus /flap.xml cycling 200/500/malformed/404. */
async function startFeedServer(world: Item[][][], feedCount: number): Promise<FeedServer> {
  let version = 0;
  let flap = 0;
  const server = http.createServer((req, res) => {
    const m = /^\/f(\d+)\.xml$/.exec(req.url ?? '');
    if (req.url === '/flap.xml') {
      const mode = flap++ % 4;
      if (mode === 0) res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(rss([{ guid: 'flap-1', title: 'Huawei unveils new foldable phone', date: new Date(Date.UTC(2026, 10, 1)).toUTCString() }], 'flap'));
      else if (mode === 1) res.writeHead(500).end('boom');
      else if (mode === 2) res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end('<rss><channel><item><title>cut');
      else res.writeHead(404).end();
      return;
    }
    const items = m ? world[version]?.[Number(m[1])] : undefined;
    if (!items) return void res.writeHead(404).end();
    const body = rss(items, `feed ${m![1]}`);
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { ETag: etag }).end();
    res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: etag }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const feeds: FeedConfig[] = [
    ...Array.from({ length: feedCount }, (_, f) => ({ id: `crash-${f}`, url: `${base}/f${f}.xml`, kind: 'news' as const })),
    { id: 'flap', url: `${base}/flap.xml`, kind: 'news' as const },
  ];
  return {
    feeds,
    setVersion: (v) => {
      version = v;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

// ---------------------------------------------------------------- running the CLI

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

interface KillPlan {
  /** SIGKILL after this many ms. */
  afterMs?: number;
  /** SIGKILL as soon as this returns true (checked every 2 ms). */
  when?: () => boolean;
}

function banwatch(args: string[], kill: KillPlan = {}): Promise<Run> {
  const started = Date.now();
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, BANWATCH_ALLOW_HOSTS: '', BANWATCH_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timers: NodeJS.Timeout[] = [];
    if (kill.afterMs !== undefined) timers.push(setTimeout(() => child.kill('SIGKILL'), kill.afterMs));
    if (kill.when) {
      const check = kill.when;
      timers.push(
        setInterval(() => {
          try {
            if (check()) child.kill('SIGKILL');
          } catch {
            // The CLI renames and deletes its files as it goes (LevelDB logs): look again in 2 ms.
          }
        }, 2),
      );
    }
    // A run that hangs is a failure too: 120 s is far beyond any run of these worlds.
    timers.push(setTimeout(() => child.kill('SIGKILL'), 120_000));
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      resolveRun({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const STACK = /^\s+at .+[:(]\d+:\d+\)?$|node:internal|triggerUncaughtException|^\w*Error: /m;
const ONE_ERROR_LINE = /^banwatch: error: .+ \[[A-Z_]+\]\n$/;

// ---------------------------------------------------------------- checks

function readOutboxLines(dataDir: string): { alerts: Array<{ alertId: string; eventId: string; stage: string }>; torn: number } {
  const file = join(dataDir, 'outbox', 'alerts.jsonl');
  if (!existsSync(file)) return { alerts: [], torn: 0 };
  const text = readFileSync(file, 'utf8');
  const alerts: Array<{ alertId: string; eventId: string; stage: string }> = [];
  let torn = 0;
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  else if (lines.length > 0) torn++; // no newline at the end: the last line is cut
  for (const line of lines.slice(0, torn ? -1 : undefined)) {
    try {
      const a = JSON.parse(line) as { alertId: string; eventId: string; attributes: { stage: string } };
      alerts.push({ alertId: a.alertId, eventId: a.eventId, stage: a.attributes.stage });
    } catch {
      torn++;
    }
  }
  return { alerts, torn };
}

function dirDigest(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      if (name === '.banwatch-lock') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else h.update(name).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

function damage(kind: DamageKind, db: string, rnd: () => number): void {
  const files = readdirSync(db);
  const table = files.find((n) => n.endsWith('.ldb'));
  const log = files.filter((n) => /^\d+\.log$/.test(n)).sort().at(-1);
  const manifest = files.find((n) => n.startsWith('MANIFEST-'));
  const flip = (name: string) => {
    const p = join(db, name);
    const buf = readFileSync(p);
    const at = Math.floor(buf.length * (0.1 + 0.8 * rnd()));
    buf[at] = buf[at]! ^ (1 << Math.floor(rnd() * 8));
    writeFileSync(p, buf);
  };
  switch (kind) {
    case 'delete-current':
      return rmSync(join(db, 'CURRENT'));
    case 'garbage-current':
      return writeFileSync(join(db, 'CURRENT'), 'MANIFEST-9\u0000\u0001garbage');
    case 'delete-manifest':
      return rmSync(join(db, manifest!));
    case 'truncate-table':
      return truncateSync(join(db, table!), Math.floor(statSync(join(db, table!)).size / 2));
    case 'flip-table':
      return flip(table!);
    case 'delete-table':
      return rmSync(join(db, table!));
    case 'flip-log':
      return flip(log!);
    case 'truncate-log':
      return truncateSync(join(db, log!), Math.floor(statSync(join(db, log!)).size / 2));
  }
}

// ---------------------------------------------------------------- the harness

export async function runHarness(p: HarnessProfile): Promise<HarnessReport> {
  const started = Date.now();
  const log = p.log ?? (() => {});
  const rnd = mulberry32(p.seed ^ 0x9e3779b9);
  const world = buildWorld(p);
  const server = await startFeedServer(world, p.feeds);
  const work = mkdtempSync(join(tmpdir(), `banwatch-crash-${p.seed}-`));
  const feedsFile = join(work, 'feeds.json');
  writeFileSync(feedsFile, JSON.stringify({ feeds: server.feeds }));
  const report: HarnessReport = {
    seed: p.seed,
    runs: 0,
    kills: 0,
    completedRuns: 0,
    lockedRefusals: 0,
    damagesRefused: 0,
    damagesReadIntact: 0,
    events: 0,
    alerts: 0,
    counts: { lostEvents: 0, duplicateAlerts: 0, tornLines: 0, brickedDirs: 0, stackTraces: 0, silentDataLoss: 0, leftPending: 0 },
    violations: [],
    seconds: 0,
  };
  const violation = (key: keyof HarnessReport['counts'], what: string) => {
    report.counts[key]++;
    report.violations.push(`${key}: ${what}`);
    log(`VIOLATION ${key}: ${what}`);
  };
  // The harness's world is dated from 1 Nov 2026: every run happens at WORLD_NOW, and a feed's first
  // poll alerts too, so that every run has alerts that could be lost or doubled.
  const runArgs = (dataDir: string) => ['run', '--once', '--json', '--now', WORLD_NOW, '--alert-backlog', '--feeds', feedsFile, '--data', dataDir, '--allow-hosts', '127.0.0.1'];
  const exec = async (args: string[], kill?: KillPlan): Promise<Run> => {
    const r = await banwatch(args, kill);
    report.runs++;
    if (r.signal === 'SIGKILL') report.kills++;
    if (STACK.test(r.stderr)) violation('stackTraces', `${args[0]}: ${r.stderr.split('\n').slice(0, 4).join(' | ')}`);
    if (r.code === 1 && !ONE_ERROR_LINE.test(r.stderr)) violation('stackTraces', `${args[0]} failed without one error line: ${r.stderr.slice(0, 300)}`);
    return r;
  };
  const eventsOf = async (dataDir: string): Promise<PolicyEvent[] | null> => {
    const r = await exec(['events', '--json', '--limit', '100000', '--data', dataDir]);
    return r.code === 0 ? (JSON.parse(r.stdout) as PolicyEvent[]) : null;
  };
  const settledEventsOf = async (dataDir: string): Promise<PolicyEvent[] | null> => {
    if (!p.inProcessChecks) return eventsOf(dataDir);
    try {
      const rt = await openLocal({ dataDir, readOnly: true, logger: silentLogger });
      try {
        return await rt.store.queryEvents({ limit: 100_000 });
      } finally {
        await rt.close();
      }
    } catch (err) {
      log(`in-process read of ${dataDir} failed: ${(err as Error).message}`);
      return null;
    }
  };
  /** After a run that exited 0: nothing pending, nothing twice, no torn line, every alerted stage in the outbox. */
  const checkSettled = async (dataDir: string, label: string) => {
    const events = await settledEventsOf(dataDir);
    if (!events) return violation('brickedDirs', `${label}: events failed after a clean run`);
    const pending = events.filter((e) => e.alertState === 'PENDING');
    if (pending.length) violation('leftPending', `${label}: ${pending.length} event(s) still pending after a clean run (${pending.map((e) => e.eventId).join(', ')})`);
    const { alerts, torn } = readOutboxLines(dataDir);
    if (torn) violation('tornLines', `${label}: ${torn} torn line(s) in alerts.jsonl`);
    const seen = new Set<string>();
    for (const a of alerts) {
      const key = `${a.eventId}|${a.stage}`;
      if (seen.has(key)) violation('duplicateAlerts', `${label}: ${key} twice in alerts.jsonl`);
      seen.add(key);
    }
    for (const e of events) for (const s of e.alertedStages) if (!seen.has(`${e.eventId}|${s}`)) violation('lostEvents', `${label}: ${e.eventId} stage ${s} marked alerted but not in the outbox`);
    return events;
  };
  /** How long the last finished run took: kill moments are drawn from the span a run really lasts. */
  let lastRunMs = 3000;
  /**
   * Runs until one run finishes: the first `maxKills` attempts are each killed with `killRate`, at a
   * moment between the end of Node's start-up (~1 s, when the store opens) and the expected end.
   * Returns false when the directory seems bricked.
   */
  const runUntilDone = async (dataDir: string, label: string, killRate: number, maxKills = 4): Promise<boolean> => {
    for (let attempt = 0; attempt < maxKills + 4; attempt++) {
      const from = Math.min(1000, lastRunMs * 0.4);
      const kill = attempt < maxKills && rnd() < killRate ? { afterMs: Math.floor(from + rnd() * (lastRunMs - from)) } : {};
      const r = await exec(runArgs(dataDir), kill);
      if (r.code === 0) {
        report.completedRuns++;
        lastRunMs = Math.max(1500, r.ms);
        return true;
      }
      if (r.signal !== 'SIGKILL') {
        violation('brickedDirs', `${label}: run exited ${r.code} after a kill: ${r.stderr.trim().slice(0, 300)}`);
        return false;
      }
    }
    violation('brickedDirs', `${label}: no run finished in ${maxKills + 4} attempts`);
    return false;
  };

  try {
    // 1. Kills aimed at the first run's table creation: as soon as the store has a non-empty log.
    for (let i = 0; i < p.creationKills; i++) {
      const dir = join(work, `creation-${i}`);
      const db = join(dir, 'db');
      const r = await exec(runArgs(dir), {
        when: () => existsSync(db) && readdirSync(db).some((n) => n.endsWith('.log') && statSync(join(db, n)).size > 0),
      });
      log(`creation kill ${i}: ${r.signal ?? `exit ${r.code}`}`);
      if ((await eventsOf(dir)) === null) violation('brickedDirs', `creation-${i}: events fails after a kill during table creation`);
      if (!(await runUntilDone(dir, `creation-${i}`, 0))) continue;
      rmSync(dir, { recursive: true, force: true });
    }

    // 1b. Two first runs started together on an empty directory: the lock is taken before anything
    // is created, so one runs and the other is refused, never a half-created store.
    for (let i = 0; i < Math.min(p.pairs, 3); i++) {
      const dir = join(work, `fresh-pair-${i}`);
      const [a, b] = await Promise.all([exec(runArgs(dir)), exec(runArgs(dir))]);
      for (const r of [a, b]) {
        if (r.code === 0) report.completedRuns++;
        else if (/\[STORE_LOCKED\]/.test(r.stderr)) report.lockedRefusals++;
        else violation('brickedDirs', `fresh pair ${i}: exit ${r.code}: ${r.stderr.trim().slice(0, 300)}`);
      }
      if (a.code !== 0 && b.code !== 0) violation('brickedDirs', `fresh pair ${i}: neither process ran`);
      else await checkSettled(dir, `fresh pair ${i}`);
      rmSync(dir, { recursive: true, force: true });
    }

    // 2. The main directory: each version of the feeds is polled by runs killed at random until one finishes.
    const main = join(work, 'main');
    server.setVersion(0);
    const first = await exec(runArgs(main));
    if (first.code !== 0) violation('brickedDirs', `main: first run failed: ${first.stderr.slice(0, 300)}`);
    lastRunMs = Math.max(1500, first.ms);
    log(`first run: ${first.ms} ms`);
    await checkSettled(main, 'main v0');
    let outboxKillsLeft = p.outboxKills;
    let pairsLeft = p.pairs;
    for (let v = 1; v < p.versions; v++) {
      server.setVersion(v);
      if (outboxKillsLeft > 0) {
        outboxKillsLeft--;
        const file = join(main, 'outbox', 'alerts.jsonl');
        const size0 = existsSync(file) ? statSync(file).size : 0;
        const r = await exec(runArgs(main), { when: () => existsSync(file) && statSync(file).size > size0 });
        log(`v${v} outbox kill: ${r.signal ?? `exit ${r.code}`}`);
      }
      if (!(await runUntilDone(main, `main v${v}`, p.killRate, p.killsPerVersion))) break;
      await checkSettled(main, `main v${v}`);
      // Two processes at once: one runs, the other is refused with STORE_LOCKED (or runs after it).
      const pairs = Math.ceil(pairsLeft / Math.max(1, p.versions - v));
      for (let i = 0; i < pairs; i++, pairsLeft--) {
        const [a, b] = await Promise.all([exec(runArgs(main)), exec(runArgs(main))]);
        for (const r of [a, b]) {
          if (r.code === 0) report.completedRuns++;
          else if (/\[STORE_LOCKED\]/.test(r.stderr)) report.lockedRefusals++;
          else violation('brickedDirs', `pair v${v}: exit ${r.code}: ${r.stderr.trim().slice(0, 300)}`);
        }
        if (a.code !== 0 && b.code !== 0) violation('brickedDirs', `pair v${v}: neither process ran`);
        await checkSettled(main, `pair v${v}`);
      }
    }
    while (outboxKillsLeft-- > 0) {
      const file = join(main, 'outbox', 'alerts.jsonl');
      const r = await exec(runArgs(main), { when: () => existsSync(file) });
      if (r.signal !== 'SIGKILL' && r.code !== 0) violation('brickedDirs', `late outbox kill: exit ${r.code}`);
    }
    await runUntilDone(main, 'main final', 0);
    const finalEvents = (await checkSettled(main, 'main final')) ?? [];
    report.events = finalEvents.length;
    report.alerts = readOutboxLines(main).alerts.length;

    // 3. Nothing lost: a reference run that was never killed, polling the same versions in order.
    const reference = await referenceEvents(server, world.length, join(work, 'reference'));
    const byId = new Map(finalEvents.map((e) => [e.eventId, e]));
    for (const ref of reference) {
      const got = byId.get(ref.eventId);
      if (!got) {
        violation('lostEvents', `event ${ref.eventId} (${ref.title}) is missing`);
        continue;
      }
      if (got.stage !== ref.stage) violation('lostEvents', `event ${ref.eventId} is at stage ${got.stage}, the reference at ${ref.stage}`);
      const sources = new Set(got.sources.map((s) => s.itemKey));
      const missing = ref.sources.filter((s) => !sources.has(s.itemKey));
      if (missing.length) violation('lostEvents', `event ${ref.eventId} lacks ${missing.length} source(s)`);
    }

    // 4. Damage: each kind on its own copy of the (cleanly closed) main directory.
    if (p.damages.length) {
      // An `events` first makes LevelDB turn its log into a table file, so there is a table to damage;
      // then one run adds a non-empty log on top.
      server.setVersion(world.length - 1);
      await eventsOf(main);
      const before = await eventsOf(main);
      await exec(runArgs(main));
      if (!before) violation('brickedDirs', 'main: events failed before damage');
      await Promise.all(
        p.damages.map(async (kind) => {
          const copy = join(work, `damage-${kind}`);
          cpSync(main, copy, { recursive: true });
          damage(kind, join(copy, 'db'), rnd);
          const digest = dirDigest(copy);
          const r = await exec(['events', '--json', '--limit', '100000', '--data', copy]);
          if (r.code === 0) {
            const got = JSON.parse(r.stdout) as PolicyEvent[];
            const same = JSON.stringify(got.map((e) => [e.eventId, e.stage, e.sources.length]).sort()) === JSON.stringify((before ?? []).map((e) => [e.eventId, e.stage, e.sources.length]).sort());
            if (same) report.damagesReadIntact++;
            else violation('silentDataLoss', `${kind}: events exited 0 with ${got.length} events, ${before?.length} before the damage`);
          } else {
            report.damagesRefused++;
            if (!/\[STORE_DAMAGED\]/.test(r.stderr)) violation('silentDataLoss', `${kind}: refused without STORE_DAMAGED: ${r.stderr.trim()}`);
            if (dirDigest(copy) !== digest) violation('silentDataLoss', `${kind}: the refused directory was changed`);
            const repaired = await exec(['repair', '--data', copy]);
            if (repaired.code !== 0) violation('brickedDirs', `${kind}: repair failed: ${repaired.stderr.trim()}`);
            else if ((await eventsOf(copy)) === null) violation('brickedDirs', `${kind}: events fails after repair`);
          }
          log(`damage ${kind}: ${r.code === 0 ? 'read intact' : r.stderr.trim()}`);
        }),
      );
    }
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
  report.seconds = Math.round((Date.now() - started) / 1000);
  return report;
}

/** The events a never-killed run stores when it polls every version once, in order (in process, in memory). */
async function referenceEvents(server: FeedServer, versions: number, dir: string): Promise<PolicyEvent[]> {
  mkdirSync(dir, { recursive: true });
  const rt = await openLocal({ dataDir: dir, memory: true, allowHosts: ['127.0.0.1'], logger: silentLogger, clock: { now: () => new Date(WORLD_NOW) }, alertPolicy: { maxAlertAgeDays: 14, alertBacklog: true } });
  try {
    const feeds = server.feeds.filter((f) => f.id !== 'flap');
    for (let v = 0; v < versions; v++) {
      server.setVersion(v);
      await runCycle(rt, feeds);
    }
    return await rt.store.queryEvents({ limit: 100_000 });
  } finally {
    await rt.close();
  }
}
