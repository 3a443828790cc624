/**
 * The feed queue on SQS FIFO: one message per due feed, body `{"feedId": "<id>"}` and nothing else
 * (the poller reads the URL from its own registry). MessageGroupId = feed id, so Lambda never hands
 * one feed to two poll invocations at once; the deduplication id is feed + dispatch slot, so a
 * schedule delivered twice enqueues once.
 */
import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import { silentLogger, type FeedQueue, type Logger } from '../ports.js';

/** SendMessageBatch takes at most 10 entries. */
const SQS_BATCH = 10;
/** Failed entries are resent once; what fails twice is reported (dispatch then fails, the schedule retries). */
const SEND_ATTEMPTS = 2;

/** The message body: the feed id only. */
export function feedMessage(feedId: string): string {
  return JSON.stringify({ feedId });
}

/** SQS deduplication ids: up to 128 of alphanumerics and punctuation. */
export function dedupId(feedId: string, slot: string): string {
  return `${feedId}:${slot}`.replace(/[^A-Za-z0-9!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '_').slice(0, 128);
}

export class SqsFeedQueue implements FeedQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly logger: Logger = silentLogger,
  ) {}

  async enqueue(feedIds: string[], slot: string): Promise<{ enqueued: number; failed: string[] }> {
    let pending: SendMessageBatchRequestEntry[] = feedIds.map((feedId, i) => ({
      Id: `f${i}`,
      MessageBody: feedMessage(feedId),
      MessageGroupId: feedId,
      MessageDeduplicationId: dedupId(feedId, slot),
    }));
    let enqueued = 0;
    for (let attempt = 1; pending.length && attempt <= SEND_ATTEMPTS; attempt++) {
      const retry: SendMessageBatchRequestEntry[] = [];
      for (let i = 0; i < pending.length; i += SQS_BATCH) {
        const chunk = pending.slice(i, i + SQS_BATCH);
        const out = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: chunk }));
        enqueued += out.Successful?.length ?? 0;
        const failedIds = new Set((out.Failed ?? []).map((f) => f.Id));
        for (const f of out.Failed ?? []) this.logger.warn('enqueue failed', { id: f.Id, code: f.Code, error: f.Message, senderFault: f.SenderFault });
        retry.push(...chunk.filter((e) => failedIds.has(e.Id)));
      }
      pending = retry;
    }
    return { enqueued, failed: pending.map((e) => e.MessageGroupId!) };
  }
}
