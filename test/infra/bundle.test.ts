/**
 * The Lambda bundles, built with esbuild exactly as lib/function.ts asks NodejsFunction to (ESM,
 * minified, UTF-8 output, createRequire banner, SDK bundled, iconv-lite aliased to the TextDecoder shim): they
 * load, export a handler, stay within the size budget, and the shim decodes like iconv-lite.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import iconv from 'iconv-lite';
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable, startLocalDynamo } from '../../lambdas/local/dynalite.js';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import type { PolicyEvent } from '../../lambdas/core/model.js';
import { BUNDLE_ALIASES, ESM_REQUIRE_BANNER, PROJECT_ROOT } from '../../lib/function.js';
import * as shim from '../../lambdas/handlers/iconv-lite-shim.js';

/**
 * The poll bundle must stay under 1 MB (cold start; it was 1.7 MB before the shim). The lexicons ship
 * packed (rules/langs.packed.ts), which keeps ~160 kB of headroom for rules and event enrichment.
 */
const POLL_BUDGET_BYTES = 1_000_000;

let outdir: string;
const sizes: Record<string, number> = {};

beforeAll(async () => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'banwatch-bundle-'));
  const entries: Array<[string, string]> = [
    ['dispatch', 'lambdas/handlers/dispatch.ts'],
    ['poll', 'lambdas/handlers/poll.ts'],
    ['notify', 'lambdas/handlers/notify.ts'],
    ['digest', 'lambdas/handlers/digest.ts'],
    // The fetcher alone, to compare its decoding with the shim against the real iconv-lite.
    ['fetcher', 'lambdas/adapters/http-fetcher.ts'],
  ];
  for (const [handler, entry] of entries) {
    const outfile = path.join(outdir, handler, 'index.mjs');
    await build({
      entryPoints: [path.join(PROJECT_ROOT, entry)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      minify: true,
      mainFields: ['module', 'main'],
      banner: { js: ESM_REQUIRE_BANNER },
      alias: BUNDLE_ALIASES,
      charset: 'utf8',
      outfile,
      logLevel: 'silent',
    });
    sizes[handler] = fs.statSync(outfile).size;
  }
}, 60_000);

afterAll(() => {
  if (outdir) fs.rmSync(outdir, { recursive: true, force: true });
});

describe('Lambda bundles', () => {
  it.each(['dispatch', 'poll', 'notify', 'digest'])('%s loads as ESM and exports a handler (no work at import)', async (handler) => {
    const mod = await import(pathToFileURL(path.join(outdir, handler, 'index.mjs')).href);
    expect(typeof mod.handler).toBe('function');
  });

  it('keeps the poll bundle under its size budget', () => {
    // Over budget? esbuild --metafile shows what grew (the classifier lexicons are the largest part).
    expect(sizes.poll, `poll bundle ${sizes.poll} bytes`).toBeLessThan(POLL_BUDGET_BYTES);
  });

  it('decodes feed bodies in the bundle exactly as the unbundled fetcher does', async () => {
    const bundled = await import(pathToFileURL(path.join(outdir, 'fetcher', 'index.mjs')).href);
    const original = await import('../../lambdas/adapters/http-fetcher.js');
    const cases: Array<[Buffer, string | null]> = [
      [iconv.encode('<?xml version="1.0"?><rss><title>総務省 ファーウェイ</title></rss>', 'shift_jis'), 'application/rss+xml; charset=Shift_JIS'],
      [iconv.encode('<?xml version="1.0" encoding="EUC-JP"?><rss><title>政府調達</title></rss>', 'euc-jp'), 'text/xml'],
      [iconv.encode('<?xml version="1.0" encoding="GB2312"?><rss><title>华为</title></rss>', 'gbk'), null],
      [iconv.encode('<rss><title>Déclaration — ANSSI</title></rss>', 'windows-1252'), 'text/xml; charset=windows-1252'],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>✓</rss>')]), 'text/xml; charset=iso-8859-1'],
      [Buffer.from('<rss>plain</rss>'), 'text/xml; charset=x-unknown'],
    ];
    for (const [body, contentType] of cases) {
      expect(bundled.decodeFeedBody(body, contentType)).toBe(original.decodeFeedBody(body, contentType));
    }
  });

  it('leaves iconv-lite\'s code tables out', () => {
    const code = fs.readFileSync(path.join(outdir, 'poll', 'index.mjs'), 'utf8');
    expect(code).not.toContain('iconv-lite');
  });

  it('leaves the entities package\'s HTML5 entity map out, and parses an Atom feed with the shim in place', async () => {
    const code = fs.readFileSync(path.join(outdir, 'poll', 'index.mjs'), 'utf8');
    // A name only the full HTML5 map has.
    expect(code).not.toContain('CounterClockwiseContourIntegral');
    const shim = await import(path.join(PROJECT_ROOT, 'lambdas', 'handlers', 'entities-shim.ts'));
    expect(shim.decodeHTML('Huawei &amp; ZTE &#8211; &eacute;t&eacute; &#x4E2D;')).toBe('Huawei & ZTE \u2013 été 中');
  });
});

