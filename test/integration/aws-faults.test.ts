/**
 * The AWS adapters under injected faults: DynamoStore on dynalite and SnsPublisher on a fake SNS,
 * with faults added as SDK middleware on real clients (the code under test is unchanged):
 *  - DynamoDB: throttling before a request is applied, a response lost after it was applied,
 *    UnprocessedItems / UnprocessedKeys on batch calls, and two pollers racing on the same events;
 *  - SNS: PublishBatch with some entries failed or throttled, and whole calls failing.
 * Every scenario runs the real pipeline (pollFeeds, then notifyPending) "run after run", each run
 * with new adapters as a new Lambda container would have, until nothing is pending. Then it must
 * match a fault-free reference: same items, same events, and every alert on every topic exactly once.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient, type PublishBatchCommandInput, type PublishBatchCommandOutput } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStore, createDocumentClient } from '../../lambdas/adapters/dynamo-store.js';
import { HttpFeedFetcher } from '../../lambdas/adapters/http-fetcher.js';
import { SnsPublisher } from '../../lambdas/adapters/sns-publisher.js';
import { StoreUnavailableError } from '../../lambdas/core/errors.js';
import type { FeedConfig, PolicyEvent, StoredItem } from '../../lambdas/core/model.js';
import { DEMO_FEEDS_DIR, demoFeedsConfig, startDemoServer, type DemoServer } from '../../lambdas/local/demo-server.js';
import { ensureTable, startLocalDynamo, type LocalDynamo } from '../../lambdas/local/dynalite.js';
import { notifyPending, pollFeeds } from '../../lambdas/pipeline.js';
import { silentLogger, type Clock } from '../../lambdas/ports.js';
import { mulberry32 } from '../support/random.js';

const ALL = 'arn:aws:sns:us-east-1:123456789012:banwatch-all';
/** The country topics the stack would have created (the demo feeds' acting countries among them). */
const COUNTRY_TOPICS = ['JP', 'US', 'GB', 'DE', 'FR', 'CN', 'KR', 'EU', 'IT', 'ES', 'IN', 'AU', 'CA', 'NL', 'SE', 'TW'];
const clock: Clock = { now: () => new Date('2026-11-29T04:00:00Z') };
/** Every run here polls the demo feeds as if for the first time and expects all their news to alert. */
const alertPolicy = { maxAlertAgeDays: 60, alertBacklog: true };

let local: LocalDynamo;
let server: DemoServer;
let feeds: FeedConfig[];
let tables = 0;

beforeAll(async () => {
  local = await startLocalDynamo({});
  server = await startDemoServer({ dir: DEMO_FEEDS_DIR });
  feeds = demoFeedsConfig(server.baseUrl);
});
afterAll(async () => {
  await server?.close();
  await local?.close();
});


// ---------------------------------------------------------------- DynamoDB faults

interface DynamoFaults {
  /** Chance a request is throttled before DynamoDB sees it. */
  throttle?: number;
  /** Chance a request is applied but its response is lost (the SDK then retries it). */
  lostResponse?: number;
  /** Chance each entry of a BatchWriteItem / BatchGetItem comes back unprocessed. */
  unprocessed?: number;
  /** Up to this many ms of delay per request (interleaves concurrent pollers). */
  jitterMs?: number;
}

type Handler = (args: { input: Record<string, unknown> }) => Promise<{ output: Record<string, unknown>; response: unknown }>;

