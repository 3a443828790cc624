/**
 * Headline-only items (the Google News shape, no lead) that earlier rules missed for want of a lead
 * (head8): an authority telling its own staff to delete or get rid of a vendor's app or device, and
 * the acting country of a bare headline that names none.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { google } from './helpers.js';

// [language, headline, measure, stage, countries]
const STAFF_TOLD: Array<[string, string, Measure, Stage, string[]]> = [
  ['en', 'Dutch ministry asks all staff to delete TikTok from their phones', 'device_ban', 'in_force', ['NL']],
  ['en', 'Canadian officials told to get rid of their WeChat accounts', 'device_ban', 'in_force', ['CA']],
  ['en', 'Estonian soldiers are ordered to uninstall DeepSeek', 'device_ban', 'in_force', ['EE']],
  ['it', 'Il Pentagono ordina ai militari di disattivare DeepSeek', 'device_ban', 'in_force', ['US']],
  ['fr', 'Les agents du ministère priés de supprimer DeepSeek', 'device_ban', 'in_force', ['FR']],
  ['es', 'El Ministerio de Defensa de Perú ordena a los militares que eliminen TikTok', 'device_ban', 'in_force', ['PE']],
  ['pt', 'Governo de Portugal pede aos funcionários que apaguem o DeepSeek', 'device_ban', 'in_force', ['PT']],
  ['de', 'Österreichs Innenministerium fordert Beamte auf, TikTok zu löschen', 'device_ban', 'in_force', ['AT']],
  ['zh', '日本政府要求公务员删除DeepSeek', 'device_ban', 'in_force', ['JP']],
  ['ru', 'В Казахстане чиновникам велели избавиться от iPhone', 'device_ban', 'in_force', ['KZ']],
  // an order is issued (in force even with a deadline ahead); a request with a deadline is announced
  ['en', 'Irish ministry orders staff to uninstall WeChat by 1 May', 'device_ban', 'in_force', ['IE']],
  ['en', 'Irish ministry asks staff to uninstall WeChat by 1 May', 'device_ban', 'announced', ['IE']],
];

// a company's staff, the public or a past order in a report ("Ministers ordered to remove them") is no such request
const NOT_STAFF: Array<[string, string]> = [
  ['en', 'Samsung tells employees to delete TikTok'],
  ['en', 'Bank asks staff to uninstall WeChat'],
];

// [language, headline, countries]: a bare headline naming no country — the outlet's or the language's
const BARE_COUNTRY: Array<[string, string, string[]]> = [
  ['de', 'Huawei-Komponenten sollen aus dem 5G-Netz entfernt werden', ['DE']],
  ['sv', 'ZTE utestängs från 5G-nätet', ['SE']],
];

// [language, headline, countries]: a country name in the genitive (de "-s"); a demonym before
// civil servants, soldiers or diplomats names the state whose staff it is
const NAMED_COUNTRY: Array<[string, string, string[]]> = [
  ['de', 'Die Regierung Österreichs verbietet TikTok auf Diensthandys', ['AT']],
  ['de', 'Frankreichs Behörden sperren Telegram', ['FR']],
  ['en', 'Turkish civil servants barred from using DeepSeek', ['TR']],
  ['fr', 'Les militaires japonais interdits d\'utiliser TikTok', ['JP']],
];

// [language, headline]: an export control's destination ("to China", "nach China", "à la Chine") is not
// the state that controls the exports — the measure's usual actor (US) is
const EXPORT_DESTINATION: Array<[string, string]> = [
  ['en', 'Nvidia gets licence to sell chips to China'],
  ['de', 'Nvidia darf wieder Grafikchips nach China exportieren'],
  ['fr', 'Nvidia autorisé à exporter ses puces vers la Chine'],
  ['es', 'Nvidia vuelve a vender chips a China'],
];

// [language, headline, measure, stage]: a state adding a vendor to a list (the Romance languages and
// zh 将…列(为/入/与)…名单); the vendor adding its own products to a list is company news
const ADDED_TO_LIST: Array<[string, string, Measure, Stage]> = [
  ['es', 'El Pentágono incluye a BYD en su lista de empresas vinculadas al Ejército chino', 'other_restriction', 'in_force'],
  ['fr', 'Le Pentagone inscrit CATL sur sa liste des entreprises liées à l\'armée chinoise', 'other_restriction', 'in_force'],
  ['it', 'Washington aggiunge Quectel alla lista delle società legate all\'esercito cinese', 'other_restriction', 'in_force'],
  ['pt', 'Pentágono coloca a Hesai e a BYD numa lista de empresas ligadas aos militares chineses', 'other_restriction', 'in_force'],
  ['es', 'Estados Unidos agregaría a Unitree a la lista de empresas militares chinas', 'other_restriction', 'proposed'],
  ['zh', '美国防部把宁德时代列为中国军方企业名单', 'other_restriction', 'in_force'],
];
const NOT_LISTED: Array<[string, string]> = [
  ['es', 'Xiaomi añade nuevos modelos a su lista de productos'],
  ['fr', 'Xiaomi ajoute de nouveaux modèles à sa liste de produits'],
];

// [language, headline]: firms allowed to sell to or deal with a vendor again — a lifting
const MAY_SELL_TO: Array<[string, string]> = [
  ['en', 'Commerce says US suppliers may again ship to ZTE'],
  ['fr', 'Washington: les fournisseurs américains peuvent de nouveau livrer à ZTE'],
  ['ja', '米政府、米企業はZTEに部品を販売してもよいと表明'],
  ['vi', 'Mỹ cho phép Nvidia bán chip H20'],
];

// [language, headline, countries]: zh headlines — a one-character country before the ban verb (英禁, 澳禁),
// 禁 + official devices + 用 (use), a head of government (约翰逊) as the actor
const ZH_HEADLINES: Array<[string, string, Measure, string[]]> = [
  ['zh', '英禁政府设备安装微信', 'device_ban', ['GB']],
  ['zh', '韩禁公务电脑用DeepSeek', 'device_ban', ['KR']],
  ['zh', '加拿大禁政府设备用微信', 'device_ban', ['CA']],
  ['zh', '约翰逊宣布禁止华为参与5G网络', 'network_exclusion', ['GB']],
];

// [language, headline]: 'may no longer sell / use' (fr n'a plus le droit de, de darf … nicht mehr
// verkaufen / kein … mehr nutzen, pt não pode mais, pl nie można używać)
const NO_LONGER: Array<[string, string]> = [
  ['fr', 'Xiaomi n\'a plus le droit de commercialiser ses téléphones en Lituanie'],
  ['de', 'Xiaomi darf seine Handys in Litauen nicht mehr verkaufen'],
  ['de', 'Litauische Beamte dürfen kein Xiaomi-Handy mehr nutzen'],
  ['pt', 'Temu não pode mais vender no Vietnã'],
  ['pl', 'W ministerstwach nie wolno już instalować DeepSeek'],
];

describe('classifier', () => {
  describe('classify: headline-only, may no longer sell or use', () => {
    it.each(NO_LONGER)('[%s] finds a measure in "%s"', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(true);
    });
  });
  describe('classify: headline-only zh abbreviations and short verbs', () => {
    it.each(ZH_HEADLINES)('[%s] reads "%s" as %s by %j', (language, headline, measure, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
      expect(c.countries).toEqual(countries);
    });
  });
  describe('classify: headline-only, firms allowed to sell to a vendor again', () => {
    it.each(MAY_SELL_TO)('[%s] reads "%s" as lifted', (language, headline) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe('lifted');
    });
  });
  describe('classify: headline-only, a state adding a vendor to a list', () => {
    it.each(ADDED_TO_LIST)('[%s] reads "%s" as %s / %s by the US', (language, headline, measure, stage) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
      expect(c.stage).toBe(stage);
      expect(c.countries).toEqual(['US']);
    });
    it.each(NOT_LISTED)('[%s] does not alert on "%s"', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });
  });
  describe('classify: headline-only, an export control names its destination', () => {
    it.each(EXPORT_DESTINATION)('[%s] "%s" → US', (language, headline) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe('export_control');
      expect(c.countries).toEqual(['US']);
    });
  });
  describe('classify: headline-only, the acting country named in the genitive or by its staff', () => {
    it.each(NAMED_COUNTRY)('[%s] "%s" → %j', (language, headline, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });
  });

  describe('classify: headline-only, staff told to delete or give up a vendor', () => {
    it.each(STAFF_TOLD)('[%s] reads "%s" as %s / %s by %j', (language, headline, measure, stage, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
      expect(c.stage).toBe(stage);
      expect(c.countries).toEqual(countries);
    });
    it.each(NOT_STAFF)('[%s] does not alert on "%s"', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });
    it("does not read an order's issuers as the staff told ('Ministers ordered to remove them')", () => {
      const c = classify({
        title: 'Hikvision cameras found at five government sites',
        summary: 'The cameras are still in use months after Ministers ordered to remove them from sensitive sites.',
        language: 'en',
      });
      expect(c.rules).not.toContain('en.restrict.staff-told-remove');
    });
  });

  describe('classify: headline-only, the acting country of a headline that names none', () => {
    it.each(BARE_COUNTRY)('[%s] "%s" → %j', (language, headline, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });
  });
});
