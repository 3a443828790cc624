import { describe, expect, it } from 'vitest';
import { describeEffective, effectiveDateOf, pickEffective } from '../../lambdas/core/effective.js';
import type { EventSource } from '../../lambdas/core/model.js';
import rules from '../../lambdas/core/rules/effective-dates.json' with { type: 'json' };

const NOV_2026 = '2026-11-10T09:00:00Z';

describe('effective', () => {
  describe('effectiveDateOf', () => {
    it.each([
      ['en', 'Japan will exclude Huawei and ZTE from public procurement from 1 April, sources said.', 'from', '2027-04-01', 'from 1 April', 'en.from'],
      ['en', 'The ban takes effect on January 15, 2027 for all agencies.', 'from', '2027-01-15', 'takes effect on January 15, 2027', 'en.from'],
      ['en', 'Agencies must remove the software by April, the department said.', 'by', '2027-04', 'by April', 'en.by'],
      ['en', 'Operators must strip Huawei kit from 5G networks by the end of 2027.', 'by', '2027-12', 'by the end of 2027', 'en.by'],
      ['en', 'The order applies with immediate effect.', 'immediate', '2026-11-10', 'with immediate effect', 'en.immediate'],
      ['fr', "5G : le gouvernement exclura les antennes Huawei des réseaux français d'ici à 2028", 'by', '2028', "d'ici à 2028", 'fr.by'],
      ['fr', "L'interdiction s'applique à partir du 1er janvier 2027.", 'from', '2027-01-01', 'à partir du 1er janvier 2027', 'fr.from'],
      ['de', 'Bundesregierung untersagt Komponenten von Huawei – Verbot ab sofort wirksam', 'immediate', '2026-11-10', 'ab sofort', 'de.immediate'],
      ['de', 'Das Verbot gilt ab dem 1. März 2027.', 'from', '2027-03-01', 'ab dem 1. März 2027', 'de.from'],
      ['es', 'La prohibición se aplicará a partir del 1 de julio de 2027.', 'from', '2027-07-01', 'a partir del 1 de julio de 2027', 'es.from'],
      ['it', 'Le apparecchiature andranno sostituite entro il 2029.', 'by', '2029', 'entro il 2029', 'it.by'],
      ['ja', '本申合せは令和9年4月1日以降の調達手続から適用します。', 'from', '2027-04-01', '令和9年4月1日以降', 'ja.from.date'],
      ['ja', '２０２７年度から適用する。', 'from', '2027-04-01', '2027年度から', 'ja.from.fy'],
      ['zh', '该禁令自2027年1月1日起施行。', 'from', '2027-01-01', '自2027年1月1日起', 'zh.from.date'],
      ['ko', '2027년 1월 1일부터 신규 도입을 중단한다.', 'from', '2027-01-01', '2027년 1월 1일부터', 'ko.from.date'],
    ] as const)('[%s] reads "%s"', (lang, text, kind, date, phrase, rule) => {
      expect(effectiveDateOf(text, NOV_2026, lang)).toEqual({ kind, date, phrase, rule });
    });

    it('finds nothing in a text that states no date, or only dates that are not effective dates', () => {
      expect(effectiveDateOf('Japan to exclude Huawei, ZTE from government procurement', NOV_2026, 'en')).toBeNull();
      // A year well before the report is history, not when the measure takes effect.
      expect(effectiveDateOf('Revenue from 2019 fell sharply, Huawei said.', NOV_2026, 'en')).toBeNull();
      expect(effectiveDateOf('부터', NOV_2026, 'ko')).toBeNull();
      expect(effectiveDateOf('from 31 February', NOV_2026, 'en')).toBeNull();
      // …and a later statement in the text is still found.
      expect(effectiveDateOf('Revenue from 2019 fell; the ban applies from 1 March.', NOV_2026, 'en')).toMatchObject({ date: '2027-03-01' });
    });

    it('puts a day without a year in the year it is next coming, from the report date', () => {
      expect(effectiveDateOf('from 1 December', '2026-11-10T00:00:00Z', 'en')?.date).toBe('2026-12-01');
      expect(effectiveDateOf('from 1 March', '2026-11-10T00:00:00Z', 'en')?.date).toBe('2027-03-01');
      // A date just past (the report is a few days late) stays in its year.
      expect(effectiveDateOf('from 1 November', '2026-11-10T00:00:00Z', 'en')?.date).toBe('2026-11-01');
      expect(effectiveDateOf('from 1 April', null, 'en')).toBeNull();
    });

    it('tries every language when the report has none', () => {
      expect(effectiveDateOf("d'ici à 2028", NOV_2026, null)).toMatchObject({ kind: 'by', date: '2028', rule: 'fr.by' });
    });

    it('compiles every rule of the data file (each id unique)', () => {
      const ids = [...rules.latin, ...rules.immediate, ...rules.cjk].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const r of [...rules.immediate, ...rules.cjk]) expect(() => new RegExp(r.pattern, 'u')).not.toThrow();
    });
  });

  describe('pickEffective', () => {
    const src = (itemKey: string, over: Partial<EventSource>): EventSource => ({ itemKey, title: itemKey, link: null, feedId: 'f', published: null, ...over });
    const by2028 = { kind: 'by' as const, date: '2028', phrase: 'by 2028', rule: 'en.by' };
    const from2027 = { kind: 'from' as const, date: '2027-04-01', phrase: 'from 1 April', rule: 'en.from' };

    it("takes an official source's date first, then the stage setter's, then the newest report's", () => {
      expect(pickEffective([src('a', { effective: by2028 }), src('b', { effective: from2027, official: true })])).toBe(from2027);
      expect(pickEffective([src('a', { effective: by2028 }), src('b', { effective: from2027 }), src('c', {})], 'a')).toBe(by2028);
      expect(pickEffective([src('a', { effective: by2028 }), src('b', { effective: from2027 })])).toBe(from2027);
      expect(pickEffective([src('a', {})])).toBeUndefined();
    });
  });

  describe('describeEffective', () => {
    it('reads as people write dates', () => {
      expect(describeEffective({ kind: 'from', date: '2027-04-01', phrase: '', rule: '' })).toBe('from 1 Apr 2027');
      expect(describeEffective({ kind: 'by', date: '2027-04', phrase: '', rule: '' })).toBe('by Apr 2027');
      expect(describeEffective({ kind: 'by', date: '2028', phrase: '', rule: '' })).toBe('by 2028');
      expect(describeEffective({ kind: 'immediate', date: '2026-11-16', phrase: '', rule: '' })).toBe('immediately, 16 Nov 2026');
    });
  });
});
