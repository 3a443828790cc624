/**
 * The banwatch CLI (commander). Human-readable output by default, --json for machines, progress
 * on stderr. Exit 0 when the command ran (per-feed failures are reported, not fatal); 1 when it
 * could not (bad config, storage unusable), with a clear message on stderr.
 */
import { createReadStream } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { BanwatchError, ConfigError } from '../lambdas/core/errors.js';
import { DEFAULT_ALERT_POLICY, type AlertPolicy } from '../lambdas/pipeline.js';
import type { Logger } from '../lambdas/ports.js';
import { classifyStream } from '../lambdas/local/classify-stream.js';
import { loadFeedsFile, reclassify, runCycle, runDemo, REPO_ROOT } from '../lambdas/local/commands.js';
import { formatEvent, formatFeedState, formatOutcomeLine, formatRunSummary } from '../lambdas/local/format.js';
import { openLocal, parseAllowHosts } from '../lambdas/local/runtime.js';
import { registerAwsCommands } from '../lambdas/local/aws-commands.js';
import { eventDetail, explain, formatEventDetail, formatExplanation, openReader, stackOption, tableOption } from '../lambdas/local/remote.js';
import { join, resolve } from 'node:path';
import { backupDataDir, repairDataDir } from '../lambdas/local/maintenance.js';
import { isLocalStoreFailure, translateLocalStoreError } from '../lambdas/local/store-errors.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const DEFAULT_DATA = '.banwatch';

function stderrLogger(verbose: boolean): Logger {
  const write = (level: string) => (message: string, extra?: Record<string, unknown>) => {
    process.stderr.write(`${level} ${message}${extra ? ` ${JSON.stringify(extra)}` : ''}\n`);
  };
  return {
    debug: verbose ? write('debug') : () => {},
    info: verbose ? write('info ') : () => {},
    warn: verbose ? write('warn ') : () => {},
    error: write('error'),
  };
}

function parseInterval(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('use a duration like 90s, 15m or 1h');
  const n = Number(m[1]) * ({ s: 1_000, m: 60_000, h: 3_600_000 } as const)[(m[2] ?? 'm') as 's' | 'm' | 'h'];
  // Under a minute would hammer feeds; that is what the per-feed pollMinutes guard is for, but say so early.
  if (n < 60_000) throw new InvalidArgumentError('the interval must be at least 1m');
  return n;
}

function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('expected an integer from 1 to 64');
  return n;
}

function parseDate(value: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new InvalidArgumentError('expected a date like 2026-11-01 or an ISO timestamp');
  return new Date(t).toISOString();
}

/** An instant for --now: an ISO 8601 date or date-time (a bare date is midnight UTC). */
function parseInstant(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim())) {
    throw new InvalidArgumentError('expected an ISO 8601 date or date-time such as 2020-07-21 or 2020-07-21T00:00:00Z');
  }
  const t = Date.parse(/T|\s/.test(value.trim()) && !/(Z|[+-]\d{2}:?\d{2})$/.test(value.trim()) ? `${value.trim()}Z` : value.trim());
  if (Number.isNaN(t)) throw new InvalidArgumentError('not a valid date');
  return new Date(t);
}

