import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { item } from './helpers.js';

// [language, title, summary, expected acting countries]
const ACTORS: Array<[string, string, string, string[]]> = [
  ['en', 'FCC designates Huawei and ZTE as national security threats', 'The Commission issued final orders, effective immediately.', ['US']],
  ['en', 'Following Australia\'s lead, New Zealand blocks Huawei from 5G', 'The GCSB told Spark it cannot use Huawei equipment in its 5G network.', ['NZ']],
  ['en', 'Whitehall orders removal of Huawei kit from 5G networks by 2027', 'Operators must strip the equipment out of their networks.', ['GB']],
  ['en', 'Texas bans DeepSeek on state government devices', 'Governor Greg Abbott ordered state agencies to ban the app, effective immediately.', ['US']],
  ['en', 'US and Canada order TikTok removed from government phones', 'Both governments gave agencies days to delete the app.', ['CA', 'US']],
  ['en', 'Commission suspends TikTok on corporate devices', 'The European Commission decided staff must uninstall the app by 15 March.', ['EU']],
  ['en', 'Nvidia says US restricts sales of top AI chips to China', 'US officials told Nvidia to stop exporting its chips to China without a licence, effective immediately.', ['US']],
  ['fr', 'Le régulateur suédois exclut Huawei des enchères 5G', 'Le PTS a décidé que les opérateurs ne pourront pas utiliser d\'équipements Huawei.', ['SE']],
  ['de', 'BSI warnt vor Kaspersky-Virenschutz', 'Das Bundesamt für Sicherheit in der Informationstechnik empfiehlt, Kaspersky zu ersetzen.', ['DE']],
  ['es', 'El Gobierno indio prohíbe TikTok', 'La prohibición es efectiva de inmediato, anunció el Ejecutivo indio.', ['IN']],
  ['it', 'Il Garante privacy blocca DeepSeek in Italia', 'Il provvedimento ha effetto immediato.', ['IT']],
  ['pt', 'Anatel proíbe homologação de equipamentos da Huawei', 'A agência decidiu que a medida entra em vigor imediatamente.', ['BR']],
  ['ja', '総務省、ファーウェイ製品の調達を禁止', '総務省は各府省庁に対し、ファーウェイ製品の調達を即日禁止した。', ['JP']],
  ['zh', '网信办：关键信息基础设施运营者应停止采购美光产品', '国家互联网信息办公室宣布美光产品未通过网络安全审查。', ['CN']],
  ['ko', '개인정보위, 딥시크 신규 다운로드 잠정 중단', '개인정보보호위원회는 딥시크의 신규 다운로드를 중단했다.', ['KR']],
  // An order to the carriers is the government's measure, not a carrier's own choice.
  ['ko', '영국 정부, 통신사들에 화웨이 5G 장비 배제 명령', '영국 정부는 이동통신사들이 5G 망 구축 사업에서 화웨이 장비를 쓰지 못하도록 명령했다.', ['GB']],
  // A Korean ministry acts; the vendor's home country glued to its quoted name is its origin.
  ['ko', '외교부 "중국 \'딥시크\' 접속 차단"', '외교부는 업무용 PC에서 딥시크 접속을 차단했다고 밝혔다.', ['KR']],
  ['ja', '中国「ディープシーク」、イタリア当局が利用制限を命令', 'イタリアのデータ保護当局は同社にデータ処理の即時制限を命じた。', ['IT']],
  ['ja', '高雄市、中国製ドローンを撤去へ', '市は大疆(DJI)製のドローンを今月中に撤去する。', ['TW']],
  // Niger with its article (the bare name counts only opening a headline: it also opens 'Nigeria'), and the demonyms of
  // francophone Africa after a government word.
  ['fr', 'Les autorités du Niger bloquent Facebook et TikTok', 'Le blocage est effectif depuis mardi sur tout le territoire.', ['NE']],
  ['fr', 'Le gouvernement tchadien coupe l’accès à TikTok', 'Les opérateurs ont reçu l’ordre de bloquer l’application.', ['TD']],
  ['fr', 'Le régulateur malien suspend Telegram', 'La messagerie est suspendue jusqu’à nouvel ordre.', ['ML']],
  // A demonym right after a product or company noun names the vendor's origin, not the actor: a government word
  // up to three words before it ('il governo … l'antivirus russo') had made the vendor's home country act.
  ['fr', 'Le gouvernement interdit l\u2019antivirus russe Kaspersky dans les ministères', 'Les administrations devront le désinstaller d\u2019ici un mois.', ['FR']],
  ['it', 'Dal governo stop al software russo Kaspersky negli uffici pubblici', 'Il divieto è entrato in vigore oggi.', ['IT']],
  ['es', 'El Gobierno veta las cámaras chinas de Hikvision en los edificios públicos', 'La prohibición entra en vigor de inmediato.', ['ES']],
  ['pt', 'Governo proíbe o antivírus russo Kaspersky em órgãos públicos', 'A medida entra em vigor imediatamente.', ['BR']],
  // Italian demonyms after a government word beyond the first 27 ('il governo albanese' had read as Italy).
  ['it', 'Il governo albanese sospende TikTok per un anno', 'La piattaforma sarà bloccata su tutto il territorio.', ['AL']],
  ['it', 'Il ministero serbo vieta Kaspersky negli uffici pubblici', 'Il divieto è entrato in vigore oggi.', ['RS']],
  // Russian country names in their cases (locative, genitive): Central Asia, the Caucasus, Latin America, Africa.
  ['ru', 'В Туркменистане ограничили доступ к Telegram', 'Власти страны заблокировали мессенджер по всей стране.', ['TM']],
  ['ru', 'Правительство Таджикистана запретило TikTok', 'Запрет вступил в силу немедленно.', ['TJ']],
  ['ru', 'Власти Венесуэлы заблокировали TikTok', 'Регулятор обязал операторов закрыть доступ к приложению.', ['VE']],
  ['ru', 'На Кубе заблокировали Telegram', 'Государственный оператор закрыл доступ к мессенджеру.', ['CU']],
  ['ar', 'بغداد تحجب تطبيق تيليغرام', 'أعلنت وزارة الاتصالات العراقية حجب التطبيق لأسباب تتعلق بالأمن الوطني.', ['IQ']],
  // The vendor's home country before a company or product noun in apposition names its origin.
  ['ja', 'ロシアのウイルス対策ソフト・カスペルスキーを使わないよう、ドイツ当局が警告', 'ドイツの連邦情報セキュリティ庁(BSI)は同社製品を別の製品に置き換えるよう勧告した。', ['DE']],
  ['zh', '美国禁止投资中国军工企业 华为海康威视在列', '美国总统签署行政命令,禁止美国人投资华为、海康威视等中国企业。', ['US']],
  // Countries an example word qualifies are not actors, through a list the conjunction closes.
  ['en', 'Latvia follows the US, Canada and the EU and bans TikTok on government phones', 'The ban applies to all state institutions.', ['LV']],
  ['en', 'Like the US, Britain and Canada, Japan bans TikTok on official phones', 'Ministries must remove the app.', ['JP']],
  ['en', 'Following the US, Japan bans TikTok on official phones', 'Ministries must remove the app.', ['JP']],
  // A high court named after its seat acts for its country; the Taliban govern Afghanistan.
  ['en', 'Bombay High Court orders the Centre to block TikTok', 'The court directed the government to stop downloads of the app.', ['IN']],
  ['en', 'Peshawar HC orders PTA to suspend TikTok', 'The court ordered the app blocked until it removes indecent content.', ['PK']],
  ['en', 'Taliban ban TikTok over immoral content', 'The app will be blocked within a month, the Taliban-run ministry said.', ['AF']],
  // Arab states in Arabic text.
  ['ar', 'الأردن يحظر تطبيق تيك توك', 'أعلنت الحكومة الأردنية حظر التطبيق مؤقتا لأسباب أمنية.', ['JO']],
  ['ar', 'الإمارات ترفع الحظر عن مكالمات تيليغرام', 'قررت هيئة تنظيم الاتصالات رفع الحظر عن المكالمات عبر التطبيق.', ['AE']],
  // Hong Kong's government and Taiwan's Mainland Affairs Council act for HK and TW.
  ['zh', '港府:政府電腦禁裝DeepSeek', '政府資訊科技總監辦公室表示,政府內部網絡電腦禁止安裝DeepSeek。', ['HK']],
  ['zh', '陸委會:抖音有資安風險 籲民眾審慎使用', '陸委會提醒民眾,使用抖音等陸製App可能有個資外洩風險。', ['TW']],
  // a demonym after the government ("Gobierno nicaragüense"), and the people of a country as the
  // subject ("Venezolanos denuncian…"), name the country, not the language's default (ES)
  ['es', 'El gobierno nicaragüense endurece la censura bloqueando TikTok', 'Las autoridades restringieron el acceso a la aplicación en todo el país.', ['NI']],
  ['en', 'Australian Federal Police suspends its DJI drone flights', 'Officers will not fly the Chinese-made aircraft until a security review is complete.', ['AU']],
  ['es', 'El Gobierno boliviano levanta el bloqueo de Telegram', 'La aplicación vuelve a funcionar en todo el país.', ['BO']],
  ['es', 'Venezolanos denuncian que TikTok fue bloqueado en el país', 'Usuarios en redes sociales afirman que la aplicación, bloqueada por el gobierno, ya no funciona en los teléfonos.', ['VE']],
];

