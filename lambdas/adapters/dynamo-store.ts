/**
 * The DynamoDB Store: feed state, items and policy events in the one table of lambdas/table.ts.
 *
 * Row layout (DESIGN.md):
 *   FEED#<feedId>      / STATE                      feed state
 *   ITEM#<itemKey>     / ITEM                       a StoredItem; irrelevant ones carry `expiresAt` (TTL)
 *   EVENT#<eventId>    / EVENT                      a PolicyEvent + entity=EVENT; pendingPk/pendingSk
 *                                                   only while alertState is PENDING (sparse outbox)
 *   COUNTRY#<cc>       / <firstSeen date>#<eventId> country index row (eventId, firstSeen)
 *   DELIVERY#<alertId> / DELIVERY                   topics an alert reached (DeliveryLog), with a TTL
 *
 * GSIs are assumed to project ALL attributes (the CDK stack and ensureTable() create them so), but
 * no read trusts projected attributes: every query takes just the base key from the GSI and
 * re-reads the base row (consistently where the read decides something: the pending outbox, the
 * latest event of a cluster), because GSIs are eventually consistent on AWS and, locally, a killed
 * process can leave an index row without its base row.
 *
 * The adapter takes a DynamoDBDocumentClient (Powertools style) and never builds one; both
 * composition roots build it with createDocumentClient() below. SDK errors are translated here:
 * ConditionalCheckFailed means "already stored"/"someone else changed it", everything that makes
 * the table unusable becomes a StoreUnavailableError with a stable code.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { StoreUnavailableError } from '../core/errors.js';
import { STAGES, type FeedState, type PolicyEvent, type Stage, type StoredItem } from '../core/model.js';
import { newEventId } from '../core/events.js';
import { silentLogger, type AlertDeliveryRecord, type DeliveryLog, type EventQuery, type Logger, type ResolutionCandidates, type Store } from '../ports.js';
import { EVENT_ENTITY, PENDING, TABLE, keys } from '../table.js';

/** Stable codes of the StoreUnavailableErrors this adapter throws. */
export const STORE_ERROR_CODES = {
  /** Network down, credentials rejected, throttled beyond the SDK's retries, 5xx. */
  unavailable: 'STORE_UNAVAILABLE',
  /** The table does not exist (not deployed / local table not created). */
  tableMissing: 'STORE_TABLE_MISSING',
  /** DynamoDB rejected the request itself (validation, item too large): a bug or bad data. */
  requestFailed: 'STORE_REQUEST_FAILED',
  /** The table exists but lacks an index this version needs (local data dir from another version). */
  schemaMismatch: 'STORE_SCHEMA_MISMATCH',
  /** An optimistic update kept losing to concurrent writers. */
  contention: 'STORE_CONTENTION',
} as const;

/**
 * Builds the DocumentClient both composition roots use. removeUndefinedValues: optional model
 * fields are often `undefined`, which DynamoDB cannot store; convertClassInstanceToMap false: only
 * plain data belongs in the table, a class instance reaching here is a bug and should fail loudly.
 */
export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false, convertEmptyValues: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}

export interface DynamoStoreOptions {
  /** Days an irrelevant item is kept (TTL) so re-polls still dedupe it. Default 30. */
  irrelevantItemTtlDays?: number;
  logger?: Logger;
  /** Rows per Scan request in scanItems (DynamoDB's 1 MB page cap applies too). Default: no limit. */
  scanPageLimit?: number;
  /** Retries of UnprocessedKeys/UnprocessedItems of batch calls. */
  batchRetry?: { maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number };
  /** Conditional puts in flight at once in putItems. Default 16. */
  putConcurrency?: number;
}

/** 30 days: long enough to cover feeds that keep old entries for weeks, short enough to bound the table. */
const DEFAULT_TTL_DAYS = 30;
/** BatchGetItem accepts at most 100 keys per call (DynamoDB limit). */
const BATCH_GET_MAX = 100;
/** BatchWriteItem accepts at most 25 requests per call (DynamoDB limit). */
const BATCH_WRITE_MAX = 25;
/**
 * 8 attempts with full jitter from 50 ms doubling to a 2 s cap: ~5 s worst case, which rides out a
 * throttling burst on an on-demand table without stalling a Lambda poll for long.
 */
