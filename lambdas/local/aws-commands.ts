/**
 * CLI commands against a deployed stack: `subscribe`, `unsubscribe`, `subscriptions`.
 * The "all" topic ARN comes from --topic-arn or BANWATCH_TOPIC_ARN (the stack output
 * AllTopicArn; see docs/deploy.md). AWS credentials and region come from the usual AWS
 * environment (profile, env vars, SSO); the region defaults to the topic's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SNSClient } from '@aws-sdk/client-sns';
import { Command, Option } from 'commander';
import { FREQUENCIES, filterOfPolicy, type Frequency } from '../core/digest-key.js';
import { BanwatchError } from '../core/errors.js';
import { describeFilter, matchesFilter, newestFirst } from '../core/event-filter.js';
import { buildFilterPolicy, type FilterPolicy } from '../core/filter-policy.js';
import { resolveCountry } from '../core/names.js';
import { collect, dataOption, defaultDataDir, fail, hasData } from './cli-shared.js';
import { withStore } from './read-commands.js';
import {
  countryTopicArn,
  digestTopicArn,
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
  return describeFilter(filterOfPolicy(policy));
}

function formatSubscription(s: SubscriptionInfo): string {
  const topic = parseTopicArn(s.topicArn).name;
  const state = s.pendingConfirmation ? 'pending confirmation' : s.subscriptionArn;
  const what = s.frequency && s.frequency !== 'immediate' ? `the ${s.frequency} digest of ${describePolicy(s.filterPolicy)}` : describePolicy(s.filterPolicy);
  return `${s.protocol.padEnd(5)} ${s.endpoint}\n      topic ${topic}; receives ${what}\n      ${state}`;
}

/** How many of the newest local events a filter is tried on. */
const PREVIEW_EVENTS = 50;

/**
 * "would have matched N of the last M events": the filter tried on the newest events of this
 * machine's data directory (that of `banwatch run`), when there is one, so a filter that can never
 * match shows before anything is sent.
 */
async function preview(policy: FilterPolicy | null, data: string | undefined): Promise<string | null> {
  const dir = data ?? defaultDataDir();
  if (!hasData(dir)) return null;
  const events = (await withStore(dir, (store) => store.queryEvents({ limit: 100_000 }))).sort(newestFirst).slice(0, PREVIEW_EVENTS);
  if (!events.length) return null;
  const f = filterOfPolicy(policy);
  const n = events.filter((e) => matchesFilter(e, f)).length;
  return `would have matched ${n} of the last ${events.length} events stored in ${dir}`;
}

const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

