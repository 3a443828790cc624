/**
 * The domain model of banwatch. Pure types and constants: no I/O, no AWS, no clock.
 * Every other module (core, adapters, handlers, CLI) speaks in these terms.
 */

export const MEASURES = [
  'procurement_exclusion',
  'network_exclusion',
  'device_ban',
  'market_ban',
  'export_control',
  'sanctions',
  'security_warning',
  'other_restriction',
] as const;
export type Measure = (typeof MEASURES)[number];

/** Stages in the order an event normally moves through them. */
export const STAGES = ['proposed', 'announced', 'in_force', 'lifted', 'rejected'] as const;
export type Stage = (typeof STAGES)[number];

export type FeedKind = 'news' | 'government';

/** One entry of the feed registry (config/feeds.json), already validated. */
export interface FeedConfig {
  id: string;
  url: string;
  kind: FeedKind;
  /** Jurisdiction of a government feed (ISO 3166-1 alpha-2 or EU): a strong hint for who acts. */
  country?: string;
  /** BCP 47 primary language of the feed's items, e.g. "ja". */
  language?: string;
  /** Minimum minutes between two polls of this feed. */
  pollMinutes?: number;
  comment?: string;
}

/** What the classifier reads: the LABELS.md input item. */
export interface ClassifierInput {
  id?: string;
  title: string;
  /** May hold HTML; the classifier strips it. */
  summary?: string | null;
  link?: string | null;
  /**
   * The outlet's own site when `link` is an aggregator's redirect (Google News gives each item
   * `<source url="https://www.orf.at">`): its domain tells the outlet's country as the link's would.
   */
  outletSite?: string | null;
  published?: string | null;
  language?: string | null;
  feed?: { country?: string | null; kind?: FeedKind | string | null; language?: string | null } | null;
}

/** What the classifier says about one item (LABELS.md output, minus the id). */
export interface Classification {
  relevant: boolean;
  /** Acting jurisdictions, ISO 3166-1 alpha-2 upper case, or EU. Empty when not relevant. */
  countries: string[];
  /** Canonical vendor names (fixtures/vendors.json). Empty when not relevant. */
  vendors: string[];
  measure: Measure | null;
  stage: Stage | null;
  /** In [0, 1]; higher means more likely right. */
  confidence: number;
  /** The phrases of the item that drove the decision (relevant or not). */
  evidence: string[];
  /** Ids of the rules that fired, for explanation and debugging. */
  rules?: string[];
  /**
   * The phrases that decided the stage (relevant items only): the winning stage's cues, strongest
   * first, or the headline's restriction phrase when no stage cue fired.
   */
  stageEvidence?: string[];
  /**
   * How sure the stage is, in [0, 1] (relevant items only). High (≥ 0.85, what lets one report
   * lift or reject an event: events.ts STRONG_STAGE_CONFIDENCE) only for an unambiguous cue the rest
   * of the text does not contradict ("court blocks", "lifted the ban", "decided not to");
   * a lifted or rejected stage without one stays ≤ 0.6; a stage no cue supports is 0.3.
   */
  stageConfidence?: number;
  /**
   * Present and false when no lexicon reads the item's language or script: the classification is a
   * guess with a low confidence, for review rather than to be trusted or dropped.
   */
  language_supported?: boolean;
}

/** A feed item after parsing and normalising: plain text, bounded sizes, stable identity. */
export interface NormalizedItem {
  /** Stable identity: hash of guid, else canonical link, else title+date. */
  itemKey: string;
  feedId: string;
  guid: string | null;
  /** Canonical link (tracking parameters removed), or null. */
  link: string | null;
  /**
   * The site of the outlet that published the item, from RSS `<source url>` (Google News names the
   * outlet behind its redirect links this way), when it is an http(s) URL. Absent in items stored
   * before it was read.
   */
  outletSite?: string | null;
  /** Plain text, entities decoded, at most 1,000 characters. */
  title: string;
  /** Plain text, entities decoded, at most 20,000 characters. */
  summary: string;
  /** ISO 8601, or null when absent or invalid; never later than fetchedAt. */
  published: string | null;
  language: string | null;
  fetchedAt: string;
}

/** A normalised item with its classification, as stored. */
export interface StoredItem extends NormalizedItem {
  classification: Classification;
  /** The policy event this item was grouped into, when relevant. */
  eventId: string | null;
  feedCountry?: string | null;
  feedKind?: FeedKind | null;
  /**
   * False for old news: items of a feed's first poll (the backlog) and items published more than
   * the age limit before the cycle that stored them. They are grouped into events but never alert.
   * Absent on rows stored before this flag existed: treated as true.
   */
  alertable?: boolean;
}

