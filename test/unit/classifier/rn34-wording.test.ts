/**
 * Wording of the seventeenth and eighteenth replay collections' misses (rn3, rn4), written in other
 * words: a university, college or school system banning an app (its own networks and devices: a device
 * ban), equipment licences barred by the Secure Equipment Act (a market ban, however loosely the report
 * says "sanctions"), the latest state to ban, a directive "to ban" that is issued, other spellings of
 * listed vendors, a vendor named as the comparison ('the next Huawei'), one chamber passing acts (proposed), a request to sanction turned down (rejected), a
 * country's Air Force or Navy acting, a vendor struck from a procurement list (the exclusion, not a
 * delisting), a regulator forcing a vendor to halt a feature (other restriction), and a vendor's answer to a measure (a reaction, no measure).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { expectReads, item } from './helpers.js';

// [language, title, summary, countries, measure, stage]
const MEASURES: Array<[string, string, string, string[], Measure, Stage]> = [
  // a public university, college or school system banning an app acts on its own networks and devices
  ['en', 'Texas A&M University bans TikTok', 'Students can no longer open the app on campus.', ['US'], 'device_ban', 'in_force'],
  ['en', 'Kansas university system blocks WeChat', 'The regents cited security risks.', ['US'], 'device_ban', 'in_force'],
  ['en', 'Oklahoma State University bans DeepSeek', 'The school cited security risks.', ['US'], 'device_ban', 'in_force'],
  ['en', 'Auburn University in Alabama joins schools banning TikTok', 'The university cited the governor\'s order.', ['US'], 'device_ban', 'in_force'],
  ['de', 'Universität Wien verbietet DeepSeek', 'Die Anwendung darf nicht mehr genutzt werden.', ['AT'], 'device_ban', 'in_force'],
  ['zh', '美国大学封锁TikTok', '多所公立大学宣布在校园网络上屏蔽TikTok。', ['US'], 'device_ban', 'in_force'],
  ['ko', '美 대학들, 틱톡 차단', '텍사스 주립대학들이 교내 와이파이에서 틱톡 접속을 막았다.', ['US'], 'device_ban', 'in_force'],
  ['ja', '米大学、TikTokを禁止', 'テキサス州の大学が学内ネットワークでTikTokへの接続を遮断した。', ['US'], 'device_ban', 'in_force'],
  ['en', 'Virginia community colleges pull DeepSeek', 'The app was blocked from the VCCS network and devices, the system said.', ['US'], 'device_ban', 'in_force'],
  // the Secure Equipment Act bars equipment licences: a market ban, even when the report says "sanctions" (ko 제재)
  ['ko', '美 상원, 화웨이 제재 강화 법안 통과', '법안은 연방통신위원회가 화웨이 장비에 대한 허가를 내주지 못하도록 했다.', ['US'], 'market_ban', 'proposed'],
  ['ko', '美 대통령, 보안장비법 서명…ZTE 제재', '중국 업체 장비의 신규 인증이 막힌다.', ['US'], 'market_ban', 'in_force'],
  ['zh', '美国签署安全设备法 禁止华为中兴获得新设备认证', '联邦通信委员会将不再审批。', ['US'], 'market_ban', 'in_force'],
  ['ja', '米大統領、ファーウェイ機器の認証を禁じる法案に署名', '連邦通信委員会は新たな機器を承認できなくなる。', ['US'], 'market_ban', 'in_force'],
  ['en', 'US President signs Secure Equipment Act aimed at Huawei, ZTE', 'Regulators can no longer approve the firms\' products.', ['US'], 'market_ban', 'in_force'],
  // the latest state to ban has banned; a directive "to ban" is issued
  ['en', 'Georgia governor orders TikTok off state phones', 'Georgia is the latest state to ban the app from government devices.', ['US'], 'device_ban', 'in_force'],
  ['en', 'Statement on the governor\'s directive to ban TikTok', 'The governor of Iowa directed agencies to remove TikTok from state-owned devices.', ['US'], 'device_ban', 'in_force'],
  // one chamber passing several acts or bills is a step of a proposal
  ['en', 'House passes two acts banning DJI drones', 'The measures now go to the Senate.', ['US'], 'market_ban', 'proposed'],
  // an authority turning down a request to sanction a vendor decides not to act
  ['en', 'US Treasury turned down lawmakers\' call to sanction Dahua', 'The department said it had reviewed the evidence.', ['US'], 'sanctions', 'rejected'],
  // a country's Air Force, Army or Navy acts for that country
  ['en', 'Indian Navy bars sailors from using Xiaomi phones', 'The order covers all personnel.', ['IN'], 'device_ban', 'in_force'],
  // struck from a procurement list: the exclusion, not a delisting
  ['en', 'Beijing removes Apple from government purchasing list', 'Agencies may no longer buy iPads.', ['CN'], 'procurement_exclusion', 'in_force'],
  ['de', 'Peking streicht Kaspersky von der Beschaffungsliste', 'Behörden dürfen die Software nicht mehr kaufen.', ['CN'], 'procurement_exclusion', 'in_force'],
  ['ja', '中国、iPhoneを政府調達リストから削除', '各省庁は購入できなくなる。', ['CN'], 'procurement_exclusion', 'in_force'],
  ['ko', '美 정부, 애플 제품 조달 목록에서 제외', '정부 기관은 아이폰을 구매할 수 없다.', ['US'], 'procurement_exclusion', 'in_force'],
  // a regulator compelling a vendor to halt a feature or programme restricts its service
  ['en', 'Brussels forces TikTok to suspend its paid rewards scheme', 'The Commission said the feature breached the Digital Services Act.', ['EU'], 'other_restriction', 'in_force'],
  ['de', 'EU zwingt Temu zur Einstellung des Prämienprogramms', 'Die Kommission sieht einen Verstoß gegen das Gesetz über digitale Dienste.', ['EU'], 'other_restriction', 'in_force'],
  ['it', 'Bruxelles stoppa il programma a premi di Temu', 'La Commissione ha chiesto la sospensione.', ['EU'], 'other_restriction', 'in_force'],
  // a regulator's ultimatum ('否则…暂停': or else it suspends) threatens the restriction: proposed
  ['zh', '欧盟要求TikTok提交风险报告 否则将暂停其奖励功能', '欧盟委员会表示,该功能可能损害未成年人。', ['EU'], 'other_restriction', 'proposed'],
];

// [language, title, summary, vendors]
const VENDORS: Array<[string, string, string, string[]]> = [
  ['en', 'US adds camera maker HikVision to export blacklist', 'The Commerce Department listed the firm on Monday.', ['Hikvision']],
  ['ko', '美, 중국 힉비전 수출 블랙리스트 추가', '미 상무부가 힉비전을 거래제한 명단에 올렸다.', ['Hikvision']],
  ['ko', '美, 하이테라 장비 허가 금지', '연방통신위원회가 하이테라 무전기의 신규 인증을 막았다.', ['Hytera']],
  // a vendor named as the yardstick ('超过华为', 'the next Huawei', '华为2.0') is a comparison, not a target
  ['zh', '美国拟制裁大华 力度或超过华为', '据报道,美国政府正考虑将大华列入实体清单。', ['Dahua']],
  ['en', 'Is Hikvision the next Huawei? US weighs blacklisting the camera maker', 'The Commerce Department is considering adding it to the entity list.', ['Hikvision']],
  ['zh', '海康威视成华为2.0 美国拟列入黑名单', '美国商务部考虑将其列入实体清单。', ['Hikvision']],
];

// [language, title, summary]: a vendor's answer to a measure is a reaction, no measure
const NOT_MEASURES: Array<[string, string, string]> = [
  ['en', 'Hytera voices disappointment over FCC equipment ban', 'The company said it would study the ruling.', ],
  ['ko', '틱톡, 美 정부기기 금지 조치에 대해 입장 발표', '회사는 이용자 데이터가 안전하다고 밝혔다.'],
  ['ja', 'DJI、米国の禁止措置について声明', '同社は安全性に問題はないと主張した。'],
  ['zh', '新闻|中兴回应“美国禁令”', '公司表示将继续与客户合作。'],
  // the vendor suspending a feature of its own accord is no state measure
  ['en', 'TikTok suspends Lite rewards feature in Europe', 'The company said it acted voluntarily.'],
];

describe('classifier', () => {
  describe('classify: wording of the rn3 and rn4 replay collections', () => {
    it.each(MEASURES)('[%s] reads "%s" (lead: "%s") as %j %s %s', (language, title, summary, countries, measure, stage) => {
      expectReads(classify, language, title, summary, { countries, measure, stage });
    });
    it.each(VENDORS)('[%s] finds the vendors of "%s" (lead: "%s"): %j', (language, title, summary, vendors) => {
      expectReads(classify, language, title, summary, { vendors });
    });
    it.each(NOT_MEASURES)('[%s] reads "%s" (lead: "%s") as no measure', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});
