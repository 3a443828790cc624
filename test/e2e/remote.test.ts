/**
 * The CLI's read commands against a "deployed" table: a table the AWS code path filled (poll with
 * the demo feeds, notify through SnsPublisher with the alert-intent log), read by the real CLI
 * process with `--table`, which goes through the SDK's own endpoint setting
 * (AWS_ENDPOINT_URL_DYNAMODB) to dynalite: the same code path as against DynamoDB.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { HttpFeedFetcher } from '../../lambdas/adapters/http-fetcher.js';
import { SnsPublisher } from '../../lambdas/adapters/sns-publisher.js';
import type { FeedConfig, PolicyEvent } from '../../lambdas/core/model.js';
import { DEMO_FEEDS_DIR, DEMO_NOW, demoFeedsConfig, startDemoServer, type DemoServer } from '../../lambdas/local/demo-server.js';
import { ensureTable, startLocalDynamo, type LocalDynamo } from '../../lambdas/local/dynalite.js';
import { explain, readOnlyClient, resolveStackTable } from '../../lambdas/local/remote.js';
import { notifyPending, pollFeeds } from '../../lambdas/pipeline.js';
import { silentLogger } from '../../lambdas/ports.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'banwatch.mjs');
const TABLE = 'Banwatch-StorageTable-DEPLOYED';
const ALL = 'arn:aws:sns:us-east-1:123456789012:banwatch-all';

let local: LocalDynamo;
let server: DemoServer;
let feeds: FeedConfig[];
let dir: string;
let feedsFile: string;
let store: DynamoStore;

async function banwatch(args: string[]) {
  const env = {
    ...process.env,
    AWS_ENDPOINT_URL_DYNAMODB: local.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'user',
    AWS_SECRET_ACCESS_KEY: 'user',
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: dir, timeout: 120_000, maxBuffer: 32 * 1024 * 1024, env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** An SNS that accepts every entry and answers MessageIds, as the notify Lambda would see it. */
function acceptingSns(): SNSClient {
  const sns = new SNSClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  sns.middlewareStack.add(
    ((_next: unknown) => async (args: { input: { PublishBatchRequestEntries: Array<{ Id: string }>; TopicArn: string } }) => ({
      output: { Successful: args.input.PublishBatchRequestEntries.map((e) => ({ Id: e.Id, MessageId: `${args.input.TopicArn.split(':').pop()}/${e.Id}` })), Failed: [], $metadata: {} },
      response: {},
    })) as never,
    { step: 'initialize', name: 'acceptingSns' },
  );
  return sns;
}

