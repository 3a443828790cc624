/**
 * Lambda bundles only (esbuild alias `entities` → this file, see lib/function.ts). rss-parser
 * requires `entities` for one call, `decodeHTML`, when it writes an Atom entry's `contentSnippet`
 * (its `content` with the markup stripped) — a field the feed parser never reads while `content`
 * has text (lambdas/core/feed/parse.ts), and `contentSnippet` is derived from `content`. The full
 * HTML5 entity map is 29 KB of the poll bundle; text.ts's decoder (the entities seen in real feeds,
 * every numeric reference) does this job, and the unbundled CLI keeps the real package.
 */
import { decodeEntities } from '../core/text.js';

export function decodeHTML(s: string): string {
  return decodeEntities(s);
}

export default { decodeHTML };
