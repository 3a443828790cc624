import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Stage } from '../../../lambdas/core/model.js';
import { item } from './helpers.js';

// [language, title, summary, expected stage]
const STAGE_CASES: Array<[string, string, string, Stage]> = [
  // modality: considered, drafted, bill → proposed
  ['en', 'Netherlands considers banning Hikvision cameras in ministries', 'A decision is expected after a risk assessment.', 'proposed'],
  ['en', 'Senator introduces bill to ban TikTok nationwide', 'The bill would need to pass both chambers.', 'proposed'],
  ['en', 'FCC proposes to prohibit authorization of Huawei equipment', 'The notice seeks comment on the proposed rules.', 'proposed'],
  // decided, future effect → announced
  ['en', 'Canada to ban Huawei and ZTE from 5G networks', 'Operators will have to remove existing gear by June 2024.', 'announced'],
  ['en', 'Commerce bans Kaspersky software sales from July 20', 'The department will prohibit sales starting July 20.', 'announced'],
  // in force
  ['en', 'TikTok banned on government devices with immediate effect', 'The ban applies immediately to government phones.', 'in_force'],
  ['en', 'Governor signs statewide TikTok ban into law', 'The law bars app stores from offering TikTok and is due to take effect in January.', 'in_force'],
  ['en', 'NÚKIB issues warning against Huawei and ZTE', 'The agency today issued a warning against the use of Huawei and ZTE software.', 'in_force'],
  // lifted: reversed, struck down, court blocks
  ['en', 'Russia lifts ban on Telegram', 'The regulator said it was dropping its attempt to block the app.', 'lifted'],
  ['en', 'Judge blocks Montana\'s TikTok ban before it takes effect', 'A preliminary injunction stops the state from enforcing the ban.', 'lifted'],
  // negation: decides not to → rejected
  ['en', 'Australia will not ban TikTok, prime minister says', 'There was no case for banning the app at this stage.', 'rejected'],
  ['en', 'EU rejects calls for Huawei ban', 'The Commission resisted US pressure to exclude Huawei from 5G networks.', 'rejected'],
  // a government dropping its own plan (plural "plans", abandon/ditch/shelve) decides not to act
  ['en', 'Government scraps plans to ban TikTok on state phones', '', 'rejected'],
  ['en', 'Ottawa ditches plans to exclude Huawei from 5G', '', 'rejected'],
  ['fr', 'Le gouvernement envisage d\'exclure les drones DJI des marchés publics', 'Un projet de circulaire est à l\'étude.', 'proposed'],
  ['fr', 'La Suède exclura Huawei et ZTE de la 5G', 'Les équipements devront être retirés d\'ici au 1er janvier 2025.', 'announced'],
  ['fr', 'La France renonce à interdire Huawei', 'Le gouvernement ne va pas interdire l\'équipementier, a indiqué le ministre.', 'rejected'],
  ['de', 'Bundestag berät über Verbot von Huawei-Komponenten', 'Ein Gesetzentwurf könnte den Einbau untersagen.', 'proposed'],
  // A headline reporting the ban as done, over the lead's bare future of the same verb (the tense of
  // the announcement, no date): in force. With a date, the start is later: announced.
  ['en', 'Mayor bans WeChat on city-issued phones', 'The app will be removed from all municipal devices, the mayor announced on Monday.', 'in_force'],
  ['en', 'Province bars Kaspersky from government computers', 'Officials said the software would be blocked on every provincial network.', 'in_force'],
  ['en', 'Council bans Hikvision cameras in town hall', 'The cameras will be removed from the building, a spokesman announced.', 'in_force'],
  ['fr', 'Le gouvernement interdit TikTok sur les téléphones des fonctionnaires', 'L\'application sera retirée des appareils professionnels, a annoncé le ministre.', 'in_force'],
  ['en', 'State bans TikTok on state devices', 'The app will be blocked from January 1, officials said.', 'announced'],
  // 将/把 … 列入 (puts … on the list) is the act only when nothing before it says should, plans or
  // proposes: 应将 / 建议将 / 拟将 … 列入 is a recommendation or a plan.
  ['zh', '美国拟将大疆列入实体清单', '消息人士称,商务部认为应将大疆及其子公司列入清单。', 'proposed'],
  ['zh', '美国防部拟把阿里巴巴纳入1260H名单', '五角大楼致函国会,建议将阿里巴巴、百度纳入名单。', 'proposed'],
  // a plan with a date is still a plan
  ['de', 'Bundesregierung plant Huawei-Ausschluss aus 5G-Kernnetz bis 2026', 'Das Innenministerium verhandelt mit den Netzbetreibern.', 'proposed'],
  ['it', 'Il governo pensa di escludere Huawei dal 5G entro il 2026', 'La misura è allo studio di Palazzo Chigi.', 'proposed'],
  ['de', 'Dänemark verbietet TikTok auf Diensthandys', 'Das Verbot gilt ab sofort.', 'in_force'],
  ['de', 'USA heben Exportverbot gegen ZTE auf', 'Das Handelsministerium hat das Verbot aufgehoben.', 'lifted'],
  ['es', 'México descarta vetar a Huawei en su red 5G', 'El Gobierno no vetará a la empresa, dijo el subsecretario.', 'rejected'],
  ['es', 'El Ministerio de Defensa prohíbe TikTok en los móviles oficiales', 'La prohibición tiene efecto inmediato.', 'in_force'],
  ['it', 'Il governo valuta il divieto delle telecamere Hikvision negli uffici pubblici', 'Un decreto potrebbe arrivare nelle prossime settimane.', 'proposed'],
  ['it', 'Il Parlamento europeo vieterà TikTok sui dispositivi di servizio', 'Il divieto scatterà a partire dal 20 marzo.', 'announced'],
  ['pt', 'STF revoga bloqueio do Telegram', 'O ministro revogou a decisão que determinava o bloqueio.', 'lifted'],
  ['id', 'Kominfo resmi buka blokir TikTok', 'Setelah diblokir sejak Juli, aplikasi itu bisa diakses lagi.', 'lifted'],
  // Albanian (sq.json): the government's TikTok block, announced, in force, lifted.
  ['sq', 'Kryeministri Rama: TikTok do të mbyllet për 12 muaj', 'Qeveria do ta mbyllë platformën nga janari.', 'announced'],
  ['sq', 'AKEP urdhëron operatorët të bllokojnë Telegram', 'Autoriteti i komunikimeve kërkoi bllokimin e aplikacionit, i cili u bllokua të hënën.', 'in_force'],
  ['sq', 'Shqipëria heq ndalimin e TikTok', 'Platforma rikthehet për përdoruesit shqiptarë pas një viti.', 'lifted'],
  // South Slavic and Bulgarian (hr.json reads Croatian/Bosnian/Serbian Latin, sr.json Serbian Cyrillic, sl, bg, mk):
  // a government course from consideration to lifting, and a refusal to act.
  ['hr', 'Vlada razmatra zabranu Huaweijeve opreme u 5G mreži', 'Prijedlog uredbe trebao bi biti gotov do ljeta.', 'proposed'],
  ['hr', 'Ministarstvo će zabraniti TikTok na službenim mobitelima od 1. ožujka', 'Službenici moraju ukloniti aplikaciju.', 'announced'],
  ['hr', 'Zabrana TikToka na službenim uređajima stupila je na snagu', 'Aplikacija je uklonjena sa svih državnih telefona.', 'in_force'],
  ['hr', 'Sud ukinuo zabranu Telegrama', 'Aplikacija je ponovno dostupna korisnicima.', 'lifted'],
  ['hr', 'Vlada neće zabraniti Huawei u 5G mreži', 'Ministar je rekao da nema potrebe za isključivanjem kineskog dobavljača.', 'rejected'],
  ['sr', 'Vlada Srbije zabranila upotrebu Kasperskog antivirusa u državnim organima', 'Odluka stupa na snagu odmah, saopštilo je ministarstvo.', 'in_force'],
  ['sr', 'Суд укинуо забрану Телеграма у Србији', 'Апликација је поново доступна корисницима.', 'lifted'],
  ['sr', 'Влада Србије неће забранити Хуавеј', 'Министар је рекао да нема основа за прекид сарадње.', 'rejected'],
  ['sl', 'Vlada razmišlja o prepovedi Huaweia v omrežju 5G', 'Predlog zakona naj bi bil pripravljen jeseni.', 'proposed'],
  ['sl', 'Ministrstvo bo prepovedalo TikTok na službenih telefonih', 'Prepoved bo začela veljati prihodnji mesec.', 'announced'],
  ['sl', 'Vlada odpravila prepoved aplikacije Telegram', 'Aplikacija je znova dostopna uporabnikom.', 'lifted'],
  ['sl', 'Slovenija ne bo izključila Huaweia iz omrežja 5G', 'Minister je dejal, da za to ni razlogov.', 'rejected'],
  ['bg', 'Правителството обсъжда забрана на Huawei в 5G мрежите', 'Законопроектът ще бъде внесен в парламента.', 'proposed'],
  ['bg', 'Министерството ще забрани TikTok на служебните телефони', 'Забраната ще влезе в сила от 1 март.', 'announced'],
  ['bg', 'Съдът отмени забраната за Telegram', 'Приложението отново е достъпно за потребителите.', 'lifted'],
  ['bg', 'България няма да изключва Huawei от 5G мрежата', 'Министърът заяви, че няма основания за такава мярка.', 'rejected'],
  ['mk', 'Владата разгледува забрана на ТикТок', 'Министерството анализира можности за ограничување на апликацијата.', 'proposed'],
  ['mk', 'Владата ја укина забраната за Телеграм', 'Апликацијата повторно е достапна за корисниците.', 'lifted'],
  ['mk', 'Македонија нема да го исклучи Хуавеј од 5Г мрежата', 'Министерот рече дека нема потреба од таква мерка.', 'rejected'],
  // Catalan (ca.json; read with es's lexicon before).
  ['ca', 'El Govern estudia prohibir TikTok als mòbils dels funcionaris', 'La proposta es debatrà al Parlament el mes vinent.', 'proposed'],
  ['ca', 'El ministeri vetarà Huawei a la xarxa 5G a partir del gener', 'Els operadors hauran de retirar els equips abans del 2027.', 'announced'],
  ['ca', 'Itàlia prohibeix DeepSeek amb efecte immediat', 'El regulador ha ordenat bloquejar l\'aplicació per protegir les dades dels usuaris.', 'in_force'],
  ['ca', 'El tribunal aixeca el bloqueig de Telegram', 'L\'aplicació torna a estar disponible per als usuaris.', 'lifted'],
  ['ca', 'Espanya descarta vetar Huawei a les xarxes 5G', 'El Govern no vetarà cap proveïdor de telecomunicacions, han dit fonts del sector.', 'rejected'],
  // A vendor blacklist the government aborts or rules out drawing up is a decision not to act, whoever it would have hit.
  ['es', 'Italia aborta el listado de proveedores vetados en 5G', 'El Gobierno descartó aprobar una lista negra contra Huawei y ZTE.', 'rejected'],
  ['pt', 'Brasil descarta aprovar lista de fornecedores de risco que atingiria a Huawei', '', 'rejected'],
  ['en', 'Germany scraps planned 5G vendor blacklist that would have hit Huawei', 'The ministry said it would rely on certification instead.', 'rejected'],
  // A government approving sales, exports, imports or purchases it had restricted is relief.
  ['en', 'Commerce approves exports of Nvidia H20 chips to China', 'The department said licences would be issued this week.', 'lifted'],
  ['en', 'Beijing allows tech firms to buy Nvidia H200 chips', 'Regulators signed off on the first orders after months of curbs.', 'lifted'],
  ['ko', '중국, 엔비디아 H20 구매 승인', '중국 당국이 자국 기업들의 엔비디아 칩 구매를 허용했다.', 'lifted'],
  ['zh', '中国批准企业进口英伟达H200芯片', '消息称,首批进口许可已经发放给三家互联网公司。', 'lifted'],
  ['ja', '中国、エヌビディア製半導体の輸入を承認', '中国当局は国内企業によるH200の輸入を認めた。', 'lifted'],
  ['pt', 'Juiz determina suspensão do Telegram no Brasil', 'A suspensão é imediata.', 'in_force'],
  ['ja', '米下院、TikTok禁止法案を可決', '上院での審議は不透明だ。', 'proposed'],
  ['ja', 'ドイツ政府、ファーウェイ排除を見送り', '一律に排除することを見送る方針を決めた。', 'rejected'],
  ['zh', '美国商务部解除对中兴的出口禁令', '美国企业可以恢复向中兴出售零部件。', 'lifted'],
  ['zh', '英国政府决定2027年前将华为设备移出5G网络', '运营商须在2027年前移除华为设备。', 'announced'],
  ['ko', '미 하원, 틱톡 금지 법안 통과', '법안은 상원 표결을 거쳐야 한다.', 'proposed'],
  ['ko', '정부 "틱톡 금지 검토 안 해"', '정부는 틱톡을 금지할 계획이 없다고 밝혔다.', 'rejected'],
  // Starting proceedings or a hearing is a proposal, whatever it may lead to; backing down from a block lifts it.
  ['ja', '米FCC、中国移動の免許取り消しへ手続き開始', 'FCCは免許取り消しに向けた手続きを開始したと発表した。', 'proposed'],
  ['ar', 'العراق يتراجع عن حظر تيليغرام', 'أعلنت وزارة الاتصالات رفع الحجب عن التطبيق بعد أيام على حجبه.', 'lifted'],
  // Allowing the vendor in, refusing a demand to ban it: rejected; one chamber 'banning': proposed.
  ['zh', '英国政府:允许华为参与5G网络建设的决定不变', '英国外交部官员表示,政府不会重新讨论这一决定。', 'rejected'],
  ['zh', '英相将拒绝美国禁用华为要求', '一名官员透露,首相将拒绝美国在5G网络中禁用华为的要求。', 'rejected'],
  ['zh', '美众院禁大疆新无人机', '该法案还需参议院通过才能成为法律。', 'proposed'],
  ['vi', 'Mỹ thông qua kế hoạch cấm thiết bị Huawei', 'FCC đã bỏ phiếu thông qua kế hoạch cấm phê duyệt thiết bị mới của Huawei.', 'proposed'],
  // A service that "will resume after fixes" is suspended now; a privacy policy (처리방침) is no decision.
  ['ko', '딥시크 신규 다운로드 중단…"개선 후 재개될 예정"', '개인정보위는 딥시크 앱의 신규 다운로드가 중단됐으며 개인정보 처리방침상 미흡한 부분이 개선된 후 서비스가 재개될 예정이라고 밝혔다.', 'in_force'],
  ['id', 'Kominfo buka kembali blokir Telegram', 'Kementerian Kominfo telah membuka kembali akses Telegram versi web.', 'lifted'],
  ['zh', '美国考虑将长江存储列入实体清单', '据知情人士透露,美国商务部正考虑将长江存储列入实体清单。', 'proposed'],
  ['ru', 'Госдума приняла закон о блокировке Telegram', 'Закон вступит в силу после одобрения Советом Федерации и подписи президента.', 'proposed'],
  ['tr', 'ABD TikTok yasağını erteledi', 'Trump, TikTok yasasının uygulanmasını 75 gün erteledi.', 'lifted'],
  // A final determination issued is in force even when its ban starts later (LABELS.md).
  ['zh', '美国商务部发布最终决定 禁止卡巴斯基在美销售', '美国商务部工业与安全局宣布,自7月20日起禁止卡巴斯基在美国销售软件,9月29日起禁止提供更新。', 'in_force'],
  ['ja', '米、カスペルスキー製品の販売を7月から禁止', '米商務省は20日、最終決定を公表した。', 'in_force'],
  ['ko', '美, 9월 29일부터 카스퍼스키 업데이트 금지', '미국 상무부는 카스퍼스키의 미국 내 판매를 금지하는 최종 결정을 발표했다.', 'in_force'],
  // Drafting rules is proposed; customers considering alternatives is no proposal of the government.
  ['zh', '中國正在擬定英偉達H200晶片採購規則', '知情人士稱,中國監管機構正在擬定相關規則。', 'proposed'],
  ['ja', '米国がカスペルスキー製品の提供禁止を発表', '米商務省が米国内での販売停止を発表。カスペルスキーは顧客に代替品の検討を促した。', 'announced'],
  // …but a government that "finally decided" (최종 결정했다) to act later has announced it.
  ['ko', '독일, 화웨이 부품 단계적 퇴출 최종 결정', '독일 정부는 2026년까지 5G 핵심망에서 화웨이 부품을 제외하기로 최종 결정했다.', 'announced'],
];

