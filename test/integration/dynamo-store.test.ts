/**
 * The DynamoDB store against a real dynalite (in memory, or on disk where persistence is the
 * point). aws-sdk-client-mock is used only to inject faults (unprocessed batch entries) that
 * dynalite never produces on its own.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  BatchGetCommand,
  BatchWriteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  type BatchGetCommandInput,
  type BatchWriteCommandInput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStore, createDocumentClient } from '../../lambdas/adapters/dynamo-store.js';
import { StoreUnavailableError } from '../../lambdas/core/errors.js';
import { newEventId } from '../../lambdas/core/events.js';
import type { PolicyEvent, StoredItem } from '../../lambdas/core/model.js';
import { ensureTable, startLocalDynamo, type LocalDynamo } from '../../lambdas/local/dynalite.js';
import { TABLE, keys } from '../../lambdas/table.js';

let local: LocalDynamo;
let tableCounter = 0;

beforeAll(async () => {
  local = await startLocalDynamo({});
});
afterAll(async () => {
  await local?.close();
});

/** A fresh table per test: no test sees another's rows. */
async function freshStore(opts: ConstructorParameters<typeof DynamoStore>[2] = {}) {
  const tableName = `banwatch-test-${++tableCounter}`;
  await ensureTable(local.client, tableName);
  return { store: new DynamoStore(local.doc, tableName, opts), tableName };
}

function item(key: string, extra: Partial<StoredItem> = {}): StoredItem {
  return {
    itemKey: key,
    feedId: 'feed-1',
    guid: key,
    link: `https://news.example/${key}`,
    title: `headline ${key}`,
    summary: 'summary',
    published: '2026-01-10T08:00:00.000Z',
    language: 'en',
    fetchedAt: '2026-01-10T09:00:00.000Z',
    classification: {
      relevant: true,
      countries: ['JP'],
      vendors: ['Huawei'],
      measure: 'procurement_exclusion',
      stage: 'announced',
      confidence: 0.8,
      evidence: ['excludes Huawei'],
    },
    eventId: null,
    feedCountry: null,
    feedKind: 'news',
    ...extra,
  };
}

function irrelevant(key: string): StoredItem {
  return item(key, {
    classification: { relevant: false, countries: [], vendors: [], measure: null, stage: null, confidence: 0.1, evidence: [] },
  });
}

function event(id: string, extra: Partial<PolicyEvent> = {}): PolicyEvent {
  return {
    eventId: id,
    clusterKey: 'JP',
    seq: 0,
    countries: ['JP'],
    vendors: ['Huawei'],
    measure: 'procurement_exclusion',
    stage: 'announced',
    title: `event ${id}`,
    sources: [{ itemKey: `i-${id}`, title: `headline ${id}`, link: null, feedId: 'feed-1', published: null }],
    evidence: ['excludes Huawei'],
    confidence: 0.8,
    firstSeen: '2026-01-01T10:00:00.000Z',
    lastSeen: '2026-01-01T10:00:00.000Z',
    alertState: 'PENDING',
    alertedStages: [],
    version: 1,
    ...extra,
  };
}

async function rawRow(tableName: string, key: { pk: string; sk: string }) {
  const res = await local.doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
  return res.Item;
}

async function pendingIndexIds(tableName: string): Promise<string[]> {
  const res = await local.doc.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: TABLE.indexes.pending.name,
      KeyConditionExpression: 'pendingPk = :p',
      ExpressionAttributeValues: { ':p': 'PENDING' },
    }),
  );
  return (res.Items ?? []).map((r) => String(r.eventId));
}

