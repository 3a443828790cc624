/**
 * The Lambda environment, parsed once per container with zod. Required keys have no defaults: a
 * missing variable is a deployment bug and fails the first invocation with its name.
 */
import * as z from 'zod';
import { ConfigError } from '../core/errors.js';

const nonEmpty = z.string().min(1);
const arn = z.string().regex(/^arn:aws[a-z-]*:/, 'must be an ARN');

export const dispatchEnvSchema = z.object({
  TABLE_NAME: nonEmpty,
  FEED_QUEUE_URL: z.string().url(),
  /** The feed registry, relative to the bundle root (LAMBDA_TASK_ROOT) or absolute. */
  FEEDS_FILE: nonEmpty,
  LAMBDA_TASK_ROOT: z.string().optional(),
});
export type DispatchEnv = z.infer<typeof dispatchEnvSchema>;

export const pollEnvSchema = z.object({
  TABLE_NAME: nonEmpty,
  /** Total deadline of one feed fetch; must fit the function timeout. */
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000),
});
export type PollEnv = z.infer<typeof pollEnvSchema>;

export const notifyEnvSchema = z.object({
  TABLE_NAME: nonEmpty,
  ALL_TOPIC_ARN: arn,
  TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  /** The key of the stack's topics; country topics created at run time get the same. */
  TOPIC_KMS_KEY_ID: nonEmpty.optional(),
});
export type NotifyEnv = z.infer<typeof notifyEnvSchema>;

/** Parses `env` with `schema`; a ConfigError names every bad or missing variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`).join('; ');
    throw new ConfigError('CONFIG_ENV_INVALID', `Lambda environment invalid: ${issues}`, { cause: parsed.error });
  }
  return parsed.data;
}
