/**
 * Publisher on Amazon SNS: every alert goes to the "all" topic and to the topic of each acting
 * country the stack created one for (`<prefix>-country-<cc>`; never created here), as PublishBatch
 * requests of at most 10 entries and 256 KiB. Only the entries SNS reports as failed are retried, a
 * bounded number of times.
 *
 * Message: `MessageStructure: 'json'` with `default` = one compact JSON payload (what every machine
 * protocol gets: sqs, http, https, lambda, email-json, firehose) and `email` = the readable text.
 * Attributes `countries`, `vendors` (String.Array), `measure`, `stage`, `alertId`, `eventId`
 * (String) let subscribers filter and deduplicate (SNS is at-least-once; `alertId` is stable).
 *
 * With a DeliveryLog (composeNotify passes the store) every alert has an intent record: an attempt
 * is started (SENDING, attempts + 1) before its entries go out, each topic that accepts it is
 * recorded with its MessageId, and it ends SENT or, after MAX_ALERT_ATTEMPTS attempts, FAILED.
 */
import { PublishBatchCommand, type MessageAttributeValue, type PublishBatchRequestEntry, type SNSClient } from '@aws-sdk/client-sns';
import type { Alert } from '../core/model.js';
import { silentLogger, type AlertDeliveryRecord, type AlertReceipt, type DeliveryLog, type Logger, type Publisher, type PublishResult } from '../ports.js';

export interface SnsPublisherOptions {
  /** ARN of the `<prefix>-all` topic (created by the stack). */
  allTopicArn: string;
  /** Topic name prefix: country topics are `<prefix>-country-<cc>`. */
  topicPrefix: string;
  /** Countries the stack created a topic for; an alert's other countries are reached through "all". */
  countryTopics?: string[];
  logger?: Logger;
  /** Attempts per entry within one publish call, the first included. Default 3. */
  maxAttempts?: number;
  /** Publish calls (runs) an alert may take before it is given up as FAILED. Default MAX_ALERT_ATTEMPTS. */
  maxAlertAttempts?: number;
  /** ...and only once its first attempt is this old. Default GIVE_UP_AFTER_MS. */
  giveUpAfterMs?: number;
  /** Backoff before a retry: base * 2^(attempt-1), plus jitter. Default 100 ms. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
  /** The alert-intent log (see above). Without it, only this container remembers deliveries. */
  deliveries?: DeliveryLog;
}

/**
 * An alert is given up (FAILED) after 5 attempts that failed it, once the first is an hour old: by
 * then the PendingAlertAge alarm has fired, and retrying forever would only hide it. Both bounds:
 * a short SNS outage can burn 5 attempts in a minute (the stream retries and bisects), and an hour
 * alone would give up on an alert tried only once.
 */
export const MAX_ALERT_ATTEMPTS = 5;
export const GIVE_UP_AFTER_MS = 60 * 60_000;

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
/** Payload caps: the worst case (sources × longest title and link, CJK) stays far under 256 KiB. */
export const PAYLOAD_SOURCES = 25;
export const PAYLOAD_TITLE_CHARS = 300;
export const PAYLOAD_LINK_CHARS = 1_000;
export const PAYLOAD_EVIDENCE = 5;
export const PAYLOAD_EVIDENCE_CHARS = 300;
/** The readable text is rendered by core/alert.ts (10 sources); this only bounds a surprise. */
export const TEXT_CHARS = 60_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One line, no control characters, under 100 characters, cut with ASCII "..." (every mail client
 * renders it); never empty. Applied again at the edge.
 */
export function sanitizeSubject(subject: string): string {
  const clean = subject.replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  const cut = chars.length <= MAX_SUBJECT_CHARS ? clean : `${chars.slice(0, MAX_SUBJECT_CHARS - 3).join('').trimEnd()}...`;
  return cut || 'banwatch alert';
}

/** A PublishBatch entry id derived from the alert id (SNS allows [A-Za-z0-9_-]{1,80}). */
export function entryIdFor(alertId: string, index: number): string {
  const suffix = `-${index}`;
  const base = alertId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, ENTRY_ID_MAX - suffix.length);
  return `${base || 'alert'}${suffix}`;
}