describe('DynamoStore', () => {
  describe('feed state', () => {
    it('round-trips a feed state and omits feeds never stored', async () => {
      const { store } = await freshStore();
      const state = {
        feedId: 'nhk',
        etag: '"abc"',
        lastModified: null,
        lastPolledAt: '2026-01-10T09:00:00.000Z',
        failures: 2,
        nextPollAfter: undefined,
        lastError: { code: 'HTTP_STATUS', message: '503', at: '2026-01-10T09:00:00.000Z' },
        lastStatus: 'error' as const,
      };

      await store.putFeedState(state);
      const states = await store.getFeedStates(['nhk', 'unknown']);

      expect([...states.keys()]).toEqual(['nhk']);
      const { nextPollAfter: _dropped, ...expected } = state;
      expect(states.get('nhk')).toEqual(expected);
    });
  });

  describe('putItems', () => {
    it('inserts only new items when the same batch is stored twice', async () => {
      const { store } = await freshStore();
      const batch = [item('a'), item('b'), item('c')];

      const first = await store.putItems(batch);
      const second = await store.putItems(batch);

      expect([...first].sort()).toEqual(['a', 'b', 'c']);
      expect(second.size).toBe(0);
    });

    it('inserts each key exactly once when overlapping batches are stored concurrently', async () => {
      const { store, tableName } = await freshStore();
      const other = new DynamoStore(local.doc, tableName);
      const keysOf = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `k${from + i}`);

      const results = await Promise.all([
        store.putItems(keysOf(0, 60).map((k) => item(k))),
        other.putItems(keysOf(30, 90).map((k) => item(k))),
        store.putItems(keysOf(20, 70).map((k) => item(k))),
      ]);

      const all = results.flatMap((s) => [...s]);
      expect(all.length).toBe(90);
      expect(new Set(all).size).toBe(90);
    });

    it('sets a TTL only on irrelevant items, fetchedAt plus the configured days', async () => {
      const { store, tableName } = await freshStore({ irrelevantItemTtlDays: 7 });

      await store.putItems([item('rel'), irrelevant('noise')]);

      const rel = await rawRow(tableName, keys.item('rel'));
      const noise = await rawRow(tableName, keys.item('noise'));
      expect(rel).toBeDefined();
      expect(rel?.[TABLE.ttlAttribute]).toBeUndefined();
      expect(noise?.[TABLE.ttlAttribute]).toBe(Date.parse('2026-01-10T09:00:00.000Z') / 1000 + 7 * 86_400);
    });
  });

  describe('existingItemKeys', () => {
    it('pages past the 100-key BatchGet limit and ignores duplicates', async () => {
      const { store } = await freshStore();
      const stored = Array.from({ length: 230 }, (_, i) => `s${i}`);
      await store.updateItems(stored.map((k) => item(k)));
      const missing = Array.from({ length: 40 }, (_, i) => `m${i}`);

      const existing = await store.existingItemKeys([...stored, ...missing, 's0', 's1']);

      expect(existing.size).toBe(230);
      expect(stored.every((k) => existing.has(k))).toBe(true);
    });

    it('retries UnprocessedKeys until every key is answered', async () => {
      const { store, tableName } = await freshStore({ batchRetry: { baseDelayMs: 1 } });
      await store.putItems([item('a'), item('b'), item('c')]);
      const realSend = local.doc.send.bind(local.doc) as DynamoDBDocumentClient['send'];
      const mock = mockClient(local.doc);
      let calls = 0;
      mock.on(BatchGetCommand).callsFake(async (input: BatchGetCommandInput) => {
        calls++;
        const requested = input.RequestItems?.[tableName]?.Keys ?? [];
        if (calls > 1) return realSend(new BatchGetCommand(input));
        // First call: answer one key, leave the rest unprocessed (as throttled DynamoDB does).
        const answered = await realSend(
          new BatchGetCommand({ RequestItems: { [tableName]: { ...input.RequestItems![tableName]!, Keys: requested.slice(0, 1) } } }),
        );
        return { ...answered, UnprocessedKeys: { [tableName]: { ...input.RequestItems![tableName]!, Keys: requested.slice(1) } } };
      });
      try {
        const existing = await store.existingItemKeys(['a', 'b', 'c', 'zzz']);

        expect([...existing].sort()).toEqual(['a', 'b', 'c']);
        expect(calls).toBe(2);
      } finally {
        mock.restore();
      }
    });
  });

  describe('updateItems', () => {
    it('overwrites stored items in batches and retries UnprocessedItems', async () => {
      const { store, tableName } = await freshStore({ batchRetry: { baseDelayMs: 1 } });
      const keysList = Array.from({ length: 30 }, (_, i) => `u${i}`);
      await store.putItems(keysList.map((k) => item(k)));
      const realSend = local.doc.send.bind(local.doc) as DynamoDBDocumentClient['send'];
      const mock = mockClient(local.doc);
      const batchSizes: number[] = [];
      let injected = false;
      mock.on(BatchWriteCommand).callsFake(async (input: BatchWriteCommandInput) => {
        const requests = input.RequestItems?.[tableName] ?? [];
        batchSizes.push(requests.length);
        if (injected) return realSend(new BatchWriteCommand(input));
        injected = true;
        // First call: write half, hand the other half back as unprocessed.
        const half = Math.ceil(requests.length / 2);
        await realSend(new BatchWriteCommand({ RequestItems: { [tableName]: requests.slice(0, half) } }));
        return { UnprocessedItems: { [tableName]: requests.slice(half) } };
      });
      const reclassified = keysList.map((k) => ({ ...item(k), eventId: `ev-${k}` }));
      try {
        await store.updateItems(reclassified);
      } finally {
        mock.restore();
      }

      // 25 + 5 requests, plus one retry of the 12-13 unprocessed ones.
      expect(batchSizes).toEqual([25, 12, 5]);
      const all = [];
      for await (const page of store.scanItems()) all.push(...page);
      expect(all).toHaveLength(30);
      expect(all.every((i) => i.eventId === `ev-${i.itemKey}`)).toBe(true);
    });
  });

  describe('scanItems', () => {
    it('pages through every item and skips other rows', async () => {
      const { store } = await freshStore({ scanPageLimit: 10 });
      const stored = Array.from({ length: 35 }, (_, i) => item(`p${i}`));
      await store.putItems(stored);
      await store.putFeedState({ feedId: 'f', failures: 0 });
      await store.saveEvent(event('e1'), 0);

      const pages: StoredItem[][] = [];
      for await (const page of store.scanItems()) pages.push(page);

      expect(pages.length).toBeGreaterThan(1);
      const scanned = pages.flat();
      expect(scanned.map((i) => i.itemKey).sort()).toEqual(stored.map((i) => i.itemKey).sort());
      expect(scanned.find((i) => i.itemKey === 'p3')).toEqual(item('p3'));
    });
  });

  describe('saveEvent', () => {
    it('creates with version 0, refuses a second create, and updates only at the expected version', async () => {
      const { store } = await freshStore();

      expect(await store.saveEvent(event('e1'), 0)).toBe(true);
      expect(await store.saveEvent(event('e1', { title: 'dup' }), 0)).toBe(false);
      expect(await store.saveEvent(event('e1', { version: 2, stage: 'in_force' }), 1)).toBe(true);
      expect(await store.saveEvent(event('e1', { version: 2, title: 'stale' }), 1)).toBe(false);

      expect(await store.getEvent('e1')).toEqual(event('e1', { version: 2, stage: 'in_force' }));
      expect(await store.getEvent('nope')).toBeNull();
    });

    it('keeps the event in the pending index only while its alertState is PENDING', async () => {
      const { store, tableName } = await freshStore();

      await store.saveEvent(event('e1'), 0);
      expect(await pendingIndexIds(tableName)).toEqual(['e1']);
      const row = await rawRow(tableName, keys.event('e1'));
      expect(row).toMatchObject({ entity: 'EVENT', pendingPk: 'PENDING', pendingSk: '2026-01-01T10:00:00.000Z#e1' });

      await store.saveEvent(event('e1', { version: 2, alertState: 'SENT', alertedStages: ['announced'] }), 1);
      expect(await pendingIndexIds(tableName)).toEqual([]);
      const sent = await rawRow(tableName, keys.event('e1'));
      expect(sent?.pendingPk).toBeUndefined();
      expect(sent?.pendingSk).toBeUndefined();
    });

    it('writes one country index row per country, idempotently', async () => {
      const { store, tableName } = await freshStore();

      await store.saveEvent(event('e1', { countries: ['JP', 'US'] }), 0);
      await store.saveEvent(event('e1', { countries: ['JP', 'US'], version: 2 }), 1);

      expect(await rawRow(tableName, keys.countryIndex('JP', '2026-01-01', 'e1'))).toMatchObject({ eventId: 'e1' });
      expect(await rawRow(tableName, keys.countryIndex('US', '2026-01-01', 'e1'))).toMatchObject({ eventId: 'e1' });
    });
  });

  describe('listPendingEvents', () => {
    it('returns pending events oldest lastSeen first, up to the limit', async () => {
      const { store } = await freshStore();
      await store.saveEvent(event('late', { lastSeen: '2026-01-03T00:00:00.000Z' }), 0);
      await store.saveEvent(event('early', { lastSeen: '2026-01-01T00:00:00.000Z' }), 0);
      await store.saveEvent(event('mid', { lastSeen: '2026-01-02T00:00:00.000Z' }), 0);
      await store.saveEvent(event('done', { alertState: 'SENT', alertedStages: ['announced'] }), 0);

      expect((await store.listPendingEvents()).map((e) => e.eventId)).toEqual(['early', 'mid', 'late']);
      expect((await store.listPendingEvents(2)).map((e) => e.eventId)).toEqual(['early', 'mid']);
    });

    it('pages past one BatchGet of keys without repeating a page', async () => {
      const { store } = await freshStore();
      const ids = Array.from({ length: 130 }, (_, i) => `ev-${String(i).padStart(3, '0')}`);
      await Promise.all(ids.map((id, i) => store.saveEvent(event(id, { lastSeen: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString() }), 0)));

      const pending = await store.listPendingEvents(500);

      expect(pending.map((e) => e.eventId)).toEqual(ids);
    });
  });

  describe('oldestPendingSavedAt', () => {
    it('says when the longest-pending event was last written, and null once nothing is pending', async () => {
      const { store } = await freshStore();
      expect(await store.oldestPendingSavedAt()).toBeNull();
      const before = new Date().toISOString();
      await store.saveEvent(event('a'), 0);
      await store.saveEvent(event('b'), 0);

      const at = await store.oldestPendingSavedAt();

      expect(at! >= before && at! <= new Date().toISOString()).toBe(true);
      await store.updateEvent('a', (e) => ({ ...e, alertState: 'SENT', alertedStages: ['announced'], version: e.version + 1 }));
      await store.updateEvent('b', (e) => ({ ...e, alertState: 'SENT', alertedStages: ['announced'], version: e.version + 1 }));
      expect(await store.oldestPendingSavedAt()).toBeNull();
    });
  });

  describe('alert intent (DeliveryLog)', () => {
    it('counts attempts while SENDING, records topics with MessageIds, and refuses a new attempt once SENT', async () => {
      const { store } = await freshStore();

      expect(await store.beginAttempt('e1-announced', '2026-01-01T00:00:00Z')).toEqual({ attempt: 1, firstAttemptAt: '2026-01-01T00:00:00Z' });
      await store.recordDelivery('e1-announced', 'arn:all', 'm-1');
      expect(await store.beginAttempt('e1-announced', '2026-01-01T00:15:00Z')).toEqual({ attempt: 2, firstAttemptAt: '2026-01-01T00:00:00Z' });
      await store.recordDelivery('e1-announced', 'arn:jp', 'm-2');
      await store.finishAlert('e1-announced', 'SENT');

      expect(await store.beginAttempt('e1-announced', '2026-01-01T00:30:00Z')).toBeNull();
      const record = (await store.deliveryRecords(['e1-announced', 'never'])).get('e1-announced')!;
      expect(record).toMatchObject({ state: 'SENT', attempts: 2, topics: new Set(['arn:all', 'arn:jp']) });
      expect([...record.messageIds]).toEqual([['arn:all', 'm-1'], ['arn:jp', 'm-2']]);
    });

    it('keeps a FAILED alert failed, with its last error', async () => {
      const { store } = await freshStore();
      await store.beginAttempt('x', '2026-01-01T00:00:00Z');
      await store.finishAlert('x', 'FAILED', 'KMSAccessDenied: key disabled');

      expect(await store.beginAttempt('x', '2026-01-01T01:00:00Z')).toBeNull();
      expect((await store.deliveryRecords(['x'])).get('x')).toMatchObject({ state: 'FAILED', lastError: 'KMSAccessDenied: key disabled' });
    });
  });

  describe('updateEvent', () => {
    const settle = (e: PolicyEvent): PolicyEvent | null =>
      e.alertState === 'SENT' ? null : { ...e, alertState: 'SENT', alertedStages: [...e.alertedStages, e.stage], version: e.version + 1 };

    it('writes what the update returns with the next version, and nothing when it returns null', async () => {
      const { store, tableName } = await freshStore();
      await store.saveEvent(event('e1', { stage: 'proposed' }), 0);

      const once = await store.updateEvent('e1', settle);
      const twice = await store.updateEvent('e1', settle);

      expect(once).toMatchObject({ alertState: 'SENT', alertedStages: ['proposed'], version: 2 });
      expect(twice).toEqual(once);
      expect(await store.getEvent('e1')).toEqual(once);
      expect(await pendingIndexIds(tableName)).toEqual([]);
      expect(await store.listPendingEvents()).toEqual([]);
    });

    it('re-reads and applies the update again when another writer changed the event in between', async () => {
      const { store } = await freshStore();
      await store.saveEvent(event('e1'), 0);
      let calls = 0;
      const result = await store.updateEvent('e1', (e) => {
        calls++;
        // The first time, a concurrent writer saves version 2 before we write.
        if (calls === 1) void store.saveEvent({ ...e, title: 'changed meanwhile', version: 2 }, 1);
        return { ...e, evidence: [...e.evidence, `seen by call ${calls}`], version: e.version + 1 };
      });
      expect(calls).toBe(2);
      expect(result).toMatchObject({ title: 'changed meanwhile', evidence: ['excludes Huawei', 'seen by call 2'], version: 3 });
    });

    it('returns null and writes nothing when the event does not exist', async () => {
      const { store } = await freshStore();
      expect(await store.updateEvent('ghost', settle)).toBeNull();
      expect(await store.getEvent('ghost')).toBeNull();
    });
  });

  describe('resolutionCandidates', () => {
    const at = (key: string, seq: number, lastSeen: string) =>
      event(newEventId(key, seq), { clusterKey: key, seq, firstSeen: lastSeen, lastSeen });

    it("returns the key's events seen since the date, the newest by position whatever their date, and the next free position", async () => {
      const { store } = await freshStore();
      await store.saveEvent(at('JP', 0, '2020-01-01T00:00:00.000Z'), 0);
      for (let seq = 1; seq <= 12; seq++) await store.saveEvent(at('JP', seq, `2020-02-${String(seq).padStart(2, '0')}T00:00:00.000Z`), 0);
      await store.saveEvent(at('JP', 13, '2026-01-01T00:00:00.000Z'), 0);
      await store.saveEvent(at('US', 0, '2026-01-01T00:00:00.000Z'), 0);

      const r = await store.resolutionCandidates('JP', '2025-01-01T00:00:00.000Z');

      expect(r.nextSeq).toBe(14);
      // seq 13 by date; 6..13 as the newest by position; nothing of US.
      expect(r.events.map((e) => e.seq)).toEqual([6, 7, 8, 9, 10, 11, 12, 13]);
      expect((await store.resolutionCandidates('GB', '2025-01-01T00:00:00.000Z'))).toEqual({ events: [], nextSeq: 0 });
    });

    it('finds an event whose creator died before raising the head, and places the next one after it', async () => {
      const { store, tableName } = await freshStore();
      await store.saveEvent(at('JP', 0, '2026-01-01T00:00:00.000Z'), 0);
      // Written as saveEvent writes the row, but without the head update that follows it.
      const orphan = at('JP', 1, '2026-01-02T00:00:00.000Z');
      await local.doc.send(new PutCommand({ TableName: tableName, Item: { ...orphan, pk: `EVENT#${orphan.eventId}`, sk: 'EVENT', entity: 'EVENT' } }));

      const r = await store.resolutionCandidates('JP', '2000-01-01T00:00:00.000Z');

      expect(r.events.map((e) => e.eventId)).toEqual([at('JP', 0, '').eventId, orphan.eventId]);
      expect(r.nextSeq).toBe(2);
    });
  });

  describe('queryEvents', () => {
    async function seeded() {
      const { store } = await freshStore();
      const events = [
        event('jp-jan', { firstSeen: '2026-01-01T00:00:00.000Z', lastSeen: '2026-01-10T00:00:00.000Z' }),
        event('jp-us-feb', {
          countries: ['JP', 'US'],
          vendors: ['ZTE'],
          firstSeen: '2026-02-01T00:00:00.000Z',
          lastSeen: '2026-02-05T00:00:00.000Z',
        }),
        event('de-mar', { countries: ['DE'], firstSeen: '2026-03-01T00:00:00.000Z', lastSeen: '2026-03-01T00:00:00.000Z' }),
        // First seen long before `since`, but updated after it: must still count.
        event('jp-old-updated', { firstSeen: '2025-12-01T00:00:00.000Z', lastSeen: '2026-03-10T00:00:00.000Z' }),
      ];
      for (const e of events) await store.saveEvent(e, 0);
      return store;
    }

    it('finds a country’s events seen since a date, newest first', async () => {
      const store = await seeded();

      const found = await store.queryEvents({ country: 'jp', since: '2026-02-01' });

      expect(found.map((e) => e.eventId)).toEqual(['jp-old-updated', 'jp-us-feb']);
    });

    it('filters by vendor case-insensitively without a country', async () => {
      const store = await seeded();

      const found = await store.queryEvents({ vendor: 'HUAWEI' });

      expect(found.map((e) => e.eventId)).toEqual(['jp-old-updated', 'de-mar', 'jp-jan']);
    });

    it('lists all events newest first, honouring since and limit, when no filter is given', async () => {
      const store = await seeded();

      expect((await store.queryEvents({})).map((e) => e.eventId)).toEqual(['jp-old-updated', 'de-mar', 'jp-us-feb', 'jp-jan']);
      expect((await store.queryEvents({ limit: 2 })).map((e) => e.eventId)).toEqual(['jp-old-updated', 'de-mar']);
      expect((await store.queryEvents({ since: '2026-02-05T00:00:00.000Z' })).map((e) => e.eventId)).toEqual([
        'jp-old-updated',
        'de-mar',
        'jp-us-feb',
      ]);
    });

    it('drops an event from a country once the event no longer names that country', async () => {
      const store = await seeded();

      await store.saveEvent(event('jp-us-feb', { countries: ['US'], vendors: ['ZTE'], version: 2, firstSeen: '2026-02-01T00:00:00.000Z', lastSeen: '2026-02-06T00:00:00.000Z' }), 1);

      expect((await store.queryEvents({ country: 'JP' })).map((e) => e.eventId)).toEqual(['jp-old-updated', 'jp-jan']);
      expect((await store.queryEvents({ country: 'US' })).map((e) => e.eventId)).toEqual(['jp-us-feb']);
    });
  });

  describe('errors', () => {
    it('throws STORE_TABLE_MISSING when the table does not exist', async () => {
      const store = new DynamoStore(local.doc, 'banwatch-no-such-table');

      const err = await store.getEvent('e1').catch((e: unknown) => e);

      expect(err).toBeInstanceOf(StoreUnavailableError);
      expect(err).toMatchObject({ code: 'STORE_TABLE_MISSING' });
      expect((err as Error).message).toContain('banwatch-no-such-table');
      expect((err as Error).cause).toBeDefined();
    });

    it('throws STORE_REQUEST_FAILED when DynamoDB rejects the request itself', async () => {
      const { store } = await freshStore();

      // 500 KB is over DynamoDB's 400 KB item limit (the normaliser caps far below it).
      const err = await store.updateItems([item('huge', { summary: 'x'.repeat(500_000) })]).catch((e: unknown) => e);

      expect(err).toBeInstanceOf(StoreUnavailableError);
      expect(err).toMatchObject({ code: 'STORE_REQUEST_FAILED' });
      expect((err as Error).message).toContain('ValidationException');
    });

    it.each([
      ['throttling outlasting the SDK retries', 'ProvisionedThroughputExceededException', 400],
      ['missing credentials', 'CredentialsProviderError', undefined],
      ['rejected credentials', 'UnrecognizedClientException', 400],
      ['a DynamoDB outage', 'InternalServerError', 500],
    ])('throws STORE_UNAVAILABLE on %s', async (_, name, httpStatusCode) => {
      const doc = createDocumentClient(local.client);
      const mock = mockClient(doc);
      mock.onAnyCommand().rejects(Object.assign(new Error(`injected ${name}`), { name, $metadata: { httpStatusCode } }));
      try {
        const err = await new DynamoStore(doc, 'banwatch-faulty').getFeedStates(['f']).catch((e: unknown) => e);

        expect(err).toBeInstanceOf(StoreUnavailableError);
        expect(err).toMatchObject({ code: 'STORE_UNAVAILABLE' });
        expect((err as Error).message).toContain('banwatch-faulty');
        expect(((err as Error).cause as Error).name).toBe(name);
      } finally {
        mock.restore();
      }
    });

    it('throws STORE_UNAVAILABLE when the endpoint is down', async () => {
      const down = await startLocalDynamo({ maxAttempts: 1 });
      await ensureTable(down.client, 'banwatch-down');
      const store = new DynamoStore(down.doc, 'banwatch-down');
      await down.close();

      const err = await store.putItems([item('a')]).catch((e: unknown) => e);

      expect(err).toBeInstanceOf(StoreUnavailableError);
      expect(err).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect((err as Error).message).toMatch(/banwatch-down.*unreachable/);
    });
  });
});

