/**
 * One filter over events, shared by every reader: `events`, `digest`, `report`, `feed`, `export`
 * and the subscribe preview ("would have matched N of the last M events"). Values are already
 * resolved (core/names.ts): codes, canonical vendor names, measure and stage ids. Pure.
 */
import { countryName, MEASURE_LABELS, STAGE_LABELS } from './alert.js';
import type { Measure, PolicyEvent, Stage } from './model.js';

export interface EventFilter {
  countries?: string[];
  vendors?: string[];
  measures?: Measure[];
  stages?: Stage[];
  /** ISO instant: events seen (lastSeen) at or after it. */
  since?: string;
  /** ISO instant: events first seen before it. */
  until?: string;
  /** Events at least this sure, in [0, 1]. */
  minConfidence?: number;
  /** Also old news (events made only of backlog or too-old items); default false for digests, true elsewhere. */
  includeBackfill?: boolean;
}

/** Does the event pass the filter? Lists are OR'd within, AND'd across (as SNS filter policies). */
export function matchesFilter(event: PolicyEvent, f: EventFilter): boolean {
  if (f.countries?.length && !event.countries.some((c) => f.countries!.includes(c))) return false;
  if (f.vendors?.length && !event.vendors.some((v) => f.vendors!.includes(v))) return false;
  if (f.measures?.length && !f.measures.includes(event.measure)) return false;
  if (f.stages?.length && !f.stages.includes(event.stage)) return false;
  if (f.since && event.lastSeen < f.since) return false;
  if (f.until && event.firstSeen >= f.until) return false;
  if (f.minConfidence !== undefined && event.confidence < f.minConfidence) return false;
  if (f.includeBackfill === false && event.backfill) return false;
  return true;
}

/** "country Japan (JP) or Germany (DE), vendor Huawei, stage in force, since 1 Nov 2026" or "everything". */
export function describeFilter(f: EventFilter): string {
  const parts: string[] = [];
  const or = (xs: string[]) => xs.join(' or ');
  if (f.countries?.length) parts.push(`country ${or(f.countries.map((c) => `${countryName(c)} (${c})`))}`);
  if (f.vendors?.length) parts.push(`vendor ${or(f.vendors)}`);
  if (f.measures?.length) parts.push(`measure ${or(f.measures.map((m) => MEASURE_LABELS[m]))}`);
  if (f.stages?.length) parts.push(`stage ${or(f.stages.map((s) => STAGE_LABELS[s]))}`);
  if (f.minConfidence !== undefined) parts.push(`confidence at least ${Math.round(f.minConfidence * 100)}%`);
  if (f.since) parts.push(`seen since ${f.since.slice(0, 16).replace('T', ' ')} UTC`);
  if (f.until) parts.push(`first seen before ${f.until.slice(0, 16).replace('T', ' ')} UTC`);
  return parts.length ? parts.join(', ') : 'everything';
}

/** Newest first (last seen), ties by id: one order for every listing and export. */
export function newestFirst(a: PolicyEvent, b: PolicyEvent): number {
  return b.lastSeen.localeCompare(a.lastSeen) || a.eventId.localeCompare(b.eventId);
}