const DEFAULT_BATCH_RETRY = { maxAttempts: 8, baseDelayMs: 50, maxDelayMs: 2_000 };
/**
 * 16 conditional puts in flight: hides per-request latency (measured on dynalite: 1 → ~560,
 * 8 → ~850, 16 → ~1,350, 32 → ~1,500 items/s) while staying far below the SDK's 50 sockets and an
 * on-demand table's initial 4,000 WCU, so it does not provoke throttling.
 */
const DEFAULT_PUT_CONCURRENCY = 16;
/** Optimistic read-modify-write attempts in updateEvent before giving up as contention. */
const UPDATE_EVENT_ATTEMPTS = 8;
/** Newest events of a resolution key read by id, whatever the index says (it may lag a creation by seconds). */
const RECENT_BY_ID = 8;
/** Defaults matching the in-memory store: the outbox drains in batches; listings are bounded. */
const DEFAULT_PENDING_LIMIT = 100;
const DEFAULT_QUERY_LIMIT = 1_000;

type Row = Record<string, unknown>;
type Key = { pk: string; sk: string };

const ROW_ATTRS = ['pk', 'sk'] as const;
const ITEM_ROW_ATTRS = [...ROW_ATTRS, TABLE.ttlAttribute] as const;
const EVENT_ROW_ATTRS = [
  ...ROW_ATTRS,
  'entity',
  // Row bookkeeping, not part of the event: read through oldestPendingSavedAt().
  'savedAt',
  TABLE.indexes.pending.partitionKey,
  TABLE.indexes.pending.sortKey,
] as const;

