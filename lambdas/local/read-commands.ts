/**
 * The commands that read what banwatch stored and hand it to people and tools: `event ID`,
 * `digest`, `report`, `feed` (Atom) and `export` (CSV, JSON). None of them writes to the data
 * directory, and none creates one: pointed at a directory with no banwatch data they say so.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Option, type Command } from 'commander';
import { ConfigError } from '../core/errors.js';
import { buildDigest, digestSubject, renderDigestHtml, renderDigestText } from '../core/digest.js';
import { describeFilter } from '../core/event-filter.js';
import { eventsToAtom, eventsToCsv, eventsToJson } from '../core/export.js';
import type { PolicyEvent } from '../core/model.js';
import { renderReport } from '../core/report/page.js';
import { ATOM_OBJECT, REPORT_OBJECT } from '../core/report-objects.js';
import type { Store } from '../ports.js';
import {
  addFilterOptions,
  dataOption,
  defaultDataDir,
  fail,
  filterOf,
  loadEvents,
  parseCount,
  parseInstant,
  printJson,
  requireData,
  resolveWhen,
  setActiveDataDir,
  stderrLogger,
  type FilterFlags,
  type When,
} from './cli-shared.js';
import { formatEventDetail } from './format.js';
import { addLinkOptions, linkTo } from './report-link.js';
import { deliveriesOf, openReader, stackOption, tableOption } from './remote.js';
import { openLocal } from './runtime.js';
import type { DynamoStore } from '../adapters/dynamo-store.js';

interface ReadFlags extends FilterFlags, ReadTarget {
  now?: Date;
  json?: boolean;
}

/** Where a read command reads: the local data directory, or a deployed table (--table/--stack). */
export interface ReadTarget {
  data?: string | undefined;
  table?: string | undefined;
  stack?: string | undefined;
}

/** `--table` and `--stack` on a read command (lambdas/local/remote.ts: read-only, the user's AWS credentials). */
export function remoteOptions(cmd: Command): Command {
  return cmd.addOption(tableOption()).addOption(stackOption());
}

/**
 * Opens the store for reading, runs `read`, closes: the deployed table with --table/--stack, else
 * the local data directory (never creating it: no banwatch data there is an error, NO_DATA).
 */
export async function withStore<T>(target: ReadTarget | string | undefined, read: (store: DynamoStore) => Promise<T>): Promise<T> {
  const t: ReadTarget = typeof target === 'object' ? target : { data: target };
  const rt = await openReader(t, stderrLogger(false), async () => {
    const dir = requireData(t.data ?? defaultDataDir());
    setActiveDataDir(dir);
    return openLocal({ dataDir: dir, readOnly: true, logger: stderrLogger(false) });
  });
  try {
    return await read(rt.store);
  } finally {
    await rt.close();
  }
}

/** An event by its id or an unambiguous prefix of it (the tables show 13 characters). */
export async function findEvent(store: Store, idOrPrefix: string): Promise<PolicyEvent> {
  const id = idOrPrefix.trim();
  const exact = /^ev_[0-9a-f]{20}$/.test(id) ? await store.getEvent(id) : null;
  if (exact) return exact;
  if (id.length < 6) throw new ConfigError('EVENT_NOT_FOUND', `"${id}" is too short to find an event: give its id (ev_…) or at least 6 characters of it`);
  const all = await store.queryEvents({ limit: 100_000 });
  const hits = all.filter((e) => e.eventId.startsWith(id) || e.eventId.startsWith(`ev_${id}`));
  if (hits.length === 1) return hits[0]!;
  if (hits.length > 1) throw new ConfigError('EVENT_AMBIGUOUS', `"${id}" matches ${hits.length} events (${hits.slice(0, 3).map((e) => e.eventId).join(', ')}…): give more of the id`);
  throw new ConfigError('EVENT_NOT_FOUND', `no event ${id} in this data directory (\`banwatch events\` lists them)`);
}

