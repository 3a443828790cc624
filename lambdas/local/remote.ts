/**
 * The CLI's read paths against a deployed stack's table (`--table NAME` or `--stack NAME`), with
 * the user's AWS credentials: `events`, `feeds`, `event ID` and `explain <url|guid>` read what the
 * Lambdas wrote. Read-only by construction: the DynamoDB client refuses every command that is not a
 * read before it leaves the process. `AWS_ENDPOINT_URL_DYNAMODB` (the SDK's own setting) points it
 * elsewhere: the tests run this exact path against dynalite.
 *
 * `event` and `explain` work on a local data directory too (the local store is the same adapter).
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Option } from 'commander';
import { createDocumentClient, DynamoStore } from '../adapters/dynamo-store.js';
import { BanwatchError, ConfigError } from '../core/errors.js';
import { canonicalLink, itemKeyOf } from '../core/feed/parse.js';
import type { FeedConfig, PolicyEvent, StoredItem } from '../core/model.js';
import type { AlertDeliveryRecord, Logger } from '../ports.js';
import { formatAlertDelivery, formatEvent, type DeliveryView } from './format.js';

/** DynamoDB commands the read paths may send; anything else is refused in the client. */
export const READ_COMMANDS = new Set(['GetItemCommand', 'BatchGetItemCommand', 'QueryCommand', 'ScanCommand', 'DescribeTableCommand']);

/** The stack output that names the table (lib/banwatch-stack.ts). */
export const TABLE_OUTPUT = 'TableName';

export interface RemoteTarget {
  table?: string | undefined;
  stack?: string | undefined;
}

export interface RemoteStore {
  store: DynamoStore;
  tableName: string;
  close(): Promise<void>;
}

/** A DynamoDB client that refuses writes: the CLI's remote commands can only read. */
export function readOnlyClient(client: DynamoDBClient): DynamoDBClient {
  client.middlewareStack.add(
    ((next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
      if (!READ_COMMANDS.has(context.commandName ?? '')) {
        throw new BanwatchError('REMOTE_READ_ONLY', `banwatch reads a deployed table but never writes it (refused ${context.commandName})`);
      }
      return next(args);
    }) as never,
    { step: 'initialize', name: 'banwatchReadOnly' },
  );
  return client;
}

/** The table of a deployed stack, from its `TableName` output. */
export async function resolveStackTable(stackName: string, cfn: CloudFormationClient = new CloudFormationClient({})): Promise<string> {
  let out;
  try {
    out = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
  } catch (err) {
    throw new BanwatchError('REMOTE_STACK', `cannot read stack "${stackName}" (${(err as Error).name}: ${(err as Error).message}); check the name, region (AWS_REGION) and credentials, or pass --table`, { cause: err });
  }
  const value = out.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === TABLE_OUTPUT)?.OutputValue;
  if (!value) throw new BanwatchError('REMOTE_STACK', `stack "${stackName}" has no ${TABLE_OUTPUT} output: is it a banwatch stack? pass --table instead`);
  return value;
}

/** Opens a deployed table read-only. Exactly one of --table and --stack. */
export async function openRemote(target: RemoteTarget, logger: Logger): Promise<RemoteStore> {
  if (!!target.table === !!target.stack) throw new ConfigError('CONFIG_USAGE', 'give exactly one of --table NAME and --stack NAME');
  const tableName = target.table ?? (await resolveStackTable(target.stack!));
  const client = readOnlyClient(new DynamoDBClient({}));
  const store = new DynamoStore(createDocumentClient(client), tableName, { logger });
  return { store, tableName, close: async () => client.destroy() };
}

/** `--table` for the read commands: a deployed table instead of the local data directory. */
export const tableOption = (): Option =>
  new Option('--table <name>', "read a deployed stack's DynamoDB table (read-only, your AWS credentials and region)").conflicts('stack');

/** `--stack`: the deployed table found by the stack's TableName output. */
export const stackOption = (): Option =>
  new Option('--stack <name>', 'read the table of a deployed stack, found by its TableName output (e.g. Banwatch)').conflicts('table');

/**
 * The store a read command uses: the deployed table with --table/--stack, else the local data
 * directory (opened by `openLocal`). Both are the DynamoDB adapter.
 */
export async function openReader(
  opts: RemoteTarget,
  logger: Logger,
  openLocal: () => Promise<{ store: unknown; close(): Promise<void> }>,
): Promise<{ store: DynamoStore; close(): Promise<void> }> {
  if (opts.table || opts.stack) return openRemote(opts, logger);
  const rt = await openLocal();
  if (!(rt.store instanceof DynamoStore)) {
    await rt.close();
    throw new BanwatchError('INTERNAL', 'the local store is not the DynamoDB adapter');
  }
  return { store: rt.store, close: () => rt.close() };
}

/** What `banwatch explain` found: the item, how it was read, its event, the alerts and their deliveries. */
export interface Explanation {
  query: string;
  /** Stored items that match (a URL can be an item of several feeds). */
  items: Array<{
    item: StoredItem;
    event: PolicyEvent | null;
    /** Why no alert (went) out, when none did; empty when it was alerted. */
    why: string[];
  }>;
  /** Delivery records (DELIVERY# rows) of the alerts of these events, by alertId. */
  deliveries: Record<string, DeliveryView>;
}

type ExplainStore = Pick<DynamoStore, 'getItems' | 'getEvent' | 'deliveryRecords' | 'scanItems'>;

/**
 * The item keys a URL or guid can have: a guid is scoped to its feed (one key per registry feed),
 * a link is its canonical form; an item key itself is accepted as is.
 */
