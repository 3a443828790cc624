/**
 * The banwatch CLI (commander). Human-readable output by default, --json for machines, progress
 * on stderr. Exit 0 when the command ran; 2 when `run --once` ran but every feed failed or an alert
 * could not be published; 1 when it could not run (bad usage, bad config, storage unusable), with
 * one `banwatch: error: … [CODE]` line on stderr.
 *
 * Shared helpers (errors, parsers, the default data directory, filters, colour, progress) are in
 * lambdas/local/cli-shared.ts; the reading commands (event, digest, report, feed, export) in
 * lambdas/local/read-commands.ts; the AWS ones in lambdas/local/aws-commands.ts.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError } from '../lambdas/core/errors.js';
import { DEFAULT_ALERT_POLICY, DEFAULT_HOLD_BELOW, type AlertPolicy } from '../lambdas/pipeline.js';
import { classifyStream } from '../lambdas/local/classify-stream.js';
import { loadFeedsFile, reclassify, runCycle, runDemo, REPO_ROOT } from '../lambdas/local/commands.js';
import { formatEventsTable, formatFeedsTable, formatOutcomeLine, formatRunSummary } from '../lambdas/local/format.js';
import { openLocal, parseAllowHosts } from '../lambdas/local/runtime.js';
import { registerAwsCommands } from '../lambdas/local/aws-commands.js';
import { registerReadCommands, remoteOptions, withStore } from '../lambdas/local/read-commands.js';
import { explain, formatExplanation } from '../lambdas/local/remote.js';
import { backupDataDir, repairDataDir } from '../lambdas/local/maintenance.js';
import {
  addFilterOptions,
  colour,
  dataOption,
  defaultDataDir,
  errColour,
  errorLine,
  fail,
  filterOf,
  hasData,
  loadEvents,
  parseConfidence,
  parseCount,
  parseInstant,
  printJson,
  progress,
  setActiveDataDir,
  stderrLogger,
  type FilterFlags,
} from '../lambdas/local/cli-shared.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** `run --once` ran, but every feed failed or an alert could not be published: a cron job should notice. */
const EXIT_RUN_FAILED = 2;

function parseInterval(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(value.trim());
  if (!m) throw new InvalidArgumentError('use a duration like 90s, 15m or 1h');
  const n = Number(m[1]) * ({ s: 1_000, m: 60_000, h: 3_600_000 } as const)[(m[2] ?? 'm') as 's' | 'm' | 'h'];
  // Under a minute would hammer feeds; that is what the per-feed pollMinutes guard is for, but say so early.
  if (n < 60_000) throw new InvalidArgumentError('the interval must be at least 1m');
  return n;
}

function parseConcurrency(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('expected an integer from 1 to 64');
  return n;
}

/** Days for --max-alert-age: "14" or "14d". */
function parseDays(value: string): number {
  const m = /^(\d{1,4})\s*d?$/.exec(value.trim());
  const n = m ? Number(m[1]) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw new InvalidArgumentError('expected a number of days from 1 to 3650, like 14 or 14d');
  return n;
}

/** The alerting options shared by run and reclassify (DESIGN.md "Old news never alerts"; the confidence floor). */
function alertPolicyOf(opts: { maxAlertAge?: number; alertBacklog?: boolean; holdBelow?: number }): AlertPolicy {
  return {
    maxAlertAgeDays: opts.maxAlertAge ?? DEFAULT_ALERT_POLICY.maxAlertAgeDays,
    alertBacklog: !!opts.alertBacklog,
    holdBelow: opts.holdBelow ?? DEFAULT_HOLD_BELOW,
  };
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
  setActiveDataDir(dataDir);
  return open();
}

interface StorageFlags {
  data?: string;
  memory?: boolean;
  outbox?: string;
  verbose?: boolean;
}

