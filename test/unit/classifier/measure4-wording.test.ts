import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure } from '../../../lambdas/core/model.js';
import { item } from './helpers.js';

// measure4 (issue #8): causes of measure errors that recur in unseen collections, read as general rules.
// Written in own wording, not copied from fixtures; the first three tables fail on main 53fbd04.
type Row = [string, string, string, Measure];

// A bare blacklist or "sanctions" word names no instrument: in every lexicon it now votes the acting
// state's usual instrument against the targets (vendor-meta measureBy: the US and Xiaomi = the investment
// ban; Huawei = the entity list), as it already did in 14 lexicons. The entity list named as such stays
// an export control.
const GENERIC_LIST: Row[] = [
  ['ar', 'واشنطن تضع شاومي على القائمة السوداء', 'وزارة الدفاع الأمريكية أدرجت الشركة الصينية بسبب صلاتها بالجيش', 'sanctions'],
  ['ar', 'الولايات المتحدة ترفع شاومي من قائمتها السوداء', '', 'sanctions'],
  ['ar', 'واشنطن تضيف هواوي إلى قائمة الكيانات', '', 'export_control'],
  ['ru', 'США внесли Xiaomi в чёрный список', 'Министерство обороны США включило производителя смартфонов в перечень.', 'sanctions'],
  ['ru', 'Xiaomi исключили из черного списка США', '', 'sanctions'],
  ['uk', 'США внесли Xiaomi до чорного списку', '', 'sanctions'],
  ['ja', '米国、シャオミに制裁', '米政府は中国のスマートフォン大手小米を制裁対象に指定した。', 'sanctions'],
  ['ko', '미국, 샤오미 제재 해제', '', 'sanctions'],
  ['hi', 'अमेरिका ने शाओमी को ब्लैकलिस्ट किया', '', 'sanctions'],
  ['ru', 'США внесли SMIC в черный список', '', 'export_control'],
  ['ko', '미국, 화웨이 제재 강화', '', 'export_control'],
];

// Network-equipment makers kept out of public bodies are kept out of what those bodies buy: procurement,
// also when the maker's network prior was all that spoke for networks (no 5G, operator or network word).
const EQUIPMENT_IN_PUBLIC_BODIES: Row[] = [
  ['ja', '政府、省庁のファーウェイ製品を排除へ', '', 'procurement_exclusion'],
];

// A state importing a vendor's goods (its usual instrument against them is its own market: China and
// Nvidia): export wording is the exporting state's background, not the importer's instrument.
const IMPORTER: Row[] = [
  ['fr', 'Pékin interdit les puces Nvidia malgré le feu vert américain à l’exportation', 'Les entreprises chinoises ne pourront plus importer les puces H20.', 'market_ban'],
  ['de', 'China beschränkt Käufe von Nvidia-Chips trotz US-Exportgenehmigung', '', 'market_ban'],
  ['en', 'China bans imports of Nvidia chips at customs', '', 'market_ban'],
];

// Equipment authorisation with "new" in between (the Secure Equipment Act in rn3/rn4): a market ban, not
// the US's usual export control against Huawei.
const NEW_EQUIPMENT_LICENCES: Row[] = [
  ['en', 'US regulators can no longer approve new Hikvision gear under law Biden signed', '', 'market_ban'],
  ['ko', '바이든, 화웨이 장비 신규 인증 금지법 서명', '', 'market_ban'],
  ['ja', 'バイデン大統領、ファーウェイ製機器の新規認証を禁じる法律に署名', '', 'market_ban'],
];

// State-funded schools, universities and hospitals are the state's own institutions (an app banned there
// is an official-device ban); state-funded data centres and projects buy equipment (procurement).
const STATE_FUNDED: Row[] = [
  ['en', 'TikTok banned from state-funded universities and public schools under proposed law', '', 'device_ban'],
  ['en', 'Governor moves to bar DeepSeek from publicly funded colleges', 'The order covers networks and devices of the institutions.', 'device_ban'],
];

// Guards: what the rules above must not move.
const GUARDS: Row[] = [
  ['en', 'Japan keeps Huawei out of 5G networks', '', 'network_exclusion'],
  ['en', 'Britain to strip Hikvision cameras out of government buildings', 'Departments were told to stop installing the Chinese-made devices on sensitive sites.', 'device_ban'],
  ['en', 'Staff told to stop using Huawei phones', 'The ministry ordered officials to hand back their Huawei handsets.', 'device_ban'],
];

describe('classifier', () => {

  describe('classify: measure4 recurring measure causes', () => {
    it.each([...GENERIC_LIST, ...EQUIPMENT_IN_PUBLIC_BODIES, ...IMPORTER, ...NEW_EQUIPMENT_LICENCES, ...STATE_FUNDED, ...GUARDS])('[%s] reads "%s" as the right measure', (language, title, summary, measure) => {
      const c = classify(item(language, title, summary));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe(measure);
    });
  });
});