/** One report that joined an event, with what it said and why it joined. */
export interface EventSource {
  itemKey: string;
  title: string;
  link: string | null;
  feedId: string;
  published: string | null;
  /** When it happened as far as we know (published, else fetched): what stage votes are timed by. */
  at?: string;
  /** The outlet that published it (link host, or the aggregator's outlet suffix); counts independent reports. */
  outlet?: string;
  /** The decider it names below the country ("US-TX"), or the national level ("US"); see core/actors.ts. */
  actor?: string;
  /** From a `kind: government` feed: the acting government speaking for itself. */
  official?: boolean;
  /** What this report said (its own classification). */
  stage?: Stage;
  measure?: Measure;
  vendors?: string[];
  /** The stage cue was strong (stageConfidence at or above STRONG_STAGE_CONFIDENCE). */
  strongStage?: boolean;
  /** The report's own stageConfidence (weighs a lone claim against reports that contradict it). */
  stageConfidence?: number;
  /**
   * false when no measure cue fired and the measure is the vendor's usual one ("UK to follow allies
   * with TikTok ban"): it weighs half against a report that names the scope ("on government phones").
   */
  measureCued?: boolean;
  /** The report tells of the measure upheld in force (a court refusing to suspend it): see events.upheldReport. */
  upheld?: boolean;
  /** See StoredItem.alertable. */
  alertable?: boolean;
  /** The item had no lead (a Google News item, a bare headline): its stage is the headline's tense alone. */
  headlineOnly?: boolean;
  /** Why this report joined the event (e.g. "first report", "vendors overlap (Huawei); same measure; 2 days later"). */
  mergeReason?: string;
  /** BCP 47 primary language of the report ("ja"), when the feed or the item says. */
  language?: string;
  /** The one or two phrases of the report that decided it, as whole words and clauses (core/phrases.ts). */
  phrases?: string[];
  /** When the measure takes effect, as this report states it (core/effective.ts). */
  effective?: EffectiveDate;
}

/** A date a report states for the measure to take effect: "from 1 April", "d'ici à 2028", "ab sofort". */
export interface EffectiveDate {
  /** from: takes effect then; by: a deadline; immediate: on publication. */
  kind: 'from' | 'by' | 'immediate';
  /** "2028", "2027-04" or "2027-04-01" (as precise as the text). */
  date: string;
  /** The words that state it, as written. */
  phrase: string;
  /** The rule of rules/effective-dates.json that read it. */
  rule: string;
}

/** One step of an event's stage timeline. */
export interface StageChange {
  stage: Stage;
  /** When the report that made the change was published (else fetched). */
  at: string;
  itemKey: string;
  feedId: string;
  official: boolean;
}

/**
 * PENDING: an alert is due (the outbox). SENT: what was due went out. SILENT: nothing was ever due:
 * old news only, or one unsure report waiting for corroboration (see core/events.ts).
 */
export type AlertState = 'PENDING' | 'SENT' | 'SILENT';

/**
 * Why an alert goes out: a new stage, the first official confirmation of an alerted stage, a
 * material vendor addition, or a correction of a stage alerted on one report that later outlets
 * overruled (see core/events.ts, `retractions`).
 */
export type AlertKind = 'stage' | 'confirmed' | 'vendors' | 'corrected';

/** What a sent alert covered; recorded on the event so nothing alerts twice. */
export interface AlertMark {
  kind: AlertKind;
  stage: Stage;
  /** The event's vendors the alert named. */
  vendors: string[];
  /** Feed of the official source, for `confirmed`. */
  officialFeedId?: string;
  /** For `corrected`: the stage the earlier alert wrongly said. */
  retracted?: Stage;
  /** For `stage`: this stage was alerted before, retracted, and is now reached again (its id differs). */
  again?: boolean;
}

/**
 * An alerted stage taken back: it rested on one outlet's report, and at least CORRECTION_OUTLETS
 * other outlets reported the same decision at an earlier stage (core/events.ts). A stage is taken
 * back at most once.
 */
export interface Retraction {
  /** The stage the alert said. */
  stage: Stage;
  /** The stage the event went back to. */
  to: Stage;
  /** When the last overruling report was published. */
  at: string;
  /** The correction alert went out. */
  alerted: boolean;
  /** The reports it rested on: they stay overruled (a later report is weighed on its own). */
  itemKeys?: string[];
}

export interface SentAlert extends AlertMark {
  alertId: string;
  at: string;
  /** Below the confidence floor: recorded for the digests instead of sent at once. */
  held?: boolean;
  /** Topic ARNs that accepted it (SNS; absent for the local outbox). */
  topics?: string[];
  /** The SNS MessageIds of those copies, in the order of `topics`. */
  messageIds?: string[];
  /** FAILED: the publisher gave up after its attempt limit; nothing more is tried for this alert. */
  state?: 'SENT' | 'FAILED';
  /** Why it failed (FAILED only). */
  error?: string;
}

