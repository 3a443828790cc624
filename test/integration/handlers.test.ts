/**
 * The Lambda handlers invoked in-process with real event shapes, built by their factories with
 * real adapters: DynamoStore on dynalite, HttpFeedFetcher against the loopback demo feed server,
 * SnsPublisher and SQS on aws-sdk-client-mock (no SNS/SQS runs here).
 */
import { PublishBatchCommand, SNSClient, CreateTopicCommand, GetSubscriptionAttributesCommand, ListSubscriptionsByTopicCommand, PublishCommand, type PublishBatchCommandInput } from '@aws-sdk/client-sns';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { S3ReportSink } from '../../lambdas/adapters/s3-report-sink.js';
import { SnsDigestChannel } from '../../lambdas/adapters/sns-digests.js';
import { makeDigestHandler } from '../../lambdas/handlers/digest.js';
import { composeDigest } from '../../lambdas/handlers/compose.js';
import { SendMessageBatchCommand, SQSClient, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import type { DynamoDBRecord, SQSEvent, SQSRecord } from 'aws-lambda';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { HttpFeedFetcher } from '../../lambdas/adapters/http-fetcher.js';
import { SnsPublisher } from '../../lambdas/adapters/sns-publisher.js';
import { SqsFeedQueue } from '../../lambdas/adapters/sqs-feed-queue.js';
import { ConfigError } from '../../lambdas/core/errors.js';
import type { FeedConfig } from '../../lambdas/core/model.js';
import { composeDispatch, composeNotify, composePoll } from '../../lambdas/handlers/compose.js';
import { makeDispatchHandler } from '../../lambdas/handlers/dispatch.js';
import { METRIC, SWEEP_EVENT, type HandlerMetrics } from '../../lambdas/handlers/names.js';
import { eventIdsFromStream, makeNotifyHandler } from '../../lambdas/handlers/notify.js';
import { PENDING_EVENT_FILTER } from '../../lib/alerts.js';
import { makePollHandler } from '../../lambdas/handlers/poll.js';
import { DEMO_FEEDS_DIR, DEMO_NOW, demoFeedsConfig, startDemoServer, type DemoServer } from '../../lambdas/local/demo-server.js';
import { ensureTable, startLocalDynamo, type LocalDynamo } from '../../lambdas/local/dynalite.js';
import { silentLogger, type Clock } from '../../lambdas/ports.js';

const ALL = 'arn:aws:sns:us-east-1:123456789012:banwatch-all';
const QUEUE = 'https://sqs.us-east-1.amazonaws.com/123456789012/banwatch-feeds.fifo';

let local: LocalDynamo;
let server: DemoServer;
let feeds: FeedConfig[];
let tableCounter = 0;

const sqsMock = mockClient(SQSClient);
const snsMock = mockClient(SNSClient);
const s3Mock = mockClient(S3Client);

beforeAll(async () => {
  local = await startLocalDynamo({});
  server = await startDemoServer({ dir: DEMO_FEEDS_DIR });
  feeds = demoFeedsConfig(server.baseUrl);
});
afterAll(async () => {
  await server?.close();
  await local?.close();
});
beforeEach(() => {
  sqsMock.reset();
  snsMock.reset();
  s3Mock.reset();
});

/** Records metrics instead of printing EMF. */
function recordingMetrics(): HandlerMetrics & { sums: Record<string, number>; flushed: number } {
  const sums: Record<string, number> = {};
  const m = {
    sums,
    flushed: 0,
    addMetric(name: string, _unit: string, value: number) {
      sums[name] = (sums[name] ?? 0) + value;
    },
    publishStoredMetrics() {
      m.flushed++;
    },
  };
  return m;
}

/** Just after the newest demo item: the demo feeds are news at this time, not old news. */
const clock: Clock = { now: () => new Date(DEMO_NOW) };
/** These specs poll each feed once and expect its news to alert (the first poll's backlog is alerted too). */
const alertPolicy = { maxAlertAgeDays: 14, alertBacklog: true };

const tableNames = new WeakMap<DynamoStore, string>();

async function freshStore(): Promise<DynamoStore> {
  const tableName = `handlers-${++tableCounter}`;
  await ensureTable(local.client, tableName);
  const store = new DynamoStore(local.doc, tableName);
  tableNames.set(store, tableName);
  return store;
}

function sqsRecord(messageId: string, body: string): SQSRecord {
  return {
    messageId,
    receiptHandle: `rh-${messageId}`,
    body,
    attributes: {
      ApproximateReceiveCount: '1',
      SentTimestamp: String(Date.now()),
      SenderId: 'AIDAEXAMPLE',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
      MessageGroupId: 'g',
      MessageDeduplicationId: messageId,
      SequenceNumber: '1',
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:123456789012:banwatch-feeds.fifo',
    awsRegion: 'us-east-1',
  };
}

function streamRecord(eventId: string): DynamoDBRecord {
  return {
    eventID: `s-${eventId}`,
    eventName: 'INSERT',
    eventSource: 'aws:dynamodb',
    awsRegion: 'us-east-1',
    dynamodb: {
      Keys: { pk: { S: `EVENT#${eventId}` }, sk: { S: 'EVENT' } },
      NewImage: { pk: { S: `EVENT#${eventId}` }, sk: { S: 'EVENT' }, eventId: { S: eventId }, pendingPk: { S: 'PENDING' } },
      SequenceNumber: '1',
      SizeBytes: 100,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

/** Lambda's filter semantics for PENDING_EVENT_FILTER: eventName in list AND NewImage.<attr>.S in list. */
function matchesPendingFilter(eventName: string, image: Record<string, { S?: string }>): boolean {
  const [attr, cond] = Object.entries(PENDING_EVENT_FILTER.dynamodb.NewImage)[0]!;
  return PENDING_EVENT_FILTER.eventName.includes(eventName) && cond.S.includes(image[attr]?.S ?? '\u0000');
}

const feed = (id: string): FeedConfig => feeds.find((f) => f.id === id)!;
/** A feed-queue message as dispatch sends it: the feed id only. */
const msg = (feedId: string): string => JSON.stringify({ feedId });

function acceptAllSns() {
  snsMock.on(CreateTopicCommand).callsFake((input) => ({ TopicArn: `arn:aws:sns:us-east-1:123456789012:${input.Name}` }));
  snsMock.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => ({
    Successful: input.PublishBatchRequestEntries!.map((e) => ({ Id: e.Id, MessageId: `m-${e.Id}` })),
    Failed: [],
  }));
}

function notifyDeps(store: DynamoStore) {
  return {
    store,
    // As composeNotify wires it: the store is the alert-intent log.
    publisher: new SnsPublisher(new SNSClient({ region: 'us-east-1' }), { allTopicArn: ALL, topicPrefix: 'banwatch', countryTopics: ['JP'], sleep: async () => {}, deliveries: store }),
    clock,
    logger: silentLogger,
    metrics: recordingMetrics(),
  };
}

describe('poll handler', () => {
  const pollDeps = (store: DynamoStore) => ({
    feeds,
    store,
    fetcher: new HttpFeedFetcher({ allowHosts: ['127.0.0.1'] }),
    clock,
    alertPolicy,
    logger: silentLogger,
    metrics: recordingMetrics(),
  });

  it('polls every feed of the batch and reports only the poisoned messages as failed', async () => {
    const store = await freshStore();
    const deps = pollDeps(store);
    const event: SQSEvent = {
      Records: [
        sqsRecord('m1', msg('demo-reuters-tech')),
        sqsRecord('m2', '{"feedId": "broken", '),
        sqsRecord('m3', msg('demo-mic-japan')),
        sqsRecord('m4', JSON.stringify({ feedId: 'not-in-registry' })),
        sqsRecord('m5', JSON.stringify({ url: 'http://169.254.169.254/latest/meta-data' })),
      ],
    };

    const response = await makePollHandler(deps)(event);

    // m4 names a feed the registry does not list (removed by a deploy): dropped, not retried.
    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'm2' }, { itemIdentifier: 'm5' }]);
    const states = await store.getFeedStates(['demo-reuters-tech', 'demo-mic-japan']);
    expect(states.get('demo-reuters-tech')?.lastStatus).toBe('ok');
    expect(states.get('demo-mic-japan')?.lastStatus).toBe('ok');
    expect((await store.listPendingEvents()).length).toBeGreaterThan(0);
    expect(deps.metrics.sums[METRIC.feedPolls]).toBe(2);
    expect(deps.metrics.flushed).toBe(1);
  });

  it('takes the URL from its own registry, never from the message', async () => {
    const store = await freshStore();
    const before = server.requests.length;
    const forged = JSON.stringify({ feedId: 'demo-heise', url: `${server.baseUrl}/evil.xml` });

    const response = await makePollHandler(pollDeps(store))({ Records: [sqsRecord('m1', forged)] });

    expect(response.batchItemFailures).toEqual([]);
    expect(server.requests.slice(before).map((r) => r.path)).toEqual([new URL(feed('demo-heise').url).pathname]);
  });

  it('treats a feed that cannot be fetched as an outcome, not a failed message', async () => {
    const store = await freshStore();
    const missing: FeedConfig = { id: 'demo-missing', url: `${server.baseUrl}/nope.xml`, kind: 'news' };

    const response = await makePollHandler({ ...pollDeps(store), feeds: [missing] })({ Records: [sqsRecord('m1', msg('demo-missing'))] });

    expect(response.batchItemFailures).toEqual([]);
    const state = (await store.getFeedStates(['demo-missing'])).get('demo-missing');
    expect(state?.failures).toBe(1);
    expect(state?.lastStatus).toBe('error');
  });

  it('fails the records whose storage is unavailable so SQS retries them', async () => {
    const store = new DynamoStore(local.doc, 'no-such-table');

    const response = await makePollHandler(pollDeps(store))({
      Records: [sqsRecord('m1', msg('demo-heise')), sqsRecord('m2', msg('demo-lemonde'))],
    });

    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['m1', 'm2']);
  });

  it('polls a feed once when the batch carries two messages for it', async () => {
    const store = await freshStore();
    const before = server.requests.length;
    const body = msg('demo-yonhap');

    const response = await makePollHandler(pollDeps(store))({ Records: [sqsRecord('a', body), sqsRecord('b', body)] });

    expect(response.batchItemFailures).toEqual([]);
    expect(server.requests.slice(before).filter((r) => r.path.includes('yonhap'))).toHaveLength(1);
  });
});

