/**
 * Country and scope causes left open by the r25/r26 batches, written here in other words than the
 * fixtures that showed them; each row failed before these rules.
 * - The targeted country reacting in a speech phrase that runs over its object ("China calls the US
 *   ban on Huawei a political move", "Moskau weist das Kaspersky-Verbot Litauens zurück"): the
 *   country inside the phrase is the one the speaker reacts to, so the reaction is not a measure.
 * - A demonym before a product noun and the vendor names the vendor's origin, however strong the
 *   lexicon reads it ("Российский антивирус «Касперского»", "ロシアのセキュリティソフト、カスペルスキー");
 *   the country after the ban verb acts.
 * - A leader or country named as the winner of another state's decision ("Trump wins as …") did not act.
 * - Nordic official device scope: the authorities' / state phones ("myndigheternas telefoner",
 *   "statliga mobiler", "departementenes telefoner", "statslige mobiler", "valtion puhelimissa").
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { expectReads, item } from './helpers.js';

// [language, title, summary]
const REACTIONS: Array<[string, string, string]> = [
  ['en', 'China calls the US ban on Huawei a political move', ''],
  ['en', 'Moscow calls the UK ban on Kaspersky a political decision', ''],
  ['en', 'China calls the Dutch export curbs on Huawei protectionist', ''],
  ['de', 'Moskau weist das Kaspersky-Verbot Litauens zurück', ''],
  ['de', 'Peking weist US-Sanktionen gegen Huawei zurück', 'Das Außenministerium sprach von Schikane.'],
];

// [language, title, summary, countries]
const COUNTRIES: Array<[string, string, string, string[]]> = [
  ['uk', 'Російський антивірус Касперського заборонять у США', '', ['US']],
  ['bg', 'Руският антивирус Касперски ще бъде забранен в САЩ', '', ['US']],
  ['cs', 'Ruský antivirus Kaspersky bude v USA zakázán', '', ['US']],
  ['zh', '俄罗斯杀毒软件卡巴斯基将在美国被禁售', '', ['US']],
  ['ja', 'ロシアのセキュリティソフト、カスペルスキーが米国で販売禁止へ', '', ['US']],
  ['en', 'Trump wins as Britain bans Huawei from its 5G network', '', ['GB']],
  ['en', 'US triumphs as UK bars Huawei from 5G', '', ['GB']],
  ['ar', 'واشنطن تفوز.. ألمانيا تستبعد هواوي من شبكات الجيل الخامس', '', ['DE']],
];

// [language, title, summary]: the state's or its authorities' phones are official devices
const DEVICES: Array<[string, string, string]> = [
  ['sv', 'Regeringen förbjuder Tiktok på myndigheternas telefoner', ''],
  ['sv', 'Tiktok förbjuds på statliga myndigheters mobiler', ''],
  ['sv', 'Sverige förbjuder Tiktok på statliga telefoner', ''],
  ['no', 'Regjeringen forbyr TikTok på departementenes telefoner', ''],
  ['no', 'TikTok forbys på statlige mobiler', ''],
  ['da', 'TikTok forbydes på statslige mobiler', ''],
  ['fi', 'TikTok kielletään valtion puhelimissa', ''],
];

describe('tune26 wording', () => {
  it.each(REACTIONS)('[%s] "%s" is a reaction, not a measure', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(false);
  });
  it.each(COUNTRIES)('[%s] "%s" is by %j', (language, title, summary, countries) => expectReads(classify, language, title, summary, { countries }));
  it.each(DEVICES)('[%s] "%s" is a device ban', (language, title, summary) => expectReads(classify, language, title, summary, { measure: 'device_ban' }));
});
