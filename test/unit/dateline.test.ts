import { describe, expect, it } from 'vitest';
import { withoutDateline } from '../../lambdas/core/text.js';

describe('core/text', () => {
  describe('withoutDateline', () => {
    it.each([
      ['a wire dateline in capitals, any agency', 'WASHINGTON (Reuters) - The FCC voted to ban…', 'The FCC voted to ban…'],
      ['a place in mixed case before a known agency', 'FORT DRUM, New York (Reuters) - President Trump signed the bill.', 'President Trump signed the bill.'],
      ['an AP-style place and region before a dash', 'TRENTON, Ontario – Canada banned TikTok from all government devices.', 'Canada banned TikTok from all government devices.'],
      ['a bracketed dateline (ja)', '[フォート・ドラム(米ニューヨーク州) 13日 ロイター] - トランプ米大統領は署名した。', 'トランプ米大統領は署名した。'],
    ])('removes %s', (_what, lead, expected) => {
      expect(withoutDateline(lead)).toBe(expected);
    });
    it.each([
      ['a company with its ticker', 'Huawei Technologies (HWT.UL) said on Monday it would appeal.'],
      ['a capitalised name that opens a sentence', 'NASA, the space agency, banned DeepSeek on Friday.'],
      ['a lead without a dateline', 'The Commerce Department added Huawei to the Entity List.'],
    ])('keeps %s', (_what, lead) => {
      expect(withoutDateline(lead)).toBe(lead);
    });
  });
});
