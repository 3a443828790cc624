/**
 * Publisher on Amazon SNS: every alert goes to the "all" topic and to one topic per acting country
 * (`<prefix>-country-<cc>`, created on first use), as PublishBatch requests of at most 10 entries
 * and 256 KiB. Only the entries SNS reports as failed are retried, a bounded number of times.
 *
 * Message: `MessageStructure: 'json'` with `default`/`email` = the readable text and
 * `sqs`/`https`/`email-json` = the alert as JSON. Attributes `countries`, `vendors` (String.Array),
 * `measure`, `stage`, `alertId`, `eventId` (String) let subscribers filter and deduplicate.
 */
import {
  CreateTopicCommand,
  PublishBatchCommand,
  type MessageAttributeValue,
  type PublishBatchRequestEntry,
  type SNSClient,
} from '@aws-sdk/client-sns';
import type { Alert } from '../core/model.js';
import { silentLogger, type DeliveryLog, type Logger, type Publisher, type PublishResult } from '../ports.js';

export interface SnsPublisherOptions {
  /** ARN of the `<prefix>-all` topic (created by the stack). */
  allTopicArn: string;
  /** Topic name prefix: country topics are `<prefix>-country-<cc>`. */
  topicPrefix: string;
  /**
   * KMS key for topics created at run time. Must equal the stack's topics' key exactly: SNS rejects
   * CreateTopic of an existing topic with different attributes.
   */
  kmsMasterKeyId?: string;
  logger?: Logger;
  /** Attempts per entry, the first included. Default 3. */
  maxAttempts?: number;
  /** Backoff before a retry: base * 2^(attempt-1), plus jitter. Default 100 ms. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Remembers across runs which topics each alert reached, so a retry after a partial failure
   * (one topic ok, another failed) sends only what is missing. Without it, only this container
   * remembers, and a new container would send the alert to every topic again.
   */
  deliveries?: DeliveryLog;
}

/** SNS PublishBatch limits. */
export const MAX_BATCH_ENTRIES = 10;
export const MAX_BATCH_BYTES = 256 * 1024;
/** SNS subjects must be under 100 characters. */
export const MAX_SUBJECT_CHARS = 99;
/** Batch entry ids: alphanumeric, hyphen, underscore, at most 80 characters. */
const ENTRY_ID_MAX = 80;
/** 3 attempts with 100/200 ms backoff: rides out a throttle without holding a Lambda long. */
const DEFAULT_MAX_ATTEMPTS = 3;
const DEFAULT_BASE_DELAY_MS = 100;
/** Deliveries remembered per container so a retried publish does not resend what went out. */
const DELIVERED_MEMORY = 10_000;
/** When an entry is too large, the JSON payloads keep at most this many sources. */
const COMPACT_SOURCES = 20;
const COMPACT_TEXT_CHARS = 50_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One line, no control characters, under 100 characters; never empty. Applied again at the edge. */
export function sanitizeSubject(subject: string): string {
  const clean = subject.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  const cut = chars.length <= MAX_SUBJECT_CHARS ? clean : `${chars.slice(0, MAX_SUBJECT_CHARS - 1).join('').trimEnd()}\u2026`;
  return cut || 'banwatch alert';
}

/** A PublishBatch entry id derived from the alert id (SNS allows [A-Za-z0-9_-]{1,80}). */
export function entryIdFor(alertId: string, index: number): string {
  const suffix = `-${index}`;
  const base = alertId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, ENTRY_ID_MAX - suffix.length);
  return `${base || 'alert'}${suffix}`;
}

/** What `sqs`, `https` and `email-json` subscribers receive. */
export function machinePayload(alert: Alert, compact = false): Record<string, unknown> {
  const event = compact
    ? { ...alert.event, evidence: alert.event.evidence.slice(0, 5), sources: alert.event.sources.slice(0, COMPACT_SOURCES) }
    : alert.event;
  return {
    type: 'banwatch.alert',
    alertId: alert.alertId,
    eventId: alert.eventId,
    subject: sanitizeSubject(alert.subject),
    createdAt: alert.createdAt,
    attributes: alert.attributes,
    sources: compact ? alert.sources.slice(0, COMPACT_SOURCES) : alert.sources,
    event,
  };
}

/** The `MessageStructure: 'json'` message body. */
export function buildMessage(alert: Alert, compact = false): string {
  const text = compact && alert.text.length > COMPACT_TEXT_CHARS ? `${alert.text.slice(0, COMPACT_TEXT_CHARS)}\n…` : alert.text;
  const json = JSON.stringify(machinePayload(alert, compact));
  return JSON.stringify({ default: text, email: text, sqs: json, https: json, 'email-json': json });
}

