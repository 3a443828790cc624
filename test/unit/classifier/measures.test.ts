import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure } from '../../../lambdas/core/model.js';
import { item } from './helpers.js';

// [language, title, summary, expected measure]
const MEASURE_CASES: Array<[string, string, string, Measure]> = [
  ['en', 'Japan excludes Huawei and ZTE from public procurement', 'Ministries will not buy equipment from the two companies from April.', 'procurement_exclusion'],
  ['en', 'UK bans Huawei from 5G networks', 'Operators must remove the company\'s kit from their 5G networks by 2027.', 'network_exclusion'],
  ['en', 'House bans TikTok on all devices it manages', 'Staff must delete the app from House-issued phones.', 'device_ban'],
  ['en', 'FCC bans sales of new Hikvision equipment', 'The Commission voted to stop granting equipment authorizations for Hikvision gear.', 'market_ban'],
  // Equipment approvals are market access, even when carriers are mentioned in passing.
  ['en', 'FCC ban on new Huawei and ZTE equipment approvals takes effect', 'The gear can no longer be authorised for import or sale in the United States. Carriers said the rules did not affect their networks.', 'market_ban'],
  ['en', 'US adds Inspur to the Entity List', 'Exports to Inspur now require a licence, effective immediately.', 'export_control'],
  ['en', 'US bars Americans from investing in China Mobile', 'The executive order prohibits purchases of securities of the company.', 'sanctions'],
  ['en', 'NCSC advises departments not to use Kaspersky products', 'The guidance says the products should not be used on government systems.', 'security_warning'],
  ['en', 'Canada orders TikTok to wind up its Canadian business', 'The government ordered TikTok Technology Canada to dissolve after a national security review.', 'other_restriction'],
  ['fr', 'La France exclut les drones DJI des marchés publics', 'Le ministère a décidé d\'écarter DJI des appels d\'offres.', 'procurement_exclusion'],
  ['fr', 'Le Canada interdit TikTok sur les appareils du gouvernement', 'L\'application est retirée des appareils mobiles fournis par le gouvernement.', 'device_ban'],
  ['de', 'Bundesregierung schließt Huawei aus dem 5G-Kernnetz aus', 'Komponenten müssen bis 2026 aus den Kernnetzen entfernt werden.', 'network_exclusion'],
  ['de', 'BSI warnt vor Kaspersky', 'Das BSI empfiehlt, Kaspersky-Produkte zu ersetzen.', 'security_warning'],
  ['es', 'EE.UU. incluye a YMTC en la lista de entidades', 'Las empresas necesitarán una licencia de exportación.', 'export_control'],
  ['es', 'India prohíbe TikTok en todo el país', 'Las tiendas de aplicaciones deben retirar la aplicación.', 'market_ban'],
  // A government that has the app stores remove an app bans it; the stores only carry out the order.
  ['en', 'Government asks Google and Apple to remove WeChat from their app stores', 'The ministry said the app threatened national security.', 'market_ban'],
  ['it', 'Il governo vieta TikTok sui telefoni di servizio', 'I dipendenti pubblici dovranno disinstallare l\'app dai dispositivi aziendali.', 'device_ban'],
  ['it', 'Usa, sanzioni contro Hikvision', 'Il Tesoro congela gli investimenti americani nella società.', 'sanctions'],
  ['pt', 'Portugal exclui a Huawei das redes 5G', 'Os operadores terão de retirar os equipamentos da rede 5G.', 'network_exclusion'],
  ['pt', 'Governo proíbe Hikvision em licitações públicas', 'A portaria exclui a empresa de contratos públicos.', 'procurement_exclusion'],
  ['ja', '政府、ファーウェイとZTEを政府調達から排除へ', '各府省庁の調達から事実上排除する方針を固めた。', 'procurement_exclusion'],
  ['ja', 'ロシア大統領府、職員にiPhoneの使用中止を指示', '4月1日までに使用をやめるよう指示した。', 'device_ban'],
  ['zh', '美国商务部将华为列入实体清单', '美国企业向华为出售零部件须获得许可证。', 'export_control'],
  ['zh', '行政院：公務機關禁用DeepSeek', '各公務機關即日起禁止使用DeepSeek。', 'device_ban'],
  ['ko', '개인정보위, 딥시크 국내 신규 다운로드 잠정 중단', '국내 앱 마켓에서 신규 다운로드가 중단됐다.', 'market_ban'],
  ['ko', '캐나다, 화웨이·ZTE 5G 장비 배제 결정', '5G 네트워크에서 화웨이와 ZTE 장비를 배제하기로 했다.', 'network_exclusion'],
  // A presidential order banning a country's companies from buying, using or dealing with a vendor
  // keeps it off that market (a market ban), not an export control: "transactions banned" alone is
  // how Korean and Japanese outlets name the Entity List, the executive order is what tells them apart.
  ['en', 'White House drafts order barring US businesses from buying DJI drones', 'The directive would prohibit American companies from purchasing the drones, officials said.', 'market_ban'],
  ['ko', '미 대통령, 위챗과 거래 금지하는 행정명령에 서명', '45일 후부터 미국 내 위챗과의 거래가 금지된다.', 'market_ban'],
  ['ko', '트럼프, 화웨이 장비 사용 금지 행정명령 서명', '미국 기업들은 화웨이 통신장비를 쓸 수 없게 된다.', 'market_ban'],
  ['ja', '米大統領、WeChatとの取引を禁止する大統領令に署名', '45日後に発効する。', 'market_ban'],
  // "on state equipment" names the official scope as "on state devices" does.
  ['en', 'Kansas prohibits WeChat on state equipment', '', 'device_ban'],
  // A government removing a product from its own systems, or told to by its bodies' names
  // (Regierungseinrichtungen), names the official scope of a device ban: not a market ban.
  ['de', 'Regierung verbannt Kaspersky', 'Die Regierung hat die Antivirensoftware aus ihren Systemen entfernt, wegen Spionagegefahr.', 'device_ban'],
  ['de', 'Neuseeland verbietet Kaspersky-Produkte', 'Regierungseinrichtungen müssen die Software bis Juni deinstallieren.', 'device_ban'],
  ['en', 'Estonia bans Kaspersky software', 'The government has removed the antivirus from its systems over espionage fears.', 'device_ban'],
  ['it', 'Il governo vieta Kaspersky', 'Il software antivirus sarà rimosso dai propri sistemi per motivi di sicurezza.', 'device_ban'],
  // Goods words ("chips", 半导体) name what crosses the border, not which way: a state keeping a
  // foreign maker's chips out restricts its imports or its own buying, not exports…
  ['ko', '중국, 엔비디아 반도체 반입 금지', '중국 당국이 엔비디아 칩의 국내 반입을 막았다.', 'market_ban'],
  ['fr', 'La Chine interdit les puces Nvidia', 'Les autorités ont ordonné aux entreprises chinoises de renoncer aux semi-conducteurs du groupe américain.', 'market_ban'],
  ['it', 'La Cina vieta i chip Nvidia', 'Pechino ha ordinato alle aziende di non usare più i semiconduttori americani.', 'market_ban'],
  ['en', 'China bars Nvidia chips from new computing hubs', 'Beijing told state-backed data centres to replace Nvidia processors with domestic semiconductors.', 'procurement_exclusion'],
  ['de', 'China verbannt Nvidia-Chips aus staatlich finanzierten Rechenzentren', 'Neue Projekte dürfen nur noch heimische Halbleiter verwenden.', 'procurement_exclusion'],
  ['pt', 'China proíbe chips da Nvidia em centros de dados financiados pelo Estado', 'Os novos projetos devem usar apenas semicondutores nacionais.', 'procurement_exclusion'],
  // …while the maker's own state, or a state whose instrument against the target is an export
  // control, still controls exports.
  ['en', 'US bars Nvidia from shipping advanced chips to China', 'The Commerce Department said sales of the processors need a licence.', 'export_control'],
  ['de', 'USA beschränken Chip-Lieferungen an SMIC', 'Amerikanische Firmen brauchen eine Genehmigung für Halbleiter an den Konzern.', 'export_control'],
];

