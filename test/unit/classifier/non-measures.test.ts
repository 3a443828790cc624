/**
 * Non-measures seen in real news (LABELS.md, GUIDE conventions): the targeted vendor's home country
 * reacting to someone else's measure, a government denying that a ban exists, MPs and experts
 * calling for a ban. None of them reports a state measure; the measures they talk about stay relevant.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { item } from './helpers.js';

// [language, title, summary]
const ORIGIN_REACTIONS: Array<[string, string, string]> = [
  ['en', 'China says Canada made a "wrong decision" with its ban on Huawei', 'The commerce ministry said the move would harm bilateral trade.'],
  ['en', 'Beijing urges Britain to reconsider exclusion of ZTE from 5G networks', 'A spokesman called the decision discriminatory.'],
  ['en', 'China firmly opposes Dutch restrictions on Hikvision', 'The foreign ministry said it would take measures to protect Chinese firms.'],
  ['fr', 'La Chine dénonce l\'exclusion de Huawei par la Suède', 'Pékin estime que la décision est politique.'],
  ['de', 'China kritisiert Ausschluss von Huawei durch Portugal', 'Das Außenministerium in Peking sprach von Diskriminierung.'],
  ['es', 'China dice que el veto de Australia a Huawei es un error', 'El ministerio de Comercio advirtió de consecuencias.'],
  ['it', 'La Cina afferma che il divieto del Canada contro ZTE è discriminatorio', 'Il ministero degli Esteri ha chiesto di rivedere la decisione.'],
  ['pt', 'China diz que proibição da Huawei pela Suécia é política', 'O ministério das Relações Exteriores pediu uma revisão.'],
  ['ja', '中国外務省、英国のファーウェイ排除を批判', '報道官は「差別的だ」と述べた。'],
  ['zh', '中国商务部称加拿大禁止华为的决定损害两国关系', '发言人表示将采取必要措施。'],
  ['ko', '중국 외교부, 영국의 화웨이 배제 결정에 반발', '대변인은 차별적 조치라고 비판했다.'],
  ['zh', '國台辦批台禁用DeepSeek:恐中反中', '國台辦發言人表示,民進黨當局以安全為由禁用大陸AI產品。'],
  ['hi', 'चीन ने अमेरिकी फैसले की निंदा की', 'चीनी विदेश मंत्रालय ने हुआवेई पर प्रतिबंध की आलोचना की।'],
  // A comma after the reacting country ("Çin, …").
  ['tr', 'Çin, Huawei yaptırımlarını kınadı', 'Çin Dışişleri Bakanlığı ABD kararını eleştirdi.'],
];

const DENIALS: Array<[string, string, string]> = [
  ['en', 'Beijing denies issuing any ban on Apple phones for officials', 'The foreign ministry said no law or regulation bars the use of iPhones.'],
  ['en', 'Vietnam has not banned TikTok, ministry says', 'Officials said reports of a ban were false.'],
  ['fr', 'Le Japon dément toute interdiction de TikTok dans ses ministères', 'Le porte-parole a qualifié les informations de rumeurs.'],
  ['de', 'Regierung dementiert Berichte über Huawei-Verbot', 'Ein Sprecher sagte, es gebe keine entsprechenden Pläne.'],
  ['es', 'Perú niega la prohibición de DJI en sus ministerios', 'El Gobierno dijo que no ha prohibido el uso de drones.'],
  ['it', 'Il ministero smentisce le notizie su un divieto di TikTok', 'Non ha mai vietato l\'applicazione, ha precisato.'],
  ['pt', 'Governo nega proibição do TikTok em celulares oficiais', 'O ministério afirma que não proibiu o aplicativo.'],
  ['ja', '政府、TikTok使用禁止の報道を否定', '官房長官は「禁止していない」と述べた。'],
  ['zh', '外交部：中国从未出台禁止使用苹果手机的规定', '发言人说没有法律法规禁止购买苹果手机。'],
  ['ko', '정부, 틱톡 금지령 보도 부인', '관계자는 금지한 적이 없다고 말했다.'],
  // "never blocked / never removed" with other restriction verbs than 금지
  ['ko', '베트남 정부 "틱톡 차단한 적 없다"…현지 보도 부정', '베트남 정보통신부는 틱톡 접속을 막았다는 보도를 부정했다.'],
  ['ko', '인도 "중국산 CCTV 퇴출한 적 없어"', '인도 전자정보기술부는 하이크비전 카메라 사용을 막은 적이 없다고 밝혔다.'],
];

const CALLS_FOR_BAN: Array<[string, string, string]> = [
  ['en', 'MPs urge ministers to ban Hikvision cameras from public buildings', 'A cross-party group of MPs wrote to the government.'],
  ['en', 'Calls for a ban on DJI drones grow in Congress', 'Several lawmakers want the drones off the market.'],
  ['fr', 'Des députés réclament l\'interdiction de TikTok', 'Ils demandent au gouvernement d\'agir.'],
  ['es', 'Diputados piden prohibir las cámaras de Hikvision', 'El grupo parlamentario presentó una carta al ministro.'],
  ['it', 'Esperti chiedono di vietare DeepSeek nella pubblica amministrazione', 'Secondo gli esperti i rischi sono elevati.'],
  ['pt', 'Deputados pedem banimento da Huawei do 5G', 'Os parlamentares enviaram uma carta ao governo.'],
  ['ja', '自民党議連、TikTokなど中国アプリの規制を政府に要求', '議連は利用制限の法整備を求める提言をまとめる。'],
  ['ja', '国会議員ら、DeepSeekの利用を禁止するよう政府に要請', '与党の議員グループは来月にも提案をまとめる。'],
  ['id', 'DPR minta pemerintah blokir TikTok', 'Anggota DPR mendesak pemerintah segera memblokir TikTok.'],
  ['ko', '미국 의원들 "딥시크 금지해야"', '공화당 의원들은 정부 기기에서 딥시크 사용을 금지해야 한다고 주장했다.'],
];

// More reactions and proposals that are not measures: the home country's foreign ministry without
// its country's name (Chinese usage), "will defend the rights of its companies", a question in the
// middle of a headline, a ruling party's proposal, the vendor applying for an injunction.
const MORE_NON_MEASURES: Array<[string, string, string]> = [
  // Customs seizing counterfeit goods is not a measure against the vendor whose brand they fake.
  ['en', 'Customs crack down on counterfeit Apple chargers', 'Officers seized thousands of fake accessories.'],
  ['zh', '海关严查假冒苹果手机', '查获一批仿冒产品。'],
  // A vendor asking a court for an injunction against a licence revocation: no ruling, no new step.
  ['ja', 'チャイナテレコム、米当局の事業免許取り消しで差し止め請求', '同社は連邦高裁に対し、連邦通信委員会が決めた事業免許の取り消しの差し止めを請求した。'],
  // A caucus's recommendation is a call for a measure; 中国発 (made in China) names an origin, not an actor.
  ['ja', '中国発アプリの利用制限提言へ 自民議連', '議連会長は、TikTokを念頭に中国発アプリの利用制限を政府に提言する考えを示した。'],
  // The vendor fighting a ban (in court, in a campaign) is its act, not a new step of the ban.
  ['en', 'ZTE\'s battle against the FCC\'s subsidy ban faces long odds', 'The company\'s petition argues the agency overstepped its authority.'],
  ['en', 'TikTok fights Montana\'s ban of the app', 'The company says the law violates the First Amendment.'],
  ['es', 'Huawei intensifica su lucha contra el veto de Estados Unidos', 'La compañía afirma que la ley es inconstitucional.'],
  ['zh', '外交部回应美国要求政府机构禁用TikTok', '发言人说，美国作为世界头号大国如此不自信。'],
  ['it', 'La Cina difenderà i diritti delle sue aziende dopo lo stop a DeepSeek', 'Il portavoce ha criticato la decisione italiana.'],
  ['en', 'China vows to defend the legitimate interests of Huawei after Canada\'s ban', 'The commerce ministry said it would take measures.'],
  ['zh', '美国全面制裁封杀中兴? 商务部:将采取必要措施', '商务部表示将密切关注事态发展。'],
  ['ja', '自民党がTikTok規制の提言を議論', '党の部会で使用制限について意見を交わした。'],
  ['ko', '틱톡, 미 법원에 사용 중단 행정명령 가처분 신청', '틱톡은 행정명령이 위헌이라고 주장했다.'],
  // A comment on a measure, a vendor going to court against it.
  ['ru', 'МИД прокомментировал запрет Kaspersky в США', 'Официальный представитель МИД прокомментировала запрет на продукцию компании.'],
  ['ru', 'Kaspersky просит суд отменить запрет в США', 'Компания обратилась в федеральный суд, чтобы оспорить запрет на использование ее продукции.'],
  // Impact analysis of a rule; another government's reaction to a reported ban.
  ['ja', 'ファーウェイ排除の米新ルール、日本企業への影響は', '米国政府と契約する企業にも中国製機器の使用停止を求める規則が日本企業に及ぼす影響を考える。'],
  ['zh', '传中国禁政府机构使用iPhone 白宫控不当报复行为', '白宫发言人表示,这是对美国企业的激进与不当报复行为。'],
  // China's Taiwan Affairs Office or Commerce Ministry answering a measure; a roundup headline.
  ['zh', '国台办回应台湾禁用抖音', '国台办发言人批评民进党当局打压大陆社交平台,称此举损害台湾民众利益。'],
  ['zh', '商务部新闻发言人回应美方将海康威视列入实体清单', '发言人表示,美方做法严重违反市场经济原则。'],
  ['zh', '各国禁用DeepSeek一览', '澳大利亚、韩国、意大利等国已限制政府设备使用DeepSeek。'],
  ['ja', 'TikTok禁止はなぜ 米国の狙いを読み解く', '米国でTikTokの利用を巡る議論が続いている。'],
  // The vendor answering a measure, its reaction closing a verb-final headline.
  ['ja', 'ファーウェイ、米国の禁輸措置に反論', 'ファーウェイは声明で「不当な措置だ」と反発した。'],
  ['vi', 'Huawei phản đối lệnh cấm của Mỹ', 'Huawei cho biết lệnh cấm là vô căn cứ.'],
  // Around a ban but not a step of one: a rumour denied, an analysis, buyers and users reacting,
  // others' worries, an anniversary, the vendor speaking ("Vendor: …").
  ['zh', '华为手机在美禁售传闻不实', '华为方面表示,有关其手机将在美国全面禁售的传闻不属实。'],
  ['zh', '分析:美国禁令对华为影响几何', '美国的出口禁令已实施五年,华为的手机业务逐步恢复。'],
  ['zh', 'TikTok禁令倒计时 美国用户涌向小红书', '随着禁令生效日期临近,大量美国用户下载小红书。'],
  ['zh', '美国网友抢购大疆无人机 赶在禁令生效前', '美国消费者担心禁令实施后无法购买新款大疆产品。'],
  ['zh', '日本企业担忧美国对华为新禁令', '日本零部件企业担心美国的新规将影响对华为的出口。'],
  ['zh', '大疆:美国禁令不影响现有用户', '大疆在声明中表示,已购买的无人机可以继续使用。'],
  ['ja', 'ファーウェイ排除から5年、日本の通信網は', '政府が調達指針を示してから5年がたった。'],
  ['ja', 'TikTok禁止で米ユーザーが「RedNote」に殺到', '禁止法の施行を前に、多くの利用者が中国系アプリに移った。'],
  ['ko', '화웨이 제재 5년…中 반도체 자립 가속', '미국의 제재 이후 화웨이는 자체 칩 개발에 속도를 내고 있다.'],
  ['ja', 'ファーウェイ製品の米禁輸、日本の部品メーカーに打撃', '村田製作所など日本企業の対中輸出が落ち込んでいる。'],
  // رفعت دعوى is filing a lawsuit, not lifting a ban.
  ['ar', 'تيك توك تقاضي الحكومة الأمريكية', 'رفعت الشركة دعوى قضائية أمام محكمة فيدرالية.'],
  // One government pressing its allies to exclude a vendor is no measure of its own.
  ['ja', '米、同盟国にファーウェイ排除を要請', '米政府は日本などの同盟国に対し、ファーウェイ製品を使わないよう求めた。'],
  // The vendor's own exit after someone else's ban, a company's internal rule, a diplomatic
  // warning to a country, a platform's content takedown: none is a measure against the vendor.
  ['ja', 'カスペルスキー、米国事業を段階的に縮小 販売禁止措置受け', '同社は米国での事業を段階的に終了すると明らかにした。'],
  ['ko', '재계, 딥시크 사내 사용 금지 확산', '주요 기업들이 임직원에게 딥시크 사용을 금지하는 사내 공지를 냈다.'],
  // Someone arguing against a ban, a call on Congress to ban, a count of states that have banned.
  ['en', 'Don\'t ban DeepSeek, says state senator', 'He said a ban would not stop Chinese data collection.'],
  ['en', 'Attorneys general press Congress to ban Temu from government phones', 'The letter cites data security risks.'],
  ['en', 'More than 30 states have banned TikTok on government devices', 'Here is where the app is restricted.'],
  ['sq', 'TikTok mohon akuzat e qeverisë shqiptare', 'Kompania tha se platforma është e sigurt për përdoruesit.'],
  // South Slavic and Bulgarian: a vendor denying or criticising someone's ban, a carrier's own choice, a commentator.
  ['hr', 'Huawei odbacuje optužbe nakon zabrane u Švedskoj', 'Tvrtka tvrdi da zabrana nema osnova i da njezina oprema nije prijetnja.'],
  ['hr', 'Operater neće koristiti Huawei: nema namjeru koristiti kinesku opremu u jezgri mreže', 'Uprava kaže da je to poslovna odluka, a ne zabrana države.'],
  ['sr', 'Хуавеј одбацује оптужбе и критикује забрану у Шведској', 'Компанија тврди да њена опрема није претња.'],
  ['sl', 'Huawei zavrača očitke in kritizira prepoved na Švedskem', 'V podjetju pravijo, da izključitev enega ponudnika ne more povečati varnosti omrežij.'],
  ['bg', 'Huawei отрича обвиненията и критикува забраната в Швеция', 'Компанията заяви, че оборудването ѝ е безопасно.'],
  ['bg', 'Дипломат: TikTok трябва да бъде забранен в България', 'Това мнение изрази в ефира на сутрешното предаване бивш посланик.'],
  ['mk', 'Хуавеј ја критикува забраната и ги негира обвинувањата', 'Компанијата тврди дека нејзината опрема е безбедна.'],
  ['ca', 'Huawei nega les acusacions i critica el veto dels Estats Units', 'L\'empresa diu que els seus equips són segurs.'],
  ['ca', 'TikTok presenta una demanda contra la prohibició de Montana', 'L\'empresa porta el cas als tribunals federals.'],
  // A court about to hear or examine a case has ruled nothing yet (its rulings have cues of their own).
  ['en', 'Supreme Court agrees to hear TikTok challenge to US ban law', 'The justices will hear arguments on January 10 over the law that would ban the app unless it is sold.'],
  ['de', 'Verfassungsgericht prüft TikTok-Verbot in Montana', 'Das Gericht verhandelt am Montag über das Gesetz.'],
  ['fr', 'Le Conseil d\'État se penche sur le blocage de TikTok', 'La plus haute juridiction administrative examinera vendredi la requête des associations.'],
  // A telecom company leaving a vendor out of its own tender is a commercial choice (an order to
  // the carriers, "통신사들에 … 배제 명령", stays a measure).
  ['ko', '독일 통신회사 도이치텔레콤, 5G 장비 입찰에서 화웨이 배제', '도이치텔레콤은 차세대 통신망 장비 공급업체 선정에서 화웨이를 제외했다고 밝혔다.'],
  ['ko', '러시아, 텔레그램 CEO 체포 관련 프랑스에 경고', '러시아 외무부는 프랑스에 정치적 행동을 하지 말라고 경고했다.'],
  ['he', 'הוקם חמ"ל להסרת סרטוני הסתה מטיק-טוק', 'המשרד פועל להסרת תכנים מסיתים מהרשת.'],
  // A stock-market report on a measure's news is not a measure.
  ['zh', '华为概念股午后涨停', '受美国放宽对华为出口管制的消息影响，相关板块盘中大涨。'],
  // the vendor moderating its own platform (ko topic-comment headline)
  ['ko', '틱톡, 이탈리아서 계정 50만개 삭제…"어린이 보호 차원"', '틱톡은 이탈리아에서 13세 미만으로 추정되는 계정 50만개를 삭제했다고 밝혔다.'],
  ['ko', '텔레그램, 테러 관련 채널 수백개 차단', '텔레그램은 당국의 요청에 따라 채널을 차단했다고 밝혔다.'],
  // a restriction inside a conditional clause is hypothetical
  ['en', "Kyiv hopes to grab Telegram's market if Russia blocks it", 'Ukrainian officials see an opening for local messengers.'],
  ['ko', '키이우는 러시아에서 텔레그램이 차단될 경우 텔레그램 시장을 장악하기를 희망하고 있다', '우크라이나 당국자들은 자국 메신저에 기회가 될 것으로 본다.'],
];

/**
 * Near-misses around a measure that report none (issue #7/#8): the vendor's own reaction (its
 * disappointment, its contesting, its executive speaking, a headline attributed to it), a vendor's
 * offer or lobbying to get a ban lifted, a request to a court to delay a ban, calls on an authority
 * to act (in any word order), and roundups of bans spreading.
 */
