import { describe, expect, it } from 'vitest';
import { renderReport } from '../../lambdas/core/report/page.js';
import { EU_MEMBERS, worldShapes } from '../../lambdas/core/report/map.js';
import { ev } from '../support/events.js';

describe('report', () => {
  describe('worldShapes', () => {
    it('draws the countries of Natural Earth 1:110m with their ISO codes, Antarctica left out', () => {
      const shapes = worldShapes();
      const codes = new Set(shapes.map((s) => s.cc));
      for (const cc of ['JP', 'US', 'DE', 'FR', 'KR', 'AU', 'CN', 'BR', 'IN', 'GB']) expect(codes.has(cc)).toBe(true);
      expect(codes.has('AQ')).toBe(false);
      expect(shapes.find((s) => s.cc === 'JP')?.d).toMatch(/^M[\d.]+,[\d.]+L/);
      expect(EU_MEMBERS).toHaveLength(27);
    });
  });

  describe('renderReport', () => {
    const hostile = ev('x', {
      countries: ['JP'],
      sources: [{ itemKey: 'k', title: '</script><script>alert(1)</script>', link: 'javascript:alert(1)', feedId: 'f', published: null }],
    });
    const html = renderReport([ev('jp'), hostile], { generatedAt: new Date('2026-11-26T00:00:00Z') });

    it('is one self-contained page: no external URL to load, a policy that forbids any request', () => {
      expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:/);
      expect(html).not.toMatch(/<(?:script|link|img|iframe)[^>]+(?:src|href)=/i);
      expect(html).not.toMatch(/@import|url\(http/);
      expect(html).toContain('<path data-cc="JP"');
    });

    it('carries the events as JSON that cannot close its script element', () => {
      const json = /<script type="application\/json" id="banwatch-data">([^]*?)<\/script>/.exec(html)![1]!;
      expect(json).not.toContain('</script>');
      const data = JSON.parse(json);
      expect(data.events).toHaveLength(2);
      expect(data.events.find((e: { id: string }) => e.id === hostile.eventId).headline).toBe('</script><script>alert(1)</script>');
      expect(html.match(/<script/g)).toHaveLength(2);
    });
  });
});
