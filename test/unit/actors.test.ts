import { describe, expect, it } from 'vitest';
import { actorOf, actorsConflict, stagesAcrossActors } from '../../lambdas/core/actors.js';

describe('actors', () => {
  describe('actorOf', () => {
    it.each([
      ['names the state in the headline', 'South Dakota Gov. Kristi Noem issues executive order blocking TikTok from state devices', '', 'US-SD~noem'],
      ['prefers the longest name ("West Virginia", not "Virginia")', 'West Virginia bans TikTok on state devices', '', 'US-WV'],
      ['does not read "Kansas" in "Arkansas"', 'Arkansas bans TikTok on state networks', '', 'US-AR'],
      ['reads the state from the first sentence when the headline has none', 'Governor bans TikTok on state devices', 'Alabama Gov. Kay Ivey on Monday banned TikTok. Texas did so last week.', 'US-AL~ivey'],
      ['skips a dateline naming where the story was filed', 'President signs defense bill banning Huawei', 'FORT DRUM, New York (Reuters) - President Trump signed the defense bill on Monday.', 'US'],
      ['skips a bracketed dateline (ja)', 'トランプ米大統領、国防権限法に署名', '[フォート・ドラム(米ニューヨーク州) 13日 ロイター] - トランプ米大統領は13日、国防権限法案に署名し、同法が成立した。', null],
      ['says "some state" for state devices without a name, with the governor named', 'Gov. Noem bans TikTok from state devices', '', 'US-*~noem'],
      ['reads the governor from the lead past "Gov." and an initial', 'State phones to drop TikTok', 'Workers lose the app after Gov. Dana M. Whitfield signed an order on Tuesday.', 'US-*~whitfield'],
      ['reads the governor past a possessive', 'Trade school groups protest Governor Halvorsen’s TikTok order for state agencies', '', 'US-*~halvorsen'],
      ['reads no governor from a title-case headline (name and verb cannot be told apart)', 'Gov. Anne Marsh Bans TikTok From State Phones', '', 'US-*'],
      ['names no governor when two are named', 'Gov. Ann Lee and Gov. Bo Park ban TikTok on state devices', '', 'US-*'],
      ['says national for a federal body', 'Senate passes TikTok ban on government devices', '', 'US'],
      ['reads CJK state names', '米モンタナ州 TikTok事業禁止の法律 施行仮差し止め', '', 'US-MT'],
      ['reads Chinese state names', '美国蒙大拿州禁止TikTok', '', 'US-MT'],
      ['says nothing when nothing is said', 'US bans Huawei equipment', '', null],
    ] as Array<[string, string, string, string | null]>)('%s', (_, title, summary, expected) => {
      expect(actorOf(['US'], title, summary)).toBe(expected);
    });
    it.each([
      ['names the institution in the headline', 'European Parliament to ban TikTok from staff phones, EU official says', '', 'EU-PARL'],
      ['skips the institutions that acted before', 'Après la Commission européenne et le Conseil, le Parlement européen va interdire TikTok à son tour', '', 'EU-PARL'],
      ['skips a Korean "following …" clause', '美·캐나다에 이어 유럽의회도 中 틱톡 금지령', '', 'EU-PARL'],
      ['reads the institution from the lead in another language', 'TikTok vietato anche ai dipendenti: «Motivi di sicurezza»', "Niente TikTok per i dipendenti del Parlamento europeo: per motivi di sicurezza.", 'EU-PARL'],
      ['names no one when several institutions act together', 'European Commission and Council of the EU ban TikTok on staff phones', '', null],
      ['names no one for "the EU"', 'EU bans TikTok on staff phones', '', null],
      ['names the External Action Service apart', "EU's diplomatic service tells staff to delete WeChat", '', 'EU-EEAS'],
    ] as Array<[string, string, string, string | null]>)('EU: %s', (_, title, summary, expected) => {
      expect(actorOf(['EU'], title, summary)).toBe(expected);
    });
    it.each([
      ['CA', 'names a province', 'Quebec bans TikTok on government devices', '', 'CA-QC'],
      ['CA', 'names a province in French', 'TikTok interdit sur les appareils du gouvernement de la Colombie-Britannique', '', 'CA-BC'],
      ['CA', 'skips an AP-style dateline naming a province', 'Canada bans TikTok on all government devices', 'TRENTON, Ontario – Canada banned TikTok from all government devices Monday, Prime Minister Justin Trudeau said.', 'CA'],
      ['CA', 'says national for Ottawa', 'Ottawa bans TikTok on federal government devices', '', 'CA'],
      ['CA', 'skips the federal ban a province follows', 'After Ottawa, Alberta bans TikTok on government phones', '', 'CA-AB'],
      ['AU', 'names a state', 'NSW bans DeepSeek on government devices', '', 'AU-NSW'],
      ['AU', 'names a state in Chinese', '南澳禁止政府设备使用DeepSeek', '', 'AU-SA'],
      ['AU', 'says national for the Commonwealth', 'Home Affairs orders DeepSeek off federal government devices', '', 'AU'],
      ['AU', 'says "some state" for a Premier without a state', 'Premier bans DeepSeek on state devices', '', 'AU-*'],
      ['CA', 'reads a premier by name', 'Premier Scott Moe orders TikTok off provincial phones', '', 'CA-*~moe'],
      ['CA', 'reads a named premier as a province, not Ottawa', 'Ordre du premier ministre? Non: premier Tim Houston retire WeChat des appareils', '', 'CA-*~houston'],
      ['GB', 'names a devolved government', 'Scottish Government bans TikTok on official devices', '', 'GB-SCT'],
      ['GB', 'says national for Whitehall', 'UK government bans TikTok on ministers\' phones', '', 'GB'],
      ['JP', 'names a city apart from its prefecture', '神戸市がTikTokアカウント停止 懸念受けて', '', 'JP-C-KOBE'],
      ['JP', 'names a prefecture', '埼玉県、TikTokの公式アカウントを休止', '', 'JP-SAITAMA'],
      ['JP', 'says national for the government', '日本政府、中国製ドローンの調達を禁止へ', '', 'JP'],
      ['BE', 'names a community government', 'Le gouvernement de la Fédération Wallonie-Bruxelles interdit Telegram sur ses appareils', '', 'BE-FWB'],
      ['BE', 'names a region in Dutch', "Vlaamse regering verbiedt WeChat op dienstgsm's", '', 'BE-FLA'],
      ['BE', 'says national for the federal government', 'Le gouvernement fédéral interdit Telegram sur les téléphones de service', '', 'BE'],
      ['US', 'names a city apart from its state', 'New York City orders WeChat off city-owned phones', '', 'US-NYC'],
      ['GB', 'names the Scottish Parliament as Scotland', 'Scottish Parliament tells MSPs to delete WeChat', '', 'GB-SCT'],
      ['GB', 'names Scotland in German', 'Schottland verbietet Telegram auf Diensthandys', '', 'GB-SCT'],
      ['GB', 'names the Welsh government in French', 'Le gouvernement gallois interdit WeChat sur les appareils officiels', '', 'GB-WLS'],
      ['GB', 'names Northern Ireland in Spanish', 'Irlanda del Norte prohíbe Telegram en los móviles oficiales', '', 'GB-NIR'],
      ['GB', 'names Scotland in Russian', 'Власти Шотландии запретили WeChat на служебных телефонах', '', 'GB-SCT'],
      ['CA', 'says national for the country named as the decider', 'Canada orders WeChat off public servants\' phones', '', 'CA'],
      ['CA', 'says national for the country named in Korean', '캐나다, 공무원 휴대전화에 위챗 금지', '', 'CA'],
      ['CA', 'still prefers a province to the country', 'Canada: Manitoba pulls WeChat from government phones', '', 'CA-MB'],
      ['CA', 'says "some province" for a province not named', 'A Canadian province pulls WeChat from government phones', '', 'CA-*'],
      ['AU', 'says national for the Australian government', 'Australian government orders WeChat off official devices', '', 'AU'],
      ['AU', 'reads "호주 정부" (Australia\'s government) as national, not "주 정부" (a state government)', '호주 정부, 공무원 기기에서 위챗 사용 금지', '', 'AU'],
      ['AU', 'reads "豪州政府" as national, not "州政府" (a state government)', '豪州政府、公用端末でのWeChat使用を禁止', '', 'AU'],
      // Provinces and states in other languages and scripts, and Chinese short forms (安省, 魁省, 塔州).
      ['CA', 'names a province by its Chinese short form', '魁省宣布政府手机禁用微信', '', 'CA-QC'],
      ['CA', 'names Ontario by its Chinese short form', '安省政府禁止公务手机使用微信', '', 'CA-ON'],
      ['CA', 'names a province in Traditional Chinese', '薩斯喀徹溫省禁止政府手機使用微信', '', 'CA-SK'],
      ['CA', 'names a province in German', 'Neuschottland verbannt WeChat von Diensthandys', '', 'CA-NS'],
      ['CA', 'names a province in Spanish', 'Columbia Británica prohíbe WeChat en los teléfonos oficiales', '', 'CA-BC'],
      ['CA', 'names a province in Russian', 'Власти Альберты запретили WeChat на служебных телефонах', '', 'CA-AB'],
      ['CA', 'names a territory in Japanese', 'ヌナブト準州、公用端末でのWeChatを禁止', '', 'CA-NU'],
      ['AU', 'names a state in French', "L'Australie-Occidentale interdit WeChat sur les appareils de l'État", '', 'AU-WA'],
      ['AU', 'names a state in German', 'Tasmanien verbietet WeChat auf Diensthandys', '', 'AU-TAS'],
      ['AU', 'names a state by its Chinese short form', '塔州政府禁止公务设备使用微信', '', 'AU-TAS'],
      ['AU', 'names a state in Russian', 'Власти Квинсленда запретили WeChat на служебных устройствах', '', 'AU-QLD'],
      ['GB', 'names Scotland in Norwegian', 'Skotske ministre må slette WeChat fra jobbtelefonen', '', 'GB-SCT'],
      ['BE', 'says national for the country named as the decider', 'Belgium orders WeChat off officials\' phones', '', 'BE'],
      ['BE', 'still prefers a community to the country', 'Belgique : la Fédération Wallonie-Bruxelles interdit WeChat à ses agents', '', 'BE-FWB'],
    ] as Array<[string, string, string, string, string | null]>)('%s: %s', (country, _, title, summary, expected) => {
      expect(actorOf([country], title, summary)).toBe(expected);
    });
    it.each([
      ['US', 'names the agency that bans on its own devices', 'NASA bans China\'s DeepSeek AI over security risks', '', 'US@NASA'],
      ['US', 'reads the agency in Korean', '美 해군 "中 AI 딥시크 사용 금지…보안·윤리적 우려"', '', 'US@NAVY'],
      ['US', 'does not read "White House" as the House', 'White House weighs ban on DeepSeek on government devices', '', 'US'],
      ['US', 'names no one when several agencies act together', 'Navy and NASA ban DeepSeek', '', null],
      ['US', 'prefers a state to an agency', 'Texas bans DeepSeek on state devices after the Navy', '', 'US-TX'],
      ['RU', 'names a ministry', 'Минтранс запретил сотрудникам использовать iPhone', '', 'RU@MINTRANS'],
      ['TW', 'names the Executive Yuan', '卓揆:公務機關全面禁用DeepSeek', '', 'TW@EY'],
      ['GB', 'names Parliament apart from the government', 'WeChat blocked on parliamentary devices and network', '', 'GB@PARL'],
      ['DK', 'names the defence ministry', 'Forsvarsministeriet forbyder Telegram på tjenestetelefoner', '', 'DK@DEFENCE'],
      ['DK', 'names the parliament', 'Danish parliament bans WeChat on members\' phones', '', 'DK@FOLKETING'],
      ['US', 'names the Interior Department', 'Interior Department grounds its DJI drone fleet', '', 'US@INTERIOR'],
      ['US', 'names the TSA apart from the military', 'TSA orders staff to stop using WeChat on agency phones', '', 'US@TSA'],
      ['US', 'names Homeland Security', 'Department of Homeland Security bars WeChat from work phones', '', 'US@DHS'],
      ['US', 'names the Coast Guard', '美国海岸警卫队禁止在公务手机上使用微信', '', 'US@COASTGUARD'],
      ['US', 'reads an agency\'s order to every federal agency as the government\'s (Chinese)', '美国国土安全部命令所有联邦机构停用微信', '', 'US'],
      ['US', 'reads an agency\'s order to government bodies as no body\'s own act (Japanese; no national word: unknown)', '米国土安全保障省、政府機関に微信の使用停止を指示', '', null],
      ['US', 'reads the government-wide scope in the lead\'s first sentence', 'DHS tells agencies to purge WeChat', 'The Department of Homeland Security ordered all federal civilian agencies on Wednesday to remove WeChat.', 'US'],
      // Universities and university systems decide for their own devices and networks, apart from the state.
      ['US', 'names a university apart from its state', 'Ohio university system blocks WeChat on campus networks', '', 'US-OH@UNIV'],
      ['US', 'names a college system without its state', 'Public colleges pull WeChat from school-owned laptops', '', 'US-*@UNIV'],
      ['US', 'reads the university from the first sentence when the headline names no decider', 'WeChat off school laptops from Monday', 'The University of Kansas told staff on Friday to remove WeChat from its computers.', 'US-KS@UNIV'],
      ['US', 'reads a governor\'s order reaching universities as the governor\'s', 'Gov. Dana Whitfield bans WeChat at state agencies and universities', '', 'US-*~whitfield'],
      ['US', 'reads universities after a preposition as a scope', 'Idaho law bans WeChat in public universities and state offices', '', 'US-ID'],
      ['US', 'reads a federal order reaching universities as federal', 'Federal rule bars WeChat from university research networks', '', 'US'],
    ] as Array<[string, string, string, string, string | null]>)('device bans: %s: %s', (country, _, title, summary, expected) => {
      expect(actorOf([country], title, summary, 'device_ban')).toBe(expected);
    });
    it('reads bodies for device bans only (an agency\'s listing or order is the national government\'s)', () => {
      expect(actorOf(['US'], 'Pentagon adds DJI to list of Chinese military companies', '', 'other_restriction')).toBe('US');
      expect(actorOf(['US'], 'Pentagon blocks DeepSeek on its networks', '', 'device_ban')).toBe('US@DOD');
    });
    it('skips a US state named as a precedent ("After Texas, Maryland bans …")', () => {
      expect(actorOf(['US'], 'After Texas, Maryland bans TikTok on state devices', '')).toBe('US-MD');
      expect(actorOf(['US'], 'Texas and Maryland ban TikTok on state devices', '')).toBeNull();
    });
    it('lets a later stage cross institutions only where the table says so', () => {
      expect(stagesAcrossActors(['EU'])).toBe(true);
      expect(stagesAcrossActors(['US'])).toBe(false);
      expect(stagesAcrossActors(['EU', 'US'])).toBe(false);
    });
    it('reads actors only for countries with a table, and one acting country', () => {
      expect(actorOf(['DE'], 'Texas bans Huawei', '')).toBeNull();
      expect(actorOf(['US', 'JP'], 'Texas bans Huawei', '')).toBeNull();
    });
  });

  describe('actorsConflict', () => {
    it.each([
      [['US-SD'], ['US-SC'], true],
      [['US-SD'], ['US'], true],
      [['US-*'], ['US'], true],
      [['US-SD'], ['US-*'], false],
      [['US-SD'], [null], false],
      [[null], ['US'], false],
      [['US'], ['US'], false],
      [['US-SD', 'US'], ['US'], false],
      [['US-SD', 'US-*'], ['US-SC'], true],
      [['US@NAVY'], ['US@NASA'], true],
      [['US@NAVY'], ['US'], true],
      [['US@NAVY'], [null], false],
      [['US@NAVY', 'US@NAVY'], ['US@NAVY'], false],
      // Governors named by name: two governors are two deciders, whatever states are read.
      [['US-*~ivey'], ['US-*~gordon'], true],
      [['US-IA~reynolds'], ['US-*~reynolds'], false],
      [['US-SD'], ['US-*~noem'], false],
      [['US-ND', 'US-ND~burgum'], ['US-*~little'], true],
      [['US-*~noem'], ['US-*'], false],
      // A university (system) and its state's government are two deciders; two campuses of one state may be one.
      [['US-OH@UNIV'], ['US-OH'], true],
      [['US-OH@UNIV'], ['US-OH~dewine'], true],
      [['US-*@UNIV'], ['US-*'], true],
      [['US-*@UNIV'], ['US-OH@UNIV'], false],
      [['US-OH@UNIV'], ['US-KS@UNIV'], true],
      [['US-OH@UNIV', 'US-*@UNIV'], ['US-KS@UNIV'], true],
      [['US-OH@UNIV'], [null], false],
    ] as Array<[Array<string | null>, Array<string | null>, boolean]>)('%j vs %j: %s', (a, b, expected) => {
      expect(actorsConflict(a, b)).toBe(expected);
    });
  });
});
