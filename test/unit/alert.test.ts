import { describe, expect, it } from 'vitest';
import { MAX_SUBJECT, humanDate, renderAlert, shortVendors, topicsFor } from '../../lambdas/core/alert.js';
import type { PolicyEvent } from '../../lambdas/core/model.js';

function event(over: Partial<PolicyEvent> = {}): PolicyEvent {
  return {
    eventId: 'ev_0123456789abcdef0123', clusterKey: 'JP', seq: 0, countries: ['JP'],
    vendors: ['Huawei', 'ZTE'], measure: 'procurement_exclusion', stage: 'announced',
    title: 'Japan to exclude Huawei, ZTE from government procurement', evidence: ['exclude Huawei and ZTE from government procurement'],
    confidence: 0.9, firstSeen: '2026-11-20T03:00:00.000Z', lastSeen: '2026-11-20T03:00:00.000Z', alertState: 'PENDING',
    alertedStages: [], version: 1,
    sources: [{ itemKey: 'k', title: 'Japan to exclude Huawei, ZTE', link: 'https://news.example/a', feedId: 'reuters', published: '2026-11-20T03:00:00.000Z' }],
    ...over,
  };
}

describe('alert', () => {
  describe('renderAlert', () => {
    it('renders the seed story as a readable subject and text with evidence and links', () => {
      const a = renderAlert(event(), new Date('2026-11-29T00:00:00Z'));
      expect(a.alertId).toBe('ev_0123456789abcdef0123-announced');
      expect(a.subject).toBe('Announced \u2014 JP: procurement exclusion of Huawei, ZTE');
      expect(a.mark).toEqual({ kind: 'stage', stage: 'announced', vendors: ['Huawei', 'ZTE'] });
      expect(a.text).toContain('First seen: 20 Nov 2026');
      expect(a.text).toContain('Status:     reported (1 outlet)');
      expect(a.text).toContain('Acting:     Japan (JP)');
      expect(a.text).toContain('"exclude Huawei and ZTE from government procurement"');
      expect(a.text).toContain('https://news.example/a');
      expect(a.attributes).toEqual({ countries: ['JP'], vendors: ['Huawei', 'ZTE'], measure: 'procurement_exclusion', stage: 'announced' });
      expect(a.topics).toEqual(['all', 'country-jp']);
      expect(a.createdAt).toBe('2026-11-29T00:00:00.000Z');
    });

    it('keeps the subject to one line under 100 characters whatever the feed sent', () => {
      const many = Array.from({ length: 30 }, (_, i) => `Vendor${i}`);
      const a = renderAlert(event({ vendors: many, countries: ['US', 'GB', 'EU'] }), new Date());
      expect(a.subject.length).toBeLessThanOrEqual(MAX_SUBJECT);
      expect(a.subject).not.toMatch(/[\r\n\t]/);
    });

    it('renders a stage change as an update with the timeline and dates', () => {
      const a = renderAlert(
        event({
          stage: 'in_force', alertedStages: ['announced'],
          history: [
            { stage: 'announced', at: '2020-07-14T10:00:00.000Z', itemKey: 'k', feedId: 'reuters', official: false },
            { stage: 'in_force', at: '2021-01-01T00:00:00.000Z', itemKey: 'k2', feedId: 'gov', official: true },
          ],
        }),
        { kind: 'stage', stage: 'in_force', vendors: ['Huawei', 'ZTE'] },
        new Date('2021-01-02T00:00:00Z'),
      );
      expect(a.subject).toBe('In force (update) \u2014 JP: procurement exclusion of Huawei, ZTE');
      expect(a.text).toContain('Update:     announced 14 Jul 2020 \u2192 in force 1 Jan 2021');
      expect(a.alertId).toBe('ev_0123456789abcdef0123-in_force');
    });

    it('lists official sources first and says the event is official', () => {
      const a = renderAlert(
        event({
          official: true,
          sources: [
            { itemKey: 'k', title: 'Japan to exclude Huawei, ZTE', link: 'https://news.example/a', feedId: 'reuters', published: null, official: false },
            { itemKey: 'g', title: 'Cybersecurity meeting decision', link: 'https://gov.example/a', feedId: 'nisc', published: null, official: true },
          ],
        }),
        new Date(),
      );
      expect(a.sources.map((s) => s.feedId)).toEqual(['nisc', 'reuters']);
      expect(a.text).toContain('Status:     official (nisc)');
      expect(a.text).toContain('[official] Cybersecurity meeting decision');
    });

    it('leads the subject with the stage and abbreviates a long vendor list; cuts with ASCII "..."', () => {
      const many = event({ stage: 'in_force', vendors: ['Huawei', 'ZTE', 'Hikvision', 'Dahua', 'Hytera'] });
      expect(renderAlert(many, { kind: 'stage', stage: 'in_force', vendors: many.vendors }, new Date()).subject).toBe('In force \u2014 JP: procurement exclusion of Huawei, ZTE, Hikvision +2');
      const confirmed = renderAlert({ ...many, alertedStages: ['in_force'] }, { kind: 'confirmed', stage: 'in_force', vendors: many.vendors, officialFeedId: 'mic' }, new Date());
      expect(confirmed.subject).toMatch(/^In force, confirmed \u2014 JP: /);
      const long = event({ countries: ['JP', 'US', 'GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'SE', 'PL', 'CZ', 'AU', 'CA', 'NZ', 'KR', 'TW', 'IN', 'BR', 'MX', 'ZA'] });
      const cut = renderAlert(long, new Date()).subject;
      expect(cut.length).toBeLessThanOrEqual(MAX_SUBJECT);
      expect(cut.endsWith('...')).toBe(true);
      expect(cut).not.toContain('\u2026');
    });

    it('says what it corrects: the stage it said, on whose word, and how many outlets say otherwise', () => {
      const e = event({
        countries: ['GB'], vendors: ['Huawei'], measure: 'network_exclusion', stage: 'announced', alertedStages: [],
        retractions: [{ stage: 'in_force', to: 'announced', at: '2020-07-15T00:00:00.000Z', alerted: false }],
        sources: [
          { itemKey: 'a', title: 'Leak', link: 'https://bloomberg.example/a', feedId: 'ja', published: '2020-07-06T00:00:00.000Z', outlet: 'bloomberg.example', stage: 'in_force' },
          ...['bbc', 'reuters', 'lemonde'].map((o) => ({ itemKey: o, title: `${o} story`, link: `https://${o}.example/a`, feedId: 'en', published: '2020-07-14T00:00:00.000Z', outlet: `${o}.example`, stage: 'announced' as const })),
        ],
      });
      const a = renderAlert(e, { kind: 'corrected', stage: 'announced', vendors: ['Huawei'], retracted: 'in_force' }, new Date('2020-07-15T00:00:00Z'));
      expect(a.subject).toBe('Announced (correction: not in force) \u2014 GB: network exclusion of Huawei');
      expect(a.alertId).toBe('ev_0123456789abcdef0123-corrected-in_force');
      expect(a.text).toContain('Correction: an earlier alert said in force on the strength of one report (bloomberg.example, 6 Jul 2020); 3 outlets since report it as announced.');
      expect(a.attributes.stage).toBe('announced');
    });

    it('names only the vendors added in a vendor update', () => {
      const a = renderAlert(
        event({ vendors: ['Dahua', 'Hikvision', 'Huawei', 'ZTE'], alertedStages: ['announced'], alertedVendors: ['Huawei', 'ZTE'] }),
        { kind: 'vendors', stage: 'announced', vendors: ['Dahua', 'Hikvision', 'Huawei', 'ZTE'] },
        new Date(),
      );
      expect(a.subject).toMatch(/^Announced, also Dahua, Hikvision \u2014 JP/);
      expect(a.text).toContain('now also names Dahua, Hikvision');
    });

    it('lets no markup or control characters from a feed into the text', () => {
      const a = renderAlert(event({ title: 'Ban <script>alert(1)</script><b>now</b>\u0007', evidence: ['<img src=x onerror=alert(1)>evil'] }), new Date());
      expect(a.text).not.toMatch(/<script|<b>|<img|\u0007/);
      expect(a.text).toContain('Ban now');
    });
  });

  describe('shortVendors', () => {
    it('names three vendors and counts the rest', () => {
      expect(shortVendors(['A', 'B', 'C'])).toBe('A, B, C');
      expect(shortVendors(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C +2');
    });
  });

  describe('humanDate', () => {
    it('reads as people write dates, without time of day', () => {
      expect(humanDate('2020-07-14T23:59:59.000Z')).toBe('14 Jul 2020');
      expect(humanDate('not a date')).toBe('date unknown');
    });
  });

  describe('topicsFor', () => {
    it('adds one lower-case country topic per acting country, EU included', () => {
      expect(topicsFor({ countries: ['EU', 'US'] })).toEqual(['all', 'country-eu', 'country-us']);
    });
  });
});
