import {
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  GetTopicAttributesCommand,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  SNSClient,
  SubscribeCommand,
  UnsubscribeCommand,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lambdas/core/errors.js';
import { buildFilterPolicy, MAX_COMBINATIONS } from '../../lambdas/core/filter-policy.js';
import { countryTopicArn, inferProtocol, listSubscriptions, prefixOf, subscribe, unsubscribe } from '../../lambdas/local/subscriptions.js';
import { HTTPS_DELIVERY_POLICY, exportSubscriptions, importSubscriptions, parseBackup } from '../../lambdas/local/subscription-backup.js';

describe('filter-policy', () => {
  describe('buildFilterPolicy', () => {
    it('returns no policy when no flag narrows anything', () => {
      expect(buildFilterPolicy({})).toBeNull();
      expect(buildFilterPolicy({ countries: [], vendors: [' '] })).toBeNull();
    });

    it('builds exactly the JSON SNS matches against the String.Array attributes', () => {
      const policy = buildFilterPolicy({ countries: ['JP'], vendors: ['Huawei'] });
      expect(JSON.stringify(policy)).toBe('{"countries":["JP"],"vendors":["Huawei"]}');
    });

    it('ORs several values of one flag (repeated or comma-separated), without duplicates', () => {
      expect(buildFilterPolicy({ countries: ['jp,de', 'JP', 'eu'] })).toEqual({ countries: ['JP', 'DE', 'EU'] });
      expect(buildFilterPolicy({ vendors: ['Huawei', 'ZTE,huawei'] })).toEqual({ vendors: ['Huawei', 'ZTE'] });
    });

    it('uses the String attribute names measure and stage, validated against the model', () => {
      expect(buildFilterPolicy({ measures: ['Procurement_Exclusion'], stages: ['in_force', 'announced'] })).toEqual({
        measure: ['procurement_exclusion'],
        stage: ['in_force', 'announced'],
      });
      expect(() => buildFilterPolicy({ measures: ['ban'] })).toThrow(ConfigError);
      expect(() => buildFilterPolicy({ stages: ['done'] })).toThrow(/unknown stage "done"/);
    });

    it('resolves what people type to the values alerts carry: country names and codes, vendor aliases in any case', () => {
      // SNS matches case-sensitively: "huawei" or "UK" as typed would never match an alert.
      expect(buildFilterPolicy({ countries: ['Japan', 'uk', 'United States'], vendors: ['huawei', 'ByteDance', '華為'] })).toEqual({
        countries: ['JP', 'GB', 'US'],
        vendors: ['Huawei', 'TikTok'],
      });
      expect(buildFilterPolicy({ measures: ['procurement exclusion'], stages: ['In Force'] })).toEqual({ measure: ['procurement_exclusion'], stage: ['in_force'] });
    });

    it('refuses unknown values with the nearest known one', () => {
      expect(() => buildFilterPolicy({ countries: ['Jpan'] })).toThrow(/unknown country "Jpan"; did you mean Japan \(JP\)\?/);
      expect(() => buildFilterPolicy({ vendors: ['Hauwei'] })).toThrow(/unknown vendor "Hauwei"; did you mean Huawei\?/);
      expect(() => buildFilterPolicy({ vendors: ['Acme Widgets'] })).toThrow(/unknown vendor "Acme Widgets"; banwatch knows Huawei, ZTE/);
      expect(() => buildFilterPolicy({ stages: ['inforce'] })).toThrow(/did you mean in_force\?/);
    });

    it(`rejects more than ${MAX_COMBINATIONS} value combinations (the SNS limit)`, () => {
      const countries = ['JP', 'DE', 'FR', 'GB', 'US', 'KR', 'CN', 'TW', 'IN', 'AU', 'CA', 'NZ', 'IT', 'ES', 'NL', 'SE'];
      const vendors = ['Huawei', 'ZTE', 'Hikvision', 'Dahua', 'Hytera', 'Kaspersky', 'TikTok', 'DeepSeek', 'WeChat', 'Xiaomi'];
      expect(() => buildFilterPolicy({ countries, vendors })).toThrow(/160 value combinations/);
    });
  });
});

describe('subscriptions', () => {
  const ALL = 'arn:aws:sns:us-east-1:123456789012:banwatch-all';
  const KEY = 'arn:aws:kms:us-east-1:123456789012:key/abcd';
  const DLQ = JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:123456789012:banwatch-subscription-dlq' });
  const sns = mockClient(SNSClient);
  const client = () => new SNSClient({ region: 'us-east-1' });

  beforeEach(() => {
    sns.reset();
    sns.on(SubscribeCommand).resolves({ SubscriptionArn: 'pending confirmation' });
    sns.on(GetTopicAttributesCommand).resolves({ Attributes: { KmsMasterKeyId: KEY } });
    sns.on(CreateTopicCommand).callsFake((input) => ({ TopicArn: `arn:aws:sns:us-east-1:123456789012:${input.Name}` }));
  });

  describe('subscribe', () => {
    it('subscribes a team to "all" without a filter policy', async () => {
      const result = await subscribe(client(), { topicArn: ALL, protocol: 'email', endpoint: 'team@example.com' });

      // Every subscription redrives to the stack's DLQ: SNS never drops an undeliverable message.
      expect(sns.commandCalls(SubscribeCommand)[0]!.args[0].input).toEqual({ TopicArn: ALL, Protocol: 'email', Endpoint: 'team@example.com', Attributes: { RedrivePolicy: DLQ } });
      expect(result).toEqual([
        { topicArn: ALL, subscriptionArn: null, protocol: 'email', endpoint: 'team@example.com', pendingConfirmation: true, filterPolicy: null },
      ]);
    });

    it('subscribes a company to "all" with a MessageAttributes filter policy', async () => {
      await subscribe(client(), { topicArn: ALL, protocol: 'email', endpoint: 'x@corp.example', filter: { countries: ['jp'], vendors: ['Huawei'] } });

      expect(sns.commandCalls(SubscribeCommand)[0]!.args[0].input.Attributes).toEqual({
        RedrivePolicy: DLQ,
        FilterPolicy: '{"countries":["JP"],"vendors":["Huawei"]}',
        FilterPolicyScope: 'MessageAttributes',
      });
    });

    it('gives an HTTPS subscription a backoff delivery policy and, on request, raw delivery', async () => {
      await subscribe(client(), { topicArn: ALL, protocol: 'https', endpoint: 'https://hooks.example.com/b', raw: true });

      const attrs = sns.commandCalls(SubscribeCommand)[0]!.args[0].input.Attributes!;
      expect(attrs).toMatchObject({ RedrivePolicy: DLQ, RawMessageDelivery: 'true' });
      const policy = JSON.parse(attrs.DeliveryPolicy!);
      expect(policy).toEqual(HTTPS_DELIVERY_POLICY);
      // SNS's rule: the phases fit in numRetries; far more than the default 3 tries.
      const r = policy.healthyRetryPolicy;
      expect(r.numNoDelayRetries + r.numMinDelayRetries + r.numMaxDelayRetries).toBeLessThanOrEqual(r.numRetries);
      expect(r.numRetries).toBeGreaterThan(3);
      await expect(subscribe(client(), { topicArn: ALL, protocol: 'email', endpoint: 'a@b.co', raw: true })).rejects.toThrow(/raw delivery is for sqs and https/);
    });

    it('subscribes to the stack\'s topic of each country, never creating one, filtering the rest', async () => {
      sns.on(SubscribeCommand).callsFake((input) => ({ SubscriptionArn: `${input.TopicArn}:11111111-2222-3333-4444-555555555555` }));

      const result = await subscribe(client(), {
        topicArn: ALL,
        protocol: 'sqs',
        endpoint: 'arn:aws:sqs:us-east-1:123456789012:jp-alerts',
        filter: { countries: ['JP', 'KR'], stages: ['in_force'] },
        topicPerCountry: { prefix: 'banwatch', countries: ['JP', 'KR'] },
      });

      expect(sns.commandCalls(CreateTopicCommand)).toHaveLength(0);
      const subs = sns.commandCalls(SubscribeCommand).map((c) => c.args[0].input);
      expect(subs.map((s) => s.TopicArn)).toEqual([countryTopicArn(ALL, 'banwatch', 'JP'), countryTopicArn(ALL, 'banwatch', 'KR')]);
      for (const s of subs) expect(s.Attributes?.FilterPolicy).toBe('{"stage":["in_force"]}');
      expect(result.every((r) => !r.pendingConfirmation && r.subscriptionArn?.endsWith('555555555555'))).toBe(true);
    });

    it('subscribes to the daily or weekly digest topic, routed by the key of the filter as typed', async () => {
      const result = await subscribe(client(), {
        topicArn: ALL, protocol: 'email', endpoint: 'analyst@example.com', frequency: 'weekly', filter: { countries: ['Japan', 'uk'], vendors: ['huawei'] },
      });

      const input = sns.commandCalls(SubscribeCommand)[0]!.args[0].input;
      expect(input.TopicArn).toBe('arn:aws:sns:us-east-1:123456789012:banwatch-digest-weekly');
      // The same DLQ as every subscription; the filter is the key of the filter as resolved.
      expect(input.Attributes).toEqual({ RedrivePolicy: DLQ, FilterPolicy: '{"digest":["countries=GB,JP;vendors=Huawei"]}', FilterPolicyScope: 'MessageAttributes' });
      expect(result[0]).toMatchObject({ frequency: 'weekly', filterPolicy: { countries: ['JP', 'GB'], vendors: ['Huawei'] } });
      await subscribe(client(), { topicArn: ALL, protocol: 'email', endpoint: 'all@example.com', frequency: 'daily' });
      expect(sns.commandCalls(SubscribeCommand)[1]!.args[0].input.Attributes?.FilterPolicy).toBe('{"digest":["all"]}');
      await expect(subscribe(client(), { topicArn: ALL, protocol: 'email', endpoint: 'a@example.com', frequency: 'daily', topicPerCountry: { prefix: 'banwatch', countries: ['JP'] } })).rejects.toThrow(/--topic-per-country is for immediate alerts/);
    });

    it('says to deploy when the stack has no digest topic yet', async () => {
      sns.on(SubscribeCommand).rejects(Object.assign(new Error('Topic does not exist'), { name: 'NotFoundException' }));

      await expect(subscribe(client(), { topicArn: ALL, protocol: 'email', endpoint: 'a@b.co', frequency: 'daily' })).rejects.toThrow(/no topic banwatch-digest-daily: deploy/);
    });

    it('says which context to deploy when the stack has no topic for a country', async () => {
      sns.on(GetTopicAttributesCommand).rejects(Object.assign(new Error('Topic does not exist'), { name: 'NotFoundException' }));

      await expect(
        subscribe(client(), { topicArn: ALL, protocol: 'email', endpoint: 'a@b.co', topicPerCountry: { prefix: 'banwatch', countries: ['FR'] } }),
      ).rejects.toThrow(/no topic for FR.*countries context/);
      expect(sns.commandCalls(SubscribeCommand)).toHaveLength(0);
    });

    it('rejects an endpoint that does not fit the protocol', async () => {
      await expect(subscribe(client(), { topicArn: ALL, protocol: 'https', endpoint: 'http://insecure.example' })).rejects.toThrow(ConfigError);
      expect(sns.calls()).toHaveLength(0);
    });
  });

  it('infers the protocol from the endpoint', () => {
    expect(inferProtocol('a@b.co')).toBe('email');
    expect(inferProtocol('https://hooks.example.com/x')).toBe('https');
    expect(inferProtocol('arn:aws:sqs:eu-west-1:123456789012:q')).toBe('sqs');
    expect(() => inferProtocol('nonsense')).toThrow(ConfigError);
  });

  it('derives the topic prefix from the "all" topic ARN', () => {
    expect(prefixOf(ALL)).toBe('banwatch');
    expect(() => prefixOf('arn:aws:sns:us-east-1:123456789012:other')).toThrow(ConfigError);
  });

  it('lists subscriptions with their filter policies across pages', async () => {
    const sub = `${ALL}:11111111-2222-3333-4444-555555555555`;
    sns
      .on(ListSubscriptionsByTopicCommand)
      .resolvesOnce({ Subscriptions: [{ SubscriptionArn: sub, Protocol: 'email', Endpoint: 'a@b.co', TopicArn: ALL }], NextToken: 't' })
      .resolvesOnce({ Subscriptions: [{ SubscriptionArn: 'PendingConfirmation', Protocol: 'email', Endpoint: 'c@d.co', TopicArn: ALL }] });
    sns.on(GetSubscriptionAttributesCommand).resolves({ Attributes: { FilterPolicy: '{"countries":["JP"]}' } });

    const subs = await listSubscriptions(client(), ALL);

    expect(subs).toEqual([
      { topicArn: ALL, subscriptionArn: sub, protocol: 'email', endpoint: 'a@b.co', pendingConfirmation: false, filterPolicy: { countries: ['JP'] } },
      { topicArn: ALL, subscriptionArn: null, protocol: 'email', endpoint: 'c@d.co', pendingConfirmation: true, filterPolicy: null },
    ]);
    expect(sns.commandCalls(GetSubscriptionAttributesCommand)).toHaveLength(1);
  });

  it('lists a digest topic\'s subscriptions with the filter each digest key stands for', async () => {
    const WEEKLY = 'arn:aws:sns:us-east-1:123456789012:banwatch-digest-weekly';
    const sub = `${WEEKLY}:11111111-2222-3333-4444-555555555555`;
    sns.on(ListSubscriptionsByTopicCommand).resolves({ Subscriptions: [{ SubscriptionArn: sub, Protocol: 'email', Endpoint: 'a@b.co', TopicArn: WEEKLY }] });
    sns.on(GetSubscriptionAttributesCommand).resolves({ Attributes: { FilterPolicy: '{"digest":["countries=GB,JP;vendors=Huawei"]}' } });

    const [listed] = await listSubscriptions(client(), WEEKLY);

    expect(listed).toMatchObject({ frequency: 'weekly', filterPolicy: { countries: ['GB', 'JP'], vendors: ['Huawei'] } });
  });

  it('unsubscribes by subscription ARN and refuses anything else', async () => {
    sns.on(UnsubscribeCommand).resolves({});
    const sub = `${ALL}:11111111-2222-3333-4444-555555555555`;

    await unsubscribe(client(), sub);

    expect(sns.commandCalls(UnsubscribeCommand)[0]!.args[0].input).toEqual({ SubscriptionArn: sub });
    await expect(unsubscribe(client(), ALL)).rejects.toThrow(ConfigError);
  });

  describe('export and import', () => {
    const JP = 'arn:aws:sns:us-east-1:123456789012:banwatch-country-jp';
    const sub = (topic: string, n: number) => `${topic}:00000000-0000-0000-0000-00000000000${n}`;

    it('exports every alert topic\'s subscriptions with filter, raw delivery and delivery policy; imports them into a new stack once', async () => {
      const WEEKLY = 'arn:aws:sns:us-east-1:123456789012:banwatch-digest-weekly';
      sns.on(ListTopicsCommand).resolves({ Topics: [{ TopicArn: ALL }, { TopicArn: JP }, { TopicArn: WEEKLY }, { TopicArn: 'arn:aws:sns:us-east-1:123456789012:banwatch-ops' }, { TopicArn: 'arn:aws:sns:us-east-1:123456789012:other-country-jp' }] });
      sns.on(ListSubscriptionsByTopicCommand, { TopicArn: WEEKLY }).resolves({ Subscriptions: [] });
      sns.on(ListSubscriptionsByTopicCommand, { TopicArn: ALL }).resolves({
        Subscriptions: [
          { SubscriptionArn: sub(ALL, 1), Protocol: 'https', Endpoint: 'https://hooks.example.com/a', TopicArn: ALL },
          { SubscriptionArn: 'PendingConfirmation', Protocol: 'email', Endpoint: 'new@example.com', TopicArn: ALL },
        ],
      });
      sns.on(ListSubscriptionsByTopicCommand, { TopicArn: JP }).resolves({ Subscriptions: [{ SubscriptionArn: sub(JP, 2), Protocol: 'email', Endpoint: 'jp@example.com', TopicArn: JP }] });
      sns.on(GetSubscriptionAttributesCommand, { SubscriptionArn: sub(ALL, 1) }).resolves({ Attributes: { FilterPolicy: '{"vendors":["Huawei"]}', FilterPolicyScope: 'MessageAttributes', RawMessageDelivery: 'true', DeliveryPolicy: '{"healthyRetryPolicy":{"numRetries":7}}' } });
      sns.on(GetSubscriptionAttributesCommand, { SubscriptionArn: sub(JP, 2) }).resolves({ Attributes: {} });

      const backup = await exportSubscriptions(client(), ALL, new Date('2026-12-01T00:00:00Z'));

      // The digest topics too: their subscriptions carry the digest key as their filter.
      expect(Object.keys(backup.topics)).toEqual(['all', 'country-jp', 'digest-weekly']);
      expect(backup.topics.all).toEqual([
        { protocol: 'https', endpoint: 'https://hooks.example.com/a', filterPolicy: { vendors: ['Huawei'] }, filterPolicyScope: 'MessageAttributes', raw: true, deliveryPolicy: '{"healthyRetryPolicy":{"numRetries":7}}', pendingConfirmation: false },
        { protocol: 'email', endpoint: 'new@example.com', filterPolicy: null, raw: false, pendingConfirmation: true },
      ]);
      const restored = parseBackup(JSON.stringify(backup), 'backup.json');

      // A new stack "bw2" in another account: the JP topic exists there, nothing is subscribed yet.
      sns.reset();
      const ALL2 = 'arn:aws:sns:eu-west-1:210987654321:bw2-all';
      sns.on(GetTopicAttributesCommand).resolves({ Attributes: {} });
      sns.on(ListSubscriptionsByTopicCommand).resolves({ Subscriptions: [] });
      sns.on(SubscribeCommand).resolves({ SubscriptionArn: 'pending confirmation' });

      const result = await importSubscriptions(client(), ALL2, restored);

      expect(result.created.map((c) => `${c.topic} ${c.endpoint}`)).toEqual(['bw2-all https://hooks.example.com/a', 'bw2-all new@example.com', 'bw2-country-jp jp@example.com']);
      const calls = sns.commandCalls(SubscribeCommand).map((c) => c.args[0].input);
      expect(calls[0]).toMatchObject({
        TopicArn: ALL2,
        Attributes: {
          RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:eu-west-1:210987654321:bw2-subscription-dlq' }),
          FilterPolicy: '{"vendors":["Huawei"]}',
          RawMessageDelivery: 'true',
          DeliveryPolicy: '{"healthyRetryPolicy":{"numRetries":7}}',
        },
      });
      expect(calls[2]!.TopicArn).toBe('arn:aws:sns:eu-west-1:210987654321:bw2-country-jp');

      // Run again: everything is there, nothing is subscribed twice.
      sns.on(ListSubscriptionsByTopicCommand, { TopicArn: ALL2 }).resolves({ Subscriptions: [{ Protocol: 'https', Endpoint: 'https://hooks.example.com/a', SubscriptionArn: 'x' }, { Protocol: 'email', Endpoint: 'new@example.com', SubscriptionArn: 'PendingConfirmation' }] });
      sns.on(ListSubscriptionsByTopicCommand, { TopicArn: 'arn:aws:sns:eu-west-1:210987654321:bw2-country-jp' }).resolves({ Subscriptions: [{ Protocol: 'email', Endpoint: 'jp@example.com', SubscriptionArn: 'PendingConfirmation' }] });
      const again = await importSubscriptions(client(), ALL2, restored);
      expect(again).toMatchObject({ created: [], existing: 3, missingTopics: [] });
    });

    it('reports topics the target stack lacks instead of creating them', async () => {
      sns.on(GetTopicAttributesCommand, { TopicArn: JP }).rejects(Object.assign(new Error('nope'), { name: 'NotFoundException' }));
      sns.on(ListSubscriptionsByTopicCommand).resolves({ Subscriptions: [] });
      const backup = parseBackup(JSON.stringify({ format: 'banwatch.subscriptions', version: 1, exportedAt: 'x', from: ALL, topics: { 'country-jp': [{ protocol: 'email', endpoint: 'a@b.co', filterPolicy: null, raw: false, pendingConfirmation: false }] } }), 'f');

      const result = await importSubscriptions(client(), ALL, backup);

      expect(result).toEqual({ created: [], existing: 0, missingTopics: ['banwatch-country-jp'] });
      expect(sns.commandCalls(CreateTopicCommand)).toHaveLength(0);
      expect(() => parseBackup('{"topics":{}}', 'f.json')).toThrow(/not a banwatch subscriptions export/);
    });
  });
});
