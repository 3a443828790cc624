/**
 * `banwatch report --url` and `banwatch feed --url`: a presigned link to the report page or the
 * Atom feed the deployed digest function writes to its private bucket (lib/digests.ts). Signed
 * locally with the user's own AWS credentials (nothing is sent to AWS but, with --stack, one
 * DescribeStacks to find the bucket); anyone holding the link can read that one object until it
 * expires. The SDK clients are loaded only when a link is asked for: every other command starts
 * without them.
 */
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { S3Client } from '@aws-sdk/client-s3';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { BanwatchError, ConfigError } from '../core/errors.js';

/** The stack output that names the report bucket (lib/banwatch-stack.ts). */
export const BUCKET_OUTPUT = 'ReportBucketName';

/** SigV4 presigned URLs live at most 7 days; a session's credentials may end them sooner. */
export const MAX_EXPIRES_S = 7 * 24 * 3600;

/** "1h", "30m", "7d" → seconds, within what S3 accepts. */
export function parseExpires(value: string): number {
  const m = /^(\d+)\s*(m|h|d)$/.exec(value.trim());
  const s = m ? Number(m[1]) * { m: 60, h: 3600, d: 86400 }[m[2] as 'm' | 'h' | 'd'] : NaN;
  if (!Number.isInteger(s) || s < 60 || s > MAX_EXPIRES_S) throw new InvalidArgumentError('expected a duration from 1m to 7d, such as 30m, 12h or 7d');
  return s;
}

/** --url, --bucket and --expires on `cmd` (report, feed). */
export function addLinkOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--url', 'print a presigned link to what the deployed stack wrote to its report bucket, instead of writing a file'))
    .addOption(new Option('--bucket <name>', 'the report bucket (stack output ReportBucketName); or --stack'))
    .addOption(new Option('--expires <duration>', 'how long the link works').argParser(parseExpires).default(3600, '1h'));
}

export async function resolveReportBucket(opts: { bucket?: string | undefined; stack?: string | undefined }, client?: CloudFormationClient): Promise<string> {
  if (opts.bucket) return opts.bucket;
  if (!opts.stack) throw new ConfigError('CONFIG_USAGE', '--url needs the deployed stack: --stack NAME (or --bucket NAME, the stack output ReportBucketName)');
  const { CloudFormationClient, DescribeStacksCommand } = await import('@aws-sdk/client-cloudformation');
  const cfn = client ?? new CloudFormationClient({});
  let out;
  try {
    out = await cfn.send(new DescribeStacksCommand({ StackName: opts.stack }));
  } catch (err) {
    throw new BanwatchError('REMOTE_STACK', `cannot read stack "${opts.stack}" (${(err as Error).name}: ${(err as Error).message}); check the name, region (AWS_REGION) and credentials, or pass --bucket`, { cause: err });
  }
  const value = out.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === BUCKET_OUTPUT)?.OutputValue;
  if (!value) throw new BanwatchError('REMOTE_STACK', `stack "${opts.stack}" has no ${BUCKET_OUTPUT} output: deploy this version of banwatch (npx cdk deploy), or pass --bucket`);
  return value;
}

/** A GET link to one object of the bucket, signed locally, valid for `expiresIn` seconds. */
export async function presignedLink(bucket: string, key: string, expiresIn: number, client?: S3Client): Promise<string> {
  const [{ GetObjectCommand, S3Client }, { getSignedUrl }] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);
  const s3 = client ?? new S3Client({});
  try {
    await s3.config.region();
  } catch (err) {
    throw new ConfigError('AWS_REGION_MISSING', 'no AWS region: set AWS_REGION (or a profile with a region) to the stack\'s region', { cause: err });
  }
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn });
}

/** What `--url` prints with --json. */
export async function linkTo(opts: { bucket?: string | undefined; stack?: string | undefined; expires: number }, key: string): Promise<{ url: string; bucket: string; key: string; expiresIn: number }> {
  const bucket = await resolveReportBucket(opts);
  return { url: await presignedLink(bucket, key, opts.expires), bucket, key, expiresIn: opts.expires };
}