describe('classifier', () => {
  describe('classify: stages', () => {
    it.each(STAGE_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });

    it('treats an issued official warning as in force even when its text sounds like a decision', () => {
      const c = classify(item('en', 'Agency decides to warn against DeepSeek', 'The national cyber agency issued a warning against DeepSeek products.'));
      expect(c).toMatchObject({ relevant: true, measure: 'security_warning', stage: 'in_force' });
    });
  });
});

// An order issued by an official is in force: the "to <verb>" after "orders X" is what the addressee
// must do, not a future of the government. A future compliance deadline or grace period keeps it
// announced. Listing (entity list, 将…列入) takes effect on publication.
const ORDER_CASES: Array<[string, string, string, Stage]> = [
  ['en', 'Ohio governor orders state agencies to remove TikTok from work phones', 'The order applies to all executive agencies.', 'in_force'],
  ['en', 'Regulator orders operators to block Telegram', 'The regulator instructed internet providers to cut access to the messaging app.', 'in_force'],
  // An issued order is in force even with a grace period (LABELS.md: "even when its restriction starts later").
  ['en', 'Vietnam orders Temu to stop selling in the country', 'The trade ministry gave the company 30 days to comply.', 'in_force'],
  ['fr', 'Le Niger ordonne aux opérateurs de bloquer Telegram', 'Les fournisseurs d\'accès ont été notifiés par le ministère.', 'in_force'],
  ['es', 'El regulador ordena a las operadoras bloquear Telegram', 'La medida afecta a todos los proveedores de internet.', 'in_force'],
  ['it', 'La Russia ordina agli operatori di oscurare Telegram', 'Il provvedimento del regolatore riguarda tutti i fornitori di accesso.', 'in_force'],
  ['pt', 'Anatel determina que operadoras bloqueiem o Telegram no Brasil', 'A medida vale para todas as prestadoras.', 'in_force'],
  ['de', 'Ministerium ordnet Sperre von TikTok auf Dienstgeräten an', 'Die Anordnung gilt für alle Bediensteten.', 'in_force'],
  ['ja', '総務省、ZTE製品の使用中止を各省庁に通知', '各省庁は対応を進める。', 'in_force'],
  ['ja', '米商務省、Inspurを輸出規制リストに追加', '米企業の輸出には許可が必要になる。', 'in_force'],
  ['zh', '美国商务部将浪潮集团列入实体清单', '美国企业须申请许可证。', 'in_force'],
  ['ko', '정부, 공공기관에 딥시크 접속 차단 지시했다', '각 부처는 업무용 PC에서 접속을 막았다.', 'in_force'],
];

