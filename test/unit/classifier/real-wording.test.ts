/**
 * Wording that published articles use for measures and that the written fixtures lacked: lists a
 * vendor is added to, laws named after a vendor, a vendor losing in court, suspended bans, resumed
 * downloads, headlines that report and then ask, why-questions, English text quoting CJK names.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { item } from './helpers.js';

// [language, title, summary, stage]
const MEASURES: Array<[string, string, string, Stage]> = [
  // a state cutting access to a platform or social networks (fr 'couper') blocks it
  ['fr', 'Le Sénégal coupe l’accès à TikTok', 'Les autorités ont coupé l’accès à l’application dans tout le pays.', 'in_force'],
  // internet providers blocking access to a platform in a country carry out a state order
  ['es', 'Proveedores empiezan a bloquear el acceso a Telegram en Bolivia', 'Varios proveedores de internet en Bolivia empezaron a bloquear el acceso a Telegram. Tanto la aplicación como la web de Telegram han sido afectadas, según la compañía de internet.', 'in_force'],
  ['en', 'Pentagon adds Xiaomi to list of Chinese military companies', 'US investors will have to divest their holdings.', 'in_force'],
  ['en', 'US may add Hikvision to trade blacklist', 'The administration is weighing the move, people familiar said.', 'proposed'],
  ['en', 'President signs TikTok bill into law', 'The law gives ByteDance nine months to sell the app.', 'in_force'],
  // LABELS.md: an issued rule is in force even when its restriction starts later (issue 8's example)
  ['en', 'US to ban sales of Kaspersky software over Russia ties', 'The Commerce Department issued a final determination on Thursday that will ban sales of Kaspersky antivirus software in the United States from July 20.', 'in_force'],
  ['en', 'FCC adopts rules banning approvals of new Huawei and ZTE gear', 'The rules take effect in 30 days.', 'in_force'],
  ['en', 'US will issue a final rule to ban Kaspersky sales', 'The Commerce Department is expected to issue a final determination next week.', 'announced'],
  ['en', 'Huawei loses court challenge against Swedish 5G ban', 'The administrative court upheld the regulator\'s conditions.', 'in_force'],
  ['en', 'Agency declines operator\'s proposal to use Huawei equipment', 'The security bureau said the proposal raised significant risks.', 'in_force'],
  ['es', 'Huawei sufre una nueva derrota legal contra el veto al 5G en Costa Rica', 'El tribunal rechazó el recurso de la empresa.', 'in_force'],
  ['de', 'Huawei scheitert mit Klage gegen 5G-Ausschluss in Schweden', 'Das Gericht wies die Klage ab.', 'in_force'],
  ['zh', '美国国防部禁令遭暂时中止', '联邦法官发出初步禁制令，禁止国防部将小米列入清单。', 'lifted'],
  ['zh', '美国将腾讯等中国企业纳入军事企业清单', '清单由美国国防部公布。', 'in_force'],
  ['ja', '韓国、DeepSeekアプリのダウンロードを再開', '個人情報保護委員会が2月に停止していた。', 'lifted'],
  ['ko', '미국 연방대법원, 틱톡금지법 유지', '대법원은 법률에 문제가 없다고 판단했다.', 'in_force'],
  ['it', 'Le istituzioni Ue bandiscono TikTok. E l\'Italia?', 'Il Parlamento europeo ha deciso di vietare l\'app sui telefoni di servizio.', 'announced'],
  ['ko', '대만 정부가 부처에 딥시크 이용 금지한 이유는?', '대만 행정원은 모든 기관에 딥시크 사용을 금지했다.', 'in_force'],
  ['en', 'All agencies prohibited from using DeepSeek (深度求索): premier', 'Government agencies are prohibited from using DeepSeek (深度求索), Premier Cho Jung-tai (卓榮泰) said.', 'in_force'],
];

// Stage wording of published articles: the headline's act against weaker lead words, executives
// approving laws, one chamber voting, partial admission with limits, legal notices, lists, courts.
const STAGES: Array<[string, string, string, Stage]> = [
  ['en', 'President approves legislation banning Kaspersky from government systems', 'The defence bill bars agencies from using the software.', 'in_force'],
  ['en', 'US House votes to ban TikTok', 'The Senate has yet to take up the bill.', 'proposed'],
  ['en', 'UK allows Huawei a limited role in 5G networks', 'Huawei will be excluded from core parts and capped at 35 percent.', 'announced'],
  ['en', 'UK government hands legal notices to operators to remove Huawei kit', 'Operators are now legally obligated to remove the equipment.', 'in_force'],
  ['en', 'US removes Xiaomi from military company list', 'The Pentagon said it would not appeal the ruling.', 'lifted'],
  ['es', 'Xiaomi sale de la lista negra de Estados Unidos', 'El Pentágono retiró a la empresa de la lista.', 'lifted'],
  ['ko', '연방법원, 위챗 금지 행정명령에 제동', '판사는 금지 명령의 효력을 정지했다.', 'lifted'],
  ['zh', '美国联邦法院驳回暂停TikTok禁令的请求', '禁令将如期生效。', 'in_force'],
  ['zh', '蒙大拿州议会通过法案禁止TikTok', '法案还需州长签署。', 'proposed'],
  ['pt', 'Huawei não terá restrições para participar do leilão do 5G no Brasil', 'O governo decidiu não impor restrições à empresa chinesa.', 'rejected'],
  ['de', 'Kaspersky scheitert an Aufhebung der BSI-Warnung', 'Das Verwaltungsgericht wies den Eilantrag ab.', 'in_force'],
  ['en', 'Malaysia will use Huawei as much as possible, prime minister says', 'Malaysia would not ban Huawei despite US pressure.', 'rejected'],
  // An announcement alone says nothing about the stage; a simple future or "from Monday" does.
  ['zh', '欧盟委员会禁止员工使用TikTok', '欧盟委员会宣布禁止员工在公务手机上使用TikTok。', 'in_force'],
  ['ja', '米政府、ファーウェイ製機器の国内販売認可を禁止', '連邦通信委員会が新たな規則を採択したと発表した。', 'in_force'],
  ['fr', 'Le Royaume-Uni interdira TikTok sur les téléphones des ministres', 'L\'interdiction s\'appliquera à partir de lundi, a annoncé le ministre.', 'announced'],
  ['en', '\'Immediate\' TikTok ban on UK government mobile phones', 'Ministers announced the ban on Thursday.', 'in_force'],
  ['en', 'Nepal PM justifies TikTok ban as a measure to tackle social chaos', 'The decision to ban the app took effect last week.', 'in_force'],
  // A government allowing a vendor to take part in its 5G build decides not to exclude it (as en's
  // "allows … to take part"); re-entry after a ban (再参入を認め) is a lifting, not this (eval ja-94).
  ['zh', '政府允许华为参与5G网络建设', '通信部长周二在记者会上宣布了这一决定。', 'rejected'],
  ['ja', '政府、ファーウェイの5G参入を認める', '総務相が記者会見で明らかにした。', 'rejected'],
  ['ko', '정부, 화웨이 5G 참여 허용', '과학기술정보통신부 장관이 국회에서 밝혔다.', 'rejected'],
];

describe('classifier', () => {
  describe('classify: real-news stage wording', () => {
    it.each(STAGES)('[%s] reads "%s" (lead: "%s") as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });

    it.each([
      ['en', 'UK bans TikTok on government devices', 'The minister said on Thursday the government would ban the app on official phones.'],
      ['ja', '英国も政府端末でのTikTok使用を禁止', '英国政府は政府端末でTikTokを使用することを禁止する計画を発表した。'],
    ])('[%s] does not read the reported decision "%s" as a proposal', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(['announced', 'in_force']).toContain(c.stage);
    });
  });
});

describe('classifier', () => {
  describe('classify: real-news wording of measures', () => {
    it.each(MEASURES)('[%s] reads "%s" as a measure', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });

    it('still rejects a headline that only asks about a measure', () => {
      expect(classify(item('en', 'Will the US ban TikTok?', 'Lawmakers are debating a bill.')).relevant).toBe(false);
    });

    it('does not make the vendor of an earlier measure a target (此前已禁用抖音)', () => {
      const c = classify(item('zh', '加拿大禁止政府设备使用微信:此前已禁用抖音', '加拿大宣布禁止在政府发行的移动设备上使用微信。'));
      expect(c).toMatchObject({ relevant: true, vendors: ['WeChat'], countries: ['CA'] });
    });

    it('does not make the firms ordered to stop buying into targets', () => {
      const c = classify(item('en', 'China blocks Nvidia chips', 'The regulator ordered the country\'s biggest firms, including Alibaba, to stop purchasing Nvidia\'s GPUs.'));
      expect(c).toMatchObject({ relevant: true, vendors: ['Nvidia'] });
    });
  });
});

// Measure wording of published articles: whose devices (lawmakers, federal agencies, 官方装置), who is
// told to stop buying (companies: the market; the state: procurement), what US technology and
// military-company lists mean, 5G auctions, sales authorisations.
const MEASURE_CASES: Array<[string, string, string, Measure]> = [
  // a body's own fleet of drones, or its own drone use, stopped: a device ban, not a market ban
  ['en', 'Florida state police halt DJI drone operations pending a security review', 'The agency said its officers would not fly the Chinese-made aircraft until the review ends.', 'device_ban'],
  ['en', 'Canadian Coast Guard suspends a fleet of DJI drones', 'The agency said it had suspended a fleet of Chinese-made drones over security concerns.', 'device_ban'],
  ['fr', 'La gendarmerie suspend sa flotte de drones DJI', 'Le ministère de l’Intérieur a suspendu la flotte de drones chinois pour des raisons de sécurité.', 'device_ban'],
  ['en', 'New Zealand bans TikTok from lawmakers\' phones', 'Parliamentary staff must also remove the app.', 'device_ban'],
  ['zh', '美国禁止联邦机构使用卡巴斯基软件', '国土安全部命令各机构在90天内删除该软件。', 'device_ban'],
  ['zh', '欧盟执委会禁止在官方装置上使用TikTok', '员工须在3月15日前删除应用程序。', 'device_ban'],
  ['ko', '호주, 정부 시스템·장치에 딥시크 사용 전면 금지', '안보 위험을 이유로 들었다.', 'device_ban'],
  ['en', 'China tells technology companies to stop buying Nvidia\'s AI chips', 'The cyberspace regulator instructed firms to halt orders.', 'market_ban'],
  ['ja', '中国政府、国内企業にNVIDIA製品の購入停止を命令', '国家インターネット情報弁公室が通達した。', 'market_ban'],
  ['en', 'US lifts ban on suppliers selling to ZTE', 'American firms may again sell components to the company.', 'export_control'],
  ['zh', '美商务部禁令:中兴七年内将无法使用美国技术', '美国企业被禁止向中兴出售零部件。', 'export_control'],
  ['en', 'US removes Xiaomi from Chinese military companies list', 'The investment ban on the company no longer applies.', 'sanctions'],
  ['es', 'Suecia prohíbe a Huawei participar en la subasta del 5G', 'El regulador impuso condiciones a los operadores.', 'network_exclusion'],
  ['ja', '米、ファーウェイ・ZTE製機器の販売禁止', '連邦通信委員会が新たな機器の認可を禁じた。', 'market_ban'],
  ['en', 'China bars Micron chips from critical infrastructure', 'Operators of key information infrastructure must stop buying them.', 'procurement_exclusion'],
  ['en', "Commerce Department bars U.S. companies from selling to China's ZTE", 'The denial order runs for seven years.', 'export_control'],
  ['ko', '美, 中 ZTE 제재 해제…3개월 만에 美 기업과 거래 가능', '미국 상무부가 ZTE에 대한 제재를 해제했다.', 'export_control'],
  ['ko', '우크라이나, 공식 기기에서 텔레그램 소프트웨어 금지', '국가안보를 이유로 들었다.', 'device_ban'],
  ['en', 'Russia restricts calls on WhatsApp and Telegram', 'The regulator said the apps were used by fraudsters.', 'other_restriction'],
  // An institution advising its own members is official advice, not a ban (nor a foreign government's pressure)
  ['en', "EU tells its members to ban Huawei and ZTE over 'materially higher risks'", 'The Commission named the two suppliers for the first time.', 'security_warning'],
  ['zh', '華為、中興通訊「高風險」 歐盟施壓成員國禁用', '歐盟執委會首度明確將華為與中興通訊標示為「高風險」供應商。', 'security_warning'],
  // Hindi: a ministry's departments and office computers are an official scope.
  ['hi', 'वित्त मंत्रालय ने DeepSeek के इस्तेमाल पर लगाई रोक', 'मंत्रालय के सभी विभागों को AI टूल्स का इस्तेमाल नहीं करने का आदेश दिया गया है।', 'device_ban'],
  // Companies told to stop buying: the market (as en/zh/ja); 'cannot be used on government devices'.
  ['ko', '중국, 자국 기업에 엔비디아 칩 구매 중단 지시', '당국이 기술기업들에게 엔비디아 칩 구매를 중단할 것을 지시했다.', 'market_ban'],
  ['ja', 'TikTok、政府端末では使用できない=官房長官', '官房長官は記者会見で、機密情報を扱う政府端末ではTikTokを使用できないと述べた。', 'device_ban'],
  ['vi', 'Temu vẫn chưa được phép hoạt động tại Việt Nam', 'Sàn thương mại điện tử Temu vẫn trong thời gian chờ cấp phép.', 'market_ban'],
];

describe('classifier', () => {
  describe('classify: real-news measure wording', () => {
    it.each(MEASURE_CASES)('[%s] reads "%s" (lead: "%s") as %s', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

// Who acts, in published wording: US governors by their title, "Korean government", a Japanese
// minister, 我国 in Chinese news, the stock exchange; countries that only press, are followed or
// are at war are not actors ("wrath of Trump", "美 압박에", "미국 이어 EU도", "Ukraine-Krieg").
const COUNTRY_CASES: Array<[string, string, string, string[]]> = [
  ['en', 'Gov. Kay Ivey bans TikTok on state devices', 'State employees may no longer use the app.', ['US']],
  ['en', 'Korean Government Ministries Block Access to DeepSeek', 'Several ministries restricted the chatbot on work computers.', ['KR']],
  ['ja', 'DeepSeekの業務利用、デジタル大臣が各省庁に注意呼びかけ', '中国のDeepSeekについて、政府職員の利用に注意を求めた。', ['JP']],
  ['ja', '米、政府機関でのカスペルスキー製品使用を法律で禁止', '国防権限法に盛り込まれた。', ['US']],
  ['zh', '美光产品未通过网络安全审查 我国关键信息基础设施运营者应停止采购', '网信办作出决定。', ['CN']],
  ['ko', '美 압박에 백기 든 영국…화웨이 5G 장비 완전 제거', '영국 정부가 화웨이를 퇴출하기로 했다.', ['GB']],
  ['ko', '미국 이어 EU도 틱톡 사용 금지', 'EU 집행위원회는 직원들에게 틱톡 삭제를 지시했다.', ['EU']],
  ['de', 'Wegen Ukraine-Krieg: Bundesregierung warnt vor Kaspersky', 'Das BSI rät, die Software zu ersetzen.', ['DE']],
  // an official who 'explained the details' of a circular in a news lead is no explainer piece
  ['en', 'Entry of Xiaomi handsets through mail banned as of 10 May', 'Turkmenistan’s customs chief explained today the details of the circular issued by the trade ministry to the customs regarding the ban on the entry of Xiaomi phones by post.', ['TM']],
  ['en', 'Boris Johnson risks wrath of Trump by restricting Huawei to non-core parts of UK 5G network', 'The company will be capped at 35 percent.', ['GB']],
];

describe('classifier', () => {
  describe('classify: real-news actors', () => {
    it.each(COUNTRY_CASES)('[%s] finds the acting country of "%s"', (language, title, summary, countries) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });
  });
});

// "government jobs" (protests over a public jobs quota) is not company news (job cuts): it must not
// cost the report the confidence (events.CONFIDENT_ALONE, 0.8) one outlet needs to alert alone.
describe('classifier', () => {
  describe('classify: government jobs are not company news', () => {
    it('keeps a block amid protests over government jobs confident', () => {
      const c = classify(item('en', 'Nepal banned Facebook, TikTok and Telegram amid protests: reports',
        'Social media platforms including Facebook, TikTok and Telegram have been banned amid student protests demanding reforms of the quota for government jobs in Nepal.'));
      expect(c).toMatchObject({ relevant: true, countries: ['NP'], measure: 'market_ban', stage: 'in_force' });
      expect(c.confidence).toBeGreaterThanOrEqual(0.8);
    });
  });
});
