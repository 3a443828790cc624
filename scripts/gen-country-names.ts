/**
 * Regenerates rules/country-names.json from i18n-iso-countries (country names in the nine
 * languages the classifier reads). Run: npm run gen:country-names, then npm run pack:langs (the table
 * ships packed with the lexicons; langs-pack.test.ts fails until it is repacked).
 * Generated once and committed, so the classifier reads plain data at runtime.
 * A dev tool that writes files: it lives outside the pure core (lambdas/core has no I/O).
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const LANGS = ['en', 'fr', 'de', 'es', 'it', 'pt', 'ja', 'zh', 'ko'];
// Names that are far more often something else in news text (a person, a US state, a food).
const SKIP = new Set(['Chad', 'Jordan', 'Georgia', 'Jersey', 'Turkey', 'Guinea', 'Niger', 'Man', 'Isle of Man',
  'Dominica', 'Congo', 'Macao', 'Reunion', 'Martinique', 'Mayotte', 'Guadeloupe', 'Tokelau', 'Jamaica',
  // zh/ja names that are substrings of common words.
  '中国台湾省', '中華民国', '中华民国']);

// Of those, the ones that are the country when they open a headline ("Jordan blocks TikTok", "Chad
// bans…"): written "^Name", they only match at the start of the headline. Not Georgia (a US state
// bans apps as often) nor Jersey, Man or the territories.
const HEADLINE_SUBJECT = new Set(['Chad', 'Jordan', 'Turkey', 'Guinea', 'Niger', 'Jamaica', 'Dominica']);

// Dependent territories do not act on their own in this domain; their names would steal the acting
// country from the state that governs them ("TikTok blocked in New Caledonia" is France acting).
const TERRITORIES = new Set(['NC', 'PF', 'GP', 'MQ', 'RE', 'YT', 'PM', 'WF', 'BL', 'MF', 'GF', 'TF', 'GU', 'PR', 'VI', 'AS', 'MP', 'UM',
  'GI', 'FK', 'BM', 'KY', 'VG', 'MS', 'TC', 'AI', 'SH', 'IO', 'GS', 'PN', 'AW', 'CW', 'SX', 'BQ', 'GL', 'FO', 'NF', 'CX', 'CC', 'HM',
  'TK', 'NU', 'CK', 'SJ', 'BV', 'AX', 'AQ', 'EH', 'IM', 'JE', 'GG']);
// …but where the governing state's law applies there, a measure there is that state's: a territory's
// name is one more name of it ("TikTok ban lifted in New Caledonia", "法国在新喀里多尼亚禁TikTok":
// France acts). Not the self-governing ones (Greenland, the Faroes, the Crown dependencies), nor
// names that are common words or first names in some language (Réunion, Guadalupe, Saint-Martin…).
const GOVERNED_BY: Record<string, string> = {
  NC: 'FR', PF: 'FR', WF: 'FR', PM: 'FR', GF: 'FR',
  GU: 'US', PR: 'US', VI: 'US', AS: 'US', MP: 'US',
};
// Short forms news uses that i18n-iso-countries lacks (it has only the formal "República de Corea").
const COMMON: Record<string, Record<string, string[]>> = {
  es: { KR: ['Corea del Sur'], KP: ['Corea del Norte'], CZ: ['Chequia'] },
  fr: { CZ: ['Tchéquie'], US: ['États-Unis'] },
  it: { US: ['Stati Uniti'], CZ: ['Cechia'] },
  pt: { CZ: ['República Checa', 'República Tcheca', 'Tchéquia'], VN: ['Vietnã'] },
  // Taiwanese and Hong Kong forms (written in either script: text and rules fold Traditional to
  // Simplified, core/hant.ts) where they are other words than the mainland's.
  zh: {
    TW: ['台湾', '臺灣'], NZ: ['纽西兰'], KR: ['南韩'], KP: ['北韩'], IT: ['义大利'], SA: ['沙乌地阿拉伯', '沙地阿拉伯'],
    SO: ['索马利亚'], KE: ['肯亚'], AE: ['阿拉伯联合大公国'], BD: ['孟加拉'], LA: ['寮国'], ID: ['印度尼西亚'], AU: ['澳洲'],
  },
  ko: {
    KR: ['한국'], TW: ['대만'], CZ: ['체코'], RU: ['러시아'], AE: ['아랍에미리트'], PT: ['포르투갈'], PL: ['폴란드'],
    TR: ['튀르키예'], SA: ['사우디'], ZA: ['남아공', '남아프리카공화국'], KG: ['키르기스스탄'],
  },
  ja: { RU: ['ロシア'], IR: ['イラン'], KR: ['韓国'], KP: ['北朝鮮'] },
};
const out: Record<string, Record<string, string[]>> = {};
for (const lang of LANGS) {
  const { countries } = require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Record<string, string | string[]> };
  const table: Record<string, string[]> = {};
  const governed: Record<string, string[]> = {};
  for (const [code, value] of Object.entries(countries)) {
    const state = GOVERNED_BY[code];
    if (state) (governed[state] ??= []).push(...(Array.isArray(value) ? value : [value]));
  }
  for (const [code, value] of Object.entries(countries)) {
    if (TERRITORIES.has(code)) continue;
    const names = [...(Array.isArray(value) ? value : [value]), ...(governed[code] ?? [])]
      .filter((n) => (!SKIP.has(n) || HEADLINE_SUBJECT.has(n)) && !n.includes(',') && n.length >= 2)
      .map((n) => (HEADLINE_SUBJECT.has(n) ? `^${n}` : n))
      // Formal names with brackets never occur in news text.
      .filter((n) => !/[()]/.test(n));
    names.push(...(COMMON[lang]?.[code] ?? []));
    if (names.length) table[code] = [...new Set(names)];
  }
  out[lang] = table;
}
const target = fileURLToPath(new URL('../lambdas/core/classifier/rules/country-names.json', import.meta.url));
// The languages added later (scripts/gen-lang-countries.ts) live in the same file: keep them.
const existing = JSON.parse(readFileSync(target, 'utf8')) as Record<string, Record<string, string[]>>;
const merged = { ...existing, ...out };
writeFileSync(target, JSON.stringify(merged, null, 0).replace(/\],"/g, '],\n"') + '\n');
process.stdout.write(`wrote ${target}\n`);