export class DynamoStore implements Store, DeliveryLog {
  private readonly ttlDays: number;
  private readonly logger: Logger;
  private readonly scanPageLimit: number | undefined;
  private readonly retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number };
  private readonly putConcurrency: number;

  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
    opts: DynamoStoreOptions = {},
  ) {
    this.ttlDays = opts.irrelevantItemTtlDays ?? DEFAULT_TTL_DAYS;
    this.logger = opts.logger ?? silentLogger;
    this.scanPageLimit = opts.scanPageLimit;
    this.retry = { ...DEFAULT_BATCH_RETRY, ...stripUndefined(opts.batchRetry ?? {}) };
    this.putConcurrency = Math.max(1, opts.putConcurrency ?? DEFAULT_PUT_CONCURRENCY);
  }

  // ---------------------------------------------------------------- feed state

  async getFeedStates(feedIds: string[]): Promise<Map<string, FeedState>> {
    const rows = await this.batchGet(feedIds.map((id) => keys.feedState(id)));
    const out = new Map<string, FeedState>();
    for (const row of rows) {
      const state = omit(row, ROW_ATTRS) as unknown as FeedState;
      out.set(state.feedId, state);
    }
    return out;
  }

  async putFeedState(state: FeedState): Promise<void> {
    await this.call('PutItem', () =>
      this.doc.send(
        new PutCommand({ TableName: this.tableName, Item: { ...stripUndefined(state), ...keys.feedState(state.feedId) } }),
      ),
    );
  }

  // ---------------------------------------------------------------- items

  async existingItemKeys(itemKeys: string[]): Promise<Set<string>> {
    const unique = [...new Set(itemKeys)];
    // Only the key comes back: existence is all we need, and items can be 20 KB each.
    const rows = await this.batchGet(
      unique.map((k) => keys.item(k)),
      { projection: 'pk' },
    );
    const prefix = keys.item('').pk;
    return new Set(rows.map((r) => String(r.pk).slice(prefix.length)));
  }

  async putItems(items: StoredItem[]): Promise<Set<string>> {
    const byKey = new Map<string, StoredItem>();
    for (const item of items) if (!byKey.has(item.itemKey)) byKey.set(item.itemKey, item);
    // No existence read first: the pipeline already asked existingItemKeys and passes only new
    // items, so a second BatchGet would pay for reads that almost never save a write. Correctness
    // comes from the conditional put per item, which makes concurrent pollers of overlapping feeds
    // insert each key exactly once (BatchWrite has no conditions, so it would let both "insert").
    const candidates = [...byKey.values()];
    const inserted = new Set<string>();
    await mapLimit(candidates, this.putConcurrency, async (item) => {
      try {
        await this.call('PutItem', () =>
          this.doc.send(
            new PutCommand({
              TableName: this.tableName,
              Item: this.itemRow(item),
              ConditionExpression: 'attribute_not_exists(pk)',
            }),
          ),
        );
        inserted.add(item.itemKey);
      } catch (err) {
        if (!isConditionalFailure(err)) throw err;
        // Stored already (a retry, or another poller got there first): not an error.
      }
    });
    return inserted;
  }

  async updateItems(items: StoredItem[]): Promise<void> {
    // Last write of a key wins; BatchWrite rejects two requests for the same key in one call.
    const byKey = new Map<string, StoredItem>();
    for (const item of items) byKey.set(item.itemKey, item);
    const requests = [...byKey.values()].map((item) => ({ PutRequest: { Item: this.itemRow(item) } }));
    await this.batchWrite(requests);
  }

  async *scanItems(): AsyncIterable<StoredItem[]> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.call('Scan', () =>
        this.doc.send(
          new ScanCommand({
            TableName: this.tableName,
            FilterExpression: 'begins_with(pk, :prefix)',
            ExpressionAttributeValues: { ':prefix': keys.item('').pk },
            ExclusiveStartKey: startKey,
            ...(this.scanPageLimit !== undefined ? { Limit: this.scanPageLimit } : {}),
          }),
        ),
      );
      startKey = page.LastEvaluatedKey;
      const items = (page.Items ?? []).map((row) => fromItemRow(row));
      // A filtered page can be empty while more pages follow: only hand out pages with items.
      if (items.length > 0) yield items;
    } while (startKey);
  }

  // ---------------------------------------------------------------- events

  async getEvent(eventId: string): Promise<PolicyEvent | null> {
    const res = await this.call('GetItem', () =>
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.event(eventId), ConsistentRead: true })),
    );
    return res.Item ? fromEventRow(res.Item) : null;
  }

  async resolutionCandidates(clusterKey: string, since: string): Promise<ResolutionCandidates> {
    const head = await this.call('GetItem', () =>
      this.doc.send(new GetCommand({ TableName: this.tableName, Key: keys.resolveHead(clusterKey), ConsistentRead: true })),
    );
    const maxSeq = typeof head.Item?.maxSeq === 'number' ? head.Item.maxSeq : -1;
    const found = new Map<string, PolicyEvent>();
    // Events created after the head was last raised (a creator that died before raising it, or one
    // racing us right now): seqs are handed out contiguously, so probe until the first free one.
    let nextSeq = maxSeq + 1;
    for (;;) {
      const probed = await this.getEvent(newEventId(clusterKey, nextSeq));
      if (!probed) break;
      found.set(probed.eventId, probed);
      nextSeq++;
    }
    // The index is eventually consistent: it finds older open events cheaply, while the newest
    // (which it may not show yet) are read by id.
    const idx = TABLE.indexes.cluster;
    const indexed = await this.queryAll({
      IndexName: idx.name,
      KeyConditionExpression: '#k = :k AND #ls >= :since',
      ExpressionAttributeNames: { '#k': idx.partitionKey, '#ls': idx.sortKey },
      ExpressionAttributeValues: { ':k': clusterKey, ':since': since },
      ProjectionExpression: 'pk',
    });
    const ids = new Set(indexed.map((r) => eventIdOfPk(r.pk)));
    for (let seq = Math.max(0, maxSeq - RECENT_BY_ID + 1); seq <= maxSeq; seq++) ids.add(newEventId(clusterKey, seq));
    for (const id of found.keys()) ids.delete(id);
    const rows = await this.batchGet([...ids].map((id) => keys.event(id)));
    for (const row of rows) {
      const event = fromEventRow(row);
      found.set(event.eventId, event);
    }
    return { events: [...found.values()].sort((a, b) => a.seq - b.seq), nextSeq };
  }

  async saveEvent(event: PolicyEvent, expectedVersion: number): Promise<boolean> {
    // Country rows first: if we die between the two writes, a dangling row is harmless (queries
    // re-read the event and check its countries); a missing row would hide the event.
    await this.putCountryRows(event);
    const condition =
      expectedVersion === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#v = :expected',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          };
    try {
      await this.call('PutItem', () =>
        this.doc.send(new PutCommand({ TableName: this.tableName, Item: eventRow(event), ...condition })),
      );
    } catch (err) {
      if (isConditionalFailure(err)) return false;
      throw err;
    }
    if (expectedVersion === 0) await this.raiseResolveHead(event.clusterKey, event.seq);
    return true;
  }

  async updateEvent(eventId: string, update: (event: PolicyEvent) => PolicyEvent | null): Promise<PolicyEvent | null> {
    for (let attempt = 1; attempt <= UPDATE_EVENT_ATTEMPTS; attempt++) {
      const current = await this.getEvent(eventId);
      if (!current) {
        this.logger.warn('updateEvent: event not found; nothing to change', { eventId });
        return null;
      }
      const next = update(current);
      if (!next) return current;
      if (await this.saveEvent({ ...next, version: current.version + 1 }, current.version)) return { ...next, version: current.version + 1 };
      this.logger.debug('updateEvent: event changed concurrently; reloading', { eventId, attempt });
    }
    throw new StoreUnavailableError(
      STORE_ERROR_CODES.contention,
      `event ${eventId} in table "${this.tableName}" kept changing under us; gave up after ${UPDATE_EVENT_ATTEMPTS} attempts`,
    );
  }

  /** Raises the resolution head to `seq` (never lowers it: a late writer's smaller seq is a no-op). */
  private async raiseResolveHead(clusterKey: string, seq: number): Promise<void> {
    try {
      // A conditional Put, not an Update: the row holds nothing else, and poll's role then needs
      // no dynamodb:UpdateItem.
      await this.call('PutItem', () =>
        this.doc.send(
          new PutCommand({
            TableName: this.tableName,
            Item: { ...keys.resolveHead(clusterKey), maxSeq: seq },
            ConditionExpression: 'attribute_not_exists(#m) OR #m < :s',
            ExpressionAttributeNames: { '#m': 'maxSeq' },
            ExpressionAttributeValues: { ':s': seq },
          }),
        ),
      );
    } catch (err) {
      if (!isConditionalFailure(err)) throw err;
    }
  }

  async listPendingEvents(limit = DEFAULT_PENDING_LIMIT): Promise<PolicyEvent[]> {
    const idx = TABLE.indexes.pending;
    const out: PolicyEvent[] = [];
    if (limit <= 0) return out;
    const pages = this.queryPages(
      {
        IndexName: idx.name,
        KeyConditionExpression: '#p = :p',
        ExpressionAttributeNames: { '#p': idx.partitionKey },
        ExpressionAttributeValues: { ':p': PENDING },
        ScanIndexForward: true,
        ProjectionExpression: 'pk',
      },
      // One BatchGet's worth of keys per page.
      () => Math.min(BATCH_GET_MAX, Math.max(1, limit - out.length)),
    );
    for await (const page of pages) {
      const ids = page.map((r) => eventIdOfPk(r.pk));
      // The GSI may still list an event that was just marked SENT: re-read the base rows
      // consistently so a settled alert is never offered (and published) again.
      const rows = await this.batchGet(ids.map((id) => keys.event(id)));
      const byId = new Map(rows.map((r) => [String(r.eventId), fromEventRow(r)]));
      for (const id of ids) {
        const event = byId.get(id);
        if (event && event.alertState === 'PENDING' && out.length < limit) out.push(event);
      }
      if (out.length >= limit) break;
    }
    return out;
  }

  async oldestPendingSavedAt(): Promise<string | null> {
    const idx = TABLE.indexes.pending;
    // The index projects every attribute: savedAt comes with the key, no base-row reads. A gauge
    // may lag by the index's second or so.
    const rows = await this.queryAll({
      IndexName: idx.name,
      KeyConditionExpression: '#p = :p',
      ExpressionAttributeNames: { '#p': idx.partitionKey, '#s': 'savedAt' },
      ExpressionAttributeValues: { ':p': PENDING },
      ProjectionExpression: '#s',
    });
    let oldest: string | null = null;
    for (const r of rows) if (typeof r.savedAt === 'string' && (oldest === null || r.savedAt < oldest)) oldest = r.savedAt;
    return oldest;
  }

  async queryEvents(query: EventQuery): Promise<PolicyEvent[]> {
    const limit = query.limit ?? DEFAULT_QUERY_LIMIT;
    const vendor = query.vendor?.trim().toLowerCase();
    const matches = (e: PolicyEvent) =>
      (!query.since || e.lastSeen >= query.since) &&
      (!vendor || e.vendors.some((v) => v.toLowerCase() === vendor));
    if (limit <= 0) return [];

    if (query.country) {
      const country = query.country.trim().toUpperCase();
      // The index row's sort key is the *firstSeen* date while `since` bounds *lastSeen*: an event
      // first seen before `since` and updated after it must still be found, so the whole country
      // partition is read (tens to hundreds of rows per country) and `since` filters the events.
      const rows = await this.queryAll({
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.countryIndex(country, '', '').pk },
        ProjectionExpression: 'eventId',
      });
      const ids = [...new Set(rows.map((r) => String(r.eventId)))];
      const events = (await this.batchGet(ids.map((id) => keys.event(id)), { consistent: false })).map(fromEventRow);
      // Index rows can outlive a country being dropped from an event: trust the event, not the row.
      return events
        .filter((e) => e.countries.includes(country) && matches(e))
        .sort(newestFirst)
        .slice(0, limit);
    }

    const idx = TABLE.indexes.events;
    const out: PolicyEvent[] = [];
    const seen = new Set<string>();
    const pages = this.queryPages({
      IndexName: idx.name,
      KeyConditionExpression: query.since ? '#e = :e AND #ls >= :since' : '#e = :e',
      ExpressionAttributeNames: { '#e': idx.partitionKey, ...(query.since ? { '#ls': idx.sortKey } : {}) },
      ExpressionAttributeValues: { ':e': EVENT_ENTITY, ...(query.since ? { ':since': query.since } : {}) },
      ScanIndexForward: false,
      // Only which events, in which order: what they hold is read from the base rows below.
      ProjectionExpression: 'pk',
    });
    for await (const page of pages) {
      for (const event of await this.baseEventsOf(page, seen)) {
        if (matches(event) && out.length < limit) out.push(event);
      }
      if (out.length >= limit) break;
    }
    return out.sort(newestFirst);
  }

  /**
   * The events that index rows point to, read from their base rows, in index order, each once.
   * An index row can be stale or point to no event at all (GSIs lag on AWS; locally a process
   * killed between dynalite's index and base writes leaves such rows): the base row is the truth,
   * and a row without one is skipped.
   */
  private async baseEventsOf(indexRows: Row[], seen: Set<string>): Promise<PolicyEvent[]> {
    const ids = indexRows.map((r) => eventIdOfPk(r.pk)).filter((id) => !seen.has(id) && (seen.add(id), true));
    const rows = await this.batchGet(ids.map((id) => keys.event(id)), { consistent: false });
    const byId = new Map(rows.map((r) => [String(r.eventId), fromEventRow(r)]));
    return ids.map((id) => byId.get(id)).filter((e): e is PolicyEvent => e !== undefined);
  }

  // ---------------------------------------------------------------- alert intent (DeliveryLog)

  async deliveryRecords(alertIds: string[]): Promise<Map<string, AlertDeliveryRecord>> {
    const rows = await this.batchGet(alertIds.map((id) => keys.delivery(id)));
    return new Map(rows.map((row) => [String(row.alertId), deliveryRecordOf(row)]));
  }

  async beginAttempt(alertId: string, at: string): Promise<{ attempt: number; firstAttemptAt: string } | null> {
    try {
      const res = await this.call('UpdateItem', () =>
        this.doc.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.delivery(alertId),
            // Conditional: an alert SENT or FAILED is never attempted again (SENDING → SENT | FAILED).
            UpdateExpression: 'SET #state = :sending, #alertId = :alertId, #ttl = :ttl, #last = :at, #first = if_not_exists(#first, :at) ADD #attempts :one',
            ConditionExpression: 'attribute_not_exists(#state) OR #state = :sending',
            ExpressionAttributeNames: { '#state': 'state', '#alertId': 'alertId', '#ttl': TABLE.ttlAttribute, '#last': 'lastAttemptAt', '#first': 'firstAttemptAt', '#attempts': 'attempts' },
            ExpressionAttributeValues: { ':sending': 'SENDING', ':alertId': alertId, ':ttl': this.deliveryExpiry(), ':at': at, ':one': 1 },
            ReturnValues: 'UPDATED_NEW',
          }),
        ),
      );
      return { attempt: Number(res.Attributes?.attempts ?? 1), firstAttemptAt: String(res.Attributes?.firstAttemptAt ?? at) };
    } catch (err) {
      if (isConditionalFailure(err)) return null;
      throw err;
    }
  }

  async recordDelivery(alertId: string, topic: string, messageId?: string): Promise<void> {
    // ADD to string sets: idempotent, and concurrent notifiers recording other topics never collide.
    // The TTL bounds the table: an alert is retried for hours at most, never for weeks.
    await this.call('UpdateItem', () =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.delivery(alertId),
          UpdateExpression: `ADD #topics :topic${messageId ? ', #receipts :receipt' : ''} SET #alertId = :alertId, #ttl = :ttl`,
          ExpressionAttributeNames: { '#topics': 'topics', '#alertId': 'alertId', '#ttl': TABLE.ttlAttribute, ...(messageId ? { '#receipts': 'receipts' } : {}) },
          ExpressionAttributeValues: {
            ':topic': new Set([topic]),
            ':alertId': alertId,
            ':ttl': this.deliveryExpiry(),
            ...(messageId ? { ':receipt': new Set([`${topic} ${messageId}`]) } : {}),
          },
        }),
      ),
    );
  }

  async finishAlert(alertId: string, state: 'SENT' | 'FAILED', error?: string): Promise<void> {
    await this.call('UpdateItem', () =>
      this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.delivery(alertId),
          UpdateExpression: `SET #state = :state, #alertId = :alertId, #ttl = :ttl${error ? ', #err = :err' : ''}`,
          ExpressionAttributeNames: { '#state': 'state', '#alertId': 'alertId', '#ttl': TABLE.ttlAttribute, ...(error ? { '#err': 'lastError' } : {}) },
          ExpressionAttributeValues: { ':state': state, ':alertId': alertId, ':ttl': this.deliveryExpiry(), ...(error ? { ':err': error.slice(0, 500) } : {}) },
        }),
      ),
    );
  }

  private deliveryExpiry(): number {
    return Math.floor(Date.now() / 1000) + this.ttlDays * 86_400;
  }

  // ---------------------------------------------------------------- read paths of `explain`

  /** The stored items among these keys (read-only tools: `banwatch explain`). */
  async getItems(itemKeys: string[]): Promise<StoredItem[]> {
    const rows = await this.batchGet(itemKeys.map((k) => keys.item(k)), { consistent: false });
    return rows.map(fromItemRow);
  }

  // ---------------------------------------------------------------- rows

  private itemRow(item: StoredItem): Row {
    const row: Row = { ...stripUndefined(item), ...keys.item(item.itemKey) };
    if (!item.classification.relevant) {
      const fetched = Date.parse(item.fetchedAt);
      if (Number.isFinite(fetched)) {
        row[TABLE.ttlAttribute] = Math.floor(fetched / 1000) + this.ttlDays * 86_400;
      } else {
        // Keep it rather than guess an expiry: a stored item without TTL only costs space.
        this.logger.warn('irrelevant item has an invalid fetchedAt; stored without TTL', { itemKey: item.itemKey });
      }
    }
    return row;
  }

  private async putCountryRows(event: PolicyEvent): Promise<void> {
    const date = event.firstSeen.slice(0, 10);
    await Promise.all(
      [...new Set(event.countries.map((c) => c.toUpperCase()))].map(async (country) => {
        try {
          await this.call('PutItem', () =>
            this.doc.send(
              new PutCommand({
                TableName: this.tableName,
                Item: { ...keys.countryIndex(country, date, event.eventId), eventId: event.eventId, firstSeen: event.firstSeen },
                // Written on every save (cheap, self-healing); the condition keeps it a no-op once there.
                ConditionExpression: 'attribute_not_exists(pk)',
              }),
            ),
          );
        } catch (err) {
          if (!isConditionalFailure(err)) throw err;
        }
      }),
    );
  }

  // ---------------------------------------------------------------- SDK plumbing

  /** Runs one SDK call, translating its failure into our errors (ConditionalCheckFailed passes through). */
  private async call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isConditionalFailure(err)) throw err;
      throw translateStoreError(err, this.tableName, operation);
    }
  }

  /** Query pages, following LastEvaluatedKey; `limit` (optional) is re-read for each page. */
  private async *queryPages(
    input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>,
    limit?: () => number,
  ): AsyncGenerator<Row[]> {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.call('Query', () =>
        this.doc.send(
          new QueryCommand({
            ...input,
            TableName: this.tableName,
            ExclusiveStartKey: startKey,
            ...(limit ? { Limit: limit() } : {}),
          }),
        ),
      );
      startKey = page.LastEvaluatedKey;
      yield page.Items ?? [];
    } while (startKey);
  }

  private async queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey' | 'Limit'>): Promise<Row[]> {
    const rows: Row[] = [];
    for await (const page of this.queryPages(input)) rows.push(...page);
    return rows;
  }

  /** BatchGetItem in calls of 100 keys, retrying UnprocessedKeys with backoff. Order is not kept. */
  private async batchGet(
    keyList: Key[],
    opts: { projection?: string; consistent?: boolean } = {},
  ): Promise<Row[]> {
    const unique = [...new Map(keyList.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
    const rows: Row[] = [];
    for (let i = 0; i < unique.length; i += BATCH_GET_MAX) {
      let pending: Record<string, unknown>[] = unique.slice(i, i + BATCH_GET_MAX);
      for (let attempt = 1; pending.length > 0; attempt++) {
        if (attempt > 1) {
          if (attempt > this.retry.maxAttempts) throw this.unprocessedError('BatchGetItem', pending.length);
          await this.backoff(attempt - 1, 'BatchGetItem', pending.length);
        }
        const res = await this.call('BatchGetItem', () =>
          this.doc.send(
            new BatchGetCommand({
              RequestItems: {
                [this.tableName]: {
                  Keys: pending,
                  ConsistentRead: opts.consistent ?? true,
                  ...(opts.projection ? { ProjectionExpression: opts.projection } : {}),
                },
              },
            }),
          ),
        );
        rows.push(...(res.Responses?.[this.tableName] ?? []));
        pending = res.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    return rows;
  }

  /** BatchWriteItem in calls of 25 requests, retrying UnprocessedItems with backoff. */
  private async batchWrite(requests: Array<{ PutRequest: { Item: Row } }>): Promise<void> {
    for (let i = 0; i < requests.length; i += BATCH_WRITE_MAX) {
      let pending: Array<Record<string, unknown>> = requests.slice(i, i + BATCH_WRITE_MAX);
      for (let attempt = 1; pending.length > 0; attempt++) {
        if (attempt > 1) {
          if (attempt > this.retry.maxAttempts) throw this.unprocessedError('BatchWriteItem', pending.length);
          await this.backoff(attempt - 1, 'BatchWriteItem', pending.length);
        }
        const res = await this.call('BatchWriteItem', () =>
          this.doc.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending as never } })),
        );
        pending = (res.UnprocessedItems?.[this.tableName] ?? []) as Array<Record<string, unknown>>;
      }
    }
  }

  /** Full jitter (AWS architecture blog): spreads retries of concurrent pollers apart. */
  private async backoff(retry: number, operation: string, count: number): Promise<void> {
    const cap = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (retry - 1));
    const delay = Math.floor(Math.random() * cap);
    this.logger.debug(`${operation}: retrying unprocessed entries`, { table: this.tableName, count, retry, delayMs: delay });
    await new Promise((resolve) => setTimeout(resolve, delay));
  }

  private unprocessedError(operation: string, count: number): StoreUnavailableError {
    return new StoreUnavailableError(
      STORE_ERROR_CODES.unavailable,
      `DynamoDB table "${this.tableName}" left ${count} ${operation} entries unprocessed after ${this.retry.maxAttempts} attempts (throttled)`,
    );
  }
}

