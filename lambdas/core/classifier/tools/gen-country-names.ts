/**
 * Regenerates rules/country-names.json from i18n-iso-countries (country names in the nine
 * languages the classifier reads). Run: npx tsx lambdas/core/classifier/tools/gen-country-names.ts
 * Generated once and committed, so the classifier reads plain data at runtime and bundles small.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const LANGS = ['en', 'fr', 'de', 'es', 'it', 'pt', 'ja', 'zh', 'ko'];
// Names that are far more often something else in news text (a person, a US state, a food).
const SKIP = new Set(['Chad', 'Jordan', 'Georgia', 'Jersey', 'Turkey', 'Guinea', 'Niger', 'Man', 'Isle of Man',
  'Dominica', 'Congo', 'Macao', 'Reunion', 'Martinique', 'Mayotte', 'Guadeloupe', 'Tokelau', 'Jamaica',
  // zh/ja names that are substrings of common words.
  '中国台湾省', '中華民国', '中华民国']);

const out: Record<string, Record<string, string[]>> = {};
for (const lang of LANGS) {
  const { countries } = require(`i18n-iso-countries/langs/${lang}.json`) as { countries: Record<string, string | string[]> };
  const table: Record<string, string[]> = {};
  for (const [code, value] of Object.entries(countries)) {
    const names = (Array.isArray(value) ? value : [value])
      .filter((n) => !SKIP.has(n) && !n.includes(',') && n.length >= 2)
      // Formal names with brackets never occur in news text.
      .filter((n) => !/[()]/.test(n));
    if (names.length) table[code] = [...new Set(names)];
  }
  out[lang] = table;
}
const target = fileURLToPath(new URL('../rules/country-names.json', import.meta.url));
writeFileSync(target, JSON.stringify(out, null, 0).replace(/\],"/g, '],\n"') + '\n');
process.stdout.write(`wrote ${target}\n`);