/** A stand-in for SQS's JSON protocol: answers SendMessageBatch (with the MD5s the SDK checks). */
async function fakeSqs(): Promise<{ url: string; sent: Array<Record<string, string>>; close(): Promise<void> }> {
  const sent: Array<Record<string, string>> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const input = JSON.parse(body) as { Entries: Array<Record<string, string>> };
      sent.push(...input.Entries);
      const Successful = input.Entries.map((e) => ({
        Id: e.Id,
        MessageId: `m-${e.Id}`,
        MD5OfMessageBody: createHash('md5').update(e.MessageBody!).digest('hex'),
      }));
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify({ Successful, Failed: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, sent, close: () => new Promise((r) => server.close(() => r())) };
}

/** A stand-in for SNS's query protocol: answers CreateTopic and PublishBatch (all entries succeed). */
async function fakeSns(): Promise<{ url: string; requests: URLSearchParams[]; close(): Promise<void> }> {
  const requests: URLSearchParams[] = [];
  const xml = (action: string, result: string) =>
    `<${action}Response xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><${action}Result>${result}</${action}Result>` +
    `<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${action}Response>`;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const params = new URLSearchParams(body);
      requests.push(params);
      let out: string;
      if (params.get('Action') === 'CreateTopic') {
        out = xml('CreateTopic', `<TopicArn>arn:aws:sns:us-east-1:123456789012:${params.get('Name')}</TopicArn>`);
      } else {
        const ids = [...params.entries()].filter(([k]) => /^PublishBatchRequestEntries\.member\.\d+\.Id$/.test(k)).map(([, v]) => v);
        out = xml('PublishBatch', `<Successful>${ids.map((id) => `<member><Id>${id}</Id><MessageId>m-${id}</MessageId></member>`).join('')}</Successful><Failed/>`);
      }
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end(out);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}

/** Runs fn with extra environment variables, stdout and stderr captured (Powertools' JSON lines). */
async function withEnvAndStdout<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<{ result: T; lines: string[] }> {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((s) => s.write.bind(s));
  for (const s of streams) {
    s.write = ((chunk: string | Uint8Array) => {
      chunks.push(String(chunk));
      return true;
    }) as typeof s.write;
  }
  try {
    const result = await fn();
    return { result, lines: chunks.join('').split('\n').filter((l) => l.startsWith('{')) };
  } finally {
    streams.forEach((s, i) => (s.write = writes[i]!));
    process.env = saved;
  }
}

describe('bundled handlers, run as Lambda would (env only, SDK endpoints pointed at local stand-ins)', () => {
  it('dispatch reads its registry, feed states in DynamoDB, enqueues on SQS and emits the alarm metric', async () => {
    const local = await startLocalDynamo({});
    const sqs = await fakeSqs();
    try {
      await ensureTable(local.client, 'bundle-dispatch');
      const { handler } = await import(pathToFileURL(path.join(outdir, 'dispatch', 'index.mjs')).href);
      const { result, lines } = await withEnvAndStdout(
        {
          TABLE_NAME: 'bundle-dispatch',
          FEED_QUEUE_URL: `${sqs.url}/123456789012/feeds.fifo`,
          FEEDS_FILE: path.join(PROJECT_ROOT, 'config', 'feeds.json'),
          AWS_ENDPOINT_URL_DYNAMODB: local.endpoint,
          AWS_ENDPOINT_URL_SQS: sqs.url,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
          POWERTOOLS_SERVICE_NAME: 'banwatch',
          POWERTOOLS_METRICS_NAMESPACE: 'Banwatch',
        },
        () => handler({ source: 'banwatch.dispatch', scheduledTime: '2026-11-29T04:15:00Z' }, { awsRequestId: 'r1', functionName: 'dispatch' }),
      );
      const registry = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'config', 'feeds.json'), 'utf8')).feeds;
      // Nothing polled yet: every feed is stale (never polled counts).
      expect(result).toMatchObject({ feeds: registry.length, due: registry.length, enqueued: registry.length, stale: registry.length });
      expect(sqs.sent.map((e) => e.MessageGroupId).sort()).toEqual(registry.map((f: { id: string }) => f.id).sort());
      for (const e of sqs.sent) expect(JSON.parse(e.MessageBody!)).toEqual({ feedId: e.MessageGroupId });
      const emf = lines.map((l) => JSON.parse(l)).find((l) => l._aws);
      expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'Banwatch', Dimensions: [['service']] });
      expect(emf).toMatchObject({ service: 'banwatch', CycleHeartbeat: 1, FeedsStale: registry.length, FeedsDispatched: registry.length });
    } finally {
      await sqs.close();
      await local.close();
    }
  });

  it('poll fails only the poisoned message, records a blocked private address as a feed outcome', async () => {
    const local = await startLocalDynamo({});
    try {
      await ensureTable(local.client, 'bundle-poll');
      const { handler } = await import(pathToFileURL(path.join(outdir, 'poll', 'index.mjs')).href);
      const record = (messageId: string, body: string) => ({ messageId, body, attributes: {}, messageAttributes: {} });
      const feed = { id: 'metadata-endpoint', url: 'http://169.254.169.254/latest/meta-data/', kind: 'news' };
      const registry = path.join(outdir, 'poll-feeds.json');
      fs.writeFileSync(registry, JSON.stringify({ feeds: [feed] }));
      const { result, lines } = await withEnvAndStdout(
        {
          TABLE_NAME: 'bundle-poll',
          FETCH_TIMEOUT_MS: '5000',
          MAX_ALERT_AGE_DAYS: '14',
          ALERT_BACKLOG: 'false',
          FEEDS_FILE: registry,
          AWS_ENDPOINT_URL_DYNAMODB: local.endpoint,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
        },
        () => handler({ Records: [record('ok', JSON.stringify({ feedId: feed.id })), record('bad', '{"feedId":')] }, { awsRequestId: 'r2', functionName: 'poll' }),
      );
      expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'bad' }] });
      // No allow-list in AWS: the instance metadata endpoint is never fetched.
      const state = (await new DynamoStore(local.doc, 'bundle-poll').getFeedStates(['metadata-endpoint'])).get('metadata-endpoint');
      expect(state).toMatchObject({ failures: 1, lastStatus: 'error' });
      const logs = lines.map((l) => JSON.parse(l));
      expect(logs.find((l) => l.message === 'poisoned feed message')).toMatchObject({ level: 'ERROR', function_request_id: 'r2', messageId: 'bad' });
    } finally {
      await local.close();
    }
  });
});

