import { CreateTopicCommand, PublishBatchCommand, SNSClient, type PublishBatchCommandInput } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_BATCH_BYTES,
  SnsPublisher,
  chunkEntries,
  entryIdFor,
  sanitizeSubject,
} from '../../lambdas/adapters/sns-publisher.js';
import { renderAlert } from '../../lambdas/core/alert.js';
import type { Alert, PolicyEvent } from '../../lambdas/core/model.js';

const ALL = 'arn:aws:sns:us-east-1:123456789012:banwatch-all';
const KEY = 'arn:aws:kms:us-east-1:123456789012:key/1234';
const NOW = new Date('2026-11-29T04:00:00Z');

function event(n: number, overrides: Partial<PolicyEvent> = {}): PolicyEvent {
  return {
    eventId: `ev${String(n).padStart(4, '0')}`,
    clusterKey: `JP|Huawei,ZTE|procurement_exclusion`,
    seq: 0,
    countries: ['JP'],
    vendors: ['Huawei', 'ZTE'],
    measure: 'procurement_exclusion',
    stage: 'announced',
    title: `Japan excludes Huawei and ZTE from public procurement #${n}`,
    sources: [{ itemKey: `i${n}`, title: 'Japan excludes Huawei', link: 'https://example.com/a', feedId: 'gnews', published: '2026-11-28T00:00:00Z' }],
    evidence: ['excludes Huawei and ZTE from public procurement'],
    confidence: 0.9,
    firstSeen: '2026-11-28T00:00:00Z',
    lastSeen: '2026-11-28T00:00:00Z',
    alertState: 'PENDING',
    alertedStages: [],
    version: 1,
    ...overrides,
  };
}

const alertOf = (n: number, overrides: Partial<PolicyEvent> = {}): Alert => renderAlert(event(n, overrides), NOW);

const sns = mockClient(SNSClient);

function publisher(opts: Partial<ConstructorParameters<typeof SnsPublisher>[1]> = {}) {
  return new SnsPublisher(new SNSClient({ region: 'us-east-1' }), {
    allTopicArn: ALL,
    topicPrefix: 'banwatch',
    kmsMasterKeyId: KEY,
    sleep: async () => {},
    ...opts,
  });
}

const batchCalls = () => sns.commandCalls(PublishBatchCommand).map((c) => c.args[0].input as PublishBatchCommandInput);

/** Every entry succeeds. */
function acceptAll() {
  sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => ({
    Successful: input.PublishBatchRequestEntries!.map((e) => ({ Id: e.Id, MessageId: `m-${e.Id}` })),
    Failed: [],
  }));
}

beforeEach(() => {
  sns.reset();
  sns.on(CreateTopicCommand).callsFake((input) => ({ TopicArn: `arn:aws:sns:us-east-1:123456789012:${input.Name}` }));
});

