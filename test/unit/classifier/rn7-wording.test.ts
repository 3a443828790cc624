import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { expectReads, item } from './helpers.js';

describe('classifier', () => {
  // rn7: a vendor's seat ("headquartered in Moscow", "z siedzibą w Moskwie", "mit Sitz in Moskau")
  // names where the firm is based: its origin, never the state that acts against it.
  describe('classify: the vendor\'s headquarters city is not the acting state', () => {
    it.each([
      ['en', 'Financial regulator warns banks against Kaspersky antivirus', 'The watchdog passed on the security agency\'s advice against the software of Kaspersky Lab, headquartered in Moscow.'],
      ['pl', 'Urząd ostrzega banki przed programami Kaspersky', 'Komunikat dotyczy oprogramowania firmy Kaspersky Lab z siedzibą w Moskwie.'],
      ['de', 'Finanzaufsicht rät Banken von Kaspersky ab', 'Betroffen ist die Software des Herstellers Kaspersky mit Sitz in Moskau.'],
      ['fr', 'Le régulateur bancaire déconseille Kaspersky', 'L\'éditeur Kaspersky, basé à Moscou, conteste la recommandation.'],
      ['es', 'El supervisor financiero desaconseja Kaspersky', 'La empresa Kaspersky, con sede en Moscú, rechaza las acusaciones.'],
    ])('[%s] "%s" is not a Russian act', (language, title, summary) => {
      const r = classify(item(language, title, summary));
      expect(r.relevant).toBe(true);
      expect(r.countries).not.toContain('RU');
    });
  });

  // rn7: a government saying it will not exclude (beforehand), or has no plans to, decides against the measure.
  describe('classify: zh "will not exclude" and "no plans to ban" are rejections', () => {
    it.each([
      ['zh', '德国政府:不会预先排除华为参与5G建设', '内阁周三公布了网络安全要求。'],
      ['zh', '比利時政府表示不會全面禁用華為設備', '政府將對供應商提出更嚴格的安全要求。'],
      ['zh', '英国政府目前没有计划禁止TikTok', '文化部长周二在议会表示。'],
    ])('[%s] reads "%s" as rejected', (language, title, summary) => {
      expectReads(classify, language, title, summary, { stage: 'rejected' });
    });
  });

  // rn7: a headline's vendor followed by "published" in the lead is not product news crossing the line.
  it('zh: a vendor ending the headline and 發布 opening the lead is no product launch', () => {
    const r = classify(item('zh', '比利時政府將不會事先排除華為', '新華社布魯塞爾電 比利時政府1日發布5G安全規定,要求供應商採取額外措施。'));
    expect(r.rules).not.toContain('vp.vendor-unveils-cjk');
    expect(r.stage).toBe('rejected');
  });

  // rn7: consumers able to buy a phone again is the market, not public procurement.
  describe('classify: ja consumers can buy again = a market ban lifted', () => {
    it.each([
      ['ja', 'インドネシアでiPhone 16の販売禁止が解除、再び購入が可能に', '政府は数カ月ぶりに販売を認めた。'],
      ['ja', 'ついに禁止が解除、iPhone 16が購入できるように', 'インドネシア産業省が国内での売買を認めた。'],
    ])('[%s] reads "%s" as market_ban lifted', (language, title, summary) => {
      expectReads(classify, language, title, summary, { measure: 'market_ban', stage: 'lifted' });
    });
  });

  // rn7: conditional restriction verbs are restriction verbs; an executive instrument "that would
  // bar" is the act itself (its reach hedged), while a bill that would bar stays a proposal.
  describe('classify: conditional restriction forms (es/fr) and instruments that would bar', () => {
    it.each([
      ['es', 'Publican el reglamento que excluiría a Huawei de las redes 5G', 'El Ministerio de Ciencia publicó el texto en el diario oficial este martes.'],
      ['fr', 'Le décret qui interdirait TikTok sur les téléphones des fonctionnaires est publié', 'Le texte est paru au Journal officiel ce mardi.'],
    ])('[%s] reads "%s" as a measure, not a proposal', (language, title, summary) => {
      const r = classify(item(language, title, summary));
      expect(r.relevant).toBe(true);
      expect(r.stage).not.toBe('proposed');
    });
    it('es: a bill that would bar stays proposed', () => {
      expectReads(classify, 'es', 'Diputados presentan un proyecto de ley que prohibiría TikTok', 'La iniciativa será debatida en el Congreso.', { stage: 'proposed' });
    });
    it('es: the imperfect "prohibía" is a restriction verb', () => {
      expect(classify(item('es', 'El Gobierno publicó una norma que prohibía los equipos de Huawei en la red 5G', 'El decreto fue firmado por el presidente.')).relevant).toBe(true);
    });
  });

  // rn7: a carrier or company saying its own network will do without a vendor is a commercial choice.
  describe('classify: zh a carrier\'s own supplier choice is no state measure', () => {
    it.each([
      ['zh', '德国电信:5G核心网不用华为', '德国电信公司周三表示,其5G核心网络将不使用华为设备。'],
      ['zh', '英國電信商BT宣布,其核心網路將棄用華為', '該公司稱這是商業決定。'],
    ])('[%s] "%s" is no measure', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
  });

  // rn7: German court wording that a warning or ban "is lawful", "was allowed", or that a suit failed, upholds it.
  describe('classify: de a court upholding a measure', () => {
    it.each([
      ['de', 'Ministerium durfte TikTok auf Diensthandys verbieten', 'Das Verwaltungsgericht hat am Dienstag entschieden.'],
      ['de', 'Ausschluss von Huawei-Komponenten ist rechtmäßig', 'Das Oberverwaltungsgericht folgte der Behörde.'],
      ['de', 'Warnung des BSI vor Kaspersky: Berufung erfolglos', 'Das Gericht folgte der Argumentation der Behörde.'],
    ])('[%s] reads "%s" as upheld in force', (language, title, summary) => {
      const r = classify(item(language, title, summary));
      expect(r.relevant).toBe(true);
      expect(r.stage).toBe('in_force');
      expect(r.rules).toContain('de.stage.in_force.upheld');
    });
  });

  // rn7: a country's officials beginning to shun a vendor's products is an exclusion in practice;
  // "Polish officials" names the acting country.
  describe('classify: officials shunning a vendor', () => {
    it.each([
      ['uk', 'Литовські посадовці відмовляються від смартфонів Xiaomi', 'Державні установи більше не закуповують ці пристрої.', ['LT']],
      ['ru', 'Белорусские чиновники начали избегать iPhone', 'Госслужащим рекомендовано использовать другие смартфоны.', ['BY']],
    ])('[%s] reads "%s" as a restriction of its country', (language, title, summary, countries) => {
      const r = classify(item(language, title, summary));
      expect(r.relevant).toBe(true);
      expect(r.countries).toEqual(countries);
    });
  });
  // rn7: a tally of national measures by unnamed EU states is no one state's act and not the EU's own;
  // a call on all member states stays the EU's.
  describe('classify: a tally of EU states\' measures is no measure', () => {
    it.each([
      ['en', 'Fewer than half of EU countries have banned Huawei from 5G, report finds', 'A Commission review found gaps in the bloc\'s toolbox.'],
      ['de', 'Erst zwölf EU-Staaten haben Huawei aus dem Kernnetz ausgeschlossen', 'Das geht aus einem Bericht hervor.'],
      ['fr', 'Seulement dix États membres ont exclu Huawei de leurs réseaux 5G', 'Un rapport pointe des lacunes.'],
    ])('[%s] "%s" is no measure', (language, title, summary) => {
      expect(classify(item(language, title, summary)).relevant).toBe(false);
    });
    it('a call on all 27 member states is still the EU\'s', () => {
      expect(classify(item('en', 'EU tells member states to exclude Huawei from 5G', 'The Commission called on 27 member states to phase out high-risk suppliers.')).relevant).toBe(true);
    });
  });

  // rn7: 國安考慮 / 安全考虑 are considerations (a reason), not "considering" a measure.
  it('zh: a measure for national-security considerations is not proposed', () => {
    expectReads(classify, 'zh', '排除華為參與5G網絡 瑞典總理:國安考慮', '瑞典數月前頒佈一項法令,實質排除華為。', { stage: 'in_force' });
  });
});

