/**
 * Deployment settings read from CDK context (cdk.json, or `-c key=value` on the command line),
 * validated with zod so a typo fails synth with the name of the offending key.
 * Values given with `-c` arrive as strings, hence the JSON/number/boolean coercions.
 */
import * as z from 'zod';
import type { Node } from 'constructs';

const fromJson = (value: unknown): unknown => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
};

const bool = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());
const email = z.string().email();
const country = z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code (or EU)');

export const contextSchema = z.object({
  /** Minutes between two dispatch runs. 15: news feeds rarely update faster, and it bounds cost. */
  pollRate: z.coerce.number().int().min(1).max(1440).default(15),
  /** Minutes between two sweeps of pending alerts (the safety net behind the table stream). */
  sweepRate: z.coerce.number().int().min(1).max(1440).default(15),
  /** Topic names are `<prefix>-all` and `<prefix>-country-<cc>`; one prefix per stack. */
  topicPrefix: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be 1-40 chars of A-Z, a-z, 0-9, "_", "-"')
    .default('banwatch'),
  /** The feed registry bundled into the dispatch function. */
  feedsFile: z.string().min(1).default('config/feeds.json'),
  /** Polls running at once (reserved concurrency and SQS maxConcurrency of the poll function). */
  pollConcurrency: z.coerce.number().int().min(2).max(100).default(5),
  /** Dev stacks: delete the table and log groups with the stack instead of retaining them. */
  destroyOnRemoval: bool.default(false),
  /** Emails subscribed to the "all" topic. */
  alertEmails: z.preprocess(fromJson, z.array(email)).default([]),
  /** {"JP": ["a@b.c"]}: creates `<prefix>-country-jp` and subscribes those emails. */
  countrySubscriptions: z.preprocess(fromJson, z.record(country, z.array(email))).default({}),
  /**
   * Countries that get their own topic (`<prefix>-country-<cc>`), created by the stack (with those
   * of countrySubscriptions): notify never creates topics, so every topic has the TLS-only and
   * publish-only-by-notify policies. Alerts about other countries go to the "all" topic only.
   */
  countries: z.preprocess(
    (v) => (typeof v === 'string' && !v.trim().startsWith('[') ? v.split(/[\s,]+/).filter(Boolean) : fromJson(v)),
    z.array(country),
  ).default([]),
  /** Items published more than this many days before the poll are stored and grouped, never alerted. */
  maxAlertAgeDays: z.coerce.number().int().min(1).max(3650).default(14),
  /** Alert on the items of a feed's first poll (its backlog) too; normally they seed silently. */
  alertBacklog: bool.default(false),
  /** Hour of the day (0-23, in digestTimeZone) the daily digest goes out; the weekly one on Mondays. */
  digestHour: z.coerce.number().int().min(0).max(23).default(7),
  /** IANA time zone of digestHour, e.g. Asia/Tokyo. */
  digestTimeZone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as UTC or Asia/Tokyo')
    .default('UTC'),
  /** Minutes between two rewrites of the report page and Atom feed (besides each digest run). */
  reportRate: z.coerce.number().int().min(15).max(1440).default(60),
  /** Where alarms go (email subscription of the ops topic); optional. */
  opsEmail: email.optional(),
});

export type BanwatchSettings = z.infer<typeof contextSchema>;

const KEYS = Object.keys(contextSchema.shape) as Array<keyof BanwatchSettings>;

/** Reads and validates the settings from the construct tree's context. */
export function readSettings(node: Node): BanwatchSettings {
  const raw: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = node.tryGetContext(key);
    if (value !== undefined && value !== null && value !== '') raw[key] = value;
  }
  const parsed = contextSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`banwatch: invalid CDK context: ${issues}`);
  }
  return parsed.data;
}