const BUNDLED_FEEDS = join(REPO_ROOT, 'config', 'feeds.json');
const feedsOption = () => new Option('--feeds <file>', 'feed registry').default(BUNDLED_FEEDS, 'the bundled config/feeds.json');
const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

const program = new Command();
program
  .name('banwatch')
  .description('Watches news and government feeds for state measures against technology vendors (bans, exclusions, restrictions and their lifting) and tells the people who care, once.\n\nNew here? Start with `banwatch demo`: the whole pipeline on bundled sample feeds, offline, in seconds.')
  .version('0.1.0')
  .configureOutput({
    // Usage errors in the one error style, then one line of hint (set per command below), not the whole help.
    outputError: (str, write) => write(`banwatch: error: ${str.replace(/^error:\s*/i, '').trim()} [CONFIG_USAGE]\n`),
  })
  .addHelpText('after', examples(['banwatch demo', 'banwatch run --once', 'banwatch events --country Japan --since 7d', 'banwatch digest --since 7d', 'banwatch report']));

program
  .command('run')
  .description('poll the feeds, classify new items, group them into events and write alerts to the outbox')
  .option('--once', 'run one cycle and exit (default: loop every --interval)')
  .addOption(new Option('--interval <duration>', 'time between cycles when looping').argParser(parseInterval).default(15 * 60_000, '15m'))
  .addOption(feedsOption())
  .addOption(dataOption())
  .addOption(new Option('--memory', 'keep the database in memory (nothing persisted but the outbox)').conflicts('data'))
  .option('--outbox <dir>', 'where alerts.jsonl is written (default: <data>/outbox)')
  .option('--allow-hosts <list>', 'comma-separated hosts that may be fetched even on private networks (also env BANWATCH_ALLOW_HOSTS)')
  .addOption(new Option('--concurrency <n>', 'feeds fetched at once').argParser(parseConcurrency).default(4))
  .addOption(new Option('--max-alert-age <days>', 'items published more than this many days before the cycle are stored, never alerted').argParser(parseDays).default(DEFAULT_ALERT_POLICY.maxAlertAgeDays, `${DEFAULT_ALERT_POLICY.maxAlertAgeDays}d`))
  .option('--alert-backlog', "also alert the items of a feed's first poll (normally its backlog is stored silently)")
  .addOption(new Option('--hold-below <confidence>', 'alerts of events less sure than this, with no official source, wait for the digest instead of going out at once (0 sends all)').argParser(parseConfidence).default(DEFAULT_HOLD_BELOW))
  .option('--force', 'also poll feeds that are backing off after failures or a Retry-After')
  .option('--now <iso>', 'run the cycle as if at this time (fetch time, age rules, backoff): replays and tests; needs --once', parseInstant)
  .option('--json', 'print one JSON summary per cycle on stdout')
  .option('-v, --verbose', 'log details to stderr')
  .addHelpText(
    'after',
    `${examples(['banwatch run --once', 'banwatch run --interval 30m --data ~/banwatch', 'banwatch run --once --force --json | jq .alerts'])}\nExit codes: 0 ran; 2 (with --once) every feed failed or an alert could not be published; 1 could not run.\n`,
  )
  .action(async (opts: StorageFlags & { once?: boolean; interval: number; feeds: string; allowHosts?: string; concurrency: number; json?: boolean; maxAlertAge?: number; alertBacklog?: boolean; holdBelow?: number; force?: boolean; now?: Date }) => {
    const logger = stderrLogger(!!opts.verbose);
    let rt;
    try {
      if (opts.now && !opts.once) throw new ConfigError('CONFIG_USAGE', '--now needs --once: a loop runs on the real clock');
      const feeds = loadFeedsFile(opts.feeds);
      const now = opts.now;
      const data = opts.data ?? defaultDataDir();
      rt = await openFor(data, () => openLocal({
        dataDir: data,
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
          force: !!opts.force,
          onProgress: (done, total, o) => {
            if (total > 1) progress.line(`[${done}/${total}] ${formatOutcomeLine(o)}`);
          },
        });
        progress.done();
        if (opts.json) printJson(summary);
        else process.stdout.write(`${formatRunSummary(summary)}\n`);
        const everyFeedFailed = summary.feeds.length > 0 && summary.feeds.every((f) => f.status === 'error');
        if (opts.once && (everyFeedFailed || summary.alerts.failed > 0)) {
          process.stderr.write(
            `banwatch: ${everyFeedFailed ? 'every feed failed' : `${summary.alerts.failed} alert(s) could not be published (they stay pending)`}; see the lines above${everyFeedFailed ? ', and `banwatch feeds`' : ''}\n`,
          );
          process.exitCode = EXIT_RUN_FAILED;
        }
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
  .description('offline demo: the bundled feeds served on 127.0.0.1 as they looked on four dates, one cycle each; shows events, an alert, a digest and the report page')
  .option('--data <dir>', 'keep the data here (default: a temporary directory, removed at the end)')
  .option('--json', 'print one JSON object with the cycles, the events, the alerts, the digest and the report path')
  .option('-v, --verbose', 'log details to stderr')
  .addHelpText('after', examples(['banwatch demo', 'banwatch demo --data ./demo-data && banwatch events --data ./demo-data']))
  .action(async (opts: { data?: string; json?: boolean; verbose?: boolean }) => {
    try {
      const h = (s: string) => colour.bold(`== ${s} ==`);
      const result = await runDemo({
        ...(opts.data ? { dataDir: opts.data } : {}),
        logger: stderrLogger(!!opts.verbose),
        onCycle: (n, s, at) => {
          if (!opts.json) process.stdout.write(`\n${h(`cycle ${n}, as of ${at.slice(0, 16).replace('T', ' ')} UTC`)}\n${formatRunSummary(s)}\n`);
        },
      });
      const ok = result.firstCycleQuiet && result.finalCycleQuiet;
      if (opts.json) {
        printJson(result);
      } else {
        const out = (s: string) => process.stdout.write(s);
        out(`\n${h(`events (${result.events.length})`)}\n${formatEventsTable(result.events)}\n`);
        out(`\n${h(`alerts (${result.alerts.length})`)}\n`);
        for (const a of result.alerts) out(`  ${a.subject}\n`);
        // One alert in full: the Japanese decision, as an English-reading analyst gets it.
        const shown = result.alerts.find((a) => a.attributes.countries.includes('JP')) ?? result.alerts[0];
        if (shown) out(`\n${h('one alert in full')}\n--- ${shown.subject}\n${shown.text}\n`);
        out(`\n${h('digest of the fortnight')}\n${result.digest}\n`);
        out(`\n${h('report page')}\n${result.reportPath}\n`);
        out(
          `\n${result.firstCycleQuiet ? 'OK' : 'UNEXPECTED'}: the first cycle (every feed's backlog) ${result.firstCycleQuiet ? 'alerted nothing' : 'ALERTED'}.\n` +
            `${result.finalCycleQuiet ? 'OK' : 'UNEXPECTED'}: the last cycle was ${result.finalCycleQuiet ? '' : 'NOT '}all not-modified with no new alerts.\n`,
        );
        const data = result.dataDir ?? './demo-data';
        out(
          `\n${result.dataDir ? `data: ${result.dataDir}` : 'The temporary data directory was removed (keep it with --data DIR).'}\n` +
            `Next, try:\n` +
            `${result.dataDir ? '' : `  banwatch demo --data ${data}\n`}` +
            `  banwatch events --data ${data} --country Japan\n` +
            `  banwatch digest --data ${data} --since 14d --now 2026-11-26\n` +
            `  open ${result.reportPath}   (or xdg-open)\n` +
            `  banwatch run --once          (the real feeds of config/feeds.json)\n`,
        );
      }
      if (!ok) process.exitCode = 1;
    } catch (err) {
      fail(err);
    }
  });

addFilterOptions(
  remoteOptions(
    program
      .command('events')
      .description('list stored policy events, newest first (of the local data directory, or of a deployed table with --table/--stack)')
      .addOption(dataOption()),
  ),
)
  .option('--limit <n>', 'at most this many', parseCount, 100)
  .addOption(new Option('--now <iso>', 'as if at this time (durations count back from it)').argParser(parseInstant))
  .option('--json', 'print a JSON array of the stored events')
  .addHelpText('after', examples(['banwatch events --country Japan', 'banwatch events --vendor huawei --stage in_force --since 30d', 'banwatch events --min-confidence 0.8 --json | jq length', 'banwatch events --stack Banwatch --since 7d']))
  .action(async (opts: StorageFlags & FilterFlags & { limit: number; json?: boolean; now?: Date; table?: string; stack?: string }) => {
    try {
      const filter = filterOf(opts, opts.now ?? new Date());
      const events = await withStore(opts, (store) => loadEvents(store, filter, opts.limit));
      if (opts.json) printJson(events);
      else if (events.length === 0) process.stdout.write('no events match\n');
      else process.stdout.write(`${formatEventsTable(events)}\n${errColour.dim(`${events.length} event${events.length === 1 ? '' : 's'}; details: banwatch event <id>`)}\n`);
    } catch (err) {
      fail(err);
    }
  });

remoteOptions(
  program
    .command('feeds')
    .description('show each feed and its polling state: last poll, next poll (backoff, Retry-After), failures, last error')
    .addOption(feedsOption())
    .addOption(dataOption()),
)
  .option('--json', 'print a JSON array')
  .addHelpText('after', examples(['banwatch feeds', 'banwatch feeds --json | jq \'.[] | select(.state.failures > 0)\'', 'banwatch feeds --stack Banwatch']))
  .action(async (opts: StorageFlags & { feeds: string; json?: boolean; table?: string; stack?: string }) => {
    try {
      const feeds = loadFeedsFile(opts.feeds);
      const remote = !!(opts.table || opts.stack);
      const data = opts.data ?? defaultDataDir();
      // Nothing polled yet there: every feed is "never polled" (and nothing is created to say so).
      const states = remote || hasData(data)
        ? await withStore(opts, (store) => store.getFeedStates(feeds.map((f) => f.id)))
        : new Map();
      if (!remote && !hasData(data) && !opts.json) process.stderr.write(errColour.dim(`no banwatch data in ${data} yet: nothing polled\n`));
      if (opts.json) printJson(feeds.map((f) => ({ ...f, state: states.get(f.id) ?? null })));
      else process.stdout.write(`${formatFeedsTable(feeds, states, new Date())}\n`);
    } catch (err) {
      fail(err);
    }
  });

program
  .command('classify')
  .description('classify items (JSONL, one LABELS.md input item per line) from FILE or stdin')
  .argument('[file]', 'input file, or - for stdin', '-')
  .option('--jsonl', 'write one JSON classification per line (the default and only format)', true)
  .addHelpText('after', examples([`echo '{"title":"Japan to exclude Huawei and ZTE from public procurement"}' | banwatch classify`, 'banwatch classify items.jsonl > labels.jsonl']))
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
  .addOption(new Option('--max-alert-age <days>', 'items published more than this many days ago never alert, even if they became relevant').argParser(parseDays).default(DEFAULT_ALERT_POLICY.maxAlertAgeDays, `${DEFAULT_ALERT_POLICY.maxAlertAgeDays}d`))
  .addOption(new Option('--hold-below <confidence>', 'alerts of events less sure than this wait for the digest').argParser(parseConfidence).default(DEFAULT_HOLD_BELOW))
  .option('--now <iso>', 'reclassify as if at this time (age rules)', parseInstant)
  .option('--json', 'print a JSON summary')
  .addHelpText('after', examples(['banwatch reclassify', 'banwatch reclassify --data ~/banwatch --json']))
  .action(async (opts: StorageFlags & { json?: boolean; maxAlertAge?: number; holdBelow?: number; now?: Date }) => {
    let rt;
    try {
      const now = opts.now;
      const data = opts.data ?? defaultDataDir();
      rt = await openFor(data, () =>
        openLocal({
          dataDir: data,
          ...(opts.outbox ? { outboxDir: opts.outbox } : {}),
          logger: stderrLogger(false),
          ...(now ? { clock: { now: () => new Date(now) } } : {}),
          alertPolicy: alertPolicyOf(opts),
        }),
      );
      const r = await reclassify(rt, (n) => progress.line(`${n} items reclassified`));
      progress.done();
      if (opts.json) printJson(r);
      else
        process.stdout.write(
          `${r.items} items, ${r.changed} changed, ${r.relevant} relevant; events: ${r.events.new} new, ${r.events.updated} updated; alerts: ${r.alerts.published} published${r.alerts.held ? `, ${r.alerts.held} held for the digest` : ''}\n`,
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
  .addHelpText('after', examples(['banwatch repair --data ~/banwatch']))
  .action(async (opts: StorageFlags & { json?: boolean }) => {
    try {
      const data = opts.data ?? defaultDataDir();
      setActiveDataDir(data);
      const r = await repairDataDir(data);
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

remoteOptions(
  program
    .command('explain')
    .description('why an article did or did not alert: item → classification (evidence, rules) → event → alerts and their SNS MessageIds')
    .argument('<url-or-guid>', "the article's link or its feed guid (or an item key)")
    .addOption(new Option('--feeds <file>', 'feed registry (guids are unique per feed)').default(BUNDLED_FEEDS, 'the bundled config/feeds.json'))
    .addOption(dataOption()),
)
  .option('--json', 'print a JSON object')
  .addHelpText('after', examples(['banwatch explain https://www.example.gov/news/2026/1126.html', 'banwatch explain urn:uuid:6a1f… --stack Banwatch --json']))
  .action(async (ref: string, opts: StorageFlags & { feeds: string; json?: boolean; table?: string; stack?: string }) => {
    try {
      const feeds = loadFeedsFile(opts.feeds);
      const x = await withStore(opts, (store) => explain(store, feeds, ref));
      if (opts.json) printJson(x);
      else process.stdout.write(`${formatExplanation(x)}\n`);
    } catch (err) {
      fail(err);
    }
  });

program
  .command('backup')
  .description('copy the database and the outbox into a new directory (stop running banwatch processes first)')
  .argument('<dir>', 'destination: a new or empty directory')
  .addOption(dataOption())
  .option('--json', 'print a JSON summary')
  .addHelpText('after', examples(['banwatch backup ./banwatch-backup-2026-11-26', 'banwatch events --data ./banwatch-backup-2026-11-26']))
  .action(async (dest: string, opts: StorageFlags & { json?: boolean }) => {
    try {
      const data = opts.data ?? defaultDataDir();
      setActiveDataDir(data);
      const r = await backupDataDir(data, dest);
      if (opts.json) printJson(r);
      else process.stdout.write(`backed up ${r.files} files (${r.bytes} bytes) to ${r.to}; use it with --data ${r.to}\n`);
    } catch (err) {
      fail(err);
    }
  });

registerReadCommands(program);

registerAwsCommands(program);

// After a usage error, one line pointing at the command's own help (with its examples), not the whole help.
for (const cmd of [program, ...program.commands]) {
  const name = cmd === program ? 'banwatch' : `banwatch ${cmd.name()}`;
  cmd.showHelpAfterError(errColour.dim(`hint: ${name} --help shows the options, with examples`));
  if (cmd !== program) cmd.configureOutput({ outputError: (str, write) => write(`${errorLine(new ConfigError('CONFIG_USAGE', str.replace(/^error:\s*/i, '').trim()))}\n`) });
}

await program.parseAsync(process.argv);
