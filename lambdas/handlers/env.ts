/**
 * The Lambda environment, parsed once per container with zod. Required keys have no defaults: a
 * missing variable is a deployment bug and fails the first invocation with its name.
 */
// zod/mini, like lambdas/config.ts: the same validation, a smaller bundle.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { ConfigError } from '../core/errors.js';

z.config(en());

const nonEmpty = z.string().check(z.minLength(1));
const arn = z.string().check(z.regex(/^arn:aws[a-z-]*:/, 'must be an ARN'));

export const dispatchEnvSchema = z.object({
  TABLE_NAME: nonEmpty,
  FEED_QUEUE_URL: z.url(),
  /** The feed registry, relative to the bundle root (LAMBDA_TASK_ROOT) or absolute. */
  FEEDS_FILE: nonEmpty,
  LAMBDA_TASK_ROOT: z.optional(z.string()),
});
export type DispatchEnv = z.infer<typeof dispatchEnvSchema>;

export const pollEnvSchema = z.object({
  TABLE_NAME: nonEmpty,
  /** Total deadline of one feed fetch; must fit the function timeout. */
  FETCH_TIMEOUT_MS: z.coerce.number().check(z.int(), z.minimum(1_000), z.maximum(120_000)),
  /** Items older than this (days before the poll) never alert (AlertPolicy.maxAlertAgeDays). */
  MAX_ALERT_AGE_DAYS: z.coerce.number().check(z.int(), z.minimum(1), z.maximum(3650)),
  /** "true" alerts a feed's first poll too (AlertPolicy.alertBacklog). */
  ALERT_BACKLOG: z.enum(['true', 'false']),
  /** The bundled feed registry: messages name a feed by id, the URL comes from here. */
  FEEDS_FILE: nonEmpty,
  LAMBDA_TASK_ROOT: z.optional(z.string()),
});
export type PollEnv = z.infer<typeof pollEnvSchema>;

export const notifyEnvSchema = z.object({
  TABLE_NAME: nonEmpty,
  ALL_TOPIC_ARN: arn,
  TOPIC_PREFIX: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/)),
  /** Countries whose topic the stack created ("JP,DE"); alerts about others go to "all" only. */
  COUNTRY_TOPICS: z.pipe(
    z.optional(z.string().check(z.regex(/^([A-Za-z]{2}(,[A-Za-z]{2})*)?$/, 'must be comma-separated country codes'))),
    z.transform((v: string | undefined) => (v ? v.split(',').map((c) => c.toUpperCase()) : [])),
  ),
});
export type NotifyEnv = z.infer<typeof notifyEnvSchema>;

export const digestEnvSchema = z.object({
  TABLE_NAME: nonEmpty,
  DIGEST_DAILY_TOPIC_ARN: arn,
  DIGEST_WEEKLY_TOPIC_ARN: arn,
  /** The private bucket of the report page and the Atom feed. */
  REPORT_BUCKET: nonEmpty,
});
export type DigestEnv = z.infer<typeof digestEnvSchema>;

/** Parses `env` with `schema`; a ConfigError names every bad or missing variable. */
export function parseEnv<S extends z.ZodMiniType>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`).join('; ');
    throw new ConfigError('CONFIG_ENV_INVALID', `Lambda environment invalid: ${issues}`, { cause: parsed.error });
  }
  return parsed.data;
}