export function registerAwsCommands(program: Command): void {
  program
    .command('subscribe')
    .description('subscribe an email address, https endpoint or SQS queue to the deployed alert topics')
    .argument('<endpoint>', 'email address, https:// URL, or SQS queue ARN')
    .addOption(new Option('--protocol <protocol>', 'delivery protocol (default: from the endpoint)').choices(['email', 'https', 'sqs']))
    .option('--country <country>', 'only events of this country, by code or name: JP, Japan, UK, EU (repeatable, or comma-separated)', collect)
    .option('--vendor <name>', 'only events about this vendor, any alias, any case: huawei, ByteDance (repeatable)', collect)
    .option('--measure <measure>', 'only this measure, e.g. procurement_exclusion or "device ban" (repeatable)', collect)
    .option('--stage <stage>', 'only this stage: proposed, announced, in_force, lifted, rejected (repeatable)', collect)
    .addOption(new Option('--frequency <when>', 'immediate alerts, or a daily or weekly digest of the same filter').choices([...FREQUENCIES]).default('immediate'))
    .option('--topic-per-country', 'subscribe to each --country topic (<prefix>-country-<cc>) instead of filtering "all"')
    .option('--raw', 'raw message delivery (sqs, https): the JSON payload without the SNS envelope')
    .addOption(topicArnOption())
    .addOption(dataOption())
    .option('--dry-run', 'check the filter and try it on the local events; subscribe nothing')
    .option('--json', 'print the subscriptions as JSON')
    .addHelpText(
      'after',
      '\nThe filter is checked before anything is sent, and tried on the newest events of the local data\ndirectory when there is one ("would have matched N of the last M events").\n\nExamples:\n  $ banwatch subscribe team@example.com\n  $ banwatch subscribe jp-desk@example.com --country japan --vendor huawei --dry-run\n  $ banwatch subscribe jp-desk@example.com --country Japan --vendor huawei --vendor ZTE\n  $ banwatch subscribe analyst@example.com --country EU --frequency weekly\n  $ banwatch subscribe https://hooks.example.com/banwatch --country JP --topic-per-country\n',
    )
    .action(
      async (
        endpoint: string,
        opts: { protocol?: Protocol; country?: string[]; vendor?: string[]; measure?: string[]; stage?: string[]; frequency: Frequency; topicPerCountry?: boolean; raw?: boolean; topicArn?: string; data?: string; dryRun?: boolean; json?: boolean },
      ) => {
        try {
          const filter = { countries: opts.country ?? [], vendors: opts.vendor ?? [], measures: opts.measure ?? [], stages: opts.stage ?? [] };
          // Resolved and checked before anything is sent: "huawei" becomes Huawei, "Jpan" is refused.
          const policy = buildFilterPolicy(filter);
          if (opts.dryRun) {
            // Nothing deployed is needed to see what a filter would catch.
            const matched = await preview(policy, opts.data);
            if (opts.json) printJson({ filterPolicy: policy, filter: describePolicy(policy), frequency: opts.frequency, preview: matched });
            else process.stdout.write(`filter: ${describePolicy(policy)}${opts.frequency === 'immediate' ? '' : `, as a ${opts.frequency} digest`}; ${matched ?? 'no local events to try it on'}\n`);
            return;
          }
          const topicArn = requireTopicArn(opts.topicArn);
          const protocol = opts.protocol ?? inferProtocol(endpoint);
          const result = await subscribe(snsFor(topicArn), {
            topicArn,
            protocol,
            endpoint,
            filter,
            frequency: opts.frequency,
            ...(opts.topicPerCountry ? { topicPerCountry: { prefix: prefixOf(topicArn), countries: filter.countries } } : {}),
            ...(opts.raw ? { raw: true } : {}),
          });
          const matched = await preview(policy, opts.data).catch(() => null);
          if (opts.json) printJson(result.map((r) => ({ ...r, ...(matched ? { preview: matched } : {}) })));
          else {
            process.stdout.write(`${result.map(formatSubscription).join('\n')}\n`);
            process.stdout.write(`\nfilter: ${describePolicy(policy)}${matched ? `; ${matched}` : ''}\n`);
            if (result.some((r) => r.pendingConfirmation)) {
              process.stdout.write(`${endpoint} must confirm: SNS sent a confirmation ${protocol === 'email' ? 'email' : 'request'}.\n`);
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
    .addHelpText('after', '\nExamples:\n  $ banwatch subscriptions            (lists the ARNs)\n  $ banwatch unsubscribe arn:aws:sns:us-east-1:123456789012:banwatch-all:0f6c…\n')
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
    .addOption(new Option('--frequency <when>', 'list the daily or weekly digest topic instead').choices(['daily', 'weekly']))
    .addOption(topicArnOption())
    .option('--json', 'print a JSON array')
    .addHelpText('after', '\nExamples:\n  $ banwatch subscriptions\n  $ banwatch subscriptions --country JP\n  $ banwatch subscriptions --frequency weekly --json\n')
    .action(async (opts: { country?: string; frequency?: 'daily' | 'weekly'; topicArn?: string; json?: boolean }) => {
      try {
        const allArn = requireTopicArn(opts.topicArn);
        const topicArn = opts.frequency ? digestTopicArn(allArn, opts.frequency) : opts.country ? countryTopicArn(allArn, prefixOf(allArn), resolveCountry(opts.country)) : allArn;
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
