/**
 * Fast paths of core/text that replace regexes on every title and lead: each must accept exactly
 * what the regex it replaces accepts.
 */
import { describe, expect, it } from 'vitest';
import readingScope from '../../lambdas/core/reading-scope.json' with { type: 'json' };
import { HANT_PAIRS } from '../../lambdas/core/hant.js';
import { cutToLead, hasScopeMarker, normalizeForMatch, needsWork, STABLE } from '../../lambdas/core/text.js';

const units = (): string[] => Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c));

describe('core/text (char-code fast paths)', () => {
  describe('needsWork', () => {
    const NEEDS_WORK = /[<&\u0000-\u001f\u007f\u200b\ufeff]|\s\s|[^\S ]/;

    it('answers as the regex it replaces for every UTF-16 unit alone, after a letter and after a space', () => {
      // Prepare
      const differ: string[] = [];
      // Act
      for (const ch of units()) {
        for (const s of [ch, `a${ch}b`, ` ${ch}`, `${ch} `]) if (needsWork(s) !== NEEDS_WORK.test(s)) differ.push(JSON.stringify(s));
      }
      // Assess
      expect(differ).toEqual([]);
    });

    it('answers as the regex on ordinary and odd text', () => {
      const samples = ['Japan bans Huawei', 'two  spaces', 'tab\there', 'a < b', 'AT&T', ' lead', 'trail ', 'nbsp\u00a0x', '日本　政府', ''];
      for (const s of samples) expect(needsWork(s), s).toBe(NEEDS_WORK.test(s));
    });
  });

  describe('STABLE', () => {
    it('holds exactly the units of the class normalizeForMatch copies without a lookup', () => {
      // The class as it was written as a regex before it became a table.
      const RUN = /^[\n\x20-\x7e\u00a1-\u00a7\u00a9\u00ab\u00ac\u00ae\u00b0\u00b1\u00b6\u00b7\u00bb\u00bf-\u00ff\u2012-\u2016\u2020-\u2023\u2026\u3001-\u3035\u3041-\u3096\u30a0-\u30fe\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff64]$/;
      // …less the Traditional Chinese characters, which fold to Simplified ones (core/hant.ts).
      const hant = new Set(Array.from({ length: HANT_PAIRS.length / 2 }, (_, i) => HANT_PAIRS[2 * i]));
      const differ = units().filter((ch) => (STABLE[ch.charCodeAt(0)] === 1) !== (RUN.test(ch) && !hant.has(ch)));
      expect(differ.map((ch) => ch.charCodeAt(0).toString(16))).toEqual([]);
    });
  });

  describe('normalizeForMatch (Traditional Chinese)', () => {
    it('folds Traditional characters to Simplified ones, one unit for one, and maps back to the original', () => {
      const original = '紐西蘭禁止華為參與5G建設';
      const n = normalizeForMatch(original);
      expect(n.text).toBe('纽西兰禁止华为参与5G建设');
      expect(n.text.length).toBe(original.length);
      expect(original.slice(n.starts![0]!, n.ends![2]!)).toBe('紐西蘭');
    });
    it('leaves a character whose Simplified form is another word alone (製 is not 制)', () => {
      expect(normalizeForMatch('中國製').text).toBe('中国製');
      expect(normalizeForMatch('限制').text).toBe('限制');
    });
  });

  describe('hasScopeMarker', () => {
    const forms = [...readingScope.related, ...readingScope.boilerplate].flatMap((m) => [m, m.toUpperCase()]);

    it('finds every marker form inside text, at its start and at its end', () => {
      const missed = forms.filter((m) => !(hasScopeMarker(`Lead sentence. ${m} more`) && hasScopeMarker(m) && hasScopeMarker(`x ${m}`)));
      expect(missed).toEqual([]);
    });

    it('finds none in leads without markers, which cutToLead then only trims', () => {
      const leads = ['  Japan bans Huawei from 5G networks.  ', 'Die Bundesregierung schließt Huawei aus.', '政府は華為製品を排除する方針を固めた。', 'unrelated articles are prose'];
      for (const lead of leads) {
        expect(hasScopeMarker(lead), lead).toBe(false);
        expect(cutToLead(lead)).toBe(lead.trim());
      }
    });
  });
});
