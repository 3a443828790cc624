import { mkdir, mkdtemp, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeedsConfig } from '../../lambdas/config.js';
import { DEMO_FEEDS_DIR, demoFeedsConfig, startDemoServer, type DemoServer } from '../../lambdas/local/demo-server.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Demo</title>
<item><title>Japan to exclude Huawei, ZTE from government procurement</title><guid>a</guid></item>
</channel></rss>
`;
const ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Demo</title><id>urn:demo</id><updated>2026-11-20T00:00:00Z</updated></feed>
`;
const SECRET = 'TOP-SECRET-OUTSIDE-THE-SERVED-FOLDER';
/** A fixed mtime, so Last-Modified is known exactly. */
const MTIME = new Date('2026-11-20T10:00:00Z');

interface Response {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request: the path goes on the wire exactly as written (no normalising, no decompression). */
function get(server: DemoServer, rawPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  const { port } = new URL(server.baseUrl);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: Number(port), path: rawPath, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

let root: string;
let served: string;
let server: DemoServer;

beforeAll(async () => {
  // Prepare: <root>/secret.txt outside the served folder, <root>/feeds served, with a subfolder,
  // a dotfile and a symlink pointing out.
  root = await mkdtemp(path.join(os.tmpdir(), 'banwatch-demo-server-'));
  served = path.join(root, 'feeds');
  await mkdir(path.join(served, 'sub'), { recursive: true });
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  await writeFile(path.join(served, 'news.xml'), RSS);
  await writeFile(path.join(served, 'atom.xml'), ATOM);
  await writeFile(path.join(served, 'sub', 'inner.xml'), SECRET);
  await writeFile(path.join(served, '.hidden.xml'), SECRET);
  await symlink(path.join(root, 'secret.txt'), path.join(served, 'link.xml'));
  for (const f of ['news.xml', 'atom.xml']) await utimes(path.join(served, f), MTIME, MTIME);
  server = await startDemoServer({ dir: served });
});

afterAll(async () => {
  await server.close();
  await rm(root, { recursive: true, force: true });
});

describe('demo-server', () => {
  describe('startDemoServer', () => {
    it('listens on 127.0.0.1 on an ephemeral port', () => {
      expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server.urlFor('news.xml')).toBe(`${server.baseUrl}/news.xml`);
    });

    it('serves a file with a feed content type, a strong ETag and Last-Modified when asked for it', async () => {
      const res = await get(server, '/news.xml');

      expect(res.status).toBe(200);
      expect(res.body.toString('utf8')).toBe(RSS);
      expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(res.headers['last-modified']).toBe(MTIME.toUTCString());
      expect(res.headers['content-encoding']).toBeUndefined();
    });

    it('labels an Atom document application/atom+xml when the root element is <feed>', async () => {
      const res = await get(server, '/atom.xml');

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    });

    it('answers 304 without a body when If-None-Match carries the current ETag', async () => {
      const first = await get(server, '/news.xml');

      const again = await get(server, '/news.xml', { 'If-None-Match': first.headers.etag as string });
      const weak = await get(server, '/news.xml', { 'If-None-Match': `"other", W/${first.headers.etag as string}` });

      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect(weak.status).toBe(304);
    });

    it('answers 200 when If-None-Match carries a stale ETag, even if If-Modified-Since would match', async () => {
      const res = await get(server, '/news.xml', {
        'If-None-Match': '"stale"',
        'If-Modified-Since': new Date(MTIME.getTime() + 3_600_000).toUTCString(),
      });

      expect(res.status).toBe(200);
      expect(res.body.toString('utf8')).toBe(RSS);
    });

    it('answers 304 when If-Modified-Since is at or after the file mtime and 200 when it is before', async () => {
      const same = await get(server, '/news.xml', { 'If-Modified-Since': MTIME.toUTCString() });
      const later = await get(server, '/news.xml', { 'If-Modified-Since': new Date(MTIME.getTime() + 60_000).toUTCString() });
      const earlier = await get(server, '/news.xml', { 'If-Modified-Since': new Date(MTIME.getTime() - 1_000).toUTCString() });
      const garbage = await get(server, '/news.xml', { 'If-Modified-Since': 'yesterday-ish' });

      expect(same.status).toBe(304);
      expect(later.status).toBe(304);
      expect(earlier.status).toBe(200);
      expect(garbage.status).toBe(200);
    });

    it('changes the ETag and Last-Modified when the file changes', async () => {
      const file = path.join(served, 'changing.xml');
      await writeFile(file, RSS);
      await utimes(file, MTIME, MTIME);
      const before = await get(server, '/changing.xml');
      await writeFile(file, RSS.replace('Demo', 'Demo 2'));
      const changed = new Date(MTIME.getTime() + 120_000);
      await utimes(file, changed, changed);

      const after = await get(server, '/changing.xml', {
        'If-None-Match': before.headers.etag as string,
      });
      const bySince = await get(server, '/changing.xml', { 'If-Modified-Since': MTIME.toUTCString() });

      expect(after.status).toBe(200);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect(after.headers['last-modified']).toBe(changed.toUTCString());
      expect(bySince.status).toBe(200);
    });

    it('gzips the body with its own strong ETag when Accept-Encoding asks for gzip', async () => {
      const plain = await get(server, '/news.xml');

      const res = await get(server, '/news.xml', { 'Accept-Encoding': 'br;q=1, gzip;q=0.8' });
      const revalidated = await get(server, '/news.xml', {
        'Accept-Encoding': 'gzip',
        'If-None-Match': res.headers.etag as string,
      });

      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(res.headers.vary).toMatch(/Accept-Encoding/i);
      expect(zlib.gunzipSync(res.body).toString('utf8')).toBe(RSS);
      expect(res.headers.etag).not.toBe(plain.headers.etag);
      expect(revalidated.status).toBe(304);
    });

    it('sends identity when gzip is refused with q=0 or not asked for', async () => {
      const refused = await get(server, '/news.xml', { 'Accept-Encoding': 'gzip;q=0, identity' });

      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.body.toString('utf8')).toBe(RSS);
    });

    it('answers HEAD with the headers and no body', async () => {
      const res = await get(server, '/news.xml', {}, 'HEAD');

      expect(res.status).toBe(200);
      expect(res.body.length).toBe(0);
      expect(res.headers.etag).toBeDefined();
    });

    it('answers 405 to methods other than GET and HEAD', async () => {
      const res = await get(server, '/news.xml', {}, 'POST');

      expect(res.status).toBe(405);
    });

    it('answers 404 when the file does not exist or is a folder', async () => {
      expect((await get(server, '/missing.xml')).status).toBe(404);
      expect((await get(server, '/sub')).status).toBe(404);
      expect((await get(server, '/')).status).toBe(404);
    });

    it.each([
      ['/../secret.txt'],
      ['/%2e%2e/secret.txt'],
      ['/..%2fsecret.txt'],
      ['/..%5csecret.txt'],
      ['/sub/inner.xml'],
      ['/sub%2finner.xml'],
      ['/.hidden.xml'],
      ['/link.xml'],
      ['//etc/passwd'],
      ['/%00news.xml'],
      ['http://127.0.0.1/../secret.txt'],
    ])('refuses %s with 404 when it points outside the files directly in the folder', async (rawPath) => {
      const res = await get(server, rawPath);

      expect(res.status).toBe(404);
      expect(res.body.toString('utf8')).not.toContain(SECRET);
    });

    it('records every request with its path and status', async () => {
      const local = await startDemoServer({ dir: served });
      try {
        await get(local, '/news.xml');
        await get(local, '/nope.xml');

        expect(local.requests).toEqual([
          { path: '/news.xml', status: 200 },
          { path: '/nope.xml', status: 404 },
        ]);
      } finally {
        await local.close();
      }
    });
  });

  describe('demoFeedsConfig', () => {
    it('builds a registry that parseFeedsConfig accepts when given a demo base URL', () => {
      const feeds = demoFeedsConfig('http://127.0.0.1:40123/');

      const parsed = parseFeedsConfig(JSON.stringify({ feeds }), 'demo feeds');

      expect(parsed).toEqual(feeds);
      expect(feeds.every((f) => f.url.startsWith('http://127.0.0.1:40123/') && !f.url.includes('//', 8))).toBe(true);
    });

    it('registers the MIC feed as a Japanese government feed and the news feeds without a country', () => {
      const feeds = demoFeedsConfig('http://127.0.0.1:1');

      const mic = feeds.find((f) => f.url.endsWith('/mic-japan.xml'));

      expect(mic).toMatchObject({ kind: 'government', country: 'JP', language: 'ja' });
      expect(feeds.filter((f) => f.kind === 'news').every((f) => f.country === undefined)).toBe(true);
    });

    it('points at bundled files that the server serves as well-formed feeds', async () => {
      const bundled = await startDemoServer({ dir: DEMO_FEEDS_DIR });
      try {
        for (const feed of demoFeedsConfig(bundled.baseUrl)) {
          const res = await get(bundled, new URL(feed.url).pathname);

          expect(res.status, feed.url).toBe(200);
          expect(res.headers['content-type']).toMatch(/^application\/(rss|atom)\+xml; charset=utf-8$/);
          expect(res.body.toString('utf8')).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>/);
          expect((await stat(path.join(DEMO_FEEDS_DIR, path.basename(feed.url)))).isFile()).toBe(true);
        }
      } finally {
        await bundled.close();
      }
    });
  });
});
