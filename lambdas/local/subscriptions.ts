/**
 * Subscribing people and systems to the deployed alert topics (the CLI's `subscribe`,
 * `unsubscribe` and `subscriptions` commands). Two ways to narrow what a subscriber gets:
 *  - a filter policy on the "all" topic (countries, vendors, measures, stages), or
 *  - a topic per country (`<prefix>-country-<cc>`), optionally with a vendor/measure/stage filter.
 * And a frequency: immediate alerts (the above), or a daily or weekly digest of the same filter
 * (`<prefix>-digest-daily|weekly`, routed by the filter's digest key: core/digest-key.ts).
 */
import {
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  SubscribeCommand,
  UnsubscribeCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { ConfigError } from '../core/errors.js';
import { DIGEST_ATTRIBUTE, digestKey, parseDigestKey, type Frequency } from '../core/digest-key.js';
import { buildFilterPolicy, normaliseCountries, type FilterFlags, type FilterPolicy } from '../core/filter-policy.js';
import { subscriptionAttributes } from './subscription-backup.js';

export { buildFilterPolicy } from '../core/filter-policy.js';

export type Protocol = 'email' | 'https' | 'sqs';

export interface SubscribeOptions {
  /** The stack's "all" topic (stack output AllTopicArn). */
  topicArn: string;
  protocol: Protocol;
  /** Email address, https URL, or SQS queue ARN. */
  endpoint: string;
  filter?: FilterFlags;
  /** Subscribe to these countries' topics instead of filtering "all" by country. */
  topicPerCountry?: { prefix: string; countries: string[] };
  /** Immediate alerts (default), or the daily or weekly digest of the same filter. */
  frequency?: Frequency;
  /** Raw message delivery (sqs, https): the JSON payload without SNS's envelope. */
  raw?: boolean;
}

export interface SubscriptionInfo {
  topicArn: string;
  /** The ARN, or null while the endpoint has not confirmed (email, https). */
  subscriptionArn: string | null;
  protocol: string;
  endpoint: string;
  pendingConfirmation: boolean;
  filterPolicy: FilterPolicy | null;
  /** The filter a subscription to a digest topic stands for (from its digest key). */
  frequency?: Frequency;
}

const PENDING = /^pending ?confirmation$/i;

/** Infers the protocol from the endpoint's shape. */
export function inferProtocol(endpoint: string): Protocol {
  if (/^arn:aws[a-z-]*:sqs:/.test(endpoint)) return 'sqs';
  if (/^https:\/\//i.test(endpoint)) return 'https';
  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(endpoint)) return 'email';
  throw new ConfigError('SUBSCRIBE_ENDPOINT', `cannot tell the protocol of "${endpoint}": give an email address, an https:// URL or an SQS queue ARN`);
}

function checkEndpoint(protocol: Protocol, endpoint: string): void {
  if (inferProtocol(endpoint) !== protocol) {
    throw new ConfigError('SUBSCRIBE_ENDPOINT', `"${endpoint}" is not a valid ${protocol} endpoint`);
  }
}

export interface TopicArnParts {
  partition: string;
  region: string;
  account: string;
  name: string;
}

export function parseTopicArn(arn: string): TopicArnParts {
  const m = /^arn:(aws[a-z-]*):sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]{1,256})$/.exec(arn);
  if (!m) throw new ConfigError('TOPIC_ARN_INVALID', `not an SNS topic ARN: "${arn}"`);
  return { partition: m[1]!, region: m[2]!, account: m[3]!, name: m[4]! };
}

/** The topic prefix of a stack's "all" topic ARN (`<prefix>-all`). */
export function prefixOf(allTopicArn: string): string {
  const { name } = parseTopicArn(allTopicArn);
  if (!name.endsWith('-all')) throw new ConfigError('TOPIC_ARN_INVALID', `"${name}" is not a banwatch "<prefix>-all" topic`);
  return name.slice(0, -'-all'.length);
}

/** `<prefix>-country-<cc>` in the same account and region as the "all" topic. */
export function countryTopicArn(allTopicArn: string, prefix: string, country: string): string {
  const p = parseTopicArn(allTopicArn);
  return `arn:${p.partition}:sns:${p.region}:${p.account}:${prefix}-country-${country.toLowerCase()}`;
}

/**
 * The country topic, which the stack creates (context `countries`); the CLI never creates topics,
 * so every topic carries the stack's policies.
 */
async function existingCountryTopic(sns: SNSClient, allTopicArn: string, prefix: string, country: string): Promise<string> {
  const arn = countryTopicArn(allTopicArn, prefix, country);
  try {
    await sns.send(new GetTopicAttributesCommand({ TopicArn: arn }));
  } catch (err) {
    if ((err as { name?: string }).name !== 'NotFoundException') throw err;
    throw new ConfigError('TOPIC_MISSING', `the stack has no topic for ${country}: add it to the countries context (cdk deploy -c countries=${country}) or filter the "all" topic instead (drop --topic-per-country)`);
  }
  return arn;
}

/** `<prefix>-digest-daily|weekly`, next to the "all" topic. */
export function digestTopicArn(allTopicArn: string, frequency: 'daily' | 'weekly'): string {
  const p = parseTopicArn(allTopicArn);
  return `arn:${p.partition}:sns:${p.region}:${p.account}:${prefixOf(allTopicArn)}-digest-${frequency}`;
}