describe('dispatch handler', () => {
  function acceptAllSqs() {
    sqsMock.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => ({
      Successful: input.Entries!.map((e) => ({ Id: e.Id, MessageId: `m-${e.Id}`, MD5OfMessageBody: 'x' })),
      Failed: [],
    }));
  }
  const sent = () => sqsMock.commandCalls(SendMessageBatchCommand).flatMap((c) => c.args[0].input.Entries!);
  const sqsQueue = () => new SqsFeedQueue(new SQSClient({ region: 'us-east-1' }), QUEUE);

  it('enqueues only the due feeds, one message per feed, grouped and deduplicated by feed', async () => {
    acceptAllSqs();
    const store = await freshStore();
    const now = clock.now();
    // Polled a minute ago (5-minute interval): not due. Backing off for an hour: not due.
    await store.putFeedState({ feedId: 'demo-heise', failures: 0, lastPolledAt: new Date(now.getTime() - 60_000).toISOString() });
    await store.putFeedState({ feedId: 'demo-xinhua', failures: 2, nextPollAfter: new Date(now.getTime() + 3_600_000).toISOString() });
    const metrics = recordingMetrics();
    const contexts: string[] = [];
    const handler = makeDispatchHandler({
      feeds, store, queue: sqsQueue(), clock, logger: silentLogger, metrics,
      addLambdaContext: (c) => contexts.push(c.awsRequestId),
    });

    const result = await handler({ source: 'banwatch.dispatch', scheduledTime: '2026-11-29T04:15:00Z' }, { awsRequestId: 'req-1', functionName: 'dispatch' });

    expect(result).toMatchObject({ feeds: 6, due: 4, enqueued: 4 });
    const entries = sent();
    expect(entries.map((e) => e.MessageGroupId).sort()).toEqual(['demo-lemonde', 'demo-mic-japan', 'demo-reuters-tech', 'demo-yonhap']);
    for (const e of entries) {
      expect(JSON.parse(e.MessageBody!)).toEqual({ feedId: e.MessageGroupId });
      expect(e.MessageDeduplicationId).toBe(`${e.MessageGroupId}:2026-11-29T04:15:00Z`);
    }
    expect(sqsMock.commandCalls(SendMessageBatchCommand)[0]!.args[0].input.QueueUrl).toBe(QUEUE);
    expect(metrics.sums[METRIC.feedsDispatched]).toBe(4);
    expect(metrics.sums[METRIC.cycleHeartbeat]).toBe(1);
    expect(contexts).toEqual(['req-1']);
  });

  it('sends in batches of 10 and resends only the entries SQS failed', async () => {
    let calls = 0;
    sqsMock.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => {
      calls++;
      const entries = input.Entries!;
      const failFirst = calls === 1;
      return {
        Successful: entries.slice(failFirst ? 1 : 0).map((e) => ({ Id: e.Id, MessageId: 'm', MD5OfMessageBody: 'x' })),
        Failed: failFirst ? [{ Id: entries[0]!.Id, Code: 'InternalError', SenderFault: false }] : [],
      };
    });
    const many = Array.from({ length: 23 }, (_, i): FeedConfig => ({ id: `f-${i}`, url: `https://example.com/${i}`, kind: 'news' }));
    const handler = makeDispatchHandler({ feeds: many, store: await freshStore(), queue: sqsQueue(), clock, logger: silentLogger, metrics: recordingMetrics() });

    const result = await handler({});

    expect(result.enqueued).toBe(23);
    expect(sqsMock.commandCalls(SendMessageBatchCommand).map((c) => c.args[0].input.Entries!.length)).toEqual([10, 10, 3, 1]);
  });

  it('counts in FeedsStale the feeds without a success for max(24 h, 4 × pollMinutes), never-polled ones included', async () => {
    acceptAllSqs();
    const store = await freshStore();
    const now = clock.now();
    const ago = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
    const slow: FeedConfig = { id: 'slow', url: 'https://example.com/slow', kind: 'news', pollMinutes: 720 };
    await store.putFeedState({ feedId: 'demo-heise', failures: 5, lastSuccessAt: ago(30) }); // failing for 30 h: stale
    await store.putFeedState({ feedId: 'demo-lemonde', failures: 2, lastSuccessAt: ago(3) }); // failing for 3 h: not yet
    await store.putFeedState({ feedId: 'demo-yonhap', failures: 0, lastSuccessAt: ago(25) }); // not failing, just not polled: stale
    await store.putFeedState({ feedId: 'demo-xinhua', failures: 0, lastSuccessAt: ago(1) });
    await store.putFeedState({ feedId: 'demo-reuters-tech', failures: 0, lastSuccessAt: ago(1) });
    await store.putFeedState({ feedId: 'slow', failures: 0, lastSuccessAt: ago(40) }); // 40 h < 4 × 12 h
    // demo-mic-japan has no state at all: never polled, stale.
    const metrics = recordingMetrics();
    const handler = makeDispatchHandler({ feeds: [...feeds, slow], store, queue: sqsQueue(), clock, logger: silentLogger, metrics });

    const result = await handler({});

    expect(result.stale).toBe(3);
    expect(metrics.sums[METRIC.feedsStale]).toBe(3);
  });
});

