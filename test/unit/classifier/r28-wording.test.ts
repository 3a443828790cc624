/**
 * Wording seen in the r28 batch of published articles (es/fr/it/pt/en/ko/ja/id/tr), written here in
 * other words: a suspension "until it proves that it complies" (the condition is not a company adapting
 * to a rule); a procedure opened to suspend or ban (proposed); a headline that reports the measure and,
 * after a semicolon or an ellipsis, the vendor's answer ("…; TikTok vows to sue"); a bill passed by a
 * congress or parliament (ko 의회 통과: proposed); a regulator refusing an application to operate (in
 * force) and another body asking it to (proposed); "military-related company" designations (ja); staff
 * of a department barred from installing an app, devices provided by the government (id), "mobile
 * company devices" (it): a device ban; a country "considering" a ban under a question headline (fr);
 * the targeted country's diplomats calling a ban "disappointing" (en), shares surging after a decision,
 * a vendor shelving its own plan, a body buying products banned elsewhere (en/es/pt/it/fr): not
 * measures; a vendor named as the one before ("After Huawei, …", "Huawei'nin ardından"): a precedent,
 * not a target; an "Insta-/Quick Analysis:" label, ru "не запрещало" (did not ban): not measures. Each row
 * failed before these rules, but the GUARDS (which held, and must still).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { expectFields, expectReads, item } from './helpers.js';

// [language, title, summary, expected]
const READS: Array<[string, string, string, { stage?: Stage; measure?: Measure; vendors?: string[] }]> = [
  // suspended until it proves that it complies: the condition of the suspension
  ['es', 'Bruselas suspende a Temu hasta que acredite que cumple con las normas europeas', 'La Comisión Europea ordenó la suspensión cautelar de la plataforma.', { measure: 'market_ban' }],
  // a procedure opened to suspend or ban: proposed
  ['es', 'El Gobierno inicia el procedimiento para suspender a Temu en España', 'El Ministerio de Consumo abrió el expediente este lunes.', { stage: 'proposed' }],
  ['pt', 'Governo abre procedimento para suspender a Shein em Portugal', 'O executivo deu à empresa dez dias para responder.', { stage: 'proposed' }],
  ['it', 'Il governo avvia la procedura per sospendere Shein in Italia', "L'azienda ha dieci giorni per rispondere.", { stage: 'proposed' }],
  ['fr', 'Le gouvernement engage la procédure de suspension de Temu en France', 'La plateforme a quinze jours pour se mettre en conformité.', { stage: 'proposed' }],
  // the measure, then after a semicolon or an ellipsis the vendor's answer
  ['en', 'Biden signs TikTok ban into law; TikTok vows to sue', 'President Joe Biden signed the bill on Wednesday.', { measure: 'market_ban' }],
  ['ko', '몬태나주, 틱톡 금지법 서명…틱톡, 소송 제기 예고', '주지사가 법안에 서명했다.', { measure: 'market_ban' }],
  // a bill passed by a congress or a parliament, not yet signed: proposed
  ['ko', '틱톡 강제매각법, 미 의회 통과', '미국 내 서비스가 중단될 위기에 놓였다.', { stage: 'proposed' }],
  // a regulator refusing leave to operate, its decision told in the lead: in force
  ['en', 'FCC turns down China Unicom application to operate in US', 'The commission said its decision followed a national security review.', { measure: 'market_ban', stage: 'in_force' }],
  // another body asking the regulator to act: proposed
  ['en', 'Commerce Department urges FCC to revoke China Telecom licence', 'The agency told the regulator the carrier posed a national security risk.', { stage: 'proposed' }],
  // designated a military-related company: the 1260H list
  ['ja', '米国防総省、DJIを中国軍関連企業に指定', '国防総省が公表したリストに追加された。', { measure: 'other_restriction' }],
  ['ja', '米国防総省、CATLを中国軍と関係がある企業に認定', 'バッテリー大手は指定に反発した。', { measure: 'other_restriction' }],
  // a department's staff barred, devices provided by the government: a device ban
  ['id', 'Pegawai Departemen Luar Negeri AS dilarang pakai TikTok', 'Larangan berlaku untuk perangkat yang dimiliki pemerintah.', { measure: 'device_ban' }],
  ['id', 'Australia larang DeepSeek di perangkat milik pemerintah', 'Keputusan diambil setelah saran dari badan intelijen.', { measure: 'device_ban' }],
  ['it', "L'Olanda valuta lo stop a TikTok", "Dopo la decisione di Bruxelles di bandire l'app dai dispositivi mobili aziendali, anche l'Aia ci pensa.", { measure: 'device_ban' }],
  // a question headline whose lead says a country is considering the ban
  ['fr', 'Huawei bientôt banni des réseaux 5G belges ?', "La Belgique envisage d'exclure l'équipementier chinois des parties sensibles de ses réseaux.", { stage: 'proposed' }],
  // the vendor named before is a precedent, not a target
  ['en', 'After Huawei, US prepares to blacklist Hikvision', 'The Commerce Department is preparing to add the camera maker to its Entity List.', { vendors: ['Hikvision'] }],
  ['de', 'Nach Huawei: USA wollen auch Hikvision auf die schwarze Liste setzen', 'Das Handelsministerium bereitet den Schritt vor.', { vendors: ['Hikvision'] }],
  ['tr', "ABD, Huawei'nin ardından DJI'ı da kara listeye aldı", "Ticaret Bakanlığı DJI'ı varlık listesine ekledi.", { vendors: ['DJI'] }],
];

// [language, title, summary]: not a measure
const NOT_RELEVANT: Array<[string, string, string]> = [
  // the targeted country's diplomats on the ban
  ['en', 'Beijing calls Sweden\'s Huawei ban "deeply disappointing"', "China's foreign ministry said the decision was wrong."],
  ['en', "Sweden's decision to exclude Huawei is regrettable, Chinese embassy says", 'The embassy urged Stockholm to reverse course.'],
  // markets after a decision
  ['en', 'Shares of Hikvision soar after US holds off on sanctions', "The surveillance camera maker's stock rose 8% in Shenzhen."],
  // the vendor's own decision
  ['en', 'Apple scraps plan to buy chips from YMTC after US blacklisting', "The iPhone maker dropped the supplier following Washington's decision."],
  // a body buying products banned elsewhere
  ['es', 'El Ayuntamiento compra drones de DJI prohibidos en Estados Unidos', 'La Policía Local usará los aparatos para vigilar el tráfico.'],
  ['pt', 'Prefeitura instala câmeras da Hikvision proibidas nos Estados Unidos', 'O contrato foi assinado no mês passado.'],
  ['en', 'Council buys Hikvision cameras banned in the US for town centre', 'The local authority said the cameras met all UK standards.'],
  ['it', 'Il Comune acquista telecamere Hikvision vietate negli Stati Uniti', "La giunta ha approvato l'acquisto."],
  ['fr', 'La mairie achète des caméras Hikvision interdites aux États-Unis', "Le conseil municipal a voté l'achat."],
  // an analysis label, a denial that a ban was made (headlines alone)
  ['en', 'Quick Analysis: TikTok ban could reshape US creator economy', ''],
  ['ru', 'Минобороны не запрещало военным пользоваться Telegram', ''],
  ['ru', 'Правительство не запрещало использование WeChat', ''],
];

// These held before the r28 rules, and must still.
const GUARDS: Array<[string, string, string, { relevant: boolean; stage?: Stage; measure?: Measure }]> = [
  ['es', 'Temu dice que cumple con la ley española', 'La empresa china respondió a las críticas del Gobierno.', { relevant: false }],
  ['es', 'Shein cambia sus prácticas para cumplir con la ley francesa', 'La empresa retiró productos.', { relevant: false }],
  ['en', 'France begins proceedings to suspend Shein', 'The government gave the platform two weeks to respond.', { relevant: true, stage: 'proposed' }],
  ['ko', '틱톡, 미국 정부 상대로 소송 제기', '틱톡은 강제 매각법이 위헌이라며 소송을 냈다.', { relevant: false }],
  ['ko', '美 화웨이 추가 제재…국내 부품업계 타격 우려', '업계는 매출 감소를 걱정하고 있다.', { relevant: false }],
  ['ko', '틱톡 금지법 미 하원 통과', '미 하원이 법안을 가결했다.', { relevant: true, stage: 'proposed' }],
  ['en', 'FCC denies China Unicom bid to operate in the United States', "The regulator turned down the carrier's application on national security grounds.", { relevant: true, stage: 'in_force' }],
  ['en', 'US blacklists YMTC, China\'s top memory chipmaker', 'The Commerce Department added Yangtze Memory to its Entity List.', { relevant: true }],
  ['es', 'España veta las cámaras de Hikvision en edificios públicos', 'El Gobierno ha prohibido instalar nuevas cámaras del fabricante chino.', { relevant: true, measure: 'device_ban' }],
  ['en', 'US bans Hikvision cameras on federal sites', 'The ban applies to all federal agencies.', { relevant: true }],
  ['fr', 'TikTok bientôt interdit en France ?', "De plus en plus d'utilisateurs s'interrogent sur l'avenir de l'application.", { relevant: false }],
  ['id', 'Indonesia blokir Temu', 'Kominfo memblokir aplikasi Temu di Indonesia.', { relevant: true, measure: 'market_ban' }],
  ['de', 'Trotz US-Sanktionen: Huawei legt beim Umsatz kräftig zu', '', { relevant: false }],
  ['vi', 'Bất chấp lệnh trừng phạt của Mỹ, lợi nhuận của Huawei vẫn tăng', '', { relevant: false }],
  ['en', 'FCC denies China Telecom licence request', '', { relevant: true, measure: 'market_ban' }],
  ['ru', 'Минобороны запретило использование iPhone в армии', 'Военнослужащим запрещено пользоваться смартфонами Apple.', { relevant: true }],
];

describe('r28 wording', () => {
  it.each(READS)('[%s] "%s" (%s) reads %j', (language, title, summary, expected) => expectReads(classify, language, title, summary, expected));
  it.each(NOT_RELEVANT)('[%s] "%s" is not a measure', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(false);
  });
  it.each(GUARDS)('[%s] "%s" (%s) still reads %j', (language, title, summary, expected) => expectFields(classify, language, title, summary, expected));
});
