import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Stage } from '../../../lambdas/core/model.js';
import { item } from './helpers.js';

// [language, title, summary, expected stage]
const STAGE_CASES: Array<[string, string, string, Stage]> = [
  // modality: considered, drafted, bill → proposed
  ['en', 'Netherlands considers banning Hikvision cameras in ministries', 'A decision is expected after a risk assessment.', 'proposed'],
  ['en', 'Senator introduces bill to ban TikTok nationwide', 'The bill would need to pass both chambers.', 'proposed'],
  ['en', 'FCC proposes to prohibit authorization of Huawei equipment', 'The notice seeks comment on the proposed rules.', 'proposed'],
  // decided, future effect → announced
  ['en', 'Canada to ban Huawei and ZTE from 5G networks', 'Operators will have to remove existing gear by June 2024.', 'announced'],
  ['en', 'Commerce bans Kaspersky software sales from July 20', 'The department will prohibit sales starting July 20.', 'announced'],
  // in force
  ['en', 'TikTok banned on government devices with immediate effect', 'The ban applies immediately to government phones.', 'in_force'],
  ['en', 'Governor signs statewide TikTok ban into law', 'The law bars app stores from offering TikTok and is due to take effect in January.', 'in_force'],
  ['en', 'NÚKIB issues warning against Huawei and ZTE', 'The agency today issued a warning against the use of Huawei and ZTE software.', 'in_force'],
  // lifted: reversed, struck down, court blocks
  ['en', 'Russia lifts ban on Telegram', 'The regulator said it was dropping its attempt to block the app.', 'lifted'],
  ['en', 'Judge blocks Montana\'s TikTok ban before it takes effect', 'A preliminary injunction stops the state from enforcing the ban.', 'lifted'],
  // negation: decides not to → rejected
  ['en', 'Australia will not ban TikTok, prime minister says', 'There was no case for banning the app at this stage.', 'rejected'],
  ['en', 'EU rejects calls for Huawei ban', 'The Commission resisted US pressure to exclude Huawei from 5G networks.', 'rejected'],
  ['fr', 'Le gouvernement envisage d\'exclure les drones DJI des marchés publics', 'Un projet de circulaire est à l\'étude.', 'proposed'],
  ['fr', 'La Suède exclura Huawei et ZTE de la 5G', 'Les équipements devront être retirés d\'ici au 1er janvier 2025.', 'announced'],
  ['fr', 'La France renonce à interdire Huawei', 'Le gouvernement ne va pas interdire l\'équipementier, a indiqué le ministre.', 'rejected'],
  ['de', 'Bundestag berät über Verbot von Huawei-Komponenten', 'Ein Gesetzentwurf könnte den Einbau untersagen.', 'proposed'],
  ['de', 'Dänemark verbietet TikTok auf Diensthandys', 'Das Verbot gilt ab sofort.', 'in_force'],
  ['de', 'USA heben Exportverbot gegen ZTE auf', 'Das Handelsministerium hat das Verbot aufgehoben.', 'lifted'],
  ['es', 'México descarta vetar a Huawei en su red 5G', 'El Gobierno no vetará a la empresa, dijo el subsecretario.', 'rejected'],
  ['es', 'El Ministerio de Defensa prohíbe TikTok en los móviles oficiales', 'La prohibición tiene efecto inmediato.', 'in_force'],
  ['it', 'Il governo valuta il divieto delle telecamere Hikvision negli uffici pubblici', 'Un decreto potrebbe arrivare nelle prossime settimane.', 'proposed'],
  ['it', 'Il Parlamento europeo vieterà TikTok sui dispositivi di servizio', 'Il divieto scatterà a partire dal 20 marzo.', 'announced'],
  ['pt', 'STF revoga bloqueio do Telegram', 'O ministro revogou a decisão que determinava o bloqueio.', 'lifted'],
  ['pt', 'Juiz determina suspensão do Telegram no Brasil', 'A suspensão é imediata.', 'in_force'],
  ['ja', '米下院、TikTok禁止法案を可決', '上院での審議は不透明だ。', 'proposed'],
  ['ja', 'ドイツ政府、ファーウェイ排除を見送り', '一律に排除することを見送る方針を決めた。', 'rejected'],
  ['zh', '美国商务部解除对中兴的出口禁令', '美国企业可以恢复向中兴出售零部件。', 'lifted'],
  ['zh', '英国政府决定2027年前将华为设备移出5G网络', '运营商须在2027年前移除华为设备。', 'announced'],
  ['ko', '미 하원, 틱톡 금지 법안 통과', '법안은 상원 표결을 거쳐야 한다.', 'proposed'],
  ['ko', '정부 "틱톡 금지 검토 안 해"', '정부는 틱톡을 금지할 계획이 없다고 밝혔다.', 'rejected'],
];

describe('classifier', () => {
  describe('classify: stages', () => {
    it.each(STAGE_CASES)('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });

    it('treats an issued official warning as in force even when its text sounds like a decision', () => {
      const c = classify(item('en', 'Agency decides to warn against DeepSeek', 'The national cyber agency issued a warning against DeepSeek products.'));
      expect(c).toMatchObject({ relevant: true, measure: 'security_warning', stage: 'in_force' });
    });
  });
});
