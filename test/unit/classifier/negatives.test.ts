import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { item } from './helpers.js';

// [language, why it is not relevant, title, summary]
const NEGATIVES: Array<[string, string, string, string]> = [
  ['en', 'a carrier\'s own commercial choice', 'Vodafone pauses use of Huawei gear in its core networks', 'Vodafone said it was pausing deployment of Huawei equipment in its core networks in Europe.'],
  ['en', 'a vendor suing', 'Huawei sues US government over defence law', 'Huawei filed a lawsuit challenging the law that bars agencies from buying its equipment.'],
  ['en', 'criticism by the targeted country', 'China \'strongly concerned\' by India\'s app restrictions', 'The foreign ministry spokesman said Beijing was strongly concerned about India\'s decision to block TikTok.'],
  ['en', 'an opinion survey', 'Half of Americans support a government ban on TikTok, survey finds', 'Fifty percent of US adults would support a ban, according to a Pew survey.'],
  ['en', 'a platform\'s own policy', 'TikTok bans deepfakes ahead of election', 'TikTok said it was updating its policies to ban manipulated content.'],
  ['en', 'a store\'s own decision', 'Apple removes WeChat from its store after user complaints', 'The company said the app broke its review guidelines.'],
  ['en', 'earnings with a past measure as background', 'ZTE swings to loss after US export ban', 'ZTE reported a net loss after a US ban on buying American components halted operations.'],
  ['en', 'pressure on allies, not a measure', 'Washington urges allies to drop Huawei from 5G', 'US officials pressed allied governments to avoid Huawei equipment.'],
  ['en', 'antitrust', 'China fines Alibaba $2.8 billion in antitrust probe', 'The regulator found Alibaba abused its dominant position.'],
  ['en', 'a company\'s own device policy', 'Meta bans TikTok on employees\' work phones', 'Meta told staff to delete TikTok from corporate devices.'],
  ['en', 'a ban on something else', 'Wimbledon bans Russian players', 'The All England Club said Russian players will not compete.'],
  ['fr', 'a product launch', 'Huawei dévoile un nouveau smartphone à Paris', 'Le groupe a présenté son nouveau modèle, malgré la pression américaine pour l\'écarter de la 5G.'],
  ['fr', 'a carrier\'s choice', 'Orange choisit Ericsson et Nokia pour son réseau 5G', 'L\'opérateur écarte Huawei pour des raisons commerciales.'],
  ['de', 'a patent ruling', 'Landgericht München verbietet Verkauf älterer iPhone-Modelle', 'Im Patentstreit mit Qualcomm hat das Gericht Apple den Verkauf untersagt.'],
  ['de', 'earnings', 'Huawei steigert Umsatz um 22 Prozent', 'Der Konzern erzielte einen Umsatz von 862 Milliarden Yuan.'],
  ['es', 'a sports suspension', 'La FIFA suspende a Rusia de todas sus competiciones', 'La decisión deja a Rusia fuera del Mundial.'],
  ['es', 'a company cutting ties', 'Google corta relaciones con Huawei tras la orden de Trump', 'Google suspendió sus negocios con Huawei.'],
  ['it', 'antitrust fine', 'Antitrust, multa ad Apple per gli iPhone', 'L\'Autorità garante della concorrenza ha inflitto una multa per pratiche scorrette.'],
  ['it', 'criticism by the targeted country', 'Pechino condanna lo stop italiano a DeepSeek', 'Il portavoce cinese ha criticato la decisione del Garante.'],
  ['pt', 'a vendor exiting after a ban', 'Kaspersky encerra atividades nos EUA após proibição', 'A empresa vai despedir funcionários.'],
  ['pt', 'a carrier\'s choice', 'Vivo escolhe Ericsson para sua rede 5G', 'A operadora reduziu a participação da Huawei.'],
  ['ja', 'a product launch', 'DJI、小型ドローン「Mini 4 Pro」を発表', '全方向の障害物検知機能を新たに搭載した。'],
  ['ja', 'criticism by the targeted country', '中国外務省、米国のTikTok禁止を批判', '報道官は強く反発した。'],
  ['zh', 'a vendor suing', '华为起诉美国政府', '华为认为限制政府机构采购华为产品的条款违宪。'],
  ['zh', 'criticism by the targeted country', '外交部发言人：坚决反对美方打压华为', '中方将采取必要措施。'],
  ['ko', 'a product launch', '화웨이, 새 폴더블폰 공개', '자체 개발한 칩을 탑재했다.'],
  ['ko', 'a vendor suing', '화웨이, 미국 정부 상대로 소송', '국방수권법 조항이 위헌이라며 소송을 제기했다.'],
];

