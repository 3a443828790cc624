import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { expectReads, item } from './helpers.js';

describe('classifier', () => {
  // rn6: a sub-national government's device ban worded plainly is confident enough to alert alone:
  // joining a ban is adopting it, the present progressive of the ban verb reports it being taken,
  // "government-connected/-provided devices" are official devices, and P.E.I./N.W.T. name provinces.
  describe('classify: a province or state joining the ban, plainly worded', () => {
    it.each([
      ['en', 'N.W.T. joins ban on TikTok', 'The territorial government is blocking the app on government-provided phones and tablets.', ['CA']],
      ['en', 'Yukon joins the TikTok ban', 'Yukon is removing TikTok from government-supplied mobile devices, a spokesperson said.', ['CA']],
      ['en', 'Rhode Island joins growing TikTok ban', 'The state is barring the app from government-connected laptops and phones.', ['US']],
    ])('[%s] reads "%s" as a device ban in force, confidently', (language, title, summary, countries) => {
      const r = classify(item(language, title, summary));
      expect(r.relevant).toBe(true);
      expect(r.countries).toEqual(countries);
      expect(r.measure).toBe('device_ban');
      expect(r.stage).toBe('in_force');
      expect(r.confidence).toBeGreaterThanOrEqual(0.8);
    });
    it('joining calls for a ban is no ban in force', () => {
      const r = classify(item('en', 'Ontario MPP joins calls for TikTok ban on government phones', 'The legislator said the province should act.'));
      expect(r.stage === 'in_force').toBe(false);
    });
  });

  // rn6: Chinese, Japanese and Korean names of Canadian provinces and Australian states (the
  // Chinese-Canadian press writes 安省 for Ontario) name the acting country.
  describe('classify: provinces and states in CJK name their country', () => {
    it.each([
      ['zh', '卑诗省政府宣布禁止政府设备使用TikTok', '省府发言人表示,措施即日起生效。', ['CA']],
      ['zh', '魁省禁止公务手机安装TikTok', '魁北克省政府周二宣布了这一决定。', ['CA']],
      ['zh', '昆州政府禁止公务设备使用TikTok', '州政府表示,措施即日起生效。', ['AU']],
      ['ja', 'ブリティッシュ・コロンビア州、公用端末でTikTok禁止', '州政府が発表した。', ['CA']],
      ['ko', '퀸즐랜드주 정부, 공무용 기기서 틱톡 사용 금지', '주 정부가 발표했다.', ['AU']],
      ['ko', '앨버타주, 정부 기기서 틱톡 금지', '주 정부가 27일 밝혔다.', ['CA']],
    ])('[%s] reads the country of "%s"', (language, title, summary, countries) => {
      expectReads(classify, language, title, summary, { countries });
    });
  });

  // rn6: "is (set) to be banned" is decided, not in force: not a bare future a present-tense headline overrides.
  describe('classify: set to be banned is announced', () => {
    it.each([
      ['en', 'Stormont department bans TikTok on official phones', 'The app is set to be removed from all department-issued devices, officials confirmed.'],
      ['en', 'Welsh government bans Kaspersky software', 'The antivirus is due to be removed from official computers, a spokesperson said.'],
    ])('[%s] reads "%s" as announced', (language, title, summary) => {
      expectReads(classify, language, title, summary, { stage: 'announced' });
    });
  });

  // rn6: an export permission with a tariff or fee attached eases the export control; the tariff is its condition.
  describe('classify: an export permission with a tariff attached is a lifting', () => {
    it.each([
      ['ja', '米政府、15%の関税を条件にH20の中国向け輸出を許可', 'エヌビディアの半導体輸出規制を緩めた。'],
      ['zh', '美国批准英伟达H20芯片出口中国 须缴15%关税', ''],
    ])('[%s] reads "%s" as lifted', (language, title, summary) => {
      expectReads(classify, language, title, summary, { stage: 'lifted', measure: 'export_control' });
    });
  });

  // rn6: not state measures: a broadcaster's guidance to its own staff; a regulator's final warning to a
  // vendor over its content (a compliance warning, not security advice to users); China answering a report.
  describe('classify: broadcasters, final warnings and answers to reports are no measure', () => {
    it.each([
      ['en', 'Swedish public broadcaster advises staff not to install TikTok', ''],
      ['en', 'Telecom regulator issues last warning to TikTok over indecent videos', 'The authority said the platform must remove the content.'],
      ['zh', '监管机构向TikTok发出最后警告 要求删除不雅内容', '当局表示平台须遵守当地法律。'],
      ['ko', '中, 틱톡 사용 금지 시한 연장 보도에 “양국 정상 소통 중요”', ''],
    ])('[%s] "%s" is no measure', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
    it('a final warning to agencies to purge an app is still the state order', () => {
      expect(classify(item('en', 'Governor issues last warning for state departments to delete WeChat', 'Departments that have not removed the app face an audit.')).relevant).toBe(true);
    });
    it('a government warning users against an app is still a security warning', () => {
      expectReads(classify, 'en', 'Government warns officials against using TikTok', 'The cyber agency advised staff not to install the app.', { measure: 'security_warning' });
    });
  });

  // rn6: an order to wind up a vendor's local business is other_restriction (docs/accuracy.md), not a
  // market ban: its "domestic business" (境内业务) is not a nationwide scope.
  describe('classify: wind-up orders in Chinese', () => {
    it.each([
      ['zh', '加拿大勒令海康威视关闭境内业务', '工业部长表示,此举出于国家安全考虑,政府部门也不得采购其产品。'],
    ])('[%s] reads "%s" as other_restriction', (language, title, summary) => {
      expectReads(classify, language, title, summary, { measure: 'other_restriction' });
    });
  });

  // rn6: a public body acting to comply with a new law carries out the state's measure (not a company adapting).
  describe('classify: a public body complying with a law', () => {
    it.each([
      ['en', 'State college blocks TikTok on campus Wi-Fi to comply with new law', 'The ban follows a bill the governor signed last month.'],
    ])('[%s] reads "%s" as relevant', (language, title, summary) => {
      expectReads(classify, language, title, summary, { measure: 'device_ban' });
    });
    it('a vendor complying stays a company adapting', () => {
      expect(classify(item('en', 'TikTok changes data practices to comply with new law', '')).relevant).toBe(false);
    });
  });

  // rn6: Korean bodies that have set about restricting an app, one after another, report it taken.
  describe('classify: Korean 제한에 나섰다 is in force', () => {
    it.each([
      ['ko', '정부 부처·공공기관, 딥시크 접속 차단에 잇따라 나섰다', ''],
    ])('[%s] reads "%s" as in force, confidently', (language, title, summary) => {
      expectReads(classify, language, title, summary, { stage: 'in_force' });
      expect(classify(item(language, title, summary)).confidence).toBeGreaterThanOrEqual(0.8);
    });
  });

  // rn6: a question joined to a statement ("… but who will apply for an exemption?") asks only its own clause.
  describe('classify: a question after a conjunction', () => {
    it.each([
      ['en', 'Tasmania bans TikTok on government phones, but who will enforce it?', ''],
    ])('[%s] reads "%s" as relevant, confidently', (language, title, summary) => {
      expectReads(classify, language, title, summary, { measure: 'device_ban' });
      expect(classify(item(language, title, summary)).confidence).toBeGreaterThanOrEqual(0.8);
    });
  });

  // rn6: Northern Ireland in other languages is the UK's (not Ireland's, not the outlet's own country);
  // French "doit être supprimée" (is to be removed) is announced, as en "is set to be banned".
  describe('classify: Northern Ireland names GB; "is to be removed" in French', () => {
    it.each([
      ['de', 'Nordirland verbietet TikTok auf Diensthandys', 'Die App soll von allen dienstlichen Geräten entfernt werden.', ['GB']],
      ['fr', "L'Irlande du Nord interdit TikTok sur les téléphones officiels", '', ['GB']],
      ['es', 'Irlanda del Norte prohíbe TikTok en los móviles oficiales', '', ['GB']],
    ])('[%s] reads the country of "%s"', (language, title, summary, countries) => {
      expectReads(classify, language, title, summary, { countries });
    });
    it('[fr] doit être supprimée is announced', () => {
      expectReads(classify, 'fr', 'Le gouvernement gallois interdit TikTok sur les appareils professionnels', "L'application doit être supprimée des téléphones des agents.", { stage: 'announced' });
    });
  });
});
