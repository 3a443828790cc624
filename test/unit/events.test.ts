import { describe, expect, it } from 'vitest';
import { clusterKeyOf, createEvent, isEventWorthy, mergeIntoEvent, withinWindow, type RelevantClassification } from '../../lambdas/core/events.js';
import type { StoredItem } from '../../lambdas/core/model.js';

function item(key: string, published: string, title = `headline ${key}`): StoredItem {
  return {
    itemKey: key, feedId: 'f1', guid: key, link: `https://news.example/${key}`, title, summary: '', published,
    language: 'en', fetchedAt: published, classification: relevant('announced'), eventId: null,
  };
}

function relevant(stage: RelevantClassification['stage'], extra: Partial<RelevantClassification> = {}): RelevantClassification {
  return {
    relevant: true, countries: ['JP'], vendors: ['ZTE', 'Huawei'], measure: 'procurement_exclusion', stage,
    confidence: 0.8, evidence: [`${stage} evidence`], ...extra,
  };
}

describe('events', () => {
  describe('clusterKeyOf', () => {
    it('ignores the order of countries and vendors', () => {
      expect(clusterKeyOf({ countries: ['US', 'JP'], vendors: ['ZTE', 'Huawei'], measure: 'market_ban' }))
        .toBe(clusterKeyOf({ countries: ['JP', 'US'], vendors: ['Huawei', 'ZTE'], measure: 'market_ban' }));
    });
    it('separates measures', () => {
      expect(clusterKeyOf({ countries: ['JP'], vendors: ['Huawei'], measure: 'market_ban' }))
        .not.toBe(clusterKeyOf({ countries: ['JP'], vendors: ['Huawei'], measure: 'device_ban' }));
    });
  });

  describe('isEventWorthy', () => {
    it.each([
      ['irrelevant', { ...relevant('announced'), relevant: false }],
      ['no country', relevant('announced', { countries: [] })],
      ['no vendor', relevant('announced', { vendors: [] })],
    ])('refuses a classification with %s', (_, c) => {
      expect(isEventWorthy(c)).toBe(false);
    });
    it('accepts a complete relevant classification', () => {
      expect(isEventWorthy(relevant('proposed'))).toBe(true);
    });
  });

  describe('createEvent', () => {
    it('starts pending, sorted, version 1, with the item as its source', () => {
      const e = createEvent(item('a', '2026-11-01T00:00:00.000Z'), relevant('announced'));
      expect(e).toMatchObject({
        countries: ['JP'], vendors: ['Huawei', 'ZTE'], stage: 'announced', alertState: 'PENDING', alertedStages: [], version: 1,
        firstSeen: '2026-11-01T00:00:00.000Z', lastSeen: '2026-11-01T00:00:00.000Z',
      });
      expect(e.sources.map((s) => s.itemKey)).toEqual(['a']);
    });
    it('derives the id from the cluster and its position only, so concurrent creators agree', () => {
      const a = createEvent(item('a', '2026-11-01T00:00:00.000Z'), relevant('announced'));
      const b = createEvent(item('b', '2026-11-02T00:00:00.000Z'), relevant('proposed'));
      const next = createEvent(item('c', '2027-11-02T00:00:00.000Z'), relevant('proposed'), 1);
      expect(a.eventId).toBe(b.eventId);
      expect(a.eventId).toMatch(/^ev_[0-9a-f]{20}$/);
      expect(next.eventId).not.toBe(a.eventId);
      expect(next.seq).toBe(1);
    });
  });

  describe('mergeIntoEvent', () => {
    const base = () => {
      const e = createEvent(item('a', '2026-11-01T00:00:00.000Z'), relevant('announced'));
      return { ...e, alertState: 'SENT' as const, alertedStages: ['announced' as const] };
    };

    it('changes nothing when the item is already a source', () => {
      const e = base();
      expect(mergeIntoEvent(e, item('a', '2026-11-01T00:00:00.000Z'), relevant('announced'))).toEqual({ changed: false, event: e });
    });
    it('adds a source without re-alerting when the stage is the same', () => {
      const r = mergeIntoEvent(base(), item('b', '2026-11-02T00:00:00.000Z'), relevant('announced'));
      expect(r.changed).toBe(true);
      expect(r.event).toMatchObject({ alertState: 'SENT', stage: 'announced', version: 2, lastSeen: '2026-11-02T00:00:00.000Z' });
      expect(r.event.sources).toHaveLength(2);
    });
    it('moves the stage forward and makes the event pending again', () => {
      const r = mergeIntoEvent(base(), item('b', '2026-11-20T00:00:00.000Z', 'Ban takes effect'), relevant('in_force'));
      expect(r.event).toMatchObject({ stage: 'in_force', alertState: 'PENDING', title: 'Ban takes effect' });
      expect(r.event.evidence[0]).toBe('in_force evidence');
    });
    it('never moves the stage back when an older article arrives late', () => {
      const r = mergeIntoEvent(base(), item('b', '2026-10-20T00:00:00.000Z'), relevant('proposed'));
      expect(r.event).toMatchObject({ stage: 'announced', alertState: 'SENT', firstSeen: '2026-10-20T00:00:00.000Z' });
    });
  });

  describe('withinWindow', () => {
    const e = createEvent(item('a', '2026-11-01T00:00:00.000Z'), relevant('announced'));
    it.each([
      ['a day later', '2026-11-02T00:00:00.000Z', true],
      ['a month later', '2026-12-01T00:00:00.000Z', true],
      ['a year later', '2027-11-01T00:00:00.000Z', false],
      ['a year earlier', '2025-11-01T00:00:00.000Z', false],
    ])('says %s is %s', (_, published, expected) => {
      expect(withinWindow(e, item('b', published))).toBe(expected);
    });
  });
});