/** Days for --max-alert-age: "14" or "14d". */
function parseDays(value: string): number {
  const m = /^(\d{1,4})\s*d?$/.exec(value.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw new InvalidArgumentError('expected a number of days from 1 to 3650, like 14 or 14d');
  return n;
}

/** The old-news options shared by run and reclassify (DESIGN.md "Old news never alerts"). */
function alertPolicyOf(opts: { maxAlertAge?: number; alertBacklog?: boolean }): AlertPolicy {
  return { maxAlertAgeDays: opts.maxAlertAge ?? DEFAULT_ALERT_POLICY.maxAlertAgeDays, alertBacklog: !!opts.alertBacklog };
}

function printJson(value: unknown) {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** The data directory of the command running, so a failure surfacing outside it can name it. */
let activeDataDir: string | null = null;

/** One line on stderr, always with a code, then exit 1. Stack traces only with BANWATCH_DEBUG=1. */
function fail(err: unknown): never {
  const translated = activeDataDir && !(err instanceof BanwatchError) && isLocalStoreFailure(err) ? translateLocalStoreError(err, activeDataDir) : err;
  const message =
    translated instanceof BanwatchError
      ? `${translated.message} [${translated.code}]`
      : `${translated instanceof Error ? translated.message : String(translated)}; this is a bug in banwatch: run again with BANWATCH_DEBUG=1 and report it [INTERNAL]`;
  process.stderr.write(`banwatch: error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  if (process.env.BANWATCH_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}

// dynalite rethrows LevelDB failures inside its request handler, where nothing can catch them: they
// end the process here, as one clear line, instead of Node's uncaught-exception printout.
process.on('uncaughtException', (err) => {
  // stdout closed by the reader (`banwatch events | head`): not an error of ours.
  if ((err as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
  fail(err);
});
process.on('unhandledRejection', (err) => fail(err));

async function openFor<T>(dataDir: string, open: () => Promise<T>): Promise<T> {
  activeDataDir = resolve(dataDir);
  return open();
}

interface StorageFlags {
  data: string;
  memory?: boolean;
  outbox?: string;
  verbose?: boolean;
}

const dataOption = () => new Option('--data <dir>', 'data directory (database and outbox)').default(DEFAULT_DATA);

const program = new Command();
program
  .name('banwatch')
  .description('Watches news and government feeds for state measures against technology vendors.')
  .version('0.1.0')
  .showHelpAfterError();

program
  .command('run')
  .description('poll the feeds, classify new items, group them into events and write alerts to the outbox')
  .option('--once', 'run one cycle and exit (default: loop every --interval)')
  .option('--interval <duration>', 'time between cycles when looping', parseInterval, 15 * 60_000)
  .option('--feeds <file>', 'feed registry', join(REPO_ROOT, 'config', 'feeds.json'))
  .addOption(dataOption())
  .addOption(new Option('--memory', 'keep the database in memory (nothing persisted but the outbox)').conflicts('data'))
  .option('--outbox <dir>', 'where alerts.jsonl is written (default: <data>/outbox)')
  .option('--allow-hosts <list>', 'comma-separated hosts that may be fetched even on private networks (also env BANWATCH_ALLOW_HOSTS)')
  .option('--concurrency <n>', 'feeds fetched at once', parsePositiveInt, 4)
  .option('--max-alert-age <days>', `items published more than this many days before the cycle are stored, never alerted (default ${DEFAULT_ALERT_POLICY.maxAlertAgeDays})`, parseDays)
  .option('--alert-backlog', "also alert the items of a feed's first poll (normally its backlog is stored silently)")
  .option('--now <iso>', 'run the cycle as if at this time (fetch time, age rules, backoff): replays and tests; needs --once', parseInstant)
  .option('--json', 'print one JSON summary per cycle on stdout')
  .option('-v, --verbose', 'log details to stderr')
  .action(async (opts: StorageFlags & { once?: boolean; interval: number; feeds: string; allowHosts?: string; concurrency: number; json?: boolean; maxAlertAge?: number; alertBacklog?: boolean; now?: Date }) => {
    const logger = stderrLogger(!!opts.verbose);
    let rt;
    try {
      if (opts.now && !opts.once) throw new ConfigError('CONFIG_USAGE', '--now needs --once: a loop runs on the real clock');
      const feeds = loadFeedsFile(opts.feeds);
      const now = opts.now;
      rt = await openFor(opts.data, () => openLocal({
        dataDir: opts.data,
        memory: !!opts.memory,
        ...(opts.outbox ? { outboxDir: opts.outbox } : {}),
        allowHosts: parseAllowHosts(opts.allowHosts, process.env.BANWATCH_ALLOW_HOSTS),
        logger,
        ...(now ? { clock: { now: () => new Date(now) } } : {}),
        alertPolicy: alertPolicyOf(opts),
      }));
      let stop = false;
      let wake: (() => void) | null = null;
      const onSignal = () => {
        stop = true;
        wake?.();
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      for (let cycle = 1; ; cycle++) {
        const summary = await runCycle(rt, feeds, {
          concurrency: opts.concurrency,
          // A loop honours each feed's pollMinutes; a one-off run polls everything not backing off.
          respectInterval: !opts.once && cycle > 1,
          onProgress: (done, total, o) => {
            if (total > 1) process.stderr.write(`[${done}/${total}] ${formatOutcomeLine(o)}\n`);
          },
        });
        if (opts.json) printJson(summary);
        else process.stdout.write(`${formatRunSummary(summary)}\n`);
        if (opts.once || stop) break;
        process.stderr.write(`next cycle in ${Math.round(opts.interval / 60_000)} min (Ctrl-C to stop)\n`);
        await new Promise<void>((res) => {
          const t = setTimeout(res, opts.interval);
          wake = () => {
            clearTimeout(t);
            res();
          };
        });
        if (stop) break;
      }
    } catch (err) {
      fail(err);
    } finally {
      await rt?.close();
    }
  });

program
  .command('demo')
  .description('offline demo: serve the bundled feeds on 127.0.0.1 as they looked on four dates, one cycle each; show events and alerts')
  .option('--data <dir>', 'data directory (default: a new temporary directory)')
  .option('--json', 'print one JSON object with the cycles, the events and the alerts')
  .option('-v, --verbose', 'log details to stderr')
  .action(async (opts: { data?: string; json?: boolean; verbose?: boolean }) => {
    try {
      const result = await runDemo({
        ...(opts.data ? { dataDir: opts.data } : {}),
        logger: stderrLogger(!!opts.verbose),
        onCycle: (n, s, at) => {
          if (!opts.json) process.stdout.write(`\n== cycle ${n}, as of ${at.slice(0, 16).replace('T', ' ')} UTC ==\n${formatRunSummary(s)}\n`);
        },
      });
      const ok = result.firstCycleQuiet && result.finalCycleQuiet;
      if (opts.json) {
        printJson(result);
      } else {
        process.stdout.write(`\n== events (${result.events.length}) ==\n`);
        for (const e of result.events) process.stdout.write(`${formatEvent(e)}\n\n`);
        process.stdout.write(`== alerts written to ${result.outboxDir}/alerts.jsonl (${result.alerts.length}) ==\n`);
        for (const a of result.alerts) process.stdout.write(`\n--- ${a.subject}\n${a.text}\n`);
        process.stdout.write(
          `\n${result.firstCycleQuiet ? 'OK' : 'UNEXPECTED'}: the first cycle (every feed's backlog) ${result.firstCycleQuiet ? 'alerted nothing' : 'ALERTED'}.\n` +
            `${result.finalCycleQuiet ? 'OK' : 'UNEXPECTED'}: the last cycle was ${result.finalCycleQuiet ? '' : 'NOT '}all not-modified with no new alerts.\n` +
            `data: ${result.dataDir}\n`,
        );
      }
      if (!ok) process.exitCode = 1;
    } catch (err) {
      fail(err);
    }
  });