// ---------------------------------------------------------------- row mapping

function eventRow(event: PolicyEvent): Row {
  const row: Row = {
    ...stripUndefined(event),
    alertedStages: sortStages(event.alertedStages),
    ...keys.event(event.eventId),
    entity: EVENT_ENTITY,
    clusterKey: event.clusterKey,
    lastSeen: event.lastSeen,
    // Wall-clock time of this write: the sweep's pending-age gauge reads it.
    savedAt: new Date().toISOString(),
  };
  // Sparse outbox index: only pending events carry its keys, so the index holds just the backlog.
  if (event.alertState === 'PENDING') {
    row[TABLE.indexes.pending.partitionKey] = PENDING;
    row[TABLE.indexes.pending.sortKey] = `${event.lastSeen}#${event.eventId}`;
  }
  return row;
}

function fromEventRow(row: Row): PolicyEvent {
  const event = omit(row, EVENT_ROW_ATTRS) as unknown as PolicyEvent;
  const stages = row.alertedStages;
  // A list is what we write; a String Set (read back as a Set) is accepted too.
  event.alertedStages = sortStages(stages instanceof Set ? [...stages] : Array.isArray(stages) ? stages : []);
  event.version = Number(row.version ?? 0);
  return event;
}

/** EVENT#<eventId> → eventId (event ids may themselves contain '#'). */
function eventIdOfPk(pk: unknown): string {
  return String(pk).slice(keys.event('').pk.length);
}