const cap = (text: string | null | undefined, max: number): string | null => {
  if (text === null || text === undefined) return null;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 3).join('')}...`;
};

/**
 * What machine subscribers receive: one compact object, sources once (official first, as the
 * alert orders them), titles and links capped, no internal fields (alertState, version,
 * clusterKey, seq, the alert log).
 */
export function machinePayload(alert: Alert): Record<string, unknown> {
  const e = alert.event;
  // Official sources first, as the alert text lists them.
  const sources = [...e.sources.filter((s) => s.official), ...e.sources.filter((s) => !s.official)];
  return {
    type: 'banwatch.alert',
    alertId: alert.alertId,
    eventId: alert.eventId,
    kind: alert.mark.kind,
    subject: sanitizeSubject(alert.subject),
    createdAt: alert.createdAt,
    attributes: alert.attributes,
    event: {
      title: cap(e.title, PAYLOAD_TITLE_CHARS),
      countries: e.countries,
      vendors: e.vendors,
      measure: e.measure,
      stage: e.stage,
      history: (e.history ?? []).map((h) => ({ stage: h.stage, at: h.at, official: h.official })),
      official: !!e.official,
      confidence: e.confidence,
      evidence: e.evidence.slice(0, PAYLOAD_EVIDENCE).map((x) => cap(x, PAYLOAD_EVIDENCE_CHARS)),
      firstSeen: e.firstSeen,
      lastSeen: e.lastSeen,
      reportCount: e.reportCount ?? e.sources.length,
    },
    sources: sources.slice(0, PAYLOAD_SOURCES).map((s) => ({
      title: cap(s.title, PAYLOAD_TITLE_CHARS),
      link: cap(s.link, PAYLOAD_LINK_CHARS),
      feedId: s.feedId,
      published: s.published,
      official: !!s.official,
    })),
  };
}

/**
 * The `MessageStructure: 'json'` body: `default` (every protocol without its own key, i.e. every
 * machine protocol) = the JSON payload, `email` = the text. One copy of each, not one per protocol.
 */
export function buildMessage(alert: Alert): string {
  return JSON.stringify({ default: JSON.stringify(machinePayload(alert)), email: cap(alert.text, TEXT_CHARS) });
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
  private readonly delivered = new Set<string>();
  private readonly logger: Logger;
  private readonly maxAttempts: number;
  private readonly maxAlertAttempts: number;
  private readonly giveUpAfterMs: number;
  private readonly baseDelayMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;
  private readonly countryTopics: Set<string>;

  constructor(
    private readonly sns: SNSClient,
    private readonly opts: SnsPublisherOptions,
  ) {
    this.logger = opts.logger ?? silentLogger;
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.maxAlertAttempts = Math.max(1, opts.maxAlertAttempts ?? MAX_ALERT_ATTEMPTS);
    this.giveUpAfterMs = Math.max(0, opts.giveUpAfterMs ?? GIVE_UP_AFTER_MS);
    this.baseDelayMs = opts.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
    this.sleep = opts.sleep ?? defaultSleep;
    this.now = opts.now ?? (() => new Date());
    this.countryTopics = new Set((opts.countryTopics ?? []).map((c) => c.toLowerCase()));
  }

  async publish(alerts: Alert[]): Promise<PublishResult> {
    const errors = new Map<string, string>();
    const fail = (alertId: string, error: string) => {
      if (!errors.has(alertId)) errors.set(alertId, error);
    };
    const log = this.opts.deliveries;
    const records = log ? await log.deliveryRecords([...new Set(alerts.map((a) => a.alertId))]) : new Map<string, AlertDeliveryRecord>();
    const receipts: Record<string, AlertReceipt> = {};
    const settled = new Set<string>();
    const permanent = new Set<string>();
    const attemptOf = new Map<string, { attempt: number; firstAttemptAt: string }>();
    const now = this.now();
    const at = now.toISOString();

    // 1. Per alert: done already (SENT, or FAILED), else start an attempt; one entry per topic it lacks.
    const byTopic = new Map<string, Pending[]>();
    for (const alert of alerts) {
      const id = alert.alertId;
      if (settled.has(id) || permanent.has(id) || attemptOf.has(id)) continue;
      const topics = this.topicArnsOf(alert);
      let record = records.get(id);
      if (log && record?.state !== 'SENT' && record?.state !== 'FAILED') {
        const attempt = await log.beginAttempt(id, at);
        // null: another notifier finished it meanwhile; read what it decided.
        if (attempt === null) record = (await log.deliveryRecords([id])).get(id);
        else attemptOf.set(id, attempt);
      } else if (!log) attemptOf.set(id, { attempt: 1, firstAttemptAt: at });
      if (record?.state === 'SENT') {
        // Published before, but the event was not marked (a crash after SNS, before the mark): not again.
        settled.add(id);
        receipts[id] = receiptOf(topics, record);
        continue;
      }
      if (record?.state === 'FAILED') {
        permanent.add(id);
        fail(id, `FAILED after ${record.attempts} attempts: ${record.lastError ?? 'unknown error'}`);
        continue;
      }
      for (const topicArn of topics) {
        if (this.delivered.has(`${id}|${topicArn}`) || record?.topics.has(topicArn)) continue;
        const built = this.buildEntry(alert);
        if (!built) {
          fail(id, `MESSAGE_TOO_LARGE: over ${MAX_BATCH_BYTES} bytes`);
          break;
        }
        const list = byTopic.get(topicArn) ?? [];
        list.push({ alertId: id, topicArn, entry: built.entry, size: built.size, attempts: 0 });
        byTopic.set(topicArn, list);
      }
    }

    // 2. PublishBatch per topic; retry only what failed, with backoff, up to maxAttempts.
    const messageIds = new Map<string, Map<string, string>>();
    for (const [topicArn, entries] of byTopic) {
      let remaining = entries.filter((e) => !errors.has(e.alertId));
      while (remaining.length) {
        const retry: Pending[] = [];
        for (const chunk of chunkEntries(remaining)) {
          const sent = await this.sendChunk(topicArn, chunk);
          for (const ok of sent.delivered) {
            const ids = messageIds.get(ok.pending.alertId) ?? new Map<string, string>();
            ids.set(topicArn, ok.messageId);
            messageIds.set(ok.pending.alertId, ids);
          }
          for (const failed of sent.failures) {
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

    // 3. End each attempt: SENT with its receipts, or FAILED once the attempts are used up.
    const published: string[] = [];
    for (const [id, { attempt, firstAttemptAt }] of attemptOf) {
      const error = errors.get(id);
      const record = records.get(id);
      const alert = alerts.find((a) => a.alertId === id)!;
      if (error === undefined) {
        if (log) await log.finishAlert(id, 'SENT');
        const merged: AlertDeliveryRecord = record ?? { alertId: id, state: 'SENT', topics: new Set(), messageIds: new Map(), attempts: attempt };
        for (const [topic, mid] of messageIds.get(id) ?? []) {
          merged.topics.add(topic);
          merged.messageIds.set(topic, mid);
        }
        receipts[id] = receiptOf(this.topicArnsOf(alert), merged);
        published.push(id);
      } else if (log && attempt >= this.maxAlertAttempts && now.getTime() - Date.parse(firstAttemptAt) >= this.giveUpAfterMs) {
        await log.finishAlert(id, 'FAILED', error);
        permanent.add(id);
        errors.set(id, `FAILED after ${attempt} attempts: ${error}`);
      }
    }
    published.push(...settled);
    const failed = [...errors].map(([alertId, error]) => ({ alertId, error, ...(permanent.has(alertId) ? { permanent: true } : {}) }));
    if (failed.length) this.logger.warn('sns: some alerts not published', { failed: failed.length, published: published.length });
    return { published, failed, receipts };
  }

  /** "all" and the topics of the alert's countries that the stack created, as ARNs. */
  private topicArnsOf(alert: Alert): string[] {
    const arns = new Set<string>();
    for (const topic of alert.topics) {
      if (topic === 'all') arns.add(this.opts.allTopicArn);
      else if (topic.startsWith('country-') && this.countryTopics.has(topic.slice('country-'.length).toLowerCase())) {
        arns.add(siblingTopicArn(this.opts.allTopicArn, `${this.opts.topicPrefix}-${topic.toLowerCase()}`));
      }
    }
    return [...arns];
  }

  private buildEntry(alert: Alert): { entry: Omit<PublishBatchRequestEntry, 'Id'>; size: number } | null {
    const entry = {
      Subject: sanitizeSubject(alert.subject),
      MessageStructure: 'json',
      MessageAttributes: buildAttributes(alert),
      Message: buildMessage(alert),
    };
    const size = entrySize(entry);
    // Headroom for the entry id and request framing.
    return size <= MAX_BATCH_BYTES - 1024 ? { entry, size } : null;
  }

  /** Sends one chunk; returns the entries that failed, and whether trying again may help. */
  private async sendChunk(
    topicArn: string,
    chunk: Pending[],
  ): Promise<{ delivered: Array<{ pending: Pending; messageId: string }>; failures: Array<{ pending: Pending; error: string; retryable: boolean }> }> {
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
      return { delivered: [], failures: chunk.map((pending) => ({ pending, error: describe(err), retryable })) };
    }
    const delivered: Array<{ pending: Pending; messageId: string }> = [];
    for (const ok of response.Successful ?? []) {
      const p = ok.Id ? byId.get(ok.Id) : undefined;
      if (!p) continue;
      this.remember(`${p.alertId}|${topicArn}`);
      byId.delete(ok.Id!);
      delivered.push({ pending: p, messageId: ok.MessageId ?? '' });
    }
    // Recorded before the alert can be reported failed for another topic: its retry must skip this one.
    // (A crash between SNS accepting the batch and this write is the one window that resends.)
    if (this.opts.deliveries) await Promise.all(delivered.map((d) => this.opts.deliveries!.recordDelivery(d.pending.alertId, topicArn, d.messageId)));
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
    return { delivered, failures };
  }

  private remember(key: string): void {
    if (this.delivered.size >= DELIVERED_MEMORY) {
      const oldest = this.delivered.values().next().value;
      if (oldest !== undefined) this.delivered.delete(oldest);
    }
    this.delivered.add(key);
  }
}

/** The receipt of an alert: the topics it went to and their MessageIds, in one order. */
function receiptOf(topics: string[], record: Pick<AlertDeliveryRecord, 'topics' | 'messageIds'>): AlertReceipt {
  const reached = topics.filter((t) => record.topics.has(t));
  return { topics: reached, messageIds: reached.map((t) => record.messageIds.get(t) ?? '') };
}

/** `<name>` in the account and region of `topicArn`. */
export function siblingTopicArn(topicArn: string, name: string): string {
  return `${topicArn.slice(0, topicArn.lastIndexOf(':'))}:${name}`;
}