const NEAR_MISSES: Array<[string, string, string]> = [
  ['en', "Huawei says it is deeply disappointed by Sweden's 5G ban", 'The company said the decision by the Swedish telecom regulator was not based on facts.'],
  ['en', 'Kaspersky is saddened that Germany bans its software on federal computers', 'The company said it would keep serving German customers.'],
  ['de', 'TikTok enttäuscht über Verbot auf Diensthandys in Österreich', 'Das Unternehmen erklärte, die Entscheidung beruhe auf Missverständnissen.'],
  ['ko', '화웨이 측, 캐나다 5G 배제 결정에 실망', '화웨이는 캐나다 정부의 5G 장비 배제 결정에 깊은 유감을 표했다.'],
  ['es', 'Madrid: Hikvision contesta el veto del Gobierno a sus cámaras', 'La empresa china asegura que cumple la normativa europea.'],
  ['zh', '大疆質疑美國禁令 稱缺乏證據', '大疆表示，美國商務部的決定沒有任何事實依據。'],
  ['ja', '輸出規制は不当な措置だと考える＝ファーウェイ', '米商務省の規制強化について、同社はコメントを発表した。'],
  ['ko', '화웨이 창업자 런정페이 "美 제재, 우리를 막지 못해"', '미국 정부의 수출 규제 강화에 대해 화웨이 창업자가 입장을 밝혔다.'],
  ['en', 'Xiaomi offers new investment to get smartphone import ban lifted', 'The company hopes to persuade regulators to lift the restriction on its latest phones.'],
  ['id', 'Xiaomi tawarkan investasi demi pencabutan larangan impor ponselnya', 'Xiaomi berupaya membujuk pemerintah agar larangan impor dicabut.'],
  ['ko', '틱톡, 미국 퇴출 시행 유예해 달라 호소', '틱톡은 연방대법원에 금지법 시행을 늦춰달라고 요청했다.'],
  ['ja', 'TikTok、米禁止法の施行延期を要請', '運営会社は連邦最高裁に施行の先送りを求めた。'],
  ['zh', 'TikTok请求法院暂缓执行禁令', 'TikTok向美国最高法院提交紧急申请。'],
  ['en', 'President-elect asks Supreme Court to pause DJI import ban until he takes office', 'His lawyers filed a brief on Friday.'],
  ['en', 'Attorneys general urge Congress: ban DeepSeek on federal devices now', 'A letter signed by 21 state AGs calls for action.'],
  ['en', 'Lawmakers ask Gov. Shapiro to remove TikTok from state phones', 'The letter cites national security concerns.'],
  ['en', "It's high time to ban Kaspersky from federal networks, senators argue", 'The senators cited the company\'s ties to Moscow.'],
  ['ko', '틱톡 금지 움직임 세계 각국으로 확산', '각국 정부가 잇따라 틱톡 사용을 제한하고 있다.'],
  ['en', 'Moves to ban DeepSeek spread across Asia', 'Several governments are reviewing the chatbot.'],
  // the vendor negotiating a lifting; the vendor's reply as a later clause (zh); China quoted at the
  // head of a Korean headline about a measure against a Chinese vendor
  ['en', 'Telegram negotiating with Vietnam over lifting its ban', ''],
  ['en', 'Huawei holds talks with Brussels to get 5G restrictions lifted', 'The company met EU officials on Tuesday.'],
  ['zh', '美商务部将海康威视列入实体清单 海康威视回应:坚决反对', ''],
  ['ko', '중국 “美 틱톡 금지는 강도 논리”', ''],
  // "<China>, <topic>에 \"…\"" and "中 '<term>' … \"…\"": China answering a measure against a Chinese vendor
  ['ko', '중국, 캐나다 위챗 금지에 "정치적 조작"', ''],
  ['ko', "中 '화웨이 배제' 英 결정에 \"대가 치를 것\"", ''],
  // a firm's rule for its own devices
  ['en', 'Bank of America bars staff from WeChat on company phones', ''],
];

