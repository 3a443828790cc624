/**
 * Blind recall (miss4, issue #8): causes of relevant articles read as not relevant that recurred in
 * three or more of the last collections' tune parts before anyone tuned on them (docs/accuracy.md,
 * "blind-error archaeology"), written here in other words and other languages than the fixtures:
 * - a state that stops or renounces buying a vendor's products, in any tense or person ("kauft keine …
 *   mehr", "n'achètera plus", "dejará de comprar", "nie kupi już", "不再采购", "調達を取りやめ"), or
 *   whose network a vendor's gear "won't be part of";
 * - an official body naming a vendor's products a (national-)security threat or malicious (fr, es, it,
 *   ja, ru, en);
 * - a court rejecting a vendor's suit in other word orders (de "weist … Klage … ab", ru) and a vendor
 *   winning a ruling (en, es);
 * - a report followed by a question about it in the same headline (es "¿", a comma and an
 *   interrogative, a short Korean tail, a Chinese clause after a Latin word): the report is not asked;
 * - an order or a deadline to sell or divest in any word order (de, fr, es, it, pt, ru, zh, ja, ko);
 * - a state taking measures or action against a named vendor, the measure unnamed (en, de, fr, es, it,
 *   pt, ru, tr, zh, ko) — not measures against a ban or sanctions, nor a firm's own.
 * Each RELEVANT row failed on the rules before (main 53fbd04); the GUARDS held and must still.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { expectReads, item } from './helpers.js';

// [language, title, summary, expected]
const RELEVANT: Array<[string, string, string, { measure?: Measure; stage?: Stage }]> = [
  // no longer buying, not taking part
  ['de', 'Bundesregierung kauft keine Huawei-Router mehr', '', { measure: 'procurement_exclusion' }],
  ['fr', "L'État n'achètera plus d'ordinateurs Lenovo", '', { measure: 'procurement_exclusion' }],
  ['es', 'El Gobierno dejará de comprar cámaras Hikvision', '', { measure: 'procurement_exclusion' }],
  ['it', 'Il ministero non acquisterà più telecamere Hikvision', '', { measure: 'procurement_exclusion' }],
  ['pt', 'Governo deixa de comprar câmeras da Hikvision', '', { measure: 'procurement_exclusion' }],
  ['pl', 'Rząd nie kupi już kamer Hikvision', '', { measure: 'procurement_exclusion' }],
  ['zh', '政府不再采购联想电脑', '', { measure: 'procurement_exclusion' }],
  ['zh', '政府采购清单剔除苹果产品', '', { measure: 'procurement_exclusion' }],
  ['ja', '政府、レノボ製パソコンの調達を取りやめ', '', { measure: 'procurement_exclusion' }],
  ['en', "Huawei gear will not be part of Canada's 5G network, says minister", '', { measure: 'network_exclusion' }],
  // an official body naming a vendor a threat, or malicious
  ['fr', 'Le ministère qualifie TikTok de menace pour la sécurité nationale', '', {}],
  ['es', 'El Gobierno declara a Huawei una amenaza para la seguridad nacional', '', {}],
  ['it', 'Il ministero definisce DeepSeek un rischio per la sicurezza nazionale', '', {}],
  ['ja', '政府、ファーウェイ製品を安全保障上の脅威と認定', '', {}],
  ['ru', 'Правительство Эстонии объявило программы Kaspersky вредоносными', '', {}],
  ['en', 'Lithuanian ministry brands Xiaomi phone software as malicious', '', {}],
  // courts
  ['de', 'Gericht weist Klage von Huawei gegen 5G-Ausschluss ab', '', { stage: 'in_force' }],
  ['ru', 'Суд отклонил иск Kaspersky против запрета в США', '', { stage: 'in_force' }],
  ['en', 'Xiaomi wins court ruling against Pentagon blacklisting', '', { stage: 'lifted' }],
  ['es', 'DJI gana la demanda y sale de la lista del Pentágono', '', { stage: 'lifted' }],
  // a report, then a question about it
  ['es', 'Argentina prohíbe TikTok en los teléfonos oficiales, ¿qué pasará con los usuarios?', '', {}],
  ['zh', '日本政府禁用TikTok 中国会反击吗?', '', {}],
  ['zh', '加拿大禁止公务员使用WeChat 华人社区受影响吗?', '', {}],
  ['ko', '캐나다, 공무원 위챗 사용 금지, 국내 영향은?', '', {}],
  // sell or be banned: orders and deadlines
  ['de', 'Trump zwingt Bytedance zum Verkauf von TikTok', '', {}],
  ['fr', 'Trump donne 90 jours à ByteDance pour céder TikTok', '', {}],
  ['es', 'Trump da 90 días a ByteDance para vender TikTok en EE.UU.', '', {}],
  ['it', 'Trump concede 90 giorni a ByteDance per vendere TikTok', '', {}],
  ['pt', 'Trump dá 90 dias para ByteDance vender o TikTok', '', {}],
  ['ru', 'Трамп дал ByteDance 90 дней на продажу TikTok', '', {}],
  ['zh', '特朗普给字节跳动90天出售TikTok美国业务', '', {}],
  ['ja', 'トランプ氏、バイトダンスにTikTok米事業の90日以内の売却を命令', '', {}],
  ['ko', '트럼프, 바이트댄스에 90일 내 틱톡 매각 명령', '', {}],
  // measures against a vendor, unnamed
  ['en', 'India takes action against Chinese apps including TikTok', '', {}],
  ['de', 'Trump will gegen Tiktok vorgehen', '', {}],
  ['ru', 'Трамп ввел меры против TikTok', '', {}],
  ['fr', 'La France prend des mesures contre Huawei', '', {}],
  ['es', 'El Gobierno toma medidas contra TikTok', '', {}],
  ['it', 'Il governo adotta misure contro Huawei', '', {}],
  ['pt', 'Governo adota medidas contra o TikTok', '', {}],
  ['tr', "Hükümet TikTok'a karşı önlem aldı", '', {}],
  ['zh', '美国对华为采取措施', '', {}],
  ['ko', '미국, 화웨이 옥죄기 나서', '', {}],
];

// Questions from their first word, and non-state speakers: not relevant before or after.
const NOT_RELEVANT: Array<[string, string, string]> = [
  ['en', 'Will the US ban TikTok, and what happens next?', ''],
  ['en', 'Should Germany ban Huawei, or is it too late?', ''],
  ['zh', '美国会禁止 TikTok 吗?', ''],
  ['es', '¿Prohibirá España a Huawei en el 5G?', ''],
  ['ko', '미국, 틱톡 금지할까?', ''],
  ['fr', 'Faut-il interdire TikTok, comme aux États-Unis ?', ''],
  ['en', 'Senator says TikTok is a threat to national security', ''],
  ['de', 'Experte: Huawei ist ein Sicherheitsrisiko', ''],
  ['en', 'Samsung steps up fight against Huawei in 5G market', ''],
  ['en', 'China vows measures against US over Huawei ban', ''],
  ['zh', '中国将对美方打压华为采取必要措施', ''],
  ['fr', 'Huawei prend des mesures contre la contrefaçon', ''],
  ['es', 'TikTok toma medidas contra la desinformación', ''],
  ['en', "ByteDance considers selling TikTok's US business", ''],
  ['ko', '바이트댄스, 틱톡 미국 사업 매각 검토', ''],
];

describe('miss4: blind recall causes', () => {
  it.each(RELEVANT)('[%s] "%s" (%s) reports a measure %j', (language, title, summary, expected) => {
    expect(classify(item(language, title, summary)).relevant).toBe(true);
    expectReads(classify, language, title, summary, expected);
  });
  it.each(NOT_RELEVANT)('[%s] "%s" is not a measure', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(false);
  });
});
