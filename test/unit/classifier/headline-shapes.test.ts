/**
 * Headline-only items (the Google News shape, no lead), third round: headline constructions that
 * recur across outlets and decisions — a regulator refusing a vendor leave to operate, a nominal
 * blockade, officials barred from using a product (zh 禁官员用), courts named by title or acronym,
 * a court dismissing a challenge, an authority vowing its own step, demonyms before a government
 * word, a vendor allowed again (de darf … wieder) — and the near misses they must not catch.
 * The headlines are written for these rows, not copied from the labelled fixtures.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { google } from './helpers.js';

// [language, headline, measure, stage, countries]
const MEASURES: Array<[string, string, Measure, Stage, string[]]> = [
  // a regulator refusing a vendor's application to operate or enter the market
  ['en', 'FCC denies China Telecom bid to provide services in US', 'market_ban', 'in_force', ['US']],
  ['zh', '美联邦通信委员会驳回中国电信的营运申请', 'market_ban', 'in_force', ['US']],
  ['ja', '米FCC、中国聯通の事業申請を却下', 'market_ban', 'in_force', ['US']],
  // an authority's stated intention (ja 意向) is a proposal
  ['ja', '米通信委、中国電信の参入申請に却下の意向', 'market_ban', 'proposed', ['US']],
  // officials barred from using a product, in a short Chinese headline
  ['zh', '传日本禁公务员用DeepSeek', 'device_ban', 'in_force', ['JP']],
  // a nominal block ordered by a court named by its country's demonym
  ['en', 'Spanish court orders a blockade of Telegram', 'market_ban', 'in_force', ['ES']],
  // a Brazilian court named by its acronym lifting a block (the default country of pt)
  ['pt', 'TRF-3 suspende bloqueio do TikTok', 'market_ban', 'lifted', ['BR']],
  // demonyms before a government word name the acting country
  ['en', 'Iraqi regulator vows to lift TikTok ban', 'market_ban', 'lifted', ['IQ']],
  ['en', 'Egyptian ministry vows to block Telegram', 'market_ban', 'announced', ['EG']],
  // government departments or an office barring the use (禁用, not the sale) of a vendor's devices;
  // 'Apple devices' (苹果设备) names Apple
  ['zh', '英国多部门禁止使用海康威视设备', 'device_ban', 'in_force', ['GB']],
  ['zh', '荷兰首相办公室下令禁用小米手机', 'device_ban', 'in_force', ['NL']],
  ['zh', '乌克兰国防部禁用苹果设备', 'device_ban', 'in_force', ['UA']],
  // a legislature banning the use of an app bans it on its own devices
  ['ko', '美 상원, 딥시크 사용 금지', 'device_ban', 'in_force', ['US']],
  ['zh', '美参议院禁用DeepSeek', 'device_ban', 'in_force', ['US']],
  ['ja', '米下院、TikTokの使用を禁止', 'device_ban', 'in_force', ['US']],
  ['en', 'US House bans use of DeepSeek', 'device_ban', 'in_force', ['US']],
  // stopping sales, even in stores on military bases, is a market ban; banning the drones there is not
  ['en', 'US bars sales of DJI drones at military bases', 'market_ban', 'in_force', ['US']],
  ['zh', '美国禁止军事基地销售大疆无人机', 'market_ban', 'in_force', ['US']],
  ['ja', '米国、軍基地の売店でファーウェイ端末の販売を禁止', 'market_ban', 'in_force', ['US']],
  ['en', 'Pentagon bans DJI drones on military bases', 'device_ban', 'in_force', ['US']],
  // but a bill it passes that lets the president ban an app, or a ban bill it passes, is a market ban
  ['zh', '美眾院委員會通過允許總統禁用TikTok法案', 'market_ban', 'proposed', ['US']],
  ['zh', '美参议院禁用DeepSeek法案通过', 'market_ban', 'proposed', ['US']],
];

// [language, headline, countries]: the acting country named the way the outlet's region names it
const COUNTRIES: Array<[string, string, string[]]> = [
  // Taiwanese and Hong Kong headlines name the PRC as the mainland (大陸, 陸 + a ministry)
  ['zh', '大陸封殺美光晶片', ['CN']],
  ['zh', '陸商務部宣布將英偉達列入不可靠實體清單', ['CN']],
  // heads of government by name, in any language's Latin-script headline
  ['en', 'PM Albanese confirms TikTok ban on government devices', ['AU']],
  ['en', 'Orbán government bans Huawei from state networks', ['HU']],
  // and in Chinese, Japanese and Korean script
  ['zh', '普京下令禁止官员使用iPhone', ['RU']],
  ['ja', 'マクロン大統領、TikTok禁止を検討', ['FR']],
  ['ko', '마크롱, 틱톡 금지 검토', ['FR']],
  // Japanese one-character country names as the subject (仏, 豪, 独 as 英 and 米)
  ['ja', '豪も政府端末でTikTok禁止', ['AU']],
  ['ja', '独、ファーウェイを5G網から排除へ', ['DE']],
  // Taiwan's Executive Yuan (政院) and its leaders by name; the country guarded against (防陸…) is the target
  ['zh', '政院宣布公部門禁用小米手機', ['TW']],
  ['zh', '防陸竊密 賴清德下令公部門禁用DeepSeek', ['TW']],
  // a state or its rules targeting a vendor (en targets, fr cibler, de nimmt … ins Visier)
  ['en', 'US targets Huawei with new chip rules', ['US']],
  ['fr', 'La France adopte une loi qui pourrait cibler ZTE', ['FR']],
  ['de', 'USA nehmen Huawei ins Visier', ['US']],
  // short headline verbs with the vendor as object (axes, nixes, shuns, halts, shuts, pulls the plug on, gets the boot)
  ['en', 'UK axes Huawei from 5G', ['GB']],
  ['en', 'Romania shuns Huawei', ['RO']],
  ['en', 'Nepal halts TikTok', ['NP']],
  ['en', 'Australia pulls plug on WeChat', ['AU']],
  ['en', 'Huawei gets the boot in UK', ['GB']],
  ['de', 'Polen stoppt TikTok', ['PL']],
  // the Department of Homeland Security is American
  ['ko', '국토안보부, 카스퍼스키 사용 금지 명령', ['US']],
];

// [language, headline, stage]
const STAGES: Array<[string, string, Stage]> = [
  // a court dismissing a vendor's challenge leaves the ban in force
  ['en', 'Appeals court dismisses ZTE challenge to FCC ban', 'in_force'],
  ['en', 'US judge dismisses Huawei appeals against ban', 'in_force'],
  // a vendor allowed again (de 'darf … wieder') is a lifting
  ['de', 'USA: Nvidia darf wieder Chips nach China liefern', 'lifted'],
  // headline stage in the Romance languages: about to / going to ban is announced, intends / considers /
  // prepares a ban is proposed (not the present tense's in force)
  ['fr', "Le Canada s'apprête à bannir WeChat", 'announced'],
  ['fr', 'La Belgique compte interdire TikTok', 'proposed'],
  ['es', 'México se plantea vetar a Huawei', 'proposed'],
  ['es', 'Chile va a prohibir TikTok', 'announced'],
  ['it', 'Il governo sta per vietare Huawei', 'announced'],
  // 'unbans' lifts
  ['en', 'Indonesia unbans Telegram', 'lifted'],
  ['pt', 'Governo prepara proibição do TikTok', 'proposed'],
  // a Chinese or Japanese headline that reports a step and then asks about it after a comma
  ['zh', '法官暂时叫停蒙大拿州的TikTok禁令,用户的胜利?', 'lifted'],
  ['ja', 'イタリア当局がDeepSeekを遮断、次はどこ?', 'in_force'],
];

// Near misses: the same words in company news, reactions and other applications.
const NOT_RELEVANT: Array<[string, string]> = [
  ['en', 'Huawei dismisses 200 employees in Canada'],
  ['en', 'Huawei vows to fight the US ban'],
  ['en', 'China vows to retaliate after US blocks Huawei'],
  ['en', 'Patent office rejects Huawei application to register trademark'],
  ['zh', '国家知识产权局驳回华为商标申请'],
  ['ja', 'ファーウェイの特許申請が却下'],
  // questions that ask about the step itself stay questions (a Korean comma follows the topic)
  ['zh', '美国会禁止TikTok吗？'],
  ['ja', '日本もTikTokを禁止するのか?'],
  ['ko', '딥시크, 국내 서비스 재개 시동?'],
  ['ko', '틱톡, 한국도 금지할까?'],
  // others targeting a vendor's users, or the vendor targeting a market
  ['en', 'Hackers target Huawei customers'],
  ['en', 'Scammers target TikTok users'],
  ['en', 'Huawei targets 5G growth in Europe'],
  // the vendor's own jobs, production or sales after the verb are company news
  ['en', 'Huawei axes 100 jobs in UK'],
  ['en', 'Apple halts iPhone production in China'],
  ['en', 'Investors shun Xiaomi shares'],
  ['de', 'Huawei stoppt Produktion in Deutschland'],
  // calls for, reactions to and hopes about the steps these rows read
  ['en', 'Lawmakers urge FCC to deny China Telecom application'],
  ['en', 'China Mobile says FCC denial was politically motivated'],
  ['en', 'Iraqi users protest Telegram block'],
  ['zh', '中国移动回应美国拒绝申请：将维护权益'],
  ['ja', '中国外務省、米FCCの参入申請却下に反発'],
  ['de', 'Huawei hofft, wieder liefern zu dürfen'],
  // 'va a' before a vendor's own launch is no measure
  ['es', 'Huawei va a lanzar un nuevo móvil en España'],
  // the mainland as a market, not an actor
  ['zh', '小米手机销量大增 大陆市场回暖'],
];

describe('classifier', () => {
  describe('classify: headline-only constructions (third round)', () => {
    it.each(MEASURES)('[%s] reads "%s" as %s / %s by %j', (language, headline, measure, stage, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
      expect(c.stage).toBe(stage);
      expect(c.countries).toEqual(countries);
    });

    it.each(COUNTRIES)('[%s] finds the acting country of "%s" (%j)', (language, headline, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });

    it.each(STAGES)('[%s] reads "%s" as %s', (language, headline, stage) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });

    it.each(NOT_RELEVANT)('[%s] does not alert on "%s"', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });
  });
});
