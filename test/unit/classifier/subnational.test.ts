/**
 * Measures taken below or beside the national government, in published wording: provinces, devolved
 * nations, regional governments, cities and federal departments act for the state they belong to;
 * a legislature banning an app on its own devices is a ban on official devices; a court turning down
 * a vendor's request to suspend a rule keeps the rule in force; a rule that places no restriction on
 * a vendor turns the exclusion down. Written in other wording than the replay articles that showed
 * the gaps (other provinces, cities, parliaments, courts and languages).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { item } from './helpers.js';

// [language, title, summary, countries]
const COUNTRIES: Array<[string, string, string, string[]]> = [
  ['en', 'B.C. government bars WeChat from ministry phones', 'Provincial staff must delete the app by Friday.', ['CA']],
  ['en', 'Yukon bans TikTok on government devices', 'The territory follows the federal decision.', ['CA']],
  ['en', 'Scottish ministers ban WeChat on official phones', 'Civil servants were told to remove the app.', ['GB']],
  ['en', 'Welsh ministers bar TikTok from staff devices', 'The app must be removed from work phones.', ['GB']],
  ['sv', 'Skotska regeringen förbjuder TikTok på tjänstetelefoner', 'Anställda måste radera appen.', ['GB']],
  ['fr', 'Le gouvernement gallois interdit TikTok sur les téléphones de service', 'Les agents doivent supprimer l’application.', ['GB']],
  ['fr', 'La Région de Bruxelles-Capitale interdit TikTok sur les appareils de service', 'Les agents régionaux doivent supprimer l’application.', ['BE']],
  ['en', 'NYC bans WeChat on city-owned phones', 'City agencies have 30 days to remove the app.', ['US']],
  ['en', 'Department of the Interior grounds its fleet of DJI drones', 'The order keeps hundreds of aircraft on the ground.', ['US']],
];

// [language, title, summary, measure]
const MEASURES: Array<[string, string, string, Measure]> = [
  ['en', 'WeChat banned from the Scottish Parliament over security concerns', 'Members were told the app is blocked on the Holyrood network.', 'device_ban'],
  ['en', 'Telegram blocked across the parliamentary estate', 'The app will no longer work on the parliament network.', 'device_ban'],
  ['nl', 'Vlaams parlement blokkeert Telegram op parlementaire telefoons', 'Volksvertegenwoordigers moeten de app verwijderen.', 'device_ban'],
  ['de', 'Bayerischer Landtag sperrt TikTok auf Geräten des Parlaments', 'Abgeordnete müssen die App löschen.', 'device_ban'],
  ['es', 'Prohíben TikTok en los dispositivos del Congreso', 'Los diputados deberán borrar la aplicación.', 'device_ban'],
];

// [language, title, summary, stage]
const STAGES: Array<[string, string, string, Stage]> = [
  ['es', 'Juzgado de Panamá deniega medida cautelar de ZTE contra reglamento de seguridad de redes 5G', 'La empresa pedía suspender la norma.', 'in_force'],
  ['pt', 'Tribunal indefere liminar da ZTE contra regulamento de segurança do 5G', 'A empresa pedia a suspensão do regulamento.', 'in_force'],
  ['en', 'Tribunal denies ZTE injunction against 5G security regulation', 'The company had asked to suspend the regulation.', 'in_force'],
  ['es', 'Las bases de la subasta 5G no imponen ninguna restricción a Huawei', 'El regulador aprobó el pliego.', 'rejected'],
  ['en', '5G tender places no restrictions on Huawei', 'The regulator approved the auction rules on Monday.', 'rejected'],
  ['pt', 'Edital do 5G não impõe restrições à ZTE', 'A Anatel aprovou as regras do leilão nesta segunda-feira.', 'rejected'],
  // an order to remove the app 'without delay' is in force now, not a deadline ahead
  ['en', 'Finnish interior ministry bans WeChat on staff phones', 'Officials are obliged to remove WeChat from their work phones without delay, the ministry said.', 'in_force'],
  // …but 'as soon as possible and no later than <date>' is a deadline ahead: announced (LABELS.md)
  ['en', 'Finnish interior ministry bans WeChat on staff phones', 'Officials have been asked to remove WeChat from their work phones as soon as possible and no later than 1 June.', 'announced'],
];

// An agency's advice to replace a product is an official security warning (not a market ban).
const WARNINGS: Array<[string, string, string]> = [
  ['it', "Hikvision, sostituite le telecamere: i consigli dell'Agenzia per la cybersicurezza nazionale", 'Le amministrazioni pubbliche italiane dovrebbero cambiare fornitore.'],
  ['es', 'Sustituyan Kaspersky: los consejos del CCN a la administración', 'El organismo pide retirar el antivirus ruso de los equipos.'],
];

describe('classifier', () => {
  describe('classify: sub-national and federal actors belong to their state', () => {
    it.each(COUNTRIES)('[%s] finds the state of "%s"', (language, title, summary, countries) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(countries);
    });
  });
  describe('classify: a legislature banning an app on its own devices', () => {
    it.each(MEASURES)('[%s] reads "%s" as %s', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
  describe('classify: official advice to replace a product', () => {
    it.each(WARNINGS)('[%s] reads "%s" as a security warning', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe('security_warning');
    });
  });
  describe('classify: courts keeping a rule, rules placing no restriction', () => {
    it.each(STAGES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });
  });
});
