import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeedsConfig } from '../../lambdas/config.js';
import { ConfigError } from '../../lambdas/core/errors.js';

const REGISTRY = new URL('../../config/feeds.json', import.meta.url);

/** A valid file of three feeds; each test breaks one field of it. */
function file(): { $comment?: string; feeds: Array<Record<string, unknown>> } {
  return {
    $comment: 'test registry',
    feeds: [
      { id: 'gnews-en', url: 'https://news.google.com/rss/search?q=Huawei+ban&hl=en-US&gl=US&ceid=US:en', kind: 'news', language: 'en' },
      { id: 'jp-mic', url: 'https://www.soumu.go.jp/news.rdf', kind: 'government', country: 'JP', language: 'ja', pollMinutes: 120 },
      { id: 'eu-press', url: 'https://ec.europa.eu/commission/presscorner/api/rss?language=en', kind: 'government', country: 'EU' },
    ],
  };
}

/** The ConfigError that parsing `value` throws. */
function errorOf(value: unknown): ConfigError {
  try {
    parseFeedsConfig(typeof value === 'string' ? value : JSON.stringify(value), 'feeds.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected parseFeedsConfig to throw');
}

describe('config', () => {
  describe('parseFeedsConfig', () => {
    it('accepts config/feeds.json with every feed commented, ids unique and government feeds located', () => {
      const feeds = parseFeedsConfig(readFileSync(REGISTRY, 'utf8'), 'config/feeds.json');

      expect(feeds.length).toBeGreaterThanOrEqual(15);
      // One Google News edition per language read (issue 12 added 23; Albanian, the South Slavic ones,
      // Bulgarian and Catalan seven more) and the acting jurisdictions' own feeds: 61 in Dec 2026.
      expect(feeds.length).toBeLessThanOrEqual(70);
      expect(feeds.every((f) => (f.comment ?? '').length > 10)).toBe(true);
      expect(feeds.filter((f) => f.kind === 'government').every((f) => f.country !== undefined)).toBe(true);
      expect(new Set(feeds.map((f) => f.language)).size).toBeGreaterThanOrEqual(8);
      // Every language with a lexicon has a news search in its own edition.
      const lexicons = readdirSync(new URL('../../lambdas/core/classifier/rules/lang/', import.meta.url)).map((f) => f.replace(/\.json$/, '')).filter((l) => l !== 'xx');
      expect(lexicons.filter((l) => !feeds.some((f) => f.kind === 'news' && f.language === l))).toEqual([]);
      // Every URL is already percent-encoded: parsing and re-serialising it changes nothing.
      expect(feeds.filter((f) => new URL(f.url).href !== f.url).map((f) => f.id)).toEqual([]);
    });

    it('returns the feeds with optional fields only when present', () => {
      const feeds = parseFeedsConfig(JSON.stringify(file()));

      expect(feeds[0]).toEqual({ id: 'gnews-en', url: file().feeds[0]?.url, kind: 'news', language: 'en' });
      expect(feeds[1]).toMatchObject({ kind: 'government', country: 'JP', pollMinutes: 120 });
    });

    it('rejects an unknown key of a feed and names the feed and the key', () => {
      const value = file();
      value.feeds[1] = { ...value.feeds[1], homepage: 'https://www.soumu.go.jp/' };

      const err = errorOf(value);

      expect(err.code).toBe('CONFIG_INVALID');
      expect(err.message).toMatch(/feeds\.1\.homepage: /);
    });

    it('rejects an unknown top-level key and names it', () => {
      const err = errorOf({ ...file(), sources: [] });

      expect(err.message).toContain('sources');
    });

    it.each([
      ['ftp://ftp.example.org/feed.xml'],
      ['javascript:alert(1)'],
      ['file:///etc/passwd'],
      ['not a url'],
    ])('rejects the URL %s and names feeds.2.url', (url) => {
      const value = file();
      value.feeds[2] = { ...value.feeds[2], url };

      const err = errorOf(value);

      expect(err.message).toContain('feeds.2.url');
    });

    it('rejects a kind other than news or government and names feeds.0.kind', () => {
      const value = file();
      value.feeds[0] = { ...value.feeds[0], kind: 'blog' };

      expect(errorOf(value).message).toContain('feeds.0.kind');
    });

    it.each([['jp'], ['JPN'], ['J'], ['']])('rejects the country code "%s" and names feeds.1.country', (country) => {
      const value = file();
      value.feeds[1] = { ...value.feeds[1], country };

      expect(errorOf(value).message).toContain('feeds.1.country');
    });

    it('rejects a duplicate id and names the second occurrence', () => {
      const value = file();
      value.feeds.push({ id: 'jp-mic', url: 'https://www.meti.go.jp/ml_index_release_atom.xml', kind: 'government', country: 'JP' });

      const err = errorOf(value);

      expect(err.message).toContain('feeds.3.id');
      expect(err.message).toContain('duplicate feed id "jp-mic"');
    });

    it('rejects a poll interval under five minutes and names feeds.0.pollMinutes', () => {
      const value = file();
      value.feeds[0] = { ...value.feeds[0], pollMinutes: 1 };

      expect(errorOf(value).message).toContain('feeds.0.pollMinutes');
    });

    it('rejects an empty feed list', () => {
      expect(errorOf({ feeds: [] }).message).toContain('feeds');
    });

    it('throws CONFIG_INVALID_JSON naming the source when the text is not JSON', () => {
      const err = errorOf('{"feeds": [');

      expect(err.code).toBe('CONFIG_INVALID_JSON');
      expect(err.message).toMatch(/^feeds\.json: not valid JSON/);
    });
  });
});