// Decided but with a grace period: announced.
const GRACE_CASES: Array<[string, string, string, Stage]> = [
  ['en', 'Regulator bars Huawei gear, gives operators two years to comply', 'Carriers were given two years to replace the equipment.', 'announced'],
  ['it', 'Il governo vieta Huawei nel 5G', 'Il governo ha dato due anni agli operatori per sostituire gli apparati.', 'announced'],
  ['fr', 'Le gouvernement interdit Huawei dans la 5G', 'Il donne trois ans aux opérateurs pour remplacer les antennes.', 'announced'],
];

// Modality belongs to its subject: an authority rejecting an operator's plan to use a vendor has
// decided and applied (in force); a court or official suspending a ban lifts it; a parliamentary
// motion commits the government to nothing yet (proposed).
const SUBJECT_CASES: Array<[string, string, string, Stage]> = [
  ['en', 'Regulator rejects Telia\'s plan to use Huawei in its core network', 'The agency said the equipment posed a security risk.', 'in_force'],
  ['de', 'Bundesnetzagentur lehnt Einsatz von ZTE-Technik im Netz von O2 ab', 'Die Behörde begründet dies mit Sicherheitsbedenken.', 'in_force'],
  ['fr', 'L\'ANSSI rejette la demande d\'un opérateur d\'utiliser des antennes Huawei', 'L\'agence invoque des risques pour la sécurité nationale.', 'in_force'],
  ['es', 'El regulador rechaza el plan de una operadora de usar equipos Huawei', 'La autoridad alegó riesgos de seguridad nacional.', 'in_force'],
  ['pt', 'Tribunal suspende o bloqueio do TikTok', 'A decisão vale em todo o país.', 'lifted'],
  ['en', 'Court suspends ban on Telegram', 'The app is available again.', 'lifted'],
  ['it', 'Brasile, il giudice sospende il blocco di Telegram', 'L\'app torna accessibile in tutto il Paese.', 'lifted'],
  ['it', 'Il Senato approva la mozione per vietare TikTok sui telefoni di servizio', 'La mozione impegna il governo ad agire.', 'proposed'],
  ['es', 'El Congreso aprueba una proposición no de ley para vetar a Huawei en el 5G', 'El texto insta al Gobierno a excluir al fabricante.', 'proposed'],
  ['ko', '국회, 틱톡 금지 촉구 결의안 채택', '결의안은 정부에 조치를 요구했다.', 'proposed'],
];

