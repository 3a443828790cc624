/**
 * Headline-only items (the Google News shape, no lead) that earlier rules missed (head11): a group of
 * public staff (civil servants, officials, MPs, soldiers, state employees) who may no longer, must not
 * or are forbidden to use a vendor's app or device. No ban verb acts on the vendor and no state is named,
 * yet it is an official-device ban: the staff group names its scope and, being the state's own, its
 * decider (rules/lang/<lang>.json *.restrict.staff-no-longer-use; Japanese reads it already with
 * ja.restrict.use-stop and ja.measure.device). Also wordings no stage or restriction cue read: a ban
 * planned without "to" ("plans ban on", "planning blacklist of": announced, as "plans to"), a vendor
 * that "faces (access) block in" a country or "se enfrenta a la prohibición" (its object, a passive reading).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { google } from './helpers.js';

// [language, headline, vendor]
const STAFF_NO_LONGER_USE: Array<[string, string, string]> = [
  ['en', 'Public servants will no longer be allowed to use WeChat', 'WeChat'],
  ['en', 'Lawmakers are now barred from using WeChat', 'WeChat'],
  ['de', 'Bundesbedienstete sollen kein DeepSeek mehr verwenden', 'DeepSeek'],
  ['de', 'Soldaten dürfen Telegram künftig nicht mehr nutzen', 'Telegram'],
  ['fr', "Les fonctionnaires n'ont plus le droit d'utiliser WeChat", 'WeChat'],
  ['fr', 'Les militaires ne doivent plus utiliser Telegram', 'Telegram'],
  ['es', 'Los empleados públicos no podrán instalar DeepSeek', 'DeepSeek'],
  ['it', 'I ministri non potranno più utilizzare WeChat', 'WeChat'],
  ['pt', 'Militares estão proibidos de usar o Telegram', 'Telegram'],
  ['ru', 'Чиновники больше не смогут использовать iPhone', 'Apple'],
  ['ru', 'Военнослужащие не смогут пользоваться Telegram', 'Telegram'],
  ['uk', 'Посадовці більше не можуть використовувати TikTok', 'TikTok'],
  ['pl', 'Pracownicy administracji nie mogą używać DeepSeeka', 'DeepSeek'],
  ['nl', 'Rijksambtenaren mogen geen DeepSeek meer gebruiken', 'DeepSeek'],
  ['zh', '议员不得再使用TikTok', 'TikTok'],
  ['zh', '军人今后不得下载微信', 'WeChat'],
  ['ko', '공무원, 앞으로 위챗 사용할 수 없다', 'WeChat'],
];

// a company's staff, or officials only quoted
const NOT_STAFF_BANS: Array<[string, string]> = [
  ['en', 'Bank employees may no longer use WeChat for client messages'],
  ['de', 'Mitarbeiter von Siemens dürfen ChatGPT nicht mehr nutzen'],
];

describe('classifier', () => {
  describe('classify: headline-only, public staff who may no longer use a vendor', () => {
    it.each(STAFF_NO_LONGER_USE)('[%s] reads "%s" as a ban on official devices of %s', (language, headline, vendor) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe('device_ban');
      expect(c.vendors).toContain(vendor);
    });
    it.each(NOT_STAFF_BANS)('[%s] does not read "%s" as a state measure', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });
  });
});

// [language, headline, stage]: a state that plans a ban, a blacklist or curbs (no "to"): announced, as "plans to" is
const PLANS_MEASURE: Array<[string, string, string]> = [
  ['en', 'Sweden planning a Huawei 5G ban', 'announced'],
  ['en', 'Australia plans nationwide ban on Temu', 'announced'],
  ['en', 'EU planning new curbs on Nvidia chips', 'announced'],
];

// [language, headline, country]: a vendor that faces a block or a ban in a country is its object
const FACES_BLOCK: Array<[string, string, string]> = [
  ['en', 'WeChat facing access blocks across Russia', 'RU'],
  ['es', 'Temu se enfrenta a un bloqueo en Indonesia', 'ID'],
];

describe('classifier', () => {
  describe('classify: headline-only, a ban planned (no "to")', () => {
    it.each(PLANS_MEASURE)('[%s] reads "%s" as %s', (language, headline, stage) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
  describe('classify: headline-only, a vendor facing a block in a country', () => {
    it.each(FACES_BLOCK)('[%s] reads "%s" as a measure of %s', (language, headline, country) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual([country]);
    });
  });
});