// …while the measures next to such words stay measures.
const NEAR_MISS_MEASURES: Array<[string, string, string]> = [
  ['en', 'Indonesia lifts iPhone 16 sales ban after Apple pledges $1 billion investment', 'The industry ministry said the permits would be issued this week.'],
  ['id', 'Pemerintah cabut larangan penjualan iPhone 16 setelah Apple tambah investasi', 'Kementerian Perindustrian resmi mencabut larangan penjualan iPhone 16.'],
  ['ko', '美 대법원, 틱톡 금지법 시행 연기 요청 기각', '연방대법원은 틱톡의 금지법 시행 연기 요청을 기각했다.'],
  ['en', 'Governor bans TikTok on state devices after senators urge action', 'The executive order takes effect immediately.'],
  ['en', 'Sweden bans Huawei from 5G; Huawei says it is disappointed', 'The regulator PTS said operators must remove the gear by 2025.'],
  ['ko', '정부, 딥시크 접속 차단 확산…부처 이어 공공기관도 금지', '행정안전부는 공공기관에 딥시크 사용 금지를 지시했다.'],
  ['en', 'Jordan lifts TikTok ban after talks with the company', ''],
  ['ko', '中 "마이크론 제품 구매 중단하라"', ''],
  ['en', 'European Commission bans staff from using TikTok on corporate devices', ''],
  ['ko', '미국, 화웨이 제재 연장에 "국가안보 위협 여전"', ''],
];