describe('SnsPublisher', () => {
  describe('publish', () => {
    it('sends one PublishBatch entry per topic with MessageStructure json and String.Array attributes', async () => {
      acceptAll();
      const alert = alertOf(1);

      const result = await publisher().publish([alert]);

      expect(result).toEqual({ published: [alert.alertId], failed: [] });
      const calls = batchCalls();
      expect(calls.map((c) => c.TopicArn).sort()).toEqual([ALL, 'arn:aws:sns:us-east-1:123456789012:banwatch-country-jp']);
      for (const call of calls) {
        expect(call.PublishBatchRequestEntries).toHaveLength(1);
        const entry = call.PublishBatchRequestEntries![0]!;
        expect(entry.Id).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
        expect(entry.MessageStructure).toBe('json');
        expect(entry.MessageAttributes).toEqual({
          countries: { DataType: 'String.Array', StringValue: '["JP"]' },
          vendors: { DataType: 'String.Array', StringValue: '["Huawei","ZTE"]' },
          measure: { DataType: 'String', StringValue: 'procurement_exclusion' },
          stage: { DataType: 'String', StringValue: 'announced' },
          alertId: { DataType: 'String', StringValue: alert.alertId },
          eventId: { DataType: 'String', StringValue: alert.eventId },
        });
        const message = JSON.parse(entry.Message!);
        expect(Object.keys(message).sort()).toEqual(['default', 'email', 'email-json', 'https', 'sqs']);
        expect(message.default).toBe(alert.text);
        expect(message.email).toBe(alert.text);
        for (const key of ['sqs', 'https', 'email-json']) {
          const payload = JSON.parse(message[key]);
          expect(payload).toMatchObject({ type: 'banwatch.alert', alertId: alert.alertId, eventId: alert.eventId });
          expect(payload.event).toEqual(alert.event);
        }
      }
    });

    it('sends a subject under 100 characters on one line, even from a hostile title', async () => {
      acceptAll();
      const alert = { ...alertOf(1), subject: `Line one\r\nline two\u0007\u202e ${'x'.repeat(300)}` };

      await publisher().publish([alert]);

      const subject = batchCalls()[0]!.PublishBatchRequestEntries![0]!.Subject!;
      expect(Array.from(subject).length).toBeLessThanOrEqual(99);
      expect(subject).not.toMatch(/[\p{Cc}\p{Cf}\n\r]/u);
      expect(subject.startsWith('Line one line two')).toBe(true);
    });

    it('batches at most 10 entries per PublishBatch', async () => {
      acceptAll();
      const alerts = Array.from({ length: 23 }, (_, i) => alertOf(i));

      const result = await publisher().publish(alerts);

      expect(result.published).toHaveLength(23);
      const toAll = batchCalls().filter((c) => c.TopicArn === ALL);
      expect(toAll.map((c) => c.PublishBatchRequestEntries!.length)).toEqual([10, 10, 3]);
      for (const c of batchCalls()) expect(new Set(c.PublishBatchRequestEntries!.map((e) => e.Id)).size).toBe(c.PublishBatchRequestEntries!.length);
    });

    it('splits a batch that would exceed 256 KiB in total', async () => {
      acceptAll();
      // ~60 KB of evidence each, four times over in the message: ~100 KB+ per entry.
      const big = (n: number) => alertOf(n, { evidence: ['e'.repeat(30_000)] });
      const alerts = [big(1), big(2), big(3), big(4)];

      const result = await publisher().publish(alerts);

      expect(result.failed).toEqual([]);
      const toAll = batchCalls().filter((c) => c.TopicArn === ALL);
      expect(toAll.length).toBeGreaterThan(1);
      for (const call of toAll) {
        const bytes = call.PublishBatchRequestEntries!.reduce((n, e) => n + Buffer.byteLength(e.Message!) + Buffer.byteLength(e.Subject ?? ''), 0);
        expect(bytes).toBeLessThanOrEqual(MAX_BATCH_BYTES);
      }
      expect(toAll.flatMap((c) => c.PublishBatchRequestEntries!)).toHaveLength(4);
    });

    it('retries only the failed entries and never publishes an entry twice', async () => {
      const seen: string[] = [];
      let call = 0;
      sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => {
        call++;
        const entries = input.PublishBatchRequestEntries!;
        for (const e of entries) seen.push(`${input.TopicArn}|${JSON.parse(JSON.parse(e.Message!).sqs).alertId}`);
        // First call to "all": the second entry is throttled (server side, retryable).
        if (input.TopicArn === ALL && call === 1) {
          return {
            Successful: entries.filter((_, i) => i !== 1).map((e) => ({ Id: e.Id, MessageId: 'm' })),
            Failed: [{ Id: entries[1]!.Id, Code: 'Throttled', Message: 'slow down', SenderFault: false }],
          };
        }
        return { Successful: entries.map((e) => ({ Id: e.Id, MessageId: 'm' })), Failed: [] };
      });
      const alerts = [alertOf(1, { countries: [] }), alertOf(2, { countries: [] }), alertOf(3, { countries: [] })];

      const result = await publisher().publish(alerts);

      expect(result.failed).toEqual([]);
      expect(result.published.sort()).toEqual(alerts.map((a) => a.alertId).sort());
      expect(batchCalls().map((c) => c.PublishBatchRequestEntries!.length)).toEqual([3, 1]);
      expect(new Set(seen).size).toBe(3);
      expect(seen).toHaveLength(4);
      expect(seen[3]).toBe(`${ALL}|${alerts[1]!.alertId}`);
    });

    it('gives up on an entry after the bounded attempts and reports it failed, the others published', async () => {
      sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => {
        const entries = input.PublishBatchRequestEntries!;
        const bad = entries.filter((e) => e.Id!.startsWith('ev0002'));
        return {
          Successful: entries.filter((e) => !bad.includes(e)).map((e) => ({ Id: e.Id, MessageId: 'm' })),
          Failed: bad.map((e) => ({ Id: e.Id, Code: 'InternalError', Message: 'boom', SenderFault: false })),
        };
      });
      const alerts = [alertOf(1, { countries: [] }), alertOf(2, { countries: [] })];

      const result = await publisher({ maxAttempts: 3 }).publish(alerts);

      expect(result.published).toEqual([alerts[0]!.alertId]);
      expect(result.failed).toEqual([{ alertId: alerts[1]!.alertId, error: 'InternalError: boom' }]);
      expect(batchCalls().map((c) => c.PublishBatchRequestEntries!.length)).toEqual([2, 1, 1]);
    });

    it('does not retry an entry SNS rejected as the sender\'s fault', async () => {
      sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => ({
        Successful: [],
        Failed: input.PublishBatchRequestEntries!.map((e) => ({ Id: e.Id, Code: 'InvalidParameter', Message: 'bad attribute', SenderFault: true })),
      }));
      const alert = alertOf(1, { countries: [] });

      const result = await publisher().publish([alert]);

      expect(result.failed).toEqual([{ alertId: alert.alertId, error: 'InvalidParameter: bad attribute' }]);
      expect(batchCalls()).toHaveLength(1);
    });

    it('retries a whole failed call (network or throttling) then reports the alerts failed', async () => {
      sns.on(PublishBatchCommand).rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }));
      const alert = alertOf(1, { countries: [] });

      const result = await publisher({ maxAttempts: 2 }).publish([alert]);

      expect(result.published).toEqual([]);
      expect(result.failed[0]!.error).toMatch(/socket hang up/);
      expect(batchCalls()).toHaveLength(2);
    });

    it('does not resend to a topic what this container already delivered (retried alertId)', async () => {
      acceptAll();
      const p = publisher();
      const alert = alertOf(1);

      await p.publish([alert]);
      const again = await p.publish([alert]);

      expect(again.published).toEqual([alert.alertId]);
      expect(batchCalls()).toHaveLength(2); // all + country-jp, once each
    });

    it('marks the alert failed when only one of its topics failed, and resends only that topic next time', async () => {
      let jpFails = true;
      sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => {
        const entries = input.PublishBatchRequestEntries!;
        if (input.TopicArn!.endsWith('country-jp') && jpFails) {
          return { Successful: [], Failed: entries.map((e) => ({ Id: e.Id, Code: 'KMSThrottling', Message: 'x', SenderFault: false })) };
        }
        return { Successful: entries.map((e) => ({ Id: e.Id, MessageId: 'm' })), Failed: [] };
      });
      const p = publisher({ maxAttempts: 1 });
      const alert = alertOf(1);

      expect((await p.publish([alert])).failed).toHaveLength(1);
      jpFails = false;
      const second = await p.publish([alert]);

      expect(second.published).toEqual([alert.alertId]);
      const topics = batchCalls().map((c) => c.TopicArn!.split(':').pop());
      expect(topics.filter((t) => t === 'banwatch-all')).toHaveLength(1);
      expect(topics.filter((t) => t === 'banwatch-country-jp')).toHaveLength(2);
    });
  });

  describe('country topics', () => {
    it('creates a country topic once, with the stack key, and caches its ARN', async () => {
      acceptAll();
      const p = publisher();

      await p.publish([alertOf(1), alertOf(2)]);
      await p.publish([alertOf(3)]);

      const creates = sns.commandCalls(CreateTopicCommand).map((c) => c.args[0].input);
      expect(creates).toEqual([{ Name: 'banwatch-country-jp', Attributes: { KmsMasterKeyId: KEY } }]);
    });

    it('creates one topic per country of a multi-country event', async () => {
      acceptAll();

      await publisher().publish([alertOf(1, { countries: ['JP', 'EU'] })]);

      const names = sns.commandCalls(CreateTopicCommand).map((c) => c.args[0].input.Name).sort();
      expect(names).toEqual(['banwatch-country-eu', 'banwatch-country-jp']);
    });

    it('fails the alert (not the run) when a country topic cannot be created, and tries again next time', async () => {
      acceptAll();
      sns.on(CreateTopicCommand).rejectsOnce(Object.assign(new Error('not allowed'), { name: 'AuthorizationErrorException' }));
      const p = publisher();
      const alert = alertOf(1);

      const first = await p.publish([alert]);
      expect(first.failed[0]).toMatchObject({ alertId: alert.alertId, error: expect.stringMatching(/country-jp.*not allowed/) });

      sns.on(CreateTopicCommand).callsFake((input) => ({ TopicArn: `arn:aws:sns:us-east-1:123456789012:${input.Name}` }));
      const second = await p.publish([alert]);
      expect(second.published).toEqual([alert.alertId]);
      expect(sns.commandCalls(CreateTopicCommand)).toHaveLength(2);
    });
  });

  describe('sanitizeSubject', () => {
    it.each([
      ['plain', 'plain'],
      ['two\nlines', 'two lines'],
      ['  \t ', 'banwatch alert'],
      ['a'.repeat(150), `${'a'.repeat(98)}\u2026`],
      ['😀'.repeat(120), `${'😀'.repeat(98)}\u2026`],
    ])('%j -> %j', (input, expected) => {
      expect(sanitizeSubject(input)).toBe(expected);
    });
  });

  describe('entryIdFor', () => {
    it('maps an alert id to SNS\'s [A-Za-z0-9_-]{1,80}', () => {
      expect(entryIdFor('ev1-announced', 3)).toBe('ev1-announced-3');
      expect(entryIdFor('ev:1/x'.repeat(40), 12)).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    });
  });

  describe('chunkEntries', () => {
    it('never exceeds 10 entries nor 256 KiB per chunk', () => {
      const sizes = [100_000, 100_000, 100_000, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
      const chunks = chunkEntries(sizes.map((size) => ({ size })));
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(10);
        expect(c.reduce((n, e) => n + e.size, 0)).toBeLessThanOrEqual(MAX_BATCH_BYTES);
      }
      expect(chunks.flat()).toHaveLength(sizes.length);
    });
  });
});
