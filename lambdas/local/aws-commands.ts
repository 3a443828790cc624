/**
 * CLI commands against a deployed stack: `subscribe`, `unsubscribe`, `subscriptions`.
 * The "all" topic ARN comes from --topic-arn or BANWATCH_TOPIC_ARN (the stack output
 * AllTopicArn; see docs/deploy.md). AWS credentials and region come from the usual AWS
 * environment (profile, env vars, SSO); the region defaults to the topic's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SNSClient } from '@aws-sdk/client-sns';
import { Command, Option } from 'commander';
import { BanwatchError } from '../core/errors.js';
import type { FilterPolicy } from '../core/filter-policy.js';
import {
  countryTopicArn,
  inferProtocol,
  listSubscriptions,
  parseTopicArn,
  prefixOf,
  subscribe,
  unsubscribe,
  type Protocol,
  type SubscriptionInfo,
} from './subscriptions.js';
import { exportSubscriptions, importSubscriptions, parseBackup } from './subscription-backup.js';

export const TOPIC_ARN_ENV = 'BANWATCH_TOPIC_ARN';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function topicArnOption(): Option {
  return new Option('--topic-arn <arn>', 'the stack\'s "all" topic (stack output AllTopicArn)').env(TOPIC_ARN_ENV);
}

function requireTopicArn(arn: string | undefined): string {
  if (!arn) {
    throw new BanwatchError(
      'TOPIC_ARN_MISSING',
      `no topic: pass --topic-arn or set ${TOPIC_ARN_ENV} (stack output AllTopicArn: aws cloudformation describe-stacks --stack-name Banwatch --query "Stacks[0].Outputs[?OutputKey=='AllTopicArn'].OutputValue" --output text)`,
    );
  }
  parseTopicArn(arn);
  return arn;
}

function snsFor(topicArn: string): SNSClient {
  return new SNSClient({ region: process.env.AWS_REGION ?? parseTopicArn(topicArn).region });
}

function describePolicy(policy: FilterPolicy | null): string {
  if (!policy) return 'everything';
  return Object.entries(policy)
    .map(([k, v]) => `${k} in [${v.join(', ')}]`)
    .join(' and ');
}

function formatSubscription(s: SubscriptionInfo): string {
  const topic = parseTopicArn(s.topicArn).name;
  const state = s.pendingConfirmation ? 'pending confirmation' : s.subscriptionArn;
  return `${s.protocol.padEnd(5)} ${s.endpoint}\n      topic ${topic}; receives ${describePolicy(s.filterPolicy)}\n      ${state}`;
}

function fail(err: unknown): void {
  const e = err as { name?: string; code?: string; message?: string };
  const code = err instanceof BanwatchError ? err.code : (e.name ?? 'ERROR');
  process.stderr.write(`banwatch: ${code}: ${e.message ?? String(err)}\n`);
  process.exitCode = 1;
}

const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

export function registerAwsCommands(program: Command): void {
  program
    .command('subscribe')
    .description('subscribe an email address, https endpoint or SQS queue to the deployed alert topics')
    .argument('<endpoint>', 'email address, https:// URL, or SQS queue ARN')
    .addOption(new Option('--protocol <protocol>', 'delivery protocol (default: from the endpoint)').choices(['email', 'https', 'sqs']))
    .option('--country <cc>', 'only events in this country (repeatable, or comma-separated)', collect)
    .option('--vendor <name>', 'only events about this vendor, canonical name e.g. Huawei (repeatable)', collect)
    .option('--measure <measure>', 'only this measure, e.g. procurement_exclusion (repeatable)', collect)
    .option('--stage <stage>', 'only this stage: proposed, announced, in_force, lifted, rejected (repeatable)', collect)
    .option('--topic-per-country', 'subscribe to each --country topic (<prefix>-country-<cc>) instead of filtering "all"')
    .option('--raw', 'raw message delivery (sqs, https): the JSON payload without the SNS envelope')
    .addOption(topicArnOption())
    .option('--json', 'print the subscriptions as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  banwatch subscribe team@example.com\n  banwatch subscribe jp-desk@example.com --country JP --vendor Huawei --vendor ZTE\n  banwatch subscribe https://hooks.example.com/banwatch --country JP --topic-per-country\n',
    )
    .action(
      async (
        endpoint: string,
        opts: { protocol?: Protocol; country?: string[]; vendor?: string[]; measure?: string[]; stage?: string[]; topicPerCountry?: boolean; raw?: boolean; topicArn?: string; json?: boolean },
      ) => {
        try {
          const topicArn = requireTopicArn(opts.topicArn);
          const protocol = opts.protocol ?? inferProtocol(endpoint);
          const filter = { countries: opts.country ?? [], vendors: opts.vendor ?? [], measures: opts.measure ?? [], stages: opts.stage ?? [] };
          const result = await subscribe(snsFor(topicArn), {
            topicArn,
            protocol,
            endpoint,
            filter,
            ...(opts.topicPerCountry ? { topicPerCountry: { prefix: prefixOf(topicArn), countries: filter.countries } } : {}),
            ...(opts.raw ? { raw: true } : {}),
          });
          if (opts.json) printJson(result);
          else {
            process.stdout.write(`${result.map(formatSubscription).join('\n')}\n`);
            if (result.some((r) => r.pendingConfirmation)) {
              process.stdout.write(`\n${endpoint} must confirm: SNS sent a confirmation ${protocol === 'email' ? 'email' : 'request'}.\n`);
            }
          }
        } catch (err) {
          fail(err);
        }
      },
    );

  program
    .command('unsubscribe')
    .description('remove a subscription (its ARN is listed by `banwatch subscriptions`)')
    .argument('<subscription-arn>')
    .addOption(topicArnOption())
    .option('--json', 'print the result as JSON')
    .action(async (subscriptionArn: string, opts: { topicArn?: string; json?: boolean }) => {
      try {
        const region = /^arn:aws[a-z-]*:sns:([a-z0-9-]+):/.exec(subscriptionArn)?.[1];
        const sns = new SNSClient({ region: process.env.AWS_REGION ?? region ?? (opts.topicArn ? parseTopicArn(opts.topicArn).region : undefined) });
        await unsubscribe(sns, subscriptionArn);
        if (opts.json) printJson({ unsubscribed: subscriptionArn });
        else process.stdout.write(`unsubscribed ${subscriptionArn}\n`);
      } catch (err) {
        fail(err);
      }
    });

  const subscriptionsCommand = program
    .command('subscriptions')
    .description('list the subscriptions of the "all" topic (or of one country topic) and their filters')
    .option('--country <cc>', 'list the topic of this country (<prefix>-country-<cc>) instead')
    .addOption(topicArnOption())
    .option('--json', 'print a JSON array')
    .action(async (opts: { country?: string; topicArn?: string; json?: boolean }) => {
      try {
        const allArn = requireTopicArn(opts.topicArn);
        const topicArn = opts.country ? countryTopicArn(allArn, prefixOf(allArn), opts.country) : allArn;
        const subs = await listSubscriptions(snsFor(allArn), topicArn);
        if (opts.json) printJson(subs);
        else if (subs.length === 0) process.stdout.write(`no subscriptions on ${parseTopicArn(topicArn).name}\n`);
        else process.stdout.write(`${subs.map(formatSubscription).join('\n')}\n`);
      } catch (err) {
        fail(err);
      }
    });

  registerSubscriptionBackup(subscriptionsCommand);
}

/** `subscriptions export [FILE]` and `subscriptions import FILE`: back up and restore subscribers. */
function registerSubscriptionBackup(subscriptionsCommand: Command): void {
  subscriptionsCommand
    .command('export')
    .description('write every subscription of the stack\'s alert topics, with its filter policy, as JSON (stdout or FILE)')
    .argument('[file]', 'output file (default: stdout)')
    .addOption(topicArnOption())
    .action(async (file: string | undefined, opts: { topicArn?: string }) => {
      try {
        const allArn = requireTopicArn(opts.topicArn);
        const backup = await exportSubscriptions(snsFor(allArn), allArn);
        const text = `${JSON.stringify(backup, null, 2)}\n`;
        if (file) {
          writeFileSync(file, text);
          const n = Object.values(backup.topics).reduce((k, subs) => k + subs.length, 0);
          process.stderr.write(`exported ${n} subscriptions of ${Object.keys(backup.topics).length} topics to ${file}\n`);
        } else process.stdout.write(text);
      } catch (err) {
        fail(err);
      }
    });
  subscriptionsCommand
    .command('import')
    .description('re-create the subscriptions of an export on this stack (idempotent; email and https endpoints confirm again)')
    .argument('<file>', 'a file written by `banwatch subscriptions export`')
    .addOption(topicArnOption())
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { topicArn?: string; json?: boolean }) => {
      try {
        const allArn = requireTopicArn(opts.topicArn);
        const result = await importSubscriptions(snsFor(allArn), allArn, parseBackup(readFileSync(file, 'utf8'), file));
        if (opts.json) printJson(result);
        else {
          for (const c of result.created) process.stdout.write(`subscribed ${c.protocol} ${c.endpoint} to ${c.topic}${c.pendingConfirmation ? ' (must confirm)' : ''}\n`);
          process.stdout.write(`${result.created.length} created, ${result.existing} already there\n`);
          for (const t of result.missingTopics) process.stdout.write(`missing topic ${t}: add its country to the countries context and deploy, then import again\n`);
        }
        if (result.missingTopics.length) process.exitCode = 1;
      } catch (err) {
        fail(err);
      }
    });
}
