/**
 * Wording seen in the r23 batch of published articles (en/de/fr/es/it/nl/pl/pt), written here in other
 * words: official devices named with an adjective in between ("dispositivos electrónicos oficiales"),
 * "Regierungshandys", government computers in Dutch, staff ordered to delete an app, a phase-out
 * ("uitfaseren"), a vendor winning a court stay ("klagt erfolgreich", "obtient la suspension"), a
 * top court rejecting operators' requests against a law, an order to cease operations, a company
 * dismissing allegations (not staff), lawmakers wanting a ban (pl), carriers' own choice "although the
 * government does not ban" (pt), suppliers sharing their response to a listing, a question headline
 * whose text says an agency is studying a ban (fr), an advisory council recommending removal (pl).
 * Each row failed before these rules.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { expectReads, item } from './helpers.js';

// [language, title, summary, stage]
const STAGES: Array<[string, string, string, Stage]> = [
  ['de', 'ZTE klagt erfolgreich gegen Verbot in Litauen', 'Das Verwaltungsgericht in Vilnius setzte die Anordnung der Behörde vorläufig aus.', 'lifted'],
  ['de', 'ZTE setzt sich vor Gericht gegen Ausschluss in Dänemark durch', 'Die Richter stoppten die Vorgaben des Regulierers bis zur Hauptverhandlung.', 'lifted'],
  ['fr', 'ZTE obtient la suspension de son exclusion au Danemark', 'Le tribunal administratif a gelé la décision du régulateur en attendant le fond.', 'lifted'],
  ['es', 'ZTE logra la suspensión cautelar de su exclusión en Chile', 'El tribunal paralizó la decisión del regulador hasta el juicio.', 'lifted'],
  ['pt', 'ZTE consegue suspensão da exclusão em Angola', 'O tribunal travou a decisão do regulador até ao julgamento.', 'lifted'],
  ['it', 'ZTE ottiene la sospensiva contro l\'esclusione in Belgio', 'Il tribunale ha congelato la decisione del regolatore.', 'lifted'],
  ['de', 'Dänemark: ZTE-Eilantrag erzwingt Aussetzung der Frequenzvergabe', 'Das Gericht setzte die Auflagen des Regulierers gegen ZTE vorläufig aus.', 'lifted'],
  ['fr', 'Le Conseil d\'État rejette les demandes des opérateurs contre la loi anti-ZTE', 'Bouygues et SFR voulaient faire annuler les décrets d\'application.', 'in_force'],
  ['fr', 'Bientôt la fin de ZTE en Suisse ?', 'L\'Office fédéral de la communication étudie la possibilité de bannir ZTE des réseaux mobiles.', 'proposed'],
  ['pl', 'Rada rekomenduje urzędnikom usunięcie WeChat z telefonów służbowych', 'Zalecenie trafi teraz do premiera.', 'proposed'],
];

// [language, title, summary, relevant]
const RELEVANCE: Array<[string, string, string, boolean]> = [
  ['nl', 'Rijk faseert software van Kaspersky uit', 'Het kabinet heeft besloten de antivirusprogramma\'s uit de systemen te halen.', true],
  ['nl', 'Kabinet doet Chinese camera\'s van Dahua in de ban', '', true],
  ['de', 'Neuseeland wirft WeChat von Diensthandys', '', true],
  ['de', 'Australien ordnet an, dass ByteDance seinen Betrieb im Land wegen der Risiken für die nationale Sicherheit des Landes einstellt', '', true],
  ['pt', 'Governo angolano aprova limites à ZTE', '', true],
  ['es', 'El Gobierno chileno aprueba límites a ZTE', '', true],
  ['pt', 'Ministro: ZTE não está apta para participar da rede segura do governo', '', true],
  ['es', 'Ministro: ZTE no está habilitada para participar en la red del gobierno', '', true],
  ['fr', 'Ministre : ZTE n\'est pas autorisée à participer au réseau de l\'État', '', true],
  ['pt', 'Chinesa ZTE está fora de rede do governo, diz ministro', '', true],
  ['de', 'Australien ordnet an, dass ByteDance seinen Betrieb im Land einstellt', 'Die Regierung begründet die Anordnung mit Risiken für die nationale Sicherheit.', true],
  ['en', 'Throw away Xiaomi handsets, Estonian cyber agency says; firm dismisses claims', 'The agency told consumers to get rid of the devices and not to buy new ones.', true],
  ['pl', 'Posłowie chcą, by zakazano sprzedaży kamer Dahua', 'Apel parlamentarzystów trafił do ministra cyfryzacji.', false],
  ['fr', '5G en Suisse – Swisscom et Sunrise vont remplacer ZTE par Ericsson', 'Les deux opérateurs vont retirer progressivement les équipements du chinois ZTE, selon Reuters.', false],
  ['es', '5G en Chile: Entel y Movistar van a sustituir a ZTE por Nokia', 'Las operadoras retirarán los equipos del fabricante chino de sus redes, según Reuters.', false],
  ['en', 'What Hikvision Being Put on the Covered List Means for Your Cameras', 'With Hikvision now formally on the FCC\'s Covered List, many installers wonder what comes next.', false],
  ['de', 'Dahua-Verbot könnte für Kommunen teuer werden', 'Sollten die Kameras in Deutschland verboten werden, müssten tausende Geräte ersetzt werden.', false],
  ['pt', 'Operadoras de Angola não vão usar ZTE no núcleo do 5G', 'A decisão é das empresas, apesar de o governo não proibir o fornecedor chinês.', false],
  ['en', 'Micron and Intel share response on blacklisting of Inspur', 'Chipmakers are trying to assess whether they must halt sales to Inspur units after its addition to a U.S. export blacklist last week.', false],
];

// [language, title, summary, measure]
const MEASURES: Array<[string, string, string, Measure]> = [
  ['es', 'Chile ordena a sus funcionarios borrar TikTok', 'Los empleados tienen una semana para eliminar la app de los dispositivos electrónicos oficiales.', 'device_ban'],
  ['de', 'Irland verbannt TikTok von Regierungshandys', 'Die Maßnahme gilt ab sofort, teilte das Ministerium mit.', 'device_ban'],
  ['nl', 'Kabinet verbiedt Telegram op overheidscomputers', 'Het verbod geldt per direct.', 'device_ban'],
  ['es', 'Eslovaquia prohíbe WeChat en las instituciones gubernamentales', 'El gobierno adoptó la medida por motivos de seguridad.', 'device_ban'],
  ['pt', 'Eslováquia proíbe WeChat nas instituições governamentais', 'O governo adotou a medida por razões de segurança.', 'device_ban'],
  ['fr', 'La Slovaquie interdit WeChat dans les institutions gouvernementales', 'Le gouvernement a adopté la mesure pour des raisons de sécurité.', 'device_ban'],
  ['es', 'El gobierno de Perú dio una semana para retirar WeChat', 'El Ejecutivo comunicó a sus empleados la prohibición de usar la aplicación.', 'device_ban'],
  ['nl', 'Rijk faseert software van Kaspersky uit', 'Het kabinet heeft besloten de antivirusprogramma\'s uit de systemen te halen.', 'procurement_exclusion'],
  ['de', 'Japan verhängt Ausfuhrbeschränkungen gegen YMTC', 'Das Handelsministerium begründete den Schritt mit der nationalen Sicherheit.', 'export_control'],
];

describe('r23 wording', () => {
  it.each(STAGES)('[%s] "%s" is %s', (language, title, summary, stage) => expectReads(classify, language, title, summary, { stage }));
  it.each(RELEVANCE)('[%s] "%s" relevant: %s', (language, title, summary, relevant) => {
    expect(classify(item(language, title, summary)).relevant).toBe(relevant);
  });
  it.each(MEASURES)('[%s] "%s" is a %s', (language, title, summary, measure) => expectReads(classify, language, title, summary, { measure }));
});
