import { describe, expect, it } from 'vitest';
import { buildDigest, DIGEST_PART_BYTES, digestMessage, digestSubject, renderDigestHtml, renderDigestText } from '../../lambdas/core/digest.js';
import { ev, sent } from '../support/events.js';

const WEEK = { since: '2026-11-19T00:00:00.000Z', until: '2026-11-26T00:00:00.000Z' };

describe('digest', () => {
  describe('buildDigest', () => {
    const events = [
      ev('jp', { alerts: [sent('announced', '2026-11-20T00:00:00.000Z')], alertedStages: ['announced'] }),
      ev('de', { countries: ['DE'], stage: 'in_force', alerts: [sent('announced', '2026-10-01T00:00:00.000Z'), sent('in_force', '2026-11-21T00:00:00.000Z')], alertedStages: ['announced', 'in_force'] }),
      ev('us', { countries: ['US'], stage: 'lifted', alerts: [sent('lifted', '2026-11-22T00:00:00.000Z')], alertedStages: ['lifted'] }),
      ev('kr', { countries: ['KR'], confidence: 0.5, alerts: [sent('announced', '2026-11-23T00:00:00.000Z', { held: true })], alertedStages: ['announced'] }),
      ev('fr', { countries: ['FR'], alertState: 'SILENT', lastSeen: '2026-11-24T00:00:00.000Z', confidence: 0.6 }),
      ev('old', { countries: ['AU'], alerts: [sent('announced', '2026-10-01T00:00:00.000Z')], alertedStages: ['announced'] }),
      ev('backfill', { countries: ['IT'], alertState: 'SILENT', backfill: true, lastSeen: '2026-11-24T00:00:00.000Z' }),
    ];

    it('groups the period\'s changes by kind and country, held alerts included and marked, old news and earlier alerts left out', () => {
      const d = buildDigest(events, WEEK);
      expect(d.sections.map((s) => [s.title, s.countries.map((c) => c.country)])).toEqual([
        ['New measures', ['JP', 'KR']],
        ['Now in force', ['DE']],
        ['Lifted or dropped', ['US']],
        ['Reported once, not yet confirmed', ['FR']],
      ]);
      expect(d.total).toBe(5);
      expect(d.sections[0]!.countries[1]!.entries[0]).toMatchObject({ held: true, change: 'new' });
      expect(d.byCountry.map((c) => c.country)).toEqual(['FR', 'DE', 'JP', 'KR', 'US']);
    });

    it('applies a filter to the events but the period to the alerts', () => {
      const d = buildDigest(events, { ...WEEK, filter: { countries: ['DE'], since: '2026-11-25T00:00:00.000Z' } });
      expect(d.total).toBe(1);
      expect(d.filter).toBe('country Germany (DE)');
    });
  });

  describe('renderDigestText and renderDigestHtml', () => {
    it('read as a digest: period, sections, English sentences, links; a quiet period says so', () => {
      const d = buildDigest([ev('jp', { alerts: [sent('announced', '2026-11-20T00:00:00.000Z')], alertedStages: ['announced'] })], WEEK);
      const text = renderDigestText(d);
      expect(text).toContain('banwatch digest, 19 Nov 2026 \u2013 25 Nov 2026');
      expect(text).toContain('NEW MEASURES (1)');
      expect(text).toContain('  - Japan will exclude Huawei and ZTE from government procurement (announced 20 Nov 2026; reported by 1 outlet).');
      expect(text).toContain('https://news.example/jp');
      expect(digestSubject(d)).toBe('banwatch digest: 1 change, 19 Nov 2026 \u2013 25 Nov 2026');
      expect(renderDigestText(buildDigest([], WEEK))).toContain('No new measures, stage changes or confirmations in this period.');
    });

    it('escapes everything from a feed in HTML and links only http(s)', () => {
      const hostile = ev('x', {
        sources: [{ itemKey: 'k', title: '<script>alert(1)</script>"', link: 'javascript:alert(1)', feedId: 'f', published: null }],
        alerts: [sent('announced', '2026-11-20T00:00:00.000Z')],
        alertedStages: ['announced'],
      });
      const html = renderDigestHtml(buildDigest([hostile], WEEK));
      expect(html).not.toMatch(/<script|javascript:/);
      // Feed text is plain text: markup in it is dropped, what remains is escaped.
      expect(html).toContain('<div>&quot;</div>');
    });
  });

  describe('digestMessage', () => {
    it('carries the text for e-mail and the changes as JSON for machines, with the filter key', () => {
      const d = buildDigest([ev('jp', { alerts: [sent('announced', '2026-11-20T00:00:00.000Z')], alertedStages: ['announced'] })], WEEK);
      const m = digestMessage(d, { key: 'countries=JP', frequency: 'weekly' });
      expect(m.key).toBe('countries=JP');
      expect(m.subject).toBe(digestSubject(d));
      expect(m.text).toBe(renderDigestText(d));
      const json = JSON.parse(m.json);
      expect(json).toMatchObject({ type: 'banwatch.digest', frequency: 'weekly', key: 'countries=JP', total: 1, since: WEEK.since, until: WEEK.until });
      expect(json.changes[0]).toMatchObject({ change: 'new', eventId: ev('jp').eventId, countries: ['JP'], link: 'https://news.example/jp', held: false });
      expect(json.changes[0].summary).toMatch(/^Japan will exclude Huawei and ZTE/);
    });

    it('stays within one SNS message however long the period, and says what it left out', () => {
      const long = 'ファーウェイ排除 '.repeat(40);
      const many = Array.from({ length: 3000 }, (_, i) =>
        ev(`e${i}`, { title: long, sources: [{ itemKey: `k${i}`, title: long, link: `https://news.example/${i}`, feedId: 'f', published: null }], alerts: [sent('announced', '2026-11-20T00:00:00.000Z')], alertedStages: ['announced'] }),
      );
      const m = digestMessage(buildDigest(many, WEEK), { key: 'all', frequency: 'weekly' });
      const bytes = (s: string) => new TextEncoder().encode(s).length;
      expect(bytes(m.text)).toBeLessThanOrEqual(DIGEST_PART_BYTES);
      expect(bytes(m.json)).toBeLessThanOrEqual(DIGEST_PART_BYTES);
      expect(m.text).toMatch(/\[cut: the digest is longer than a message/);
      const json = JSON.parse(m.json);
      expect(json.total).toBe(3000);
      expect(json.changes.length + json.truncated).toBe(3000);
    });
  });
});
