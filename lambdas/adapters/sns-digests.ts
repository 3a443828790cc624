/**
 * The digest topics on SNS (`<prefix>-digest-daily|weekly`). Each subscription made by `banwatch
 * subscribe --frequency` carries the filter policy {"digest": [its filter's key]}; the keys are
 * read back from the subscriptions, and each digest is published once with its key as the message
 * attribute `digest`, so SNS hands it to exactly the subscribers of that filter.
 */
import {
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  PublishCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import { DIGEST_ATTRIBUTE } from '../core/digest-key.js';
import type { DigestChannel, DigestMessage, Logger } from '../ports.js';
import { silentLogger } from '../ports.js';

export interface SnsDigestTopics {
  daily: string;
  weekly: string;
}

export class SnsDigestChannel implements DigestChannel {
  constructor(
    private readonly sns: SNSClient,
    private readonly topics: SnsDigestTopics,
    private readonly logger: Logger = silentLogger,
  ) {}

  async subscribedKeys(frequency: 'daily' | 'weekly'): Promise<string[]> {
    const keys = new Set<string>();
    let next: string | undefined;
    do {
      const page = await this.sns.send(new ListSubscriptionsByTopicCommand({ TopicArn: this.topics[frequency], ...(next ? { NextToken: next } : {}) }));
      for (const s of page.Subscriptions ?? []) {
        // Unconfirmed subscriptions have no attributes yet and receive nothing anyway.
        if (!s.SubscriptionArn?.startsWith('arn:')) continue;
        const attrs = (await this.sns.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: s.SubscriptionArn }))).Attributes ?? {};
        const policy = attrs.FilterPolicy ? (JSON.parse(attrs.FilterPolicy) as Record<string, unknown>) : null;
        const mine = policy?.[DIGEST_ATTRIBUTE];
        if (Array.isArray(mine) && mine.every((k) => typeof k === 'string')) for (const k of mine) keys.add(k);
        // Without a digest filter it would get every filter's digest: say so rather than guess.
        else this.logger.warn('digest subscription without a digest filter policy: it receives every digest published', { subscriptionArn: s.SubscriptionArn, protocol: s.Protocol });
      }
      next = page.NextToken;
    } while (next);
    return [...keys].sort();
  }

  async publish(frequency: 'daily' | 'weekly', message: DigestMessage): Promise<void> {
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.topics[frequency],
        Subject: message.subject,
        // Text for e-mail; the compact JSON for every machine protocol (https, sqs, lambda).
        MessageStructure: 'json',
        Message: JSON.stringify({ default: message.json, email: message.text }),
        MessageAttributes: { [DIGEST_ATTRIBUTE]: { DataType: 'String', StringValue: message.key } },
      }),
    );
  }
}
