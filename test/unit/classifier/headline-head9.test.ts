/**
 * Headline-only items (the Google News shape, no lead) that earlier rules missed (head9): a defence
 * department naming firms for their ties to the Chinese military, a head of state or government
 * signing an order or decree that names a vendor, a chamber adopting a bill against a vendor, Turkish
 * "yasağı" (the ban, k → ğ), Dutch "geen … meer in/op" (no more … in), a vendor's temporary licence
 * under an export control granted or extended (lifted) or run out (in force).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { google } from './helpers.js';

// [language, headline]: the US military-companies designation, read as a US restriction
const MILITARY_DESIGNATION: Array<[string, string]> = [
  ['en', 'Defense Department names Xiaomi and Lenovo for their Chinese military ties'],
  ['en', 'Pentagon tags DJI over suspected PLA military links'],
  ['ko', '美 국방부, 화웨이·샤오미도 "중국군 연계 기업"'],
  ['zh', '美国国防部认定大疆等企业支持中国军方'],
  ['ja', '米国防総省、DJIを「人民解放軍の協力企業」リストに追加'],
];

// [language, headline, countries]: an order or decree signed that names the vendor
const SIGNED_ORDER: Array<[string, string, string[]]> = [
  ['en', 'Trump signs two executive orders on WeChat and TikTok', ['US']],
  ['ru', 'Байден подписал указ против Kaspersky', ['US']],
  ['es', 'Trump firma un decreto sobre TikTok', ['US']],
  ['ko', '바이든, 위챗 관련 행정명령에 서명', ['US']],
  ['zh', '拜登签署行政令 针对微信', ['US']],
];

// [language, headline, countries]: bills and bans in other words
const BILLS_AND_BANS: Array<[string, string, string[]]> = [
  ['tr', 'Meclis Huawei yasa tasarısını kabul etti', ['TR']],
  ['tr', "Hindistan'da TikTok yasağı başladı", ['IN']],
  ['de', 'Polnischer Senat billigt Gesetzesentwurf gegen Huawei', ['PL']],
  ['nl', 'Geen TikTok meer op telefoons van ambtenaren', ['NL']],
];

// the ban as a known cause, the vendor suing over an order, the vendor denying military ties
const NOT_MEASURES: Array<[string, string]> = [
  ['tr', "Huawei, ABD yasağı nedeniyle yeni telefonunu Çin'de tanıttı"],
  ['en', "TikTok sues over Trump's executive order"],
  ['en', 'Xiaomi denies any Chinese military ties'],
];

// [language, headline, stage]: a temporary licence under the US export control
const LICENCES: Array<[string, string, 'lifted' | 'in_force']> = [
  ['en', 'ZTE granted temporary licence to resume some US business', 'lifted'],
  ['it', 'Gli Usa prorogano di 90 giorni la licenza per Huawei', 'lifted'],
  ['es', 'EE.UU. prorroga la licencia temporal de Huawei', 'lifted'],
  ['fr', 'Washington prolonge la licence temporaire de Huawei', 'lifted'],
  ['de', 'USA verlängern Sonderlizenz für Huawei', 'lifted'],
  ['pt', 'EUA prorrogam licença temporária da Huawei', 'lifted'],
  ['en', "ZTE's temporary general licence has expired", 'in_force'],
];

// a vendor's own licence deal with another company
const NOT_LICENCES: Array<[string, string]> = [['es', 'Huawei renueva su licencia de Android con Google']];

describe('classifier', () => {
  describe('classify: headline-only, a temporary licence under an export control', () => {
    it.each(LICENCES)('[%s] reads "%s" as a US export control, %s', (language, headline, stage) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe('export_control');
      expect(c.stage).toBe(stage);
      expect(c.countries).toEqual(['US']);
    });
    it.each(NOT_LICENCES)('[%s] does not alert on "%s"', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });
  });
  describe('classify: headline-only, the military-companies designation', () => {
    it.each(MILITARY_DESIGNATION)('[%s] reads "%s" as a US restriction', (language, headline) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(['US']);
    });
  });
  describe('classify: headline-only, an order signed that names the vendor', () => {
    it.each(SIGNED_ORDER)('[%s] reads "%s" as a measure by %j', (language, headline, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });
  });
  describe('classify: headline-only, bills and bans in other words', () => {
    it.each(BILLS_AND_BANS)('[%s] reads "%s" as a measure by %j', (language, headline, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });
    it.each(NOT_MEASURES)('[%s] does not alert on "%s"', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });
  });
});
