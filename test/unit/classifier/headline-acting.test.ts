/**
 * Headline-only items (the Google News shape, no lead), fifth round: priors for what a headline
 * leaves to its lead. A measure whose instrument only one state uses in the labelled news (export
 * controls: the US in all 240 labelled items) names that state when the headline names none
 * (tuning.json measureActingPrior); a named country, and the outlet's country for other measures,
 * keep their say. A restriction verb with the named vendor as its object stands alone at a lower
 * score than an item with a lead (headlineAloneThreshold), but not when the vendor comes first in a
 * verb-before-object language (its subject, or a noun's modifier), and a roundup of which countries
 * have banned it is no news of a step in any language. The headlines are written for these rows,
 * not copied from the labelled fixtures.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure } from '../../../lambdas/core/model.js';
import { google, item } from './helpers.js';

// [language, headline, measure, countries]: no acting state named
const BY_MEASURE: Array<[string, string, Measure, string[]]> = [
  ['en', 'YMTC blacklisted over military ties', 'export_control', ['US']],
  ['en', 'Hikvision added to entity list', 'export_control', ['US']],
  ['en', 'SMIC hit by new export restrictions', 'export_control', ['US']],
  ['ko', '화웨이 반도체 수출 면허 전면 취소', 'export_control', ['US']],
  ['ja', 'YMTCを禁輸リストに追加', 'export_control', ['US']],
  // other measures have many states: no measure prior — a bare headline falls back to the outlet's or
  // its language's country, as a headline naming a government does (head8)
  ['de', 'Huawei soll aus 5G-Netz entfernt werden', 'network_exclusion', ['DE']],
];

// [language, headline, countries]: a country the headline names still decides
const NAMED: Array<[string, string, string[]]> = [
  ['en', 'China adds Micron to export control list', ['CN']],
];

// [language, headline]: a restriction verb and the vendor as its object, nothing else
const VERB_AND_OBJECT: Array<[string, string]> = [
  ['de', 'Gouverneur verbietet TikTok-App'],
  ['tr', 'TikTok bu ülkede de yasaklandı'],
];

// [language, headline, lead]: the same with a lead that names no state is no measure
const VERB_AND_OBJECT_WITH_LEAD: Array<[string, string, string]> = [
  ['de', 'Gouverneur verbietet TikTok-App', 'Die Entscheidung wurde am Montag bekannt.'],
];

// The vendor first in a verb-before-object headline: its subject, the ban only a noun
const VENDOR_FIRST: Array<[string, string]> = [
  ['en', 'DeepSeek thrives despite bans'],
  ['de', 'TikTok wächst trotz Verboten'],
  ['en', 'Telegram grows despite blocks'],
];

// Roundups of the countries that have banned a vendor, in the languages that had no such noise
const ROUNDUPS: Array<[string, string]> = [
  ['ar', 'ما هي الدول التي حظرت تيك توك'],
  ['ru', 'Какие страны запретили TikTok'],
  ['uk', 'Які країни заборонили TikTok'],
  ['tr', 'TikTok hangi ülkelerde yasaklandı'],
  ['id', 'Daftar negara yang melarang TikTok'],
  ['vi', 'Những quốc gia nào đã cấm TikTok'],
  ['th', 'ประเทศไหนแบน TikTok บ้าง'],
  ['hi', 'किन देशों में बैन है TikTok'],
  ['es', 'Países y organismos que han prohibido DeepSeek'],
];

// [language, headline]: a licence to keep trading with a listed vendor extended or granted lifts the
// US export control for that trade
const LICENCES: Array<[string, string]> = [
  ['en', 'Commerce extends temporary general license for ZTE by 60 days'],
  ['en', 'Washington to grant licenses for sales to SMIC'],
  ['ko', '美, ZTE에 임시 라이선스 연장'],
  ['zh', '美国批准英伟达芯片对华出口'],
  // a vendor resuming sales to China after US restrictions
  ['es', 'Nvidia reanuda la venta de chips a China tras las restricciones de EE. UU.'],
];

// [language, headline, countries]: limits imposed as a headline's noun; a progressive present
const LIMITS: Array<[string, string, string[]]> = [
  ['en', 'Washington imposes new limits on SMIC suppliers', ['US']],
  ['it', 'Il Vietnam sta bloccando Telegram', ['VN']],
];

// …and limits nobody imposes
const NO_LIMITS: Array<[string, string]> = [
  ['en', 'No limits on Huawei, says minister'],
  ['en', 'Huawei hits limits on chip output'],
];

// …but licences halted are no lifting
const LICENCES_HALTED: Array<[string, string]> = [
  ['ko', '美, 화웨이에 대한 수출면허 발급 중단'],
];

describe('classifier', () => {
  describe('classify: what a headline leaves to its lead (fifth round)', () => {
    it.each(BY_MEASURE)('[%s] reads "%s" as %s by %j', (language, headline, measure, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
      expect(c.countries).toEqual(countries);
    });

    it.each(VERB_AND_OBJECT)('[%s] reads "%s" as a measure on its own', (language, headline) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.rules).toContain('headline.stands-alone');
    });

    it.each(VERB_AND_OBJECT_WITH_LEAD)('[%s] does not read "%s" as a measure when a lead names no state', (language, headline, lead) => {
      expect(classify(item(language, headline, lead)).relevant).toBe(false);
    });

    it.each(VENDOR_FIRST)('[%s] does not alert on "%s"', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });

    it.each(ROUNDUPS)('[%s] does not alert on the roundup "%s"', (language, headline) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(false);
      expect((c.rules ?? []).some((r) => /\.noise\.roundup/.test(r))).toBe(true);
    });

    it.each(LICENCES)('[%s] reads "%s" as a lifted US export control', (language, headline) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe('export_control');
      expect(c.stage).toBe('lifted');
      expect(c.countries).toEqual(['US']);
    });

    it.each(LICENCES_HALTED)('[%s] does not read "%s" as a lifting', (language, headline) => {
      expect(classify(google(language, headline)).stage).not.toBe('lifted');
    });

    it.each(LIMITS)('[%s] reads "%s" as a measure by %j', (language, headline, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });

    it.each(NO_LIMITS)('[%s] does not alert on "%s"', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });

    it.each(NAMED)('[%s] keeps the named state of "%s"', (language, headline, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });
  });
});
