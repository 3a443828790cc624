/**
 * The Lambda bundles, built with esbuild exactly as lib/function.ts asks NodejsFunction to (ESM,
 * minified, createRequire banner, SDK bundled, iconv-lite aliased to the TextDecoder shim): they
 * load, export a handler, stay within the size budget, and the shim decodes like iconv-lite.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESM_REQUIRE_BANNER, PROJECT_ROOT } from '../../lib/function.js';
import * as shim from '../../lambdas/handlers/iconv-lite-shim.js';

/** The poll bundle must stay "well under 1 MB" (cold start; it was 1.7 MB before the shim). */
const POLL_BUDGET_BYTES = 1_000_000;

let outdir: string;
const sizes: Record<string, number> = {};

beforeAll(async () => {
  outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'banwatch-bundle-'));
  const entries: Array<[string, string]> = [
    ['dispatch', 'lambdas/handlers/dispatch.ts'],
    ['poll', 'lambdas/handlers/poll.ts'],
    ['notify', 'lambdas/handlers/notify.ts'],
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
      alias: { 'iconv-lite': path.join(PROJECT_ROOT, 'lambdas', 'handlers', 'iconv-lite-shim.ts') },
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
  it.each(['dispatch', 'poll', 'notify'])('%s loads as ESM and exports a handler (no work at import)', async (handler) => {
    const mod = await import(pathToFileURL(path.join(outdir, handler, 'index.mjs')).href);
    expect(typeof mod.handler).toBe('function');
  });

  it('keeps the poll bundle under its size budget', () => {
    // Over budget? esbuild --metafile shows what grew (the classifier lexicons are the largest part).
    expect(sizes.poll).toBeLessThan(POLL_BUDGET_BYTES);
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
    expect(code.length).toBe(sizes.poll);
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
