/**
 * Wording seen in the r26 batch of published articles (zh/ru/ja/ko/ar/tr/th/id/uk/vi/hi/fa), written
 * here in other words: a ban revoked on a long list of apps or vendors ("撤销对…等…的禁令", lifted);
 * the District of Columbia named in Chinese (a US court, not Colombia); an official request or a
 * regulator's move towards a block (ar, proposed); a tariff war named as the backdrop of a restriction
 * (ko/ja/zh: context, not tariff news); a committee passing a bill that would allow a total ban (ko:
 * proposed, not the chamber's own device ban); a ban poised to start on a named day (th: announced); a
 * bill forcing the owner to sell the app (vi: a divestment); agencies barred from buying and using gear
 * (ru: procurement exclusion); a ban on employees at government offices (vi: device
 * ban) and on selling a product (vi: market ban, not an export control). Near-misses: an official
 * calling a report of a block nonsense (ru/uk denial), lawmakers proposing a moratorium on blocking
 * (ru/uk), the vendor's statement ("В Huawei заявили", "Bos Huawei sebut"), a carrier's own choice of
 * suppliers (ja). Each row failed before these rules, but the GUARDS (which held, and must still).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { expectReads, item } from './helpers.js';

// [language, title, summary, stage]
const STAGES: Array<[string, string, string, Stage]> = [
  // a ban revoked whatever the length of the list it named
  ['zh', '美国商务部撤销对华为、中兴等多家中国电信设备商的禁令', '商务部发言人周五在声明中宣布了这一决定。', 'lifted'],
  ['zh', '印度撤销对TikTok、WeChat等中国应用的禁令', '电子和信息技术部当天发布了通知。', 'lifted'],
  // an official request, or a regulator moving towards a block: proposed
  ['ar', 'طلب رسمي من هيئة الاتصالات لحجب تطبيق تيليغرام في العراق', 'وقالت الهيئة إن القرار النهائي يعود إلى مجلس الوزراء.', 'proposed'],
  ['ar', 'الحكومة الأردنية تتجه نحو حظر تطبيق تيك توك', 'ونقلت وسائل إعلام محلية عن مسؤولين أن النقاش ما زال جاريا.', 'proposed'],
  // a committee passing a bill that would allow a total ban
  ['ko', '美 하원 외교위, 틱톡 사용 전면금지 가능 법안 가결', '외교위원회 표결 결과 찬성 24표, 반대 16표였다.', 'proposed'],
  // a ban poised or being readied to start on a named day: announced, not yet in force
  ['th', 'อินเดียจ่อแบน TikTok ตั้งแต่สัปดาห์หน้า', 'รัฐบาลอินเดียเตรียมสั่งแบนแอปดังกล่าวทั่วประเทศ', 'announced'],
];

// [language, title, summary, measure]
const MEASURES: Array<[string, string, string, Measure]> = [
  // employees at government offices: a device ban
  ['vi', 'Nga cấm nhân viên dùng iPhone tại văn phòng chính phủ', 'Lệnh cấm có hiệu lực từ tháng sau.', 'device_ban'],
  // selling a product in the country: a market ban, even when the Commerce Department announces it
  ['vi', 'Bộ Thương mại Mỹ cấm bán phần mềm chống virus của Kaspersky', 'Lệnh cấm sẽ có hiệu lực từ tháng 9.', 'market_ban'],
  // a bill forcing the owner to sell the app: a divestment (another restriction)
  ['vi', 'Thượng viện Mỹ thông qua dự luật buộc ByteDance phải bán TikTok', 'Tổng thống dự kiến sẽ ký ban hành trong tuần này.', 'other_restriction'],
  // agencies barred from buying and using a vendor's gear: a procurement exclusion, however much telecom equipment is named
  ['ru', 'В США вступил в силу запрет на использование госучреждениями устройств ZTE и Huawei', 'Запрет на закупку и использование федеральными ведомствами телекоммуникационного оборудования этих компаний начал действовать во вторник.', 'procurement_exclusion'],
];

// [language, title, summary, countries]
const COUNTRIES: Array<[string, string, string, string[]]> = [
  ['zh', '美国哥伦比亚特区联邦法官叫停商务部对微信的禁令', '法官认为政府的命令可能侵犯用户权利。', ['US']],
];

// [language, title, summary]: a restriction whose headline names a tariff war as the backdrop
const TARIFF_WAR_BACKDROP: Array<[string, string, string]> = [
  ['ko', '미중 관세 갈등 속 美, 화웨이에 반도체 수출 추가 제한', '미국 상무부는 화웨이에 대한 반도체 수출 허가를 추가로 취소했다.'],
  ['ja', '米中関税戦争の中、米国がエヌビディアのAI半導体の対中輸出を制限', '米商務省は新たな輸出許可の取得を義務づけた。'],
  ['zh', '关税战背景下 美国限制英伟达芯片对华出口', '美国商务部要求企业出口相关芯片须申请许可证。'],
];

// [language, title, summary]: near-misses, not relevant
const NOT_RELEVANT: Array<[string, string, string]> = [
  // an official calling a report of a block nonsense: a denial
  ['ru', 'Песков назвал вбросом сообщения о блокировке Telegram в России', 'В Кремле заявили, что таких планов нет.'],
  ['uk', 'У Мінцифри назвали фейком повідомлення про блокування Telegram в Україні', 'Відомство закликало не поширювати неперевірену інформацію.'],
  // lawmakers proposing a moratorium on blocking
  ['ru', 'Сенаторы предлагают мораторий на блокировку Telegram', 'Законопроект могут внести в Госдуму осенью.'],
  ['uk', 'Депутати пропонують мораторій на блокування Telegram', 'Законопроєкт зареєстрували у Верховній Раді.'],
  // the vendor's statement
  ['uk', 'У Huawei заявили, що санкції США не зупинять розвиток компанії', 'Компанія продовжить інвестувати в дослідження.'],
  ['ru', 'В Huawei заявили, что санкции США не остановят компанию', 'Компания продолжит инвестировать в исследования.'],
  ['id', 'Bos Huawei Sebut Sanksi AS Tak Ganggu Bisnis Perusahaan', 'Perusahaan tetap optimistis dengan penjualan tahun ini.'],
  // a carrier's own choice of suppliers
  ['ja', '携帯大手3社、ファーウェイ製品を通信設備から排除へ', ''],
];

// These held before the r26 rules, and must still.
const GUARDS: Array<[string, string, string, { stage?: Stage; measure?: Measure }]> = [
  ['ja', '政府、携帯大手にファーウェイ排除を要請', '', { measure: 'network_exclusion' }],
  ['ko', '美 하원, 틱톡 사용 전면금지', '', { measure: 'device_ban', stage: 'in_force' }],
  ['vi', 'Mỹ cấm bán chip cho Huawei', '', { measure: 'export_control' }],
  ['ru', 'Роскомнадзор заблокировал Telegram', '', { stage: 'in_force' }],
  ['ar', 'العراق يحجب تطبيق تيك توك', 'قررت هيئة الاتصالات حجب التطبيق.', { stage: 'announced' }],
];

describe('r26 wording', () => {
  it.each(STAGES)('[%s] "%s" is %s', (language, title, summary, stage) => expectReads(classify, language, title, summary, { stage }));
  it.each(MEASURES)('[%s] "%s" is a %s', (language, title, summary, measure) => expectReads(classify, language, title, summary, { measure }));
  it.each(COUNTRIES)('[%s] "%s" is by %j', (language, title, summary, countries) => expectReads(classify, language, title, summary, { countries }));
  it.each(TARIFF_WAR_BACKDROP)('[%s] "%s" reports a restriction', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(true);
  });
  it.each(NOT_RELEVANT)('[%s] "%s" is not a measure', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(false);
  });
  it.each(GUARDS)('[%s] "%s" still reads %j', (language, title, summary, expected) => expectReads(classify, language, title, summary, expected));
});
