/**
 * Wording seen in the tune part of the r29 batch of published articles (en/es/pt/zh/ja/ko/id/tr/ru),
 * written here in other words: a state ordering a company to cease or close operations without the
 * possessive ("que cese operaciones", es), and a title-case "la Empresa China" (es) whose "China" is the
 * company's origin, not an acting state; a court or judge that blocks a ban (pt "bloqueia", "barra"):
 * lifted; a vendor removed from a blacklist (zh 从…黑名单中删除): lifted; agencies that "back revoking"
 * or are "calling on" a regulator to revoke: proposed; a prefecture or city barring an app from its own
 * work (ja 県の業務で) with the app called a "Chinese generative AI" (origin, not actor): a Japanese
 * device ban. Not measures: a vendor that wants a judge to block a ban (en); the vendor's own exit
 * (ru «…» прекратит деятельность / уйдёт с рынка); lawmakers who explain the reasons for a
 * restriction (ru В Госдуме объяснили причины; the regulator explaining its own block stays a measure); a warning addressed to NATO or to allies (tr, en:
 * lobbying); an app "blocked in many countries" (id/en/es/de roundup); sales that shrink since a
 * designation (en company news); product-safety bans of items with carcinogens (ko/en/zh); a third country's
 * official watching a measure's impact (ja 影響注視). Each row
 * failed before these rules, but the GUARDS (which held, and must still).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { expectFields, expectReads, item } from './helpers.js';

// [language, title, summary, expected]
const READS: Array<[string, string, string, { stage?: Stage; measure?: Measure; countries?: string[]; vendors?: string[] }]> = [
  // ordered to cease or close operations, no possessive
  ['es', 'Perú ordena a Temu cerrar operaciones en el país', 'El Ministerio de Producción citó riesgos para los datos de los usuarios.', { countries: ['PE'] }],
  // "Empresa China" in a title-case headline is the company's origin
  ['es', 'Australia Ordena a la Compañía China de Drones que Cese Operaciones', 'El gobierno australiano ordenó a DJI cerrar operaciones en el país.', { countries: ['AU'] }],
  // a court or judge blocking a ban: lifted
  ['pt', 'Justiça americana barra banimento do TikTok em Montana', 'A juíza concedeu uma liminar a criadores de conteúdo.', { stage: 'lifted' }],
  ['pt', 'Juíza bloqueia proibição do TikTok em Montana', 'A decisão vale até o julgamento final.', { stage: 'lifted' }],
  // removed from a blacklist: lifted
  ['zh', '美国国防部将大疆从军方黑名单中删除', '法院文件显示双方已达成协议。', { stage: 'lifted' }],
  ['zh', '美国商务部将小米从实体清单中移除', '', { stage: 'lifted' }],
  // agencies backing a revocation: proposed
  ['en', 'Justice Department backs revoking China Unicom licence', 'The department asked the regulator to end the carrier’s authorisation.', { stage: 'proposed' }],
  ['en', 'Senate panel backs banning Kaspersky software from federal computers', 'The committee approved the provision in a voice vote.', { stage: 'proposed' }],
  // a prefecture or city barring a "Chinese AI" app from its own work
  ['ja', '中国生成AI「ディープシーク」 神奈川県の業務で利用停止', '知事が記者会見で明らかにした。', { countries: ['JP'], measure: 'device_ban' }],
  ['ja', '中国AIアプリを制限 横浜市業務で「ディープシーク」使えず', '市は職員に通知した。', { countries: ['JP'], measure: 'device_ban' }],
];

// [language, title, summary]: not a measure
const NOT_RELEVANT: Array<[string, string, string]> = [
  // the vendor asking a court to block a ban
  ['en', 'TikTok wants a judge to block the Montana ban before it takes effect', 'The company filed for a preliminary injunction on Monday.'],
  // the vendor's own exit
  ['ru', '«Лаборатория Касперского» уйдёт из США после запрета продаж', 'Компания сократит сотрудников местного офиса.'],
  ['ru', 'Huawei прекратит деятельность в Литве из-за запрета', 'Решение принято из-за падения продаж.'],
  // lawmakers explaining why an earlier restriction exists (commentary, no new step)
  ['ru', 'Депутат Госдумы объяснил причины замедления Telegram', 'Парламентарий рассказал о требованиях закона.'],
  ['ru', 'В Совете Федерации назвали причины блокировки Telegram', ''],
  // a warning or pressure addressed to allies: lobbying
  ['tr', "ABD'den Avrupa'ya Huawei uyarısı", 'Dışişleri Bakanı müttefiklere 5G konusunda seslendi.'],
  ['en', 'Pompeo warns European allies over Huawei', 'The secretary of state spoke in Munich.'],
  // a roundup of earlier bans in many countries
  ['id', 'TikTok dilarang di berbagai negara, bagaimana nasibnya di Indonesia?', 'Pemerintah belum mengambil sikap.'],
  ['en', 'TikTok, blocked in a growing number of countries, faces new scrutiny', ''],
  ['es', 'TikTok, prohibido en varios países: ¿qué pasará en México?', ''],
  ['de', 'Huawei in vielen Ländern verbannt – Deutschland zögert noch', ''],
  // a third country's official watching a measure's impact
  ['ja', '官房長官「国内企業への影響注視」 米国のDJI制裁で', ''],
  // company news: sales after a designation
  ['en', 'Hikvision sales slump since Washington declared it a national security threat', ''],
  ['en', 'DJI sales decline since Pentagon labelled the drones a security risk', ''],
  // product safety: carcinogens in items sold on a platform
  ['ko', '테무·알리 어린이용품서 유해물질 검출…판매 차단', '서울시가 안전성 검사 결과를 발표했다.'],
  ['en', 'EU orders Temu to remove toys with carcinogenic chemicals', ''],
  ['zh', '韩国禁售Temu上致癌物超标的儿童用品', ''],
];

// These held before the r29 rules, and must still.
const GUARDS: Array<[string, string, string, { relevant: boolean; stage?: Stage; measure?: Measure; countries?: string[] }]> = [
  ['es', 'China prohíbe a sus empresas comprar chips de Nvidia', '', { relevant: true, countries: ['CN'] }],
  ['en', 'Judge blocks Montana TikTok ban', '', { relevant: true, stage: 'lifted' }],
  ['id', 'Kominfo blokir DeepSeek, menyusul sejumlah negara', '', { relevant: true, countries: ['ID'] }],
  ['id', 'DeepSeek diblokir di sejumlah negara, Komdigi masih mengkaji', '', { relevant: true, stage: 'proposed' }],
  ['zh', '财政部:苹果产品被从政府采购清单中剔除', '', { relevant: true }],
  ['zh', '电磁辐射超标 法国宣布暂停销售iPhone 12', '', { relevant: true }],
  ['ja', '三重県がディープシークの利用を禁止', '', { relevant: true, countries: ['JP'], measure: 'device_ban' }],
  ['tr', "ABD, Huawei'yi kara listeye aldı", '', { relevant: true }],
  ['id', 'AS masukkan ZTE ke daftar hitam', '', { relevant: true }],
  ['ru', 'В Роскомнадзоре объяснили блокировку FaceTime', 'Роскомнадзор ограничил работу сервиса Apple на всей территории России.', { relevant: true }],
];

describe('r29 wording', () => {
  it.each(READS)('[%s] "%s" (%s) reads %j', (language, title, summary, expected) => expectReads(classify, language, title, summary, expected));
  it.each(NOT_RELEVANT)('[%s] "%s" is not a measure', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(false);
  });
  it.each(GUARDS)('[%s] "%s" (%s) still reads %j', (language, title, summary, expected) => expectFields(classify, language, title, summary, expected));
});
