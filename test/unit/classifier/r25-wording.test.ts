/**
 * Wording seen in the r25 batch of published articles (European languages), written here in other
 * words: the targeted firm named by its trade appealing or suing ("camera maker appeals FCC order");
 * a carrier suspending a vendor's kit on its own network; senators calling on an administration to act;
 * the targeted country's government calling a ban "unacceptable"; a vendor threatening or seeking
 * arbitration and demanding that a warning be repealed (cs, de, fr). None reports a state measure.
 * The anglicisms bannare (it) and banear (es) restrict; a country's intelligence services
 * ("les renseignements néerlandais") are its state, not the countries they name. Each row failed
 * before these rules. In Swedish, announced plans to act ("tillkännagav planer på att")  are announced; a temporary licence
 * extended (it/de/es/fr/pt/pl) lifts the export control for that trade.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { expectReads, item } from './helpers.js';

// [language, title, summary]
const NOT_MEASURES: Array<[string, string, string]> = [
  ['en', 'Surveillance camera maker appeals FCC order banning its equipment', 'Hikvision filed the appeal in a federal court on Monday.'],
  ['en', 'Kremlin calls Lithuanian ban on Kaspersky software "unacceptable"', 'Spokesman Dmitry Peskov said the decision was political.'],
  ['en', 'Russian Federation calls Dutch advice against Kaspersky \'absurd\'', 'The Dutch government told ministries to stop using the antivirus.'],
  ['cs', 'Čínská firma požaduje zrušení varování před jejími telefony', 'ZTE v dopise úřadu uvedla, že varování NÚKIB nemá oporu ve faktech.'],
  ['de', 'ZTE droht Dänemark mit Schiedsverfahren wegen 5G-Ausschluss', 'Der Konzern fordert die Rücknahme der Entscheidung.'],
  ['fr', 'Huawei menace de saisir la justice après son exclusion de la 5G belge', 'Le groupe chinois conteste la décision du régulateur.'],
  ['cs', 'ZTE hrozí Česku arbitráží kvůli vyloučení z tendru', 'Firma požaduje zrušení rozhodnutí ministerstva.'],
  ['en', 'Vodafone to suspend use of Huawei kit in European core networks', ''],
  ['en', 'Rubio, Warner Call on Biden Administration to Urgently Address Export Control Gaps Exposed by Huawei Chip', 'The two senators wrote to the Commerce secretary on Thursday.'],
];

// [language, title, summary]
const BAN_ANGLICISMS: Array<[string, string, string]> = [
  ['it', 'Huawei sarà bannata dalle reti 5G in Svezia', 'La decisione dell’autorità svedese entrerà in vigore a gennaio.'],
  ['it', 'Il Texas banna TikTok dai dispositivi statali', 'Il governatore ha firmato l’ordine esecutivo.'],
  ['es', 'Nepal banea TikTok por "alterar la armonía social"', 'El Gobierno ordenó a los operadores cortar el acceso a la aplicación.'],
  ['es', 'Texas banea DeepSeek y RedNote en los dispositivos del Gobierno estatal', ''],
];

// [language, title, summary, countries]
const COUNTRIES: Array<[string, string, string, string[]]> = [
  ['fr', 'Les renseignements néerlandais déconseillent DeepSeek aux fonctionnaires', 'Selon eux, l’application présente un risque d’espionnage, comme celles de la Russie ou de l’Iran.', ['NL']],
];

// [language, title, summary, stage]: announced plans to act (sv, as en "announced plans to")
const STAGES: Array<[string, string, string, string]> = [
  ['sv', 'Danmark förbjuder DeepSeek i statsförvaltningen', 'Regeringen har aviserat planer på att förbjuda appen på alla myndigheters datorer.', 'announced'],
  ['sv', 'EU:s kommission tillkännagav planer på att stänga ute Huawei från unionens nät', 'Beslutet väntas träda i kraft nästa år.', 'announced'],
  // a temporary or general licence to deal with a listed vendor extended: the export control eased (lifted)
  ['it', 'Gli Stati Uniti prorogano la licenza temporanea per le forniture a Huawei', 'Le aziende americane potranno vendere componenti per altri 90 giorni.', 'lifted'],
  ['de', 'USA verlängern befristete Lizenz für Geschäfte mit Huawei', 'Das Handelsministerium gewährt US-Firmen weitere 90 Tage.', 'lifted'],
  ['es', 'EE.UU. prorroga la licencia temporal para negociar con Huawei', 'El Departamento de Comercio amplió el plazo 90 días.', 'lifted'],
  ['fr', 'Washington prolonge la licence temporaire accordée aux partenaires de Huawei', 'Le département du Commerce accorde 90 jours de plus.', 'lifted'],
  ['pt', 'EUA prorrogam licença temporária para negócios com a Huawei', 'O Departamento de Comércio estendeu o prazo por 90 dias.', 'lifted'],
  ['pl', 'USA przedłużają tymczasową licencję na handel z Huawei', 'Departament Handlu dał firmom kolejne 90 dni.', 'lifted'],
];

describe('r25 wording', () => {
  it.each(STAGES)('[%s] "%s" is %s', (language, title, summary, stage) => expectReads(classify, language, title, summary, { stage }));
  it.each(NOT_MEASURES)('[%s] "%s" is not a measure', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(false);
  });
  it.each(BAN_ANGLICISMS)('[%s] "%s" reports a ban', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(true);
  });
  it.each(COUNTRIES)('[%s] "%s" is by %j', (language, title, summary, countries) => expectReads(classify, language, title, summary, { countries }));
});