describe('notify handler', () => {
  /** A store with pending events, produced by really polling two demo feeds. */
  async function storeWithPendingEvents() {
    const store = await freshStore();
    await makePollHandler({ feeds, store, fetcher: new HttpFeedFetcher({ allowHosts: ['127.0.0.1'] }), clock, alertPolicy, logger: silentLogger, metrics: recordingMetrics() })({
      Records: [sqsRecord('m1', msg('demo-reuters-tech')), sqsRecord('m2', msg('demo-mic-japan'))],
    });
    const pending = await store.listPendingEvents();
    expect(pending.length).toBeGreaterThan(0);
    return { store, pending };
  }

  const published = () => snsMock.commandCalls(PublishBatchCommand).flatMap((c) => c.args[0].input.PublishBatchRequestEntries!.map((e) => ({ topic: c.args[0].input.TopicArn!, e })));

  it('publishes the pending events of a stream batch to SNS and marks them sent', async () => {
    acceptAllSns();
    const { store, pending } = await storeWithPendingEvents();
    const first = pending[0]!;
    const deps = notifyDeps(store);

    const result = await makeNotifyHandler(deps)({ Records: [streamRecord(first.eventId)] });

    expect(result).toEqual({ trigger: 'stream', published: 1, failed: 0, failedPermanently: 0 });
    const toAll = published().filter((p) => p.topic === ALL);
    expect(toAll).toHaveLength(1);
    expect(JSON.parse(toAll[0]!.e.MessageAttributes!.countries!.StringValue!)).toEqual(first.countries);
    const stored = await store.getEvent(first.eventId);
    expect(stored?.alertState).toBe('SENT');
    expect(deps.metrics.sums[METRIC.alertsPublished]).toBe(1);
    // The event records where the alert went and SNS's MessageIds (what `banwatch explain` shows).
    const sent = stored!.alerts!.at(-1)!;
    const copies = published().filter((p) => p.e.MessageAttributes!.alertId!.StringValue === sent.alertId);
    expect(sent.topics!.sort()).toEqual(copies.map((p) => p.topic).sort());
    expect(sent.messageIds!.sort()).toEqual(copies.map((p) => `m-${p.e.Id}`).sort());
  });

  it('emits the age of the oldest alert still pending on every sweep (0 when none is)', async () => {
    snsMock.on(PublishBatchCommand).rejects(Object.assign(new Error('down'), { name: 'InternalErrorException', $fault: 'server' }));
    const { store } = await storeWithPendingEvents();
    const later: Clock = { now: () => new Date(Date.now() + 2 * 3_600_000) };
    const deps = { ...notifyDeps(store), clock: later };

    await expect(makeNotifyHandler(deps)({ ...SWEEP_EVENT })).rejects.toThrow(/not published/);
    expect(deps.metrics.sums[METRIC.oldestPendingAlertAge]).toBeGreaterThanOrEqual(2 * 3600 - 60);

    acceptAllSns();
    const ok = { ...notifyDeps(store), clock: later };
    await makeNotifyHandler(ok)({ ...SWEEP_EVENT });
    expect(ok.metrics.sums[METRIC.oldestPendingAlertAge]).toBe(0);
  });

  it('does not publish again when the same stream batch is delivered twice', async () => {
    acceptAllSns();
    const { store, pending } = await storeWithPendingEvents();
    const handler = makeNotifyHandler(notifyDeps(store));
    const event = { Records: [streamRecord(pending[0]!.eventId)] };

    await handler(event);
    const again = await handler(event);

    expect(again.published).toBe(0);
    expect(published().filter((p) => p.topic === ALL)).toHaveLength(1);
  });

  it('sweeps every pending event on the scheduled trigger', async () => {
    acceptAllSns();
    const { store, pending } = await storeWithPendingEvents();

    const result = await makeNotifyHandler(notifyDeps(store))({ ...SWEEP_EVENT });

    expect(result).toEqual({ trigger: 'sweep', published: pending.length, failed: 0, failedPermanently: 0 });
    expect(await store.listPendingEvents()).toEqual([]);
    expect(published().filter((p) => p.topic === ALL)).toHaveLength(pending.length);
  });

  it('fails the invocation and keeps the alert pending when SNS rejects it', async () => {
    snsMock.on(CreateTopicCommand).callsFake((input) => ({ TopicArn: `arn:aws:sns:us-east-1:123456789012:${input.Name}` }));
    snsMock.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => ({
      Successful: [],
      Failed: input.PublishBatchRequestEntries!.map((e) => ({ Id: e.Id, Code: 'AuthorizationError', Message: 'denied', SenderFault: true })),
    }));
    const { store, pending } = await storeWithPendingEvents();

    await expect(makeNotifyHandler(notifyDeps(store))({ Records: [streamRecord(pending[0]!.eventId)] })).rejects.toThrow(/not published/);

    expect((await store.getEvent(pending[0]!.eventId))?.alertState).toBe('PENDING');
  });

  it('recognises the event rows the store really writes, as the stream filter and the handler see them', async () => {
    acceptAllSns();
    const { store, pending } = await storeWithPendingEvents();
    const tableName = tableNames.get(store)!;
    const raw = await local.client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: `EVENT#${pending[0]!.eventId}` }, sk: { S: 'EVENT' } } }));
    const record: DynamoDBRecord = { ...streamRecord('unused'), dynamodb: { NewImage: raw.Item as never } };

    // The stack's filter (lib/alerts.ts) accepts the row...
    expect(matchesPendingFilter('INSERT', record.dynamodb!.NewImage as Record<string, { S?: string }>)).toBe(true);
    // ...and notify finds the event in it and publishes.
    expect(eventIdsFromStream([record])).toEqual([pending[0]!.eventId]);
    expect((await makeNotifyHandler(notifyDeps(store))({ Records: [record] })).published).toBe(1);

    // Once alerted the row no longer matches: marking it sent does not invoke notify again.
    const after = await local.client.send(new GetItemCommand({ TableName: tableName, Key: { pk: { S: `EVENT#${pending[0]!.eventId}` }, sk: { S: 'EVENT' } } }));
    expect(matchesPendingFilter('MODIFY', after.Item as Record<string, { S?: string }>)).toBe(false);
  });

  it('ignores stream records that are not events', async () => {
    const store = await freshStore();
    const record = streamRecord('x');
    record.dynamodb!.NewImage = { pk: { S: 'FEED#a' }, sk: { S: 'STATE' } };

    const result = await makeNotifyHandler(notifyDeps(store))({ Records: [record] });

    expect(result.published).toBe(0);
    expect(snsMock.calls()).toHaveLength(0);
  });
});

