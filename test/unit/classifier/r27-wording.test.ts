/**
 * Wording seen in the r27 batch of published articles (pt/es/it/ar/mk/pl/en), written here in other words:
 * a ban on a list of apps "citing concerns about its national security" or "over users' data" (the
 * concern is the measure's cause, not a reaction to it, whatever the possessive or preposition between);
 * a ban on government smartphones or electronic devices (ar: device ban, the adjective between device
 * and government no longer hides the scope); government agencies or public institutions barred from
 * an app (mk: device ban); an advisory council recommending that officials drop an app, "only a
 * recommendation so far" (pl: proposed); a ban that "stays", the government "not dropping" it (en:
 * in force, not lifted). Each row failed before these rules, but the GUARDS (which held, and must
 * still).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { expectReads, item } from './helpers.js';

// [language, title, summary]: a ban whose stated cause is a security or privacy concern
const CONCERN_AS_CAUSE: Array<[string, string, string]> = [
  ['pt', 'Vietnã proíbe 12 aplicativos chineses, entre eles WeChat e TikTok', 'O Vietnã proibiu nesta terça-feira 12 aplicativos chineses, entre eles WeChat e TikTok, alegando preocupações quanto à sua segurança nacional.'],
  ['pt', 'Indonésia bane 20 aplicativos chineses, entre eles o TikTok', 'A Indonésia baniu 20 aplicativos chineses, entre eles o TikTok, citando preocupações em relação aos dados dos usuários.'],
  ['es', 'Pakistán prohíbe 30 aplicaciones chinas, entre ellas TikTok y WeChat', 'Pakistán prohibió este lunes 30 aplicaciones chinas, entre ellas TikTok y WeChat, citando preocupaciones sobre su seguridad nacional.'],
  ['it', 'Il Pakistan vieta 30 app cinesi, tra cui TikTok e WeChat', 'Il Pakistan ha vietato lunedì 30 app cinesi, tra cui TikTok e WeChat, citando preoccupazioni circa la sicurezza nazionale.'],
];

// [language, title, summary, measure]
const MEASURES: Array<[string, string, string, Measure]> = [
  // government smartphones, official mobile devices: a device ban
  ['ar', 'الكويت تحظر تطبيق ديب سيك على الهواتف الذكية الحكومية', 'قررت الحكومة الكويتية حظر التطبيق على الهواتف الذكية الحكومية.', 'device_ban'],
  ['ar', 'نيوزيلندا تحظر تيك توك على الأجهزة المحمولة الرسمية للنواب', 'أعلن البرلمان أن الحظر يبدأ الشهر المقبل.', 'device_ban'],
  // government agencies, public institutions: a device ban
  ['mk', 'Австралија им забрани на владините агенции да користат TikTok', 'Одлуката стапи во сила веднаш.', 'device_ban'],
  ['mk', 'Косово забрани TikTok во јавните институции', 'Забраната е веќе во сила.', 'device_ban'],
];

// [language, title, summary, stage]: an advisory body's recommendation, the government yet to decide (pl);
// a ban that stays (en)
const STAGES: Array<[string, string, string, Stage]> = [
  ['pl', 'Rada zaleca wycofanie TikToka z telefonów urzędników', 'Ostateczną decyzję podejmie rząd.', 'proposed'],
  // a ban that stays, a government not dropping it: still in force, not lifted
  ['en', "Britain's Huawei ban stays, minister says", 'The government said it had reviewed the decision and was not dropping the ban on Huawei 5G equipment.', 'in_force'],
  ['pl', 'Zakaz TikToka na służbowych telefonach? Na razie jedynie rekomendacja', 'Rada ds. Cyfryzacji przyjęła stanowisko w sprawie aplikacji TikTok na urządzeniach urzędników.', 'proposed'],
];

// [language, title, summary]: concern as a reaction to a measure, not relevant before or after
const NOT_RELEVANT: Array<[string, string, string]> = [
  ['pt', 'China manifesta preocupação com a decisão da Índia de banir o TikTok', 'O Ministério das Relações Exteriores chinês disse estar seriamente preocupado.'],
  ['es', 'China expresa su preocupación por la decisión de India de prohibir TikTok', 'El portavoz chino pidió a Nueva Delhi corregir su error.'],
  ['it', 'La Cina esprime preoccupazione per il divieto indiano su TikTok', 'Il portavoce ha chiesto a Nuova Delhi di correggere la decisione.'],
];

// These held before the r27 rules, and must still.
const GUARDS: Array<[string, string, string, { stage?: Stage; measure?: Measure }]> = [
  ['pt', 'Índia proíbe aplicativos chineses citando preocupações com a segurança', 'A Índia proibiu nesta segunda-feira 59 aplicativos chineses, incluindo TikTok e WeChat.', { measure: 'market_ban', stage: 'in_force' }],
  ['ar', 'أستراليا تحظر تيك توك على الأجهزة الحكومية', '', { measure: 'device_ban' }],
  ['mk', 'Македонија забрани TikTok на службените телефони', '', { measure: 'device_ban' }],
  ['en', "Judge stays Montana's TikTok ban", 'A federal judge blocked the state ban before it took effect.', { stage: 'lifted' }],
  ['pl', 'Rząd zakazał TikToka na telefonach urzędników', 'Zakaz obowiązuje od poniedziałku.', { measure: 'device_ban', stage: 'in_force' }],
];

describe('r27 wording', () => {
  it.each(CONCERN_AS_CAUSE)('[%s] "%s" reports a restriction', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(true);
  });
  it.each(MEASURES)('[%s] "%s" (%s) is a %s', (language, title, summary, measure) => expectReads(classify, language, title, summary, { measure }));
  it.each(STAGES)('[%s] "%s" (%s) is %s', (language, title, summary, stage) => expectReads(classify, language, title, summary, { stage }));
  it.each(NOT_RELEVANT)('[%s] "%s" is not a measure', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(false);
  });
  it.each(GUARDS)('[%s] "%s" (%s) still reads %j', (language, title, summary, expected) => expectReads(classify, language, title, summary, expected));
});
