/**
 * Wording of Chinese, Japanese and Korean reports (Taiwan and Hong Kong outlets in Traditional
 * script among them) that the lexicons lacked: who acts, what is a measure, what is only a
 * reaction. Each row is the shape of a published headline and lead, shortened.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';

// [what, title, summary, countries] — relevant reports and who acts
const ACTS: Array<[string, string, string, string[]]> = [
  ['Traditional script: a country only written in Simplified in the names table', '奧地利禁政府僱員工作手機安裝TikTok', '奧地利將禁止政府僱員在工作手機上安裝中國短片分享應用程式TikTok。', ['AT']],
  ["Taiwan's name for New Zealand", '紐西蘭禁止電信商使用華為5G設備', '紐西蘭政府通訊安全局拒絕電信商使用華為設備。', ['NZ']],
  ['two countries joined by an interpunct both act', '호주·뉴질랜드도 공무원 기기서 틱톡 사용 금지', '호주와 뉴질랜드가 공무원 업무용 스마트 기기에서 틱톡 사용을 금지한다.', ['AU', 'NZ']],
  ['a comma after the country closes the topic (not a second subject)', '인도, 중국 앱 추가 차단…알리익스프레스 포함', '인도 정부가 알리익스프레스 등 중국 앱 43개의 사용을 금지했다.', ['IN']],
  ["Korea's usual spelling of Portugal", '포르투갈, 화웨이 5G 장비 사용 금지했다', '포르투갈 정부가 화웨이 장비 사용을 금지했다.', ['PT']],
  ['an order to wind up a business is the state acting (ko)', '캐나다 정부, 틱톡 캐나다 법인 해체 명령', '캐나다 정부가 틱톡의 자국 내 사업 철수를 명령했다.', ['CA']],
  ['an order to wind up a business is the state acting (zh)', '加拿大下令解散TikTok境內業務', '加拿大政府以國家安全風險為由,下令解散TikTok在加國的業務。', ['CA']],
  ['a government refusing a vendor', '新西兰政府拒绝使用华为5G设备', '新西兰政府通信安全局拒绝了Spark使用华为5G设备的提议。', ['NZ']],
  ['blocked (ja)', '豪政府、中国企業の5G展開を阻止', '連邦政府は先週、ファーウェイによる5Gネットワーク展開を阻止した。', ['AU']],
  ['封杀 (to ban, to blacklist), common in Chinese headlines', '巴基斯坦封杀 TikTok', '', ['PK']],
  ['大陸/北京 folded from Traditional, with 封殺', '北京封殺輝達產品', '', ['CN']],
  ['"中国App" and "中国互联网企业" name the apps\' origin, not an actor', '印度再禁118款中国App', '为了打压中国互联网企业,印度电子和信息技术部发布公告,宣称禁用118款中国App,其中包括微信。', ['IN']],
  ['a quoted designation added to a list, in a bare headline (ko)', "美 FCC, 中 화웨이·ZTE '안보 위협' 공식 지정", '', ['US']],
  ['a quoted list label with the companies added (ko)', "美, '중국군 지원 기업' CATL·텐센트 등 추가…기업들 반박", '', ['US']],
  ['added to a named list (ja)', '米財務省、DJIをNS-CMICリストに追加', '', ['US']],
  ['禁 with the verb it bans, in a bare headline (zh)', '奧地利禁政府僱員工作手機安裝TikTok', '', ['AT']],
  ['customs not allowing a product in (zh)', '路透:中國海關指示不允許英偉達H200入境', '', ['CN']],
  ['a US state by its name and 주정부 (ko)', '뉴욕주정부 기기 ‘딥시크’ 사용 전면 금지', '', ['US']],
  ['Kyrgyzstan in its own Russian spelling', 'Кыргызстан: Власти запретили TikTok', '', ['KG']],
  ['"中国市场" (the Chinese market) is a market, not an actor', '美国批准英伟达H20芯片对华出口:中国市场至关重要', '美国商务部已批准H20芯片对华出口许可,这款专为中国市场定制的芯片将重启供货。', ['US']],
  ['禁 + the public sector + use, in a bare headline (zh)', '捷克總理:為資安考量 禁公部門使用DeepSeek', '', ['CZ']],
  ['a phase-out verb before the vendor (zh)', '翻脸如翻书!法国八年内淘汰华为5G设备', '', ['FR']],
  ['力阻 (strongly blocks) before the vendor (zh)', '國安威脅甚鉅 紐西蘭力阻華為染指5G建設', '', ['NZ']],
  ['擬禁 (plans to ban), in a bare headline (zh)', '歐盟擬禁高風險電信供應商 劍指中國華為中興', '', ['EU']],
  ['대- (toward) marks the target country, not the actor', '엔비디아 반도체, 수출통제 대상', '미국 정부가 최근 발표한 대중국 인공지능(AI) 반도체 수출통제 조치를 앞당겨 시행했다.', ['US']],
];

// [what, title, summary] — reports of no measure
const REACTIONS: Array<[string, string, string]> = [
  ["the targeted country's ministry opposing, in a verb-final headline (ko)", '中 상무부, 화웨이 美 제재 강력 반대', ''],
  ["the targeted country denouncing a measure it names first (ko)", "中, 화웨이·ZTE 퇴출 추진 EU에 '정치적 조작' 비난", ''],
  ["a ministry answering reporters' questions on another country's listing (zh)", '商务部新闻发言人就美将华为相关实体列入“实体清单”应询答记者问', ''],
  ["the vendor responding, headline-first (zh)", '小米集团回应被美加入“黑名单”:将采取合适措施保护公司和股东利益', ''],
  ["the vendor's own stock-exchange notice (zh)", '中兴通讯再发停牌公告:将积极、合法寻求被美国禁售的解决方案', ''],
  ["an envoy's statement on another country's ban", '英方禁止政府人員使用TikTok,我駐英國大使:損人害己', '正在訪問的中國駐英國大使在接受中外記者採訪時,就英方禁止政府人員使用TikTok作了如下表態:'],
  ["the vendor's response after the news it answers", '被美國列入實體名單,大疆回應:照賣不誤!', '對于美方的制裁,大疆20日回應稱,該公司將繼續在美國銷售。'],
  ["an MP's written question", '政府職員の動画投稿アプリ「TikTok」の利用の規制に関する質問主意書', '欧米では、TikTokについての利用規制の動きが広まっている。'],
  ['a vendor applying for judicial review', '중국 하이크비전, 캐나다 퇴출 결정에 사법 검토 신청', '하이크비전 측이 이에 불복해 사법 당국에 이의 제기를 신청했다.'],
];

// [what, title, summary, measure]
const MEASURES: Array<[string, string, string, string]> = [
  ['calls restricted in a messaging app are a restriction of a feature, not a ban of the app (ja)', 'ロシアがWhatsAppとTelegramの通話を一部制限', '', 'other_restriction'],
  ['the same in Korean', '러시아, 텔레그램·왓츠앱 음성통화 일부 제한', '', 'other_restriction'],
  ["a calling app blocked outright is a ban of the app (zh)", '俄羅斯封鎖蘋果FaceTime功能', '俄羅斯宣布封鎖蘋果公司的視訊通話應用軟體FaceTime。', 'market_ban'],
];

// [what, title, summary, stage]
const STAGES: Array<[string, string, string, string]> = [
  ['exports approved on conditions are a lifted restriction (ja)', '米政府 エヌビディアH200の対中輸出を条件付き承認', '', 'lifted'],
  // "approved, but…" is the background of the sentence, not its news
  ["another government's approval in a concessive clause is background (ja)", '中国政府が「NVIDIAのH200は禁輸品なので輸入しないように」とテック企業に通達', '中国政府が国内のテクノロジー企業に対してNVIDIAなどの高性能半導体の購入禁止を通達したことがロイターによって報じられました。アメリカ政府は高性能AIチップの中国への輸出を条件付きで承認しましたが、中国政府は輸入に反対した形です。', 'in_force'],
];

describe('core/classifier (Chinese, Japanese and Korean reports)', () => {
  describe('classify', () => {
    it.each(ACTS)('reads %s', (_what, title, summary, countries) => {
      const c = classify({ title, summary });
      expect(c.relevant, JSON.stringify(c.rules)).toBe(true);
      expect(c.countries).toEqual(countries);
    });
    it.each(MEASURES)('reads %s', (_what, title, summary, measure) => {
      const c = classify({ title, summary });
      expect(c.relevant, JSON.stringify(c.rules)).toBe(true);
      expect(c.measure, JSON.stringify(c.rules)).toBe(measure);
    });
    it.each(STAGES)('reads %s', (_what, title, summary, stage) => {
      const c = classify({ title, summary });
      expect(c.relevant, JSON.stringify(c.rules)).toBe(true);
      expect(c.stage, JSON.stringify(c.rules)).toBe(stage);
    });
    it("does not read a law's quoted name before \"추가 유예\" (a further delay) as a designation", () => {
      const c = classify({ title: "트럼프, '틱톡금지법' 시행 9월로 또 유예", summary: "도널드 트럼프 미국 대통령이 '틱톡금지법' 시행을 추가 유예하는 행정명령에 서명했다." });
      expect(c.rules).not.toContain('ko.restrict.quoted-designation');
    });
    it.each(REACTIONS)('does not read %s as a measure', (_what, title, summary) => {
      expect(classify({ title, summary }).relevant).toBe(false);
    });
    it('quotes the Traditional original in its evidence, not the folded text', () => {
      const c = classify({ title: '紐西蘭禁止電信商使用華為5G設備', summary: '' });
      expect(c.evidence.join(' ')).toContain('紐西蘭');
      expect(c.evidence.join(' ')).not.toContain('纽西兰');
    });
  });
});