describe('classifier', () => {
  describe('classify: countries', () => {
    it.each(ACTORS)('[%s] finds the acting jurisdiction of "%s"', (language, title, summary, countries) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });

    it('uses a government feed\'s country when the text names only an agency title', () => {
      const c = classify(item('en', 'Minister issues direction on DeepSeek products',
        'The Secretary has issued a direction, which takes effect immediately, requiring entities to remove DeepSeek products from government devices.',
        { country: 'AU', kind: 'government', language: 'en' }));
      expect(c.countries).toEqual(['AU']);
    });

    // Institutions share names across countries; whose one is depends on what the item says around it.
    it.each([
      ['its owner\'s demonym before it', 'Australian Defense Department to remove Chinese-made cameras', 'The department will take out Hikvision and Dahua cameras from its buildings.', undefined, ['AU']],
      ['its owner named once, the bare name elsewhere', 'National Cyber Security Centre warns against Xiaomi phones', 'Lithuania\'s National Cyber Security Centre told public bodies to stop using them.', undefined, ['LT']],
      ['the outlet\'s own country having one of that name', 'Civil servants told to remove TikTok from work phones', 'Staff were told to delete the app following a direction from the NCSC.', 'https://www.example.ie/news/tiktok-1', ['IE']],
      ['no owner and no such outlet: the best-known one', 'Civil servants told to remove TikTok from work phones', 'Staff were told to delete the app following a direction from the NCSC.', 'https://www.example.com/news/tiktok-1', ['GB']],
    ])('reads a shared institution name by %s', (_, title, summary, link, countries) => {
      const c = classify({ ...item('en', title, summary), ...(link ? { link } : {}) });
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });

    it('does not count the vendor\'s own country as acting', () => {
      const c = classify(item('en', 'Sweden bans China\'s Huawei from 5G networks', 'The regulator said Chinese equipment must be removed by 2025.'));
      expect(c.countries).toEqual(['SE']);
    });

    it('does not count a country that is only the destination of exports', () => {
      const c = classify(item('en', 'US tightens export controls on chips to China', 'The Commerce Department added SMIC to the Entity List, effective immediately.'));
      expect(c.countries).toEqual(['US']);
    });

    it.each([
      ['en', 'Sweden bars Huawei from 5G networks - The Japan Times', 'SE'],
      ['ja', '独政府、ファーウェイ部品の5G網からの排除を決定 - 日本経済新聞', 'DE'],
    ])('[%s] ignores the outlet an aggregator appends to "%s"', (language, title, country) => {
      expect(classify(item(language, title)).countries).toEqual([country]);
    });

    it.each([
      ['ja', '政府、ファーウェイ製品を政府調達から排除へ', 'JP'],
      ['ko', '정부, 공공기관 조달서 하이크비전 CCTV 배제 검토', 'KR'],
    ])('[%s] reads an unqualified "government" as the home government in "%s"', (language, title, country) => {
      expect(classify(item(language, title)).countries).toEqual([country]);
    });
  });
});

