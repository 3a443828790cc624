/**
 * Wording seen in the r24 batch of published articles (zh/ja/ko/ru/ar/tr/vi/id/hi), written here in
 * other words: a vendor winning its court case or taken off a blacklist, an embargo (금수) lifted, a
 * divest-or-ban deadline extended (lifted); the US list of
 * "Communist Chinese military companies", investors barred, the US Treasury (sanctions); the defence
 * list of Chinese military companies alone (another restriction); a ban that "takes effect today" or
 * that a government "begins" to enforce (in force); a government allowing a vendor into its 5G build
 * or not wishing to exclude it (rejected); an agency that blocks an app on its own network, and
 * government-owned devices (device ban); a headline that reports a measure and then asks about its
 * impact after a comma, or asks why it was taken (a report, not a question about the measure); an
 * official told not to use an app (hi); a vendor named as the one that came before ("화웨이 이어",
 * "继华为之后"). Each row failed before these rules, but ASKED_ONLY's (guards).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { expectReads, item } from './helpers.js';

// [language, title, summary, stage]
const STAGES: Array<[string, string, string, Stage]> = [
  // the vendor wins its case against the measure, or is taken off the list: lifted
  ['id', 'ByteDance menang gugatan atas larangan TikTok di AS', 'Hakim federal menilai perintah pemerintah melampaui wewenang.', 'lifted'],
  ['tr', 'TikTok, ABD yasağına karşı açtığı davayı kazandı', 'Federal yargıç, kararın uygulanmasını durdurdu.', 'lifted'],
  ['ru', 'Xiaomi выиграла суд у Пентагона', 'Федеральный судья встал на сторону компании.', 'lifted'],
  ['hi', 'Xiaomi ने अमेरिकी रक्षा विभाग के खिलाफ मुकदमा जीता', 'संघीय जज ने कंपनी के पक्ष में फैसला सुनाया।', 'lifted'],
  ['id', 'Xiaomi dikeluarkan dari daftar hitam Departemen Pertahanan AS', 'Langkah itu tercantum dalam dokumen pengadilan.', 'lifted'],
  ['tr', 'ABD, Xiaomi’yi kara listeden çıkardı', 'Karar mahkemeye sunulan belgelerde yer aldı.', 'lifted'],
  ['ru', 'США исключили Xiaomi из чёрного списка Пентагона', 'Об этом говорится в судебных документах.', 'lifted'],
  ['ru', 'Минобороны США исключило DJI из списка китайских военных компаний', 'Решение принято после иска компании.', 'lifted'],
  ['id', 'AS cabut Xiaomi dari daftar perusahaan militer komunis China', 'Investor AS kini boleh kembali membeli saham perusahaan itu.', 'lifted'],
  // an embargo (금수) lifted, even on a new product; a divest-or-ban deadline extended
  ['ko', '러시아, 신형 아이폰 금수 조치 풀었다', '러시아 정부가 애플 신형 아이폰 수입에 대한 금수 조치를 해제하기로 했다.', 'lifted'],
  ['ko', '인도네시아, 아이폰16 금수 해제…신제품 판매 시작', '인도네시아 산업부가 애플 아이폰16에 대한 금수를 풀었다.', 'lifted'],
  ['ko', '美, 위챗 금지 시한 두 달 연장', '미국 상무부는 위챗 금지 조치의 시행 시한을 11월로 미뤘다.', 'lifted'],
  ['ko', '바이든, 틱톡 매각 기한 90일 연장', '미 행정부가 틱톡 미국 사업권 매각 기한을 90일 더 유예했다.', 'lifted'],
  // takes effect today / begins to block: in force, whatever the lead says of later steps
  ['zh', '澳洲政府設備禁用TikTok今起生效', '內政部長表示，所有聯邦機構的相關規定將於下月全面實施。', 'in_force'],
  ['zh', '印度禁用TikTok今日生效', '电子和信息技术部称，禁令的其余条款将于下月起实施。', 'in_force'],
  ['id', 'Nepal mulai memblokir aplikasi TikTok', 'Regulator akan memblokir aplikasi lain secara menyeluruh jika tidak mendaftar.', 'in_force'],
  // a government allowing the vendor in, or not wishing to exclude it: rejected
  ['zh', '巴西将允中兴参与5G网络建设', '通信部长周二在国会作出上述表示。', 'rejected'],
  ['zh', '奥地利政府不打算彻底排除中兴', '内政部表示将加强对所有供应商的审查。', 'rejected'],
];

// [language, title, summary, measure]
const MEASURES: Array<[string, string, string, Measure]> = [
  // the list of Chinese military companies bars investment: a sanction
  ['id', 'Pentagon masukkan Xiaomi ke daftar perusahaan militer China', 'Investor AS dilarang membeli saham perusahaan itu.', 'sanctions'],
  ['tr', 'ABD, Xiaomi’yi Çin ordusuyla bağlantılı şirketler listesine ekledi', 'ABD’li yatırımcıların şirketin hisselerini alması yasaklanacak.', 'sanctions'],
  ['ru', 'Пентагон внёс Xiaomi в список китайских военных компаний', 'Американским инвесторам запретят покупать акции компании.', 'sanctions'],
  ['ar', 'البنتاغون يدرج Xiaomi على قائمة الشركات العسكرية الصينية', 'وسيُمنع المستثمرون الأمريكيون من شراء أسهم الشركة.', 'sanctions'],
  // the US Treasury sanctions (it bars investment), it does not control exports
  ['ko', '미 재무부, 하이크비전 등 中 8개 기업 제재', '미국 재무부가 하이크비전을 투자 블랙리스트에 올렸다.', 'sanctions'],
  ['ja', '米財務省、DJIを制裁対象に追加', '米財務省は監視技術を理由に中国の8社を制裁リストに加えた。', 'sanctions'],
  // the defence list of Chinese military companies alone (section 1260H) is a designation: another restriction
  ['ru', 'Пентагон включил Tencent и CATL в список китайских военных компаний', 'Министерство обороны США обновило перечень компаний, связанных с армией Китая.', 'other_restriction'],
  // government-owned devices
  ['ko', '호주, 정부 소유 기기서 틱톡 금지', '호주 법무부는 모든 연방 정부 소유 기기에서 틱톡 사용을 금지한다고 밝혔다.', 'device_ban'],
  // an agency that regulates no market blocking an app blocks it on its own network
  ['ko', '감사원도 딥시크 접속 차단', '감사원은 7일 딥시크 도메인 접근을 차단했다고 밝혔다.', 'device_ban'],
  ['ko', '국정원·대검 "딥시크 접속 차단"', '두 기관은 보안 우려가 해소될 때까지 접속을 막기로 했다.', 'device_ban'],
  // "do not use" / "stop using" an app, told to officials
  ['hi', 'रक्षा मंत्रालय ने कर्मचारियों से कहा: DeepSeek का इस्तेमाल न करें', 'मंत्रालय ने सभी अधिकारियों को सरकारी उपकरणों पर ऐप हटाने का निर्देश दिया।', 'device_ban'],
  ['hi', 'सरकारी दफ्तरों में TikTok का उपयोग बंद करने का आदेश', 'राज्य सरकार ने सभी विभागों को निर्देश जारी किया।', 'device_ban'],
];

// [language, title, summary]: a measure reported before a comma, then a question about its impact
const REPORTED_THEN_ASKED: Array<[string, string, string]> = [
  ['id', 'Vietnam blokir Telegram, apa dampaknya bagi pengguna?', 'Kementerian meminta operator memutus akses ke aplikasi itu.'],
  ['ko', '베트남 텔레그램 접속 차단, 국내 이용자 영향은?', '베트남 정보통신부가 통신사들에 텔레그램 접속 차단을 지시했다.'],
  ['en', 'Vietnam blocks Telegram, what does it mean for users?', 'The ministry ordered carriers to cut access to the app.'],
  ['ru', 'Вьетнам заблокировал Telegram, что это значит для пользователей?', 'Министерство поручило операторам закрыть доступ к приложению.'],
  // a why-question presupposes the measure (as en "why", ko "왜")
  ['hi', 'नेपाल ने TikTok पर लगाया प्रतिबंध, सरकार ने क्यों उठाया यह कदम?', 'नेपाल सरकार ने सामाजिक सद्भाव बिगाड़ने का हवाला देते हुए टिकटॉक पर प्रतिबंध लगा दिया है।'],
];
// a question about whether the measure happened stays a question (these held before, and must still)
const ASKED_ONLY: Array<[string, string, string]> = [
  ['en', 'Will Vietnam block Telegram, and what next?', 'Analysts say a block remains unlikely this year.'],
  ['id', 'Apakah Vietnam blokir Telegram, dan apa dampaknya?', 'Belum ada keputusan resmi dari kementerian.'],
];

// [language, title, summary, vendors]: the vendor an earlier measure hit, named as the one before
const VENDORS: Array<[string, string, string, string[]]> = [
  ['ko', '美, 샤오미 이어 DJI도 제재', '미국 재무부가 DJI를 투자 금지 명단에 올렸다.', ['DJI']],
  ['ja', '米、ファーウェイに続きDJIにも制裁', '米財務省はDJIを投資禁止リストに加えた。', ['DJI']],
  ['ko', '美, 화웨이 제재에 이어 ZTE도 거래 금지', '미 상무부는 ZTE를 거래제한 명단에 올렸다.', ['ZTE']],
  ['zh', '继华为之后 美国再将中兴列入实体清单', '美国商务部周一宣布将中兴通讯列入实体清单。', ['ZTE']],
];

describe('r24 wording', () => {
  it.each(STAGES)('[%s] "%s" is %s', (language, title, summary, stage) => expectReads(classify, language, title, summary, { stage }));
  it.each(MEASURES)('[%s] "%s" is a %s', (language, title, summary, measure) => expectReads(classify, language, title, summary, { measure }));
  it.each(REPORTED_THEN_ASKED)('[%s] "%s" reports the measure', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(true);
  });
  it.each(ASKED_ONLY)('[%s] "%s" stays a question', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(false);
  });
  it.each(VENDORS)('[%s] "%s" targets %j', (language, title, summary, vendors) => expectReads(classify, language, title, summary, { vendors }));
});