// The measures these non-measures talk about are still measures.
const STILL_RELEVANT: Array<[string, string, string]> = [
  ['en', 'China bans Micron chips from critical infrastructure', 'The cyberspace regulator said the products failed a security review.'],
  ['en', 'Senators introduce bill to ban DJI drones', 'The bill would bar new DJI models from US networks.'],
  ['en', 'US tells Nvidia to stop selling H20 chips to China', 'The Commerce Department said the chips now require an export licence.'],
  ['de', 'Bundesregierung verbietet Huawei-Komponenten im 5G-Kernnetz', 'China kritisierte die Entscheidung.'],
  ['de', 'Niederlande verbieten Tik Tok auf Diensthandys', 'Beamte dürfen die App nicht mehr nutzen.'],
  ['ja', 'アルバニア、TikTokをブロック', '当局はプロバイダーに24時間以内のアクセス停止を命じた。'],
  ['ko', '중국, 공무원에 아이폰 사용 금지령', '중앙정부 기관 공무원은 업무용으로 아이폰을 쓰지 못하게 됐다.'],
  // The acting government's own foreign ministry speaking: a reaction noise only when the targeted
  // vendor comes from that country (here the vendor is American).
  ['zh', '中国网信办要求企业停止采购英伟达芯片 外交部:反对歧视性做法', '国家网信办已指示多家科技企业停止采购英伟达芯片并取消订单。外交部发言人表示,中方反对歧视性做法。'],
  // An exit ordered by a government is the measure, not the vendor's own withdrawal.
  ['ko', '캐나다 정부, 틱톡 현지 법인에 사업 철수 명령', '캐나다 산업부는 국가 안보를 이유로 틱톡의 사업 철수를 명령했다.'],
  // Headline-only Korean: "can no longer download", "has blocked".
  ['ko', '20일부터 미국서 틱톡 다운로드 못한다', ''],
  ['en', 'US to ban TikTok if ByteDance does not divest', 'The law gives the company nine months to sell.'],
  ['ko', '틱톡, 美 앱스토어서 삭제', '미국 정부의 금지 조치에 따라 애플과 구글 앱스토어에서 틱톡이 삭제됐다.'],
  ['ko', '정부, 딥시크 신규 다운로드 막아놨다', ''],
];

