/**
 * What people type for a country, a vendor, a measure or a stage ("Japan", "uk", "huawei",
 * "ByteDance", "in force"), resolved to what events and alerts carry ("JP", "GB", "Huawei",
 * "TikTok", "in_force"). Filters must use these exact values: SNS filter policies match
 * case-sensitively, so "--vendor huawei" would otherwise never match an alert. Unknown values are
 * refused with the nearest known one. Pure: the data is bundled.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { distance } from 'fastest-levenshtein';
import vendorTable from './classifier/rules/vendors.json' with { type: 'json' };
import { ConfigError } from './errors.js';
import { MEASURES, STAGES, type Measure, type Stage } from './model.js';

countries.registerLocale(en);

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/g, ' ').replace(/\.$/, '');

interface Table {
  /** normalised spelling → canonical value */
  byName: Map<string, string>;
  /** spellings offered in "did you mean" (Latin script: what a CLI user types) */
  suggestions: Array<[string, string]>;
}

let countryTable: Table | null = null;
let vendorTableIndex: Table | null = null;

function countriesIndex(): Table {
  if (countryTable) return countryTable;
  const byName = new Map<string, string>();
  const suggestions: Array<[string, string]> = [];
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    byName.set(code.toLowerCase(), code);
    const a3 = countries.alpha2ToAlpha3(code);
    if (a3) byName.set(a3.toLowerCase(), code);
    for (const n of names) {
      byName.set(norm(n), code);
      suggestions.push([n, code]);
    }
  }
  // Spellings of news and everyday use the ISO list lacks.
  for (const [name, code] of [['European Union', 'EU'], ['EU', 'EU'], ['Britain', 'GB'], ['England', 'GB'], ['Korea', 'KR'], ['Holland', 'NL'], ['America', 'US']] as const) {
    byName.set(norm(name), code);
    suggestions.push([name, code]);
  }
  countryTable = { byName, suggestions };
  return countryTable;
}

function vendorsIndex(): Table {
  if (vendorTableIndex) return vendorTableIndex;
  const byName = new Map<string, string>();
  const suggestions: Array<[string, string]> = [];
  for (const [canonical, aliases] of Object.entries(vendorTable as Record<string, string[]>)) {
    byName.set(norm(canonical), canonical);
    suggestions.push([canonical, canonical]);
    for (const a of aliases) {
      if (!byName.has(norm(a))) byName.set(norm(a), canonical);
      if (/^[\p{Script=Latin}\p{N}\s.&'-]+$/u.test(a)) suggestions.push([a, canonical]);
    }
  }
  vendorTableIndex = { byName, suggestions };
  return vendorTableIndex;
}

/** The known spelling nearest to `input`, when it is near enough to be a typo. */
function nearest(input: string, suggestions: Array<[string, string]>): [string, string] | null {
  const q = norm(input);
  let best: [string, string] | null = null;
  let bestD = Infinity;
  for (const s of suggestions) {
    const d = distance(q, norm(s[0]));
    if (d < bestD) [best, bestD] = [s, d];
  }
  return best && bestD <= Math.max(2, Math.floor(q.length / 3)) ? best : null;
}

export function countryLabel(code: string): string {
  return code === 'EU' ? 'European Union' : (countries.getName(code, 'en', { select: 'alias' }) ?? countries.getName(code, 'en') ?? code);
}

/** "Japan", "jp", "JPN", "UK", "United Kingdom" → "JP", "GB"; EU stays EU. Throws FILTER_UNKNOWN with a suggestion. */
export function resolveCountry(input: string): string {
  const code = countriesIndex().byName.get(norm(input));
  if (code) return code;
  const near = nearest(input, countriesIndex().suggestions);
  throw new ConfigError(
    'FILTER_UNKNOWN',
    `unknown country "${input}"${near ? `; did you mean ${near[0]} (${near[1]})?` : ''} (give an ISO 3166-1 code such as JP, or a name such as Japan; EU for the European Union)`,
  );
}

/** "huawei", "華為", "ByteDance" → "Huawei", "Huawei", "TikTok". Throws FILTER_UNKNOWN with a suggestion. */
export function resolveVendor(input: string): string {
  const canonical = vendorsIndex().byName.get(norm(input));
  if (canonical) return canonical;
  const near = nearest(input, vendorsIndex().suggestions);
  const known = knownVendors();
  throw new ConfigError(
    'FILTER_UNKNOWN',
    `unknown vendor "${input}"${near ? `; did you mean ${near[1]}${norm(near[0]) !== norm(near[1]) ? ` (${near[0]})` : ''}?` : `; banwatch knows ${known.slice(0, 12).join(', ')}${known.length > 12 ? ` and ${known.length - 12} more` : ''}`}`,
  );
}

export function knownVendors(): string[] {
  return Object.keys(vendorTable);
}

function resolveOneOf<T extends string>(what: string, input: string, allowed: readonly T[]): T {
  const q = norm(input).replace(/ /g, '_');
  const hit = allowed.find((a) => a === q);
  if (hit) return hit;
  const near = nearest(q, allowed.map((a) => [a, a]));
  throw new ConfigError('FILTER_UNKNOWN', `unknown ${what} "${input}"${near ? `; did you mean ${near[0]}?` : ''} (one of: ${allowed.join(', ')})`);
}

/** "procurement exclusion", "Procurement-Exclusion" → "procurement_exclusion". */
export function resolveMeasure(input: string): Measure {
  return resolveOneOf('measure', input, MEASURES);
}

/** "in force", "IN_FORCE" → "in_force". */
export function resolveStage(input: string): Stage {
  return resolveOneOf('stage', input, STAGES);
}
