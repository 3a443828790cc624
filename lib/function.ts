/**
 * One Lambda function as banwatch deploys them all: Node.js 24 on arm64, bundled locally with
 * esbuild (no Docker), minified ESM with source maps, the AWS SDK bundled, its own log group.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Charset, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../lambdas/handlers/names.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Module replacements in the Lambda bundles (shared with test/infra/bundle.test.ts). */
export const BUNDLE_ALIASES: Record<string, string> = {
  // TextDecoder (full ICU in Lambda) instead of iconv-lite's 490 KB of code tables.
  'iconv-lite': path.join(PROJECT_ROOT, 'lambdas', 'handlers', 'iconv-lite-shim.ts'),
  // xml2js loads xmlbuilder for a Builder we never use (we only parse): 67 KB kept out.
  xmlbuilder: path.join(PROJECT_ROOT, 'lambdas', 'handlers', 'xmlbuilder-stub.ts'),
  // rss-parser's one use of entities (decodeHTML for a contentSnippet we do not read): 29 KB kept out.
  entities: path.join(PROJECT_ROOT, 'lambdas', 'handlers', 'entities-shim.ts'),
};

/** ESM bundles of CommonJS dependencies call require(); this gives them one. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __bwCreateRequire } from 'module';const require = __bwCreateRequire(import.meta.url);";

export interface BanwatchFunctionProps {
  /** Handler file under lambdas/handlers, without extension. */
  handler: 'dispatch' | 'poll' | 'notify' | 'digest';
  description: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  reservedConcurrentExecutions?: number;
  /** Files copied into the bundle: name inside the bundle → source path (the feed registry). */
  bundleFiles?: Record<string, string>;
  removalPolicy: RemovalPolicy;
}

export class BanwatchFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  /** The function's own role: its log group, plus what its construct grants it (nothing on `*`). */
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: BanwatchFunctionProps) {
    super(scope, id);

    // An explicit log group (instead of the logRetention custom resource) keeps the stack free of
    // helper Lambdas and lets the retention be asserted. One month: enough to debug an incident.
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.removalPolicy,
    });

    // Its own role instead of AWSLambdaBasicExecutionRole (logs:* on every log group in the account):
    // it may write to this function's log group and nothing else until a construct grants more.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `banwatch ${props.handler}: own log group plus the grants of its construct`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      role: this.role,
      entry: path.join(PROJECT_ROOT, 'lambdas', 'handlers', `${props.handler}.ts`),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      logGroup: this.logGroup,
      environment: {
        ...props.environment,
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: 'INFO',
      },
      bundling: {
        forceDockerBundling: false,
        minify: true,
        sourceMap: true,
        // Stack traces map to file:line without shipping the sources inside the map (~4x smaller).
        sourcesContent: false,
        target: 'node24',
        format: OutputFormat.ESM,
        // Lexicons in Cyrillic, Greek, Arabic, Hebrew, Thai, Devanagari and CJK: as UTF-8 they take 2-3
        // bytes a character instead of a 6-byte \uXXXX escape each (~120 KB of the poll bundle).
        charset: Charset.UTF8,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // Bundle the SDK: pins the exact client version we test against (the runtime's may differ).
        externalModules: [],
        ...(props.bundleFiles ? { commandHooks: copyIntoBundle(props.bundleFiles) } : {}),
        esbuildArgs: Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([from, to]) => [`--alias:${from}`, to])),
      },
    });
  }
}

/**
 * Copies files into the bundle after esbuild ran: a changed file changes the asset hash, so
 * `cdk deploy` updates the function. node rather than cp: the same command works in any shell.
 */
function copyIntoBundle(files: Record<string, string>) {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (_inputDir: string, outputDir: string) =>
      Object.entries(files).map(
        ([name, from]) => `node -e "require('fs').copyFileSync(process.argv[1], process.argv[2])" "${from}" "${path.join(outputDir, name)}"`,
      ),
  };
}
