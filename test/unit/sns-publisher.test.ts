import { CreateTopicCommand, PublishBatchCommand, SNSClient, type PublishBatchCommandInput } from '@aws-sdk/client-sns';
import type { AlertDeliveryRecord, DeliveryLog } from '../../lambdas/ports.js';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_ALERT_ATTEMPTS,
  MAX_BATCH_BYTES,
  SnsPublisher,
  buildMessage,
  entrySize,
  buildAttributes,
  chunkEntries,
  entryIdFor,
  sanitizeSubject,
} from '../../lambdas/adapters/sns-publisher.js';
import { renderAlert } from '../../lambdas/core/alert.js';
import type { Alert, PolicyEvent } from '../../lambdas/core/model.js';

const ALL = 'arn:aws:sns:us-east-1:123456789012:banwatch-all';
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
    countryTopics: ['JP', 'DE'],
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

      expect(result).toMatchObject({ published: [alert.alertId], failed: [] });
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
        // One JSON payload for every machine protocol (sqs, http, https, lambda, email-json fall
        // back to `default`), the text for email: the payload is in the message once.
        expect(Object.keys(message).sort()).toEqual(['default', 'email']);
        expect(message.email).toBe(alert.text);
        const payload = JSON.parse(message.default);
        expect(payload).toMatchObject({ type: 'banwatch.alert', alertId: alert.alertId, eventId: alert.eventId, kind: 'stage' });
        expect(payload.event).toMatchObject({ countries: ['JP'], vendors: ['Huawei', 'ZTE'], measure: 'procurement_exclusion', stage: 'announced' });
        for (const internal of ['alertState', 'version', 'clusterKey', 'seq', 'alerts', 'sources', 'alertedStages']) expect(payload.event).not.toHaveProperty(internal);
        expect(payload.sources).toEqual([{ title: 'Japan excludes Huawei', link: 'https://example.com/a', feedId: 'gnews', published: '2026-11-28T00:00:00Z', official: false }]);
      }
    });

    it('keeps the worst event (25+ sources with the longest CJK titles and links, every vendor) under the SNS limit', () => {
      const title = '日本政府、華為技術と中興通訊を政府調達から排除する方針を正式に決定'.repeat(40);
      const link = `https://example.jp/${'記事'.repeat(2_000)}`;
      const worst = alertOf(1, {
        title,
        countries: ['JP', 'US', 'GB', 'DE', 'FR', 'EU'],
        vendors: Array.from({ length: 60 }, (_, i) => `Vendor ${i} ${'名'.repeat(30)}`),
        evidence: Array.from({ length: 40 }, () => '排除'.repeat(500)),
        sources: Array.from({ length: 200 }, (_, i) => ({ itemKey: `i${i}`, title, link, feedId: `feed-${i}`, published: '2026-11-28T00:00:00Z', official: i % 7 === 0 })),
      });

      const entry = { Subject: worst.subject, MessageStructure: 'json', MessageAttributes: buildAttributes(worst), Message: buildMessage(worst) };

      expect(entrySize(entry)).toBeLessThan(MAX_BATCH_BYTES - 1024);
      const payload = JSON.parse(JSON.parse(entry.Message).default);
      expect(payload.sources).toHaveLength(25);
      expect(payload.sources[0].official).toBe(true);
      expect(payload.event.title.endsWith('...')).toBe(true);
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
      // ~60 KB of readable text each (the payload caps evidence, the text does not).
      const big = (n: number) => ({ ...alertOf(n), text: 'e'.repeat(60_000) });
      const alerts = [big(1), big(2), big(3), big(4), big(5)];

      const result = await publisher().publish(alerts);

      expect(result.failed).toEqual([]);
      const toAll = batchCalls().filter((c) => c.TopicArn === ALL);
      expect(toAll.length).toBeGreaterThan(1);
      for (const call of toAll) {
        const bytes = call.PublishBatchRequestEntries!.reduce((n, e) => n + Buffer.byteLength(e.Message!) + Buffer.byteLength(e.Subject ?? ''), 0);
        expect(bytes).toBeLessThanOrEqual(MAX_BATCH_BYTES);
      }
      expect(toAll.flatMap((c) => c.PublishBatchRequestEntries!)).toHaveLength(5);
    });

    it('retries only the failed entries and never publishes an entry twice', async () => {
      const seen: string[] = [];
      let call = 0;
      sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => {
        call++;
        const entries = input.PublishBatchRequestEntries!;
        for (const e of entries) seen.push(`${input.TopicArn}|${JSON.parse(JSON.parse(e.Message!).default).alertId}`);
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
    it('publishes to the country topics the stack created and never creates one', async () => {
      acceptAll();

      const result = await publisher().publish([alertOf(1, { countries: ['JP', 'FR'] })]);

      expect(result.failed).toEqual([]);
      // FR has no topic of its own: its subscribers filter "all" by country.
      expect(batchCalls().map((c) => c.TopicArn).sort()).toEqual([ALL, 'arn:aws:sns:us-east-1:123456789012:banwatch-country-jp']);
      expect(sns.commandCalls(CreateTopicCommand)).toHaveLength(0);
    });
  });

  describe('with an alert-intent log (DeliveryLog)', () => {
    /** The DynamoDB store's contract, in memory. */
    class MemoryDeliveryLog implements DeliveryLog {
      readonly rows = new Map<string, AlertDeliveryRecord>();
      async deliveryRecords(ids: string[]) {
        return new Map(ids.filter((id) => this.rows.has(id)).map((id) => [id, structuredClone(this.rows.get(id)!)]));
      }
      readonly first = new Map<string, string>();
      async beginAttempt(id: string, at: string) {
        const row = this.rows.get(id) ?? { alertId: id, state: 'SENDING' as const, topics: new Set<string>(), messageIds: new Map<string, string>(), attempts: 0 };
        if (row.state !== 'SENDING') return null;
        row.attempts++;
        this.rows.set(id, row);
        if (!this.first.has(id)) this.first.set(id, at);
        return { attempt: row.attempts, firstAttemptAt: this.first.get(id)! };
      }
      async recordDelivery(id: string, topic: string, messageId?: string) {
        const row = this.rows.get(id)!;
        row.topics.add(topic);
        if (messageId) row.messageIds.set(topic, messageId);
      }
      async finishAlert(id: string, state: 'SENT' | 'FAILED', error?: string) {
        const row = this.rows.get(id)!;
        row.state = state;
        if (error) row.lastError = error;
      }
    }

    it('records SENT with the MessageIds and returns them as the receipt', async () => {
      acceptAll();
      const log = new MemoryDeliveryLog();
      const alert = alertOf(1);

      const result = await publisher({ deliveries: log }).publish([alert]);

      const jp = 'arn:aws:sns:us-east-1:123456789012:banwatch-country-jp';
      expect(log.rows.get(alert.alertId)).toMatchObject({ state: 'SENT', attempts: 1 });
      expect(result.receipts![alert.alertId]!.topics).toEqual([ALL, jp]);
      expect(result.receipts![alert.alertId]!.messageIds).toEqual([log.rows.get(alert.alertId)!.messageIds.get(ALL), log.rows.get(alert.alertId)!.messageIds.get(jp)]);
      expect(result.receipts![alert.alertId]!.messageIds.every((m) => m.startsWith('m-'))).toBe(true);
    });

    it('does not publish an alert already SENT again from a new container (its event was not marked)', async () => {
      acceptAll();
      const log = new MemoryDeliveryLog();
      const alert = alertOf(1);
      await publisher({ deliveries: log }).publish([alert]);

      const again = await publisher({ deliveries: log }).publish([alert]);

      expect(again.published).toEqual([alert.alertId]);
      expect(again.receipts![alert.alertId]!.topics).toHaveLength(2);
      expect(batchCalls()).toHaveLength(2);
    });

    it('gives an alert up as FAILED (permanent) after MAX_ALERT_ATTEMPTS failing runs over an hour, and never tries it again', async () => {
      sns.on(PublishBatchCommand).callsFake((input: PublishBatchCommandInput) => ({
        Successful: [],
        Failed: input.PublishBatchRequestEntries!.map((e) => ({ Id: e.Id, Code: 'KMSAccessDenied', Message: 'key disabled', SenderFault: true })),
      }));
      const log = new MemoryDeliveryLog();
      const alert = alertOf(1, { countries: [] });
      const results = [];
      // Runs 15 minutes apart, as the sweep's: the 5th attempt is an hour after the first.
      let t = NOW.getTime();
      const now = () => new Date(t);
      for (let run = 1; run <= MAX_ALERT_ATTEMPTS; run++, t += 15 * 60_000) results.push(await publisher({ deliveries: log, now }).publish([alert]));

      expect(results.slice(0, -1).every((r) => r.failed[0]!.permanent === undefined)).toBe(true);
      expect(results.at(-1)!.failed).toEqual([{ alertId: alert.alertId, error: expect.stringMatching(/FAILED after 5 attempts: KMSAccessDenied/), permanent: true }]);
      expect(log.rows.get(alert.alertId)).toMatchObject({ state: 'FAILED', attempts: MAX_ALERT_ATTEMPTS });
      const calls = batchCalls().length;

      const after = await publisher({ deliveries: log, now }).publish([alert]);
      expect(after.failed[0]).toMatchObject({ permanent: true });
      expect(batchCalls()).toHaveLength(calls);
    });

    it('does not give up within the first hour however many attempts a short outage burnt', async () => {
      sns.on(PublishBatchCommand).rejects(Object.assign(new Error('down'), { name: 'InternalErrorException', $fault: 'server' }));
      const log = new MemoryDeliveryLog();
      const alert = alertOf(1, { countries: [] });
      let last;
      for (let run = 1; run <= 3 * MAX_ALERT_ATTEMPTS; run++) last = await publisher({ deliveries: log, maxAttempts: 1, now: () => NOW }).publish([alert]);

      expect(last!.failed[0]!.permanent).toBeUndefined();
      expect(log.rows.get(alert.alertId)).toMatchObject({ state: 'SENDING', attempts: 3 * MAX_ALERT_ATTEMPTS });
    });
  });

  describe('sanitizeSubject', () => {
    it.each([
      ['plain', 'plain'],
      ['two\nlines', 'two lines'],
      ['  \t ', 'banwatch alert'],
      ['a'.repeat(150), `${'a'.repeat(96)}...`],
      ['😀'.repeat(120), `${'😀'.repeat(96)}...`],
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
