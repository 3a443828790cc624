/**
 * Wording of the sixteenth replay collection's misses, written in other words: a government letting a
 * vendor it was expected to exclude take part ("gets the nod", "given the go-ahead"), a state
 * institution blocking an app on its own campus network, and near-misses that are no measure.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { item } from './helpers.js';

// [language, title, summary, countries, measure, stage]
const MEASURES: Array<[string, string, string, string[], Measure, Stage]> = [
  // a government allowing a vendor into 5G trials or a rollout decides not to exclude it (LABELS.md: rejected)
  ['en', 'Malaysian government gives ZTE the nod to join 5G trials', 'The communications ministry said the Chinese vendor may take part alongside Ericsson and Nokia.', ['MY'], 'network_exclusion', 'rejected'],
  ['en', 'Huawei receives regulator approval to take part in Brazil 5G auction', 'Brazil had been under US pressure to keep the Chinese firm out.', ['BR'], 'network_exclusion', 'rejected'],
  ['en', 'Brazil clears Huawei for 5G network rollout', 'The government resisted calls to exclude the Chinese vendor.', ['BR'], 'network_exclusion', 'rejected'],
  ['en', 'Huawei Approved To Join Vietnam 5G Trials', 'The ministry confirmed the list of vendors on Monday.', ['VN'], 'network_exclusion', 'rejected'],
  ['en', 'Indonesia grants Huawei the go-ahead to participate in 5G tests', 'Operators may use the Chinese vendor in their trials.', ['ID'], 'network_exclusion', 'rejected'],
  // "telecom players" are no sport
  ['en', 'Malaysia lets all telecom players, Huawei included, take part in 5G trials', 'The government has allowed Huawei to participate in trials for 5G networks.', ['MY'], 'network_exclusion', 'rejected'],
  // a state university or school blocking an app on its own Wi-Fi, network or devices is a device ban
  ['en', 'University of Oklahoma blocks TikTok on campus internet', 'The app can no longer be reached from university-owned computers or the school network.', ['US'], 'device_ban', 'in_force'],
  ['en', 'Oklahoma universities ban TikTok from their Wi-Fi', 'The ban covers the school Wi-Fi and devices issued by the university.', ['US'], 'device_ban', 'in_force'],
  ['es', 'Universidades de Texas bloquean TikTok', 'La Universidad de Texas bloqueó el acceso a TikTok en la red wifi de la universidad.', ['US'], 'device_ban', 'in_force'],
  ['fr', 'Les universités du Texas bloquent TikTok', 'L\'application n\'est plus accessible sur le wifi du campus.', ['US'], 'device_ban', 'in_force'],
  // a ban put off lifts it for now, in either word order (as en.stage.lifted.enforcement-delayed: "US delays
  // TikTok ban by a week" is lifted); a vendor threatened by a ban that "obtains a reprieve" too
  ['en', 'Government\'s WeChat ban postponed by ten days', 'The Commerce Department said the prohibitions will now start on October 1.', ['US'], 'market_ban', 'lifted'],
  ['zh', '美国商务部推迟微信禁令一周', '美国商务部周六宣布。', ['US'], 'market_ban', 'lifted'],
  ['fr', 'Visée par une interdiction aux États-Unis, WeChat obtient un nouveau répit', 'L\'application de messagerie a gagné un sursis lundi.', ['US'], 'market_ban', 'lifted'],
  // a court blocking or halting a ban lifts it (LABELS.md), in Norwegian, Swedish and Danish
  ['no', 'Dommer stanset forbudet mot WeChat i USA', 'En føderal dommer i California stanset mandag regjeringens forbud mot appen.', ['US'], 'market_ban', 'lifted'],
  ['sv', 'Domare stoppar USA:s förbud mot WeChat', 'En federal domare i Kalifornien blockerade förbudet på söndagen.', ['US'], 'market_ban', 'lifted'],
  ['da', 'Dommer stopper USA\'s forbud mod WeChat', 'En føderal dommer i Californien blokerede forbuddet søndag.', ['US'], 'market_ban', 'lifted'],
  // the bare French participle "exclu" ("Huawei exclu du …") is an exclusion
  ['fr', 'Le chinois ZTE exclu du réseau 5G suédois', 'Stockholm a tranché lundi.', ['SE'], 'network_exclusion', 'in_force'],
  // Finnish passive of estää ("estetään": is blocked)
  ['fi', 'TikTok estetään ministeriöiden puhelimissa', 'Sovelluksen käyttö estetään virkapuhelimissa ensi kuussa.', ['FI'], 'device_ban', 'in_force'],
  // a court blocking a Commerce Department order that ends an app's use in the country lifts a market ban
  ['en', 'Federal court halts administration policy', 'A judge granted an injunction against Commerce Department restrictions that would have ended the use of the short-video service TikTok in the United States.', ['US'], 'market_ban', 'lifted'],
];

// [language, title, summary]: near-misses that are no measure
const NOT_MEASURES: Array<[string, string, string]> = [
  // a politician's demand for a ban (Nordic and Dutch wording)
  ['fi', 'Puoluejohtaja vaatii TikTokin kieltämistä koko EU:ssa', 'Hänen mukaansa sovellus on turvallisuusriski.'],
  ['sv', 'Oppositionen kräver förbud mot TikTok i hela EU', 'Partiledaren vill att EU förbjuder appen.'],
  ['da', 'Politiker kræver forbud mod TikTok i hele EU', 'Appen er en sikkerhedsrisiko, siger hun.'],
  ['nl', 'Kamerlid eist verbod op TikTok in de hele EU', 'Volgens het Kamerlid is de app een gevaar.'],
  // a government wavering on a ban has decided nothing either way
  ['en', 'Estonia wavers on banning TikTok from official phones', 'The government has no plans for now to ban the app on state devices.'],
  // an explainer of what a (sector-wide) rule means for a vendor, however long its subject
  ['en', 'What Beijing\'s updated technology export list means for the TikTok deal', 'Regulators added recommendation algorithms to the list.'],
];

// [language, title, summary, countries]: who acts
const COUNTRIES: Array<[string, string, string, string[]]> = [
  // Korean 상무부 / 국무부 with no country named are the US departments (Korea's are 산업통상자원부, 외교부)
  ['ko', '상무부, 위챗 금지 명령 집행 보류', '상무부는 법원 명령에 따라 위챗 금지 조치를 당분간 시행하지 않겠다고 밝혔다.', ['US']],
  ['ko', '국무부, 화웨이 장비 쓰지 말라 경고', '국무부는 각국에 화웨이 장비를 사용하지 말라고 권고했다.', ['US']],
  ['ko', '중국 상무부, 틱톡 기술 수출통제 목록에 추가', '중국 상무부는 28일 목록을 발표했다.', ['CN']],
];

describe('classifier', () => {
  describe('classify: wording of the sixteenth replay collection', () => {
    it.each(MEASURES)('[%s] reads "%s" (lead: "%s") as %j %s %s', (language, title, summary, countries, measure, stage) => {
      const c = classify(item(language, title, summary));
      expect(c, JSON.stringify(c.rules)).toMatchObject({ relevant: true, countries, measure, stage });
    });

    it.each(COUNTRIES)('[%s] finds the acting country of "%s" (lead: "%s"): %j', (language, title, summary, countries) => {
      const c = classify(item(language, title, summary));
      expect(c, JSON.stringify(c.rules)).toMatchObject({ relevant: true, countries });
    });

    it('does not read a judge "calls the threat …" after blocking a ban as restricting calls', () => {
      const c = classify(item('en', 'Judge blocks WeChat ban, calls the threat speculative', 'The ruling is a setback for the administration.'));
      expect(c, JSON.stringify(c.rules)).toMatchObject({ relevant: true, measure: 'market_ban', stage: 'lifted' });
    });

    it.each(NOT_MEASURES)('[%s] reads "%s" (lead: "%s") as no measure', (language, title, summary) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant, JSON.stringify(c.rules)).toBe(false);
    });
  });
});
