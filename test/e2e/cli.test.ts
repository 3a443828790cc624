/**
 * The CLI end to end, as a user runs it: a real process, real dynalite on disk, the bundled demo
 * feeds served over loopback HTTP.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFeedsConfig, startDemoServer } from '../../lambdas/local/demo-server.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'banwatch.mjs');

async function banwatch(args: string[], input?: string) {
  try {
    const child = run(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 120_000, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, BANWATCH_ALLOW_HOSTS: '' } });
    if (input !== undefined) {
      child.child.stdin?.end(input);
    }
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function banwatchEnv(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, timeout: 120_000, maxBuffer: 32 * 1024 * 1024, env: { ...process.env, BANWATCH_ALLOW_HOSTS: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('banwatch CLI', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let dir: string;
  let feedsFile: string;

  /** The feeds are served as they looked at this instant (the demo server's time travel). */
  let asOf = new Date('2026-11-01T00:00:00Z');

  beforeAll(async () => {
    server = await startDemoServer({ dir: join(ROOT, 'fixtures', 'feeds'), reveal: { until: () => asOf } });
    dir = mkdtempSync(join(tmpdir(), 'banwatch-e2e-'));
    feedsFile = join(dir, 'feeds.json');
    writeFileSync(feedsFile, JSON.stringify({ feeds: demoFeedsConfig(server.baseUrl) }));
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('run --once --json', () => {
    it("stores every feed's first poll silently, alerts later news once, and a re-run is all not-modified", async () => {
      // Prepare
      const args = (now: string) => ['run', '--once', '--json', '--now', now, '--feeds', feedsFile, '--data', join(dir, 'data'), '--allow-hosts', '127.0.0.1'];

      // Act
      asOf = new Date('2026-11-01T00:00:00Z');
      const first = await banwatch(args('2026-11-01T00:00:00Z'));
      asOf = new Date('2026-11-26T00:00:00Z');
      const second = await banwatch(args('2026-11-26T00:00:00Z'));
      const third = await banwatch(args('2026-11-26T00:15:00Z'));

      // Assess
      expect(first.code, first.stderr).toBe(0);
      const s1 = JSON.parse(first.stdout);
      expect(s1.feeds.every((f: { status: string }) => f.status === 'ok')).toBe(true);
      expect(s1.newItems).toBeGreaterThan(0);
      expect(s1.oldNews).toBe(s1.newItems);
      expect(s1.alerts).toEqual({ published: 0, failed: 0, held: 0 });

      expect(second.code, second.stderr).toBe(0);
      const s2 = JSON.parse(second.stdout);
      expect(s2.relevant).toBeGreaterThan(0);
      expect(s2.alerts.published).toBeGreaterThan(0);
      expect(s2.alerts.failed).toBe(0);

      expect(third.code, third.stderr).toBe(0);
      const s3 = JSON.parse(third.stdout);
      expect(s3.feeds.map((f: { status: string }) => f.status)).toEqual(s2.feeds.map(() => 'not_modified'));
      expect(s3).toMatchObject({ newItems: 0, relevant: 0, events: { new: 0, updated: 0 }, alerts: { published: 0, failed: 0 } });

      const lines = readFileSync(join(dir, 'data', 'outbox', 'alerts.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(lines).toHaveLength(s2.alerts.published);
      expect(new Set(lines.map((a: { alertId: string }) => a.alertId)).size).toBe(lines.length);
      const japan = lines.find((a: { attributes: { countries: string[]; measure: string } }) =>
        a.attributes.countries.includes('JP') && a.attributes.measure === 'procurement_exclusion');
      expect(japan?.attributes.vendors).toEqual(expect.arrayContaining(['Huawei', 'ZTE']));
      expect(japan?.subject.length).toBeLessThan(100);
      expect(japan?.createdAt).toBe('2026-11-26T00:00:00.000Z');
    });

    it('alerts a first poll with --alert-backlog, but never items older than --max-alert-age', async () => {
      asOf = new Date('2026-11-26T00:00:00Z');
      const data = join(dir, 'backlog');
      const base = ['run', '--once', '--json', '--now', '2026-11-26T00:00:00Z', '--alert-backlog', '--feeds', feedsFile, '--data', data, '--allow-hosts', '127.0.0.1'];
      const r = await banwatch([...base, '--max-alert-age', '3d']);
      expect(r.code, r.stderr).toBe(0);
      const s = JSON.parse(r.stdout);
      const lines = readFileSync(join(data, 'outbox', 'alerts.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
      expect(s.alerts.published).toBe(lines.length);
      expect(lines.length).toBeGreaterThan(0);
      // Only events with a report from the last three days alerted.
      for (const a of lines) expect(a.sources.some((x: { published: string }) => x.published >= '2026-11-23')).toBe(true);
      expect(s.oldNews).toBeGreaterThan(0);
    });

    it('refuses --now without --once, and a --now that is not a date', async () => {
      const loop = await banwatch(['run', '--now', '2026-11-26T00:00:00Z', '--feeds', feedsFile, '--memory']);
      expect(loop.code).toBe(1);
      expect(loop.stderr).toMatch(/--now needs --once/);
      const bad = await banwatch(['run', '--once', '--now', 'Nov 5', '--feeds', feedsFile, '--memory']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/ISO 8601/);
    });

    it('reports a feed it may not reach as an error without failing the run, and exits 2 when every feed failed', async () => {
      // One of two feeds failing: the run did its job (exit 0), the failure is in the summary.
      const some = join(dir, 'some-fail.json');
      writeFileSync(some, JSON.stringify({ feeds: [{ id: 'good', url: server.urlFor('xinhua.xml'), kind: 'news' }, { id: 'gone', url: server.urlFor('no-such-feed.xml'), kind: 'news' }] }));
      const partly = await banwatch(['run', '--once', '--json', '--feeds', some, '--memory', '--outbox', join(dir, 'some-outbox'), '--allow-hosts', '127.0.0.1']);
      expect(partly.code, partly.stderr).toBe(0);
      expect(JSON.parse(partly.stdout).feeds.map((f: { status: string }) => f.status)).toEqual(['ok', 'error']);

      // Its only feed blocked (loopback without --allow-hosts): the summary still prints, and the exit code tells a cron job.
      const feeds = join(dir, 'blocked.json');
      writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'loopback', url: server.urlFor('reuters-tech.xml'), kind: 'news' }] }));
      const r = await banwatch(['run', '--once', '--json', '--feeds', feeds, '--memory', '--outbox', join(dir, 'blocked-outbox')]);
      expect(r.code, r.stderr).toBe(2);
      const s = JSON.parse(r.stdout);
      expect(s.feeds[0]).toMatchObject({ id: 'loopback', status: 'error', errorCode: 'FETCH_BLOCKED_ADDRESS' });
      expect(r.stderr).toMatch(/every feed failed/);
    });

    it('refuses a bad feeds file with the offending field and writes nothing', async () => {
      const feeds = join(dir, 'bad.json');
      writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'x', url: 'ftp://example.com/feed', kind: 'news' }] }));
      const data = join(dir, 'never-created');
      const r = await banwatch(['run', '--once', '--feeds', feeds, '--data', data]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/feeds\.0\.url/);
      expect(existsSync(data)).toBe(false);
    });
  });

  describe('storage', () => {
    it('refuses a data directory another banwatch process holds, with a clear message', async () => {
      const data = join(dir, 'locked');
      const feeds = join(dir, 'one.json');
      writeFileSync(feeds, JSON.stringify({ feeds: [{ id: 'one', url: server.urlFor('xinhua.xml'), kind: 'news' }] }));
      const holder = spawn(process.execPath, [CLI, 'run', '--feeds', feeds, '--data', data, '--allow-hosts', '127.0.0.1', '--interval', '60m'], { cwd: ROOT });
      try {
        // Wait for the first cycle: the database is open and locked from then on.
        await new Promise<void>((res, rej) => {
          holder.stdout.on('data', (b: Buffer) => b.toString().includes('feeds:') && res());
          holder.on('exit', (code) => rej(new Error(`holder exited early (${code})`)));
        });
        const r = await banwatch(['events', '--data', data]);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/in use by another banwatch process/);
      } finally {
        holder.kill('SIGTERM');
        await new Promise((res) => holder.once('exit', res));
      }
    });
  });

  describe('repair', () => {
    it('refuses a data directory that lost db/CURRENT with one error line, then repair brings every event back', async () => {
      // Prepare: a backup of the data directory the first test filled, then the damage.
      const copy = join(dir, 'damaged');
      const backup = await banwatch(['backup', copy, '--data', join(dir, 'data')]);
      expect(backup.code, backup.stderr).toBe(0);
      const before = JSON.parse((await banwatch(['events', '--json', '--data', copy])).stdout);
      rmSync(join(copy, 'db', 'CURRENT'));

      // Act
      const refused = await banwatch(['events', '--json', '--data', copy]);
      const repaired = await banwatch(['repair', '--data', copy]);
      const after = await banwatch(['events', '--json', '--data', copy]);

      // Assess
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(/^banwatch: error: the database in .* is damaged: db\/CURRENT is missing.*banwatch repair --data .* \[STORE_DAMAGED\]\n$/);
      expect(repaired.code, repaired.stderr).toBe(0);
      expect(repaired.stdout).toMatch(/copied the database to .*before-repair/);
      expect(after.code, after.stderr).toBe(0);
      expect(JSON.parse(after.stdout)).toEqual(before);
    });
  });

  describe('events', () => {
    it('lists the stored events of one country as JSON and as text', async () => {
      const data = join(dir, 'data');
      const json = await banwatch(['events', '--country', 'jp', '--data', data, '--json']);
      expect(json.code, json.stderr).toBe(0);
      const events = JSON.parse(json.stdout);
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e: { countries: string[] }) => e.countries.includes('JP'))).toBe(true);
      const text = await banwatch(['events', '--vendor', 'huawei', '--data', data]);
      expect(text.stdout).toMatch(/Huawei/);
    });
  });

  describe('reading commands', () => {
    const data = () => join(dir, 'data');
    const NOW = ['--now', '2026-11-26T01:00:00Z'];

    it('resolve countries and vendors as people type them, and refuse unknown ones with a suggestion', async () => {
      const byName = await banwatch(['events', '--country', 'Japan', '--data', data(), '--json']);
      expect(byName.code, byName.stderr).toBe(0);
      const events = JSON.parse(byName.stdout);
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e: { countries: string[] }) => e.countries.includes('JP'))).toBe(true);

      const typo = await banwatch(['events', '--country', 'Jpan', '--data', data()]);
      expect(typo.code).toBe(1);
      expect(typo.stderr).toBe('banwatch: error: unknown country "Jpan"; did you mean Japan (JP)? (give an ISO 3166-1 code such as JP, or a name such as Japan; EU for the European Union) [FILTER_UNKNOWN]\n');

      const table = await banwatch(['events', '--vendor', 'hikvision', '--stage', 'in force', '--data', data()]);
      expect(table.code, table.stderr).toBe(0);
      expect(table.stdout).toMatch(/^last seen\s+country\s+vendors/);
      expect(table.stdout).toMatch(/Hikvision/);
    });

    it('subscribe --dry-run shows the effective filter and what it would have matched, with nothing deployed', async () => {
      const r = await banwatch(['subscribe', 'jp-desk@example.com', '--country', 'japan', '--vendor', 'HUAWEI', '--frequency', 'weekly', '--dry-run', '--data', data()]);
      expect(r.code, r.stderr).toBe(0);
      const m = /^filter: country Japan \(JP\), vendor Huawei, as a weekly digest; would have matched (\d+) of the last (\d+) events stored in .*data\n$/.exec(r.stdout);
      expect(m, r.stdout).not.toBeNull();
      expect(Number(m![1])).toBeGreaterThan(0);
      expect(Number(m![1])).toBeLessThan(Number(m![2]));
      const typo = await banwatch(['subscribe', 'a@example.com', '--vendor', 'Hauwei', '--dry-run', '--data', data()]);
      expect(typo.code).toBe(1);
      expect(typo.stderr).toMatch(/unknown vendor "Hauwei"; did you mean Huawei\?/);
    });

    it('refuses a --since it cannot read with one error line and one hint, and takes durations', async () => {
      const bad = await banwatch(['events', '--since', 'Nov 5', '--data', data()]);
      expect(bad.code).toBe(1);
      const lines = bad.stderr.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^banwatch: error: option '--since <when>' argument 'Nov 5' is invalid\. expected a duration such as 24h, 7d or 2w, or an ISO date .*\[CONFIG_USAGE\]$/);
      expect(lines[1]).toBe('hint: banwatch events --help shows the options, with examples');
      const recent = await banwatch(['events', '--since', '3d', ...NOW, '--data', data(), '--json']);
      const all = await banwatch(['events', '--data', data(), '--json']);
      expect(JSON.parse(recent.stdout).length).toBeLessThan(JSON.parse(all.stdout).length);
    });

    it('never creates a data directory to read from', async () => {
      const typo = join(dir, 'no-such-data');
      for (const cmd of [['events'], ['digest'], ['report', '--out', join(dir, 'never.html')], ['export'], ['event', 'ev_123456']]) {
        const r = await banwatch([...cmd, '--data', typo]);
        expect(r.code, cmd.join(' ')).toBe(1);
        expect(r.stderr).toMatch(/^banwatch: error: there is no banwatch data in .*no-such-data: .*\[NO_DATA\]\n$/);
      }
      expect(existsSync(typo)).toBe(false);
      expect(existsSync(join(dir, 'never.html'))).toBe(false);
    });

    it('shows one event by a prefix of its id, with its timeline and why each report joined', async () => {
      const [first] = JSON.parse((await banwatch(['events', '--country', 'JP', '--data', data(), '--json'])).stdout);
      const r = await banwatch(['event', first.eventId.slice(0, 13), '--data', data()]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^Japan will exclude Huawei and ZTE from government procurement/);
      expect(r.stdout).toContain('Why each report joined');
      expect(r.stdout).toContain(first.eventId);
    });

    it('writes a digest as text and as HTML, a report page, an Atom feed and CSV', async () => {
      const text = await banwatch(['digest', '--since', '14d', ...NOW, '--data', data()]);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toMatch(/^banwatch digest, 12 Nov 2026 \u2013 26 Nov 2026\nFilter: everything\nBy country: /);
      expect(text.stdout).toContain('NEW MEASURES');

      const html = join(dir, 'digest.html');
      const h = await banwatch(['digest', '--since', '14d', '--country', 'Japan', ...NOW, '--html', '--out', html, '--data', data()]);
      expect(h.code, h.stderr).toBe(0);
      expect(readFileSync(html, 'utf8')).toMatch(/^<!doctype html>[^]*Filter: country Japan \(JP\)/);

      const page = join(dir, 'report.html');
      const rep = await banwatch(['report', '--out', page, ...NOW, '--data', data()]);
      expect(rep.code, rep.stderr).toBe(0);
      expect(rep.stdout).toMatch(/^wrote file:\/\/.*report\.html \(\d+ events\)\n$/);
      expect(readFileSync(page, 'utf8')).toContain("default-src 'none'");

      const atom = await banwatch(['feed', '--country', 'JP', ...NOW, '--data', data()]);
      expect(atom.code, atom.stderr).toBe(0);
      expect(atom.stdout).toMatch(/<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">[^]*<entry>[^]*urn:banwatch:event:ev_/);

      const csv = await banwatch(['export', '--format', 'csv', '--vendor', 'huawei', '--data', data()]);
      expect(csv.code, csv.stderr).toBe(0);
      const rows = csv.stdout.trim().split('\r\n');
      expect(rows[0]).toMatch(/^id,countries,vendors,measure,stage,/);
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.slice(1).every((r) => r.includes('Huawei'))).toBe(true);
    });

    it('prints a presigned link to the deployed report page and Atom feed, signed locally, and says what --url needs', async () => {
      const env = { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_PROFILE: '' };
      const page = await banwatchEnv(['report', '--url', '--bucket', 'banwatch-report', '--expires', '12h'], env);
      expect(page.code, page.stderr).toBe(0);
      expect(page.stdout).toMatch(/^https:\/\/banwatch-report\.s3\.eu-west-1\.amazonaws\.com\/report\.html\?.*X-Amz-Expires=43200.*X-Amz-Signature=[0-9a-f]{64}/);
      const atom = await banwatchEnv(['feed', '--url', '--bucket', 'banwatch-report', '--json'], env);
      expect(JSON.parse(atom.stdout)).toMatchObject({ bucket: 'banwatch-report', key: 'events.atom', expiresIn: 3600 });
      const none = await banwatch(['report', '--url']);
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/--url needs the deployed stack: --stack NAME.*\[CONFIG_USAGE\]/);
    });

    it('shows feeds with times relative to now', async () => {
      const r = await banwatch(['feeds', '--feeds', feedsFile, '--data', data()]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^feed\s+status\s+last poll\s+next poll/);
      expect(r.stdout).toMatch(/ago|in \d+ (minutes|hours|days)/);
      expect(r.stdout).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    });
  });

  describe('help', () => {
    it('shows defaults as users type them, examples, and where to start', async () => {
      const top = await banwatch(['--help']);
      expect(top.stdout).toMatch(/Start with `banwatch demo`/);
      const run = (await banwatch(['run', '--help'])).stdout.replace(/\s+/g, ' ');
      expect(run).toContain('(default: 15m)');
      expect(run).toContain('(default: 14d)');
      expect(run).toContain('(default: the bundled config/feeds.json)');
      expect(run).not.toMatch(/900000|\/work\/|node_modules/);
      const cmds = ['run', 'demo', 'events', 'feeds', 'classify', 'reclassify', 'repair', 'backup', 'event', 'digest', 'report', 'feed', 'export', 'subscribe', 'unsubscribe', 'subscriptions'];
      const helps = await Promise.all(cmds.map((cmd) => banwatch([cmd, '--help'])));
      helps.forEach((h, i) => expect(h.stdout, cmds[i]).toContain('Examples:'));
    }, 120_000);
  });

  describe('reclassify', () => {
    it('re-runs the classifier over stored items without re-alerting anything', async () => {
      const data = join(dir, 'data');
      const before = readFileSync(join(data, 'outbox', 'alerts.jsonl'), 'utf8');
      const r = await banwatch(['reclassify', '--data', data, '--json']);
      expect(r.code, r.stderr).toBe(0);
      const summary = JSON.parse(r.stdout);
      expect(summary.items).toBeGreaterThan(0);
      expect(summary).toMatchObject({ changed: 0, alerts: { published: 0, failed: 0 } });
      expect(readFileSync(join(data, 'outbox', 'alerts.jsonl'), 'utf8')).toBe(before);
    });
  });

  describe('classify', () => {
    it('writes one classification per input line and an error line for a bad one', async () => {
      const input = [
        JSON.stringify({ id: 'seed', title: 'Japan to exclude Huawei and ZTE from public procurement', language: 'en' }),
        'this is not json',
        JSON.stringify({ id: 'noise', title: 'Huawei unveils a new foldable phone', language: 'en' }),
      ].join('\n');
      const r = await banwatch(['classify', '-', '--jsonl'], input);
      expect(r.code, r.stderr).toBe(0);
      const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(out).toHaveLength(3);
      expect(out[0]).toMatchObject({ id: 'seed', relevant: true, countries: ['JP'], measure: 'procurement_exclusion' });
      expect(out[0].vendors.sort()).toEqual(['Huawei', 'ZTE']);
      expect(out[0].evidence.length).toBeGreaterThan(0);
      expect(out[1].error).toMatch(/JSON/i);
      expect(out[2]).toMatchObject({ id: 'noise', relevant: false });
    });
  });

  describe('demo', () => {
    it('runs the whole pipeline offline and exits 0', async () => {
      const r = await banwatch(['demo', '--data', join(dir, 'demo')]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/OK: the first cycle \(every feed's backlog\) alerted nothing/);
      expect(r.stdout).toMatch(/OK: the last cycle was all not-modified with no new alerts/);
      expect(r.stdout).toMatch(/procurement exclusion of Huawei, ZTE/);
      // An English-first alert, a digest, the report page and what to do next.
      expect(r.stdout).toContain('Japan will exclude Huawei and ZTE from government procurement (announced 10 Nov 2026; effective from 1 Apr 2027; official: soumu.go.jp).');
      expect(r.stdout).toContain('== digest of the fortnight ==');
      expect(r.stdout).toMatch(/== report page ==\n(.*report\.html)\n/);
      expect(existsSync(/== report page ==\n(.*report\.html)\n/.exec(r.stdout)![1]!)).toBe(true);
      expect(r.stdout).toMatch(/Next, try:\n {2}banwatch events --data /);
    });

    it('removes its temporary data directory when no --data was given', async () => {
      const tmp = mkdtempSync(join(tmpdir(), 'banwatch-demo-tmp-'));
      const r = await banwatchEnv(['demo', '--json'], { TMPDIR: tmp });
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.dataDir).toBeNull();
      // Only the report page is left in the temporary directory (and tsx's compile cache, which is not ours).
      expect(readdirSync(tmp).filter((f) => !f.startsWith('tsx-'))).toEqual(['banwatch-demo-report.html']);
      rmSync(tmp, { recursive: true, force: true });
    });
  });
});
