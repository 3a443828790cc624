import { describe, expect, it } from 'vitest';
import { classify, loadDefaultRules } from '../../../lambdas/core/classifier/index.js';
import { item } from './helpers.js';

// [language, title, summary, expected canonical vendors]
const TARGETS: Array<[string, string, string, string[]]> = [
  ['en', 'US bars federal agencies from buying Huawei, ZTE gear', 'The law prohibits agencies from procuring equipment made by Huawei, ZTE, Hytera, Hikvision and Dahua.', ['Dahua', 'Hikvision', 'Huawei', 'Hytera', 'ZTE']],
  ['en', 'US imposes export restrictions on chipmaker SMIC', 'Suppliers now need a licence to ship tools to Semiconductor Manufacturing International. The rule could also hurt SMIC customers such as Huawei\'s HiSilicon.', ['SMIC']],
  ['en', 'China orders officials to stop using iPhones at work', 'The directive is part of a drive to cut reliance on foreign technology. Domestic brands such as Huawei and Xiaomi could benefit.', ['Apple']],
  ['fr', 'La Suède exclut Huawei et ZTE de ses réseaux 5G', 'Le régulateur PTS a annoncé que les équipements des deux groupes devront être retirés.', ['Huawei', 'ZTE']],
  ['de', 'USA entziehen Lizenzen für Huawei-Lieferungen', 'Das US-Handelsministerium hat Exportlizenzen widerrufen, die Lieferungen an Huawei erlaubten. Die Entscheidung gilt ab sofort.', ['Huawei']],
  ['es', 'India prohíbe TikTok, WeChat y otras 57 aplicaciones chinas', 'El Gobierno indio bloqueó 59 aplicaciones de origen chino.', ['TikTok', 'WeChat']],
  ['it', 'Il Garante blocca DeepSeek', 'Il Garante ha disposto con effetto immediato la limitazione del trattamento dei dati da parte di DeepSeek.', ['DeepSeek']],
  ['pt', 'Governo dos EUA proíbe venda de produtos da Kaspersky Lab', 'A proibição entra em vigor em julho, segundo o Departamento de Comércio.', ['Kaspersky']],
  ['ja', '米商務省、中興通訊（ZTE）への製品輸出を禁止', '米商務省は中興通訊に対する輸出禁止措置を発動した。', ['ZTE']],
  ['zh', '美国商务部将华为列入实体清单', '美国企业向華為技術出售零部件须获得许可证。', ['Huawei']],
  ['ko', '미 상무부, 화웨이 수출 통제 강화', '미국 상무부는 화웨이에 대한 반도체 수출 통제를 강화했다.', ['Huawei']],
  ['en', 'Australia to remove Hikvision and Dahua cameras from defence sites', 'Cameras made by Hangzhou Hikvision and Dahua Technology will be removed.', ['Dahua', 'Hikvision']],
  ['en', 'India bans TikTok owner ByteDance\'s apps and Tencent\'s WeChat', 'The ministry blocked the apps with immediate effect.', ['TikTok', 'WeChat']],
  // Short names Chinese and Hong Kong outlets use.
  ['zh', '美国禁止投资中移动、中联通', '美国总统签署行政命令,禁止美国人投资中移动、中联通等中国企业。', ['China Mobile', 'China Unicom']],
  ['zh', '美國限制英偉達晶片出口', '美國商務部要求英偉達向中國出口晶片須取得許可證。', ['Nvidia']],
  // An inflected alias ("Tiktokin") also in the spelling of the name it inflects.
  ['fi', 'Suomi kieltää TikTokin virkapuhelimissa', 'Valtioneuvosto kieltää sovelluksen virkapuhelimissa.', ['TikTok']],
  // App stores asked to act are bystanders, even in the headline.
  ['de', 'Berliner Datenschutzbeauftragte meldet DeepSeek bei Apple und Google', 'DeepSeek droht der Rauswurf aus den deutschen App-Stores.', ['DeepSeek']],
  ['ko', '호주, 정부청사 중국산 CCTV 철거', '하이크비전과 다후아기술의 CCTV 장비가 900개 넘게 발견됐다.', ['Dahua', 'Hikvision']],
  // …joined by a Latin middle dot (Korean) or および (Japanese) too.
  ['ko', '독일, 애플·구글에 "딥시크 앱스토어 퇴출하라"', '독일 규제당국이 애플과 구글에 딥시크 앱을 앱스토어에서 퇴출하라고 통보했다.', ['DeepSeek']],
  ['ja', 'ドイツ当局、AppleおよびGoogleにDeepSeekアプリの削除を要請', '当局はAppleおよびGoogleに対し、アプリストアからの削除を求めた。', ['DeepSeek']],
];