describe('bundled notify, run as Lambda would', () => {
  it('sweeps a pending event to the "all" and country topics over the SNS wire protocol, then marks it sent', async () => {
    const local = await startLocalDynamo({});
    const sns = await fakeSns();
    try {
      await ensureTable(local.client, 'bundle-notify');
      const store = new DynamoStore(local.doc, 'bundle-notify');
      const event: PolicyEvent = {
        eventId: 'evt-1', clusterKey: 'JP|Huawei,ZTE|procurement_exclusion', seq: 0, countries: ['JP'], vendors: ['Huawei', 'ZTE'],
        measure: 'procurement_exclusion', stage: 'announced', title: 'Japan excludes Huawei and ZTE from public procurement',
        sources: [{ itemKey: 'i1', title: 'Japan excludes Huawei', link: 'https://example.com/a', feedId: 'f', published: null }],
        evidence: ['excludes Huawei and ZTE'], confidence: 0.9, firstSeen: '2026-11-28T00:00:00Z', lastSeen: '2026-11-28T00:00:00Z',
        alertState: 'PENDING', alertedStages: [], version: 1,
      };
      expect(await store.saveEvent(event, 0)).toBe(true);
      const { handler } = await import(pathToFileURL(path.join(outdir, 'notify', 'index.mjs')).href);

      const { result, lines } = await withEnvAndStdout(
        {
          TABLE_NAME: 'bundle-notify',
          ALL_TOPIC_ARN: 'arn:aws:sns:us-east-1:123456789012:banwatch-all',
          TOPIC_PREFIX: 'banwatch',
          COUNTRY_TOPICS: 'JP,DE',
          AWS_ENDPOINT_URL_DYNAMODB: local.endpoint,
          AWS_ENDPOINT_URL_SNS: sns.url,
          AWS_REGION: 'us-east-1',
          AWS_ACCESS_KEY_ID: 'test',
          AWS_SECRET_ACCESS_KEY: 'test',
        },
        () => handler({ source: 'banwatch.sweep' }, { awsRequestId: 'r3', functionName: 'notify' }),
      );

      expect(result).toEqual({ trigger: 'sweep', published: 1, failed: 0, failedPermanently: 0 });
      // Topics are the stack's: notify never creates one.
      expect(sns.requests.filter((r) => r.get('Action') === 'CreateTopic')).toEqual([]);
      const batches = sns.requests.filter((r) => r.get('Action') === 'PublishBatch');
      expect(batches.map((b) => b.get('TopicArn')).sort()).toEqual([
        'arn:aws:sns:us-east-1:123456789012:banwatch-all',
        'arn:aws:sns:us-east-1:123456789012:banwatch-country-jp',
      ]);
      const entry = (b: URLSearchParams, k: string) => b.get(`PublishBatchRequestEntries.member.1.${k}`);
      const attrs = new Map<string, string>();
      for (let i = 1; entry(batches[0]!, `MessageAttributes.entry.${i}.Name`); i++) {
        attrs.set(entry(batches[0]!, `MessageAttributes.entry.${i}.Name`)!, `${entry(batches[0]!, `MessageAttributes.entry.${i}.Value.DataType`)}=${entry(batches[0]!, `MessageAttributes.entry.${i}.Value.StringValue`)}`);
      }
      expect(attrs.get('countries')).toBe('String.Array=["JP"]');
      expect(attrs.get('vendors')).toBe('String.Array=["Huawei","ZTE"]');
      expect(entry(batches[0]!, 'MessageStructure')).toBe('json');
      expect(Object.keys(JSON.parse(entry(batches[0]!, 'Message')!)).sort()).toEqual(['default', 'email']);
      const stored = await store.getEvent('evt-1');
      expect(stored?.alertState).toBe('SENT');
      // The trail: the event and the INFO log both carry the alert's topics and SNS MessageIds.
      expect(stored?.alerts?.[0]).toMatchObject({ alertId: 'evt-1-announced', messageIds: ['m-evt-1-announced-0', 'm-evt-1-announced-0'] });
      const published = lines.map((l) => JSON.parse(l)).find((l) => l.message === 'alert published');
      expect(published).toMatchObject({ level: 'INFO', alertId: 'evt-1-announced', eventId: 'evt-1', messageIds: ['m-evt-1-announced-0', 'm-evt-1-announced-0'] });
      expect((await store.deliveryRecords(['evt-1-announced'])).get('evt-1-announced')).toMatchObject({ state: 'SENT', attempts: 1 });
    } finally {
      await sns.close();
      await local.close();
    }
  });
});