function fromItemRow(row: Row): StoredItem {
  return omit(row, ITEM_ROW_ATTRS) as unknown as StoredItem;
}

/** Unique stages in STAGES order (the order an event moves through them). */
function sortStages(stages: readonly unknown[]): Stage[] {
  const set = new Set(stages);
  return STAGES.filter((s) => set.has(s));
}

function newestFirst(a: PolicyEvent, b: PolicyEvent): number {
  return b.lastSeen.localeCompare(a.lastSeen);
}

function omit(row: Row, attrs: readonly string[]): Row {
  const out: Row = { ...row };
  for (const a of attrs) delete out[a];
  return out;
}

/**
 * Deep copy without `undefined` (object properties and array slots): DynamoDB cannot store it, and
 * the store must not depend on the DocumentClient having been built with removeUndefinedValues.
 */
export function stripUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map((v) => stripUndefined(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = stripUndefined(v);
    return out as T;
  }
  return value;
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

// ---------------------------------------------------------------- error translation

export function isConditionalFailure(err: unknown): boolean {
  return (err as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
]);
const CREDENTIAL_ERRORS = new Set([
  'CredentialsProviderError',
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'ExpiredTokenException',
  'ExpiredToken',
  'AccessDeniedException',
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
]);
const CAPACITY_ERRORS = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'LimitExceededException',
]);

