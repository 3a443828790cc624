/**
 * Wording seen in the r22 batch of published articles (en/es/de/fr/it/pt), written here in other words:
 * a decision not to act ("decidiu não banir", "pas de bannissement"), a lifting told by a participle
 * after the measure ("l'interdiction … levée", "il divieto … è stato revocato"), an export licence
 * granted ("autorise l'exportation"), a court stay won by the vendor, a plan with a start date,
 * "not yet excluded" status reports, the vendor calling a measure harmful or unfair, a senate's demand,
 * "pone il veto", "no more X on official phones", state procurement and work phones, pressure on allies.
 * Each row failed before these rules.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { expectReads, item } from './helpers.js';

// [language, title, summary, stage]
const STAGES: Array<[string, string, string, Stage]> = [
  ['pt', 'Governo decidiu não banir a ZTE das redes 5G', 'O executivo optou por não excluir o fornecedor chinês, disse o ministro.', 'rejected'],
  ['es', 'El Gobierno decidió no vetar a ZTE en las redes 5G', 'El ministerio descartó medidas contra el fabricante chino.', 'rejected'],
  ['fr', 'La Belgique a décidé de ne pas exclure ZTE de la 5G', 'Le gouvernement fédéral a tranché après un avis des services de renseignement.', 'rejected'],
  ['fr', 'Pas de bannissement de ZTE des réseaux belges', 'Le ministre a expliqué que les opérateurs pourront garder leurs équipements.', 'rejected'],
  ['fr', 'Kenya : l\'interdiction de Telegram levée après les examens', 'Les autorités ont annoncé mercredi la fin de la mesure prise pendant les épreuves.', 'lifted'],
  ['es', 'La prohibición de TikTok en Nepal fue levantada', 'El gobierno nepalí anunció el fin de la medida tras nueve meses.', 'lifted'],
  ['it', 'Il divieto su DeepSeek in Corea del Sud è stato revocato', 'Il ministero ha comunicato la decisione dopo una verifica.', 'lifted'],
  ['pt', 'A proibição do Telegram em Angola foi revogada', 'O regulador informou a decisão nesta segunda-feira.', 'lifted'],
  ['fr', 'Washington autorise l\'exportation de puces Nvidia vers les Émirats', 'Le département du Commerce a accordé les premières licences.', 'lifted'],
  ['it', 'Gli Usa autorizzano l\'esportazione dei chip Nvidia in Arabia Saudita', 'Il dipartimento del Commercio ha concesso le licenze.', 'lifted'],
  ['es', 'EE.UU. autoriza la exportación de chips de Nvidia a Emiratos', 'El Departamento de Comercio concedió las primeras licencias.', 'lifted'],
  ['en', 'ZTE wins stay against Swedish exclusion order', 'The administrative court paused the regulator\'s conditions pending a full hearing.', 'lifted'],
  ['de', 'Das geplante Verbot von Hikvision-Kameras ab 2026 ist umstritten', 'Das Ministerium plant, den Einsatz ab dem 1. Juli 2026 zu untersagen.', 'proposed'],
  // a step that opens the way to a ban is not the ban yet
  ['es', 'Informe del regulador abre el camino a la exclusión de ZTE en Chile', 'El consejo de ciberseguridad aprobó criterios de alto riesgo para las redes 5G.', 'proposed'],
  ['it', 'Il parere dell\'Agenzia apre la strada all\'esclusione di ZTE dal 5G', 'Il comitato ha approvato i criteri di rischio per le reti.', 'proposed'],
  ['fr', 'Un avis de l\'Anssi ouvre la voie à l\'exclusion de ZTE en Belgique', 'Le comité a adopté des critères de risque pour les réseaux 5G.', 'proposed'],
  ['pt', 'Parecer do regulador abre caminho ao banimento da ZTE em Angola', 'O conselho aprovou critérios de risco para as redes 5G.', 'proposed'],
  ['en', 'Security review paves the way for exclusion of ZTE from Danish 5G', 'The council adopted risk criteria for mobile networks.', 'proposed'],
];

// [language, title, summary, relevant]
const RELEVANCE: Array<[string, string, string, boolean]> = [
  ['pt', 'Espanha ainda não baniu a Huawei das redes 5G', 'O governo espanhol ainda não decidiu sobre os fornecedores de alto risco.', false],
  ['it', 'La Spagna non ha ancora escluso Huawei dalla rete 5G', 'Gli operatori attendono ancora una decisione del governo.', false],
  ['de', 'Huawei ist in Österreich bislang nicht ausgeschlossen', 'Die Regierung prüft die Lage weiter, heißt es aus dem Ministerium.', false],
  ['es', 'ZTE asegura que la prohibición de Suecia solo perjudicará a los suecos', 'La empresa china afirmó que la decisión de prohibir sus equipos en las redes 5G perjudicará a los operadores.', false],
  ['pt', 'Huawei diz que proibição dos EUA só vai prejudicar os americanos', 'A empresa afirmou que a decisão de Washington de banir seus equipamentos prejudica os consumidores.', false],
  ['en', 'Hikvision says UK ban on its cameras will only hurt British councils', 'The company said the government\'s decision to bar its cameras from sensitive sites was political.', false],
  ['es', 'ZTE calificó de arbitraria la prohibición de Suecia', 'El regulador sueco vetó sus equipos en la red 5G.', false],
  ['fr', 'Le Sénat demande l\'interdiction de Temu', 'Les sénateurs veulent que le gouvernement agisse vite.', false],
  ['it', 'Palazzo Chigi mette il veto all\'accordo tra Wind Tre e ZTE', 'L\'esecutivo ha chiesto di diversificare i fornitori.', true],
  ['fr', 'Le gouvernement oppose son veto au contrat de Huawei avec SFR', 'La décision a été prise en conseil de défense.', true],
  // pressure on other governments to ban is not a measure
  ['pt', 'EUA pressionam aliados europeus para banir a ZTE', 'Washington quer que os governos retirem os equipamentos chineses das redes.', false],
  ['es', 'Washington presiona a sus socios europeos para vetar a ZTE', 'La Casa Blanca quiere que los gobiernos retiren los equipos chinos.', false],
  ['it', 'Gli Usa pressano gli alleati europei per escludere ZTE', 'Washington vuole che i governi rimuovano gli apparati cinesi.', false],
  ['de', 'USA drängen Verbündete, ZTE auszuschließen', 'Washington will, dass die Regierungen chinesische Technik entfernen.', false],
  ['en', 'US pressures European allies to ban ZTE gear', 'Washington wants governments to strip Chinese equipment from networks.', false],
];

// [language, title, summary, measure]
const MEASURES: Array<[string, string, string, Measure]> = [
  ['it', 'Niente più WeChat sui telefoni dei ministri', 'Il governo ha deciso di rimuovere l\'app dai dispositivi di servizio.', 'device_ban'],
  ['es', 'No más TikTok en los móviles de los funcionarios de Lima', 'La municipalidad ordenó borrar la aplicación.', 'device_ban'],
  ['pt', 'Nada de TikTok nos celulares dos servidores paulistas', 'O governo estadual determinou a remoção do aplicativo.', 'device_ban'],
  ['fr', 'Pas de TikTok sur les téléphones des agents de la région', 'Le conseil régional a adopté la mesure jeudi.', 'device_ban'],
  ['de', 'Kein WeChat mehr auf Diensthandys in Bayern', 'Die Staatsregierung hat entschieden.', 'device_ban'],
  ['en', 'No more TikTok on state phones, governor orders', 'The order takes effect immediately for all agencies.', 'device_ban'],
  ['pt', 'Portugal proíbe TikTok nos telefones de serviço', 'A medida aplica-se a todos os ministérios.', 'device_ban'],
];

// [language, title, summary, acting countries]: the country a vendor may sell or ship to does not act
const COUNTRIES: Array<[string, string, string, string[]]> = [
  ['fr', 'Nvidia autorisé à livrer ses puces H20 à la Chine', 'Le département américain du Commerce a levé l\'interdiction en juillet.', ['US']],
  ['fr', 'Interdiction pour Nvidia d\'exporter ses puces H20 à la Chine', 'Le département américain du Commerce exige désormais une licence.', ['US']],
];

describe('r22 wording', () => {
  it.each(COUNTRIES)('[%s] "%s" is acted on by %j', (language, title, summary, countries) => expectReads(classify, language, title, summary, { countries }));
  it.each(STAGES)('[%s] "%s" is %s', (language, title, summary, stage) => expectReads(classify, language, title, summary, { stage }));
  it.each(RELEVANCE)('[%s] "%s" relevant: %s', (language, title, summary, relevant) => {
    expect(classify(item(language, title, summary)).relevant).toBe(relevant);
  });
  it.each(MEASURES)('[%s] "%s" is a %s', (language, title, summary, measure) => expectReads(classify, language, title, summary, { measure }));
});