/** A state measure against vendors, built from one or more items. */
export interface PolicyEvent {
  eventId: string;
  /**
   * Resolution key: the acting countries, sorted ("JP", "EU", "GB,US"). Reports of one decision share
   * it; within it, reports join an event by vendor overlap, measure compatibility and time
   * (lambdas/core/events.ts).
   */
  clusterKey: string;
  /**
   * Position of this event among the events of its clusterKey (0 for the first). The id derives from
   * clusterKey + seq, so two pollers that see a new decision at once race for one id and only one
   * creates it.
   */
  seq: number;
  countries: string[];
  /** Every vendor a report of this event named. */
  vendors: string[];
  /** The measure most reports (officials weighing more) agree on. */
  measure: Measure;
  /** The most advanced supported stage (see stageRank); lifted/rejected need support. */
  stage: Stage;
  /** Stage changes in order: the timeline alerts quote ("announced 14 Jul 2020 → in force 1 Jan 2021"). */
  history?: StageChange[];
  /** When the measure takes effect, when a report states it (official sources first). */
  effective?: EffectiveDate;
  /** Headline of the report that set the current stage (official preferred), plain text. */
  title: string;
  sources: EventSource[];
  /** Reports merged in all, including those beyond the sources cap. */
  reportCount?: number;
  /** Distinct outlets that reported it (capped list). */
  outlets?: string[];
  /** At least one source is official. */
  official?: boolean;
  /** Every source is old news (backlog or older than the age limit): stored, never alerted. */
  backfill?: boolean;
  evidence: string[];
  confidence: number;
  firstSeen: string;
  lastSeen: string;
  /** PENDING while an alert is due (see nextAlert); SENT once the publisher confirmed it. */
  alertState: AlertState;
  /** Stages already alerted; each stage alerts at most once. */
  alertedStages: Stage[];
  /** Stages whose official confirmation went out (or whose alert already had an official source). */
  confirmedStages?: Stage[];
  /** Vendors named by alerts already sent. */
  alertedVendors?: string[];
  /** Alerts sent, in order (bounded). */
  alerts?: SentAlert[];
  /**
   * An earlier event at the same stage of the same measure this one may repeat (core/events.ts
   * repeatCandidate): its first alert then needs two outlets or an official source.
   */
  repeatOf?: string;
  /** Alerted stages taken back (each at most once), with whether the correction went out. */
  retractions?: Retraction[];
  /** Monotonic counter bumped on every change; guards concurrent updates. */
  version: number;
}

export interface AlertAttributes {
  countries: string[];
  vendors: string[];
  measure: Measure;
  stage: Stage;
}

/** One alert: one event at one stage. The same shape goes to the local outbox and to SNS. */
export interface Alert {
  /** `<eventId>-<stage>` (and a suffix for confirmations and vendor updates): deterministic, so a retried publish is recognisable. */
  alertId: string;
  eventId: string;
  /** What this alert covers; the notifier records it on the event once published. */
  mark: AlertMark;
  /** One line, at most 100 characters, no control characters. */
  subject: string;
  /** Plain text: no HTML, no script from the feed. */
  text: string;
  attributes: AlertAttributes;
  /** Topic names this alert goes to: "all" and one per country ("country-jp"). */
  topics: string[];
  sources: Array<{ title: string; link: string | null; feedId: string; published: string | null }>;
  createdAt: string;
  /** The event itself, for machine consumers (SNS sqs/https/email-json). */
  event: PolicyEvent;
}

/** Poll bookkeeping per feed. */
export interface FeedState {
  feedId: string;
  /** The URL these validators and failures are about: a registry change of URL starts afresh. */
  url?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  lastPolledAt?: string | null;
  lastSuccessAt?: string | null;
  /** Consecutive failures; reset by one success. */
  failures: number;
  /** The feed is not polled before this instant (Retry-After or backoff). */
  nextPollAfter?: string | null;
  lastError?: { code: string; message: string; at: string } | null;
  lastStatus?: FeedStatus | null;
  /** Item keys of the last successful response (capped): the next poll reads none of these from the store. */
  seenItemKeys?: string[];
}

export type FeedStatus = 'ok' | 'not_modified' | 'skipped' | 'error';

/** What one poll of one feed did (the per-feed line of the run summary). */
export interface FeedOutcome {
  id: string;
  url: string;
  status: FeedStatus;
  httpStatus?: number;
  items: number;
  newItems: number;
  relevant: number;
  events: { new: number; updated: number };
  /** New items stored as old news (the feed's first poll, or older than the age limit): they never alert. */
  oldNews?: number;
  error?: string;
  errorCode?: string;
}
