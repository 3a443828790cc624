import { describe, expect, it } from 'vitest';
import { decisivePhrases, isBare, phrasesFromEvidence } from '../../lambdas/core/phrases.js';

describe('phrases', () => {
  describe('decisivePhrases', () => {
    it('widens a Japanese window cut mid-word to the whole clause and drops bare names', () => {
      const title = '政府調達からファーウェイ・ZTE製品を排除へ\u3000IT調達に関する申合せを決定';
      const c = {
        evidence: ['ファーウェイ・ZTE製品を排除へ IT調達に関する申合', '政府調達からファーウェイ・ZTE', '排除へ', '各府省庁', 'ZTE', 'ファーウェイ'],
        stageEvidence: [],
        vendors: ['Huawei', 'ZTE'],
        countries: ['JP'],
        rules: ['vendor.Huawei.ファーウェイ', 'vendor.ZTE.ZTE'],
      };
      expect(decisivePhrases(title, '', c)).toEqual(['政府調達からファーウェイ・ZTE製品を排除へ IT調達に関する申合せを決定']);
    });

    it('gives the measure phrase and the stage clause of an English report, without wire decorations or datelines', () => {
      const title = 'FCC votes to ban new Huawei, ZTE, Hikvision and Dahua equipment approvals';
      const lead = 'WASHINGTON (Reuters) - The Federal Communications Commission voted 4-0 on Wednesday to ban approvals of new telecommunications and video surveillance equipment from Huawei, ZTE, Hikvision and Dahua, citing an unacceptable risk to U.S. national security. The rules take effect later.';
      const c = {
        evidence: ['FCC votes to ban new Huawei, ZTE, Hikvision and Dahua', 'votes to ban', 'FCC', 'Huawei'],
        stageEvidence: ['FCC votes to ban new Huawei, ZTE, Hikvision and Dahua', 'The Federal Communications Commission voted 4-0 on Wednesday to ban approvals of new telecommunications and'],
        vendors: ['Dahua', 'Hikvision', 'Huawei', 'ZTE'],
        countries: ['US'],
      };
      expect(decisivePhrases(title, lead, c)).toEqual([
        'FCC votes to ban new Huawei, ZTE, Hikvision and Dahua equipment approvals',
        'The Federal Communications Commission voted 4-0 on Wednesday to ban approvals of new telecommunications and video surveillance equipment from Huawei, ZTE, Hikvision and Dahua, citing an unacceptable risk to U.S. national security.',
      ]);
    });

    it('merges overlapping windows into one phrase and strips "UPDATE 1-" and "-sources"', () => {
      const title = 'UPDATE 1-Japan to exclude Huawei, ZTE from government procurement -sources';
      const c = { evidence: ['UPDATE 1-Japan to exclude Huawei, ZTE', 'to exclude Huawei, ZTE from government procurement -sources', 'Japan'], vendors: ['Huawei', 'ZTE'], countries: ['JP'] };
      expect(decisivePhrases(title, null, c)).toEqual(['Japan to exclude Huawei, ZTE from government procurement']);
    });

    it('keeps whole words when a window starts or ends inside one', () => {
      const c = { evidence: ['vernment bans TikTok on official pho'], vendors: ['TikTok'], countries: ['NZ'] };
      expect(decisivePhrases('Government bans TikTok on official phones', '', c)).toEqual(['Government bans TikTok on official phones']);
    });

    it('returns nothing rather than names alone', () => {
      expect(decisivePhrases('Huawei', '', { evidence: ['Huawei', 'Japan'], vendors: ['Huawei'], countries: ['JP'] })).toEqual([]);
    });
  });

  describe('isBare', () => {
    it.each([
      ['Japan', true],
      ['Huawei', true],
      ['各府省庁', true],
      ['排除へ', true],
      ['to exclude', false],
      ['製品を政府調達から排除する', false],
    ])('"%s" → %s', (phrase, bare) => {
      expect(isBare(phrase, new Set(['japan', 'huawei']))).toBe(bare);
    });
  });

  describe('phrasesFromEvidence', () => {
    it('keeps the first two phrases that say something', () => {
      expect(phrasesFromEvidence(['exclude Huawei from procurement', 'Huawei', 'Japan', 'Huawei from procurement', 'will ban it now'], ['Huawei', 'Japan'])).toEqual([
        'exclude Huawei from procurement',
        'will ban it now',
      ]);
    });
  });
});
