import { describe, expect, it } from 'vitest';
import { MAX_SUBJECT, renderAlert, topicsFor } from '../../lambdas/core/alert.js';
import type { PolicyEvent } from '../../lambdas/core/model.js';

function event(over: Partial<PolicyEvent> = {}): PolicyEvent {
  return {
    eventId: 'ev_0123456789abcdef0123', clusterKey: 'JP|Huawei,ZTE|procurement_exclusion', seq: 0, countries: ['JP'],
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
      expect(a.subject).toBe('JP: procurement exclusion of Huawei, ZTE (announced)');
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

    it('lets no markup or control characters from a feed into the text', () => {
      const a = renderAlert(event({ title: 'Ban <script>alert(1)</script><b>now</b>\u0007', evidence: ['<img src=x onerror=alert(1)>evil'] }), new Date());
      expect(a.text).not.toMatch(/<script|<b>|<img|\u0007/);
      expect(a.text).toContain('Ban now');
    });
  });

  describe('topicsFor', () => {
    it('adds one lower-case country topic per acting country, EU included', () => {
      expect(topicsFor({ countries: ['EU', 'US'] })).toEqual(['all', 'country-eu', 'country-us']);
    });
  });
});
