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
import { FEED_QUEUE_AGE_THRESHOLD_S, ITERATOR_AGE_THRESHOLD_MS, PENDING_ALERT_AGE_THRESHOLD_S } from '../../lib/monitoring.js';
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

/** The statements of every inline policy of a role (by logical id). */
function roleStatements(template: Template, roleId: string): any[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((p) => (p as Resource).Properties.Roles.some((r: any) => r.Ref === roleId))
    .flatMap((p) => (p as Resource).Properties.PolicyDocument.Statement);
}

/** The resource policy statements attached to a topic or queue (by logical id). */
function resourcePolicyOf(template: Template, type: 'AWS::SNS::TopicPolicy' | 'AWS::SQS::QueuePolicy', id: string): any[] {
  const key = type === 'AWS::SNS::TopicPolicy' ? 'Topics' : 'Queues';
  return Object.values(template.findResources(type))
    .filter((p) => (p as Resource).Properties[key].some((r: any) => r.Ref === id))
    .flatMap((p) => (p as Resource).Properties.PolicyDocument.Statement);
}

const roleOf = (fn: Resource): string => fn.Properties.Role['Fn::GetAtt'][0];

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

    it('lets dispatch BatchGet feed-state rows and send to the queue, nothing else of the table', () => {
      const [dispatchId, dispatch] = fnByDescription(template, 'enqueue');
      const statements = policyStatementsOf(template, dispatchId);
      const table = statements.filter((st) => actionsOf([st]).some((a) => a.startsWith('dynamodb:')));
      expect(table).toHaveLength(1);
      expect(table[0]).toMatchObject({ Action: 'dynamodb:BatchGetItem', Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['FEED#*'] } } });
      expect(actionsOf(statements)).toContain('sqs:SendMessage');
      expect(actionsOf(statements)).not.toContain('sqs:ReceiveMessage');
      expect(dispatch.Properties.Environment.Variables).toMatchObject({ FEEDS_FILE: 'feeds.json', FEED_QUEUE_URL: { Ref: expect.any(String) } });
    });

    it('lets poll Get/BatchGet/Put on the table and Query only the cluster index', () => {
      const [pollId, poll] = fnByDescription(template, 'one feed per SQS message');
      const [tableId] = only(template, 'AWS::DynamoDB::Table');
      const statements = policyStatementsOf(template, pollId).filter((st) => actionsOf([st]).some((a) => a.startsWith('dynamodb:')));
      expect(statements.map((st) => [st.Action].flat().sort())).toEqual([
        ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:PutItem'],
        ['dynamodb:Query'],
      ]);
      expect(statements[0].Resource).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
      expect(JSON.stringify(statements[1].Resource)).toContain(`/index/${TABLE.indexes.cluster.name}`);
      // The registry ships with poll too: a message names a feed by id.
      expect(poll.Properties.Environment.Variables.FEEDS_FILE).toBe('feeds.json');
    });

    it('grants no function a wildcard index (index/*) or a table-wide grant it does not use', () => {
      const all = Object.keys(template.findResources('AWS::Lambda::Function')).flatMap((id) => policyStatementsOf(template, id));
      expect(JSON.stringify(all)).not.toContain('index/*');
      for (const a of ['dynamodb:Scan', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'sns:CreateTopic']) expect(actionsOf(all)).not.toContain(a);
    });

    it('denies SendMessage on the feed queue to every principal but dispatch', () => {
      const [, dispatch] = fnByDescription(template, 'enqueue');
      const [queueId] = only(template, 'AWS::SQS::Queue', { FifoQueue: true, RedrivePolicy: Match.anyValue() });
      const deny = resourcePolicyOf(template, 'AWS::SQS::QueuePolicy', queueId).find((st) => st.Sid === 'OnlyDispatchSends');
      expect(deny).toMatchObject({ Effect: 'Deny', Principal: { AWS: '*' }, Action: 'sqs:SendMessage', Condition: { StringNotEquals: { 'aws:PrincipalArn': { 'Fn::GetAtt': [roleOf(dispatch), 'Arn'] } } } });
    });

    it('keeps feed messages longer than the age alarm takes to fire (none expires unseen)', () => {
      const [, queue] = only(template, 'AWS::SQS::Queue', { FifoQueue: true, RedrivePolicy: Match.anyValue() });
      expect(queue.Properties.MessageRetentionPeriod).toBeGreaterThan(4 * FEED_QUEUE_AGE_THRESHOLD_S);
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

    it('lets only this account\'s CloudWatch alarms use the topic key', () => {
      const [, key] = only(template, 'AWS::KMS::Key');
      const st = key.Properties.KeyPolicy.Statement.find((x: any) => x.Principal?.Service === 'cloudwatch.amazonaws.com');
      expect(st.Action).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
      expect(st.Condition.StringEquals).toEqual({ 'aws:SourceAccount': '123456789012' });
      expect(JSON.stringify(st.Condition.ArnLike['aws:SourceArn'])).toContain(':cloudwatch:us-east-1:123456789012:alarm:*');
    });

    it('creates the country topics of the countries context and of countrySubscriptions, with display names, retained', () => {
      const { template: t } = synthStack({ countries: 'DE,fr', countrySubscriptions: { JP: ['jp@example.com'] } });
      const topics = Object.values(t.findResources('AWS::SNS::Topic')) as Resource[];
      expect(topics.map((x) => x.Properties.TopicName).sort()).toEqual(['banwatch-all', 'banwatch-country-de', 'banwatch-country-fr', 'banwatch-country-jp', 'banwatch-digest-daily', 'banwatch-digest-weekly', 'banwatch-ops']);
      for (const topic of topics) expect(topic.Properties.DisplayName).toEqual(expect.any(String));
      for (const topic of topics.filter((x) => x.Properties.TopicName !== 'banwatch-ops')) {
        expect(topic.DeletionPolicy).toBe('Retain');
        expect(topic.Properties.KmsMasterKeyId).toBeDefined();
        expect(topic.Properties.Tags).toContainEqual({ Key: 'banwatch:topic', Value: topic.Properties.TopicName });
        // Delivery status of SQS, HTTP(S) and Lambda subscriptions is logged.
        expect(topic.Properties.DeliveryStatusLogging.map((l: any) => l.Protocol).sort()).toEqual(['http/s', 'lambda', 'sqs']);
      }
      const [, notify] = fnByDescription(t, 'publish pending alerts');
      expect(notify.Properties.Environment.Variables.COUNTRY_TOPICS).toBe('DE,FR,JP');
    });

    it('subscribes alertEmails to "all" and countrySubscriptions to their topic, each with the subscription DLQ', () => {
      const [allId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-all' });
      const [jpId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-country-jp' });
      const [dlqId] = only(template, 'AWS::SQS::Queue', { QueueName: 'banwatch-subscription-dlq' });
      for (const [endpoint, topic] of [['team@example.com', allId], ['jp-desk@example.com', jpId]]) {
        template.hasResourceProperties('AWS::SNS::Subscription', {
          Protocol: 'email', Endpoint: endpoint, TopicArn: { Ref: topic },
          RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] } },
        });
      }
    });

    it('lets the stack\'s topics (and only them) redrive into the subscription DLQ', () => {
      const [dlqId] = only(template, 'AWS::SQS::Queue', { QueueName: 'banwatch-subscription-dlq' });
      const st = resourcePolicyOf(template, 'AWS::SQS::QueuePolicy', dlqId).find((x) => x.Sid === 'StackTopicsRedrive');
      expect(st).toMatchObject({ Effect: 'Allow', Principal: { Service: 'sns.amazonaws.com' }, Action: 'sqs:SendMessage', Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } });
      expect(JSON.stringify(st.Condition.ArnLike['aws:SourceArn'])).toContain(':sns:us-east-1:123456789012:banwatch-*');
    });

    it('denies Publish on every alert topic to every principal but notify', () => {
      const [, notify] = fnByDescription(template, 'publish pending alerts');
      for (const name of ['banwatch-all', 'banwatch-country-jp']) {
        const [topicId] = only(template, 'AWS::SNS::Topic', { TopicName: name });
        const deny = resourcePolicyOf(template, 'AWS::SNS::TopicPolicy', topicId).find((st) => st.Sid === 'OnlyNotifyPublishes');
        expect(deny).toMatchObject({ Effect: 'Deny', Action: 'sns:Publish', Condition: { StringNotEquals: { 'aws:PrincipalArn': { 'Fn::GetAtt': [roleOf(notify), 'Arn'] } } } });
      }
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

    it('lets notify publish to the stack\'s alert topics only, through the key via SNS only, and use the tables it needs', () => {
      const [notifyId, notify] = fnByDescription(template, 'publish pending alerts');
      const [keyId] = only(template, 'AWS::KMS::Key');
      const [allId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-all' });
      const [jpId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-country-jp' });
      const statements = policyStatementsOf(template, notifyId);
      expect(statements.find((st) => st.Sid === 'PublishAlerts')).toMatchObject({ Action: 'sns:Publish', Resource: [{ Ref: allId }, { Ref: jpId }] });
      expect(actionsOf(statements).filter((a) => a.startsWith('sns:'))).toEqual(['sns:Publish']);
      expect(statements.find((st) => st.Sid === 'TopicKeyThroughSns')).toMatchObject({
        Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
        Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
        Condition: { StringEquals: { 'kms:ViaService': 'sns.us-east-1.amazonaws.com' } },
      });
      expect(actionsOf(statements).filter((a) => a.includes('*'))).toEqual([]);
      expect(JSON.stringify(statements.find((st) => st.Sid === 'NotifyPendingIndex').Resource)).toContain(`/index/${TABLE.indexes.pending.name}`);
      expect(notify.Properties.Environment.Variables).toMatchObject({ ALL_TOPIC_ARN: { Ref: allId }, TOPIC_PREFIX: 'banwatch', COUNTRY_TOPICS: 'JP' });
      // One notify at a time: the stream and the sweep never publish the same event together.
      expect(notify.Properties.ReservedConcurrentExecutions).toBe(1);
    });
  });

  describe('Digests', () => {
    const digestFn = () => fnByDescription(template, 'daily and weekly digests');
    const schedule = (kind: string) =>
      (Object.values(template.findResources('AWS::Scheduler::Schedule')) as Resource[]).find((x) => JSON.parse(x.Properties.Target.Input).kind === kind)!;

    it('keeps the report in a private bucket: every public access blocked, SSE-S3, TLS only, retained', () => {
      const [bucketId, bucket] = only(template, 'AWS::S3::Bucket');
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
      expect(bucket.DeletionPolicy).toBe('Retain');
      const policy = Object.values(template.findResources('AWS::S3::BucketPolicy')).find((p) => (p as Resource).Properties.Bucket.Ref === bucketId) as Resource;
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }));
      template.hasOutput('ReportBucketName', { Value: { Ref: bucketId } });
    });

    it('runs the daily digest at 07:00 UTC, the weekly one on Mondays, the report every hour, with the scheduled time as input', () => {
      const [digestId] = digestFn();
      expect(schedule('daily').Properties).toMatchObject({ ScheduleExpression: 'cron(0 7 * * ? *)', ScheduleExpressionTimezone: 'UTC' });
      expect(schedule('weekly').Properties).toMatchObject({ ScheduleExpression: 'cron(0 7 ? * MON *)', ScheduleExpressionTimezone: 'UTC' });
      expect(schedule('report').Properties.ScheduleExpression).toBe('rate(1 hour)');
      for (const kind of ['daily', 'weekly', 'report']) {
        const p = schedule(kind).Properties;
        expect(p.Target.Arn).toEqual({ 'Fn::GetAtt': [digestId, 'Arn'] });
        expect(JSON.parse(p.Target.Input)).toEqual({ source: 'banwatch.digest', kind, scheduledTime: '<aws.scheduler.scheduled-time>' });
      }
    });

    it('takes the digest hour and time zone from context', () => {
      const { template: t } = synthStack({ digestHour: '8', digestTimeZone: 'Asia/Tokyo' });
      const daily = (Object.values(t.findResources('AWS::Scheduler::Schedule')) as Resource[]).find((x) => JSON.parse(x.Properties.Target.Input).kind === 'daily')!;
      expect(daily.Properties).toMatchObject({ ScheduleExpression: 'cron(0 8 * * ? *)', ScheduleExpressionTimezone: 'Asia/Tokyo' });
    });

    it('never retries a failed run (it would send the digests that went out again); one run at a time', () => {
      const [digestId, fn] = digestFn();
      expect(fn.Properties.ReservedConcurrentExecutions).toBe(1);
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: digestId }, MaximumRetryAttempts: 0 });
    });

    it('lets the digest function read events, publish to the digest topics only and write the two report objects only', () => {
      const [digestId, fn] = digestFn();
      const statements = policyStatementsOf(template, digestId);
      const [dailyId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-digest-daily' });
      const [weeklyId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-digest-weekly' });
      const sid = (id: string) => statements.find((st) => st.Sid === id);
      expect(sid('DigestTopics')).toMatchObject({ Action: ['sns:Publish', 'sns:ListSubscriptionsByTopic'], Resource: [{ Ref: dailyId }, { Ref: weeklyId }] });
      expect(sid('DigestSubscriptionFilters')).toMatchObject({ Action: 'sns:GetSubscriptionAttributes', Resource: '*' });
      expect(JSON.stringify(sid('DigestEventsIndex').Resource)).toContain(`/index/${TABLE.indexes.events.name}`);
      expect(sid('DigestReadEvents').Action).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem']);
      const write = sid('WriteReport');
      expect(write.Action).toBe('s3:PutObject');
      expect(JSON.stringify(write.Resource)).toMatch(/\/report\.html"\]\]\}.*\/events\.atom"\]\]\}/);
      expect(actionsOf(statements).filter((a) => /^(s3|sns|dynamodb):/.test(a)).sort()).toEqual(
        ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 's3:PutObject', 'sns:GetSubscriptionAttributes', 'sns:ListSubscriptionsByTopic', 'sns:Publish'].sort(),
      );
      expect(fn.Properties.Environment.Variables).toMatchObject({ DIGEST_DAILY_TOPIC_ARN: { Ref: dailyId }, DIGEST_WEEKLY_TOPIC_ARN: { Ref: weeklyId }, REPORT_BUCKET: { Ref: only(template, 'AWS::S3::Bucket')[0] } });
    });

    it('denies Publish on the digest topics to every principal but the digest function, and encrypts them like the alert topics', () => {
      const [digestId, fn] = digestFn();
      for (const name of ['banwatch-digest-daily', 'banwatch-digest-weekly']) {
        const [topicId, topic] = only(template, 'AWS::SNS::Topic', { TopicName: name });
        expect(topic.Properties.KmsMasterKeyId).toBeDefined();
        const deny = resourcePolicyOf(template, 'AWS::SNS::TopicPolicy', topicId).find((st) => st.Sid === 'OnlyDigestPublishes');
        expect(deny).toMatchObject({ Effect: 'Deny', Action: 'sns:Publish', Condition: { StringNotEquals: { 'aws:PrincipalArn': { 'Fn::GetAtt': [roleOf(fn), 'Arn'] } } } });
      }
      expect(digestId).toBeDefined();
    });
  });

  describe('Lambda functions', () => {
    it.each([
      ['enqueue', 256, 30],
      ['one feed per SQS message', 512, 60],
      ['publish pending alerts', 256, 60],
      ['daily and weekly digests', 512, 120],
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

    it.each(['enqueue', 'one feed per SQS message', 'publish pending alerts', 'daily and weekly digests'])('%s: own role, no managed policy, logs only to its own log group', (word) => {
      const [, fn] = fnByDescription(template, word);
      const role = resources[roleOf(fn)]!;
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
      const logs = roleStatements(template, roleOf(fn)).filter((st) => actionsOf([st]).some((a) => a.startsWith('logs:')));
      expect(logs).toHaveLength(1);
      expect(logs[0].Resource).toEqual({ 'Fn::GetAtt': [fn.Properties.LoggingConfig.LogGroup.Ref, 'Arn'] });
    });
  });

  describe('EventBridge Scheduler roles', () => {
    it('trust only this account\'s schedule of their own name (aws:SourceAccount, aws:SourceArn)', () => {
      const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule')) as Resource[];
      // dispatch, sweep, and the digest function's daily, weekly and report schedules.
      expect(schedules).toHaveLength(5);
      for (const schedule of schedules) {
        const role = resources[schedule.Properties.Target.RoleArn['Fn::GetAtt'][0]]!;
        const trust = role.Properties.AssumeRolePolicyDocument.Statement[0];
        expect(trust.Principal).toEqual({ Service: 'scheduler.amazonaws.com' });
        expect(trust.Condition.StringEquals).toEqual({ 'aws:SourceAccount': '123456789012' });
        expect(JSON.stringify(trust.Condition.ArnEquals['aws:SourceArn'])).toContain(`:scheduler:us-east-1:123456789012:schedule/default/${schedule.Properties.Name}`);
      }
    });
  });

  describe('Monitoring', () => {
    const alarms = () => Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[];
    const alarmOn = (metricName: string) => alarms().filter((a) => a.Properties.MetricName === metricName);

    it('lets CloudWatch alarms of this account publish to the ops topic (enforceSSL alone writes only a Deny)', () => {
      const [opsId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-ops' });
      const statements = resourcePolicyOf(template, 'AWS::SNS::TopicPolicy', opsId);
      const allow = statements.find((st) => st.Effect === 'Allow' && st.Principal?.Service === 'cloudwatch.amazonaws.com');
      expect(allow).toMatchObject({ Action: 'sns:Publish', Resource: { Ref: opsId }, Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } } });
      expect(JSON.stringify(allow.Condition.ArnLike['aws:SourceArn'])).toContain(':cloudwatch:us-east-1:123456789012:alarm:*');
      // Nobody in the account publishes fake alarms: IAM principals are denied, services need the Allow.
      expect(statements.find((st) => st.Sid === 'OnlyAlarmsPublish')).toMatchObject({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:PrincipalIsAWSService': 'false' } } });
    });

    it('breaches on missing data for the cycle heartbeat and the pending-alert age (a stopped pipeline is not green)', () => {
      const [heartbeat] = alarmOn(METRIC.cycleHeartbeat);
      expect(heartbeat!.Properties).toMatchObject({ Namespace: METRICS_NAMESPACE, Statistic: 'Sum', Threshold: 1, ComparisonOperator: 'LessThanThreshold', TreatMissingData: 'breaching', Period: 900, EvaluationPeriods: 2 });
      const [pending] = alarmOn(METRIC.oldestPendingAlertAge);
      expect(pending!.Properties).toMatchObject({ Statistic: 'Maximum', Threshold: PENDING_ALERT_AGE_THRESHOLD_S, TreatMissingData: 'breaching' });
      // Every other alarm: no data means nothing happened.
      const rest = alarms().filter((a) => a !== heartbeat && a !== pending);
      for (const a of rest) expect(a.Properties.TreatMissingData).toBe('notBreaching');
    });

    it('counts stale feeds (never-polled included) with the FeedsStale gauge, ignoring the first hour after a deploy', () => {
      const [stale] = alarmOn(METRIC.feedsStale);
      expect(stale!.Properties).toMatchObject({ Namespace: METRICS_NAMESPACE, Dimensions: [{ Name: 'service', Value: SERVICE_NAME }], Statistic: 'Minimum', Period: 3600, Threshold: 1, DatapointsToAlarm: 2, EvaluationPeriods: 3 });
    });

    it('alarms on the feed queue\'s oldest message, and on Scheduler target errors and dropped invocations', () => {
      const [queueId] = only(template, 'AWS::SQS::Queue', { FifoQueue: true, RedrivePolicy: Match.anyValue() });
      const [age] = alarmOn('ApproximateAgeOfOldestMessage');
      expect(age!.Properties).toMatchObject({ Threshold: FEED_QUEUE_AGE_THRESHOLD_S, Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } }] });
      expect(alarmOn('TargetErrorCount')[0]!.Properties).toMatchObject({ Namespace: 'AWS/Scheduler', Threshold: 1 });
      expect(alarmOn('InvocationDroppedCount')[0]!.Properties).toMatchObject({ Namespace: 'AWS/Scheduler', Threshold: 1 });
    });

    it('alarms on every dead-letter queue (feeds, stream failures, subscriptions)', () => {
      const queues = alarmOn('ApproximateNumberOfMessagesVisible').map((a) => a.Properties.Dimensions[0].Value['Fn::GetAtt'][0]).sort();
      const [feedDlq] = only(template, 'AWS::SQS::Queue', { FifoQueue: true, MessageRetentionPeriod: 14 * 24 * 3600 });
      const [subDlq] = only(template, 'AWS::SQS::Queue', { QueueName: 'banwatch-subscription-dlq' });
      const [, mapping] = only(template, 'AWS::Lambda::EventSourceMapping', { BisectBatchOnFunctionError: true });
      const streamDlq = mapping.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
      expect(queues).toEqual([feedDlq, streamDlq, subDlq].sort());
    });

    it('alarms on the errors of each function on 2 of 3 datapoints, without OK e-mails (no flapping)', () => {
      const fnIds = Object.keys(template.findResources('AWS::Lambda::Function')).sort();
      const errors = alarmOn('Errors');
      expect(errors.map((a) => a.Properties.Dimensions[0].Value.Ref).sort()).toEqual(fnIds);
      for (const a of errors) {
        expect(a.Properties).toMatchObject({ EvaluationPeriods: 3, DatapointsToAlarm: 2 });
        expect(a.Properties.OKActions).toBeUndefined();
      }
    });

    it('alarms when notify lags the stream by more than 5 minutes', () => {
      const [notifyId] = fnByDescription(template, 'publish pending alerts');
      const [age] = alarmOn('IteratorAge');
      expect(age!.Properties).toMatchObject({ Threshold: ITERATOR_AGE_THRESHOLD_MS, Statistic: 'Maximum', ComparisonOperator: 'GreaterThanThreshold' });
      expect(age!.Properties.Dimensions[0].Value).toEqual({ Ref: notifyId });
    });

    it('alarms on alerts given up (FAILED) and on SNS deliveries that failed on any alert topic', () => {
      expect(alarmOn(METRIC.alertsFailedPermanently)).toHaveLength(1);
      const failed = alarms().find((a) => a.Properties.Metrics?.some((m: any) => m.MetricStat?.Metric.MetricName === 'NumberOfNotificationsFailed'))!;
      const topics = failed.Properties.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.Dimensions[0].Value['Fn::GetAtt'][0]);
      const alertTopics = ['banwatch-all', 'banwatch-country-jp', 'banwatch-digest-daily', 'banwatch-digest-weekly'].map((n) => only(template, 'AWS::SNS::Topic', { TopicName: n })[0]);
      expect(topics.sort()).toEqual(alertTopics.sort());
    });

    it('sends every alarm to the ops topic (OK only for the stopped-pipeline alarms), which emails opsEmail', () => {
      const [opsId] = only(template, 'AWS::SNS::Topic', { TopicName: 'banwatch-ops' });
      expect(alarms()).toHaveLength(16);
      for (const a of alarms()) expect(a.Properties.AlarmActions).toEqual([{ Ref: opsId }]);
      expect(alarms().filter((a) => a.Properties.OKActions).map((a) => a.Properties.MetricName).sort()).toEqual([METRIC.cycleHeartbeat, METRIC.oldestPendingAlertAge].sort());
      template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.com', TopicArn: { Ref: opsId } });
    });

    it('builds one dashboard and saved Logs Insights queries over the functions\' log groups', () => {
      only(template, 'AWS::CloudWatch::Dashboard', { DashboardName: 'banwatch-operations' });
      const queries = Object.values(template.findResources('AWS::Logs::QueryDefinition')) as Resource[];
      expect(queries.map((q) => q.Properties.Name).sort()).toEqual(['banwatch/alert-trail', 'banwatch/alerts-not-published', 'banwatch/alerts-published', 'banwatch/feed-failures']);
      const trail = queries.find((q) => q.Properties.Name === 'banwatch/alert-trail')!;
      expect(trail.Properties.LogGroupNames).toHaveLength(4);
      expect(trail.Properties.QueryString).toContain('messageIds');
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
      expect(Object.keys(t.findResources('AWS::Lambda::Function'))).toHaveLength(4);
    });

    it('rejects a malformed context value with its name', () => {
      expect(() => synthStack({ alertEmails: '["not-an-email"]' })).toThrow(/alertEmails/);
      expect(() => synthStack({ countrySubscriptions: '{"Japan":["a@b.co"]}' })).toThrow(/countrySubscriptions/);
      expect(() => synthStack({ digestTimeZone: 'Mars/Olympus' })).toThrow(/digestTimeZone/);
    });
  });
});