describe('classifier', () => {
  describe('classify: measures', () => {
    it.each(MEASURE_CASES)('[%s] reads "%s" as the right measure', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });

    it('explains the measure with a phrase of the item and the ids of the rules that fired', () => {
      const c = classify(item('en', 'Japan excludes Huawei and ZTE from public procurement'));
      expect(c.evidence.join(' ')).toMatch(/public procurement/);
      expect(c.rules).toContain('vendor.Huawei.Huawei');
      expect(c.rules?.some((id) => id.startsWith('en.measure.procurement.'))).toBe(true);
    });
  });
});

// device_ban needs an official scope (government devices, agencies, public bodies, military sites);
// a ban of a product or app for the whole market, consumers or private premises is a market ban.
const SCOPE_CASES: Array<[string, string, string, Measure]> = [
  ['en', 'Bill would add DJI drones to the FCC Covered List', 'New DJI models could no longer get FCC approval.', 'market_ban'],
  ['en', 'South Korea\'s privacy regulator orders DeepSeek blocked in the country', 'Internet providers must cut access for all users.', 'market_ban'],
  ['en', 'Government decides against banning Hikvision cameras from private premises', 'Ministers said consumers could keep using them.', 'market_ban'],
  ['en', 'State bans DeepSeek on agency devices', 'State employees must delete the app.', 'device_ban'],
  ['es', 'El Gobierno prohíbe DeepSeek en los organismos públicos', 'La medida afecta a toda la administración pública.', 'device_ban'],
  ['de', 'Bundeswehr verbietet DJI-Drohnen in Kasernen', 'Das Verbot gilt für alle Streitkräfte.', 'device_ban'],
  ['fr', 'Le gouvernement interdit la vente des caméras Hikvision aux particuliers', 'Les consommateurs ne pourront plus en acheter.', 'market_ban'],
  ['ja', '韓国、DeepSeekの国内新規ダウンロードを停止', '消費者向けの配信を止めた。', 'market_ban'],
  ['zh', '台湾禁止政府机构使用DeepSeek', '所有政府部门即日起禁用。', 'device_ban'],
  // A city or prefecture cannot close a national market: what it stops is its own use.
  ['ja', '横浜市が公式TikTokの利用を停止', '情報流出への懸念から、市の公式アカウントでの運用を取りやめる。', 'device_ban'],
  // Lawmakers' aides and offices are official users.
  ['ko', '미 하원, 보좌진에 딥시크 사용 금지', '하원 행정최고책임자는 의원실에 딥시크 앱을 설치하지 말라고 통보했다.', 'device_ban'],
  // A government that gives a product up stops its own use of it.
  ['ru', 'Эстония отказалась от антивирусов Касперского', 'Решение принято из соображений безопасности.', 'device_ban'],
  // Carriers blocking an app are how a country bans it from its market, not a network exclusion.
  ['en', 'Vietnam orders telecom operators to block Telegram', 'Mobile network operators must stop the messaging app from working in the country.', 'market_ban'],
  ['es', 'La Audiencia Nacional ordena a las operadoras bloquear Telegram en España', 'El juez ordenó el bloqueo cautelar de la aplicación de mensajería.', 'market_ban'],
  // …and a network word is no network exclusion for a vendor that makes no network equipment: it
  // reads the vendor's usual measure.
  // A ministry blocking an app is the regulator closing the market; its own staff's phones need a ban.
  ['en', 'Govt blocks Telegram web app', 'The Communications Ministry on Friday blocked eleven domains owned by Telegram.', 'market_ban'],
  ['zh', '网路漏洞 美陆军下令停用大疆无人机', '美国陆军下令所属单位基于“网路漏洞”,停用由大疆公司生产的无人机。', 'device_ban'],
];