program
  .command('events')
  .description('list stored policy events, newest first')
  .option('--country <cc>', 'acting country (ISO 3166-1 alpha-2, or EU)', (v: string) => v.toUpperCase())
  .option('--vendor <name>', 'vendor (canonical name, case-insensitive)')
  .option('--since <date>', 'only events seen at or after this date', parseDate)
  .option('--limit <n>', 'at most this many', (v: string) => parsePositiveIntLarge(v), 100)
  .addOption(dataOption())
  .addOption(tableOption())
  .addOption(stackOption())
  .option('--json', 'print a JSON array')
  .action(async (opts: StorageFlags & { country?: string; vendor?: string; since?: string; limit: number; json?: boolean; table?: string; stack?: string }) => {
    let rt;
    try {
      rt = await openReader(opts, stderrLogger(false), () => openFor(opts.data, () => openLocal({ dataDir: opts.data, readOnly: true, logger: stderrLogger(false) })));
      const events = await rt.store.queryEvents({
        ...(opts.country ? { country: opts.country } : {}),
        ...(opts.vendor ? { vendor: opts.vendor } : {}),
        ...(opts.since ? { since: opts.since } : {}),
        limit: opts.limit,
      });
      if (opts.json) printJson(events);
      else if (events.length === 0) process.stdout.write('no events\n');
      else process.stdout.write(`${events.map(formatEvent).join('\n\n')}\n`);
    } catch (err) {
      fail(err);
    } finally {
      await rt?.close();
    }
  });

