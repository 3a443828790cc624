/**
 * What every CLI command shares: the one error style, option parsers that refuse what they cannot
 * read (with the accepted forms), the default data directory, the event filter flags, colour and
 * progress that behave on a terminal and when piped. bin/banwatch.ts and the command modules use it.
 */
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import envPaths from 'env-paths';
import { createLogUpdate } from 'log-update';
import pc from 'picocolors';
import { BanwatchError, ConfigError } from '../core/errors.js';
import { matchesFilter, newestFirst, type EventFilter } from '../core/event-filter.js';
import { normaliseCountries, normaliseVendors, splitValues } from '../core/filter-policy.js';
import type { PolicyEvent } from '../core/model.js';
import { resolveMeasure, resolveStage } from '../core/names.js';
import type { Logger, Store } from '../ports.js';
import { OUTBOX_FILE } from '../adapters/file-outbox.js';
import { isLocalStoreFailure, translateLocalStoreError } from './store-errors.js';

export const DATA_ENV = 'BANWATCH_DATA';

/**
 * Where data lives when --data is not given: $BANWATCH_DATA, else the user's data directory
 * (~/.local/share/banwatch on Linux, ~/Library/Application Support/banwatch on macOS,
 * %LOCALAPPDATA%\banwatch\Data on Windows), never the working directory: the same data whichever
 * directory banwatch is run from.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env[DATA_ENV] || envPaths('banwatch', { suffix: '' }).data;
}

/** The --data option, its default shown as a user would type it. */
export function dataOption(): Option {
  return new Option('--data <dir>', `data directory (database and outbox) (default: $${DATA_ENV}, else ${defaultDataDir({}).replace(process.env.HOME ?? '\u0000', '~')})`);
}

/** Is there banwatch data in `dir` (a database or an outbox)? */
export function hasData(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && (existsSync(join(dir, 'db')) || existsSync(join(dir, 'outbox', OUTBOX_FILE)));
  } catch {
    return false;
  }
}

/**
 * A command that only reads must not create anything: pointed at a directory with no banwatch data
 * (a typo, /proc/nope) it says so and stops, before opening a store.
 */
export function requireData(dir: string): string {
  const abs = resolve(dir);
  if (!hasData(abs)) {
    throw new ConfigError(
      'NO_DATA',
      `there is no banwatch data in ${abs}: check --data (or $${DATA_ENV}), or create some with \`banwatch run --data ${dir}\` (\`banwatch demo --data ${dir}\` for the sample feeds)`,
    );
  }
  return abs;
}

// ---------------------------------------------------------------- errors

let activeDataDir: string | null = null;

/** The data directory of the command running, so a failure surfacing outside it can name it. */
export function setActiveDataDir(dir: string | null): void {
  activeDataDir = dir ? resolve(dir) : null;
}

/** AWS SDK errors that mean "no or bad credentials", with what to do. */
function awsHint(err: unknown): BanwatchError | null {
  const e = err as { name?: string; message?: string; Code?: string };
  const name = e?.name ?? '';
  if (name === 'CredentialsProviderError' || /Could not load credentials/i.test(e?.message ?? '')) {
    return new BanwatchError('AWS_CREDENTIALS', 'no AWS credentials found: set AWS_PROFILE, or run `aws configure` / `aws sso login`, or export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY', { cause: err });
  }
  if (/^(ExpiredToken|ExpiredTokenException|RequestExpired)$/.test(name) || /security token.*expired/i.test(e?.message ?? '')) {
    return new BanwatchError('AWS_CREDENTIALS', 'the AWS credentials have expired: run `aws sso login` (or refresh them) and try again', { cause: err });
  }
  if (/^(InvalidClientTokenId|UnrecognizedClientException|SignatureDoesNotMatch)$/.test(name)) {
    return new BanwatchError('AWS_CREDENTIALS', 'AWS rejected the credentials (wrong key or secret, or another partition): check AWS_PROFILE and the keys', { cause: err });
  }
  if (/^(AccessDenied|AccessDeniedException|AuthorizationError)$/.test(name)) {
    return new BanwatchError('AWS_ACCESS_DENIED', `AWS denied the request: ${(e?.message ?? '').replace(/\s+/g, ' ').slice(0, 200)}; use a role or profile allowed to manage the banwatch stack`, { cause: err });
  }
  if (name === 'ResourceNotFoundException' || name === 'NotFound' || name === 'NotFoundException') {
    return new BanwatchError('AWS_NOT_FOUND', `${(e?.message ?? 'not found').replace(/\s+/g, ' ').slice(0, 200)}; check the region and the ARN (stack outputs)`, { cause: err });
  }
  if (/Region is missing/i.test(e?.message ?? '')) {
    return new BanwatchError('AWS_REGION', 'no AWS region: set AWS_REGION or AWS_PROFILE with a region', { cause: err });
  }
  return null;
}