describe('classifier', () => {
  describe('classify: vendors', () => {
    it.each(TARGETS)('[%s] names the targeted vendors of "%s"', (language, title, summary, vendors) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.vendors).toEqual(vendors);
    });

    it('outputs canonical names when the text uses subsidiaries and native scripts', () => {
      const c = classify(item('ja', '政府、華為技術とハイクビジョンの製品を政府調達から排除へ', '政府は方針を固めた。'));
      expect(c.vendors).toEqual(['Hikvision', 'Huawei']);
    });

    it.each([
      // テム (Temu) stands inside システム (system): not a mention.
      ['ja', '政府、情報システムの調達からファーウェイを排除へ', '各府省庁の情報システムに係る調達が対象となる。', ['Huawei']],
      ['ja', '政府、テムの国内販売を禁止へ', '', ['Temu']],
    ])('[%s] reads a katakana name only as a whole katakana word: "%s"', (language, title, summary, vendors) => {
      expect(classify(item(language, title, summary)).vendors).toEqual(vendors);
    });

    it.each([
      // 애플리케이션 is "application", not Apple (애플).
      ['ko', '인도 정부, 틱톡·위챗 등 중국 앱 59개 영구 퇴출', '인도가 틱톡, 위챗 등 중국 스마트폰 애플리케이션 59개에 대해 영구 금지 조처를 내렸다.', ['TikTok', 'WeChat']],
      // The app stores' owners are where a ban is carried out, not its target.
      ['ja', 'イタリア、DeepSeekをブロック', 'イタリアのAppleとGoogleアプリストアでは、中国のAIアプリDeepSeekをブロックし、アクセス不能とした。', ['DeepSeek']],
      // 中国电信巨头 is "a Chinese telecom giant", not China Telecom.
      ['zh', '加拿大宣布禁止华为5G', '联邦政府宣布禁止中国电信巨头华为公司和中兴通讯参与加拿大5G网络建设。', ['Huawei', 'ZTE']],
    ])('[%s] does not take a word or a venue that begins with a vendor name for the vendor: "%s"', (language, title, summary, vendors) => {
      expect(classify(item(language, title, summary)).vendors).toEqual(vendors);
    });

    // rn8: reports in Japanese, Chinese and Korean often name a vendor only in their own script
    // (レノボ, 聯想, 레노버); every listed vendor has a Han or kana name and a Hangul name (Traditional
    // Chinese forms need no alias: vendor names are folded to Simplified like the text).
    it('lists a Han or kana name and a Hangul name for every vendor', () => {
      const rules = loadDefaultRules();
      const lacking = Object.entries(rules.vendors).filter(([, aliases]) =>
        !aliases.some((a) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(a)) || !aliases.some((a) => /\p{Script=Hangul}/u.test(a)));
      expect(lacking.map(([name]) => name)).toEqual([]);
    });

    it.each([
      ['ja', '米政府、バイトダンスのアプリを政府端末で禁止', '連邦機関の職員はバイトダンス製アプリを削除しなければならない。', ['TikTok']],
      ['ru', 'Власти запретили Тикток на служебных телефонах', 'Чиновникам запретили пользоваться Тиктоком на рабочих устройствах.', ['TikTok']],
      ['uk', 'Уряд заборонив Алібаба у державних закупівлях', 'Рішення стосується всіх державних установ.', ['Alibaba']],
      ['ko', '정부, 레노보 노트북 공공조달 배제', '조달청은 레노보 제품을 입찰에서 제외했다.', ['Lenovo']],
    ])('[%s] reads a native-script name in "%s"', (language, title, summary, vendors) => {
      const c = classify(item(language, title, summary));
      expect(c.vendors).toEqual(vendors);
    });

    it('does not read a vendor name inside another word', () => {
      const c = classify(item('en', 'Pineapple imports banned over pest fears', 'The ministry banned pineapple imports with immediate effect.'));
      expect(c.vendors).toEqual([]);
      expect(c.relevant).toBe(false);
    });

    it('reports no vendors when an item is not relevant', () => {
      const c = classify(item('en', 'Huawei unveils new foldable phone', 'Huawei presented the phone in Shenzhen.'));
      expect(c).toMatchObject({ relevant: false, vendors: [], countries: [], measure: null, stage: null });
    });
  });
});
