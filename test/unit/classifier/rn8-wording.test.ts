import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { item } from './helpers.js';

describe('classifier', () => {
  // rn8: a Belgian region's government named by an adjective ("gouvernement bruxellois", "governo
  // vallone", "gobierno flamenco", "Waalse regering", "Brüsseler Regionalregierung") is Belgium acting,
  // not the language's own country nor the EU that "Bruxelles" usually stands for.
  describe('classify: a Belgian region named by its adjective is Belgium', () => {
    it.each([
      ['fr', 'Le gouvernement régional bruxellois interdit DeepSeek sur les ordinateurs de ses agents', 'La mesure vaut pour tous les organismes régionaux.'],
      ['fr', 'L\'exécutif bruxellois bannit TikTok des téléphones de service', 'La décision a été prise jeudi.'],
      ['de', 'Brüsseler Regionalregierung verbietet TikTok auf Diensthandys', 'Das Verbot gilt ab Montag.'],
      ['it', 'Il governo vallone vieta TikTok sui telefoni di servizio', 'Il divieto vale per tutti i dipendenti regionali.'],
      ['es', 'El gobierno flamenco prohíbe TikTok en los móviles oficiales', 'La medida afecta a los funcionarios regionales.'],
      ['nl', 'Waalse regering verbiedt TikTok op dienstgsm\'s', 'Het verbod geldt voor alle ambtenaren.'],
    ])('[%s] reads "%s" as BE', (language, title, summary) => {
      const r = classify(item(language, title, summary));
      expect(r.relevant).toBe(true);
      expect(r.countries).toEqual(['BE']);
    });
  });

  // rn8: the same for other sub-national governments named by an adjective: Canadian provinces,
  // Spanish regions and German states in fr/it/es/de.
  describe('classify: a province, region or state government named by its adjective is its country', () => {
    it.each([
      ['fr', 'Le gouvernement québécois interdit TikTok sur les appareils de ses fonctionnaires', 'La mesure entre en vigueur jeudi.', 'CA'],
      ['fr', 'Le gouvernement ontarien interdit TikTok sur les appareils de ses fonctionnaires', 'La mesure entre en vigueur jeudi.', 'CA'],
      ['es', 'El gobierno quebequense prohíbe TikTok en los móviles oficiales', 'La medida entra en vigor hoy.', 'CA'],
      ['de', 'Katalanische Regierung verbietet TikTok auf Diensthandys', 'Das Verbot gilt ab sofort.', 'ES'],
      ['it', 'Il governo catalano vieta TikTok sui telefoni di servizio', 'Il divieto vale da subito.', 'ES'],
      ['fr', 'Le gouvernement bavarois interdit TikTok sur les appareils de ses fonctionnaires', 'La mesure entre en vigueur jeudi.', 'DE'],
      ['es', 'El gobierno bávaro prohíbe TikTok en los móviles oficiales', 'La medida entra en vigor hoy.', 'DE'],
    ])('[%s] reads "%s" as %s', (language, title, summary, country) => {
      const r = classify(item(language, title, summary));
      expect(r.relevant).toBe(true);
      expect(r.countries).toEqual([country]);
    });
    it('nl: a Belgian "dienstgsm" is an official device', () => {
      expect(classify(item('nl', 'Vlaamse regering verbiedt TikTok op dienstgsm\'s', 'Het verbod geldt meteen.')).measure).toBe('device_ban');
    });
  });

  // rn8: federal bodies German-speaking states share ("der Bund", "Bundesregierung") are the outlet's
  // own country's when it is Swiss or Austrian; Swiss-only bodies (Bundeskanzlei, Conseil fédéral,
  // Consiglio federale) are Switzerland's wherever they are reported.
  describe('classify: Swiss and Austrian federal bodies', () => {
    it.each([
      ['de', 'Bund verzichtet vorerst auf TikTok-Verbot für Angestellte', 'Man beobachte die Lage in der EU, hiess es.', 'https://www.srf.ch/news/x', 'CH'],
      ['de', 'Bundesregierung verbietet TikTok auf Diensthandys', 'Das Verbot gilt ab sofort für alle Ministerien.', 'https://orf.at/stories/1', 'AT'],
      ['de', 'Bundeskanzlei prüft ein TikTok-Verbot auf Dienstgeräten', 'Ein Entscheid soll im Sommer fallen.', undefined, 'CH'],
      ['fr', 'Le Conseil fédéral renonce à interdire TikTok sur les appareils de service', 'Il n\'y a pas de risque avéré, estime-t-il.', undefined, 'CH'],
      ['it', 'Il Consiglio federale non vieterà TikTok sui telefoni di servizio', 'Non ci sono prove di un rischio, afferma.', undefined, 'CH'],
    ])('[%s] reads "%s" (%s) as %s', (language, title, summary, link, country) => {
      const r = classify({ ...item(language, title, summary), link });
      expect(r.relevant).toBe(true);
      expect(r.countries).toEqual([country]);
    });
  });

  // rn8: Norwegian bodies named without the country (the Storting, the National Security Authority,
  // the Ministry of Justice and Public Security) are Norway acting, not the outlet's domain country.
  describe('classify: Norwegian bodies name Norway, whatever the outlet\'s domain', () => {
    it.each([
      ['en', 'Telegram removed from phones of ministry staff', 'The Ministry of Justice and Public Security ordered the removal on Monday after advice from the National Security Authority (NSM).', 'https://example.co.uk/a'],
      ['en', 'Storting bans DeepSeek on its devices', 'The ban applies to all members and staff.', 'https://news.example.ie/b'],
    ])('[%s] reads "%s" as NO', (language, title, summary, link) => {
      const r = classify({ ...item(language, title, summary), link });
      expect(r.relevant).toBe(true);
      expect(r.countries).toEqual(['NO']);
    });
  });

  // rn8: "China made apps" (no hyphen) and a firm "controlled by the Chinese government" name the
  // products' origin and the vendor's owner, not the state that acts.
  describe('classify: origin and owner are not the acting state', () => {
    it('en: "China made apps … blocked in Pakistan" is Pakistan acting', () => {
      const r = classify(item('en', 'Dozens of China made apps including TikTok blocked in Pakistan', 'The telecom authority ordered the block on Tuesday.'));
      expect(r.countries).toEqual(['PK']);
    });
    it('en: a company "controlled by the Chinese government" does not make China the actor', () => {
      const r = classify(item('en', 'Navy grounds DJI drones made by a company controlled by the Chinese government', 'The service said the drones posed a security risk.'));
      expect(r.relevant).toBe(true);
      expect(r.countries).not.toContain('CN');
    });
  });

  // rn8: equipment kept off or pulled from classified, secret or secure networks and work, or banned
  // by intelligence agencies, is the body's own devices: an official-device ban, not a purchase
  // exclusion or a market ban.
  describe('classify: classified networks and intelligence agencies = device ban', () => {
    it.each([
      ['en', 'Foreign ministry pulls Lenovo computers from its secret networks', 'The ministry acted after a parliamentary inquiry.'],
      ['en', 'Lenovo PCs to be used only for unclassified work, department says', 'The department bought the machines last year.'],
      ['en', 'Agency bans Lenovo PCs from top secret networks', 'The agency cited espionage fears.'],
      ['en', 'Lenovo laptops banned by intelligence agencies', 'The agencies refused to use the machines over spying fears.'],
      ['en', 'Hikvision cameras banned by MI6 and ASIO', 'The agencies refused to install the cameras over spying fears.'],
      ['de', 'Ministerium verbannt Lenovo-Rechner aus dem Geheimnetz', 'Die Geräte bleiben für andere Aufgaben im Einsatz.'],
      ['zh', '美国国防部禁止在涉密网络使用联想电脑', '国防部表示出于安全考虑。'],
      ['zh', '英国外交部撤换数千台联想电脑', '外交部表示出于安全考虑。'],
      ['ja', '米国務省、機密業務でレノボ製品の利用禁止', '安全保障上の懸念から。'],
      ['ko', '미 국무부, 레노버 제품 기밀 업무 사용 금지', '보안 우려 때문이다.'],
      ['pl', 'Komputery Lenovo nie mogą być używane w sieciach niejawnych', 'Zdecydowało Ministerstwo Obrony Narodowej.'],
    ])('[%s] reads "%s" as device_ban', (language, title, summary) => {
      const r = classify(item(language, title, summary));
      expect(r.relevant).toBe(true);
      expect(r.measure).toBe('device_ban');
    });
  });

  // …but intelligence agencies as the subject of a finding ("spy agencies found no evidence") are no
  // scope: a government refusing to ban an app refuses the app's market ban.
  describe('classify: intelligence agencies that found nothing are no device scope', () => {
    it.each([
      ['en', 'Britain will not block TikTok, minister says', 'The minister told MPs the intelligence services had found no evidence that the app passed data to Beijing.'],
      ['en', 'New Zealand rules out WeChat ban', "Officials said the country's spy agencies saw no sign the app was misused."],
    ])('[%s] reads "%s" as a rejected market ban', (language, title, summary) => {
      const r = classify(item(language, title, summary));
      expect(r.relevant).toBe(true);
      expect(r.stage).toBe('rejected');
      expect(r.measure).toBe('market_ban');
    });
  });

  // rn8: more restriction wordings: German separable "schränkt … ein", Chinese "列入军企名单".
  describe('classify: separable and list-designation restriction wordings', () => {
    it('de: "schränkt den Einsatz von … ein" is a restriction', () => {
      const r = classify(item('de', 'Verteidigungsministerium schränkt den Einsatz von DJI-Drohnen ein', 'Die Bundeswehr darf die Drohnen nur noch für Übungen nutzen.'));
      expect(r.relevant).toBe(true);
      expect(r.vendors).toEqual(['DJI']);
    });
    it('zh: a firm added to the military-companies list (军企名单) is that designation', () => {
      const r = classify(item('zh', '美国防部将比亚迪列入军企名单', '名单每年更新。'));
      expect(r.relevant).toBe(true);
      expect(r.measure).toBe('other_restriction');
    });
  });
});
