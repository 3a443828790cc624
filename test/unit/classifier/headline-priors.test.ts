/**
 * Headline-only items (the Google News shape, no lead), fourth round: what the classifier assumes
 * when the headline alone is all there is — a headline that reports a restriction of a named vendor
 * with nothing against it stands alone even when it names no state (the lead would have named it),
 * and the usual measure of a vendor depends on who acts (vendor-meta measureBy). The headlines are
 * written for these rows, not copied from the labelled fixtures.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { google, item } from './helpers.js';

// [language, headline, measure, countries]: no state named, nothing against the report (export
// controls are the US's instrument: tuning.json measureActingPrior names it; other measures fall back to
// the outlet's or the language's country, as a headline naming a government does)
const STANDS_ALONE: Array<[string, string, Measure, string[]]> = [
  ['en', 'DJI is blacklisted', 'export_control', ['US']],
  ['de', 'Huawei soll aus 5G-Netz entfernt werden', 'network_exclusion', ['DE']],
  ['ko', '엔비디아 반도체, 수출통제 대상', 'export_control', ['US']],
];

// [language, headline, lead]: the same headlines with a lead that names no state are not measures
const WITH_LEAD: Array<[string, string, string]> = [
  ['en', 'DJI is blacklisted', 'The list was published on Monday by a trade group of retailers.'],
];

// Near misses without a state: explainers and questions keep their noise; an organisation's ban on
// its own devices or staff needs its state named; a finding of risk needs an authority.
const NOT_ALONE: Array<[string, string]> = [
  ['en', 'TikTok ban: what you need to know'],
  ['en', 'Hikvision cameras banned? What you need to know'],
  ['en', 'The TikTok ban explained'],
  ['en', 'Explained: why the US wants to ban TikTok'],
  ['en', 'Deutsche Bank bans WeChat on work phones'],
  ['en', 'Data Centre bans TikTok on staff phones'],
  ['en', 'Report says Huawei poses security risk'],
];

// [language, headline, measure, stage, countries]: more headline wording
const WORDING: Array<[string, string, Measure, Stage, string[]]> = [
  // an authority finding that a vendor's products pose a security risk
  ['en', 'Commerce Department finds Hikvision cameras pose national security risk', 'export_control', 'in_force', ['US']],
  // an app pulled from or blocked on the app stores, in French
  ['fr', "DeepSeek retiré des magasins d'applications en Italie", 'market_ban', 'in_force', ['IT']],
  // Indian headlines name the central government 'the Centre'
  ['en', 'Centre extends ban on TikTok', 'market_ban', 'in_force', ['IN']],
];

// [language, headline, stage]: a government announcing (宣布) a bare 禁 + object, a sales halt or a
// blockade with no later start has issued it; with a later start it is announced
const STAGES: Array<[string, string, Stage]> = [
  ['zh', '尼泊尔宣布禁TikTok', 'in_force'],
  ['zh', '意大利宣布暂停销售小米手机', 'in_force'],
  ['zh', '印尼宣布几天内开始禁TikTok', 'announced'],
];

// Warning against a ban comments on a measure; it is no security warning.
const WARNS_AGAINST: Array<[string, string]> = [
  ['de', 'Telekom-Chef warnt vor Huawei-Verbot'],
  ['en', 'Carriers warn against Huawei ban'],
];

// A Chinese headline that reports a measure and then gives China's reply by its envoy or, after a
// clause break, its commerce ministry: the story is the reaction.
const REACTIONS: Array<[string, string]> = [
  ['zh', '澳大利亚禁用华为 中国驻澳大使发声:这是政治操弄'],
  ['zh', '加拿大禁止华为参与5G 我驻加拿大使馆:坚决反对'],
  ['zh', '美国将中兴列入实体清单,商务部:将采取必要措施'],
];

// [language, headline, measure, stage, countries]: the usual measure as the acting state uses it
const PRIORS: Array<[string, string, Measure, Stage, string[]]> = [
  // the US restricts Huawei and ZTE by export controls (entity list, denial order)
  ['en', 'Washington lifts ZTE ban', 'export_control', 'lifted', ['US']],
  ['en', 'Trump administration bans Huawei', 'export_control', 'in_force', ['US']],
  ['zh', '美商务部宣布解禁中兴', 'export_control', 'lifted', ['US']],
  ['ja', '米政府、ZTEへの制裁を解除', 'export_control', 'lifted', ['US']],
  ['ar', 'عقوبات أمريكية جديدة على هواوي', 'export_control', 'in_force', ['US']],
  // other states keep them out of their networks
  ['en', 'UK bans Huawei', 'network_exclusion', 'in_force', ['GB']],
  ['en', 'Germany lifts Huawei ban', 'network_exclusion', 'lifted', ['DE']],
  // …but an instrument the headline names still decides
  ['en', 'FCC bans Huawei equipment sales', 'market_ban', 'in_force', ['US']],
  // paying for the removal of a vendor's equipment (rip and replace) keeps it out of networks
  ['ja', '米政府、ZTE製設備の撤去費用を負担へ', 'network_exclusion', 'announced', ['US']],
  // …and the FCC's instruments are network and market measures, not export controls
  ['en', 'FCC blocks ZTE', 'network_exclusion', 'in_force', ['US']],
  ['zh', '美FCC禁止中兴', 'network_exclusion', 'in_force', ['US']],
  // a law banning the government's own use of a vendor's technology keeps it out of what the state
  // buys; its staff barred from using the products is about their devices
  ['en', 'Trump signs bill banning government use of Huawei tech', 'procurement_exclusion', 'in_force', ['US']],
  ['zh', '美国新法禁政府人员使用海康威视设备', 'device_ban', 'in_force', ['US']],
  // the US's measure against Xiaomi was an investment ban, and its 'blacklist' is that one
  ['en', 'Trump bans Xiaomi', 'sanctions', 'in_force', ['US']],
  ['en', 'US removes Xiaomi from blacklist', 'sanctions', 'lifted', ['US']],
  ['en', 'US blacklists Huawei', 'export_control', 'in_force', ['US']],
  // China keeps Nvidia's chips out of its market; the US controls their export
  ['en', 'Beijing bans Nvidia', 'market_ban', 'in_force', ['CN']],
  ['en', 'China blocks Nvidia chips', 'market_ban', 'in_force', ['CN']],
  ['fr', 'Pékin interdit Nvidia', 'market_ban', 'in_force', ['CN']],
  ['zh', '中国禁止进口英伟达芯片', 'market_ban', 'in_force', ['CN']],
  ['en', 'US bans Nvidia chip sales to China', 'export_control', 'in_force', ['US']],
];

describe('classifier', () => {
  describe('classify: headline-only priors (fourth round)', () => {
    it.each(STANDS_ALONE)('[%s] reads "%s" as a %s by %j with no state named', (language, headline, measure, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
      expect(c.countries).toEqual(countries);
      expect(c.rules).toContain('headline.stands-alone');
    });

    it.each(WITH_LEAD)('[%s] does not read "%s" as a measure when a lead names no state', (language, headline, lead) => {
      expect(classify(item(language, headline, lead)).relevant).toBe(false);
    });

    it.each(NOT_ALONE)('[%s] does not alert on "%s"', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });

    it.each(REACTIONS)('[%s] reads "%s" as the targeted country\'s reaction', (language, headline) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(false);
      expect(c.rules).toContain('zh.noise.reaction-by-target-envoy');
    });

    it.each(STAGES)('[%s] reads "%s" as %s', (language, headline, stage) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe(stage);
    });

    it.each(WARNS_AGAINST)('[%s] does not alert on "%s"', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });

    it.each(WORDING)('[%s] reads "%s" as %s / %s by %j', (language, headline, measure, stage, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
      expect(c.stage).toBe(stage);
      expect(c.countries).toEqual(countries);
    });

    it.each(PRIORS)('[%s] reads "%s" as %s / %s by %j', (language, headline, measure, stage, countries) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
      expect(c.stage).toBe(stage);
      expect(c.countries).toEqual(countries);
    });
  });
});