/** Writes `text` to `out`, or to stdout without one. Returns the absolute path written, if any. */
function emit(text: string, out: string | undefined): string | null {
  if (!out || out === '-') {
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    return null;
  }
  const path = resolve(out);
  try {
    writeFileSync(path, text);
  } catch (err) {
    throw new ConfigError('OUTPUT_UNWRITABLE', `cannot write ${path}: ${(err as Error).message}`, { cause: err });
  }
  return path;
}

const nowOption = () => new Option('--now <iso>', 'as if at this time (durations count back from it): replays, demos').argParser(parseInstant);

export interface DigestResult {
  subject: string;
  text: string;
  html: string;
  total: number;
}

/** The digest of the events in `store` for [now - since, now), with a filter: what `banwatch digest` and the demo print. */
export async function digestOf(store: Store, flags: FilterFlags & { since: When }, now: Date): Promise<DigestResult> {
  const filter = filterOf({ ...flags, since: undefined }, now);
  const since = resolveWhen(flags.since, now);
  // An alert in the period may belong to an event last seen before it only if its alert came later: read everything the filter allows.
  const events = await loadEvents(store, filter);
  const digest = buildDigest(events, { since, until: new Date(now.getTime() + 1).toISOString(), filter });
  return { subject: digestSubject(digest), text: renderDigestText(digest), html: renderDigestHtml(digest), total: digest.total };
}

/** The report page of the events in `store` that pass the flags. */
export async function reportOf(store: Store, flags: FilterFlags, now: Date): Promise<{ html: string; events: number }> {
  const filter = filterOf(flags, now);
  const events = await loadEvents(store, filter);
  return { html: renderReport(events, { generatedAt: now, scope: describeFilter(filter) }), events: events.length };
}

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