describe('local dynalite', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  async function tmpDataDir() {
    const d = await mkdtemp(join(tmpdir(), 'banwatch-dynalite-'));
    dirs.push(d);
    return d;
  }

  describe('startLocalDynamo', () => {
    it('keeps data on disk across close and reopen', async () => {
      const path = await tmpDataDir();
      const first = await startLocalDynamo({ path });
      await ensureTable(first.client, 'banwatch');
      await new DynamoStore(first.doc, 'banwatch').putItems([item('persisted')]);
      await first.close();

      const second = await startLocalDynamo({ path });
      try {
        await ensureTable(second.client, 'banwatch');
        const existing = await new DynamoStore(second.doc, 'banwatch').existingItemKeys(['persisted', 'other']);
        expect([...existing]).toEqual(['persisted']);
      } finally {
        await second.close();
      }
    });

    it('refuses a data directory another instance holds, with a clear error', async () => {
      const path = await tmpDataDir();
      const owner = await startLocalDynamo({ path });
      try {
        await ensureTable(owner.client, 'banwatch');

        const err = await startLocalDynamo({ path }).catch((e: unknown) => e);

        expect(err).toBeInstanceOf(StoreUnavailableError);
        expect(err).toMatchObject({ code: 'STORE_LOCKED' });
        expect((err as Error).message).toContain(`data directory ${dirname(path)} is in use by another banwatch process (pid ${process.pid})`);
        // The owner is unaffected.
        expect(await new DynamoStore(owner.doc, 'banwatch').existingItemKeys(['x'])).toEqual(new Set());
      } finally {
        await owner.close();
      }
    });
  });

  describe('ensureTable', () => {
    it('creates the table with the shared key schema and is idempotent', async () => {
      await ensureTable(local.client, 'banwatch-ensure');
      await ensureTable(local.client, 'banwatch-ensure');

      const store = new DynamoStore(createDocumentClient(local.client), 'banwatch-ensure');
      expect(await store.saveEvent(event('e1'), 0)).toBe(true);
      expect((await store.resolutionCandidates('JP', '2000-01-01T00:00:00.000Z')).events.map((e) => e.eventId)).toEqual(['e1']);
    });

    it('refuses an existing table that lacks an index, naming it', async () => {
      await local.client.send(
        new CreateTableCommand({
          TableName: 'banwatch-old-schema',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
        }),
      );

      const err = await ensureTable(local.client, 'banwatch-old-schema').catch((e: unknown) => e);

      expect(err).toBeInstanceOf(StoreUnavailableError);
      expect(err).toMatchObject({ code: 'STORE_SCHEMA_MISMATCH' });
      expect((err as Error).message).toContain('pending, cluster, events');
    });
  });
});
