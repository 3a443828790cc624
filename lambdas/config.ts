/**
 * The feed registry format, validated with zod at the edge (CLI start, Lambda cold start).
 * Unknown keys and bad values are rejected with the path of the offending field.
 */
// zod/mini: the same schemas and issues as zod with a tree-shakable API, ~70 KB less in every
// Lambda bundle (this module is loaded by dispatch and poll). English messages are opted into.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { ConfigError } from './core/errors.js';
import type { FeedConfig } from './core/model.js';

z.config(en());

const feedSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'must be 1-64 chars of a-z, 0-9, ".", "_", "-"')),
  url: z.string().check(
    z.url({ message: 'must be an http or https URL' }),
    z.refine((u) => /^https?:\/\//i.test(u), 'must be an http or https URL'),
  ),
  kind: z.enum(['news', 'government']),
  country: z.optional(z.string().check(z.regex(/^([A-Z]{2})$/, 'must be an ISO 3166-1 alpha-2 code in upper case (or EU)'))),
  language: z.optional(z.string().check(z.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag such as "en" or "ja"'))),
  // 5 minutes: polling faster than that gains nothing for news and annoys publishers.
  pollMinutes: z.optional(z.int().check(z.minimum(5), z.maximum(7 * 24 * 60))),
  comment: z.optional(z.string().check(z.maxLength(500))),
});

export const feedsFileSchema = z
  .strictObject({
    $comment: z.optional(z.string()),
    feeds: z.array(feedSchema).check(z.minLength(1)),
  })
  .check(
    z.superRefine((value, ctx) => {
      const seen = new Set<string>();
      value.feeds.forEach((f, i) => {
        if (seen.has(f.id)) ctx.addIssue({ code: 'custom', path: ['feeds', i, 'id'], message: `duplicate feed id "${f.id}"`, input: f.id });
        seen.add(f.id);
      });
    }),
  );

/** Parses and validates a feeds file's text; throws ConfigError naming the offending field. */
export function parseFeedsConfig(text: string, source = 'feeds config'): FeedConfig[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ConfigError('CONFIG_INVALID_JSON', `${source}: not valid JSON (${(err as Error).message})`, { cause: err });
  }
  const parsed = feedsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((i) => {
        // An unknown key is reported on its parent; name the key itself so the path points at it.
        const path = i.code === 'unrecognized_keys' ? [...i.path, ...i.keys.slice(0, 1)] : i.path;
        return `${path.length ? path.join('.') : '(root)'}: ${i.message}`;
      })
      .join('; ');
    throw new ConfigError('CONFIG_INVALID', `${source}: ${issues}`, { cause: parsed.error });
  }
  return parsed.data.feeds.map((f) => {
    const out: FeedConfig = { id: f.id, url: f.url, kind: f.kind };
    if (f.country !== undefined) out.country = f.country;
    if (f.language !== undefined) out.language = f.language;
    if (f.pollMinutes !== undefined) out.pollMinutes = f.pollMinutes;
    if (f.comment !== undefined) out.comment = f.comment;
    return out;
  });
}
