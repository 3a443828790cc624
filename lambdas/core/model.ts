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
   * How sure the stage is, in [0, 1] (relevant items only). High (≥ 0.8) only for an unambiguous cue
   * the rest of the text does not contradict ("court blocks", "lifted the ban", "decided not to");
   * a lifted or rejected stage without one stays ≤ 0.6; a stage no cue supports is 0.3.
   */
  stageConfidence?: number;
}

/** A feed item after parsing and normalising: plain text, bounded sizes, stable identity. */
export interface NormalizedItem {
  /** Stable identity: hash of guid, else canonical link, else title+date. */
  itemKey: string;
  feedId: string;
  guid: string | null;
  /** Canonical link (tracking parameters removed), or null. */
  link: string | null;
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
}

export interface EventSource {
  itemKey: string;
  title: string;
  link: string | null;
  feedId: string;
  published: string | null;
}

export type AlertState = 'PENDING' | 'SENT';

/** A state measure against vendors, built from one or more items. */
export interface PolicyEvent {
  eventId: string;
  /** Deterministic key of the (countries, vendors, measure) cluster. */
  clusterKey: string;
  /**
   * Position of this event in its cluster (0 for the first; a story that returns after the window
   * gets the next). The id derives from clusterKey + seq, so two pollers that see the same new
   * story at once race for one id and only one creates it.
   */
  seq: number;
  countries: string[];
  vendors: string[];
  measure: Measure;
  /** The most advanced stage reported so far (see stageRank). */
  stage: Stage;
  /** Headline of the first source, plain text. */
  title: string;
  sources: EventSource[];
  evidence: string[];
  confidence: number;
  firstSeen: string;
  lastSeen: string;
  /** PENDING while a stage has not been alerted yet (outbox); SENT once the publisher confirmed. */
  alertState: AlertState;
  /** Stages already alerted; each stage alerts at most once. */
  alertedStages: Stage[];
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
  /** `<eventId>:<stage>`: deterministic, so a retried publish is recognisable. */
  alertId: string;
  eventId: string;
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
  error?: string;
  errorCode?: string;
}