describe('classifier', () => {
  describe('classify: Portuguese institutions', () => {
    it.each([
      ['Conselho de Ministros aprova exclusão da Huawei do 5G', 'A resolução foi publicada em Diário da República.'],
      ['Governo afasta ZTE das redes de emergência', 'A decisão da Assembleia da República foi aprovada por maioria.'],
    ])('reads "%s" as Portugal, not Brazil', (title, summary) => {
      const c = classify(item('pt', title, summary));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(['PT']);
    });
  });
});

describe('classifier', () => {
  describe('classify: US states named in other languages', () => {
    it.each([
      ['pt', 'Estado da Flórida proíbe TikTok em escolas públicas', 'A lei foi sancionada pelo governador.'],
      ['fr', 'La Californie interdit TikTok sur les appareils de l\'État', 'Le gouverneur a signé le décret.'],
      ['ja', 'テキサス州、政府端末でDeepSeekを禁止', '州知事が命じた。'],
      ['zh', '得克萨斯州禁止在政府设备上使用DeepSeek', '州长签署了命令。'],
    ])('[%s] reads "%s" as the United States', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(['US']);
    });
  });
});

describe('classifier', () => {
  describe('classify: German Länder', () => {
    it.each([
      ['Bayern verbannt DeepSeek von Behördenrechnern', 'Das Digitalministerium hat die Nutzung untersagt.'],
      ['Nordrhein-Westfalen verbietet TikTok auf Diensthandys', 'Die Landesregierung hat entschieden.'],
    ])('reads "%s" as Germany', (title, summary) => {
      const c = classify(item('de', title, summary));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(['DE']);
    });
  });
});