describe('digest handler', () => {
  const DAILY = 'arn:aws:sns:us-east-1:123456789012:banwatch-digest-daily';
  const WEEKLY = 'arn:aws:sns:us-east-1:123456789012:banwatch-digest-weekly';
  const sub = (n: number) => `${DAILY}:00000000-0000-0000-0000-00000000000${n}`;

  /** Events as deployed: polled from the demo feeds and their alerts published (at DEMO_NOW). */
  async function storeWithAlertedEvents() {
    acceptAllSns();
    const store = await freshStore();
    await makePollHandler({ feeds, store, fetcher: new HttpFeedFetcher({ allowHosts: ['127.0.0.1'] }), clock, alertPolicy, logger: silentLogger, metrics: recordingMetrics() })({
      Records: [sqsRecord('m1', msg('demo-reuters-tech')), sqsRecord('m2', msg('demo-mic-japan'))],
    });
    await makeNotifyHandler(notifyDeps(store))(SWEEP_EVENT);
    snsMock.reset();
    return store;
  }

  function digestDeps(store: DynamoStore) {
    return {
      store,
      channel: new SnsDigestChannel(new SNSClient({ region: 'us-east-1' }), { daily: DAILY, weekly: WEEKLY }),
      reports: new S3ReportSink(new S3Client({ region: 'us-east-1' }), 'report-bucket'),
      clock,
      logger: silentLogger,
      metrics: recordingMetrics(),
    };
  }

  /** Three confirmed subscribers (two with the same filter) and one still pending. */
  function digestSubscribers() {
    snsMock.on(ListSubscriptionsByTopicCommand, { TopicArn: DAILY }).resolves({
      Subscriptions: [
        { SubscriptionArn: sub(1), Protocol: 'email', Endpoint: 'all@example.com', TopicArn: DAILY },
        { SubscriptionArn: sub(2), Protocol: 'email', Endpoint: 'jp@example.com', TopicArn: DAILY },
        { SubscriptionArn: sub(3), Protocol: 'email', Endpoint: 'jp2@example.com', TopicArn: DAILY },
        { SubscriptionArn: sub(4), Protocol: 'email', Endpoint: 'kp@example.com', TopicArn: DAILY },
        { SubscriptionArn: 'PendingConfirmation', Protocol: 'email', Endpoint: 'new@example.com', TopicArn: DAILY },
      ],
    });
    const policy = (key: string) => ({ Attributes: { FilterPolicy: JSON.stringify({ digest: [key] }) } });
    snsMock.on(GetSubscriptionAttributesCommand, { SubscriptionArn: sub(1) }).resolves(policy('all'));
    snsMock.on(GetSubscriptionAttributesCommand, { SubscriptionArn: sub(2) }).resolves(policy('countries=JP'));
    snsMock.on(GetSubscriptionAttributesCommand, { SubscriptionArn: sub(3) }).resolves(policy('countries=JP'));
    // A filter nothing matched in the period: no message for it.
    snsMock.on(GetSubscriptionAttributesCommand, { SubscriptionArn: sub(4) }).resolves(policy('countries=KP'));
  }

  it('publishes one digest per subscriber filter with changes, routed by its key, and writes the report and the Atom feed', async () => {
    const store = await storeWithAlertedEvents();
    digestSubscribers();
    snsMock.on(PublishCommand).resolves({ MessageId: 'm' });
    s3Mock.on(PutObjectCommand).resolves({});
    const deps = digestDeps(store);
    // Scheduled a day after the alerts went out: they are in the period.
    const scheduledTime = new Date(Date.parse(DEMO_NOW) + 12 * 3_600_000).toISOString();

    const result = await makeDigestHandler(deps)({ source: 'banwatch.digest', kind: 'daily', scheduledTime });

    expect(result.digests).toMatchObject({ filters: 3, published: 2, quiet: 1, failed: [] });
    const published = snsMock.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(published.map((p) => p.MessageAttributes!.digest!.StringValue).sort()).toEqual(['all', 'countries=JP']);
    for (const p of published) {
      expect(p.TopicArn).toBe(DAILY);
      const body = JSON.parse(p.Message!);
      const machine = JSON.parse(body.default);
      expect(machine).toMatchObject({ type: 'banwatch.digest', frequency: 'daily', until: scheduledTime });
      expect(body.email).toMatch(/^banwatch digest, /);
      expect(p.Subject).toMatch(/^banwatch digest: \d+ changes?, /);
    }
    const jp = JSON.parse(JSON.parse(published.find((p) => p.MessageAttributes!.digest!.StringValue === 'countries=JP')!.Message!).default);
    expect(jp.changes.length).toBeGreaterThan(0);
    expect(jp.changes.every((c: { countries: string[] }) => c.countries.includes('JP'))).toBe(true);
    // One subscriber whose subscription is still pending was never asked for its filter.
    expect(snsMock.commandCalls(GetSubscriptionAttributesCommand)).toHaveLength(4);
    const puts = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input);
    expect(puts.map((p) => [p.Bucket, p.Key, p.ContentType])).toEqual([
      ['report-bucket', 'report.html', 'text/html; charset=utf-8'],
      ['report-bucket', 'events.atom', 'application/atom+xml; charset=utf-8'],
    ]);
    expect(String(puts[0]!.Body)).toContain("default-src 'none'");
    expect(deps.metrics.sums[METRIC.digestsPublished]).toBe(2);
  });

  it('sends nothing for a period without changes, and still rewrites the report', async () => {
    const store = await storeWithAlertedEvents();
    digestSubscribers();
    s3Mock.on(PutObjectCommand).resolves({});
    // A week later: yesterday had no alerts.
    const scheduledTime = new Date(Date.parse(DEMO_NOW) + 7 * 24 * 3_600_000).toISOString();

    const result = await makeDigestHandler(digestDeps(store))({ kind: 'daily', scheduledTime });

    expect(result.digests).toMatchObject({ published: 0, quiet: 3 });
    expect(snsMock.commandCalls(PublishCommand)).toHaveLength(0);
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(2);
  });

  it('writes only the report on the report schedule, and refuses an unknown kind', async () => {
    const store = await storeWithAlertedEvents();
    s3Mock.on(PutObjectCommand).resolves({});
    const deps = digestDeps(store);

    const result = await makeDigestHandler(deps)({ kind: 'report' });

    expect(result).toMatchObject({ kind: 'report', digests: null });
    expect(result.reportEvents).toBeGreaterThan(0);
    expect(snsMock.commandCalls(ListSubscriptionsByTopicCommand)).toHaveLength(0);
    await expect(makeDigestHandler(deps)({ kind: 'hourly' })).rejects.toThrow(/kind must be daily, weekly or report/);
  });

  it('tries every filter, then fails the invocation (the Errors alarm) when one digest could not be published', async () => {
    const store = await storeWithAlertedEvents();
    digestSubscribers();
    snsMock.on(PublishCommand).rejects(new Error('KMS throttled')).on(PublishCommand, { MessageAttributes: { digest: { DataType: 'String', StringValue: 'all' } } }).resolves({ MessageId: 'm' });
    s3Mock.on(PutObjectCommand).resolves({});
    const deps = digestDeps(store);
    const scheduledTime = new Date(Date.parse(DEMO_NOW) + 12 * 3_600_000).toISOString();

    await expect(makeDigestHandler(deps)({ kind: 'daily', scheduledTime })).rejects.toThrow(/1 digest\(s\) not published/);

    expect(snsMock.commandCalls(PublishCommand)).toHaveLength(2);
    expect(deps.metrics.sums[METRIC.digestsPublished]).toBe(1);
    // The report is written all the same.
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(2);
  });
});

