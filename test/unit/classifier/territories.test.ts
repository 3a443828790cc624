/**
 * A dependent territory where its governing state's law applies (scripts/gen-country-names.ts,
 * GOVERNED_BY): a measure there is that state's, in a headline alone too ("TikTok ban lifted in New
 * Caledonia" is France acting). The headlines are written for these rows, not copied from the
 * labelled fixtures.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { google } from './helpers.js';

// [language, headline, countries]
const TERRITORY: Array<[string, string, string[]]> = [
  ['en', 'Telegram blocked in French Polynesia', ['FR']],
  ['fr', 'Telegram bloqué en Polynésie française', ['FR']],
  ['en', 'Puerto Rico bans TikTok on government phones', ['US']],
  ['zh', '关岛禁止政府设备使用TikTok', ['US']],
];

describe('classifier', () => {
  describe('classify: a territory names the state that governs it', () => {
    it.each(TERRITORY)('[%s] reads "%s" as a measure by %j', (language, headline, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });
  });
});
