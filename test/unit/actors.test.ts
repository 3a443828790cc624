import { describe, expect, it } from 'vitest';
import { actorOf, actorsConflict } from '../../lambdas/core/actors.js';

describe('actors', () => {
  describe('actorOf', () => {
    it.each([
      ['names the state in the headline', 'South Dakota Gov. Kristi Noem issues executive order blocking TikTok from state devices', '', 'US-SD'],
      ['prefers the longest name ("West Virginia", not "Virginia")', 'West Virginia bans TikTok on state devices', '', 'US-WV'],
      ['does not read "Kansas" in "Arkansas"', 'Arkansas bans TikTok on state networks', '', 'US-AR'],
      ['reads the state from the first sentence when the headline has none', 'Governor bans TikTok on state devices', 'Alabama Gov. Kay Ivey on Monday banned TikTok. Texas did so last week.', 'US-AL'],
      ['says "some state" for state devices without a name', 'Gov. Noem bans TikTok from state devices', '', 'US-*'],
      ['says national for a federal body', 'Senate passes TikTok ban on government devices', '', 'US'],
      ['reads CJK state names', '米モンタナ州 TikTok事業禁止の法律 施行仮差し止め', '', 'US-MT'],
      ['reads Chinese state names', '美国蒙大拿州禁止TikTok', '', 'US-MT'],
      ['says nothing when nothing is said', 'US bans Huawei equipment', '', null],
    ] as Array<[string, string, string, string | null]>)('%s', (_, title, summary, expected) => {
      expect(actorOf(['US'], title, summary)).toBe(expected);
    });
    it('reads actors only for countries with a table, and one acting country', () => {
      expect(actorOf(['JP'], 'Texas bans Huawei', '')).toBeNull();
      expect(actorOf(['US', 'JP'], 'Texas bans Huawei', '')).toBeNull();
    });
  });

  describe('actorsConflict', () => {
    it.each([
      [['US-SD'], ['US-SC'], true],
      [['US-SD'], ['US'], true],
      [['US-*'], ['US'], true],
      [['US-SD'], ['US-*'], false],
      [['US-SD'], [null], false],
      [[null], ['US'], false],
      [['US'], ['US'], false],
      [['US-SD', 'US'], ['US'], false],
      [['US-SD', 'US-*'], ['US-SC'], true],
    ] as Array<[Array<string | null>, Array<string | null>, boolean]>)('%j vs %j: %s', (a, b, expected) => {
      expect(actorsConflict(a, b)).toBe(expected);
    });
  });
});