describe('classifier', () => {
  describe('classify: device vs market scope', () => {
    it.each(SCOPE_CASES)('[%s] reads "%s" as the right measure', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

// Official advice to citizens or consumers not to use or buy a product is a security warning.
const ADVICE_CASES: Array<[string, string, string, Measure]> = [
  ['de', 'Estland rät Bürgern, keine Xiaomi-Telefone zu kaufen', 'Die Cyberbehörde empfiehlt, vorhandene Geräte zu ersetzen.', 'security_warning'],
  ['en', 'Lithuania urges consumers to throw away Xiaomi phones', 'The defence ministry found censorship capabilities in the devices.', 'security_warning'],
  ['fr', 'La Lituanie recommande aux consommateurs de ne pas acheter de téléphones Xiaomi', 'Le ministère de la Défense a trouvé un outil de censure.', 'security_warning'],
  ['it', 'La Lituania invita i cittadini a non acquistare telefoni Xiaomi', 'Il ministero della Difesa ha scoperto una funzione di censura.', 'security_warning'],
  ['zh', '立陶宛国防部建议民众不要购买小米手机', '该部门称发现审查功能。', 'security_warning'],
];

describe('classifier', () => {
  describe('classify: official advice', () => {
    it.each(ADVICE_CASES)('[%s] reads "%s" as the right measure', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

// An order to stop operating or selling in the country is a market ban; municipalities are public
// bodies (device_ban when their own equipment is meant).
const MORE_MEASURE_CASES: Array<[string, string, string, Measure]> = [
  // Customs stepping up checks on a product's imports, or an import restriction enforced: an import ban in force.
  ['zh', '俄罗斯海关加强检查苹果手机进口', '海关表示将严格执行相关规定。', 'market_ban'],
  ['zh', '印度海關嚴查小米手機進口', '', 'market_ban'],
  ['ja', 'インド税関、シャオミ製スマホの取り締まり強化', '輸入制限措置の執行を徹底する。', 'market_ban'],
  ['en', 'India\'s customs crack down on imports of Xiaomi phones', 'Officers at major ports are inspecting shipments.', 'market_ban'],
  ['en', 'Russia steps up enforcement of the import ban on Apple devices', '', 'market_ban'],
  // An official recommendation to delete an app is advice; a ban on a number of apps is a market ban.
  ['ko', '덴마크 의회, 틱톡 앱 삭제 강력 권고', '덴마크 의회는 직원들에게 틱톡 앱을 삭제하라고 권고했다.', 'security_warning'],
  ['ko', '인도 정부, 중국 앱 43개 사용금지', '인도 정부가 알리익스프레스 등 중국 앱 43개를 금지했다.', 'market_ban'],
  ['zh', '越南下令Temu停止在越南的业务', '越南工贸部表示该平台违规经营。', 'market_ban'],
  ['fr', 'Le Canada ordonne à Hikvision de cesser ses activités au pays', 'Le ministre invoque la sécurité nationale.', 'market_ban'],
  ['it', 'Il Comune di Milano vieta le telecamere Hikvision negli uffici comunali', 'La giunta ha deciso la sostituzione degli impianti.', 'device_ban'],
  ['es', 'Chequia prohíbe DeepSeek en la administración pública', 'La agencia de ciberseguridad emitió la orden.', 'device_ban'],
  ['fr', 'La Tchéquie interdit DeepSeek dans l\'administration', 'Les organismes publics doivent désinstaller l\'application.', 'device_ban'],
  ['ko', '체코, 공공기관 딥시크 사용 금지', '체코 정부는 행정기관에서 딥시크 사용을 금지했다.', 'device_ban'],
  // Carriers told to block an app: a market ban; a chip's sales to China: an export control.
  ['vi', 'Cục Viễn thông yêu cầu nhà mạng chặn Telegram', 'Cục Viễn thông yêu cầu các nhà mạng ngăn chặn hoạt động của Telegram tại Việt Nam.', 'market_ban'],
  ['ko', '美, 엔비디아 H20 중국 판매 허용', '미국 상무부가 엔비디아의 H20 칩 중국 수출을 허가했다.', 'export_control'],
  ['vi', 'Mỹ cấm TikTok trên thiết bị của chính phủ liên bang', 'Nhà Trắng yêu cầu các cơ quan liên bang xóa TikTok khỏi thiết bị trong vòng 30 ngày.', 'device_ban'],
  // A product's sale or supply banned is a market ban; a regulator summoning a vendor is another restriction.
  ['ja', '米、カスペルスキー製品の提供禁止を発表', '米商務省はセキュリティソフトウェア提供を9月29日に禁止する。', 'market_ban'],
  ['zh', '國家網信辦約談英偉達 要求說明H20晶片安全風險', '網信辦要求英偉達就對華銷售的H20晶片漏洞後門安全風險問題進行說明。', 'other_restriction'],
  // The Pentagon's Chinese military companies list (1260H) is another restriction; the target's retaliation warning is no advisory.
  ['zh', '美国国防部将宇树科技列入军事企业清单', '美国国防部更新1260H清单,宇树科技在列。', 'other_restriction'],
  // …also when the list is described rather than named: companies aiding / with ties to the Chinese military.
  ['en', 'Pentagon flags DJI over alleged Chinese military links', 'The Pentagon said DJI should be added to a list of companies with alleged connections to the Chinese military.', 'other_restriction'],
  ['zh', '美国防部认定大疆协助中国军方', '五角大楼致国会信件指出,大疆应被列入对中国军方提供协助的企业名单。', 'other_restriction'],
  ['ko', "美국방부, DJI도 '중국 군사 지원 기업'", '미 국방부가 DJI를 중국군 지원 기업으로 지정했다.', 'other_restriction'],
  ['ja', '米国防総省、DJIを「中国人民解放軍の支援企業リスト」に追加', '国防総省が企業リストを更新した。', 'other_restriction'],
  ['de', 'Pentagon stuft DJI als militärnah ein', 'Das Verteidigungsministerium setzt DJI auf die Liste von Unternehmen mit Verbindungen zum chinesischen Militär.', 'other_restriction'],
  // A sales ban over unmet investment pledges (local-content rules) is a market ban, not investment
  // sanctions; a product 'launched in September' in a relative clause is background, not launch news.
  ['pt', 'Indonésia proíbe venda do iPhone 17 por problemas de investimento', 'O governo bloqueou a venda porque a Apple não cumpriu as promessas de investimento.', 'market_ban'],
  ['zh', '印尼严控iPhone 17销售', '苹果尚未达到当地的投资目标,印尼工业部禁止销售。', 'market_ban'],
  ['zh', 'iPhone 17在印尼面临销售禁令,印尼部长:苹果投资未达到目标', '印尼工业部表示,苹果公司尚未实现投资目标。', 'market_ban'],
  ['ko', '인도네시아, 아이폰 17 판매 사실상 금지', '애플이 지난 9월 출시한 스마트폰 아이폰17의 인도네시아 판매가 사실상 금지됐다.', 'market_ban'],
  ['ko', '하이크비전, 캐나다서 퇴출 명령…中 맞불 경고', '캐나다 정부가 하이크비전에 국내 사업 중단을 명령했다.', 'market_ban'],
];

describe('classifier', () => {
  describe('classify: operations, municipalities, short country names', () => {
    it.each(MORE_MEASURE_CASES)('[%s] reads "%s" as the right measure', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

// Revoking an operating licence is a market ban in force (not "cancelling" a ban); excluding a vendor
// from a 5G auction is a network decision; suspending the use of a product in police premises is a
// device ban.
const LICENCE_CASES: Array<[string, string, string, Measure, string]> = [
  ['ja', '米、チャイナ・テレコムの通信事業免許を取り消し', '米連邦通信委員会が決定した。', 'market_ban', 'in_force'],
  ['ko', '미국 FCC, 차이나모바일 면허 취소', '미국 연방통신위원회는 국가안보를 이유로 면허를 취소했다.', 'market_ban', 'in_force'],
  ['zh', '美国联邦通信委员会吊销中国联通美国公司牌照', '该委员会以国家安全为由作出决定。', 'market_ban', 'in_force'],
  ['pt', 'Governo estuda excluir a Huawei do leilão do 5G', 'A proposta está em análise no ministério.', 'network_exclusion', 'proposed'],
  ['it', 'La Spagna esclude Huawei dalla gara per il 5G', 'Il governo ha escluso il fornitore cinese.', 'network_exclusion', 'in_force'],
  ['es', 'Perú suspende el uso de cámaras Dahua en comisarías', 'La Policía Nacional ordenó retirar los equipos.', 'device_ban', 'in_force'],
];

describe('classifier', () => {
  describe('classify: licences, auctions, police premises', () => {
    it.each(LICENCE_CASES)('[%s] reads "%s" as %s / %s', (language, title, summary, measure, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
      expect(c.stage).toBe(stage);
    });
  });
});

// A public body restricting its own units or fleet is a device ban; a nationwide "use ban" of apps is
// a market ban; an official advisory is a warning.
const OWN_SCOPE_CASES: Array<[string, string, string, Measure]> = [
  ['en', 'Navy orders sailors to stop using TikTok', 'Personnel must delete the app from their phones.', 'device_ban'],
  ['ja', 'インド政府、中国製アプリ「微信」の使用禁止を発表', '国内での使用を即日禁止した。', 'market_ban'],
  ['fr', 'Avis de sécurité sur les caméras Dahua', 'L\'ANSSI recommande aux administrations de ne pas exposer ces caméras sur internet.', 'security_warning'],
  ['es', 'El Ejército prohíbe los drones DJI en sus bases', 'El Ministerio de Defensa ordenó retirarlos.', 'device_ban'],
  ['en', 'Australia bans Kaspersky products across government', 'Government entities must remove the software.', 'device_ban'],
];

describe('classifier', () => {
  describe('classify: own scope, national use bans, advisories', () => {
    it.each(OWN_SCOPE_CASES)('[%s] reads "%s" as the right measure', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

// "Should not install/use" in official guidance is a warning, even about government devices; removal
// from government premises is a device ban.
const GUIDANCE_CASES: Array<[string, string, string, Measure]> = [
  ['en', 'Guidance on the use of Kaspersky products in government', 'Departments should not install Kaspersky software on government devices.', 'security_warning'],
  ['de', 'BSI: Behörden sollten DeepSeek nicht nutzen', 'Mitarbeiter sollten die App auch auf privaten Geräten nicht installieren.', 'security_warning'],
  ['ja', '英政府、ダーファ製カメラを政府施設から撤去へ', '政府の重要施設に設置された監視カメラを撤去する方針。', 'device_ban'],
];

describe('classifier', () => {
  describe('classify: guidance and government premises', () => {
    it.each(GUIDANCE_CASES)('[%s] reads "%s" as the right measure', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

// Telling buyers to stop buying is procurement, whatever the product ("chips" is the vendor's
// product, not an export control); a headline naming an official scope (schools, ministries) is a
// device ban unless a market-scope cue says otherwise; two vendors with the same usual measure count
// one prior.
const BUYERS_CASES: Array<[string, string, string, Measure]> = [
  ['fr', 'La Chine interdit les puces Micron dans ses infrastructures critiques', 'Les opérateurs doivent cesser d\'acheter ces produits.', 'procurement_exclusion'],
  ['it', 'La Cina vieta i chip Micron nelle infrastrutture critiche', 'Gli operatori devono smettere di acquistare i prodotti.', 'procurement_exclusion'],
  ['pt', 'China proíbe chips da Micron em infraestrutura crítica', 'Os operadores devem parar de comprar os produtos.', 'procurement_exclusion'],
  ['zh', '网信办：关键信息基础设施运营者停止采购美光产品', '美光产品存在安全隐患。', 'procurement_exclusion'],
  ['pt', 'Estado da Flórida proíbe TikTok em escolas públicas', 'A lei veda o aplicativo nas redes escolares.', 'device_ban'],
  ['en', 'Virginia bans WeChat on public school devices', 'The app must be removed from school-issued laptops.', 'device_ban'],
  ['de', 'Niederlande verzichten auf Verbot von Hikvision- und Dahua-Kameras in Behörden', 'Die Kameras dürfen weiter genutzt werden.', 'device_ban'],
];

describe('classifier', () => {
  describe('classify: buyers, headline scope, shared priors', () => {
    it.each(BUYERS_CASES)('[%s] reads "%s" as the right measure', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

describe('classifier', () => {
  describe('classify: fibre and backbone networks', () => {
    it.each([
      ['es', 'Chile excluye a Huawei de la red de fibra óptica del Estado', 'La empresa quedó fuera de la licitación.'],
      ['de', 'Estland schließt Huawei vom Glasfaserausbau aus', 'Die Ausschreibung wurde entsprechend geändert.'],
      ['fr', 'Le Portugal exclut Huawei du réseau de fibre optique de l\'État', 'L\'appel d\'offres a été modifié.'],
    ])('[%s] reads "%s" as a network exclusion', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe('network_exclusion');
    });
  });
});

// Cancelling a purchase contract with a vendor is a procurement exclusion; putting a vendor's
// equipment on the covered list (受管制清单) is a market ban.
const CONTRACT_CASES: Array<[string, string, string, Measure]> = [
  ['zh', '立陶宛取消同方威视安检设备采购合同', '政府以国家安全为由作出决定。', 'procurement_exclusion'],
  ['en', 'Lithuania cancels Nuctech scanner contract on security grounds', 'The government said the supplier posed a national security risk.', 'procurement_exclusion'],
  ['pt', 'Governo brasileiro cancela contrato com a Hikvision', 'A decisão cita riscos de segurança nacional.', 'procurement_exclusion'],
  ['zh', '美国联邦通信委员会将海康威视列入受管制清单', '今后不再批准其新设备授权。', 'market_ban'],
];

describe('classifier', () => {
  describe('classify: cancelled contracts and covered lists', () => {
    it.each(CONTRACT_CASES)('[%s] reads "%s" as the right measure', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

// Handing back issued cars or phones is a device ban; public bodies not allowed to contract a vendor's
// services is procurement.
const HANDBACK_CASES: Array<[string, string, string, Measure]> = [
  ['en', "Israel's army orders officers to hand back Chinese-made BYD cars", 'The vehicles were issued to senior staff.', 'device_ban'],
  ['ko', '이스라엘군, 장교들에게 BYD 차량 반납 지시', '보안 우려 때문이다.', 'device_ban'],
  ['es', 'Perú prohíbe a los organismos públicos contratar la nube de Alibaba', 'La medida rige desde hoy.', 'procurement_exclusion'],
];

describe('classifier', () => {
  describe('classify: hand-backs and contracting', () => {
    it.each(HANDBACK_CASES)('[%s] reads "%s" as the right measure', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

// Compound German ban nouns, military sites and Korean security notices; neither buying nor using
// in public agencies is a device ban.
const COMPOUND_CASES: Array<[string, string, string, Measure]> = [
  ['de', 'Bundeswehr verhängt Zufahrtsverbot für chinesische E-Autos – BYD betroffen', 'Fahrzeuge chinesischer Hersteller dürfen nicht mehr in Kasernen.', 'device_ban'],
  ['fr', 'La France retire les voitures BYD des sites militaires', 'Le ministère des Armées a interdit leur accès.', 'device_ban'],
  ['ko', '국가정보원, 각 부처에 위챗 보안 주의 공문 발송', '사용에 유의하라고 당부했다.', 'security_warning'],
  ['zh', '數位發展部：公務機關禁用華為產品', '公務機關不得採購及使用華為手機。', 'device_ban'],
];

describe('classifier', () => {
  describe('classify: compounds, military sites, notices', () => {
    it.each(COMPOUND_CASES)('[%s] reads "%s" as the right measure', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

// Licences for companies to deal with a listed vendor are export licences, not the vendor's operating licence.
const DEALING_LICENCE_CASES: Array<[string, string, string, string]> = [
  ['en', 'Trump administration revokes licenses from Intel and other companies to work with Huawei', 'The Commerce Department notified several suppliers.', 'export_control'],
  ['en', 'U.S. companies can now resume business with Huawei, says Trump', 'At the G20 the president said Huawei is now allowed to resume business and buy parts from U.S. companies.', 'export_control'],
  ['ko', '美, 화웨이 거래제한 일시 완화…90일간 임시면허', '미국 상무부가 화웨이에 대한 거래제한 조치를 일부 완화했다.', 'export_control'],
  ['en', "Regulator revokes Huawei's operating licence in Pakistan", 'The telecoms authority said the licence was cancelled.', 'market_ban'],
];

describe('classifier', () => {
  describe('classify: licences to deal with a vendor', () => {
    it.each(DEALING_LICENCE_CASES)('[%s] reads "%s" (lead: "%s") as %s', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

// r21 batch (tr, ar, zh, ja, ko): calls restricted on an app (a partial restriction), staff told to
// remove an app (a device ban), a number of apps banned (a market ban), a vendor's share cut to zero
// (a network exclusion), AliExpress in Arabic, and an order prohibiting transactions (ko, ja).
const PARTIAL_AND_PHASE_OUT_CASES: Array<[string, string, string, Measure]> = [
  ['tr', "Rusya, Telegram'da sesli aramaları engelledi", 'Roskomnadzor, uygulama üzerinden yapılan sesli aramaların kısıtlandığını açıkladı.', 'other_restriction'],
  ['tr', 'Rusya Telegram aramalarını sınırladı', '', 'other_restriction'],
  ['ar', 'روسيا تقيد المكالمات الصوتية عبر تيليجرام', 'أعلنت هيئة الرقابة الروسية تقييد المكالمات الصوتية عبر تطبيق تيليجرام.', 'other_restriction'],
  ['tr', "AB Parlamentosu TikTok'u yasakladı", 'Parlamento, çalışanlarından uygulamayı kurumsal cihazlarından kaldırmalarını istedi.', 'device_ban'],
  ['ar', 'الهند تحظر 54 تطبيقا صينيا جديدا ضمن عقوبات على بكين', 'من بينها تطبيقات تابعة لتينسنت وعلي بابا.', 'market_ban'],
  ['ar', 'المغرب يحظر بيع منتجات علي اكسبريس', '', 'market_ban'],
  ['zh', '德国计划将华为设备在5G核心网中的比例降至零', '据报道,德国政府计划在2026年前将华为组件在5G核心网中的比例降为零。', 'network_exclusion'],
  ['ja', '英政府、ファーウェイの5G参加をゼロにする計画', '政府は2023年までにファーウェイ製品の比率をゼロに減らす方針だ。', 'network_exclusion'],
  ['ko', '영국, 화웨이 5G 참여 비중 2023년까지 0으로 줄인다', '존슨 총리는 화웨이 장비 비중을 제로로 낮추는 계획을 검토하고 있다.', 'network_exclusion'],
  // An executive order prohibiting transactions with a vendor's owner is a market ban (as in en);
  // the Entity List's trade restriction stays an export control.
  ['ko', '바이든, 中 앱 개발사와의 거래 금지하는 행정명령 서명…위챗 대상', '백악관은 위챗을 운영하는 텐센트와의 거래가 금지된다고 밝혔다.', 'market_ban'],
  ['ja', 'トランプ氏、TikTok運営会社との取引を禁止する大統領令に署名', '', 'market_ban'],
  ['ko', '美 상무부, 화웨이 거래제한 명단에 추가', '', 'export_control'],
  ['ja', '米商務省、ファーウェイとの取引禁止措置を発表', '', 'export_control'],
];

describe('classifier', () => {
  describe('classify: partial restrictions, staff devices, phase-outs', () => {
    it.each(PARTIAL_AND_PHASE_OUT_CASES)('[%s] reads "%s" as the right measure', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

// A governor's or a legislature's ban of an app covers the state's own devices, networks and staff
// (LABELS.md: device_ban); so does a ban on the state's own use of apps or AI software. An appositive
// "a ChatGPT rival" describes the vendor, it does not make it a bystander.
const STATE_OWN_USE_CASES: Array<[string, string, string, Measure]> = [
  ['en', 'Arizona governor bans Chinese AI app DeepSeek from state networks', '', 'device_ban'],
  ['en', 'Ohio Governor Bans DeepSeek', '', 'device_ban'],
  ['en', 'Gov. Ivey signs order banning state use of Chinese AI software', 'The order bars executive agencies from using DeepSeek and similar apps.', 'device_ban'],
  ['en', 'DeepSeek banned in the Norwegian Parliament', '', 'device_ban'],
  ['en', 'State employees barred from using RedNote', 'The ban covers DeepSeek, a ChatGPT competitor, on all state-issued phones.', 'device_ban'],
];

describe('classifier', () => {
  describe('classify: the state\'s own use', () => {
    it.each(STATE_OWN_USE_CASES)('[%s] reads "%s" (lead: "%s") as %s', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

describe('classifier', () => {
  // Arabic "removes" (يزيل/تزيل/إزالة) a vendor's equipment is a restriction; internment camps
  // (معسكرات اعتقال) named as the motive are no arrest noise.
  describe('classify: Arabic removal of equipment', () => {
    it.each([
      ['الحكومة البريطانية تزيل كاميرات داهوا من المباني الحكومية', 'GB', 'Dahua'],
      ['أستراليا تزيل كاميرات هيكفيجن من مكاتب وزارة الدفاع', 'AU', 'Hikvision'],
    ])('reads "%s" as a measure of %s against %s', (title, country, vendor) => {
      const c = classify(item('ar', title, ''));
      expect(c).toMatchObject({ relevant: true, countries: [country], vendors: [vendor] });
    });
  });
});

describe('classifier', () => {
  // wrng3: a ban confined to the security sector or its staff is on official devices, like the armed
  // forces or police; "not the general public" says the scope is not the market.
  describe('classify: the security sector as official scope', () => {
    it.each([
      ['en', 'Indonesia weighs WeChat ban for security personnel', 'The restriction would apply to the national security establishment only, not to the general public.', 'device_ban'],
      ['en', 'Kenya considers banning TikTok across the security sector', 'Officials said ordinary users would not be affected.', 'device_ban'],
    ])('[%s] reads "%s" as %s', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});

describe('classifier', () => {
  // A state ordering a vendor's owner to divest or sell the business is the same kind of act as a
  // wind-up order (other_restriction), in force once the order is signed.
  describe('classify: orders to divest', () => {
    it.each([
      ['en', 'Biden orders Tencent to divest its WeChat business within 120 days', 'The president signed an order requiring the Chinese owner to sell the messaging app, citing national security.'],
      ['en', 'White House gives ByteDance 60 days to sell WeChat business', 'The administration signed an order giving the company 60 days to sell its U.S. operations.'],
      ['es', 'Canadá ordena a Hikvision que venda su filial local', 'El gobierno ordenó a la empresa china que se desprenda de sus operaciones en el país por motivos de seguridad nacional.'],
    ])('[%s] reads "%s" as other_restriction in force', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c).toMatchObject({ relevant: true, measure: 'other_restriction', stage: 'in_force' });
    });
  });
});

describe('classifier', () => {
  // measure2: official scope worded in other ways — devices named with a place or kind in between
  // ("official Kentucky phones"), devices used in an office, issued by the army or a ministry, staff
  // forbidden an app, police and soldiers as staff — beats the app's usual market ban; a blocking noun
  // ("blocco", "Sperre") names no scope of its own; a social network is no telecom network.
  describe('classify: official scope in other wording', () => {
    it.each([
      ['en', 'Kentucky removes WeChat from official Kentucky phones', 'The app poses a security risk, the governor said.'],
      ['en', 'Mayor bans WeChat on all phones used in his office', 'Staff were told the app posed a security risk.'],
      ['de', 'Ministerium untersagt TikTok', 'Das Ministerium hat allen Mitarbeitenden verboten, TikTok zu installieren.'],
      ['de', 'Landesregierung verbietet TikTok', 'Die Landesregierung hat ihren Mitarbeiter:innen die Nutzung von TikTok untersagt.'],
      ['fr', 'Les États-Unis interdisent TikTok aux soldats', 'Les militaires doivent supprimer l\'application.'],
      ['es', 'Policías de Madrid, prohibidos de usar TikTok', 'El ayuntamiento dio a los agentes una semana para borrar la aplicación.'],
      ['es', 'México prohíbe TikTok en celulares institucionales', 'La medida aplica desde el lunes.'],
      ['it', 'Blocco di TikTok per i militari', 'Lo Stato maggiore ha vietato l\'app sugli smartphone in dotazione.'],
      ['it', 'Vietato TikTok sui telefoni forniti dal ministero', 'I dipendenti dovranno disinstallare l\'app.'],
      ['hr', 'Vlada zabranjuje TikTok', 'Korištenje društvene mreže TikTok zabranjeno je službenicima; i druge društvene mreže su pod lupom.'],
      ['ja', '自衛隊員のTikTok利用を禁止', '私用スマホでの利用も控えるよう求めた。'],
    ])('[%s] reads "%s" as a device ban', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c).toMatchObject({ relevant: true, measure: 'device_ban' });
    });
  });
});

describe('classifier', () => {
  // measure2: a list named only as a list ("liste noire", "schwarze Liste", 블랙리스트, "kara liste")
  // is the acting state's usual instrument against the target (vendor-meta measureBy): the US lists
  // Xiaomi for its investment ban (sanctions), Huawei on the entity list (export control); with no
  // such instrument, a list of firms with military ties is the 1260H list (other_restriction).
  describe('classify: list words follow the acting state\'s usual instrument', () => {
    it.each([
      ['fr', 'Xiaomi retiré de la liste noire américaine', 'Le Pentagone a accepté de retirer le fabricant chinois de sa liste.', 'sanctions'],
      ['de', 'USA streichen Xiaomi von der schwarzen Liste', 'Das Pentagon nimmt den Smartphone-Hersteller von seiner Liste.', 'sanctions'],
      ['it', 'Xiaomi esce dalla lista nera degli Stati Uniti', 'Il Pentagono ha rimosso il produttore cinese dall\'elenco.', 'sanctions'],
      ['es', 'EE.UU. saca a Xiaomi de su lista negra', 'El Pentágono retiró al fabricante chino de la lista tras perder en los tribunales.', 'sanctions'],
      ['ko', '미 국방부, 샤오미 블랙리스트 해제', '미국 국방부가 샤오미를 블랙리스트에서 삭제하기로 합의했다.', 'sanctions'],
      ['tr', 'ABD, Xiaomi\'yi kara listeden çıkardı', 'Pentagon, Çinli telefon üreticisini listeden çıkarmayı kabul etti.', 'sanctions'],
      ['en', 'US adds Huawei to trade blacklist', 'Firms need a licence to sell US technology to the company.', 'export_control'],
      ['de', 'Pentagon setzt CATL auf schwarze Liste', 'Der Batteriehersteller steht nun auf der Liste von Unternehmen mit Verbindungen zum chinesischen Militär.', 'other_restriction'],
    ])('[%s] reads "%s" as %s', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c).toMatchObject({ relevant: true, measure });
    });
  });
});

describe('classifier', () => {
  // measure2: a bare "sanctions" names no instrument; for a target whose usual measure is an export
  // control (the US and Huawei or ZTE, SMIC, YMTC) it is the entity list. Treasury (OFAC) sanctions
  // name theirs and stay sanctions.
  describe('classify: a bare "sanctions" follows the target\'s usual instrument', () => {
    it.each([
      ['de', 'USA verhängen neue Sanktionen gegen ZTE', 'Washington wirft dem Netzwerkausrüster Verstöße vor.', 'export_control'],
      ['es', 'EE.UU. prepara sanciones contra YMTC', 'El fabricante chino de memorias podría perder el acceso a tecnología estadounidense.', 'export_control'],
      ['it', 'Gli Usa valutano sanzioni contro SMIC', 'Il produttore cinese di chip potrebbe essere colpito.', 'export_control'],
      ['pt', 'EUA ampliam sanções contra a ZTE', 'A fabricante chinesa é acusada de violar restrições.', 'export_control'],
      ['en', 'US Treasury sanctions Hikvision over Xinjiang', 'OFAC added the camera maker to its list.', 'sanctions'],
    ])('[%s] reads "%s" as %s', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c).toMatchObject({ relevant: true, measure });
    });
  });
});

describe('classifier', () => {
  // measure2: network-equipment makers (every target's usual measure is network exclusion) kept out of
  // public bodies are kept out of what those bodies buy — a procurement exclusion, not a device ban —
  // unless the text names their phones.
  describe('classify: equipment makers kept out of public bodies', () => {
    it.each([
      ['en', 'Japan bars Huawei and ZTE from government agencies', 'Ministries and the Self-Defense Forces will shun the two suppliers from April.', 'procurement_exclusion'],
      ['ko', '일본, 정부기관서 화웨이·ZTE 배제', '일본 정부 부처와 자위대가 두 회사 제품을 쓰지 않기로 했다.', 'procurement_exclusion'],
      ['de', 'Regierung verbannt Huawei und ZTE aus Ministerien', 'Die Behörden dürfen keine Produkte der beiden Hersteller mehr einsetzen.', 'procurement_exclusion'],
      ['zh', '日本政府机关将排除华为中兴', '日本各部委和自卫队将不再使用两家公司的产品。', 'procurement_exclusion'],
      ['zh', '捷克总理下令禁用华为', '捷克总理下令内阁工作人员禁用华为手机。', 'device_ban'],
    ])('[%s] reads "%s" as %s', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c).toMatchObject({ relevant: true, measure });
    });
  });
});

describe('classifier', () => {
  // measure2: a state forbidding its firms (compound nouns: Internetkonzernen, Techunternehmen) to buy
  // a vendor's goods is a market rule for private buyers, not public procurement.
  describe('classify: firms forbidden to buy, in compound nouns', () => {
    it.each([
      ['de', 'China verbietet Internetkonzernen den Kauf von Nvidia-Chips', 'Die Behörde hat großen Technologiefirmen wie Alibaba den Erwerb untersagt.'],
      ['de', 'Peking untersagt Techunternehmen den Kauf von Nvidia-Chips', 'Die Firmen sollen Bestellungen stornieren.'],
    ])('[%s] reads "%s" as a market ban', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c).toMatchObject({ relevant: true, measure: 'market_ban' });
    });
  });
});

describe('classifier', () => {
  // measure3: a body whose bans reach only what it runs (a ministry other than a market regulator, the
  // armed forces, the police, a city council) named just before the restriction it decides bans the
  // app on its own staff, devices and premises: an official scope, whatever the app's usual market
  // prior says (cue field ownReach; docs/accuracy.md "How the measure is decided").
  describe('classify: the deciding body\'s reach is the scope', () => {
    it.each([
      ['en', 'Interior Ministry weighs a ban on TikTok', 'A decision is expected after a security review of the app.'],
      ['en', 'City council votes to prohibit TikTok', 'Councillors cited concerns about data collection by the Chinese-owned app.'],
      ['es', 'El Ministerio del Interior prohíbe TikTok', 'La medida entra en vigor de inmediato por razones de seguridad.'],
      ['ru', 'Минобороны запретило TikTok', 'Решение вступает в силу немедленно.'],
      ['tr', 'İçişleri Bakanlığı TikTok\'u yasakladı', 'Karar güvenlik gerekçesiyle alındı.'],
      // German staff nouns as compound heads (Landes-, Ministeriums-, Stadtbedienstete) are staff too.
      ['de', 'Landesregierung beschließt TikTok-Verbot für Ministeriumsmitarbeiter', 'Grund seien Sicherheitsbedenken.'],
      ['de', 'TikTok-Verbot für Landesbedienstete', 'Die Landesregierung zieht Konsequenzen aus Sicherheitsbedenken.'],
      // An armed service deciding the ban, and a state-institution scope noun.
      ['ja', '米空軍、DeepSeekの使用を禁止', '隊員にアプリを使わないよう通知した。'],
      ['ar', 'سلاح الجو الأمريكي يحظر ديب سيك', 'طلب من الطيارين عدم استخدام التطبيق.'],
      ['vi', 'Không quân Mỹ cấm DeepSeek', 'Phi công được yêu cầu không sử dụng ứng dụng.'],
      ['tr', 'ABD Hava Kuvvetleri DeepSeek\'i yasakladı', 'Personelin uygulamayı kullanmaması istendi.'],
      ['ru', 'В России запретили TikTok в госучреждениях', 'Правительство сослалось на угрозу безопасности.'],
      // The staff as the dative of the ban verb (it, es, fr, pt: ban-to-staff).
      ['it', 'La Camera vieta TikTok ai deputati', 'Il provvedimento è stato deciso per motivi di sicurezza.'],
      ['es', 'El Senado prohíbe TikTok a los senadores', 'La medida responde a riesgos de seguridad.'],
    ])('[%s] reads "%s" as a device ban', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c).toMatchObject({ relevant: true, measure: 'device_ban' });
    });
    // A market regulator is no such body: its ban reaches the market.
    it.each([
      ['en', 'Telecom ministry bans WeChat and 40 other Chinese apps', 'Users can no longer download them in the country.'],
    ])('[%s] reads "%s" as a market ban', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c).toMatchObject({ relevant: true, measure: 'market_ban' });
    });
  });
});

describe('classifier', () => {
  // measure5: a market regulator (the FCC, Roskomnadzor, Kominfo; cue field marketReach) named in the
  // headline keeps products off its market — equipment authorisations, its covered list, licences, app
  // blocks — whatever the vendor's usual measure (procurement for camera makers, export control for
  // Huawei under the US) or a risk / list word says. Blind in r21, r23, r26, r29 (en, zh, ko).
  describe('classify: a market regulator\'s measure is a market ban', () => {
    it.each([
      ['en', 'Federal Communications Commission bans Dahua surveillance equipment', 'Commissioners voted unanimously on Thursday.'],
      ['en', 'FCC weighs barring Quectel modules over security concerns', ''],
      ['en', 'US communications regulator votes to ban new Huawei and ZTE gear', ''],
      ['fr', 'Le régulateur américain FCC interdit les nouveaux équipements de Hikvision', 'La décision a été prise jeudi.'],
      ['it', 'La FCC vieta l\'autorizzazione di nuovi apparecchi Hikvision e Dahua', ''],
      ['zh', '美国联邦通信委员会禁止海康威视和大华新设备获得授权', ''],
      ['tr', 'ABD iletişim düzenleyicisi FCC, Huawei ve ZTE ekipmanlarının satışını yasakladı', ''],
    ])('[%s] reads "%s" as a market ban', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, measure: 'market_ban' });
    });
    // The regulator's network exclusion (rip-and-replace) stays one.
    it.each([
      ['en', 'FCC orders carriers to rip out Huawei and ZTE equipment from their networks', 'Operators have a year to replace the gear.', 'network_exclusion'],
    ])('[%s] keeps "%s" as %s', (language, title, summary, measure) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, measure });
    });
  });

  // measure5: an equipment noun names the product (cue field product): a sale or import word in the
  // same sentence says it is kept off the market ("bans the sale of Huawei equipment"), not out of
  // networks. Blind in r21 (ar); ru, tr, ar, it equipment nouns voted network exclusion at 2.5.
  describe('classify: the sale or import of equipment is the market', () => {
    it.each([
      ['ar', 'الولايات المتحدة تحظر بيع معدات هواوي وزد تي إي', ''],
      ['ar', 'أمريكا تمنع استيراد معدات هيكفيجن', ''],
      ['it', 'Gli USA vietano la vendita di apparati Huawei e ZTE', ''],
      ['ru', 'В США запрещен импорт оборудования Hikvision', ''],
    ])('[%s] reads "%s" as a market ban', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, measure: 'market_ban' });
    });
    it.each([
      ['tr', 'Operatörlere Huawei ekipmanlarını 5G şebekesinden çıkarma talimatı', ''],
      ['ar', 'بريطانيا تحظر معدات هواوي من شبكة الجيل الخامس', ''],
      ['it', 'Il governo esclude gli apparati Huawei dalla rete 5G', ''],
    ])('[%s] keeps "%s" a network exclusion', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, measure: 'network_exclusion' });
    });
  });
});

describe('classifier', () => {
  // measure5: official scope named by a public administration, a diplomatic or civil service, a state's own
  // equipment ("State of X equipment", 公家设备), government offices, or an EU body in the locative (tr):
  // blind in r22 (it), r23 (pl), r27 (zh), r29 (tr), rn (en), rn6 (en, zh).
  describe('classify: public administrations, services and offices are an official scope', () => {
    it.each([
      ['en', 'Ohio blocks TikTok and WeChat on State of Ohio equipment', ''],
      ['en', 'TikTok banned from State of Texas devices', ''],
      ['es', 'México prohíbe TikTok al servicio exterior', ''],
      ['es', 'Prohibido DeepSeek en las oficinas del Gobierno regional de Murcia', ''],
      ['pl', 'Czechy: zakaz TikToka w urzędach', ''],
      ['fr', 'La Suisse interdit TikTok dans l\'administration fédérale', ''],
      ['pt', 'Brasil proíbe DeepSeek na administração federal', ''],
      ['pl', 'Rząd zakazuje DeepSeek w służbie cywilnej', ''],
      ['tr', 'Avrupa Parlamentosu\'nda TikTok yasaklandı', ''],
      ['zh', '日本政府禁止在政府办公室使用DeepSeek', ''],
      ['zh', '美国多州禁止公家设备安装TikTok', ''],
    ])('[%s] reads "%s" as a device ban', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, measure: 'device_ban' });
    });
    // An administration that is the executive (the Trump administration) legislates for the market.
    it.each([
      ['en', 'Trump administration bans TikTok and WeChat downloads', ''],
      ['es', 'La Administración Biden prohíbe la venta de equipos de Huawei', ''],
      ['fr', 'L\'administration Trump interdit TikTok aux États-Unis', ''],
    ])('[%s] keeps "%s" a market ban', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, measure: 'market_ban' });
    });
  });
});

describe('classifier', () => {
  // measure5: the Pentagon's own list of Chinese military companies (section 1260H: other_restriction)
  // named by its lister ("Pentagon blacklists …", "DoD labels … as Chinese military companies", de
  // "Militär-Schwarzliste"); the investment ban keeps its own words (investors, Treasury, EO 13959's
  // "Communist Chinese military companies") and Xiaomi its usual US instrument. Blind in r27, r29, rn5.
  describe('classify: the Pentagon\'s list is other_restriction', () => {
    it.each([
      ['en', 'Pentagon adds Tencent and CATL to list of Chinese military companies', '', 'other_restriction'],
      ['en', 'Court upholds Pentagon\'s listing of DJI as Chinese military company', '', 'other_restriction'],
      ['en', 'DoD labels CATL and Tencent as Chinese military companies', '', 'other_restriction'],
      ['de', 'DJI scheitert vor Gericht gegen die Militär-Schwarzliste der USA', '', 'other_restriction'],
      ['en', 'Pentagon blacklists Xiaomi, barring US investment', '', 'sanctions'],
      ['en', 'US investors barred from Chinese military companies including Xiaomi', '', 'sanctions'],
    ])('[%s] reads "%s" as %s', (language, title, summary, measure) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, measure });
    });
  });

  // measure5: a recommendation to ban or remove ("recommends a ban on DeepSeek for civil servants") is
  // the proposed ban of that scope, not an advice not to use (security_warning). Blind in r29.
  describe('classify: recommending a ban is no security warning', () => {
    it.each([
      ['en', 'Cyber agency recommends a ban on DeepSeek for civil servants in Poland', ''],
    ])('[%s] reads "%s" as a device ban', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, measure: 'device_ban' });
    });
    it.each([
      ['en', 'Germany\'s BSI recommends replacing Kaspersky antivirus software', ''],
    ])('[%s] keeps "%s" a security warning', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, measure: 'security_warning' });
    });
  });
});

describe('classifier', () => {
  // measure5: an administrative circular is addressed to public services (fr circulaire, de Rundschreiben,
  // pt circular, nl omzendbrief; it circolare before), nl staff of the federal government, and official
  // devices with an adjective between (en "government electronic devices"). Blind in rn3 (nl), rj (en).
  describe('classify: circulars, public services and official devices in other words', () => {
    it.each([
      ['fr', 'Belgique : une circulaire interdit TikTok', 'Le gouvernement fédéral a publié la circulaire jeudi.'],
      ['de', 'Österreich: Rundschreiben verbietet TikTok', 'Das Rundschreiben des Kanzleramts gilt ab sofort.'],
      ['pt', 'Portugal proíbe TikTok numa circular do Governo', 'A circular foi enviada na segunda-feira.'],
      ['nl', 'Nieuwe omzendbrief verbiedt DeepSeek in België', 'De maatregel geldt meteen.'],
      ['nl', 'België verbiedt DeepSeek voor het personeel van de federale overheid', ''],
      ['en', 'Ohio bans TikTok on government electronic devices', ''],
      ['en', 'Georgia blocks WeChat on state-issued electronic devices', ''],
    ])('[%s] reads "%s" as a device ban', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, measure: 'device_ban' });
    });
    it.each([
      ['nl', 'Nederland verbiedt verkoop van Huawei-telefoons', ''],
    ])('[%s] keeps "%s" a market ban', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, measure: 'market_ban' });
    });
  });
});

describe('classifier', () => {
  // measure5: the Commerce Department names the agency, not the instrument (cue field agency): for apps
  // (usual measure: the market) its orders are market bans; products kept "in the US" are the market.
  // Blind in rn2, rn3.
  describe('classify: an agency or a country names no instrument', () => {
    it.each([
      ['en', 'Judge halts Commerce Department\'s WeChat ban', '', 'market_ban'],
      ['en', 'US Commerce Department delays TikTok ban by a week', '', 'market_ban'],
      ['en', 'Law to restrict Huawei gear in US signed by Biden', '', 'market_ban'],
      ['en', 'Biden signs law barring new Huawei and ZTE gear approvals in the US', '', 'market_ban'],
      // Guard: the Commerce Department's own list stays an export control.
      ['en', 'Commerce Department adds Huawei affiliates to Entity List', '', 'export_control'],
    ])('[%s] reads "%s" as %s', (language, title, summary, measure) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, measure });
    });
  });
});
