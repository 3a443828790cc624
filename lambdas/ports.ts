/**
 * The ports the core and the pipeline need. Adapters implement them (lambdas/adapters/);
 * the composition roots (lambdas/handlers/compose.ts, lambdas/local/) wire them.
 */
import type { Alert, FeedState, PolicyEvent, StoredItem } from './core/model.js';

export interface Clock {
  now(): Date;
}

export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
}

export type FetchResult =
  | {
      status: 'ok';
      httpStatus: number;
      /** The decoded body text (charset handled by the fetcher). */
      body: string;
      /** URL after redirects. */
      finalUrl: string;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
    }
  | { status: 'not_modified'; httpStatus: 304; finalUrl: string };

/** Fetches one feed over HTTP. Throws FeedFetchError (with code, httpStatus, retryAfterSeconds). */
export interface FeedFetcher {
  fetch(request: FetchRequest): Promise<FetchResult>;
}

export interface EventQuery {
  country?: string;
  vendor?: string;
  /** ISO date or date-time; events whose lastSeen is at or after it. */
  since?: string;
  limit?: number;
}

/**
 * Persistence. Every write is idempotent: retries never double an item, an event or an alert.
 * Implementations throw StoreUnavailableError when storage cannot be used.
 */
export interface Store {
  getFeedStates(feedIds: string[]): Promise<Map<string, FeedState>>;
  putFeedState(state: FeedState): Promise<void>;

  /** Keys among `itemKeys` that are already stored. */
  existingItemKeys(itemKeys: string[]): Promise<Set<string>>;
  /** Stores items that are not stored yet (conditional). Returns the keys actually inserted. */
  putItems(items: StoredItem[]): Promise<Set<string>>;
  /** Overwrites the classification/eventId of stored items (reclassify). */
  updateItems(items: StoredItem[]): Promise<void>;
  /** All stored items, page by page (reclassify). */
  scanItems(): AsyncIterable<StoredItem[]>;

  getEvent(eventId: string): Promise<PolicyEvent | null>;
  /**
   * The events a new report with these acting countries could join: every event of the resolution
   * key seen at or after `since`, plus the most recently created ones whatever their dates (an index
   * may lag a concurrent creation), all read consistently; and `nextSeq`, the first free position of
   * the key, where a new event goes.
   */
  resolutionCandidates(clusterKey: string, since: string): Promise<ResolutionCandidates>;
  /**
   * Creates (expectedVersion 0, must not exist) or replaces (version must equal expectedVersion)
   * an event; maintains the country index rows, the resolution head and the pending-alert index.
   * Returns false when the condition failed (someone else changed it): reload and retry.
   */
  saveEvent(event: PolicyEvent, expectedVersion: number): Promise<boolean>;
  /**
   * Read-modify-write of one event with optimistic versions: `update` gets the current event and
   * returns the new one (version + 1) or null for "nothing to change"; retried on a concurrent
   * change. Returns the event as stored afterwards, or null when it does not exist.
   */
  updateEvent(eventId: string, update: (event: PolicyEvent) => PolicyEvent | null): Promise<PolicyEvent | null>;
  /** Events whose alertState is PENDING, oldest first. */
  listPendingEvents(limit?: number): Promise<PolicyEvent[]>;
  queryEvents(query: EventQuery): Promise<PolicyEvent[]>;
}

export interface ResolutionCandidates {
  events: PolicyEvent[];
  nextSeq: number;
}

export interface PublishResult {
  /** alertIds confirmed by the publisher. */
  published: string[];
  failed: Array<{ alertId: string; error: string }>;
}

/** Delivers alerts (SNS, or the local outbox). Must tolerate a retried alertId. */
export interface Publisher {
  publish(alerts: Alert[]): Promise<PublishResult>;
}

/** Structured logging; Powertools' Logger satisfies it, the CLI passes its own. */
export interface Logger {
  debug(message: string, extra?: Record<string, unknown>): void;
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

/** The real clock, for the two composition roots. */
export const systemClock: Clock = { now: () => new Date() };

export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