describe('compose (the AWS composition root)', () => {
  it('fails fast, naming every missing variable', () => {
    expect(() => composeDispatch({})).toThrow(ConfigError);
    expect(() => composeDispatch({})).toThrow(/TABLE_NAME.*FEED_QUEUE_URL.*FEEDS_FILE|FEED_QUEUE_URL/);
    expect(() => composePoll({ TABLE_NAME: 't' })).toThrow(/FETCH_TIMEOUT_MS.*MAX_ALERT_AGE_DAYS.*ALERT_BACKLOG.*FEEDS_FILE/);
    expect(() => composeNotify({ TABLE_NAME: 't', ALL_TOPIC_ARN: 'nope', TOPIC_PREFIX: 'banwatch' })).toThrow(/ALL_TOPIC_ARN/);
    expect(() => composeDigest({ TABLE_NAME: 't', DIGEST_DAILY_TOPIC_ARN: 'nope' })).toThrow(/DIGEST_DAILY_TOPIC_ARN.*DIGEST_WEEKLY_TOPIC_ARN.*REPORT_BUCKET/);
  });

  it('builds the dispatch deps with the bundled feed registry', () => {
    const deps = composeDispatch({ TABLE_NAME: 't', FEED_QUEUE_URL: QUEUE, FEEDS_FILE: 'config/feeds.json', LAMBDA_TASK_ROOT: process.cwd() });
    expect(deps.feeds.length).toBeGreaterThan(0);
    const poll = composePoll({ TABLE_NAME: 't', FETCH_TIMEOUT_MS: '20000', MAX_ALERT_AGE_DAYS: '14', ALERT_BACKLOG: 'false', FEEDS_FILE: 'config/feeds.json', LAMBDA_TASK_ROOT: process.cwd() });
    expect(poll.feeds).toEqual(deps.feeds);
  });
});
