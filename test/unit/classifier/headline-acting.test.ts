/**
 * Headline-only items (the Google News shape, no lead), fifth round: priors for what a headline
 * leaves to its lead. A measure whose instrument only one state uses in the labelled news (export
 * controls: the US in all 240 labelled items) names that state when the headline names none
 * (tuning.json measureActingPrior); a named country, and the outlet's country for other measures,
 * keep their say. The headlines are written for these rows, not copied from the labelled fixtures.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure } from '../../../lambdas/core/model.js';
import { item } from './helpers.js';

/** A headline as a Google News search delivers it: the outlet after the title, no lead. */
const google = (language: string, headline: string) => item(language, `${headline} - Example News`, '');

// [language, headline, measure, countries]: no acting state named
const BY_MEASURE: Array<[string, string, Measure, string[]]> = [
  ['en', 'YMTC blacklisted over military ties', 'export_control', ['US']],
  ['en', 'Hikvision added to entity list', 'export_control', ['US']],
  ['en', 'SMIC hit by new export restrictions', 'export_control', ['US']],
  ['ko', '화웨이 반도체 수출 면허 전면 취소', 'export_control', ['US']],
  ['ja', 'YMTCを禁輸リストに追加', 'export_control', ['US']],
  // other measures have many states: no prior
  ['de', 'Huawei soll aus 5G-Netz entfernt werden', 'network_exclusion', []],
];

// [language, headline, countries]: a country the headline names still decides
const NAMED: Array<[string, string, string[]]> = [
  ['en', 'China adds Micron to export control list', ['CN']],
];

describe('classifier', () => {
  describe('classify: the acting state a headline leaves to its lead (fifth round)', () => {
    it.each(BY_MEASURE)('[%s] reads "%s" as %s by %j', (language, headline, measure, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
      expect(c.countries).toEqual(countries);
    });

    it.each(NAMED)('[%s] keeps the named state of "%s"', (language, headline, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });
  });
});