describe('classifier', () => {
  describe('classify: non-measures', () => {
    it.each(ORIGIN_REACTIONS)('[%s] rejects the home country\'s reaction "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, countries: [], vendors: [], stage: null });
    });

    it.each(DENIALS)('[%s] rejects the denial "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
    });

    it.each(CALLS_FOR_BAN)('[%s] rejects the call for a ban "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
    });

    it.each(MORE_NON_MEASURES)('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
    });

    it.each(NEAR_MISSES)('[%s] rejects the near-miss "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
    });

    it.each(NEAR_MISS_MEASURES)('[%s] keeps the measure "%s" relevant next to near-miss words', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(true);
    });

    it.each(STILL_RELEVANT)('[%s] keeps the measure "%s" relevant', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(true);
    });

    it('reads a headline that opens with 中 and a quoted term as China acting', () => {
      expect(classify(item('ko', "中 '마이크론 제품 구매 금지'…美 반도체 타격", ''))).toMatchObject({ relevant: true, countries: ['CN'] });
    });

    it('cites the origin-reaction rule when it decides', () => {
      const c = classify(item('en', 'China says Canada made a "wrong decision" with its ban on Huawei', 'The commerce ministry said the move would harm bilateral trade.'));
      expect(c.rules).toContain('noise.origin-reaction');
    });
  });
});