/** A stack deployed before digests existed has no digest topic: say so instead of SNS's NotFound. */
async function sendDigestSubscribe(sns: SNSClient, cmd: SubscribeCommand) {
  try {
    return await sns.send(cmd);
  } catch (err) {
    if ((err as { name?: string }).name !== 'NotFoundException') throw err;
    throw new ConfigError('TOPIC_MISSING', `the stack has no topic ${parseTopicArn(cmd.input.TopicArn!).name}: deploy this version of banwatch (npx cdk deploy) to get the digest topics`, { cause: err });
  }
}

/** Subscribes the endpoint; one subscription per topic (the "all" topic, each country's, or a digest topic). */
export async function subscribe(sns: SNSClient, opts: SubscribeOptions): Promise<SubscriptionInfo[]> {
  checkEndpoint(opts.protocol, opts.endpoint);
  parseTopicArn(opts.topicArn);
  let targets: string[];
  let flags: FilterFlags = opts.filter ?? {};
  const frequency = opts.frequency ?? 'immediate';
  if (frequency !== 'immediate') {
    if (opts.topicPerCountry) throw new ConfigError('CONFIG_USAGE', '--topic-per-country is for immediate alerts; a digest already holds only the countries of its filter');
    // One digest message per distinct filter: the subscription matches its own filter's key.
    const policy = buildFilterPolicy(flags);
    const topicArn = digestTopicArn(opts.topicArn, frequency);
    const res = await sendDigestSubscribe(
      sns,
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: opts.protocol,
        Endpoint: opts.endpoint,
        // The same DLQ, HTTPS backoff and raw delivery as an immediate subscription; the filter is the key.
        Attributes: subscriptionAttributes(topicArn, prefixOf(opts.topicArn), {
          protocol: opts.protocol,
          filterPolicy: { [DIGEST_ATTRIBUTE]: [digestKey(policy)] },
          ...(opts.raw ? { raw: true } : {}),
        }),
      }),
    );
    const arn = res.SubscriptionArn ?? null;
    const pending = !arn || PENDING.test(arn);
    return [{ topicArn, subscriptionArn: pending ? null : arn, protocol: opts.protocol, endpoint: opts.endpoint, pendingConfirmation: pending, filterPolicy: policy, frequency }];
  }
  if (opts.topicPerCountry) {
    const countries = normaliseCountries(opts.topicPerCountry.countries);
    if (!countries.length) throw new ConfigError('FILTER_INVALID', 'a topic per country needs at least one country');
    targets = [];
    for (const c of countries) targets.push(await existingCountryTopic(sns, opts.topicArn, opts.topicPerCountry.prefix, c));
    // The topic already is the country filter.
    flags = { ...flags, countries: [] };
  } else {
    targets = [opts.topicArn];
  }
  const policy = buildFilterPolicy(flags);
  const prefix = parseTopicArn(opts.topicArn).name.replace(/-all$/, '');
  const out: SubscriptionInfo[] = [];
  for (const topicArn of targets) {
    const res = await sns.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: opts.protocol,
        Endpoint: opts.endpoint,
        // DLQ, HTTPS backoff, filter, raw delivery: lambdas/local/subscription-backup.ts.
        Attributes: subscriptionAttributes(topicArn, prefix, { protocol: opts.protocol, filterPolicy: policy, ...(opts.raw ? { raw: true } : {}) }),
      }),
    );
    const arn = res.SubscriptionArn ?? null;
    const pending = !arn || PENDING.test(arn);
    out.push({ topicArn, subscriptionArn: pending ? null : arn, protocol: opts.protocol, endpoint: opts.endpoint, pendingConfirmation: pending, filterPolicy: policy });
  }
  return out;
}

export async function unsubscribe(sns: SNSClient, subscriptionArn: string): Promise<void> {
  if (!/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]+:[0-9a-f-]{36}$/.test(subscriptionArn)) {
    throw new ConfigError('SUBSCRIPTION_ARN_INVALID', `not an SNS subscription ARN: "${subscriptionArn}"`);
  }
  await sns.send(new UnsubscribeCommand({ SubscriptionArn: subscriptionArn }));
}

/** Every subscription of the topic, with its filter policy (one extra call per confirmed one). */
export async function listSubscriptions(sns: SNSClient, topicArn: string): Promise<SubscriptionInfo[]> {
  parseTopicArn(topicArn);
  const out: SubscriptionInfo[] = [];
  let next: string | undefined;
  do {
    const page = await sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn, ...(next ? { NextToken: next } : {}) }));
    for (const s of page.Subscriptions ?? []) {
      const arn = s.SubscriptionArn ?? '';
      const pending = !arn || PENDING.test(arn);
      let filterPolicy: FilterPolicy | null = null;
      let frequency: Frequency | undefined;
      if (!pending) {
        const attrs = await sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }));
        const raw = attrs.Attributes?.FilterPolicy;
        if (raw) filterPolicy = JSON.parse(raw) as FilterPolicy;
      }
      // A digest subscription's policy is its filter's key: show the filter it stands for.
      const digest = /-digest-(daily|weekly)$/.exec(parseTopicArn(topicArn).name)?.[1] as 'daily' | 'weekly' | undefined;
      if (digest) {
        frequency = digest;
        const key = filterPolicy?.[DIGEST_ATTRIBUTE]?.[0];
        filterPolicy = key ? parseDigestKey(key) : null;
      }
      out.push({
        topicArn,
        subscriptionArn: pending ? null : arn,
        protocol: s.Protocol ?? '',
        endpoint: s.Endpoint ?? '',
        pendingConfirmation: pending,
        filterPolicy,
        ...(frequency ? { frequency } : {}),
      });
    }
    next = page.NextToken;
  } while (next);
  return out;
}
