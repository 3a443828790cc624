/**
 * Headline-only items (the Google News shape: "<headline> - <Outlet>", no lead): the headline alone
 * has to carry the measure, its scope, its stage and the acting country, and headlines that only
 * report a reaction, a rebuttal or a call for a ban have to stay not relevant without a lead to
 * explain them.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { google } from './helpers.js';

// [language, headline, measure, stage, countries]
const MEASURES: Array<[string, string, Measure, Stage, string[]]> = [
  // headline verbs that oust, crack down, pull or flag
  ['en', 'Sweden boots ZTE from 5G', 'network_exclusion', 'in_force', ['SE']],
  ['en', 'Portugal shuts door on Huawei 5G', 'network_exclusion', 'in_force', ['PT']],
  ['en', 'Nepal shuts out TikTok', 'market_ban', 'in_force', ['NP']],
  ['en', 'WeChat pulled from app stores in India', 'market_ban', 'in_force', ['IN']],
  ['en', 'Czech watchdog flags ZTE as a security threat', 'security_warning', 'in_force', ['CZ']],
  ['de', 'Dänemark wirft ZTE aus dem 5G-Netz', 'network_exclusion', 'in_force', ['DK']],
  ['fr', 'La Finlande met Huawei à la porte', 'network_exclusion', 'in_force', ['FI']],
  ['es', 'Noruega echa a Huawei de su red 5G', 'network_exclusion', 'in_force', ['NO']],
  ['pt', 'Suécia tira Huawei do 5G', 'network_exclusion', 'in_force', ['SE']],
  ['ko', '2028년까지 스웨덴 내 모든 ZTE 5G 장비 철거', 'network_exclusion', 'announced', ['SE']],
  // 'wants to ban' is a plan
  ['es', 'Polonia quiere prohibir TikTok', 'market_ban', 'proposed', ['PL']],
  ['it', 'La Polonia vuole vietare TikTok', 'market_ban', 'proposed', ['PL']],
  ['pt', 'Polônia quer proibir TikTok', 'market_ban', 'proposed', ['PL']],
  // scope words that put the ban on the state's own devices
  ['nl', 'Overheid verbiedt WeChat op laptops en smartphones van het personeel', 'device_ban', 'in_force', ['NL']],
  ['fr', 'WeChat interdit sur les ordinateurs de l\'administration belge', 'device_ban', 'in_force', ['BE']],
  ['pt', 'Governo de Portugal proíbe TikTok no trabalho', 'device_ban', 'in_force', ['PT']],
  ['it', 'Le istituzioni dell\'Unione europea bandiscono Telegram', 'device_ban', 'in_force', ['EU']],
  ['en', 'EU institutions ban DeepSeek', 'device_ban', 'in_force', ['EU']],
  // a governor's ban covers the state's own devices; 'orders no X on…' is an order
  ['en', 'Ohio Gov. Mike DeWine bans TikTok and WeChat', 'device_ban', 'in_force', ['US']],
  ['en', 'Kentucky: Gov. Beshear orders no DeepSeek on state phones', 'device_ban', 'in_force', ['US']],
  // the acting country named only by a demonym and an institution
  ['en', 'Danish data regulator tells Apple and Google to pull DeepSeek from app stores', 'market_ban', 'proposed', ['DK']],
  // Brazilian spellings of country names; the Polish present tense of 'block'
  ['pt', 'Polônia avalia banir TikTok', 'market_ban', 'proposed', ['PL']],
  ['pt', 'Holanda proíbe TikTok em celulares de servidores', 'device_ban', 'in_force', ['NL']],
  ['pl', 'Nepal blokuje TikToka', 'market_ban', 'in_force', ['NP']],
  ['en', 'Estonian Foreign Affairs bars diplomats from using TikTok on official phones', 'device_ban', 'in_force', ['EE']],
  // zh headlines name the US by 美 alone ('美撤销…', '列美黑名单'), not by 美光, 美元, 美媒 or a list of abbreviations
  ['zh', '美撤销出口许可 禁止高通芯片卖中兴', 'export_control', 'in_force', ['US']],
  ['zh', '美众院禁用TikTok法案通过', 'market_ban', 'proposed', ['US']],
  ['zh', '美媒:中国禁止政府采购美光芯片', 'procurement_exclusion', 'in_force', ['CN']],
  ['zh', '丹麦跟进 美加日欧同步防堵TikTok', 'market_ban', 'in_force', ['DK']],
  // Korean headlines name countries by one hanja followed by a particle; joining others ('英도 동참') is a decision
  ['ko', '화웨이 배제 확산…英도 동참', 'network_exclusion', 'announced', ['GB']],
  // listings and designations: '블랙리스트에', '“中国軍事企業”に指定', a quoted order ('「即座に停止」命じる')
  ['ko', '美 상무부, 화웨이도 블랙리스트에', 'export_control', 'in_force', ['US']],
  // a blacklist of Chinese firms (中企) is the investment blacklist; 'Chinese military company' designations too
  ['zh', '美政府又拉黑小米等9家中企', 'sanctions', 'in_force', ['US']],
  ['ja', '米国防総省、DJIを“中国軍事企業”に指定', 'sanctions', 'in_force', ['US']],
  // 우크라 is Ukraine as the subject ('우크라, …'), not as an object ('우크라 지원', aid to Ukraine)
  ['ko', '우크라, 공무원 텔레그램 사용 금지', 'device_ban', 'in_force', ['UA']],
  ['ja', 'ロシアでフェイスタイム制限 テロ抑止理由に', 'market_ban', 'in_force', ['RU']],
  ['ja', 'フランス当局がTikTokに「即座に停止」命じる', 'market_ban', 'in_force', ['FR']],
  // 'can't use' in Korean; 对…下手 ('goes after') in Chinese; a failed cybersecurity review is China's
  ['ko', '러시아, 페이스타임 못써', 'market_ban', 'in_force', ['RU']],
  ['zh', '特朗普对微信下手', 'market_ban', 'in_force', ['US']],
  ['zh', '停止采购!英伟达在华销售的芯片未通过网络安全审查', 'procurement_exclusion', 'in_force', ['CN']],
  // Europe as the actor of a headline verb or the place of a passive ban
  ['en', 'Chinese ZTE banned in Europe', 'network_exclusion', 'in_force', ['EU']],
  ['es', 'Europa prohíbe TikTok en los dispositivos de sus funcionarios', 'device_ban', 'in_force', ['EU']],
  // an agency deeming a vendor a threat; 'nella PA' (Italy's public administration); Greek 'the end of'
  ['en', 'Cyber agency deems Kaspersky a threat to Germany', 'security_warning', 'in_force', ['DE']],
  ['it', 'Vietato TikTok nella PA', 'device_ban', 'in_force', ['IT']],
  ['el', 'Δανία: Τέλος το TikTok για τους δημοσίους υπαλλήλους', 'device_ban', 'in_force', ['DK']],
  // licences not renewed (zh 不予续签); a ban reported before the users' lawsuit; a court ordering a block;
  // Korean 'domestic (new) service/downloads stopped'; the vendor's reaction 'as' a country orders the block
  ['zh', '英国变相淘汰中兴设备 5G设备许可证到期不予续签', 'network_exclusion', 'announced', ['GB']],
  ['zh', '蒙大拿州禁止在政府设备上使用TikTok 用户提起诉讼', 'device_ban', 'in_force', ['US']],
  ['es', 'Un juez ordena bloquear TikTok de forma cautelar', 'market_ban', 'in_force', ['ES']],
  ['ko', '틱톡 국내 신규 다운로드 중단', 'market_ban', 'in_force', ['KR']],
  ['en', "WeChat 'shocked' as Malaysia orders the app to be blocked", 'market_ban', 'in_force', ['MY']],
  // a ministry that regulates no market blocks an app on its own network and PCs; 'on their own
  // phones' and 'devices belonging to the public sector' are an official scope
  ['ko', '기재부, 텔레그램 차단…보안 점검', 'device_ban', 'in_force', ['KR']],
  ['hi', 'रक्षा मंत्रालय ने टिकटॉक पर लगाई रोक', 'device_ban', 'in_force', ['IN']],
  ['de', 'Kanada: Behörden verbieten WeChat auf ihren Handys', 'device_ban', 'in_force', ['CA']],
  ['tr', "Hollanda'da kamuya ait telefonlarda TikTok yasaklandı", 'device_ban', 'in_force', ['NL']],
  // the vendor as the object of 'shutdown' (one word), a future 'close' or 'vetoes'
  ['en', 'Hungary could shutdown WeChat', 'market_ban', 'proposed', ['HU']],
  ['en', 'Kenya will close Telegram', 'market_ban', 'announced', ['KE']],
  ['en', 'Spain vetoes ZTE 5G contract', 'network_exclusion', 'in_force', ['ES']],
  // French 'couper' with the vendor as its object ('coupe TikTok'), as 'coupe l’accès à' already was
  ['fr', 'Le Burkina Faso coupe Telegram et WhatsApp', 'market_ban', 'in_force', ['BF']],
  ['fr', 'La Guinée a coupé TikTok', 'market_ban', 'in_force', ['GN']],
];

// [language, headline, stage]
const STAGES: Array<[string, string, Stage]> = [
  // verbs of deliberation in a headline
  ['en', 'Canada ponders WeChat ban', 'proposed'],
  ['en', 'Brazil eyes ban on Telegram', 'proposed'],
  ['en', 'Australia contemplating TikTok ban on government phones', 'proposed'],
  // a court overruling or stopping a ban lifts it, also when the court is part of a compound
  ['en', 'Federal Judge Overrules Montana TikTok Ban', 'lifted'],
  ['de', 'Bundesrichter stoppt TikTok-Verbot in Montana', 'lifted'],
  ['de', 'Österreich: Verwaltungsrichterin stoppt Telegram-Sperre', 'lifted'],
  // a vendor's suit against a ban dismissed by the courts leaves the ban in force
  ['en', 'Huawei bid to overturn FCC ban dismissed by appeals court', 'in_force'],
  // a headline's future form: 'to announce a ban on…' (the noun after 'announce'), 'to suspend', 'to shut down'
  ['en', 'Japan to announce ban on ZTE gear in government contracts', 'announced'],
  ['en', 'Vietnam set to suspend Temu', 'announced'],
  ['en', 'Kazakhstan moves to shut down Telegram', 'announced'],
];

// [language, headline]: relevant with no lead, the actor given by a court or the federal staff
const RELEVANT: Array<[string, string, Stage]> = [
  ['es', 'Un juez ordena el bloqueo de Telegram en todo el país', 'in_force'],
  ['de', 'Bundesbedienstete dürfen WeChat weiter nutzen', 'rejected'],
  // a government's pending decision on a vendor's role in 5G is the exclusion at stake
  ['en', 'Canadian government still undecided on ZTE 5G role', 'proposed'],
  ['en', 'Dutch cabinet considers U-turn on Huawei role in 5G networks', 'proposed'],
  // a measure, then the targeted country's reply after a comma
  ['zh', '美国禁止下载TikTok,外交部回应', 'in_force'],
  // Korean: a quoted order and a ban the government gave civil servants
  ['ko', '“위챗 쓰지마”… 공무원에게 사용금지 내린 정부', 'in_force'],
  // a nominal headline: 'new American sanctions on …' (the indefinite Arabic adjective names the US)
  ['ar', 'عقوبات أمريكية جديدة على DJI', 'in_force'],
  // a head of government named by title and name defending the ban; a Czech office's warning
  ['en', 'PM Albanese defends TikTok ban on government devices', 'in_force'],
  ['cs', 'Aplikace TikTok je bezpečnostní hrozbou, varuje úřad', 'in_force'],
  // the split infinitive 'advised to not …'
  ['en', 'Norwegian officials advised to not keep Telegram on work phones', 'in_force'],
];

// Near misses that only a lead would otherwise explain.
const NOT_RELEVANT: Array<[string, string]> = [
  ['en', 'Opposition party is requesting a ban on TikTok for civil servants'],
  ['en', 'Green party demands a ban on Huawei gear'],
  ['en', 'About the ban on Kaspersky products in Canada, Kaspersky: the allegations are unfounded'],
  ['en', 'Huawei says accusations behind Swedish 5G ban are baseless'],
  ['en', 'Chinese embassy reacted to the ban on TikTok in Canada'],
  ['en', 'How investors reacted to the US ban on Huawei'],
  ['de', 'WeChat-Verbot: China hofft auf faire Behandlung in den USA'],
  ['de', 'Huawei-Ausschluss: Peking reagiert gelassen'],
  ['en', 'Huawei rolls out new phones in Germany'],
  ['en', 'Investors close Huawei deal'],
  ['de', 'Huawei wirft neue Smartphones auf den Markt'],
  ['it', 'Huawei a caccia di clienti in Italia'],
  ['en', 'Huawei kicks off 5G trials in Sweden'],
  ['en', 'Huawei to play a key role in Germany\'s 5G rollout'],
  ['en', 'ZTE says its role in Italian 5G networks is secure'],
  ['en', 'Huawei deems the US ban a threat to innovation'],
  ['ko', '공무원 노조, 틱톡 금지 요구'],
  ['ja', 'ファーウェイ、「即座に制限」命じる米国に反論'],
  ['zh', '华为在华销售增长 禁令影响有限'],
  ['en', 'Huawei expands in Europe despite bans'],
  ['en', "Huawei 'disappointed' as report urges UK to ban its kit"],
  ['zh', 'TikTok起诉美国禁令 用户支持'],
  ['zh', 'TikTok创作者起诉蒙大拿州'],
  ['en', 'PM says Huawei ban would be costly'],
  // a judgement of a ban ('X's ban is/was the/a/not…'); a measure as the cause of company news (ko 제재에…);
  // a call on others to join a measure (ko 제재에 동참 요구)
  ['en', 'The UK\'s Huawei ban was not about security'],
  ['en', 'Nepal\'s TikTok ban is the first step towards more control of social media'],
  ['ko', '美 수출통제 여파로…ZTE 실적 급감'],
  ['ko', '美제재에…ZTE 첫 역성장'],
  ['ko', '美, 화웨이 제재에 동참 요구'],
  // a teaser that hides the acting country ('this country'): Korea, the default, would be wrong
  ['ko', '“위챗 쓰지마”… 공무원에게 사용금지 내린 ‘이 나라’'],
  // 'the reason why X bans Y' is an explainer (but '…を理由に', on the grounds of, reports a measure)
  ['ja', '英国がファーウェイを排除した理由'],
];

describe('classifier', () => {
  describe('classify: headline-only measure and country', () => {
    it.each(MEASURES)('[%s] reads "%s" as %s / %s by %j', (language, headline, measure, stage, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
      expect(c.stage).toBe(stage);
      expect(c.countries).toEqual(countries);
    });
  });

  describe('classify: headline-only stage', () => {
    it.each(STAGES)('[%s] reads "%s" as %s', (language, headline, stage) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });

  describe('classify: headline-only actors', () => {
    it.each(RELEVANT)('[%s] finds a measure in "%s" (%s)', (language, headline, stage) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });

  describe('classify: headline-only near misses', () => {
    it.each(NOT_RELEVANT)('[%s] does not alert on "%s"', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });
  });
});