describe('classifier', () => {
  describe('classify: orders, grace periods and whose modality', () => {
    it.each([...ORDER_CASES, ...GRACE_CASES, ...SUBJECT_CASES])('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

// A government that sees no need or reason to act has decided not to act (rejected); "X to <verb>"
// is a future only in the headline (in a body it follows "require"/"would"); 出于…考虑 is a
// reason, not "considering".
const MORE_STAGE_CASES: Array<[string, string, string, Stage]> = [
  // "May revoke" is still under consideration; one chamber passing a quoted bill is proposed.
  ['zh', '美国政府可能撤销中国电信在美牌照', '美国联邦通信委员会表示正在审查该公司的运营授权。', 'proposed'],
  ['ko', "미 하원서 '틱톡 금지법' 통과", '법안은 상원 표결을 남겨두고 있다.', 'proposed'],
  ['de', 'Grüne fordern Verbot von Hikvision-Kameras – Bundesregierung sieht keinen Grund', 'Ein Verbot sei unverhältnismäßig, sagte ein Sprecher.', 'rejected'],
  ['en', 'Australia sees no need to ban WeChat, minister says', 'The government will keep the app under review.', 'rejected'],
  ['fr', 'La Belgique ne voit pas la nécessité d\'interdire TikTok', 'Le gouvernement fédéral juge une interdiction disproportionnée.', 'rejected'],
  ['es', 'Chile no ve motivos para excluir a Huawei del 5G', 'El Gobierno considera desproporcionado un veto.', 'rejected'],
  ['en', 'Canada to remove Hikvision cameras from federal buildings', 'Departments were asked to consider alternatives.', 'announced'],
  ['pt', 'Brasil pondera proibir TikTok nos celulares do Estado', 'O governo avalia a medida.', 'proposed'],
  ['zh', '英国政府禁止在政府设备上使用TikTok', '出于安全考虑，禁令即日起生效。', 'in_force'],
];

describe('classifier', () => {
  describe('classify: no-need rejections, headline futures, reasons', () => {
    it.each(MORE_STAGE_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

// Passed by one chamber but awaiting signature/promulgation: proposed. Published in the official
// journal: enacted, so in force even when it starts later. Allowed again: lifted. A warning headline
// whose body says what "could" happen is an issued warning.
const ENACTMENT_CASES: Array<[string, string, string, Stage]> = [
  ['es', 'El Senado de Chile aprueba ley que prohíbe TikTok en equipos del Estado', 'La norma pasa ahora al Ejecutivo para su promulgación.', 'proposed'],
  ['en', 'Senate sends bill banning WeChat on state devices to the governor\'s desk', 'The governor has not said whether she will sign it.', 'proposed'],
  ['de', 'Kabinett beschließt Gesetz zum Ausschluss von ZTE-Komponenten', 'Der Bundestag muss noch zustimmen.', 'proposed'],
  ['pt', 'Câmara aprova proibição de Hikvision em órgãos públicos; texto vai à sanção', 'O projeto veda a compra de câmeras do fabricante.', 'proposed'],
  ['fr', 'Le décret interdisant ZTE dans les réseaux entrera en vigueur en janvier', 'Le décret a été publié mardi au Journal officiel.', 'in_force'],
  ['it', 'Il decreto che vieta Hikvision negli uffici pubblici entrerà in vigore a marzo', 'Il decreto è stato pubblicato ieri in Gazzetta Ufficiale.', 'in_force'],
  ['fr', 'La Norvège autorise à nouveau TikTok sur les téléphones des ministres', 'Le gouvernement a levé l\'interdiction.', 'lifted'],
  ['de', 'Österreich erlaubt TikTok wieder auf Diensthandys', 'Die Regierung hob das Verbot auf.', 'lifted'],
  ['es', 'Italia vuelve a permitir DeepSeek tras cambios en su política de privacidad', 'El Garante levantó el bloqueo.', 'lifted'],
  ['de', 'BSI warnt vor DeepSeek', 'Nutzerdaten könnten an chinesische Behörden gelangen.', 'in_force'],
  ['en', 'Cyber agency warns against Kaspersky antivirus', 'The software could be used for espionage, the agency said.', 'in_force'],
];

describe('classifier', () => {
  describe('classify: enactment, passage, re-admission, issued warnings', () => {
    it.each(ENACTMENT_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

// Deadlines with multi-digit numbers ("entro 60 giorni", "bis zum 15. März", "d'ici 18 mois") make a
// decision announced; revoking a licence without a deadline is in force.
const DEADLINE_CASES: Array<[string, string, string, Stage]> = [
  // A revoked licence is an issued decision: its deadline dates it, in force (LABELS.md).
  ['it', 'Usa, revocata la licenza a China Mobile', 'La società dovrà cessare i servizi entro 60 giorni.', 'in_force'],
  ['de', 'EU-Parlament verbannt TikTok von Diensthandys', 'Die Mitarbeiter müssen die App bis zum 15. März entfernen.', 'announced'],
  ['fr', 'La Suède exclut Huawei de la 5G', 'Les opérateurs devront retirer les équipements d\'ici 18 mois.', 'announced'],
  ['es', 'Perú excluye a ZTE de la red estatal', 'Los equipos deberán retirarse hasta el 31 de diciembre.', 'announced'],
  ['it', 'Gli Stati Uniti revocano le licenze di esportazione verso Huawei', 'Il dipartimento del Commercio ha ritirato le autorizzazioni.', 'in_force'],
  ['fr', 'Washington révoque les licences d\'exportation vers Huawei', 'Intel et Qualcomm ne peuvent plus livrer le groupe.', 'in_force'],
];

describe('classifier', () => {
  describe('classify: numeric deadlines and revoked licences', () => {
    it.each(DEADLINE_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

// Shelving or archiving a bill is a decision not to act.
const SHELVED_CASES: Array<[string, string, string, Stage]> = [
  ['es', 'El Senado archiva el proyecto para vetar a Huawei', 'La comisión decidió no seguir tramitando la iniciativa.', 'rejected'],
  ['it', 'Il governo accantona il piano per vietare TikTok', 'Il divieto non è più all\'ordine del giorno.', 'rejected'],
  ['de', 'Regierung legt TikTok-Verbot auf Eis', 'Ein Verbot sei derzeit nicht geplant.', 'rejected'],
  ['pt', 'Câmara arquiva projeto que proibia o TikTok', 'A proposta não será votada.', 'rejected'],
];

describe('classifier', () => {
  describe('classify: shelved bills', () => {
    it.each(SHELVED_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

// Taken off a list (entity list, blacklist) is lifted; an authority refusing an operator's request
// for authorisation has decided (in force); suspending a ban without an article is still lifting it.
const OFF_LIST_CASES: Array<[string, string, string, Stage]> = [
  ['ja', '米商務省、YMTCをエンティティー・リストから除外', '米企業は許可なく製品を出荷できるようになる。', 'lifted'],
  ['de', 'USA streichen ZTE von der Exportverbotsliste', 'Das Handelsministerium hat den Konzern von der Entity List entfernt.', 'lifted'],
  ['es', 'EE.UU. retira a Inspur de la lista negra comercial', 'El Departamento de Comercio eliminó a la empresa de la lista de entidades.', 'lifted'],
  ['ko', '미국, 화웨이 자회사 수출 제한 명단에서 제외', '미국 상무부는 화웨이 자회사 두 곳을 명단에서 제외했다.', 'lifted'],
  ['fr', 'ZTE : l\'opérateur voulait ses antennes, l\'Arcep a refusé', 'Le régulateur a rejeté la demande d\'autorisation de l\'opérateur.', 'in_force'],
  ['pt', 'Índia suspende proibição ao TikTok', 'O governo autorizou o retorno do aplicativo.', 'lifted'],
];

describe('classifier', () => {
  describe('classify: off-list, refused authorisation, suspended bans', () => {
    it.each(OFF_LIST_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

// Giving up a ban is a rejection; a request addressed to operators (要請) is issued; a finished review
// ("검토 결과") is not a review under way.
const MORE_GIVEUP_CASES: Array<[string, string, string, Stage]> = [
  ['pt', 'Canadá desiste de banir WeChat de celulares do governo', 'O governo concluiu que os riscos podem ser geridos.', 'rejected'],
  ['es', 'Chile desiste de prohibir TikTok en dispositivos oficiales', 'El Gobierno considera suficientes las recomendaciones.', 'rejected'],
  ['ja', '中国、マイクロン製品の調達停止を重要インフラ事業者に要請', '運営者に対し、調達を停止するよう求めた。', 'in_force'],
  ['ko', '캐나다, 하이크비전에 국내 사업 중단 명령', '캐나다 정부는 국가안보 검토 결과 사업을 중단하라고 명령했다.', 'in_force'],
];

describe('classifier', () => {
  describe('classify: giving up, requests, finished reviews', () => {
    it.each(MORE_GIVEUP_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

// Suspending the enforcement of a ban in force ("not to enforce", a signed delay of enforcement) lifts
// it, as the real annotators label TikTok's 75 days; postponing a ban not yet in force (its entry into
// force, its implementation) keeps it announced; withdrawing a bill is a rejection; keeping a policy
// is in force.
const DELAY_CASES: Array<[string, string, string, Stage]> = [
  ['en', 'President signs order postponing WeChat ban by 90 days', 'The order tells agencies not to enforce the ban during the period.', 'lifted'],
  ['de', 'Regierung verschiebt Huawei-Verbot um ein Jahr', 'Die Umsetzung wird auf 2027 verschoben.', 'announced'],
  ['es', 'Canadá aplaza la prohibición de Hikvision', 'El Gobierno pospone la aplicación de la medida hasta el próximo año.', 'announced'],
  ['it', 'Il governo rinvia il divieto di TikTok sui telefoni di servizio', 'L\'entrata in vigore slitta di sei mesi.', 'announced'],
  ['ko', '미국, 위챗 금지 조치 시행 90일 유예', '대통령은 행정명령에 서명했다.', 'lifted'],
  ['ko', '필리핀, 틱톡 금지 법안 백지화', '의회는 법안을 철회하기로 했다.', 'rejected'],
  ['ko', '영국, 화웨이 5G 배제 방침 유지', '정부는 기존 결정을 유지한다고 밝혔다.', 'in_force'],
  // A ban's enforcement deadline moved again (TikTok, 2025): the headline wording of a delay.
  ['en', 'White House extends WeChat ban deadline by 60 days', '', 'lifted'],
  ['ko', "트럼프, '위챗 금지법' 90일 추가 유예", '', 'lifted'],
  ['zh', '美国再度延长微信宽限期', '', 'lifted'],
  ['zh', '美国对微信的禁令再度延后', '', 'lifted'],
  // Extending a ban itself keeps it in force.
  ['en', 'Government extends WeChat ban for another six months', '', 'in_force'],
];

// A blocked app or service back: unbanned, its services restored, back after the ban.
const RESTORED_CASES: Array<[string, string, string, Stage]> = [
  ['en', 'Regulator unbans Telegram after talks', '', 'lifted'],
  ['en', 'Authority restores Telegram services nationwide', '', 'lifted'],
  ['en', 'Telegram returns to Kenya after government-imposed block', '', 'lifted'],
  ['en', 'Kenya restores Telegram after two-week ban', '', 'lifted'],
];

// A block that starts in the days ahead is decided, not yet in force.
const COMING_CASES: Array<[string, string, string, Stage]> = [
  ['en', 'Nepal To Shut Down Telegram In Coming Days', "Nepal's government will shut down Telegram in the coming days, following through on a ban announced in December.", 'announced'],
  ['en', 'Kenya will close Telegram in the next few days', 'Telegram will be blocked in the next few days, following the prohibition announced last month.', 'announced'],
  // A cabinet adopting a bill sends it to parliament: proposed.
  ['en', 'Bulgarian government approves law to bar ZTE from 5G networks', 'The draft now goes to parliament.', 'proposed'],
  ['de', 'Kabinett beschließt Gesetz gegen ZTE-Komponenten im 5G-Netz', 'Beim Aufbau der Netze sollen Ausrüster wie ZTE strengen Prüfkriterien unterliegen.', 'proposed'],
];

describe('classifier', () => {
  describe('classify: delays, withdrawn bills, kept policies', () => {
    it.each(DELAY_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

describe('classifier', () => {
  describe('classify: blocks in the coming days', () => {
    it.each(COMING_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
  describe('classify: restored services', () => {
    it.each(RESTORED_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
  describe('classify: a vendor back to growth after a ban is no lifting', () => {
    it.each([['Huawei returns to growth after US ban'], ['Huawei returns to profit after US sanctions']])('reads "%s" as not relevant', (title) => {
      expect(classify(item('en', title, '')).relevant).toBe(false);
    });
  });
});

// Courts in the passive voice lift a ban; "before it took effect" is not in force; first-person
// refusals are rejections; German past-tense announcements are announced.
const PASSIVE_CASES: Array<[string, string, string, Stage]> = [
  ['pt', 'Lei que proíbe o TikTok no estado é derrubada pela Justiça', 'O juiz suspendeu a norma antes que ela entrasse em vigor.', 'lifted'],
  ['it', 'Divieto di WeChat bocciato dal giudice', 'Il tribunale ha fermato la norma prima della sua entrata in vigore.', 'lifted'],
  ['es', 'La prohibición de TikTok en Montana, tumbada por un juez', 'El tribunal frenó la ley estatal.', 'lifted'],
  ['fr', '« Nous n\'interdirons pas Huawei », affirme le ministre', 'Le gouvernement préfère d\'autres garanties.', 'rejected'],
  ['de', 'Innenminister: Huawei-Verbot für Behörden kommt', 'Der Minister kündigte an, die Geräte in Behörden zu untersagen.', 'announced'],
];

describe('classifier', () => {
  describe('classify: passive courts, first-person refusals', () => {
    it.each(PASSIVE_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

// A vendor winning its case against a ban lifts it (a vendor only suing does not count); extending a
// ban (not a deadline) keeps it in force; "the Swedish ban" names the acting country.
const VENDOR_WINS_CASES: Array<[string, string, string, Stage]> = [
  ['en', 'ZTE wins appeal against Danish 5G ban', 'The court overturned the regulator\'s decision.', 'lifted'],
  ['de', 'Hikvision gewinnt Klage gegen britisches Kameraverbot', 'Das Gericht hob die Anordnung auf.', 'lifted'],
  ['es', 'Huawei gana el recurso contra el veto danés al 5G', 'El tribunal anuló la decisión del regulador.', 'lifted'],
  ['ja', 'ファーウェイ、デンマークの5G排除訴訟で勝訴', '裁判所は当局の決定を取り消した。', 'lifted'],
  ['it', 'Il Giappone proroga il divieto di TikTok sui telefoni di servizio', 'Le restrizioni restano in vigore.', 'in_force'],
  ['pt', 'Índia prorroga proibição do WeChat', 'As restrições continuam em vigor.', 'in_force'],
];

describe('classifier', () => {
  describe('classify: vendors winning in court, extended bans', () => {
    it.each(VENDOR_WINS_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

// Denying a plan to ban is a rejection; a body requiring staff to hand back or delete something is
// in force unless a Chinese deadline ("3月15日前") follows.
const DENY_CASES: Array<[string, string, string, Stage]> = [
  ['fr', 'Le gouvernement dément vouloir interdire WeChat', 'Aucune interdiction n\'est envisagée, assure le ministre.', 'rejected'],
  ['de', 'Regierung dementiert Verbotspläne für TikTok', 'Ein Verbot sei nicht geplant.', 'rejected'],
  ['zh', '以色列军方要求军官交还比亚迪汽车', '军方担心车辆收集敏感数据。', 'in_force'],
  // An instruction issued to staff, with a date to comply by: in force (LABELS.md).
  ['zh', '欧洲议会要求员工卸载TikTok', '员工须在3月20日前从公务设备上删除该应用。', 'in_force'],
];

describe('classifier', () => {
  describe('classify: denials, hand-backs, Chinese deadlines', () => {
    it.each(DENY_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

describe('classifier', () => {
  describe('classify: funding a removal, refusing to restrict', () => {
    it.each([
      ['El Gobierno compensará a las operadoras por retirar equipos de ZTE', 'Se creará un fondo para la sustitución en las redes 5G.', 'announced'],
      ['Chile descarta restringir los autos eléctricos de BYD', 'El Gobierno no ve riesgos para la seguridad nacional.', 'rejected'],
    ])('[es] reads "%s" as %s', (title, summary, stage) => {
      const c = classify(item('es', title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

describe('classifier', () => {
  describe('classify: trade blacklists, immediate effect (zh), durations are not deadlines', () => {
    it.each([
      ['pt', 'EUA colocam ZTE em lista negra comercial', 'O Departamento de Comércio incluiu a empresa na lista de entidades.', 'in_force'],
      ['zh', '印度宣布禁用微信等中国应用', '印度政府宣布，即日起禁用上述应用。', 'in_force'],
      ['zh', '美国商务部禁止美企在七年内向中兴出售零部件', '美国商务部宣布激活拒绝令。', 'in_force'],
      ['ja', 'スウェーデン、ZTEを5Gから排除', '当局は事業者に対し、機器を2025年1月1日までに撤去するよう求めた。', 'announced'],
    ])('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

describe('classifier', () => {
  describe('classify: bills named by what they would do (pt/es)', () => {
    it.each([
      ['pt', 'Câmara aprova urgência para projeto que bane o Temu', 'O texto ainda precisa ser votado no plenário.'],
      ['es', 'El Senado debate un proyecto que prohíbe TikTok en el país', 'La iniciativa fue presentada por la oposición.'],
    ])('[%s] reads "%s" as proposed', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe('proposed');
    });
  });
});

describe('classifier', () => {
  describe('classify: a court refusing to suspend a vendor, a vendor escaping a ban (rejected) — not a court refusing to block a ban (in force)', () => {
    it.each([
      ['en', 'Paris court refuses to suspend Shein', 'The government had asked for a three-month suspension of the platform.', 'rejected'],
      ['en', 'Shein escapes ban in France', 'A judge found the measure disproportionate.', 'rejected'],
      ['fr', 'Justice : le tribunal de Paris refuse de suspendre la plateforme Shein', "Le gouvernement demandait une suspension de trois mois.", 'rejected'],
      ['fr', 'Shein échappe à la suspension en France', '', 'rejected'],
      ['de', 'Shein entgeht Sperre in Frankreich', 'Ein Pariser Gericht lehnte den Antrag der Regierung ab.', 'rejected'],
      ['de', 'Shein muss in Frankreich nicht zusperren', '', 'rejected'],
      ['en', 'Court refuses to block TikTok ban', 'The ban stays in force.', 'in_force'],
      ['en', "Judge declines to halt Montana's TikTok law", '', 'in_force'],
    ])('[%s] reads "%s" (lead: "%s") as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

describe('classifier', () => {
  describe('classify: could, likely to, facing a possible ban (proposed)', () => {
    it.each([
      ['en', 'Germany could shut down Telegram', 'The interior minister said the messenger could be switched off if it keeps ignoring German law.'],
      ['en', 'Trump administration likely to ban DeepSeek from government devices', 'Officials are weighing the step, people familiar said.'],
      ['en', 'Temu faces potential ban in Uzbekistan', 'Regulators are reviewing complaints.'],
    ])('[%s] reads "%s" as proposed', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe('proposed');
    });
  });
});

// A threat or an ultimatum to ban or block a platform is a proposal, not a measure in force or a
// warning (LABELS.md): "amenaza con bloquear", "menace de bloquer", "пригрозил заблокировать"…
const THREAT_CASES: Array<[string, string, string, Stage]> = [
  ['es', 'El gobierno de Bolivia amenazó con prohibir Telegram', '', 'proposed'],
  ['fr', 'Le Sénégal menace de bloquer TikTok', '', 'proposed'],
  ['ru', 'Токаев пригрозил заблокировать Telegram в Казахстане', '', 'proposed'],
  ['tr', 'Bakan, Telegram’ı kapatmakla tehdit etti', '', 'proposed'],
  ['pt', 'Governo de Angola ameaça banir o TikTok', '', 'proposed'],
  ['it', 'L’Albania minaccia di bloccare TikTok', '', 'proposed'],
  ['uk', 'Уряд Молдови пригрозив заблокувати Telegram', '', 'proposed'],
];

describe('classifier', () => {
  describe('classify: threats and ultimatums to block (proposed)', () => {
    it.each(THREAT_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe('market_ban');
      expect(c.stage).toBe(stage);
    });
  });
});

// "unblocked", "restores access" end a block as plainly as desbloqueado or разблокирован: one such
// report is sure enough to lift an event on its own (events.STRONG_STAGE_CONFIDENCE).
describe('classifier', () => {
  describe('classify: unblocked is a sure lifting', () => {
    it.each([
      ['en', 'Telegram unblocked in Kazakhstan after two weeks', 'The communications ministry said the messenger, which had been blocked during the unrest, works again.'],
      ['en', 'Pakistan telecom authority unblocks TikTok', 'The platform had been blocked for a month.'],
    ])('[%s] reads "%s" as lifted, surely', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe('lifted');
      expect(c.stageConfidence).toBeGreaterThanOrEqual(0.85);
    });
  });
});

// r21 batch (tr, ko, ru): a court upholding a law or rejecting the appeal (in force), the signing done
// after the chambers passed it (in force), a stated intention to exclude (announced, though the
// announcement is in the past tense), an authority preparing the legal means of a ban (proposed, under
// a headline in the future), and sanctions lifted on paying a fine (lifted).
const RULING_AND_INTENT_CASES: Array<[string, string, string, Stage]> = [
  ['tr', 'ABD Yüksek Mahkemesi TikTok yasasını onadı', 'Mahkeme, uygulamanın satılmaması halinde yasaklanmasını öngören yasayı anayasaya uygun buldu.', 'in_force'],
  ['tr', "Hindistan'da mahkeme TikTok'un temyiz başvurusunu reddetti", 'Yüksek Mahkeme, uygulamaya getirilen yasağın sürmesine karar verdi.', 'in_force'],
  ['ko', '미 대통령, 틱톡 금지법에 서명 완료', '하원과 상원을 통과한 법안이다.', 'in_force'],
  ['ko', '캐나다, 화웨이 장비 배제하겠다는 계획 공개', '캐나다 정부는 5G 사업에서 화웨이를 배제하겠다고 밝혔다. 미국 동맹국 대열에 합류했다.', 'announced'],
  ['ru', 'Госорганам запретят пользоваться Telegram', 'Правительство разрабатывает механизм, который обяжет чиновников отказаться от мессенджера.', 'proposed'],
  ['ko', '미국, 中 ZTE에 "벌금 내면 거래금지 해제"', '', 'lifted'],
];

describe('classifier', () => {
  describe('classify: rulings, signings, intentions, preparations', () => {
    it.each(RULING_AND_INTENT_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

describe('classifier', () => {
  // A government withdrawing or scrapping its own proposal decides not to act (LABELS.md): rejected,
  // not lifted, since nothing was in force. Revoking an order or a ban in force stays lifted.
  describe('classify: a withdrawn proposal', () => {
    it.each([
      ['UK government withdraws draft ban on Hikvision cameras', '', 'rejected'],
      ['Canada scraps proposed restrictions on TikTok', 'The government has withdrawn the proposal after consultation.', 'rejected'],
      ['Trump withdraws executive orders banning TikTok and WeChat', '', 'lifted'],
    ])('reads "%s" as %s', (title, summary, stage) => {
      const c = classify(item('en', title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

describe('classifier', () => {
  // Not ruling out a ban, or "looking at" one, is considering it: proposed. The same verb with the
  // vendor as its object ("schließt Huawei nicht aus", "descarta prohibir") stays a decision not to act.
  describe('classify: a ban not ruled out', () => {
    it.each([
      ['en', 'Minister refuses to rule out banning WeChat', 'The trade minister said the cabinet would not rule out a ban on the app over data concerns.', 'proposed'],
      ['en', 'Canada "looking at" a ban on Huawei gear, official says', 'The government is looking at banning Huawei equipment from its networks, an official said.', 'proposed'],
      ['de', 'Innenministerin schließt ein Verbot von WeChat nicht aus', 'Die Bundesregierung schließt ein Verbot der chinesischen App WeChat ausdrücklich nicht aus.', 'proposed'],
      ['de', 'Schweiz: Bundesrat schliesst Sperre von Telegram nicht aus', 'Der Bundesrat schliesst eine Sperre des Messengers Telegram nicht aus.', 'proposed'],
      ['de', 'Regierung schließt Huawei beim Netzausbau nicht aus', 'Die Bundesregierung schließt den Anbieter Huawei beim Ausbau des 5G-Netzes nicht aus.', 'rejected'],
      ['fr', 'Le Canada n’exclut pas d’interdire WeChat', 'Le ministre a déclaré que le gouvernement n’exclut pas d’interdire l’application WeChat.', 'proposed'],
      ['es', 'Argentina no descarta prohibir WeChat', 'El Gobierno argentino no descarta prohibir la aplicación WeChat por motivos de seguridad.', 'proposed'],
      ['es', 'Argentina descarta prohibir WeChat', 'El Gobierno argentino descarta prohibir la aplicación WeChat.', 'rejected'],
      ['pt', 'Brasil não descarta banir o WeChat', 'O governo brasileiro não descarta banir o aplicativo WeChat por razões de segurança.', 'proposed'],
      ['it', 'L’Italia non esclude il divieto di WeChat', 'Il governo non esclude il divieto dell’app WeChat per motivi di sicurezza.', 'proposed'],
    ])('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });

  // "told" is an order only when it tells someone to do something ("staff were told to delete"), not
  // a verb of saying ("the minister told Fox News on Monday").
  describe('classify: told as a verb of saying', () => {
    it('does not read "X told <outlet>" as a measure in force', () => {
      const c = classify(item('en', 'India is looking at banning WeChat, minister says', 'India is "looking at" banning WeChat, the IT minister told CNBC on Tuesday.'));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe('proposed');
    });
  });
});

describe('classifier', () => {
  // A government finding no evidence that a ban is needed decides not to act; a bill adopted for good
  // by Parliament is decided, not yet promulgated (announced), while one chamber's first vote stays proposed.
  describe('classify: no evidence for a ban, final adoption', () => {
    it.each([
      ['en', 'New Zealand finds no evidence WeChat should be banned', 'The prime minister said officials had found no evidence that WeChat should be banned from government phones.', 'rejected'],
      ['en', 'Minister: no evidence a Hikvision ban is necessary', 'The interior minister said there was no evidence to suggest a ban on Hikvision cameras was necessary.', 'rejected'],
      ['fr', 'Le Parlement adopte définitivement la loi qui écarte ZTE des réseaux', 'Les députés ont définitivement adopté le texte visant à exclure ZTE des antennes 5G.', 'announced'],
      ['fr', 'Adoption définitive de la loi excluant Huawei des réseaux 5G', 'Le Sénat a voté le texte en lecture définitive mercredi.', 'announced'],
    ])('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

describe('classifier', () => {
  // wrng3: a decision reported while it is unclear whether it has formally taken effect ("it is not
  // yet clear whether the firms have been officially listed"), or a finding that firms should be
  // listed, is decided but not (known to be) in force: announced, in en, ko, zh, ja, de. A measure
  // "restricted from Thursday" in the perfect tense has started; one that will apply "within three
  // months" (zh 将在…三个月内) has not.
  describe('classify: decided but not known to be formally in effect', () => {
    it.each([
      ['en', 'Commerce Department names Hikvision and Dahua in new list of military-linked firms', 'Officials determined that Hikvision and Dahua should be placed on the list, according to a memo seen by reporters. It remains unclear whether they have been formally added.', 'announced'],
      ['en', 'Pentagon finds SMIC aids Chinese military', 'The Pentagon concluded that SMIC should be added to its list of Chinese military companies. It was not yet clear if SMIC had been officially designated.', 'announced'],
      ['ko', '미 상무부, 화웨이 계열사 수출통제 명단에 추가', '다만 해당 기업들이 실제로 명단에 등재됐는지는 아직 확인되지 않았다.', 'announced'],
      ['zh', '美国商务部认定大疆应被列入实体清单', '目前仍不清楚大疆是否已被正式列入该清单。', 'announced'],
      ['ja', '米政府、ハイクビジョンを制裁リストに追加へ', 'ただ、正式に追加されたかどうかはまだ明らかになっていない。', 'announced'],
      ['de', 'Pentagon setzt DJI auf Liste chinesischer Militärfirmen', 'Unklar ist, ob DJI bereits offiziell aufgenommen wurde.', 'announced'],
      ['en', 'Chad suspends TikTok and Telegram amid protests', 'Monitors confirmed that TikTok and Telegram have been restricted from Tuesday across the country.', 'in_force'],
      ['zh', '塔利班禁掉TikTok和PUBG', '当局表示将在未来两个月内屏蔽这两款应用。', 'announced'],
      // A vendor described as shut out (被排除在外) is in the state the measure made, whatever the
      // headline's other clause plans (将开展试验); 可能被排除在外 stays a possibility.
      ['zh', '巴西将开展5G试验 华为中兴被排除在外', '巴西通信部批准运营商与爱立信、诺基亚合作测试。', 'in_force'],
      ['zh', '越南考虑5G建设 华为可能被排除在外', '越南政府正在研究设备商名单。', 'proposed'],
    ])('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});

describe('classifier', () => {
  // stage6: a vote or decision rejecting a vendor's application (a licence, market entry) is the
  // restriction itself, in force, not a government deciding not to act; a government braking a
  // firm's trade restricts it, where a court braking a ban lifts the ban (ko 제동을 걸다).
  describe('classify: an application denied, trade braked, sanctions reported as coming', () => {
    it.each([
      ['zh', '美国联邦通信委员会否决中国电信的营运牌照申请', '委员会以国家安全为由投票否决了该公司在美经营的申请。', 'in_force'],
      ['zh', '美商務部拒絕華為供應商的出口許可申請', '商務部表示出於國家安全考量拒絕了相關申請。', 'in_force'],
      ['ja', '米FCC、中国聯通の事業免許申請を否決', '国家安全保障上の懸念を理由に全会一致で否決した。', 'in_force'],
      ['ko', '미 FCC, 차이나유니콤 사업 허가 신청 부결', '국가안보 우려로 신청을 부결했다.', 'in_force'],
      ['ko', '미 상무부, 화웨이와 미국 기업 간 거래에 제동', '상무부가 화웨이와 미국 기업 간 거래에 제동을 걸었다.', 'in_force'],
      // ko: sanctions or rules reported as coming (제재할 것이라고 … 보도했다: will sanction, it
      // reported) are announced, as the other verbs of ko.stage.announced.will-exclude; the outlet's
      // 보도했다 is not the measure's perfect. A listing done stays in force.
      ['ko', '미 재무부, 中 감시장비업체 하이크비전 추가 제재', '재무부가 하이크비전 등 중국 기업들을 투자 금지 명단에 올려 제재할 것이라고 월스트리트저널이 보도했다.', 'announced'],
      ['ko', '美 재무부, 中 드론업체 DJI 제재', '재무부는 DJI를 투자 블랙리스트에 올렸다고 밝혔다.', 'in_force'],
      // guards: a ban voted down, a court braking an order, a stated plan to reject an application
      ['zh', '美联邦通信委员会拟否决中国联通的营运申请', '委员会计划下周表决。', 'proposed'],
      ['zh', '参议院否决禁止TikTok的法案', '该法案未获通过。', 'rejected'],
      ['ko', '연방법원, 틱톡 금지 행정명령에 제동', '연방법원이 틱톡 다운로드 금지 행정명령에 제동을 걸었다.', 'lifted'],
    ])('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});