export function registerReadCommands(program: Command): void {
  remoteOptions(
    program
      .command('event')
      .description('show one event: the alert text, its timeline, why each report joined, the alerts sent (topics, SNS MessageIds, delivery state)')
      .argument('<id>', 'the event id (ev_…) or its first characters, as `banwatch events` shows them')
      .addOption(dataOption()),
  )
    .option('--json', 'print {event, deliveries}: the stored event and the delivery record of each alert')
    .addHelpText('after', examples(['banwatch event ev_e487537fa0e5', 'banwatch event ev_e487537fa0e54e06450f --json', 'banwatch event ev_e487537fa0e5 --stack Banwatch']))
    .action(async (id: string, opts: ReadFlags) => {
      try {
        const detail = await withStore(opts, async (store) => {
          const event = await findEvent(store, id);
          return { event, deliveries: await deliveriesOf(store, event) };
        });
        if (opts.json) printJson(detail);
        else process.stdout.write(`${formatEventDetail(detail.event, detail.deliveries)}\n`);
      } catch (err) {
        fail(err);
      }
    });

  addFilterOptions(
    remoteOptions(
      program
        .command('digest')
        .description('what changed in a period (new measures, now in force, lifted, by country) as text or HTML')
        .addOption(dataOption()),
    ),
    { since: '24h' },
  )
    .option('--html', 'write HTML (e-mail safe) instead of text')
    .option('--out <file>', 'write to this file instead of stdout')
    .addOption(nowOption())
    .option('--json', 'print {subject, text, html, total}')
    .addHelpText('after', examples(['banwatch digest --since 7d', 'banwatch digest --since 24h --country Japan --vendor huawei', 'banwatch digest --since 7d --html --out digest.html']))
    .action(async (opts: ReadFlags & { since: When; html?: boolean; out?: string }) => {
      try {
        const now = opts.now ?? new Date();
        const d = await withStore(opts, (store) => digestOf(store, opts, now));
        if (opts.json) return printJson(d);
        const path = emit(opts.html ? d.html : d.text, opts.out);
        if (path) process.stderr.write(`wrote ${path} (${d.total} change${d.total === 1 ? '' : 's'})\n`);
      } catch (err) {
        fail(err);
      }
    });

  addLinkOptions(
    addFilterOptions(
      remoteOptions(
        program
          .command('report')
          .description('write the report page: one self-contained HTML file (map, timeline, filters, table) that opens from file://')
          .addOption(dataOption()),
      ),
    ).option('--out <file>', 'where to write it', 'banwatch-report.html'),
  )
    .addOption(nowOption())
    .option('--json', 'print {path, events} (with --url: {url, bucket, key, expiresIn})')
    .addHelpText(
      'after',
      `\nOn AWS the digest function rewrites the page every hour (of every event) in a private bucket;\n--url prints a presigned link to it, signed with your AWS credentials.\n${examples(['banwatch report', 'banwatch report --country EU --out eu.html', 'xdg-open banwatch-report.html', 'banwatch report --url --stack Banwatch --expires 12h'])}`,
    )
    .action(async (opts: ReadFlags & { out: string; url?: boolean; bucket?: string; expires: number }) => {
      try {
        if (opts.url) {
          const link = await linkTo(opts, REPORT_OBJECT);
          return opts.json ? printJson(link) : void process.stdout.write(`${link.url}\n`);
        }
        const now = opts.now ?? new Date();
        const r = await withStore(opts, (store) => reportOf(store, opts, now));
        const path = emit(r.html, opts.out)!;
        if (opts.json) printJson({ path, events: r.events });
        else process.stdout.write(`wrote ${pathToFileURL(path).href} (${r.events} events)\n`);
      } catch (err) {
        fail(err);
      }
    });

  addLinkOptions(
    addFilterOptions(
      remoteOptions(
        program
          .command('feed')
          .description('an Atom feed of events for a filter (for feed readers, chat integrations, anything that follows feeds)')
          .addOption(dataOption()),
      ),
    )
      .option('--out <file>', 'write to this file instead of stdout')
      .option('--limit <n>', 'at most this many entries, newest first', parseCount, 100)
      .option('--self <url>', 'the URL the feed will be served at (its rel="self" link)'),
  )
    .addOption(nowOption())
    .option('--json', 'with --url: print {url, bucket, key, expiresIn}')
    .addHelpText(
      'after',
      `\nOn AWS an Atom feed of the newest 100 events sits next to the report page; --url prints a\npresigned link to it.\n${examples(['banwatch feed --country JP > jp.atom', 'banwatch feed --vendor TikTok --stage in_force --out tiktok.atom', 'banwatch feed --url --stack Banwatch --expires 7d'])}`,
    )
    .action(async (opts: ReadFlags & { out?: string; limit: number; self?: string; url?: boolean; bucket?: string; expires: number }) => {
      try {
        if (opts.url) {
          const link = await linkTo(opts, ATOM_OBJECT);
          return opts.json ? printJson(link) : void process.stdout.write(`${link.url}\n`);
        }
        const now = opts.now ?? new Date();
        const filter = filterOf(opts, now);
        const events = await withStore(opts, (store) => loadEvents(store, filter, opts.limit));
        const path = emit(eventsToAtom(events, { filter: describeFilter(filter), updated: now, ...(opts.self ? { selfUrl: opts.self } : {}) }), opts.out);
        if (path) process.stderr.write(`wrote ${path} (${events.length} entries)\n`);
      } catch (err) {
        fail(err);
      }
    });

  addFilterOptions(
    remoteOptions(
      program
        .command('export')
        .description('events as CSV or JSON, with the same filters')
        .addOption(dataOption()),
    ),
  )
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .option('--out <file>', 'write to this file instead of stdout')
    .addOption(nowOption())
    .addHelpText('after', examples(['banwatch export --format csv --since 30d > events.csv', 'banwatch export --format json --country Japan --out jp.json']))
    .action(async (opts: ReadFlags & { format: 'csv' | 'json'; out?: string }) => {
      try {
        const now = opts.now ?? new Date();
        const filter = filterOf(opts, now);
        const events = await withStore(opts, (store) => loadEvents(store, filter));
        const path = emit(opts.format === 'json' ? eventsToJson(events) : eventsToCsv(events), opts.out);
        if (path) process.stderr.write(`wrote ${path} (${events.length} events)\n`);
      } catch (err) {
        fail(err);
      }
    });
}
