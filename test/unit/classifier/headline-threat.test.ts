/**
 * Headline-only items (the Google News shape, no lead): an authority labelling a vendor a threat to
 * national security is a measure even when the headline is only the quoted finding (Korean quote
 * headlines 'FCC "…, 국가안보 위협"', Chinese '构成国家安全威胁' / '无法接受风险', Russian 'признали …
 * угрозой национальной безопасности', English 'poses risks to European security', 'designated as a
 * threat to America's national security'); a denial is not. The headlines are written for these rows,
 * not copied from the labelled fixtures.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { google } from './helpers.js';

// [language, headline, countries]
const THREAT: Array<[string, string, string[]]> = [
  ['ko', '美 국방부 "DJI 드론, 국가안보 위협"', ['US']],
  ['zh', '美联邦通信委员会:中兴构成国家安全威胁', ['US']],
  ['ru', 'В Эстонии признали WeChat угрозой национальной безопасности', ['EE']],
  ['en', 'Brussels says Huawei poses serious risks to European security', ['EU']],
];

// denials of a threat
const NO_THREAT: Array<[string, string]> = [
  ['ko', '트럼프 "틱톡, 안보 위협 아니다"'],
  ['en', 'Huawei says its gear poses no risk to UK security'],
  ['en', 'Minister says Huawei poses no risk to Dutch security'],
];

describe('classifier', () => {
  describe('classify: a security-threat finding in a headline without a lead', () => {
    it.each(THREAT)('[%s] reads "%s" as a measure by %j', (language, headline, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });

    it.each(NO_THREAT)('[%s] does not alert on "%s"', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });
  });
});