// "<demonym> ban" shares the demonym table of "<demonym> government" (countryMapOf + {D}).
describe('classifier', () => {
  describe('classify: demonym + measure', () => {
    it.each([
      ['en', 'ZTE wins appeal against Danish 5G ban', 'The court overturned the decision.', 'DK'],
      ['es', 'Huawei gana el recurso contra el veto sueco al 5G', 'El tribunal anuló la decisión.', 'SE'],
      ['de', 'Huawei gewinnt Berufung gegen schwedisches 5G-Verbot', 'Das Gericht hob die Auflagen auf.', 'SE'],
    ])('[%s] reads "%s" as %s', (language, title, summary, country) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual([country]);
    });
  });
});

describe('classifier', () => {
  describe('classify: another country\'s Congress or Senate', () => {
    it.each([
      ["Paraguay's Congress approves bill banning TikTok on state devices", 'The bill now goes to the president.', 'PY'],
      ["Chile's Senate votes to bar Huawei from public tenders", 'The bill now goes to the lower house.', 'CL'],
    ])('reads "%s" as %s only', (title, summary, country) => {
      const c = classify(item('en', title, summary));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual([country]);
    });
  });
});

// Arabic precedent and target words ("بعد", "على غرار", "حملة على"): the countries they name did not
// act; و (and) is written joined to the next country of the list ("بعد بريطانيا وفرنسا").
describe('classifier', () => {
  describe('classify: Arabic precedents', () => {
    it.each([
      ['ar', 'على غرار أستراليا.. نيوزيلندا تحظر هواوي من شبكات الجيل الخامس', '', ['NZ']],
      ['ar', 'بعد بريطانيا وفرنسا.. ألمانيا تستبعد هواوي من شبكاتها', '', ['DE']],
    ] as Array<[string, string, string, string[]]>)('[%s] finds the acting jurisdiction of "%s"', (language, title, summary, countries) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });
  });
});

describe('classifier', () => {
  // Kosovo's decisions reported in languages whose lexicons had no name for it fell to the feed's
  // language country (AL, PL, CZ…) or to none; "in state institutions" is the government's own devices.
  describe('classify: Kosovo named in other languages', () => {
    it.each([
      ['sq', 'Kosova ndalon DeepSeek në institucionet shtetërore'],
      ['pl', 'Kosowo zakazuje używania DeepSeek w instytucjach publicznych'],
      ['ru', 'Власти Косово запретили TikTok на служебных телефонах'],
      ['cs', 'Kosovo zakázalo TikTok na služebních telefonech'],
      ['sk', 'Vláda Kosova zakázala TikTok na služobných telefónoch'],
      ['hr', 'Vlada Kosova zabranila TikTok na službenim telefonima'],
      ['ar', 'حكومة كوسوفو تحظر تيك توك على الأجهزة الحكومية'],
    ])('[%s] reads "%s" as XK, a device ban', (language, title) => {
      const c = classify(item(language, title, ''));
      expect(c).toMatchObject({ relevant: true, countries: ['XK'], measure: 'device_ban' });
    });
  });
});

describe('classifier', () => {
  // US agencies named alone decide for the US; "美國國務院" is the US State Department, not China's
  // State Council (国务院).
  describe('classify: US agencies named alone', () => {
    it.each([
      ['en', 'TSA tells employees to stop using WeChat for agency work', 'The Transportation Security Administration has barred staff from using the app on work phones.'],
      ['zh', '美國國務院禁止員工在公務手機上使用微信', '美國國務院已禁止員工在辦公設備上使用微信應用。'],
      ['zh', '美国国土安全部禁止在公务设备上使用微信', '美国国土安全部宣布禁止员工在办公设备上使用微信。'],
    ])('[%s] reads "%s" as US alone', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c).toMatchObject({ relevant: true, countries: ['US'] });
    });
  });
});