describe('classifier', () => {
  describe('classify: hard negatives', () => {
    it.each(NEGATIVES)('[%s] rejects %s: "%s"', (language, _why, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c).toMatchObject({ relevant: false, countries: [], vendors: [], measure: null, stage: null });
    });

    it('says why an item that names a vendor is not relevant', () => {
      const c = classify(item('en', 'Huawei sues US government over defence law', 'Huawei filed a lawsuit in a federal court.'));
      expect(c.evidence.length).toBeGreaterThan(0);
      expect(c.evidence.join(' ')).toMatch(/sues|lawsuit/);
      expect(c.rules).toEqual(expect.arrayContaining(['not-relevant', 'vp.vendor-sues']));
    });

    it('is confident and silent when no listed vendor is named', () => {
      const c = classify(item('en', 'Single-use vapes banned from today', 'The sale of single-use vapes is now illegal.'));
      expect(c).toMatchObject({ relevant: false, evidence: [], rules: ['no-vendor'] });
      expect(c.confidence).toBeGreaterThan(0.9);
    });

    it('reads HTML summaries as text and never matches a cue across headline and summary', () => {
      const c = classify(item('en', 'Huawei ban lifted by court',
        '<a href="https://news.example/x">Huawei ban lifted by court</a>&nbsp;&nbsp;<font color="#6f6f6f">Example News</font>'));
      expect(c.stage).toBe('lifted');
      for (const e of c.evidence) expect(e).not.toMatch(/\n|<|&nbsp;/);
    });

    it('copes with an empty title and HTML-only summary', () => {
      const c = classify({ title: '', summary: '<p><img src="x.png"></p>' });
      expect(c.relevant).toBe(false);
    });
  });
});

// A headline that opens with the vendor reacting ("Huawei responds…", "华为回应…") reports a
// reaction, even when it names the measure the vendor reacts to.
const VENDOR_REACTIONS: Array<[string, string, string]> = [
  ['zh', '华为回应美国出口禁令：业务运营不受影响', '公司表示将继续为客户提供服务。'],
  ['en', 'Hikvision responds to FCC equipment ban', 'The company said its products pose no security threat.'],
  ['fr', 'ZTE réagit à son exclusion du marché suédois', 'L\'équipementier se dit déçu.'],
  // The vendor judging a ban, or denying that one exists.
  ['en', 'ZTE says Swedish exclusion is a political decision', 'The company said it would keep serving its customers in the Nordics.'],
  ['en', 'Hikvision, Dahua deny UK banned their cameras', 'Both companies said reports of a ban were inaccurate.'],
  // A measure as the vendor's epithet is the background of company news.
  ['en', 'US-sanctioned Huawei vows to keep investing in Europe', 'The company said it would open two research centres this year.'],
  ['ja', '中国商務省、米国のZTE規制に強く反対', '報道官は対抗措置を示唆した。'],
];