export function candidateItemKeys(ref: string, feeds: FeedConfig[]): string[] {
  const keys = new Set<string>();
  const trimmed = ref.trim();
  if (/^[0-9a-f]{16,64}$/.test(trimmed)) keys.add(trimmed);
  if (canonicalLink(trimmed)) keys.add(itemKeyOf({ feedId: '', link: trimmed }));
  for (const f of feeds) keys.add(itemKeyOf({ feedId: f.id, guid: trimmed }));
  return [...keys];
}

/**
 * Finds the item by its keys (one BatchGet); when none matches (a guid of a feed the registry given
 * does not list), reads the items once looking for that link or guid: slower, still read-only.
 */
export async function explain(store: ExplainStore, feeds: FeedConfig[], ref: string): Promise<Explanation> {
  let items = await store.getItems(candidateItemKeys(ref, feeds));
  if (!items.length) {
    const link = canonicalLink(ref.trim());
    for await (const page of store.scanItems()) items.push(...page.filter((i) => i.guid === ref.trim() || (link !== null && i.link === link)));
  }
  const out: Explanation = { query: ref, items: [], deliveries: {} };
  const alertIds = new Set<string>();
  for (const item of items) {
    const event = item.eventId ? await store.getEvent(item.eventId) : null;
    for (const a of event?.alerts ?? []) alertIds.add(a.alertId);
    out.items.push({ item, event, why: whyNoAlert(item, event) });
  }
  const records = alertIds.size ? await store.deliveryRecords([...alertIds]) : new Map<string, AlertDeliveryRecord>();
  for (const [id, r] of records) {
    out.deliveries[id] = {
      state: r.state,
      attempts: r.attempts,
      topics: [...r.topics],
      messageIds: Object.fromEntries(r.messageIds),
      ...(r.lastError ? { lastError: r.lastError } : {}),
    };
  }
  return out;
}

/** The reasons an item did not (yet) lead to an alert, in the order the pipeline decides them. */
export function whyNoAlert(item: StoredItem, event: PolicyEvent | null): string[] {
  const c = item.classification;
  if (!c.relevant) return ['not relevant: the classifier found no state measure against a listed vendor (see evidence and rules)'];
  const why: string[] = [];
  if (item.alertable === false) why.push('old news: stored from the feed\'s first poll (its backlog) or published before the age limit; grouped, never alerted');
  if (!event) return [...why, 'relevant but in no event (grouping did not run for it: a poll that failed after storing it?)'];
  const mine = (event.alerts ?? []).filter((a) => a.state !== 'FAILED');
  if (mine.length) return [];
  if (event.alertState === 'PENDING') why.push('its event has an alert due that has not gone out yet (see the delivery record and the notify logs)');
  else if (event.alertState === 'SILENT') why.push(event.backfill ? 'its event holds only old news' : 'its event waits for corroboration: one outlet and low confidence, no official source yet');
  for (const a of event.alerts ?? []) if (a.state === 'FAILED') why.push(`alert ${a.alertId} FAILED: ${a.error ?? 'given up'}`);
  return why;
}

export function formatExplanation(x: Explanation): string {
  if (!x.items.length) return `no stored item matches "${x.query}" (as a link, or as a guid of any registry feed): it was never fetched, or it expired (irrelevant items are kept 30 days)`;
  const out: string[] = [];
  for (const { item, event, why } of x.items) {
    const c = item.classification;
    out.push(`item ${item.itemKey}  feed ${item.feedId}  published ${item.published ?? '?'}  fetched ${item.fetchedAt}`);
    out.push(`    ${item.title}`);
    if (item.link) out.push(`    ${item.link}`);
    out.push(`classification: ${c.relevant ? 'relevant' : 'not relevant'} (confidence ${Math.round(c.confidence * 100)}%)${item.alertable === false ? ', old news' : ''}`);
    if (c.relevant) out.push(`    ${c.countries.join('/')}  ${c.vendors.join(', ')}  ${c.measure} / ${c.stage}${c.stageConfidence !== undefined ? ` (stage ${Math.round(c.stageConfidence * 100)}%)` : ''}`);
    if (c.evidence.length) out.push(`    evidence: ${c.evidence.map((e) => `"${e}"`).join('; ')}`);
    if (c.stageEvidence?.length) out.push(`    stage evidence: ${c.stageEvidence.map((e) => `"${e}"`).join('; ')}`);
    if (c.rules?.length) out.push(`    rules: ${c.rules.join(', ')}`);
    if (event) {
      out.push('event:');
      out.push(formatEvent(event).replace(/^/gm, '  '));
      const joined = event.sources.find((s) => s.itemKey === item.itemKey)?.mergeReason;
      if (joined) out.push(`    this item joined it: ${joined}`);
      out.push(`alerts (${event.alerts?.length ?? 0}):`);
      for (const a of event.alerts ?? []) out.push(...formatAlertDelivery(a, x.deliveries[a.alertId]));
    }
    if (why.length) out.push(`why no alert:`, ...why.map((w) => `    - ${w}`));
    out.push('');
  }
  return out.join('\n').trimEnd();
}

/** The delivery record (DELIVERY# row) of each of the event's alerts, by alertId: what `banwatch event` shows. */
export async function deliveriesOf(store: Pick<DynamoStore, 'deliveryRecords'>, event: PolicyEvent): Promise<Record<string, DeliveryView>> {
  const ids = (event.alerts ?? []).map((a) => a.alertId);
  const records = ids.length ? await store.deliveryRecords(ids) : new Map<string, AlertDeliveryRecord>();
  const out: Record<string, DeliveryView> = {};
  for (const [id, r] of records) out[id] = { state: r.state, attempts: r.attempts, topics: [...r.topics], messageIds: Object.fromEntries(r.messageIds), ...(r.lastError ? { lastError: r.lastError } : {}) };
  return out;
}
