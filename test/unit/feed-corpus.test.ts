/**
 * Real-feed corpus: every fixtures/feeds/corpus/*.xml is decoded and parsed, and the result must
 * equal its *.expected.json. Regenerate deliberately with `UPDATE_FIXTURES=1 npx vitest run
 * test/unit/feed-corpus.test.ts` and review the diff before committing it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeFeedBody } from '../../lambdas/adapters/http-fetcher.js';
import { parseFeed } from '../../lambdas/core/feed/parse.js';

const CORPUS = fileURLToPath(new URL('../../fixtures/feeds/corpus/', import.meta.url));
const UPDATE = process.env['UPDATE_FIXTURES'] === '1';
/** A fixed fetch time: dates after it are clamped, so the expected output never drifts. */
const FETCHED_AT = new Date('2024-07-15T00:00:00Z');

const feeds = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.xml'))
  .sort();

describe('core/feed/parse (corpus)', () => {
  it('has feeds to check', () => {
    // Prepare/Act/Assess
    expect(feeds.length).toBeGreaterThanOrEqual(5);
  });

  describe('parseFeed', () => {
    it.each(feeds)('parses %s to its expected normalised JSON', async (file) => {
      // Prepare
      const feedId = file.replace(/\.xml$/, '');
      const expectedPath = join(CORPUS, `${feedId}.expected.json`);
      // Charset as the fetcher would decide it (BOM, then XML declaration: no Content-Type here).
      const text = decodeFeedBody(readFileSync(join(CORPUS, file)), null);
      // Act
      const parsed = await parseFeed(text, { feedId, fetchedAt: FETCHED_AT });
      // Assess
      if (UPDATE) writeFileSync(expectedPath, `${JSON.stringify(parsed, null, 2)}\n`);
      expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_FIXTURES=1`).toBe(true);
      expect(parsed).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  });
});
