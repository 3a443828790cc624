/**
 * SNS subscription filter policies from CLI flags. Pure. Alerts carry the message attributes
 * `countries`, `vendors` (String.Array), `measure`, `stage` (String); a policy such as
 * {"countries":["JP"],"vendors":["Huawei"]} matches an alert whose countries include JP AND whose
 * vendors include Huawei. Values under one key are OR'd, keys are AND'd, matching is exact and
 * case-sensitive: so what people type ("Japan", "uk", "huawei", "ByteDance") is resolved to the
 * codes and canonical names alerts carry (core/names.ts), and anything unknown is refused.
 */
import { ConfigError } from './errors.js';
import { resolveCountry, resolveMeasure, resolveStage, resolveVendor } from './names.js';

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

const distinct = <T>(xs: T[]) => [...new Set(xs)];

/** ISO 3166-1 alpha-2 codes (or EU) from codes or names ("jp", "Japan", "UK"); throws ConfigError on anything else. */
export function normaliseCountries(values: string[] | undefined): string[] {
  return distinct(splitValues(values).map(resolveCountry));
}

/** Canonical vendor names from any alias, any case ("huawei", "ByteDance" → TikTok). */
export function normaliseVendors(values: string[] | undefined): string[] {
  return distinct(splitValues(values).map(resolveVendor));
}

/**
 * The filter policy for the flags, or null when no flag narrows anything (the subscription then
 * receives every alert of its topic).
 */
export function buildFilterPolicy(flags: FilterFlags): FilterPolicy | null {
  const policy: FilterPolicy = {};
  const countries = normaliseCountries(flags.countries);
  const vendors = normaliseVendors(flags.vendors);
  const measures = distinct(splitValues(flags.measures).map(resolveMeasure));
  const stages = distinct(splitValues(flags.stages).map(resolveStage));
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
