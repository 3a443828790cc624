import { describe, expect, it } from 'vitest';
import { backoffMs, isDue } from '../../lambdas/core/schedule.js';

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
});