beforeAll(async () => {
  local = await startLocalDynamo({});
  server = await startDemoServer({ dir: DEMO_FEEDS_DIR });
  feeds = demoFeedsConfig(server.baseUrl);
  dir = mkdtempSync(join(tmpdir(), 'banwatch-remote-'));
  feedsFile = join(dir, 'feeds.json');
  writeFileSync(feedsFile, JSON.stringify({ feeds }));
  await ensureTable(local.client, TABLE);
  store = new DynamoStore(local.doc, TABLE);
  const clock = { now: () => new Date(DEMO_NOW) };
  // What the deployed Lambdas would have written.
  await pollFeeds(feeds, { store, fetcher: new HttpFeedFetcher({ allowHosts: ['127.0.0.1'] }), clock, logger: silentLogger, alertPolicy: { maxAlertAgeDays: 14, alertBacklog: true } });
  const publisher = new SnsPublisher(acceptingSns(), { allTopicArn: ALL, topicPrefix: 'banwatch', countryTopics: ['JP'], sleep: async () => {}, deliveries: store });
  const notified = await notifyPending({ store, publisher, clock, logger: silentLogger });
  expect(notified.published).toBeGreaterThan(0);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await local?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('banwatch read commands with --table (a deployed table)', () => {
  it('events: lists the deployed events, newest first, as the local command does', async () => {
    const r = await banwatch(['events', '--table', TABLE, '--json']);

    expect(r.code, r.stderr).toBe(0);
    const events = JSON.parse(r.stdout) as PolicyEvent[];
    expect(events.map((e) => e.eventId)).toEqual((await store.queryEvents({ limit: 100 })).map((e) => e.eventId));
    expect(events.length).toBeGreaterThan(3);
  });

  it('feeds: shows each registry feed with its deployed polling state', async () => {
    const r = await banwatch(['feeds', '--table', TABLE, '--feeds', feedsFile, '--json']);

    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ id: string; url: string; state: { lastStatus: string; url: string } | null }>;
    expect(rows.map((f) => f.id)).toEqual(feeds.map((f) => f.id));
    for (const row of rows) expect(row.state).toMatchObject({ lastStatus: 'ok', url: row.url });
  });

  it('event ID: shows the alerts sent with their topics, SNS MessageIds and delivery state', async () => {
    const alerted = (await store.queryEvents({ limit: 100 })).find((e) => (e.alerts ?? []).length > 0)!;

    const r = await banwatch(['event', alerted.eventId, '--table', TABLE, '--json']);

    expect(r.code, r.stderr).toBe(0);
    const { event, deliveries } = JSON.parse(r.stdout);
    const sent = event.alerts[0];
    expect(sent.topics).toContain(ALL);
    expect(sent.messageIds).toHaveLength(sent.topics.length);
    expect(sent.messageIds[0]).toMatch(/^banwatch-(all|country-jp)\//);
    expect(deliveries[sent.alertId]).toMatchObject({ state: 'SENT', attempts: 1 });
    const text = await banwatch(['event', alerted.eventId, '--table', TABLE]);
    expect(text.stdout).toContain(`MessageId ${sent.messageIds[0]}`);
  });

  it('explain <url>: item → classification with evidence and rules → event → alerts with MessageIds', async () => {
    const alerted = (await store.queryEvents({ limit: 100 })).find((e) => (e.alerts ?? []).length > 0 && e.sources.some((s) => s.link))!;
    const source = alerted.sources.find((s) => s.link)!;

    const r = await banwatch(['explain', source.link!, '--table', TABLE, '--feeds', feedsFile, '--json']);

    expect(r.code, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout);
    expect(x.items).toHaveLength(1);
    const [found] = x.items;
    expect(found.item.itemKey).toBe(source.itemKey);
    expect(found.item.classification).toMatchObject({ relevant: true, evidence: expect.any(Array), rules: expect.any(Array) });
    expect(found.item.classification.rules.length).toBeGreaterThan(0);
    expect(found.event.eventId).toBe(alerted.eventId);
    expect(found.why).toEqual([]);
    for (const a of found.event.alerts) expect(x.deliveries[a.alertId].messageIds).toEqual(Object.fromEntries(a.topics.map((t: string, i: number) => [t, a.messageIds[i]])));
    const text = await banwatch(['explain', source.link!, '--table', TABLE, '--feeds', feedsFile]);
    expect(text.stdout).toMatch(/classification: relevant[\s\S]*rules: [\s\S]*event:[\s\S]*alerts \(\d+\):[\s\S]*MessageId /);
  });

  it('explain: says why an irrelevant item never alerted', async () => {
    let irrelevant;
    for await (const page of store.scanItems()) irrelevant ??= page.find((i) => !i.classification.relevant && i.link);
    const r = await banwatch(['explain', irrelevant!.link!, '--table', TABLE, '--feeds', feedsFile]);

    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/classification: not relevant[\s\S]*why no alert:\s+- not relevant/);
  });

  it('fails with one clear line for a table that does not exist', async () => {
    const r = await banwatch(['events', '--table', 'no-such-table']);

    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no-such-table.*does not exist.*\[STORE_TABLE_MISSING\]/);
  });
});

describe('lambdas/local/remote', () => {
  describe('readOnlyClient', () => {
    it('refuses every write before it leaves the process', async () => {
      const client = readOnlyClient(new DynamoDBClient({ endpoint: local.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));

      await expect(client.send(new PutItemCommand({ TableName: TABLE, Item: { pk: { S: 'FEED#x' }, sk: { S: 'STATE' } } }))).rejects.toThrow(/never writes.*PutItemCommand/);
      expect((await store.getFeedStates(['x'])).size).toBe(0);
    });
  });

  describe('explain', () => {
    it('finds an item by its guid even when the registry given does not list its feed (reads the items once)', async () => {
      let item;
      for await (const page of store.scanItems()) item ??= page.find((i) => i.guid && i.classification.relevant);

      const byKey = await explain(store, feeds, item!.guid!);
      const byScan = await explain(store, [], item!.guid!);

      expect(byKey.items.map((x) => x.item.itemKey)).toEqual([item!.itemKey]);
      expect(byScan.items.map((x) => x.item.itemKey)).toEqual([item!.itemKey]);
    });
  });

  describe('resolveStackTable', () => {
    it('finds the table through the stack\'s TableName output, and says so when there is none', async () => {
      const cfn = mockClient(CloudFormationClient);
      cfn.on(DescribeStacksCommand, { StackName: 'Banwatch' }).resolves({ Stacks: [{ StackName: 'Banwatch', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [{ OutputKey: 'TableName', OutputValue: TABLE }] }] });
      cfn.on(DescribeStacksCommand, { StackName: 'Other' }).resolves({ Stacks: [{ StackName: 'Other', CreationTime: new Date(), StackStatus: 'CREATE_COMPLETE', Outputs: [] }] });

      expect(await resolveStackTable('Banwatch', new CloudFormationClient({ region: 'us-east-1' }))).toBe(TABLE);
      await expect(resolveStackTable('Other', new CloudFormationClient({ region: 'us-east-1' }))).rejects.toThrow(/no TableName output/);
      cfn.restore();
    });
  });
});
