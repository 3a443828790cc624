/**
 * Subscriptions that survive operations: the attributes every subscription the CLI creates gets
 * (a dead-letter queue, a backoff delivery policy for HTTPS, raw delivery on request), and
 * `banwatch subscriptions export` / `import`, which back up and restore the subscriptions of a
 * stack's topics with their filter policies (to the same stack after a mishap, or to a new one).
 */
import {
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  SubscribeCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { ConfigError } from '../core/errors.js';
import type { FilterPolicy } from '../core/filter-policy.js';

/** The stack's subscription dead-letter queue (lib/alerts.ts subscriptionDlqName), next to the topic. */
export function subscriptionDlqArn(topicArn: string, prefix: string): string {
  const [, partition, , region, account] = topicArn.split(':');
  return `arn:${partition}:sqs:${region}:${account}:${prefix}-subscription-dlq`;
}

/**
 * HTTPS retries with backoff for about six hours before the message goes to the DLQ (SNS's default
 * gives up after 3 tries in about a minute): 2 retries at 20 s, 13 backing off to 10 minutes, 35 at
 * 10 minutes; at most 10 deliveries a second to one endpoint.
 */
export const HTTPS_DELIVERY_POLICY = {
  healthyRetryPolicy: {
    minDelayTarget: 20,
    maxDelayTarget: 600,
    numRetries: 50,
    numNoDelayRetries: 0,
    numMinDelayRetries: 2,
    numMaxDelayRetries: 35,
    backoffFunction: 'exponential',
  },
  throttlePolicy: { maxReceivesPerSecond: 10 },
} as const;

export interface SubscriptionSettings {
  protocol: string;
  filterPolicy: FilterPolicy | null;
  filterPolicyScope?: string;
  /** Raw delivery (sqs, https only): the JSON payload without SNS's envelope. */
  raw?: boolean;
  /** Overrides the default HTTPS policy (an imported subscription keeps its own). */
  deliveryPolicy?: string;
}

/** Subscribe attributes: DLQ always, the backoff policy for HTTPS, the filter, raw delivery. */
export function subscriptionAttributes(topicArn: string, prefix: string, s: SubscriptionSettings): Record<string, string> {
  if (s.raw && s.protocol !== 'sqs' && s.protocol !== 'https') {
    throw new ConfigError('SUBSCRIBE_RAW', `raw delivery is for sqs and https subscriptions, not ${s.protocol}`);
  }
  return {
    // Undeliverable messages are parked in the stack's queue (alarmed), not dropped.
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: subscriptionDlqArn(topicArn, prefix) }),
    ...(s.protocol === 'https' ? { DeliveryPolicy: s.deliveryPolicy ?? JSON.stringify(HTTPS_DELIVERY_POLICY) } : {}),
    ...(s.filterPolicy ? { FilterPolicy: JSON.stringify(s.filterPolicy), FilterPolicyScope: s.filterPolicyScope ?? 'MessageAttributes' } : {}),
    ...(s.raw ? { RawMessageDelivery: 'true' } : {}),
  };
}

export interface ExportedSubscription {
  protocol: string;
  endpoint: string;
  filterPolicy: FilterPolicy | null;
  filterPolicyScope?: string;
  raw: boolean;
  deliveryPolicy?: string;
  /** Unconfirmed at export: SNS knows no attributes for it yet. */
  pendingConfirmation: boolean;
}

export interface SubscriptionBackup {
  format: 'banwatch.subscriptions';
  version: 1;
  exportedAt: string;
  /** The "all" topic exported from; topics are named relative to its prefix. */
  from: string;
  /** Topic name without the prefix ("all", "country-jp") → its subscriptions. */
  topics: Record<string, ExportedSubscription[]>;
}

const topicName = (arn: string) => arn.slice(arn.lastIndexOf(':') + 1);
const prefixOfAll = (allTopicArn: string) => {
  const name = topicName(allTopicArn);
  if (!name.endsWith('-all')) throw new ConfigError('TOPIC_ARN_INVALID', `"${name}" is not a banwatch "<prefix>-all" topic`);
  return name.slice(0, -'-all'.length);
};
const sibling = (allTopicArn: string, name: string) => `${allTopicArn.slice(0, allTopicArn.lastIndexOf(':'))}:${name}`;

/**
 * The stack's alert topics: "all", every `<prefix>-country-*` and the two digest topics
 * (`<prefix>-digest-daily|weekly`) of the same account and region.
 */
async function alertTopics(sns: SNSClient, allTopicArn: string): Promise<string[]> {
  const prefix = prefixOfAll(allTopicArn);
  const countryPrefix = sibling(allTopicArn, `${prefix}-country-`);
  const digests = new Set(['daily', 'weekly'].map((f) => sibling(allTopicArn, `${prefix}-digest-${f}`)));
  const out = [allTopicArn];
  let next: string | undefined;
  do {
    const page = await sns.send(new ListTopicsCommand(next ? { NextToken: next } : {}));
    for (const t of page.Topics ?? []) if (t.TopicArn && (t.TopicArn.startsWith(countryPrefix) || digests.has(t.TopicArn))) out.push(t.TopicArn);
    next = page.NextToken;
  } while (next);
  return out;
}