function parsePositiveIntLarge(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

program
  .command('feeds')
  .description('show each feed and its polling state (failures, backoff, last error)')
  .option('--feeds <file>', 'feed registry', join(REPO_ROOT, 'config', 'feeds.json'))
  .addOption(dataOption())
  .addOption(tableOption())
  .addOption(stackOption())
  .option('--json', 'print a JSON array')
  .action(async (opts: StorageFlags & { feeds: string; json?: boolean; table?: string; stack?: string }) => {
    let rt;
    try {
      const feeds = loadFeedsFile(opts.feeds);
      rt = await openReader(opts, stderrLogger(false), () => openFor(opts.data, () => openLocal({ dataDir: opts.data, readOnly: true, logger: stderrLogger(false) })));
      const states = await rt.store.getFeedStates(feeds.map((f) => f.id));
      if (opts.json) printJson(feeds.map((f) => ({ ...f, state: states.get(f.id) ?? null })));
      else process.stdout.write(`${feeds.map((f) => formatFeedState(f.id, f.url, states.get(f.id))).join('\n')}\n`);
    } catch (err) {
      fail(err);
    } finally {
      await rt?.close();
    }
  });

program
  .command('classify')
  .description('classify items (JSONL, one LABELS.md input item per line) from FILE or stdin')
  .argument('[file]', 'input file, or - for stdin', '-')
  .option('--jsonl', 'write one JSON classification per line (the default and only format)', true)
  .action(async (file: string) => {
    try {
      const input = file === '-' ? process.stdin : createReadStream(file);
      input.on('error', (err: Error) => fail(err));
      const result = await classifyStream(input, process.stdout);
      if (result.errors > 0) process.stderr.write(`banwatch: ${result.errors} of ${result.lines} lines could not be classified (see their "error")\n`);
    } catch (err) {
      fail(err);
    }
  });

program
  .command('reclassify')
  .description('re-run the classifier over stored items (after rule changes) and update events; new stages alert once')
  .addOption(dataOption())
  .option('--outbox <dir>', 'where alerts.jsonl is written (default: <data>/outbox)')
  .option('--max-alert-age <days>', `items published more than this many days ago never alert, even if they became relevant (default ${DEFAULT_ALERT_POLICY.maxAlertAgeDays})`, parseDays)
  .option('--now <iso>', 'reclassify as if at this time (age rules)', parseInstant)
  .option('--json', 'print a JSON summary')
  .action(async (opts: StorageFlags & { json?: boolean; maxAlertAge?: number; now?: Date }) => {
    let rt;
    try {
      const now = opts.now;
      rt = await openFor(opts.data, () =>
        openLocal({
          dataDir: opts.data,
          ...(opts.outbox ? { outboxDir: opts.outbox } : {}),
          logger: stderrLogger(false),
          ...(now ? { clock: { now: () => new Date(now) } } : {}),
          alertPolicy: alertPolicyOf(opts),
        }),
      );
      const r = await reclassify(rt, (n) => process.stderr.write(`\r${n} items reclassified`));
      process.stderr.write('\n');
      if (opts.json) printJson(r);
      else
        process.stdout.write(
          `${r.items} items, ${r.changed} changed, ${r.relevant} relevant; events: ${r.events.new} new, ${r.events.updated} updated; alerts: ${r.alerts.published} published\n`,
        );
    } catch (err) {
      fail(err);
    } finally {
      await rt?.close();
    }
  });

program
  .command('repair')
  .description('make a damaged or interrupted data directory usable again (copies the database aside first)')
  .addOption(dataOption())
  .option('--json', 'print a JSON summary')
  .action(async (opts: StorageFlags & { json?: boolean }) => {
    try {
      activeDataDir = resolve(opts.data);
      const r = await repairDataDir(opts.data);
      if (opts.json) printJson(r);
      else {
        const lines = [`copied the database to ${r.backup}`];
        if (r.problems.length === 0) lines.push('the files checked out');
        else lines.push(...r.problems.map((p) => `found: db/${p.file} ${p.what}`), 'rebuilt the database from its table and log files');
        if (r.blocksDropped) lines.push(`dropped ${r.blocksDropped} damaged data block(s); their rows are only in the copy`);
        if (r.tablesActivated.length) lines.push(`finished the interrupted creation of table ${r.tablesActivated.join(', ')}`);
        lines.push(`index rows fixed: ${r.indexRowsFixed}`);
        if (r.outboxTornBytes) lines.push(`moved a torn last outbox line (${r.outboxTornBytes} bytes) to outbox/alerts.jsonl.torn`);
        lines.push('done: run banwatch as usual; alerts still pending go out on the next run');
        process.stdout.write(`${lines.join('\n')}\n`);
      }
    } catch (err) {
      fail(err);
    }
  });

program
  .command('event')
  .description('one event with its timeline, sources and alerts (topics, SNS MessageIds, delivery state)')
  .argument('<id>', 'event id (printed by `banwatch events`)')
  .addOption(dataOption())
  .addOption(tableOption())
  .addOption(stackOption())
  .option('--json', 'print a JSON object')
  .action(async (id: string, opts: StorageFlags & { json?: boolean; table?: string; stack?: string }) => {
    let rt;
    try {
      rt = await openReader(opts, stderrLogger(false), () => openFor(opts.data, () => openLocal({ dataDir: opts.data, readOnly: true, logger: stderrLogger(false) })));
      const detail = await eventDetail(rt.store, id);
      if (opts.json) printJson(detail);
      else process.stdout.write(`${formatEventDetail(detail)}\n`);
    } catch (err) {
      fail(err);
    } finally {
      await rt?.close();
    }
  });

program
  .command('explain')
  .description('why an article did or did not alert: item → classification (evidence, rules) → event → alerts and their SNS MessageIds')
  .argument('<url-or-guid>', "the article's link or its feed guid (or an item key)")
  .option('--feeds <file>', 'feed registry (guids are unique per feed)', join(REPO_ROOT, 'config', 'feeds.json'))
  .addOption(dataOption())
  .addOption(tableOption())
  .addOption(stackOption())
  .option('--json', 'print a JSON object')
  .action(async (ref: string, opts: StorageFlags & { feeds: string; json?: boolean; table?: string; stack?: string }) => {
    let rt;
    try {
      const feeds = loadFeedsFile(opts.feeds);
      rt = await openReader(opts, stderrLogger(false), () => openFor(opts.data, () => openLocal({ dataDir: opts.data, readOnly: true, logger: stderrLogger(false) })));
      const x = await explain(rt.store, feeds, ref);
      if (opts.json) printJson(x);
      else process.stdout.write(`${formatExplanation(x)}\n`);
    } catch (err) {
      fail(err);
    } finally {
      await rt?.close();
    }
  });

program
  .command('backup')
  .description('copy the database and the outbox into a new directory (stop running banwatch processes first)')
  .argument('<dir>', 'destination: a new or empty directory')
  .addOption(dataOption())
  .option('--json', 'print a JSON summary')
  .action(async (dest: string, opts: StorageFlags & { json?: boolean }) => {
    try {
      activeDataDir = resolve(opts.data);
      const r = await backupDataDir(opts.data, dest);
      if (opts.json) printJson(r);
      else process.stdout.write(`backed up ${r.files} files (${r.bytes} bytes) to ${r.to}; use it with --data ${r.to}\n`);
    } catch (err) {
      fail(err);
    }
  });

registerAwsCommands(program);

await program.parseAsync(process.argv);
