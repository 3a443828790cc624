/**
 * The banwatch stack, asserted on the synthesised template (bundling skipped, see synth.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PENDING_EVENT_FILTER } from '../../lib/alerts.js';
import { ITERATOR_AGE_THRESHOLD_MS } from '../../lib/monitoring.js';
import { METRIC, METRICS_NAMESPACE, SERVICE_NAME } from '../../lambdas/handlers/names.js';
import { KEY_ATTRIBUTES, PENDING, TABLE } from '../../lambdas/table.js';
import { synthStack } from './synth.js';

afterAll(() => CloudAssembly.cleanupTemporaryDirectories());

type Resource = { Type: string; Properties: Record<string, any>; DeletionPolicy?: string; UpdateReplacePolicy?: string };

function only(template: Template, type: string, props: Record<string, unknown> = {}): [string, Resource] {
  const found = Object.entries(template.findResources(type, { Properties: Match.objectLike(props) }));
  expect(found, `exactly one ${type} matching ${JSON.stringify(props)}`).toHaveLength(1);
  return found[0] as [string, Resource];
}

function fnByDescription(template: Template, word: string): [string, Resource] {
  const found = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([, r]) =>
    String((r as Resource).Properties.Description).includes(word),
  );
  expect(found).toHaveLength(1);
  return found[0] as [string, Resource];
}

function policyStatementsOf(template: Template, fnLogicalId: string): any[] {
  const fn = template.toJSON().Resources[fnLogicalId] as Resource;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => (p as Resource).Properties.Roles.some((r: any) => r.Ref === roleId))
    .flatMap((p) => (p as Resource).Properties.PolicyDocument.Statement);
}

const actionsOf = (statements: any[]): string[] => statements.flatMap((s) => [s.Action].flat());

describe('BanwatchStack', () => {
  let template: Template;
  let resources: Record<string, Resource>;

  beforeAll(() => {
    ({ template } = synthStack({
      alertEmails: ['team@example.com'],
      countrySubscriptions: { JP: ['jp-desk@example.com'] },
      opsEmail: 'ops@example.com',
    }));
    resources = template.toJSON().Resources;
  });

  describe('Ingest', () => {
    it('runs dispatch on an EventBridge Scheduler rate of 15 minutes with the scheduled time as input', () => {
      const [dispatchId] = fnByDescription(template, 'enqueue');
      const [, schedule] = only(template, 'AWS::Scheduler::Schedule', { ScheduleExpression: 'rate(15 minutes)', Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [dispatchId, 'Arn'] } }) });
      expect(JSON.parse(schedule.Properties.Target.Input)).toEqual({ source: 'banwatch.dispatch', scheduledTime: '<aws.scheduler.scheduled-time>' });
      expect(schedule.Properties.Target.RetryPolicy.MaximumRetryAttempts).toBeLessThanOrEqual(3);
    });

    it('takes the dispatch rate from the pollRate context', () => {
      const { template: t } = synthStack({ pollRate: '30' });
      expect(Object.values(t.findResources('AWS::Scheduler::Schedule')).map((s) => (s as Resource).Properties.ScheduleExpression)).toContain('rate(30 minutes)');
    });

    it('uses a FIFO feed queue with a FIFO DLQ after 3 receives, encrypted, SSL only', () => {
      const [dlqId] = only(template, 'AWS::SQS::Queue', { FifoQueue: true, MessageRetentionPeriod: 14 * 24 * 3600 });
      const [queueId, queue] = only(template, 'AWS::SQS::Queue', { FifoQueue: true, RedrivePolicy: Match.anyValue() });
      expect(queue.Properties.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 3 });
      for (const id of [queueId, dlqId]) {
        expect(resources[id]!.Properties.SqsManagedSseEnabled).toBe(true);
        template.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: id }],
          PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
        });
      }
    });

    it('sets the queue visibility timeout to at least 6x the poll timeout', () => {
      const [, poll] = fnByDescription(template, 'one feed per SQS message');
      const [, queue] = only(template, 'AWS::SQS::Queue', { FifoQueue: true, RedrivePolicy: Match.anyValue() });
      expect(queue.Properties.VisibilityTimeout).toBeGreaterThanOrEqual(6 * poll.Properties.Timeout);
    });

    it('feeds poll from the queue in batches of 5 with partial batch responses, concurrency bounded both ways', () => {
      const [pollId, poll] = fnByDescription(template, 'one feed per SQS message');
      const [queueId] = only(template, 'AWS::SQS::Queue', { FifoQueue: true, RedrivePolicy: Match.anyValue() });
      const [, mapping] = only(template, 'AWS::Lambda::EventSourceMapping', { EventSourceArn: { 'Fn::GetAtt': [queueId, 'Arn'] } });
      expect(mapping.Properties.FunctionName).toEqual({ Ref: pollId });
      expect(mapping.Properties.BatchSize).toBe(5);
      expect(mapping.Properties.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
      expect(poll.Properties.ReservedConcurrentExecutions).toBe(5);
      // Equal limits: the SQS poller never invokes more than may run, so nothing is throttled.
      expect(mapping.Properties.ScalingConfig.MaximumConcurrency).toBe(poll.Properties.ReservedConcurrentExecutions);
    });

    it('gives the fetch a deadline well inside the poll timeout', () => {
      const [, poll] = fnByDescription(template, 'one feed per SQS message');
      const fetchMs = Number(poll.Properties.Environment.Variables.FETCH_TIMEOUT_MS);
      // A batch polls its feeds in parallel: one fetch deadline plus parsing/storing must fit.
      expect(fetchMs * 2).toBeLessThanOrEqual(poll.Properties.Timeout * 1000);
    });

    it('gives poll the old-news rules: 14 days and a silent backlog by default, both set by context', () => {
      const [, poll] = fnByDescription(template, 'one feed per SQS message');
      expect(poll.Properties.Environment.Variables).toMatchObject({ MAX_ALERT_AGE_DAYS: '14', ALERT_BACKLOG: 'false' });
      const { template: t } = synthStack({ maxAlertAgeDays: '30', alertBacklog: 'true' });
      const [, tuned] = fnByDescription(t, 'one feed per SQS message');
      expect(tuned.Properties.Environment.Variables).toMatchObject({ MAX_ALERT_AGE_DAYS: '30', ALERT_BACKLOG: 'true' });
      expect(() => synthStack({ maxAlertAgeDays: '0' })).toThrow(/maxAlertAgeDays/);
    });

    it('gives dispatch read-only table access and send-only queue access', () => {
      const [dispatchId, dispatch] = fnByDescription(template, 'enqueue');
      const actions = actionsOf(policyStatementsOf(template, dispatchId));
      expect(actions).toContain('sqs:SendMessage');
      expect(actions).toContain('dynamodb:BatchGetItem');
      expect(actions).not.toContain('dynamodb:PutItem');
      expect(actions).not.toContain('sqs:ReceiveMessage');
      expect(dispatch.Properties.Environment.Variables).toMatchObject({ FEEDS_FILE: 'feeds.json', FEED_QUEUE_URL: { Ref: expect.any(String) } });
    });

    it('fails synth on an invalid feed registry', () => {
      const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'banwatch-feeds-')), 'feeds.json');
      fs.writeFileSync(bad, JSON.stringify({ feeds: [{ id: 'x', url: 'ftp://nope', kind: 'news' }] }));
      expect(() => synthStack({ feedsFile: bad })).toThrow(/url/);
    });
  });

  describe('Storage', () => {
    it('builds the table from lambdas/table.ts: keys, on demand, PITR, TTL, stream, encryption', () => {
      const [, table] = only(template, 'AWS::DynamoDB::Table');
      const p = table.Properties;
      expect(p.KeySchema).toEqual([
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ]);
      expect(p.BillingMode).toBe('PAY_PER_REQUEST');
      expect(p.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
      expect(p.TimeToLiveSpecification).toEqual({ AttributeName: TABLE.ttlAttribute, Enabled: true });
      expect(p.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
      expect(p.SSESpecification).toEqual({ SSEEnabled: true });
      expect(p.AttributeDefinitions.map((a: any) => a.AttributeName).sort()).toEqual([...KEY_ATTRIBUTES].sort());
      expect(p.AttributeDefinitions.every((a: any) => a.AttributeType === 'S')).toBe(true);
    });

    it('creates every GSI of lambdas/table.ts with projection ALL', () => {
      const [, table] = only(template, 'AWS::DynamoDB::Table');
      const expected = Object.values(TABLE.indexes).map((i) => ({
        IndexName: i.name,
        KeySchema: [
          { AttributeName: i.partitionKey, KeyType: 'HASH' },
          ...('sortKey' in i ? [{ AttributeName: i.sortKey, KeyType: 'RANGE' }] : []),
        ],
        Projection: { ProjectionType: 'ALL' },
      }));
      expect(table.Properties.GlobalSecondaryIndexes).toEqual(expected);
    });

    it('retains the table by default and deletes it with destroyOnRemoval=true', () => {
      const [, table] = only(template, 'AWS::DynamoDB::Table');
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.Properties.DeletionProtectionEnabled).toBe(true);
      const { template: dev } = synthStack({ destroyOnRemoval: 'true' });
      const [, devTable] = only(dev, 'AWS::DynamoDB::Table');
      expect(devTable.DeletionPolicy).toBe('Delete');
      expect(devTable.Properties.DeletionProtectionEnabled).toBe(false);
    });
  });

  describe('Alerts', () => {
    it('encrypts the "all" topic with a rotated customer managed key and denies non-SSL publishing', () => {
      const [keyId, key] = only(template, 'AWS::KMS::Key');
      expect(key.Properties.EnableKeyRotation).toBe(true);
      const [topicId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-all' });
      template.hasResourceProperties('AWS::SNS::Topic', { TopicName: 'banwatch-all', KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
      template.hasResourceProperties('AWS::SNS::TopicPolicy', {
        Topics: [{ Ref: topicId }],
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    });

    it('lets CloudWatch alarms use the topic key (they publish to the encrypted ops topic)', () => {
      const [, key] = only(template, 'AWS::KMS::Key');
      expect(key.Properties.KeyPolicy.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      );
    });

    it('subscribes alertEmails to "all" and creates the countrySubscriptions topics with the same key', () => {
      const [keyId] = only(template, 'AWS::KMS::Key');
      const [allId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-all' });
      template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'team@example.com', TopicArn: { Ref: allId } });
      const [jpId, jp] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-country-jp' });
      // Only the attribute notify also passes to CreateTopic, or CreateTopic would be rejected.
      expect(jp.Properties).toEqual({ TopicName: 'banwatch-country-jp', KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
      template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'jp-desk@example.com', TopicArn: { Ref: jpId } });
    });

    it('triggers notify from the stream for pending event rows only, bisecting, ≤ 3 retries, failures to SQS', () => {
      const [notifyId] = fnByDescription(template, 'publish pending alerts');
      const [tableId] = only(template, 'AWS::DynamoDB::Table');
      const [, mapping] = only(template, 'AWS::Lambda::EventSourceMapping', { EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] } });
      const p = mapping.Properties;
      expect(p.FunctionName).toEqual({ Ref: notifyId });
      expect(p.BisectBatchOnFunctionError).toBe(true);
      expect(p.MaximumRetryAttempts).toBeLessThanOrEqual(3);
      const failureQueueId = p.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
      expect(resources[failureQueueId]!.Type).toBe('AWS::SQS::Queue');
      expect(p.FilterCriteria.Filters).toHaveLength(1);
      const pattern = JSON.parse(p.FilterCriteria.Filters[0].Pattern);
      expect(pattern).toEqual(PENDING_EVENT_FILTER);
      expect(pattern.dynamodb.NewImage[TABLE.indexes.pending.partitionKey]).toEqual({ S: [PENDING] });
    });

    it('sweeps pending alerts on a schedule through the same function', () => {
      const [notifyId] = fnByDescription(template, 'publish pending alerts');
      const [, sweep] = only(template, 'AWS::Scheduler::Schedule', { Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [notifyId, 'Arn'] } }) });
      expect(sweep.Properties.ScheduleExpression).toBe('rate(15 minutes)');
      expect(JSON.parse(sweep.Properties.Target.Input)).toEqual({ source: 'banwatch.sweep' });
    });

    it('lets notify create and publish to <prefix>-country-* only, and publish to "all"', () => {
      const [notifyId, notify] = fnByDescription(template, 'publish pending alerts');
      const [keyId] = only(template, 'AWS::KMS::Key');
      const [allId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-all' });
      const statements = policyStatementsOf(template, notifyId);
      const country = statements.find((s) => s.Sid === 'CountryTopics');
      expect(country.Action).toEqual(['sns:CreateTopic', 'sns:Publish']);
      expect(JSON.stringify(country.Resource)).toContain(':sns:us-east-1:123456789012:banwatch-country-*');
      expect(statements).toEqual(expect.arrayContaining([expect.objectContaining({ Action: 'sns:Publish', Resource: { Ref: allId } })]));
      expect(statements.filter((s) => [s.Action].flat().includes('sns:CreateTopic'))).toHaveLength(1);
      expect(notify.Properties.Environment.Variables).toMatchObject({
        ALL_TOPIC_ARN: { Ref: allId },
        TOPIC_PREFIX: 'banwatch',
        TOPIC_KMS_KEY_ID: { 'Fn::GetAtt': [keyId, 'Arn'] },
      });
      // One notify at a time: the stream and the sweep never publish the same event together.
      expect(notify.Properties.ReservedConcurrentExecutions).toBe(1);
    });
  });

  describe('Lambda functions', () => {
    it.each([
      ['enqueue', 256, 30],
      ['one feed per SQS message', 512, 60],
      ['publish pending alerts', 256, 60],
    ])('%s: nodejs24.x on arm64, %i MB, %i s, source maps, own log group kept a month', (word, memory, timeout) => {
      const [, fn] = fnByDescription(template, word);
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', Architectures: ['arm64'], MemorySize: memory, Timeout: timeout, Handler: 'index.handler' });
      expect(fn.Properties.Environment.Variables).toMatchObject({
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      });
      const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref;
      expect(resources[logGroupId]!.Properties.RetentionInDays).toBe(30);
    });
  });

  describe('Monitoring', () => {
    const alarms = () => Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];

    it('alarms on both dead-letter queues', () => {
      const dlqAlarms = alarms().filter((a) => a.Properties.MetricName === 'ApproximateNumberOfMessagesVisible');
      const queues = dlqAlarms.map((a) => a.Properties.Dimensions[0].Value['Fn::GetAtt'][0]).sort();
      const [feedDlq] = only(template, 'AWS::SQS::Queue', { FifoQueue: true, MessageRetentionPeriod: 14 * 24 * 3600 });
      const [, mapping] = only(template, 'AWS::Lambda::EventSourceMapping', { BisectBatchOnFunctionError: true });
      const streamDlq = mapping.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
      expect(queues).toEqual([feedDlq, streamDlq].sort());
      for (const a of dlqAlarms) expect(a.Properties).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    });

    it('alarms on the errors of each function', () => {
      const fnIds = Object.keys(template.findResources('AWS::Lambda::Function')).sort();
      const watched = alarms()
        .filter((a) => a.Properties.MetricName === 'Errors')
        .map((a) => a.Properties.Dimensions[0].Value.Ref)
        .sort();
      expect(watched).toEqual(fnIds);
    });

    it('alarms when notify lags the stream by more than 5 minutes', () => {
      const [notifyId] = fnByDescription(template, 'publish pending alerts');
      const age = alarms().find((a) => a.Properties.MetricName === 'IteratorAge')!;
      expect(age.Properties).toMatchObject({ Threshold: ITERATOR_AGE_THRESHOLD_MS, Statistic: 'Maximum', ComparisonOperator: 'GreaterThanThreshold' });
      expect(ITERATOR_AGE_THRESHOLD_MS).toBe(300_000);
      expect(age.Properties.Dimensions[0].Value).toEqual({ Ref: notifyId });
    });

    it('alarms on the FeedsFailingOver24h metric the dispatch handler emits', () => {
      const feeds = alarms().find((a) => a.Properties.MetricName === METRIC.feedsFailingOver24h)!;
      expect(feeds.Properties).toMatchObject({
        Namespace: METRICS_NAMESPACE,
        Dimensions: [{ Name: 'service', Value: SERVICE_NAME }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    });

    it('sends every alarm (and its recovery) to the encrypted ops topic, which emails opsEmail', () => {
      const [keyId] = only(template, 'AWS::KMS::Key');
      const [opsId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-ops', KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
      expect(alarms()).toHaveLength(7);
      for (const a of alarms()) {
        expect(a.Properties.AlarmActions).toEqual([{ Ref: opsId }]);
        expect(a.Properties.OKActions).toEqual([{ Ref: opsId }]);
      }
      template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: opsId } });
    });
  });

  describe('outputs and context', () => {
    it('outputs the "all" topic ARN for the CLI', () => {
      const [allId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-all' });
      template.hasOutput('AllTopicArn', { Value: { Ref: allId } });
    });

    it('accepts the context committed in cdk.json (offline CLI settings included)', () => {
      const cdkJson = JSON.parse(fs.readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8'));
      expect(cdkJson.notices).toBe(false);
      expect(cdkJson.context['cli-telemetry']).toBe(false);
      const { template: t } = synthStack(cdkJson.context);
      expect(Object.keys(t.findResources('AWS::Lambda::Function'))).toHaveLength(3);
    });

    it('rejects a malformed context value with its name', () => {
      expect(() => synthStack({ alertEmails: '["not-an-email"]' })).toThrow(/alertEmails/);
      expect(() => synthStack({ countrySubscriptions: '{"Japan":["a@b.co"]}' })).toThrow(/countrySubscriptions/);
    });
  });
});
