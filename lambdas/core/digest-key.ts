/**
 * Digest subscriptions. A digest topic (`<prefix>-digest-daily`, `-weekly`) carries one message per
 * distinct subscriber filter; each message has the message attribute `digest` = the filter's key,
 * and each subscription's filter policy is {"digest": [its key]}: so every subscriber receives
 * exactly the digest of its own filter, once, and SNS does the routing. Pure.
 */
import type { EventFilter } from './event-filter.js';
import type { FilterPolicy } from './filter-policy.js';
import type { Measure, Stage } from './model.js';

export const DIGEST_ATTRIBUTE = 'digest';
export type Frequency = 'immediate' | 'daily' | 'weekly';
export const FREQUENCIES: readonly Frequency[] = ['immediate', 'daily', 'weekly'];

const ORDER = ['countries', 'vendors', 'measure', 'stage'] as const;

/** "countries=GB,JP;vendors=Huawei", or "all" for no filter: canonical (keys and values sorted). */
export function digestKey(policy: FilterPolicy | null): string {
  if (!policy) return 'all';
  const parts = ORDER.filter((k) => policy[k]?.length).map((k) => `${k}=${[...policy[k]!].sort().join(',')}`);
  return parts.length ? parts.join(';') : 'all';
}

/** The filter a key stands for (null for "all"); throws on a key digestKey never makes. */
export function parseDigestKey(key: string): FilterPolicy | null {
  if (key === 'all') return null;
  const policy: FilterPolicy = {};
  for (const part of key.split(';')) {
    const [name, values] = part.split('=');
    if (!name || !values || !(ORDER as readonly string[]).includes(name)) throw new Error(`not a digest key: ${key}`);
    policy[name] = values.split(',');
  }
  return policy;
}

/** The event filter of a subscription's filter policy (SNS attribute names → EventFilter fields). */
export function filterOfPolicy(policy: FilterPolicy | null): EventFilter {
  if (!policy) return {};
  const f: EventFilter = {};
  if (policy.countries?.length) f.countries = policy.countries;
  if (policy.vendors?.length) f.vendors = policy.vendors;
  if (policy.measure?.length) f.measures = policy.measure as Measure[];
  if (policy.stage?.length) f.stages = policy.stage as Stage[];
  return f;
}
