import { describe, expect, it } from 'vitest';
import { MAX_SUBJECT, confidenceWords, countryList, humanDate, renderAlert, sentenceOf, shortVendors, topicsFor, vendorList } from '../../lambdas/core/alert.js';
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
      expect(a.text).toContain('Dates:      first reported 20 Nov 2026');
      expect(a.text).not.toMatch(/\d{2}:\d{2}:\d{2}|\.000Z/);
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

    it('renders a stage the event passed before its ending as the event stood then', () => {
      const ended = event({
        stage: 'lifted', measure: 'market_ban', countries: ['US'], vendors: ['TikTok'],
        history: [
          { stage: 'in_force', at: '2025-01-17T15:00:00.000Z', itemKey: 'k', feedId: 'ap', official: false },
          { stage: 'lifted', at: '2025-01-20T18:00:00.000Z', itemKey: 'k2', feedId: 'npr', official: false },
        ],
      });
      const a = renderAlert(ended, { kind: 'stage', stage: 'in_force', vendors: ['TikTok'] }, new Date('2025-01-21T00:00:00Z'));
      expect(a.subject).toBe('In force — US: market ban of TikTok');
      expect(a.text).toMatch(/^The United States bans TikTok from its market \(in force 17 Jan 2025/);
      expect(a.text).toContain('Timeline:   in force 17 Jan 2025\n');
      expect(a.attributes.stage).toBe('in_force');
      expect(a.event.stage).toBe('lifted');
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
      const title = 'Ban <script>alert(1)</script><b>now</b>\u0007';
      const a = renderAlert(
        event({
          title,
          evidence: ['<img src=x onerror=alert(1)>evil words here'],
          sources: [{ itemKey: 'k', title, link: 'https://news.example/a', feedId: 'reuters', published: null, phrases: ['<i>ban</i> now on phones'] }],
        }),
        new Date(),
      );
      expect(a.text).not.toMatch(/<script|<b>|<img|<i>|\u0007/);
      expect(a.text).toContain('Ban now');
    });
  });

  describe('renderText for an analyst', () => {
    const japan = () =>
      event({
        official: true,
        outlets: ['soumu.go.jp', 'reuters.com'],
        confidence: 0.97,
        effective: { kind: 'from', date: '2027-04-01', phrase: '令和9年4月1日以降', rule: 'ja.from.date' },
        history: [{ stage: 'announced', at: '2026-11-10T09:20:00.000Z', itemKey: 'r', feedId: 'reuters', official: false }],
        evidence: ['ファーウェイ・ZTE製品を排除へ IT調達に関する申合', 'Japan', 'ファーウェイ', '各府省庁'],
        sources: [
          {
            itemKey: 'r', title: 'UPDATE 1-Japan to exclude Huawei, ZTE from government procurement -sources', link: 'https://www.reuters.com/a',
            feedId: 'reuters', outlet: 'reuters.com', published: '2026-11-10T09:20:00.000Z', language: 'en',
            phrases: ['Japan to exclude Huawei, ZTE from government procurement'],
          },
          {
            itemKey: 'g', title: '政府調達からファーウェイ・ZTE製品を排除へ IT調達に関する申合せを決定', link: 'https://www.soumu.go.jp/a', feedId: 'mic-japan',
            outlet: 'soumu.go.jp', official: true, published: '2026-11-12T08:00:00.000Z', at: '2026-11-12T08:00:00.000Z', language: 'ja',
            phrases: ['政府調達からファーウェイ・ZTE製品を排除へ IT調達に関する申合せを決定'],
          },
        ],
      });

    it('opens with one English sentence from the structured fields, then the original headline with its language and an English one', () => {
      const lines = renderAlert(japan(), new Date('2026-11-26T00:00:00Z')).text.split('\n');
      expect(lines[0]).toBe('Japan will exclude Huawei and ZTE from government procurement (announced 10 Nov 2026; effective from 1 Apr 2027; official: soumu.go.jp).');
      expect(lines).toContain('Headline (Japanese, official): 政府調達からファーウェイ・ZTE製品を排除へ IT調達に関する申合せを決定');
      expect(lines).toContain('In English (reuters.com): UPDATE 1-Japan to exclude Huawei, ZTE from government procurement -sources');
    });

    it('quotes at most two decisive phrases, never bare names or cut words', () => {
      const text = renderAlert(japan(), new Date()).text;
      const why = text.split('Why banwatch thinks so:\n')[1]!.split('\n\n')[0]!.split('\n');
      expect(why).toEqual(['  "政府調達からファーウェイ・ZTE製品を排除へ IT調達に関する申合せを決定"', '  "Japan to exclude Huawei, ZTE from government procurement"']);
      expect(text).not.toContain('"Japan"');
      expect(text).not.toMatch(/申合"/);
    });

    it('falls back to the event evidence without names and fragments for events stored before reports kept phrases', () => {
      const e = event({ evidence: ['exclude Huawei and ZTE from government procurement', 'Japan', 'Huawei', 'to exclude'] });
      const text = renderAlert(e, new Date()).text;
      expect(text).toContain('  "exclude Huawei and ZTE from government procurement"');
      expect(text).not.toContain('"Japan"');
    });

    it('states the effective date as a field, the dates people use, and confidence in words', () => {
      const text = renderAlert(japan(), new Date()).text;
      expect(text).toContain('Effective:  from 1 Apr 2027 ("令和9年4月1日以降")');
      expect(text).toContain('Dates:      first reported 20 Nov 2026; official word 12 Nov 2026');
      expect(text).toContain("Confidence: high (97%): the acting government's own word");
      expect(text).not.toContain('[announced]');
    });

    it('says why the reader got it and how to change the subscription', () => {
      const text = renderAlert(japan(), new Date()).text;
      expect(text).toContain('Why you got this: it concerns Japan (JP), Huawei, ZTE, procurement exclusion, announced;');
      expect(text).toMatch(/Change it: banwatch subscribe YOUR-ADDRESS --country JP --frequency daily/);
      expect(text).toContain('Details: banwatch event ev_0123456789abcdef0123');
    });
  });

  describe('sentenceOf', () => {
    it.each([
      ['proposed', 'device_ban', ['US'], 'The United States considers banning TikTok on government devices'],
      ['announced', 'network_exclusion', ['GB'], 'The United Kingdom will exclude TikTok from its telecom networks'],
      ['in_force', 'market_ban', ['IN'], 'India bans TikTok from its market'],
      ['lifted', 'market_ban', ['IN'], 'India lifts its market ban of TikTok'],
      ['rejected', 'device_ban', ['US', 'GB'], 'The United States and the United Kingdom drop the proposed ban on official devices of TikTok'],
      ['in_force', 'export_control', ['US'], 'The United States restricts exports to TikTok'],
    ] as const)('reads a %s %s as a sentence', (stage, measure, countries, expected) => {
      const e = event({ stage, measure, countries: [...countries], vendors: ['TikTok'], history: [{ stage, at: '2023-02-27T00:00:00Z', itemKey: 'k', feedId: 'f', official: false }] });
      expect(sentenceOf(e)).toBe(`${expected} (${stage.replace('_', ' ')} 27 Feb 2023; reported by 1 outlet)`);
    });
  });

  describe('confidenceWords', () => {
    it('says high, fair or low, and why', () => {
      const src = [{ itemKey: 'k', title: 't', link: null, feedId: 'f', published: null, outlet: 'a.example' }];
      expect(confidenceWords({ confidence: 0.95, sources: src })).toBe('high (95%), 1 outlet');
      expect(confidenceWords({ confidence: 0.8, sources: src, outlets: ['a', 'b'] })).toBe('fair (80%), 2 outlets: check the source');
      expect(confidenceWords({ confidence: 0.5, sources: src })).toMatch(/^low \(50%\), 1 outlet: unconfirmed/);
    });
  });

  describe('vendorList and countryList', () => {
    it('reads lists as English', () => {
      expect(vendorList(['Huawei', 'ZTE'])).toBe('Huawei and ZTE');
      expect(vendorList(['A', 'B', 'C', 'D', 'E', 'F'])).toBe('A, B, C and 3 more');
      expect(countryList(['EU'])).toBe('the European Union');
      expect(countryList(['HK'])).toBe('Hong Kong');
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