/** Maps an SDK/network failure to a StoreUnavailableError naming the table; keeps the SDK error as cause. */
export function translateStoreError(err: unknown, tableName: string, operation: string): StoreUnavailableError {
  if (err instanceof StoreUnavailableError) return err;
  const e = (err ?? {}) as { name?: string; code?: string; message?: string; cause?: { code?: string }; errors?: Array<{ code?: string }>; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? 'Error';
  const detail = `${name}: ${e.message ?? String(err)}`;
  const where = `DynamoDB table "${tableName}" (${operation})`;
  const codes = [e.code, e.cause?.code, ...(e.errors ?? []).map((x) => x.code)].filter(Boolean) as string[];

  if (name === 'ResourceNotFoundException') {
    return new StoreUnavailableError(
      STORE_ERROR_CODES.tableMissing,
      `${where}: the table does not exist (deploy the stack, or run the local setup that creates it) — ${detail}`,
      { cause: err },
    );
  }
  if (CREDENTIAL_ERRORS.has(name)) {
    return new StoreUnavailableError(STORE_ERROR_CODES.unavailable, `${where}: AWS credentials missing or rejected — ${detail}`, { cause: err });
  }
  if (CAPACITY_ERRORS.has(name) || (e.$metadata?.httpStatusCode ?? 0) >= 500) {
    return new StoreUnavailableError(STORE_ERROR_CODES.unavailable, `${where}: throttled or failing after the SDK's retries — ${detail}`, { cause: err });
  }
  const noAnswer = e.$metadata !== undefined && e.$metadata.httpStatusCode === undefined;
  if (codes.some((c) => NETWORK_CODES.has(c)) || name === 'TimeoutError' || name === 'AbortError' || noAnswer) {
    // Sent but no HTTP status came back: connection refused, DNS, socket timeout. (An error without
    // $metadata at all never left the client, e.g. marshalling: that is a rejected request below.)
    return new StoreUnavailableError(STORE_ERROR_CODES.unavailable, `${where}: DynamoDB endpoint unreachable — ${detail}`, { cause: err });
  }
  return new StoreUnavailableError(STORE_ERROR_CODES.requestFailed, `${where}: request rejected — ${detail}`, { cause: err });
}

function deliveryRecordOf(row: Row): AlertDeliveryRecord {
  const strings = (v: unknown): string[] => (v instanceof Set ? [...v].map(String) : Array.isArray(v) ? v.map(String) : []);
  const messageIds = new Map<string, string>();
  for (const r of strings(row.receipts)) {
    const cut = r.lastIndexOf(' ');
    if (cut > 0) messageIds.set(r.slice(0, cut), r.slice(cut + 1));
  }
  const state = row.state === 'SENT' || row.state === 'FAILED' ? row.state : 'SENDING';
  return {
    alertId: String(row.alertId),
    state,
    topics: new Set(strings(row.topics)),
    messageIds,
    attempts: Number(row.attempts ?? 0),
    ...(typeof row.lastError === 'string' ? { lastError: row.lastError } : {}),
  };
}