function throttled(message: string): Error {
  // What the SDK deserialises for a 400 ProvisionedThroughputExceededException: retryable throttling.
  return Object.assign(new Error(message), {
    name: 'ProvisionedThroughputExceededException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

/** A DynamoDB client on dynalite with faults injected as middleware, and what was injected. */
function faultyDynamo(faults: DynamoFaults, rnd: () => number) {
  const client = new DynamoDBClient({
    endpoint: local.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
  });
  const injected = { throttled: 0, lost: 0, unprocessed: 0 };
  // Inside the SDK's retry loop (finalizeRequest, after the retry middleware): the SDK retries these.
  client.middlewareStack.add(
    (next) => async (args) => {
      if (faults.jitterMs) await new Promise((r) => setTimeout(r, Math.floor(rnd() * faults.jitterMs!)));
      if (rnd() < (faults.throttle ?? 0)) {
        injected.throttled++;
        throw throttled('Rate of requests exceeds the allowed throughput (injected before sending)');
      }
      const result = await next(args);
      if (rnd() < (faults.lostResponse ?? 0)) {
        injected.lost++;
        throw throttled('Rate of requests exceeds the allowed throughput (injected after the request was applied)');
      }
      return result;
    },
    { step: 'finalizeRequest', priority: 'low', name: 'injectThrottling' },
  );
  // On the command itself: hold back some batch entries and report them unprocessed, as DynamoDB does.
  client.middlewareStack.add(
    ((next: Handler, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      const rate = faults.unprocessed ?? 0;
      if (rate === 0 || (context.commandName !== 'BatchWriteItemCommand' && context.commandName !== 'BatchGetItemCommand')) return next(args);
      const requestItems = args.input.RequestItems as Record<string, unknown>;
      const kept: Record<string, unknown> = {};
      const held: Record<string, unknown> = {};
      for (const [table, req] of Object.entries(requestItems)) {
        if (context.commandName === 'BatchWriteItemCommand') {
          const list = req as unknown[];
          const hold = list.filter(() => rnd() < rate);
          const keep = list.filter((x) => !hold.includes(x));
          if (keep.length) kept[table] = keep;
          if (hold.length) held[table] = hold;
        } else {
          const r = req as { Keys: unknown[] };
          const hold = r.Keys.filter(() => rnd() < rate);
          const keep = r.Keys.filter((x) => !hold.includes(x));
          if (keep.length) kept[table] = { ...r, Keys: keep };
          if (hold.length) held[table] = { ...r, Keys: hold };
        }
      }
      const heldCount = Object.values(held).reduce<number>((n, v) => n + (Array.isArray(v) ? v.length : (v as { Keys: unknown[] }).Keys.length), 0);
      injected.unprocessed += heldCount;
      const empty = context.commandName === 'BatchWriteItemCommand' ? { UnprocessedItems: {} } : { Responses: {}, UnprocessedKeys: {} };
      const result = Object.keys(kept).length ? await next({ ...args, input: { ...args.input, RequestItems: kept } }) : { output: { ...empty, $metadata: {} }, response: {} };
      const key = context.commandName === 'BatchWriteItemCommand' ? 'UnprocessedItems' : 'UnprocessedKeys';
      const merged = { ...((result.output[key] as Record<string, unknown>) ?? {}) };
      for (const [table, v] of Object.entries(held)) {
        const prior = merged[table];
        if (context.commandName === 'BatchWriteItemCommand') merged[table] = [...((prior as unknown[]) ?? []), ...(v as unknown[])];
        else merged[table] = { ...(v as object), Keys: [...((prior as { Keys?: unknown[] })?.Keys ?? []), ...(v as { Keys: unknown[] }).Keys] };
      }
      return { ...result, output: { ...result.output, [key]: merged } };
    }) as never,
    { step: 'initialize', name: 'injectUnprocessed' },
  );
  return { client, injected };
}

// ---------------------------------------------------------------- a fake SNS with faults

interface SnsFaults {
  /** Chance a PublishBatch call fails as a whole (5xx or throttling): nothing is delivered. */
  callFails?: number;
  /** Chance each entry is reported Failed (InternalError, not the sender's fault): not delivered. */
  entryFails?: number;
  /** Chance each entry is reported Failed with Throttling: not delivered. */
  entryThrottled?: number;
}

/** Deliveries per topic ARN and alertId: the ledger the "exactly once" checks read. */
type Ledger = Map<string, Map<string, number>>;

function fakeSns(faults: SnsFaults, rnd: () => number, ledger: Ledger): SNSClient {
  const sns = new SNSClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
  sns.middlewareStack.add(
    ((_next: unknown, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
      if (context.commandName === 'CreateTopicCommand') {
        return { output: { TopicArn: `arn:aws:sns:us-east-1:123456789012:${String(args.input.Name)}`, $metadata: {} }, response: {} };
      }
      if (context.commandName !== 'PublishBatchCommand') throw new Error(`fake SNS: unexpected ${context.commandName}`);
      const input = args.input as unknown as PublishBatchCommandInput;
      if (rnd() < (faults.callFails ?? 0)) {
        const throttle = rnd() < 0.5;
        throw Object.assign(new Error(throttle ? 'Rate exceeded' : 'Internal error'), {
          name: throttle ? 'ThrottledException' : 'InternalErrorException',
          $fault: throttle ? 'client' : 'server',
          $retryable: throttle ? { throttling: true } : undefined,
          $metadata: { httpStatusCode: throttle ? 400 : 500 },
        });
      }
      const output: PublishBatchCommandOutput = { Successful: [], Failed: [], $metadata: {} };
      for (const entry of input.PublishBatchRequestEntries ?? []) {
        const r = rnd();
        if (r < (faults.entryFails ?? 0)) {
          output.Failed!.push({ Id: entry.Id, Code: 'InternalError', SenderFault: false, Message: 'injected' });
          continue;
        }
        if (r < (faults.entryFails ?? 0) + (faults.entryThrottled ?? 0)) {
          output.Failed!.push({ Id: entry.Id, Code: 'Throttling', SenderFault: false, Message: 'Rate exceeded' });
          continue;
        }
        const alertId = entry.MessageAttributes?.alertId?.StringValue ?? '?';
        const topic = ledger.get(input.TopicArn!) ?? new Map<string, number>();
        topic.set(alertId, (topic.get(alertId) ?? 0) + 1);
        ledger.set(input.TopicArn!, topic);
        output.Successful!.push({ Id: entry.Id, MessageId: `m-${alertId}` });
      }
      return { output, response: {} };
    }) as never,
    { step: 'initialize', name: 'fakeSns' },
  );
  return sns;
}

// ---------------------------------------------------------------- running "run after run"

interface Outcome {
  items: string[];
  events: Array<Pick<PolicyEvent, 'eventId' | 'stage' | 'alertState'> & { sources: string[] }>;
  ledger: Ledger;
  runs: number;
  failedRuns: number;
}

async function itemKeys(store: DynamoStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const page of store.scanItems()) keys.push(...page.map((i: StoredItem) => i.itemKey));
  return keys.sort();
}

/**
 * Runs poll + notify with fresh adapters each run (a new container) until a run completes with
 * nothing pending; `pollers` pollers run concurrently on the same table in each run.
 */
async function runUntilSettled(opts: { seed: number; dynamo?: DynamoFaults; sns?: SnsFaults; pollers?: number; maxRuns?: number }): Promise<Outcome> {
  const tableName = `faults-${++tables}`;
  await ensureTable(local.client, tableName);
  const rnd = mulberry32(opts.seed);
  const ledger: Ledger = new Map();
  const out: Outcome = { items: [], events: [], ledger, runs: 0, failedRuns: 0 };
  for (let run = 1; run <= (opts.maxRuns ?? 25); run++) {
    out.runs = run;
    const pollers = Array.from({ length: opts.pollers ?? 1 }, () => {
      const { client } = faultyDynamo(opts.dynamo ?? {}, rnd);
      return new DynamoStore(createDocumentClient(client), tableName, { batchRetry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5 } });
    });
    const fetcher = new HttpFeedFetcher({ allowHosts: ['127.0.0.1'] });
    // Wired as composeNotify wires it: the store remembers which topics each alert reached.
    const publisher = new SnsPublisher(fakeSns(opts.sns ?? {}, rnd, ledger), { allTopicArn: ALL, topicPrefix: 'banwatch', countryTopics: COUNTRY_TOPICS, sleep: async () => {}, deliveries: pollers[0]! });
    try {
      await Promise.all(pollers.map((store) => pollFeeds(feeds, { store, fetcher, clock, alertPolicy, logger: silentLogger, random: rnd })));
      const notified = await notifyPending({ store: pollers[0]!, publisher, clock, logger: silentLogger });
      if (notified.failed > 0) throw new Error(`${notified.failed} alerts failed`);
    } catch (err) {
      if (!(err instanceof StoreUnavailableError) && !/alerts failed/.test((err as Error).message)) throw err;
      out.failedRuns++;
      continue;
    }
    const clean = new DynamoStore(local.doc, tableName);
    if ((await clean.listPendingEvents()).length > 0) continue;
    out.items = await itemKeys(clean);
    out.events = (await clean.queryEvents({ limit: 10_000 }))
      .map((e) => ({ eventId: e.eventId, stage: e.stage, alertState: e.alertState, sources: e.sources.map((s) => s.itemKey).sort() }))
      .sort((a, b) => a.eventId.localeCompare(b.eventId));
    return out;
  }
  throw new Error(`not settled after ${out.runs} runs (${out.failedRuns} failed)`);
}

function deliveries(ledger: Ledger): { once: string[]; more: string[] } {
  const once: string[] = [];
  const more: string[] = [];
  for (const [topic, alerts] of ledger) for (const [alertId, n] of alerts) (n === 1 ? once : more).push(`${topic}|${alertId}`);
  return { once: once.sort(), more: more.sort() };
}

describe('AWS adapters under injected faults', () => {
  let reference: Outcome;
  beforeAll(async () => {
    reference = await runUntilSettled({ seed: 1 });
  });

  it('the fault-free reference stores items and events and delivers each alert once per topic', () => {
    expect(reference.runs).toBe(1);
    expect(reference.items.length).toBeGreaterThan(20);
    expect(reference.events.length).toBeGreaterThan(3);
    const d = deliveries(reference.ledger);
    expect(d.more).toEqual([]);
    expect(d.once.length).toBeGreaterThan(reference.events.length);
  });

  describe('DynamoStore with throttling, lost responses and unprocessed batch entries', () => {
    it.each([11, 12])('ends with the reference items, events and deliveries, each once (seed %i)', async (seed) => {
      const r = await runUntilSettled({ seed, dynamo: { throttle: 0.05, lostResponse: 0.05, unprocessed: 0.3 } });

      expect(r.items).toEqual(reference.items);
      expect(r.events).toEqual(reference.events);
      expect(deliveries(r.ledger)).toEqual(deliveries(reference.ledger));
    });
  });

  describe('two pollers racing on the same feeds (ConditionalCheckFailed on items and events)', () => {
    it.each([21, 22])('stores every item and event once and alerts each once (seed %i)', async (seed) => {
      const r = await runUntilSettled({ seed, pollers: 2, dynamo: { jitterMs: 8, lostResponse: 0.02 } });

      expect(r.items).toEqual(reference.items);
      expect(r.events).toEqual(reference.events);
      expect(deliveries(r.ledger)).toEqual(deliveries(reference.ledger));
    });
  });

  describe('SnsPublisher with failed and throttled entries and failing calls', () => {
    it.each([31, 32])('publishes every alert to every topic exactly once over later runs (seed %i)', async (seed) => {
      const r = await runUntilSettled({ seed, sns: { callFails: 0.35, entryFails: 0.25, entryThrottled: 0.25 } });

      expect(r.failedRuns).toBeGreaterThan(0);
      expect(r.events).toEqual(reference.events);
      expect(deliveries(r.ledger)).toEqual(deliveries(reference.ledger));
    });
  });

  describe('publish succeeds, then the mark-sent write fails (item 5: persisted intent)', () => {
    it('does not publish again from a fresh container: the intent row says SENT, the retry only marks the event', async () => {
      const tableName = `faults-${++tables}`;
      await ensureTable(local.client, tableName);
      const ledger: Ledger = new Map();
      const rnd = mulberry32(41);
      const store = new DynamoStore(local.doc, tableName);
      await pollFeeds(feeds, { store, fetcher: new HttpFeedFetcher({ allowHosts: ['127.0.0.1'] }), clock, alertPolicy, logger: silentLogger, random: rnd });
      const pending = (await store.listPendingEvents()).length;
      expect(pending).toBeGreaterThan(0);

      // Container 1: every event write after the publish fails (the event is never marked sent).
      const { client } = faultyDynamo({}, rnd);
      client.middlewareStack.add(
        ((next: Handler, context: { commandName?: string }) => async (args: { input: Record<string, unknown> }) => {
          const raw = (args.input.Item as { pk?: string | { S?: string } } | undefined)?.pk;
          const pk = String(typeof raw === 'object' ? raw?.S : (raw ?? ''));
          if (context.commandName === 'PutItemCommand' && pk.startsWith('EVENT#')) throw Object.assign(new Error('mark-sent write failed'), { name: 'InternalServerError', $metadata: { httpStatusCode: 500 } });
          return next(args);
        }) as never,
        { step: 'initialize', name: 'failEventWrites' },
      );
      const crashing = new DynamoStore(createDocumentClient(client), tableName, { batchRetry: { maxAttempts: 1 } });
      const first = new SnsPublisher(fakeSns({}, rnd, ledger), { allTopicArn: ALL, topicPrefix: 'banwatch', countryTopics: COUNTRY_TOPICS, sleep: async () => {}, deliveries: crashing });
      await expect(notifyPending({ store: crashing, publisher: first, clock, logger: silentLogger })).rejects.toThrow(StoreUnavailableError);
      const afterCrash = deliveries(ledger);
      expect(afterCrash.once.length).toBeGreaterThan(0);
      expect((await store.listPendingEvents()).length).toBe(pending);

      // Container 2, new adapters: everything still pending is settled, nothing is sent twice.
      const second = new SnsPublisher(fakeSns({}, rnd, ledger), { allTopicArn: ALL, topicPrefix: 'banwatch', countryTopics: COUNTRY_TOPICS, sleep: async () => {}, deliveries: store });
      const r = await notifyPending({ store, publisher: second, clock, logger: silentLogger });

      expect(r.failed).toBe(0);
      expect(await store.listPendingEvents()).toEqual([]);
      expect(deliveries(ledger).more).toEqual([]);
      // The alert of the crashed run is on its event with the MessageIds of that run's copies.
      const sent = (await store.queryEvents({ limit: 1000 })).flatMap((e) => e.alerts ?? []);
      expect(sent.length).toBe(r.published);
      for (const a of sent) expect(a.messageIds!.length).toBe(a.topics!.length);
    });
  });
});