// r21 batch (tr, ru, ar, zh): lawmakers and committee members calling for a ban, a regulator saying it
// got no request to block, the targeted country vowing to answer, a vendor used despite another
// country's warnings, and a vendor's sales plunging after a measure. None is a step of a measure.
const MORE_CALLS_AND_IMPACTS: Array<[string, string, string]> = [
  ['tr', "Muhalefet milletvekilleri Telegram'ın engellenmesini talep etti", "Milletvekilleri, platformun Türkiye'de kapatılması gerektiğini söyledi."],
  ['tr', "İYİ Partili vekil, Temu'nun yasaklanmasını istedi", ''],
  ['ru', 'Сенатор предложил заблокировать Telegram в России', 'Член Совета Федерации призвал Роскомнадзор ограничить мессенджер.'],
  ['ru', 'Член комитета Госдумы попросил запретить TikTok', ''],
  ['ru', 'Минцифры не получало просьб заблокировать Telegram', 'В министерстве сообщили, что не получали обращений с просьбой ограничить мессенджер.'],
  ['ar', 'ردا على العقوبات الأمريكية على هواوي.. بكين تتوعد بالرد', 'قالت وزارة الخارجية الصينية إن بكين ستتخذ إجراءات لحماية شركاتها.'],
  ['ar', 'سلطنة عمان تستخدم معدات هواوي رغم تحذيرات أمريكية', ''],
  ['zh', '美国禁令下 华为海外手机销售额大幅下滑', '华为表示,受美国将其列入实体清单影响,海外手机销售额大幅下滑。'],
  // A supplier stopping its own business with a vendor; an assessment of a measure's impact.
  ['ko', '퀄컴, 화웨이에 칩 공급 중단', '미국 정부의 제재에 따라 퀄컴은 화웨이에 대한 칩 공급을 중단했다.'],
  ['ko', '美 ZTE 제재 강화…국내 부품업계 타격은 제한적', '증권가는 국내 업체들의 피해가 크지 않을 것으로 분석했다.'],
  // Others displeased with a block or calling to reverse it (ru, uk).
  ['ru', 'В Дагестане недовольны решением о блокировке TikTok', ''],
  ['ru', 'Бизнес призвал власти отменить блокировку Telegram', 'Предприниматели попросили пересмотреть решение Роскомнадзора.'],
  ['uk', 'Бізнес закликав владу скасувати блокування Telegram', ''],
];

describe('classifier', () => {
  describe('classify: more calls for a ban, reactions and impacts', () => {
    it.each(MORE_CALLS_AND_IMPACTS)('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
    });

    it.each([
      ['ko', '美, 삼성에 화웨이 반도체 공급 중단 명령', ''],
      ['ko', '美 상무부, 화웨이 제재 강화…업계 타격 우려', ''],
    ])('[%s] keeps the state\'s order or measure "%s" relevant', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(true);
    });
  });
});

// A store that carries out a state's removal order against another (unlisted) app is not the target:
// "Apple pulls X from its App Store on a government's order" is no market ban of Apple. A listed app
// the store is told to remove stays the target.
const STORE_EXECUTES: Array<[string, string, string]> = [
  ['en', 'Apple has to take Signal off its Iranian App Store', 'The Iranian government has ordered Apple to remove the messenger Signal from the App Store in Iran. Apple stressed on Monday that it must obey local laws.'],
  ['fr', 'Apple doit retirer WhatsApp et Threads de l’App Store chinois', 'Le gouvernement chinois a ordonné à Apple de supprimer les applications de sa boutique en Chine. Apple affirme devoir respecter les lois des pays où il opère.'],
  ['es', 'Apple elimina aplicaciones VPN de la App Store en Rusia por orden del Gobierno', ''],
  ['ru', 'Власти Китая обязали Apple удалить WhatsApp из китайского App Store', ''],
  ['zh', '苹果公司应中国政府要求下架WhatsApp', ''],
  ['ja', 'アップル、中国のApp StoreからWhatsAppを削除　政府の命令で', ''],
  ['ko', '애플, 중국 앱스토어에서 왓츠앱 삭제…정부 명령', ''],
  ['de', 'Apple muss Signal aus dem iranischen App Store nehmen', 'Auf Anordnung der iranischen Regierung muss Apple den Messenger Signal aus dem App Store entfernen. Apple betonte, man müsse die Gesetze befolgen.'],
];
const STORE_TOLD_LISTED: Array<[string, string, string, string]> = [
  ['en', 'Russia orders Apple to remove Telegram from App Store', '', 'Telegram'],
  ['de', 'Russland: Apple soll Telegram aus dem App Store entfernen', '', 'Telegram'],
];
// A law's quoted nickname ("Lex Huawei") is no measure against the vendor by itself; the text must say
// the law excludes or targets it.
// A leader's remark that the country will use a vendor "as much as possible", with no ban under
// discussion, is no decision (a rejection needs a ban that is turned down: "will not ban Huawei").
const USE_REMARKS: Array<[string, string, string]> = [
  ['en', 'Thailand to use ZTE equipment as much as possible, says premier', 'The prime minister told a business forum in Tokyo that Thailand would make use of ZTE technology as much as possible amid the US-China trade war.'],
  ['en', 'Philippines will use Huawei technology as much as possible, minister says', ''],
];
const LAW_NICKNAMES: Array<[string, string, string]> = [
  ['pl', 'Posłowie spierają się o "Lex Huawei"', 'Projekt ustawy, nazywany w mediach "Lex Huawei", trafił do Sejmu.'],
];