/** Message attributes for filter policies. Empty lists are left out (SNS rejects empty values). */
export function buildAttributes(alert: Alert): Record<string, MessageAttributeValue> {
  const attrs: Record<string, MessageAttributeValue> = {};
  const list = (name: string, values: string[]) => {
    if (values.length) attrs[name] = { DataType: 'String.Array', StringValue: JSON.stringify(values) };
  };
  const one = (name: string, value: string) => {
    if (value) attrs[name] = { DataType: 'String', StringValue: value };
  };
  list('countries', alert.attributes.countries);
  list('vendors', alert.attributes.vendors);
  one('measure', alert.attributes.measure);
  one('stage', alert.attributes.stage);
  one('alertId', alert.alertId);
  one('eventId', alert.eventId);
  return attrs;
}

/** Bytes SNS counts towards the 256 KiB limit: the message, the subject and every attribute. */
export function entrySize(entry: Omit<PublishBatchRequestEntry, 'Id'>): number {
  let size = Buffer.byteLength(entry.Message ?? '') + Buffer.byteLength(entry.Subject ?? '');
  for (const [name, value] of Object.entries(entry.MessageAttributes ?? {})) {
    size += Buffer.byteLength(name) + Buffer.byteLength(value.DataType ?? '') + Buffer.byteLength(value.StringValue ?? '');
  }
  return size;
}

interface Pending {
  alertId: string;
  topicArn: string;
  entry: Omit<PublishBatchRequestEntry, 'Id'>;
  size: number;
  attempts: number;
}

/** Splits entries into PublishBatch-sized chunks: ≤ 10 entries, ≤ 256 KiB in total. */
export function chunkEntries<T extends { size: number }>(entries: T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const e of entries) {
    if (current.length && (current.length >= MAX_BATCH_ENTRIES || bytes + e.size > MAX_BATCH_BYTES)) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(e);
    bytes += e.size;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 300);
  return String(err).slice(0, 300);
}

