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
  /**
   * When the longest-pending event was last written (ISO), null when none is pending. Optional: a
   * store without it has the pending-age gauge measured from the events' lastSeen.
   */
  oldestPendingSavedAt?(): Promise<string | null>;
  queryEvents(query: EventQuery): Promise<PolicyEvent[]>;
}

export interface ResolutionCandidates {
  events: PolicyEvent[];
  nextSeq: number;
}

export interface PublishResult {
  /** alertIds confirmed by the publisher. */
  published: string[];
  /**
   * Alerts not published. `permanent`: the publisher gave up on it (FAILED after its attempt limit);
   * the caller records it as failed instead of leaving it pending.
   */
  failed: Array<{ alertId: string; error: string; permanent?: boolean }>;
  /** Where each published alert went (topic ARNs and SNS MessageIds); absent for the local outbox. */
  receipts?: Record<string, AlertReceipt>;
}

export interface AlertReceipt {
  topics: string[];
  messageIds: string[];
}

/** SENDING: attempts under way (some topics may have it); SENT: every topic has it; FAILED: given up. */
export type AlertDeliveryState = 'SENDING' | 'SENT' | 'FAILED';

export interface AlertDeliveryRecord {
  alertId: string;
  state: AlertDeliveryState;
  /** Topic keys (ARNs) the alert reached. */
  topics: Set<string>;
  /** topic → SNS MessageId of the copy it accepted. */
  messageIds: Map<string, string>;
  /** Publish attempts started (the first included). */
  attempts: number;
  lastError?: string;
}

/**
 * The alert-intent log (`DELIVERY#<alertId>` rows): which topics each alert reached and with which
 * MessageId, how many attempts it took, and whether it is done, kept across runs and Lambda
 * containers. A retry after a partial failure goes only to the topics that lack the alert; an alert
 * already SENT (its event's mark-sent write failed) is not published again; one that keeps failing
 * is given up (FAILED) after a bounded number of attempts. The DynamoDB store implements it.
 */
export interface DeliveryLog {
  /** The records of these alerts (alerts never attempted are absent). */
  deliveryRecords(alertIds: string[]): Promise<Map<string, AlertDeliveryRecord>>;
  /**
   * Starts one more attempt (state SENDING, attempts + 1) unless the alert is already SENT or
   * FAILED; returns the attempt number and when the first attempt was, or null in that case.
   */
  beginAttempt(alertId: string, at: string): Promise<{ attempt: number; firstAttemptAt: string } | null>;
  /** Records that `alertId` reached `topic` (with its MessageId). Idempotent. */
  recordDelivery(alertId: string, topic: string, messageId?: string): Promise<void>;
  /** Ends the alert's record: SENT (every topic has it) or FAILED (given up, with the last error). */
  finishAlert(alertId: string, state: 'SENT' | 'FAILED', error?: string): Promise<void>;
}

/**
 * The queue between dispatch and poll (SQS FIFO on AWS). A message names a feed by id only: the
 * poller takes the URL from its own registry, never from the queue.
 */
export interface FeedQueue {
  /** Enqueues one message per feed for this dispatch `slot` (same feed + slot = one message). */
  enqueue(feedIds: string[], slot: string): Promise<{ enqueued: number; failed: string[] }>;
}

/** Delivers alerts (SNS, or the local outbox). Must tolerate a retried alertId. */
export interface Publisher {
  publish(alerts: Alert[]): Promise<PublishResult>;
}

/** One digest message: the digest of one subscriber filter (its key, core/digest-key.ts) for one period. */
export interface DigestMessage {
  /** The filter's digest key: the message attribute the subscriptions of that filter match. */
  key: string;
  subject: string;
  /** Plain text, for e-mail. */
  text: string;
  /** Compact JSON, for machine protocols (https, sqs, lambda). */
  json: string;
}

/**
 * The digest topics (SNS on AWS): which filters their subscribers asked for, and publishing one
 * digest per filter, routed to exactly those subscribers by the key.
 */
export interface DigestChannel {
  /** The distinct digest keys of the confirmed subscriptions of this frequency's topic. */
  subscribedKeys(frequency: 'daily' | 'weekly'): Promise<string[]>;
  publish(frequency: 'daily' | 'weekly', message: DigestMessage): Promise<void>;
}

/** Where the report page and the Atom feed are written (a private S3 bucket on AWS). */
export interface ReportSink {
  put(name: string, body: string, contentType: string): Promise<void>;
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