describe('classifier: stores and nicknames', () => {
  it.each(STORE_EXECUTES)('[%s] the store carrying out a removal is no target: "%s"', (language, title, summary) => {
    expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
  });
  it.each(STORE_TOLD_LISTED)('[%s] the listed app the store must remove is the target: "%s"', (language, title, summary, vendor) => {
    const r = classify(item(language, title, summary));
    expect(r.relevant).toBe(true);
    expect(r.vendors).toEqual([vendor]);
  });
  it.each(LAW_NICKNAMES)('[%s] a quoted law nickname is no measure by itself: "%s"', (language, title, summary) => {
    expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
  });
  it.each(USE_REMARKS)('[%s] a remark about using a vendor is no measure: "%s"', (language, title, summary) => {
    expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
  });
  it('keeps a ban turned down as rejected', () => {
    const r = classify(item('en', 'Germany will not ban Huawei and will continue to use its gear, minister says', ''));
    expect(r).toMatchObject({ relevant: true, stage: 'rejected' });
  });
  it('keeps a law that the text says excludes the vendor', () => {
    const r = classify(item('pl', 'Sejm uchwalił ustawę, która pozwoli wykluczyć Huawei z sieci 5G', 'Nowelizacja, nazywana „Lex Huawei”, daje rządowi prawo wykluczenia dostawców wysokiego ryzyka.'));
    expect(r).toMatchObject({ relevant: true, vendors: ['Huawei'], measure: 'network_exclusion' });
  });
});

// fp3: the vendor's or a third party's reaction to a measure ("X regrets / bedauert / lamenta … ban",
// "<official> praises <country> for its decision to …", the targeted country's envoy accusing the
// decider), the vendor's executive as the headline's subject, a party's call for a ban; "5G-Ausbau"
// (the 5G rollout) is no removal. Welcoming a court's suspension or a lifting stays the lifting's news.
const REACTIONS_AND_CALLS: Array<[string, string, string]> = [
  ['en', 'Hikvision regrets Dutch ban on its cameras in ministries', ''],
  ['de', 'Huawei bedauert Ausschluss aus dem schwedischen 5G-Netz', ''],
  ['fr', "TikTok regrette l'interdiction sur les téléphones des fonctionnaires", ''],
  ['es', 'Huawei lamenta el veto de Suecia a su tecnología 5G', ''],
  ['ko', '화웨이, 스웨덴 5G 배제 결정에 대한 성명 발표', ''],
  ['fr', "PDG de Huawei après l'exclusion suédoise : nous contesterons", ''],
  ['en', 'US secretary praises Sweden for its decision to exclude Huawei from 5G', ''],
  ['es', 'Vox aplaude la decisión del Gobierno de vetar a Huawei', ''],
  ['en', 'Chinese ambassador accuses Britain of bowing to US pressure on Huawei ban', ''],
  ['de', 'Beim 5G-Ausbau: Abgeordnete wollen Huawei-Verbot erzwingen', 'Kritikern reichen die Auflagen der Bundesregierung nicht aus.'],
];
const REACTIONS_KEEP: Array<[string, string, string]> = [
  ['zh', 'TikTok欢迎法院暂停禁令', ''],
  ['en', 'TikTok welcomes court ruling blocking Montana ban', ''],
  ['en', 'Huawei welcomes decision to lift ban in Mexico', ''],
  ['de', 'Regierung legt kein Veto gegen ZTE ein', 'Die Bundesregierung überlässt den Netzbetreibern die Wahl der Ausrüster.'],
];

describe('classifier: reactions, executives and parties (fp3)', () => {
  it.each(REACTIONS_AND_CALLS)('[%s] rejects "%s"', (language, title, summary) => {
    expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
  });
  it.each(REACTIONS_KEEP)('[%s] keeps "%s" relevant', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(true);
  });
});

// fp3: a text that says something happens despite a ban or sanctions (the measure is background:
// officials still using an app, an agency installing the cameras) — unless a government declines to
// act despite them, which is a rejection.
const DESPITE_BAN: Array<[string, string, string]> = [
  ['de', 'Bundesbehörden nutzen DJI-Drohnen trotz Verbot in den USA', ''],
  ['fr', "Des mairies installent des caméras Hikvision malgré l'interdiction américaine", ''],
  ['es', 'Los ministerios siguen usando TikTok pese a la prohibición en los móviles oficiales', ''],
  ['it', 'I dipendenti pubblici usano ancora TikTok nonostante il divieto sui telefoni di servizio', ''],
  ['pt', 'Servidores usam DeepSeek mesmo com a proibição em computadores do governo', ''],
  ['ru', 'Чиновники пользуются TikTok несмотря на запрет на служебных телефонах', ''],
  ['zh', '尽管有禁令 部分公务员仍在使用TikTok', ''],
];

describe('classifier: despite a ban (fp3)', () => {
  it.each(DESPITE_BAN)('[%s] rejects "%s"', (language, title, summary) => {
    expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
  });
  it('keeps a government declining to act despite sanctions as a rejection', () => {
    const c = classify(item('en', 'Germany will not ban Huawei despite US sanctions', 'The government said operators can keep using the gear.'));
    expect(c).toMatchObject({ relevant: true, stage: 'rejected' });
  });
});

// fp3: proposals by no deciding body (ru, uk): an impersonal "В <place> предложили запретить…", a party,
// an MP explaining, a petition — calls for a ban. A ministry's proposal stays a proposal.
const NON_DECIDER_PROPOSALS: Array<[string, string, string]> = [
  ['ru', 'В Киргизии предложили заблокировать Telegram', 'Партия «Ата-Журт» предложила ограничить мессенджер.'],
  ['ru', 'Во Франции предложили запретить TikTok для подростков', ''],
  ['ru', 'Партия «Новые люди» предлагает заблокировать TikTok', ''],
  ['uk', 'Нардеп заявив, що TikTok можуть заблокувати в Україні', ''],
  ['uk', 'Українці створили петицію про заборону TikTok', ''],
  // a measure's impact on a deal: analysis, not a step
  ['en', 'New Chinese export restrictions pose fresh hurdle for TikTok sale to Oracle', ''],
];

