/**
 * Grouping relevant items into policy events. Pure: identity is a hash, time comes from the items.
 *
 * An event is one (acting countries, vendors, measure) cluster within a time window; later items
 * about the same cluster add sources and may move the stage forward (proposed → announced →
 * in_force → lifted). Each stage change that has not been alerted yet makes the event PENDING.
 */
import { createHash } from 'node:crypto';
import type { Classification, EventSource, Measure, PolicyEvent, Stage, StoredItem } from './model.js';

/** Items more than this apart from an event's last sighting start a new event. */
export const EVENT_WINDOW_DAYS = 45;
/** Sources kept per event: enough to prove it, bounded so a hot story cannot grow a row past 400 KB. */
const MAX_SOURCES = 25;
const MAX_EVIDENCE = 12;

/**
 * How far along a measure is. A later stage replaces an earlier one; an older article arriving
 * late never moves an event back. rejected and in_force are alternative outcomes of a proposal.
 */
const STAGE_RANK: Record<Stage, number> = { proposed: 0, announced: 1, rejected: 2, in_force: 2, lifted: 3 };

export function stageRank(stage: Stage): number {
  return STAGE_RANK[stage];
}

export interface RelevantClassification extends Classification {
  relevant: true;
  measure: Measure;
  stage: Stage;
}

export function isEventWorthy(c: Classification): c is RelevantClassification {
  return c.relevant && c.measure !== null && c.stage !== null && c.countries.length > 0 && c.vendors.length > 0;
}

const sorted = (xs: string[]) => [...new Set(xs)].sort();

/** Deterministic key of an event cluster: same countries + vendors + measure. */
export function clusterKeyOf(c: { countries: string[]; vendors: string[]; measure: Measure }): string {
  return `${sorted(c.countries).join(',')}|${sorted(c.vendors).join(',')}|${c.measure}`;
}

/** When the item happened, as far as we know. */
export function itemTime(item: StoredItem): string {
  return item.published ?? item.fetchedAt;
}

/** Is `item` close enough in time to `event` to belong to it? */
export function withinWindow(event: PolicyEvent, item: StoredItem): boolean {
  const t = Date.parse(itemTime(item));
  const last = Date.parse(event.lastSeen);
  const first = Date.parse(event.firstSeen);
  const windowMs = EVENT_WINDOW_DAYS * 86_400_000;
  return t <= last + windowMs && t >= first - windowMs;
}

function sourceOf(item: StoredItem): EventSource {
  return { itemKey: item.itemKey, title: item.title, link: item.link, feedId: item.feedId, published: item.published };
}

export function newEventId(clusterKey: string, seq: number): string {
  // Derived from the cluster and its position only: concurrent creators and retried polls all
  // compute the same id, and the conditional create lets exactly one of them write it.
  return `ev_${createHash('sha256').update(`${clusterKey}#${seq}`).digest('hex').slice(0, 20)}`;
}

/** A new event (the `seq`-th of its cluster) from its first relevant item. */
export function createEvent(item: StoredItem, c: RelevantClassification, seq = 0): PolicyEvent {
  const clusterKey = clusterKeyOf(c);
  const t = itemTime(item);
  return {
    eventId: newEventId(clusterKey, seq),
    clusterKey,
    seq,
    countries: sorted(c.countries),
    vendors: sorted(c.vendors),
    measure: c.measure,
    stage: c.stage,
    title: item.title,
    sources: [sourceOf(item)],
    evidence: c.evidence.slice(0, MAX_EVIDENCE),
    confidence: c.confidence,
    firstSeen: t,
    lastSeen: t,
    alertState: 'PENDING',
    alertedStages: [],
    version: 1,
  };
}

export type MergeResult = { changed: false; event: PolicyEvent } | { changed: true; event: PolicyEvent; stageChanged: boolean };

/**
 * Adds an item to an existing event of its cluster. Returns the same event unchanged when the item
 * is already a source (a retried poll), otherwise a new event object with version + 1.
 */
export function mergeIntoEvent(event: PolicyEvent, item: StoredItem, c: RelevantClassification): MergeResult {
  if (event.sources.some((s) => s.itemKey === item.itemKey)) return { changed: false, event };
  const t = itemTime(item);
  const stageChanged = stageRank(c.stage) > stageRank(event.stage);
  const stage = stageChanged ? c.stage : event.stage;
  const evidence = stageChanged
    ? [...c.evidence, ...event.evidence.filter((e) => !c.evidence.includes(e))]
    : [...event.evidence, ...c.evidence.filter((e) => !event.evidence.includes(e))];
  const sources = [...event.sources, sourceOf(item)].slice(0, MAX_SOURCES);
  const alertedAlready = event.alertedStages.includes(stage);
  return {
    changed: true,
    stageChanged,
    event: {
      ...event,
      stage,
      // The newest stage's headline says best what the event is now.
      title: stageChanged ? item.title : event.title,
      sources,
      evidence: evidence.slice(0, MAX_EVIDENCE),
      confidence: Math.max(event.confidence, c.confidence),
      firstSeen: t < event.firstSeen ? t : event.firstSeen,
      lastSeen: t > event.lastSeen ? t : event.lastSeen,
      alertState: alertedAlready ? event.alertState : 'PENDING',
      version: event.version + 1,
    },
  };
}
