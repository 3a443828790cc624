import { describe, expect, it } from 'vitest';
import { backoffMs, isDue, isStale, stateForUrl } from '../../lambdas/core/schedule.js';

const feed = { id: 'f', url: 'https://x.example/feed', kind: 'news' as const, pollMinutes: 30 };
const now = new Date('2026-11-29T12:00:00Z');

describe('schedule', () => {
  describe('isDue', () => {
    it('is due when the feed was never polled', () => {
      expect(isDue(feed, undefined, now, { respectInterval: true })).toEqual({ due: true });
    });
    it('is not due before nextPollAfter (Retry-After or backoff), even for a manual run', () => {
      const d = isDue(feed, { feedId: 'f', failures: 1, nextPollAfter: '2026-11-29T12:05:00Z' }, now, { respectInterval: false });
      expect(d).toMatchObject({ due: false, reason: 'retry_after_or_backoff' });
    });
    it('is due once nextPollAfter has passed', () => {
      expect(isDue(feed, { feedId: 'f', failures: 1, nextPollAfter: '2026-11-29T11:59:00Z' }, now, { respectInterval: true }).due).toBe(true);
    });
    it('waits pollMinutes since the last poll on scheduled runs only', () => {
      const state = { feedId: 'f', failures: 0, lastPolledAt: '2026-11-29T11:45:00Z' };
      expect(isDue(feed, state, now, { respectInterval: true })).toMatchObject({ due: false, reason: 'interval' });
      expect(isDue(feed, state, now, { respectInterval: false }).due).toBe(true);
    });
    it('tolerates a schedule that fires a little early', () => {
      const state = { feedId: 'f', failures: 0, lastPolledAt: '2026-11-29T11:30:30Z' };
      expect(isDue(feed, state, now, { respectInterval: true }).due).toBe(true);
    });
  });

  describe('backoffMs', () => {
    it.each([
      [1, 7.5, 15],
      [2, 15, 30],
      [3, 30, 60],
      [20, 360, 720],
    ])('after %i failures waits between %f and %f minutes', (failures, lo, hi) => {
      expect(backoffMs(failures, () => 0)).toBe(lo * 60_000);
      expect(backoffMs(failures, () => 0.999999)).toBeLessThanOrEqual(hi * 60_000);
      expect(backoffMs(failures, () => 0.999999)).toBeGreaterThan((hi - 0.01) * 60_000);
    });
  });

  describe('isStale', () => {
    const h = (n: number) => new Date(now.getTime() - n * 3_600_000).toISOString();
    it.each([
      ['never polled (no state)', undefined, true],
      ['polled but never successfully', { feedId: 'f', failures: 3 }, true],
      ['last success 23 h ago', { feedId: 'f', failures: 4, lastSuccessAt: h(23) }, false],
      ['last success 25 h ago, not even failing (just not polled)', { feedId: 'f', failures: 0, lastSuccessAt: h(25) }, true],
    ])('%s: %s', (_label, state, stale) => {
      expect(isStale(feed, state, now)).toBe(stale);
    });
    it('waits 4 poll intervals for a slow feed', () => {
      const daily = { ...feed, pollMinutes: 1440 };
      expect(isStale(daily, { feedId: 'f', failures: 0, lastSuccessAt: h(72) }, now)).toBe(false);
      expect(isStale(daily, { feedId: 'f', failures: 0, lastSuccessAt: h(97) }, now)).toBe(true);
    });
  });

  describe('stateForUrl', () => {
    it('keeps the state of the same URL (or of a state from before URLs were stored)', () => {
      const state = { feedId: 'f', url: feed.url, failures: 2, etag: '"x"' };
      expect(stateForUrl(feed, state)).toBe(state);
      const legacy = { feedId: 'f', failures: 2, etag: '"x"' };
      expect(stateForUrl(feed, legacy)).toBe(legacy);
    });
    it('drops validators, failures, backoff and error when the URL changed', () => {
      const state = { feedId: 'f', url: 'https://old.example/feed', failures: 6, etag: '"x"', lastModified: 'y', nextPollAfter: '2026-11-30T00:00:00Z', lastError: { code: 'C', message: 'm', at: 'z' }, lastSuccessAt: '2026-11-01T00:00:00Z' };
      expect(stateForUrl(feed, state)).toEqual({ feedId: 'f', url: feed.url, failures: 0, etag: null, lastModified: null, nextPollAfter: null, lastError: null, lastSuccessAt: '2026-11-01T00:00:00Z' });
    });
  });
});