/** The one error line: `banwatch: error: <what and what to do> [CODE]`. */
export function errorLine(err: unknown): string {
  const mapped = awsHint(err) ?? (activeDataDir && !(err instanceof BanwatchError) && isLocalStoreFailure(err) ? translateLocalStoreError(err, activeDataDir) : err);
  const message =
    mapped instanceof BanwatchError
      ? `${mapped.message} [${mapped.code}]`
      : `${mapped instanceof Error ? mapped.message : String(mapped)}; this is a bug in banwatch: run again with BANWATCH_DEBUG=1 and report it [INTERNAL]`;
  return `banwatch: error: ${message.replace(/\s*\n\s*/g, ' ')}`;
}

/** One line on stderr, always with a code, then exit 1. Stack traces only with BANWATCH_DEBUG=1. */
export function fail(err: unknown): never {
  progress.done();
  process.stderr.write(`${errorLine(err)}\n`);
  if (process.env.BANWATCH_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function stderrLogger(verbose: boolean): Logger {
  const write = (level: string) => (message: string, extra?: Record<string, unknown>) => {
    progress.clear();
    process.stderr.write(`${level} ${message}${extra ? ` ${JSON.stringify(extra)}` : ''}\n`);
  };
  return {
    debug: verbose ? write('debug') : () => {},
    info: verbose ? write('info ') : () => {},
    warn: verbose ? write('warn ') : () => {},
    error: write('error'),
  };
}

// ---------------------------------------------------------------- colour and progress

/**
 * Colour for stdout when it is a terminal (picocolors: off with NO_COLOR, on with FORCE_COLOR, off
 * when piped), so `banwatch events > file` holds plain text.
 */
export const colour = pc.createColors(pc.isColorSupported && !!process.stdout.isTTY);
/** The same for stderr (progress, hints). */
export const errColour = pc.createColors(pc.isColorSupported && !!process.stderr.isTTY);

const stderrUpdate = createLogUpdate(process.stderr, { showCursor: true });

/**
 * Progress on stderr: one line rewritten in place on a terminal (log-update), plain lines when
 * piped or logged (a CI log keeps every step).
 */
export const progress = {
  active: false,
  line(text: string): void {
    if (process.stderr.isTTY) {
      stderrUpdate(text);
      this.active = true;
    } else process.stderr.write(`${text}\n`);
  },
  clear(): void {
    if (this.active) stderrUpdate.clear();
  },
  done(): void {
    if (this.active) stderrUpdate.done();
    this.active = false;
  },
};

// ---------------------------------------------------------------- parsers

const UNIT_MS: Record<string, number> = { m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A point in time as typed: an ISO date or date-time, or a duration back from now ("24h", "7d"). */
export type When = { instant: string } | { agoMs: number; text: string };

/**
 * `--since` / `--until`: ISO 8601 ("2026-11-01", "2026-11-01T09:00Z"; a bare date is midnight UTC)
 * or a duration ("90m", "24h", "7d", "2w"). Anything else is refused: Date.parse would read
 * "Nov 5" as 5 November 2001.
 */
export function parseWhen(value: string): When {
  const v = value.trim();
  const d = /^(\d+(?:\.\d+)?)\s*(m|min|h|d|w)$/i.exec(v);
  if (d) return { agoMs: Number(d[1]) * UNIT_MS[d[2]!.toLowerCase()]!, text: v };
  if (ISO_DATE.test(v)) {
    const withZone = /[T ]\d/.test(v) && !/(Z|[+-]\d{2}:?\d{2})$/.test(v) ? `${v.replace(' ', 'T')}Z` : v.replace(' ', 'T');
    const t = Date.parse(withZone);
    if (Number.isFinite(t)) return { instant: new Date(t).toISOString() };
  }
  throw new InvalidArgumentError('expected a duration such as 24h, 7d or 2w, or an ISO date such as 2026-11-01 (or 2026-11-01T09:00Z)');
}

export function resolveWhen(w: When, now: Date): string {
  return 'instant' in w ? w.instant : new Date(now.getTime() - w.agoMs).toISOString();
}

/** `--now`: an ISO date or date-time (a bare date is midnight UTC). */
export function parseInstant(value: string): Date {
  const bad = () => new InvalidArgumentError('expected an ISO 8601 date or date-time such as 2020-07-21 or 2020-07-21T00:00:00Z');
  let w: When;
  try {
    w = parseWhen(value);
  } catch {
    throw bad();
  }
  if (!('instant' in w)) throw bad();
  return new Date(w.instant);
}

/** A confidence as 0.7 or 70%. */
export function parseConfidence(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(%)?$/.exec(value.trim());
  const n = m ? Number(m[1]) / (m[2] || Number(m[1]) > 1 ? 100 : 1) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('expected a confidence from 0 to 1, like 0.7, or a percentage, like 70%');
  return n;
}

export function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

// ---------------------------------------------------------------- event filters

export interface FilterFlags {
  country?: string[];
  vendor?: string[];
  measure?: string[];
  stage?: string[];
  since?: When;
  until?: When;
  minConfidence?: number;
}

/** The filter flags every reading command takes (repeatable, or comma-separated). */
export function addFilterOptions(cmd: Command, opts: { since?: string } = {}): Command {
  return cmd
    .option('--country <country>', 'acting country, by code or name: JP, Japan, UK, EU (repeatable)', collect)
    .option('--vendor <name>', 'vendor, any alias, any case: huawei, ByteDance (repeatable)', collect)
    .option('--measure <measure>', 'procurement_exclusion, network_exclusion, device_ban, market_ban, export_control, sanctions, security_warning, other_restriction (repeatable)', collect)
    .option('--stage <stage>', 'proposed, announced, in_force, lifted, rejected (repeatable)', collect)
    .addOption(new Option('--since <when>', 'seen since: a duration back from now (24h, 7d) or an ISO date').argParser(parseWhen).default(opts.since ? parseWhen(opts.since) : undefined, opts.since))
    .option('--until <when>', 'first seen before: a duration back from now or an ISO date', parseWhen)
    .option('--min-confidence <c>', 'at least this sure: 0.7 or 70%', parseConfidence);
}

/** The flags resolved to an EventFilter: names to codes, aliases to canonical vendors, durations to instants. */
export function filterOf(flags: FilterFlags, now: Date): EventFilter {
  const f: EventFilter = {};
  const countries = normaliseCountries(flags.country);
  const vendors = normaliseVendors(flags.vendor);
  const measures = splitValues(flags.measure).map(resolveMeasure);
  const stages = splitValues(flags.stage).map(resolveStage);
  if (countries.length) f.countries = countries;
  if (vendors.length) f.vendors = vendors;
  if (measures.length) f.measures = measures;
  if (stages.length) f.stages = stages;
  if (flags.since) f.since = resolveWhen(flags.since, now);
  if (flags.until) f.until = resolveWhen(flags.until, now);
  if (flags.minConfidence !== undefined) f.minConfidence = flags.minConfidence;
  return f;
}

/** Enough for any local store (the country and event indexes are read whole below this anyway). */
const READ_ALL = 100_000;

/** Stored events passing the filter, newest first. One country narrows the read to its index rows. */
export async function loadEvents(store: Store, f: EventFilter, limit = READ_ALL): Promise<PolicyEvent[]> {
  const events = await store.queryEvents({
    ...(f.countries?.length === 1 && f.countries[0] !== 'EU' ? { country: f.countries[0] } : {}),
    ...(f.since ? { since: f.since } : {}),
    limit: READ_ALL,
  });
  return events.filter((e) => matchesFilter(e, f)).sort(newestFirst).slice(0, limit);
}