export class SnsPublisher implements Publisher {
  private readonly topicArns = new Map<string, Promise<string>>();
  private readonly delivered = new Set<string>();
  private readonly logger: Logger;
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly sns: SNSClient,
    private readonly opts: SnsPublisherOptions,
  ) {
    this.logger = opts.logger ?? silentLogger;
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.baseDelayMs = opts.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
    this.sleep = opts.sleep ?? defaultSleep;
  }

  async publish(alerts: Alert[]): Promise<PublishResult> {
    const errors = new Map<string, string>();
    const fail = (alertId: string, error: string) => {
      if (!errors.has(alertId)) errors.set(alertId, error);
    };

    // 1. One entry per (alert, topic) not delivered yet; resolve topic ARNs (country topics: CreateTopic, cached).
    const earlier = this.opts.deliveries ? await this.opts.deliveries.deliveredTopics([...new Set(alerts.map((a) => a.alertId))]) : new Map<string, Set<string>>();
    const byTopic = new Map<string, Pending[]>();
    for (const alert of alerts) {
      for (const topic of new Set(alert.topics)) {
        let topicArn: string;
        try {
          topicArn = await this.topicArn(topic);
        } catch (err) {
          fail(alert.alertId, `topic ${topic}: ${describe(err)}`);
          continue;
        }
        if (this.delivered.has(`${alert.alertId}|${topicArn}`) || earlier.get(alert.alertId)?.has(topicArn)) continue;
        const built = this.buildEntry(alert);
        if (!built) {
          fail(alert.alertId, `MESSAGE_TOO_LARGE: over ${MAX_BATCH_BYTES} bytes even when compacted`);
          continue;
        }
        const list = byTopic.get(topicArn) ?? [];
        list.push({ alertId: alert.alertId, topicArn, entry: built.entry, size: built.size, attempts: 0 });
        byTopic.set(topicArn, list);
      }
    }

    // 2. PublishBatch per topic; retry only what failed, with backoff, up to maxAttempts.
    for (const [topicArn, entries] of byTopic) {
      let remaining = entries.filter((e) => !errors.has(e.alertId));
      while (remaining.length) {
        const retry: Pending[] = [];
        for (const chunk of chunkEntries(remaining)) {
          for (const failed of await this.sendChunk(topicArn, chunk)) {
            failed.pending.attempts++;
            if (failed.retryable && failed.pending.attempts < this.maxAttempts) retry.push(failed.pending);
            else fail(failed.pending.alertId, failed.error);
          }
        }
        remaining = retry.filter((e) => !errors.has(e.alertId));
        if (remaining.length) {
          const attempt = Math.max(...remaining.map((e) => e.attempts));
          await this.sleep(this.baseDelayMs * 2 ** (attempt - 1) * (1 + Math.random() / 2));
        }
      }
    }

    const published: string[] = [];
    for (const alert of alerts) if (!errors.has(alert.alertId)) published.push(alert.alertId);
    const failed = [...errors].map(([alertId, error]) => ({ alertId, error }));
    if (failed.length) this.logger.warn('sns: some alerts not published', { failed: failed.length, published: published.length });
    return { published, failed };
  }

  private buildEntry(alert: Alert): { entry: Omit<PublishBatchRequestEntry, 'Id'>; size: number } | null {
    const base = {
      Subject: sanitizeSubject(alert.subject),
      MessageStructure: 'json',
      MessageAttributes: buildAttributes(alert),
    };
    for (const compact of [false, true]) {
      const entry = { ...base, Message: buildMessage(alert, compact) };
      // Headroom for the entry id and request framing.
      const size = entrySize(entry);
      if (size <= MAX_BATCH_BYTES - 1024) return { entry, size };
    }
    return null;
  }

  /** Sends one chunk; returns the entries that failed, and whether trying again may help. */
  private async sendChunk(
    topicArn: string,
    chunk: Pending[],
  ): Promise<Array<{ pending: Pending; error: string; retryable: boolean }>> {
    const byId = new Map<string, Pending>();
    const entries = chunk.map((p, i) => {
      const Id = entryIdFor(p.alertId, i);
      byId.set(Id, p);
      return { Id, ...p.entry } as PublishBatchRequestEntry;
    });
    let response;
    try {
      response = await this.sns.send(new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: entries }));
    } catch (err) {
      // The whole call failed (network, throttling, auth): SNS published none of the entries.
      const e = err as { $fault?: string; $retryable?: unknown; name?: string };
      const retryable = e.$fault !== 'client' || e.$retryable !== undefined || e.name === 'ThrottlingException' || e.name === 'Throttling';
      this.logger.warn('sns: PublishBatch failed', { topicArn, entries: chunk.length, error: describe(err), retryable });
      return chunk.map((pending) => ({ pending, error: describe(err), retryable }));
    }
    const delivered: Pending[] = [];
    for (const ok of response.Successful ?? []) {
      const p = ok.Id ? byId.get(ok.Id) : undefined;
      if (!p) continue;
      this.remember(`${p.alertId}|${topicArn}`);
      byId.delete(ok.Id!);
      delivered.push(p);
    }
    // Recorded before the alert can be reported failed for another topic: its retry must skip this one.
    if (this.opts.deliveries) await Promise.all(delivered.map((p) => this.opts.deliveries!.recordDelivery(p.alertId, topicArn)));
    const failures: Array<{ pending: Pending; error: string; retryable: boolean }> = [];
    for (const bad of response.Failed ?? []) {
      const p = bad.Id ? byId.get(bad.Id) : undefined;
      if (!p) continue;
      byId.delete(bad.Id!);
      // SenderFault: the entry itself is wrong (too big, bad attribute); resending cannot help.
      failures.push({ pending: p, error: `${bad.Code ?? 'Failed'}: ${bad.Message ?? ''}`.trim(), retryable: !bad.SenderFault });
    }
    // Entries SNS did not mention at all: unknown fate, treat as failed and retry.
    for (const p of byId.values()) failures.push({ pending: p, error: 'no result from SNS', retryable: true });
    return failures;
  }

  private remember(key: string): void {
    if (this.delivered.size >= DELIVERED_MEMORY) {
      const oldest = this.delivered.values().next().value;
      if (oldest !== undefined) this.delivered.delete(oldest);
    }
    this.delivered.add(key);
  }

  /** "all" is the stack's topic; any other suffix (country-jp) is `<prefix>-<suffix>`, created once. */
  private topicArn(topic: string): Promise<string> {
    if (topic === 'all') return Promise.resolve(this.opts.allTopicArn);
    const suffix = topic.toLowerCase();
    if (!/^[a-z0-9_-]{1,100}$/.test(suffix)) return Promise.reject(new Error(`invalid topic suffix "${topic}"`));
    const name = `${this.opts.topicPrefix}-${suffix}`;
    let arn = this.topicArns.get(name);
    if (!arn) {
      arn = this.createTopic(name);
      this.topicArns.set(name, arn);
      // A failed CreateTopic is not cached: the next publish tries again.
      arn.catch(() => this.topicArns.delete(name));
    }
    return arn;
  }

  private async createTopic(name: string): Promise<string> {
    const response = await this.sns.send(
      new CreateTopicCommand({
        Name: name,
        ...(this.opts.kmsMasterKeyId ? { Attributes: { KmsMasterKeyId: this.opts.kmsMasterKeyId } } : {}),
      }),
    );
    if (!response.TopicArn) throw new Error(`CreateTopic ${name} returned no TopicArn`);
    this.logger.info('sns: topic ready', { topic: name, topicArn: response.TopicArn });
    return response.TopicArn;
  }
}