describe('classifier', () => {
  describe('classify: vendor and target-country reactions', () => {
    it.each(VENDOR_REACTIONS)('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});

// Experts, analysts, industry bodies and surveys comment on measures; they do not take them.
const COMMENTARY: Array<[string, string, string]> = [
  ['de', 'Experten: TikTok-Verbot würde kleine Händler treffen', 'Eine Studie warnt vor Umsatzeinbußen.'],
  ['fr', 'Selon des experts, exclure Huawei coûterait cher aux opérateurs', 'Les analystes chiffrent le surcoût à plusieurs milliards.'],
  ['es', 'Expertos advierten que prohibir TikTok sería difícil de aplicar', 'Los analistas dudan de la eficacia de un veto.'],
  ['zh', '专家：禁止TikTok难以落地', '多位分析人士认为禁令面临法律障碍。'],
  ['ja', '専門家「ファーウェイ排除で通信網の更新が遅れる」', '業界団体も懸念を示した。'],
  ['ko', '전문가 "화웨이 배제하면 통신비 오른다"', '업계에선 비용 부담을 우려한다.'],
];

describe('classifier', () => {
  describe('classify: commentary', () => {
    it.each(COMMENTARY)('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});

// Civil-society statements, interviews and a single legislator's opinion are not state measures.
const OPINIONS: Array<[string, string, string]> = [
  ['en', 'Rights groups say a TikTok ban would violate free speech', 'The ACLU urged lawmakers to reject the bill.'],
  ['ja', 'DeepSeek禁止なら「表現の自由侵害」　市民団体が声明', '団体は政府に慎重な対応を求めた。'],
  ['pt', 'Senador defende proibição do Temu em entrevista', 'Ainda não há projeto de lei sobre o tema.'],
  ['es', 'Diputada pide prohibir TikTok en una entrevista radial', 'La legisladora no ha presentado ningún proyecto.'],
  ['ko', '중국 외교부 "미국의 틱톡 금지는 패권주의"', '대변인은 정례 브리핑에서 미국을 비판했다.'],
];

describe('classifier', () => {
  describe('classify: opinions and statements', () => {
    it.each(OPINIONS)('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});

// Pressure on another government and a platform removing apps at a regulator's request are not
// measures against the named vendor.
const PRESSURE: Array<[string, string, string]> = [
  ['pt', 'EUA pressionam Portugal a excluir a Huawei do 5G', 'O embaixador americano pediu que o país vete a empresa.'],
  ['es', 'Washington presiona a Colombia para vetar a Huawei', 'El enviado estadounidense pidió excluir a la empresa china.'],
  ['de', 'USA setzen Berlin wegen Huawei unter Druck', 'Washington drängt zum Ausschluss des Konzerns.'],
  ['zh', '美国向德国施压 要求排除华为', '美方官员敦促德方禁用华为设备。'],
  ['fr', 'Apple supprime des applications VPN de son App Store en Russie', 'Le groupe a retiré plusieurs services à la demande du régulateur.'],
];

describe('classifier', () => {
  describe('classify: pressure and intermediaries', () => {
    it.each(PRESSURE)('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});

// Enforcement against counterfeit or uncertified goods and fears of a possible ban are not measures
// against the vendor.
const NOT_AGAINST_VENDOR: Array<[string, string, string]> = [
  ['pt', 'Anatel apreende carregadores Xiaomi falsificados', 'Os produtos piratas eram vendidos sem homologação.'],
  ['es', 'Aduanas bloquea la venta de móviles Xiaomi sin homologar', 'Los equipos falsificados procedían del mercado gris.'],
  ['en', 'TikTok ban fears push creators to other platforms', 'Influencers are building audiences elsewhere ahead of a possible shutdown.'],
  ['ja', 'TikTok禁止の恐れ、国内クリエーターに動揺', '禁止されれば収入が途絶えるとの声が上がる。'],
  ['ko', '틱톡 금지 우려에 이용자들 대체 앱으로', '금지될 경우를 대비한 움직임이다.'],
];

describe('classifier', () => {
  describe('classify: counterfeits and fears', () => {
    it.each(NOT_AGAINST_VENDOR)('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});

describe('classifier', () => {
  describe('classify: layoffs', () => {
    it.each([
      ['es', 'Kaspersky despide a sus empleados en Estados Unidos', 'La empresa confirmó el cierre de su oficina.'],
      ['en', 'Kaspersky lays off US staff', 'The company is closing its Massachusetts office.'],
      ['de', 'Kaspersky entlässt Mitarbeiter in den USA', 'Das Büro in Boston wird geschlossen.'],
    ])('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});

// Speculation about what a ban might do and sales comparisons are not measures.
const SPECULATION: Array<[string, string, string]> = [
  ['ja', 'TikTok禁止の行方に関心　米大統領選', '結果次第で扱いが変わる可能性がある。'],
  ['ko', '위챗 금지 가능성에 업계 긴장', '금지될 수 있다는 전망에 기업들이 대비하고 있다.'],
  ['es', 'Xiaomi vende más móviles que Apple en Europa pese a las sanciones a China', 'La marca gana cuota de mercado.'],
  ['fr', 'Huawei double ses ventes de smartphones malgré les sanctions', 'Le groupe gagne des parts de marché.'],
];

describe('classifier', () => {
  describe('classify: speculation and sales', () => {
    it.each(SPECULATION)('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});

// Age limits for social media apply to a whole sector, not to the vendor named.
const AGE_LIMITS: Array<[string, string, string]> = [
  ['en', 'Denmark to ban social media for under-15s, including TikTok', 'Platforms must introduce age verification.'],
  ['de', 'Frankreich verbietet soziale Medien für unter 15-Jährige – auch TikTok', 'Die Plattformen müssen eine Altersverifikation einführen.'],
  ['es', 'España prohíbe las redes sociales a menores de 16 años, TikTok incluida', 'Las plataformas deberán aplicar la verificación de edad.'],
  ['it', 'La Francia vieta i social ai minori di 15 anni: anche TikTok', 'Le piattaforme dovranno introdurre la verifica dell\'età.'],
  ['ja', '仏、15歳未満のSNS利用を禁止　TikTokも対象', '事業者に年齢確認を義務付ける。'],
];

describe('classifier', () => {
  describe('classify: sector-wide age limits', () => {
    it.each(AGE_LIMITS)('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});

// Consumer product safety and platform regulation are not security measures against a vendor.
const PRODUCT_SAFETY: Array<[string, string, string]> = [
  ['es', 'La UE obliga a Shein a retirar productos peligrosos', 'Bruselas exige más controles sobre la seguridad de los productos.'],
  ['en', 'EU orders Temu to remove unsafe products under the Digital Services Act', 'The Commission found toys that breach safety rules.'],
  ['de', 'EU verlangt von AliExpress Rückruf gefährlicher Produkte', 'Die Kommission verweist auf Verstöße gegen die Produktsicherheit.'],
  ['zh', '欧盟要求Temu下架危险产品', '欧盟委员会依据数字服务法要求平台召回相关商品。'],
];

describe('classifier', () => {
  describe('classify: product safety', () => {
    it.each(PRODUCT_SAFETY)('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});

// A question headline speculates or explains.
const QUESTIONS: Array<[string, string, string]> = [
  ['it', 'TikTok sarà vietato in Italia?', 'Cosa prevede la legge.'],
  ['en', 'Is Germany about to ban Huawei?', 'Ministers are divided.'],
  ['es', '¿Vetará México a Huawei en el 5G?', 'El Gobierno no ha decidido.'],
  ['ja', 'TikTokは日本でも禁止されるのか？', '政府の対応を解説する。'],
  // Korean asks with the ending -ㄹ까 and often no mark: "will the US lift its DeepSeek block?"
  ['ko', '美, 딥시크 사용차단 풀까', '트럼프 대통령은 딥시크가 안보 위협이 아니라고 말했다.'],
  ['ko', '영국도 틱톡 금지할까…', '영국 정부는 아직 결정하지 않았다.'],
  ['de', 'Chinas Botschafter warnt Berlin vor Huawei-Ausschluss', 'Ein Ausschluss hätte Folgen für deutsche Firmen.'],
];

describe('classifier', () => {
  describe('classify: questions and ambassadors', () => {
    it.each(QUESTIONS)('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});

describe('classifier', () => {
  describe('classify: vendors going to court', () => {
    it.each([
      ['de', 'ZTE zieht gegen dänisches 5G-Verbot vor Gericht', 'Der Konzern beruft sich auf EU-Recht.'],
      ['zh', '中兴就丹麦5G禁令提起诉讼', '中兴认为该决定违反欧盟法律。'],
      ['es', 'Huawei recurre ante la justicia el veto danés', 'La empresa alega discriminación.'],
    ])('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});

// A headline that opens with the vendor and a quote or a verb of judgement is the vendor's reaction;
// "Nvidia says US restricts…" (a vendor reporting a measure) stays relevant.
const QUOTED_REACTIONS: Array<[string, string, string]> = [
  ['de', 'ZTE: „Wir werden uns gegen das Verbot wehren“', 'Der Konzern prüft rechtliche Schritte.'],
  ['es', 'Hikvision califica de \'injusto\' el veto británico', 'La empresa asegura que la decisión es política.'],
  ['ko', '화웨이 "美 제재 부당…법적 대응 검토"', '화웨이는 법적 대응을 검토하겠다고 밝혔다.'],
];

describe('classifier', () => {
  describe('classify: quoted vendor reactions', () => {
    it.each(QUOTED_REACTIONS)('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });

    it('keeps a vendor reporting a measure relevant', () => {
      const c = classify(item('en', 'Nvidia says US restricts sales of AI chips to China', 'US officials told the company it needs a licence, effective immediately.'));
      expect(c.relevant).toBe(true);
    });
  });
});

describe('classifier', () => {
  describe('classify: a vendor\'s own features and partnerships (CJK)', () => {
    it.each([
      ['ko', '틱톡, 한국 청소년 보호 기능 강화', '틱톡은 청소년 계정의 사용 시간 제한 기능을 도입했다.'],
      ['ja', 'TikTok、未成年保護の機能を強化', '利用時間の制限機能を導入した。'],
      ['zh', 'TikTok加强青少年保护功能', '新增使用时间限制功能。'],
    ])('[%s] rejects "%s"', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });
});
