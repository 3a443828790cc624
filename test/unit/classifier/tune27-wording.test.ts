import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { expectReads, item } from './helpers.js';

describe('classifier', () => {
  // tune27: a plan or a possibility that only the press or unnamed sources report is proposed (ko
  // 할 계획이라고 …보도했다, zh 被曝/据传…可能/或将, not "the final decision" when it is not yet made);
  // a ban reported to apply from a later date in reported speech (de "vom … an ausgeschlossen werde")
  // is announced whatever the headline's present tense; a parliament resolution calling on the
  // government or the institutions to act, or what a parliament wants, is proposed.
  describe('classify: reported plans, later starts, parliaments calling on', () => {
    it.each([
      ['ko', '미국, 중국 드론업체 DJI 제재 나선다', '미국 정부가 중국 드론업체 DJI를 블랙리스트에 올릴 계획이라고 블룸버그통신이 보도했다.', 'proposed'],
      ['ko', '일본, 정부 조달서 화웨이 배제', '일본 정부가 정부 조달에서 화웨이 제품을 배제할 방침인 것으로 알려졌다.', 'proposed'],
      ['zh', '被曝可能遭美国制裁 大疆回应', '', 'proposed'],
      ['zh', '大华恐遭美国列入实体清单', '彭博社报道,美国商务部可能再将几家中国监控企业列入出口管制名单。', 'proposed'],
      ['zh', '美国据传或将制裁大华股份', '知情人士透露,美国财政部正在研究相关措施,但最终决定尚未做出。', 'proposed'],
      ['ja', '米、DJIを制裁リストに追加か', '米政府が中国のドローン大手DJIを制裁リストに加える計画だとブルームバーグ通信が報じた。', 'proposed'],
      ['de', 'Schweden verbannt Huawei aus dem 5G-Netz', 'Die Regulierungsbehörde teilte mit, dass Huawei-Ausrüstung vom 1. Januar an in neuen Netzen ausgeschlossen werde.', 'announced'],
      ['de', 'Kommt das TikTok-Verbot für Behörden?', 'Jedenfalls wenn es nach dem Bundestag geht, soll TikTok von den Diensthandys der Bundesbehörden verschwinden.', 'proposed'],
      ['en', 'European Parliament urges Commission to exclude ZTE from networks', 'The resolution, adopted by 450 votes, calls on member states to stop buying ZTE equipment.', 'proposed'],
      ['ru', 'Госдума призвала правительство запретить TikTok в госучреждениях', 'Депутаты приняли обращение к кабинету министров.', 'proposed'],
    ])('[%s] reads "%s" as %s', (language, title, summary, stage) => {
      expectReads(classify, language, title, summary, { stage });
    });
  });

  // tune27: a country glued to "-based"/"-made" names where apps or products come from, not the state
  // acting; "la Chambre"/"de Kamer" in a Belga report is the Belgian Chamber, blocking an app on its own
  // network and devices (a device ban).
  describe('classify: origin compounds and the Belgian Chamber', () => {
    it.each([
      ['en', 'Governor bans Russia-based apps on state phones', 'The governor signed an executive order barring Kaspersky and other Russia-based software from state networks.', ['US'], 'device_ban'],
      ['fr', 'La Chambre bloque TikTok sur ses ordinateurs', 'La Chambre a interdit l’application sur son réseau et ses ordinateurs, indique l’agence Belga.', ['BE'], 'device_ban'],
      ['nl', 'Kamer weert TikTok van haar toestellen', 'De Kamer van volksvertegenwoordigers blokkeert TikTok op haar wifi en toestellen, meldt Belga.', ['BE'], 'device_ban'],
    ])('[%s] reads "%s" as %j %s', (language, title, summary, countries, measure) => {
      expectReads(classify, language, title, summary, { countries, measure });
    });
    it('does not make the apps\' origin the actor of a headline alone', () => {
      const c = classify(item('en', 'Governor issues order banning TikTok and other China-/Russia-based apps on state devices', ''));
      expect(c.relevant).toBe(true);
      expect(c.countries).not.toContain('RU');
    });
  });
});
