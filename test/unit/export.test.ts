import { describe, expect, it } from 'vitest';
import { eventsToAtom, eventsToCsv, eventsToJson, toPublicEvent } from '../../lambdas/core/export.js';
import { ev } from '../support/events.js';

describe('export', () => {
  describe('toPublicEvent and eventsToJson', () => {
    it('keeps what a reader needs and none of the bookkeeping', () => {
      const p = toPublicEvent(ev('jp', { effective: { kind: 'from', date: '2027-04-01', phrase: 'from 1 April', rule: 'en.from' } }));
      expect(p).toMatchObject({ id: 'ev_jp000000000000000000', countries: ['JP'], measure: 'procurement_exclusion', stage: 'announced', link: 'https://news.example/jp', official: false, outlets: 1 });
      expect(p.summary).toMatch(/^Japan will exclude Huawei and ZTE/);
      expect(p.effective?.date).toBe('2027-04-01');
      const json = JSON.parse(eventsToJson([ev('jp')]))[0];
      for (const internal of ['version', 'clusterKey', 'seq', 'alertState', 'alertedStages']) expect(json).not.toHaveProperty(internal);
    });
  });

  describe('eventsToCsv', () => {
    it('writes RFC 4180 rows with a header, quoting commas and quotes, and defusing spreadsheet formulas', () => {
      const csv = eventsToCsv([ev('jp', { sources: [{ itemKey: 'k', title: '=HYPERLINK("http://evil.example","click"), more', link: null, feedId: 'f', published: null }] })]);
      const [header, row] = csv.trim().split('\r\n');
      expect(header).toBe('id,countries,vendors,measure,stage,stage_date,effective,summary,headline,link,confidence,official,outlets,first_seen,last_seen,evidence');
      expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), more"`);
      expect(row).toContain('Huawei; ZTE');
    });
  });

  describe('eventsToAtom', () => {
    it('is an Atom feed with one entry per event, stable ids and escaped feed text', () => {
      const atom = eventsToAtom([ev('jp', { title: 'A & B <b>', sources: [{ itemKey: 'k', title: 'A & B <b>]]>', link: 'https://news.example/a?x=1&y=2', feedId: 'f', published: null }] })], {
        filter: 'country Japan (JP)',
        updated: new Date('2026-11-26T00:00:00Z'),
      });
      expect(atom).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
      expect(atom).toContain('<title>banwatch: country Japan (JP)</title>');
      expect(atom).toContain('<id>urn:banwatch:event:ev_jp000000000000000000</id>');
      expect(atom).toContain('<link href="https://news.example/a?x=1&amp;y=2"/>');
      expect(atom).toContain('<category label="JP" term="JP"/>');
      // Feed text inside the HTML content is escaped, and cannot end the CDATA section early.
      expect(atom).toContain('A &amp; B ]]&gt;');
      expect(atom.match(/\]\]>/g)?.length).toBe(atom.match(/<!\[CDATA\[/g)?.length);
    });
  });
});
