/**
 * SNS subscription filter policies from CLI flags. Pure. Alerts carry the message attributes
 * `countries`, `vendors` (String.Array), `measure`, `stage` (String); a policy such as
 * {"countries":["JP"],"vendors":["Huawei"]} matches an alert whose countries include JP AND whose
 * vendors include Huawei. Values under one key are OR'd, keys are AND'd, matching is exact and
 * case-sensitive (so countries are upper-cased and vendors must be the canonical names).
 */
import { ConfigError } from './errors.js';
import { MEASURES, STAGES } from './model.js';

export interface FilterFlags {
  countries?: string[];
  vendors?: string[];
  measures?: string[];
  stages?: string[];
}

/** Attribute name → accepted values, as SNS's FilterPolicy JSON (scope MessageAttributes). */
export type FilterPolicy = Record<string, string[]>;

/** SNS: at most 150 value combinations across the keys of one policy. */
export const MAX_COMBINATIONS = 150;

const COUNTRY = /^[A-Z]{2}$/;

/** Splits "JP,DE" and repeated flags into distinct, trimmed, non-empty values (order kept). */
export function splitValues(values: string[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    for (const part of v.split(',')) {
      const t = part.trim();
      if (t && !out.includes(t)) out.push(t);
    }
  }
  return out;
}

/** Upper-cased ISO 3166-1 alpha-2 codes (or EU); throws ConfigError on anything else. */
export function normaliseCountries(values: string[] | undefined): string[] {
  const countries = [...new Set(splitValues(values).map((c) => c.toUpperCase()))];
  const bad = countries.filter((c) => !COUNTRY.test(c));
  if (bad.length) throw new ConfigError('FILTER_INVALID', `not a country code (ISO 3166-1 alpha-2, or EU): ${bad.join(', ')}`);
  return countries;
}

function oneOf(name: string, values: string[], allowed: readonly string[]): string[] {
  const bad = values.filter((v) => !allowed.includes(v));
  if (bad.length) throw new ConfigError('FILTER_INVALID', `unknown ${name} ${bad.join(', ')}; use one of: ${allowed.join(', ')}`);
  return values;
}

/**
 * The filter policy for the flags, or null when no flag narrows anything (the subscription then
 * receives every alert of its topic).
 */
export function buildFilterPolicy(flags: FilterFlags): FilterPolicy | null {
  const policy: FilterPolicy = {};
  const countries = normaliseCountries(flags.countries);
  const vendors = splitValues(flags.vendors);
  const measures = oneOf('measure', splitValues(flags.measures).map((m) => m.toLowerCase()), MEASURES);
  const stages = oneOf('stage', splitValues(flags.stages).map((s) => s.toLowerCase()), STAGES);
  if (countries.length) policy.countries = countries;
  if (vendors.length) policy.vendors = vendors;
  if (measures.length) policy.measure = measures;
  if (stages.length) policy.stage = stages;
  const keys = Object.keys(policy);
  if (keys.length === 0) return null;
  const combinations = Object.values(policy).reduce((n, values) => n * values.length, 1);
  if (combinations > MAX_COMBINATIONS) {
    throw new ConfigError(
      'FILTER_TOO_LARGE',
      `the filter has ${combinations} value combinations; SNS allows ${MAX_COMBINATIONS} (use fewer values, or a topic per country)`,
    );
  }
  return policy;
}