async function subscriptionsOf(sns: SNSClient, topicArn: string): Promise<ExportedSubscription[]> {
  const out: ExportedSubscription[] = [];
  let next: string | undefined;
  do {
    const page = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, ...(next ? { NextToken: next } : {}) }));
    for (const s of page.Subscriptions ?? []) {
      const arn = s.SubscriptionArn ?? '';
      const pending = !arn.startsWith('arn:');
      const attrs = pending ? {} : ((await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }))).Attributes ?? {});
      out.push({
        protocol: s.Protocol ?? '',
        endpoint: s.Endpoint ?? '',
        filterPolicy: attrs.FilterPolicy ? (JSON.parse(attrs.FilterPolicy) as FilterPolicy) : null,
        ...(attrs.FilterPolicyScope ? { filterPolicyScope: attrs.FilterPolicyScope } : {}),
        raw: attrs.RawMessageDelivery === 'true',
        ...(attrs.DeliveryPolicy ? { deliveryPolicy: attrs.DeliveryPolicy } : {}),
        pendingConfirmation: pending,
      });
    }
    next = page.NextToken;
  } while (next);
  return out;
}

export async function exportSubscriptions(sns: SNSClient, allTopicArn: string, now: Date = new Date()): Promise<SubscriptionBackup> {
  const prefix = prefixOfAll(allTopicArn);
  const topics: SubscriptionBackup['topics'] = {};
  for (const arn of await alertTopics(sns, allTopicArn)) topics[topicName(arn).slice(prefix.length + 1)] = await subscriptionsOf(sns, arn);
  return { format: 'banwatch.subscriptions', version: 1, exportedAt: now.toISOString(), from: allTopicArn, topics };
}

export function parseBackup(text: string, source: string): SubscriptionBackup {
  let raw: SubscriptionBackup;
  try {
    raw = JSON.parse(text) as SubscriptionBackup;
  } catch (err) {
    throw new ConfigError('BACKUP_INVALID', `${source}: not JSON (${(err as Error).message})`, { cause: err });
  }
  if (raw?.format !== 'banwatch.subscriptions' || raw.version !== 1 || typeof raw.topics !== 'object' || raw.topics === null) {
    throw new ConfigError('BACKUP_INVALID', `${source}: not a banwatch subscriptions export (format banwatch.subscriptions, version 1)`);
  }
  return raw;
}

export interface ImportResult {
  created: Array<{ topic: string; protocol: string; endpoint: string; pendingConfirmation: boolean }>;
  /** Already subscribed (same protocol and endpoint on that topic): left as they are. */
  existing: number;
  /** Topics of the export the target stack lacks (add the country to `countries` and deploy). */
  missingTopics: string[];
}

/**
 * Re-creates the exported subscriptions on the stack of `allTopicArn`, each with its filter policy,
 * raw delivery and delivery policy, plus this stack's DLQ. Idempotent: an endpoint already
 * subscribed to a topic is left alone. Email and HTTPS endpoints must confirm again (SNS asks them).
 */
export async function importSubscriptions(sns: SNSClient, allTopicArn: string, backup: SubscriptionBackup): Promise<ImportResult> {
  const prefix = prefixOfAll(allTopicArn);
  const result: ImportResult = { created: [], existing: 0, missingTopics: [] };
  for (const [suffix, subs] of Object.entries(backup.topics)) {
    const topicArn = suffix === 'all' ? allTopicArn : sibling(allTopicArn, `${prefix}-${suffix}`);
    try {
      await sns.send(new GetTopicAttributesCommand({ TopicArn: topicArn }));
    } catch (err) {
      if ((err as { name?: string }).name !== 'NotFoundException') throw err;
      result.missingTopics.push(topicName(topicArn));
      continue;
    }
    const present = new Set((await subscriptionsOf(sns, topicArn)).map((s) => `${s.protocol} ${s.endpoint}`));
    for (const s of subs) {
      if (present.has(`${s.protocol} ${s.endpoint}`)) {
        result.existing++;
        continue;
      }
      await sns.send(
        new SubscribeCommand({
          TopicArn: topicArn,
          Protocol: s.protocol,
          Endpoint: s.endpoint,
          Attributes: subscriptionAttributes(topicArn, prefix, {
            protocol: s.protocol,
            filterPolicy: s.filterPolicy,
            ...(s.filterPolicyScope ? { filterPolicyScope: s.filterPolicyScope } : {}),
            raw: s.raw,
            ...(s.deliveryPolicy ? { deliveryPolicy: s.deliveryPolicy } : {}),
          }),
        }),
      );
      present.add(`${s.protocol} ${s.endpoint}`);
      // Email and HTTP(S) endpoints confirm again; SQS and Lambda endpoints of the account do not.
      result.created.push({ topic: topicName(topicArn), protocol: s.protocol, endpoint: s.endpoint, pendingConfirmation: /^(email|email-json|http|https)$/.test(s.protocol) });
    }
  }
  return result;
}
