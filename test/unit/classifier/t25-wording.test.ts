/**
 * tune25: general misses noted on tune items, written here in other words. A revocation or ban said
 * to be imminent (ko 취소/퇴출 임박) is proposed; laying the ground or legal basis to ban (ko 금지할
 * 발판/근거 마련) is announced, not in force. State bodies or institutions obliged to drop a product
 * (ru госструктуры, uk держструктури) are an official scope: device ban, not a market ban. Another
 * country's chamber (Brazilian Congress, Senado mexicano, Senato francese) is that country's, not the
 * US's. A government that joins others in banning (en joins … in banning, es se suma a … al prohibir,
 * fr rejoint … en interdisant) has acted: in force. Each row failed before these rules.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { expectReads, item } from './helpers.js';

const STAGES: Array<[string, string, string, Stage]> = [
  ['ko', '美 FCC, 차이나유니콤 영업면허 취소 임박', '연방통신위원회가 차이나유니콤의 미국 내 영업 허가를 박탈하는 절차를 밟고 있다.', 'proposed'],
  ['ko', '미국서 틱톡 퇴출 임박…바이트댄스 긴장', '미국 정부가 틱톡을 앱스토어에서 퇴출하는 절차에 들어갔다.', 'proposed'],
  ['ko', '스웨덴, 화웨이 5G 장비 배제할 법적 근거 마련', '스웨덴 정부가 화웨이 장비를 통신망에서 배제할 수 있는 근거를 마련했다.', 'announced'],
  ['ko', '체코, 중국산 통신장비 퇴출할 발판 마련', '체코 의회가 화웨이 장비를 퇴출할 수 있는 길을 열었다.', 'announced'],
  // joining others in banning is an act, whatever "has decided to" the lead says
  ['en', 'Montana joined other states in prohibiting TikTok on state devices', 'The state has decided to prohibit the app, the governor announced.', 'in_force'],
  ['es', 'Texas se suma a otros estados al prohibir TikTok en dispositivos oficiales', 'El gobernador firmó la orden que ha decidido prohibir la aplicación.', 'in_force'],
  ['fr', 'Le Québec rejoint Ottawa en interdisant TikTok sur les appareils gouvernementaux', 'Le gouvernement a décidé d’interdire l’application.', 'in_force'],
];

const MEASURES: Array<[string, string, string, Measure]> = [
  ['ru', 'Госструктуры Эстонии обязали удалить TikTok', 'Правительство сочло приложение угрозой безопасности.', 'device_ban'],
  ['ru', 'Государственным структурам Латвии запретили пользоваться Telegram', 'Решение принято по соображениям безопасности.', 'device_ban'],
  ['uk', 'Держструктури Литви зобов’язали відмовитися від антивірусу Kaspersky', 'Уряд вважає продукцію загрозою безпеці.', 'device_ban'],
];

const COUNTRIES: Array<[string, string, string, string]> = [
  ['en', 'Brazilian Congress moves to ban TikTok', 'Lawmakers in Brasilia voted on the measure on Tuesday.', 'BR'],
  ['en', 'Peruvian Congress approves bill banning Huawei from 5G networks', '', 'PE'],
  ['es', 'El Senado mexicano aprueba prohibir TikTok en dispositivos oficiales', '', 'MX'],
  ['es', 'El Senado chileno vota vetar a Huawei de la red 5G', '', 'CL'],
  ['it', 'Il Senato francese approva il divieto di TikTok sui telefoni dei funzionari', '', 'FR'],
];

describe('classifier: tune25 wording', () => {
  it.each(STAGES)('[%s] "%s" reads as %s', (language, title, summary, stage) => expectReads(classify, language, title, summary, { stage }));
  it.each(MEASURES)('[%s] "%s" reads as %s', (language, title, summary, measure) => expectReads(classify, language, title, summary, { measure }));
  it.each(COUNTRIES)('[%s] "%s" is %s', (language, title, summary, country) => expectReads(classify, language, title, summary, { countries: [country] }));
  // guard: set to join others in banning stays a plan
  it('[en] a state set to join others in banning is announced', () => {
    const c = classify(item('en', 'Ohio set to join neighbours in banning TikTok on state devices', ''));
    expect(c.stage).toBe('announced');
  });
  // guards: the US chamber bare or named as American stays the US's
  it.each([
    ['en', 'Congress passes bill to ban TikTok on government phones', ''],
    ['en', 'US Senate votes to ban TikTok from federal devices', ''],
  ])('[%s] "%s" stays US', (language, title, summary) => {
    const c = classify(item(language, title, summary));
    expect(c.countries).toEqual(['US']);
  });
});