describe('classifier: proposals by non-deciders (fp3)', () => {
  it.each(NON_DECIDER_PROPOSALS)('[%s] rejects "%s"', (language, title, summary) => {
    expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
  });
  it('keeps a measure citing a threat to security relevant', () => {
    expect(classify(item('en', 'India to ban 54 more Chinese apps that pose a threat to security', 'The order covers apps linked to Tencent and Alibaba including WeChat.')).relevant).toBe(true);
  });
  it('keeps a ministry\'s proposal as proposed', () => {
    const c = classify(item('ru', 'В Минцифры предложили заблокировать Telegram', 'Министерство направило предложение в правительство.'));
    expect(c).toMatchObject({ relevant: true, stage: 'proposed' });
  });
});

// fp4: a headline about something else (a test, a purchase) over a lead whose only restriction is
// another state's: the measure is background. The headline names no restriction and a state; every
// restriction clause of the lead is decided by a state the headline does not name.
const LEAD_MEASURE_ELSEWHERE: Array<[string, string, string]> = [
  ['en', 'Dutch police start testing drones made in China', 'The Dutch police have begun trials with DJI quadcopters. The United States banned DJI drones from federal agencies in 2020.'],
  ['de', 'Österreichs Bundesheer setzt auf Kameras von Hikvision', 'Das österreichische Bundesheer hat neue Überwachungskameras von Hikvision angeschafft. Großbritannien hat die Geräte aus Regierungsgebäuden verbannt.'],
  ['fr', "L'armée belge teste des drones DJI", "L'armée belge a commencé des essais avec des drones DJI. Les États-Unis ont interdit ces appareils dans leurs agences fédérales."],
  ['ja', '韓国軍、DJI製ドローンを試験導入', '韓国軍はDJIのドローンを試験的に導入した。米国は連邦機関でのDJI製品の使用を禁止している。'],
  ['zh', '泰国警方采购大疆无人机', '泰国警方近日采购了一批大疆无人机。美国已禁止联邦机构使用大疆产品。'],
  ['ko', '일본 경찰, DJI 드론 시범 도입', '일본 경찰이 DJI 드론을 시범 도입했다. 미국은 연방기관의 DJI 제품 사용을 금지했다.'],
  ['ru', 'Казахстанская полиция закупила дроны DJI', 'Полиция Казахстана получила новые дроны DJI. США запретили использование этих устройств в федеральных ведомствах.'],
];

// …while the headline state's own measure, reported in the lead beside another state's, stays relevant.
const LEAD_MEASURE_OWN: Array<[string, string, string, string]> = [
  ['de', 'Österreichs Bundesheer und Hikvision', 'Das Verteidigungsministerium hat Kameras von Hikvision aus allen Kasernen verbannt. Die USA hatten die Geräte schon 2019 verboten.', 'AT'],
  ['en', "Spain's police and Huawei gear", 'Spanish police units were told to stop using Huawei phones. The United States banned Huawei in 2019.', 'ES'],
  ['fr', "L'armée belge et les drones DJI", "L'armée belge a interdit les drones DJI dans toutes ses unités, comme les États-Unis avant elle.", 'BE'],
  ['ja', '韓国軍とDJIドローン', '韓国軍はDJI製ドローンの使用を禁止した。米国も連邦機関での使用を禁止している。', 'KR'],
];

describe('classifier: a lead measure of another state than the headline\'s (fp4)', () => {
  it.each(LEAD_MEASURE_ELSEWHERE)('[%s] rejects "%s"', (language, title, summary) => {
    expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
  });
  it.each(LEAD_MEASURE_OWN)('[%s] keeps "%s"', (language, title, summary, country) => {
    expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, countries: [country] });
  });
});

// fp4: the vendor suspending its own programme or feature, of its own accord or as its own subject
// ("… décide de suspendre son programme", 自主的に停止, 자발적으로 중단, "suspende su programa",
// "добровольно приостановил"), is its business decision — while a state ordering the suspension stays a measure.
const VENDOR_OWN_SUSPENSION: Array<[string, string, string]> = [
  ['fr', "Temu : la plateforme décide de suspendre son programme de parrainage dans l'UE", 'La Commission européenne avait ouvert une enquête.'],
  ['ja', 'Temu、EUで報酬プログラムを自主的に停止', '欧州委員会が調査を進めていた。'],
  ['ko', '틱톡, EU 조사에 보상 프로그램 자발적으로 중단', '유럽연합 집행위원회가 조사를 벌여왔다.'],
  ['es', 'TikTok suspende su programa de recompensas investigado en la UE', 'La Comisión Europea había amenazado con suspenderlo.'],
  ['ru', 'TikTok добровольно приостановил бонусную программу в ЕС', 'Еврокомиссия грозила заблокировать функцию.'],
];

describe('classifier: a vendor suspending its own programme (fp4)', () => {
  it.each(VENDOR_OWN_SUSPENSION)('[%s] rejects "%s"', (language, title, summary) => {
    expect(classify(item(language, title, summary))).toMatchObject({ relevant: false, stage: null });
  });
  it.each([
    ['en', 'EU orders TikTok to suspend its Lite rewards programme', 'The European Commission ordered the suspension under the Digital Services Act.'],
    ['it', "L'Ue sospende TikTok Lite", 'La Commissione europea ha ordinato la sospensione del programma.'],
  ])('[%s] keeps the state\'s order "%s"', (language, title, summary) => {
    expect(classify(item(language, title, summary))).toMatchObject({ relevant: true, countries: ['EU'] });
  });
});