describe('iconv-lite shim', () => {
  const samples: Array<[string, string]> = [
    ['shift_jis', '総務省は政府調達からファーウェイとZTEを除外'],
    ['euc-jp', '政府調達から除外する方針'],
    ['gbk', '华为和中兴被排除在政府采购之外'],
    ['gb18030', '华为 中兴 禁令'],
    ['big5', '華為與中興被排除'],
    ['euc-kr', '하이크비전 다후아 CCTV 경고'],
    ['windows-1251', 'Касперский запрещён'],
    ['koi8-r', 'Касперский'],
    ['iso-8859-2', 'Zákaz Huawei v sítích 5G'],
    ['windows-1252', 'Exclusión de Huawei — «5G» €'],
    ['iso-8859-1', 'Exclusión de Huawei «5G»'],
    ['latin1', 'Déclaration'],
    ['utf-16le', 'Huawei ban'],
    ['utf-16be', 'Huawei ban'],
    ['utf-8', 'Huawei 禁止 ✓'],
  ];

  it.each(samples)('decodes %s like iconv-lite', (encoding, text) => {
    const bytes = iconv.encode(text, encoding);
    expect(shim.encodingExists(encoding)).toBe(true);
    expect(shim.decode(bytes, encoding, { stripBOM: true })).toBe(iconv.decode(bytes, encoding, { stripBOM: true }));
  });

  it('strips a UTF-8 BOM like iconv-lite', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('feed')]);
    expect(shim.decode(bytes, 'utf-8', { stripBOM: true })).toBe('feed');
  });

  it('says an unknown label does not exist (the fetcher then falls back to UTF-8)', () => {
    expect(shim.encodingExists('x-no-such-charset')).toBe(false);
  });

  it('covers everything the fetcher uses of iconv-lite', () => {
    const source = fs.readFileSync(path.join(PROJECT_ROOT, 'lambdas', 'adapters', 'http-fetcher.ts'), 'utf8');
    const used = new Set([...source.matchAll(/\biconv\.(\w+)/g)].map((m) => m[1]));
    for (const name of used) expect(typeof (shim as Record<string, unknown>)[name!], `shim.${name}`).toBe('function');
    const other = [...source.matchAll(/from ['"]iconv-lite\/?[^'"]*['"]/g)].map((m) => m[0]);
    expect(other).toEqual(["from 'iconv-lite'"]);
  });
});
