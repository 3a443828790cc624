import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FeedFetchError, FeedParseError } from '../../lambdas/core/errors.js';
import { parseFeed } from '../../lambdas/core/feed/parse.js';
import { decodeFeedBody, HttpFeedFetcher, parseRetryAfter } from '../../lambdas/adapters/http-fetcher.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A loopback server whose behaviour each test sets through `routes`. */
const routes = new Map<string, Handler>();
const sockets = new Set<Socket>();
const seen: Array<{ url: string; headers: http.IncomingHttpHeaders }> = [];
let server: http.Server;
let base: string;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const handler = routes.get((req.url ?? '').split('?')[0] ?? '');
    if (handler) handler(req, res);
    else res.writeHead(404).end('not found');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  routes.clear();
  seen.length = 0;
});

const RSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test</title>
<item><title>Japan excludes Huawei</title><link>https://example.com/a</link><guid>a</guid></item>
</channel></rss>`;

/** Fetcher with loopback opened and short limits so hostile cases finish in well under a second. */
function fetcher(overrides: ConstructorParameters<typeof HttpFeedFetcher>[0] = {}): HttpFeedFetcher {
  return new HttpFeedFetcher({ allowHosts: ['127.0.0.1'], timeoutMs: 300, connectTimeoutMs: 300, ...overrides });
}

async function fetchError(promise: Promise<unknown>): Promise<FeedFetchError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(FeedFetchError);
    return err as FeedFetchError;
  }
  throw new Error('expected the fetch to fail');
}

function serve(path: string, body: Buffer | string, headers: http.OutgoingHttpHeaders = {}, status = 200): void {
  routes.set(path, (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/rss+xml; charset=utf-8', ...headers });
    res.end(body);
  });
}

describe('adapters/http-fetcher', () => {
  describe('HttpFeedFetcher.fetch', () => {
    describe('success and protocol', () => {
      it('returns the decoded body, validators and final URL when the server answers 200', async () => {
        // Prepare
        serve('/feed', RSS, { ETag: '"v1"', 'Last-Modified': 'Mon, 01 Jan 2024 00:00:00 GMT' });
        // Act
        const result = await fetcher().fetch({ url: `${base}/feed` });
        // Assess
        expect(result).toEqual({
          status: 'ok',
          httpStatus: 200,
          body: RSS,
          finalUrl: `${base}/feed`,
          contentType: 'application/rss+xml; charset=utf-8',
          etag: '"v1"',
          lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
        });
      });

      it('sends Accept, Accept-Encoding and the banwatch User-Agent', async () => {
        // Prepare
        serve('/feed', RSS);
        // Act
        await fetcher().fetch({ url: `${base}/feed` });
        // Assess
        const headers = seen[0]!.headers;
        expect(headers['accept']).toContain('application/rss+xml');
        expect(headers['accept']).toContain('application/atom+xml');
        expect(headers['accept-encoding']).toBe('gzip, deflate, br');
        expect(headers['user-agent']).toBe('banwatch/0.1 (+https://github.com/banwatch/banwatch)');
      });

      it('returns not_modified when the server answers 304 to If-None-Match / If-Modified-Since', async () => {
        // Prepare
        routes.set('/feed', (req, res) => {
          const fresh =
            req.headers['if-none-match'] === '"v1"' && req.headers['if-modified-since'] === 'Mon, 01 Jan 2024 00:00:00 GMT';
          res.writeHead(fresh ? 304 : 200).end(fresh ? undefined : RSS);
        });
        // Act
        const result = await fetcher().fetch({
          url: `${base}/feed`,
          etag: '"v1"',
          lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT',
        });
        // Assess
        expect(result).toEqual({ status: 'not_modified', httpStatus: 304, finalUrl: `${base}/feed` });
      });

      it('sends no conditional headers when the request has no validators', async () => {
        // Prepare
        serve('/feed', RSS);
        // Act
        await fetcher().fetch({ url: `${base}/feed`, etag: null, lastModified: null });
        // Assess
        expect(seen[0]!.headers['if-none-match']).toBeUndefined();
        expect(seen[0]!.headers['if-modified-since']).toBeUndefined();
      });

      it('returns the body as text even when it is HTML rather than a feed (parsing decides)', async () => {
        // Prepare
        serve('/page', '<!DOCTYPE html><html><body>Hello</body></html>', { 'Content-Type': 'text/html' });
        // Act
        const result = await fetcher().fetch({ url: `${base}/page` });
        // Assess
        expect(result.status === 'ok' && result.body).toContain('<html>');
      });

      it('returns malformed XML as text (the fetcher does not judge XML)', async () => {
        // Prepare
        serve('/broken', '<rss version="2.0"><channel><title>Broken');
        // Act
        const result = await fetcher().fetch({ url: `${base}/broken` });
        // Assess
        expect(result.status === 'ok' && result.body).toBe('<rss version="2.0"><channel><title>Broken');
      });
    });

    describe('HTTP errors', () => {
      it.each([400, 403, 404, 410, 500, 502])('throws FETCH_HTTP_STATUS with httpStatus when the server answers %i', async (status) => {
        // Prepare
        serve('/err', 'nope', {}, status);
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/err` }));
        // Assess
        expect(err.code).toBe('FETCH_HTTP_STATUS');
        expect(err.httpStatus).toBe(status);
        expect(err.message).toContain(`127.0.0.1:${port}`);
      });

      it('throws FETCH_RATE_LIMITED with retryAfterSeconds when 429 carries Retry-After seconds', async () => {
        // Prepare
        serve('/busy', 'slow down', { 'Retry-After': '120' }, 429);
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/busy` }));
        // Assess
        expect(err.code).toBe('FETCH_RATE_LIMITED');
        expect(err.httpStatus).toBe(429);
        expect(err.retryAfterSeconds).toBe(120);
      });

      it('throws FETCH_RATE_LIMITED when 503 carries Retry-After as an HTTP-date', async () => {
        // Prepare
        const at = new Date(Date.now() + 3_600_000).toUTCString();
        serve('/busy', 'maintenance', { 'Retry-After': at }, 503);
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/busy` }));
        // Assess
        expect(err.code).toBe('FETCH_RATE_LIMITED');
        expect(err.retryAfterSeconds).toBeGreaterThan(3_500);
        expect(err.retryAfterSeconds).toBeLessThanOrEqual(3_600);
      });

      it('caps Retry-After at 24 hours', async () => {
        // Prepare
        serve('/busy', 'later', { 'Retry-After': '99999999' }, 429);
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/busy` }));
        // Assess
        expect(err.retryAfterSeconds).toBe(86_400);
      });

      it('throws FETCH_HTTP_STATUS when 503 has no Retry-After', async () => {
        // Prepare
        serve('/down', 'down', {}, 503);
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/down` }));
        // Assess
        expect(err.code).toBe('FETCH_HTTP_STATUS');
        expect(err.httpStatus).toBe(503);
      });
    });

    describe('redirects', () => {
      it('follows a relative Location and reports the final URL', async () => {
        // Prepare
        routes.set('/old', (_req, res) => res.writeHead(301, { Location: '/new?x=1' }).end());
        serve('/new', RSS);
        // Act
        const result = await fetcher().fetch({ url: `${base}/old` });
        // Assess
        expect(result.status).toBe('ok');
        expect(result.finalUrl).toBe(`${base}/new?x=1`);
      });

      it('follows exactly 5 redirects', async () => {
        // Prepare
        for (let i = 0; i < 5; i++) routes.set(`/r${i}`, (_req, res) => res.writeHead(302, { Location: `/r${i + 1}` }).end());
        serve('/r5', RSS);
        // Act
        const result = await fetcher().fetch({ url: `${base}/r0` });
        // Assess
        expect(result.finalUrl).toBe(`${base}/r5`);
      });

      it('throws FETCH_TOO_MANY_REDIRECTS after more than 5 redirects', async () => {
        // Prepare
        for (let i = 0; i < 10; i++) routes.set(`/r${i}`, (_req, res) => res.writeHead(302, { Location: `/r${i + 1}` }).end());
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/r0` }));
        // Assess
        expect(err.code).toBe('FETCH_TOO_MANY_REDIRECTS');
        expect(seen).toHaveLength(6);
      });

      it('throws FETCH_TOO_MANY_REDIRECTS when redirects loop', async () => {
        // Prepare
        routes.set('/a', (_req, res) => res.writeHead(302, { Location: '/b' }).end());
        routes.set('/b', (_req, res) => res.writeHead(302, { Location: '/a' }).end());
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/a` }));
        // Assess
        expect(err.code).toBe('FETCH_TOO_MANY_REDIRECTS');
        expect(err.message).toContain('loop');
        expect(seen).toHaveLength(2);
      });

      it.each([
        ['http://10.0.0.1/feed', 'RFC 1918'],
        ['http://169.254.169.254/latest/meta-data/', 'cloud metadata'],
        ['http://[::1]/feed', 'IPv6 loopback'],
        ['http://[::ffff:127.0.0.1]/feed', 'IPv4-mapped loopback'],
        ['http://0xa9fea9fe/latest/', 'metadata written as one hex number'],
      ])('refuses a redirect to %s (%s) before connecting', async (target) => {
        // Prepare
        routes.set('/evil', (_req, res) => res.writeHead(302, { Location: target }).end());
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/evil` }));
        // Assess
        expect(err.code).toBe('FETCH_BLOCKED_ADDRESS');
        expect(seen).toHaveLength(1);
      });

      it('refuses a redirect to a non-http scheme', async () => {
        // Prepare
        routes.set('/evil', (_req, res) => res.writeHead(302, { Location: 'file:///etc/passwd' }).end());
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/evil` }));
        // Assess
        expect(err.code).toBe('FETCH_BAD_URL');
      });

      it('refuses a redirect to a hostname not on allowHosts that resolves to loopback', async () => {
        // Prepare: "localhost" resolves to 127.0.0.1 / ::1; only the literal "127.0.0.1" is allowed.
        routes.set('/evil', (_req, res) => res.writeHead(302, { Location: `http://localhost:${port}/feed` }).end());
        serve('/feed', RSS);
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/evil` }));
        // Assess
        expect(err.code).toBe('FETCH_BLOCKED_ADDRESS');
        expect(err.message).toContain('localhost');
        expect(seen).toHaveLength(1);
      });
    });

    describe('private-network guard', () => {
      it('refuses loopback when allowHosts is empty', async () => {
        // Prepare
        serve('/feed', RSS);
        // Act
        const err = await fetchError(new HttpFeedFetcher({ timeoutMs: 300 }).fetch({ url: `${base}/feed` }));
        // Assess
        expect(err.code).toBe('FETCH_BLOCKED_ADDRESS');
        expect(seen).toHaveLength(0);
      });

      it('checks the resolved address: "localhost" is refused although 127.0.0.1 is allowed', async () => {
        // Prepare
        serve('/feed', RSS);
        // Act
        const err = await fetchError(fetcher().fetch({ url: `http://localhost:${port}/feed` }));
        // Assess
        expect(err.code).toBe('FETCH_BLOCKED_ADDRESS');
        expect(err.message).toMatch(/localhost.*resolves to (127\.0\.0\.1|::1)/);
        expect(seen).toHaveLength(0);
      });

      it('reaches "localhost" when it is itself on allowHosts', async () => {
        // Prepare
        serve('/feed', RSS);
        // Act
        const result = await fetcher({ allowHosts: ['localhost'] }).fetch({ url: `http://localhost:${port}/feed` });
        // Assess
        expect(result.status).toBe('ok');
      });

      it.each(['ftp://example.com/feed', 'not a url', 'javascript:alert(1)', 'http://'])(
        'throws FETCH_BAD_URL for %s',
        async (url) => {
          // Prepare/Act
          const err = await fetchError(fetcher().fetch({ url }));
          // Assess
          expect(err.code).toBe('FETCH_BAD_URL');
        },
      );
    });

    describe('network failures', () => {
      it('throws FETCH_NETWORK when nothing listens on the port', async () => {
        // Prepare: grab a free loopback port, then close it.
        const probe = http.createServer();
        await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
        const freePort = (probe.address() as AddressInfo).port;
        await new Promise<void>((resolve) => probe.close(() => resolve()));
        // Act
        const err = await fetchError(fetcher().fetch({ url: `http://127.0.0.1:${freePort}/feed` }));
        // Assess
        expect(err.code).toBe('FETCH_NETWORK');
        expect(err.message).toContain(`127.0.0.1:${freePort}`);
        expect(err.message).toContain('ECONNREFUSED');
      });

      it('throws FETCH_NETWORK when the server drops the connection mid-body', async () => {
        // Prepare
        routes.set('/cut', (req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Length': '10000' });
          res.write('<rss version="2.0"><channel>');
          setTimeout(() => req.socket.destroy(), 20);
        });
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/cut` }));
        // Assess
        expect(err.code).toBe('FETCH_NETWORK');
      });

      it('returns an empty body when a gzip response is empty', async () => {
        // Prepare
        serve('/empty', zlib.gzipSync(Buffer.alloc(0)), { 'Content-Encoding': 'gzip' });
        // Act
        const result = await fetcher().fetch({ url: `${base}/empty` });
        // Assess
        expect(result.status === 'ok' && result.body).toBe('');
      });
    });

    describe('deadlines', () => {
      it('throws FETCH_TIMEOUT when the server accepts but never answers', async () => {
        // Prepare
        routes.set('/hang', () => {});
        const started = Date.now();
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/hang` }));
        // Assess
        expect(err.code).toBe('FETCH_TIMEOUT');
        expect(Date.now() - started).toBeLessThan(1_500);
      });

      it('throws FETCH_TIMEOUT when a slow-drip server keeps sending bytes past the total deadline', async () => {
        // Prepare: one byte every 20 ms never trips an idle timeout, only a total deadline.
        routes.set('/drip', (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
          res.write('<rss version="2.0">');
          const timer = setInterval(() => res.write(' '), 20);
          res.on('close', () => clearInterval(timer));
        });
        const started = Date.now();
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/drip` }));
        // Assess
        expect(err.code).toBe('FETCH_TIMEOUT');
        expect(Date.now() - started).toBeLessThan(1_500);
      });

      it('throws FETCH_TIMEOUT when headers drip in slower than the deadline', async () => {
        // Prepare
        routes.set('/slowheaders', (_req, res) => {
          const timer = setTimeout(() => res.writeHead(200).end(RSS), 2_000);
          res.on('close', () => clearTimeout(timer));
        });
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/slowheaders` }));
        // Assess
        expect(err.code).toBe('FETCH_TIMEOUT');
      });

      it('throws FETCH_ABORTED when the caller aborts', async () => {
        // Prepare
        routes.set('/hang', () => {});
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 50);
        // Act
        const err = await fetchError(fetcher({ timeoutMs: 5_000 }).fetch({ url: `${base}/hang`, signal: controller.signal }));
        // Assess
        expect(err.code).toBe('FETCH_ABORTED');
      });

      it('closes the server-side socket when it gives up', async () => {
        // Prepare
        let closed = false;
        routes.set('/hang', (req) => req.socket.on('close', () => (closed = true)));
        // Act
        await fetchError(fetcher().fetch({ url: `${base}/hang` }));
        await new Promise((r) => setTimeout(r, 50));
        // Assess
        expect(closed).toBe(true);
      });
    });

    describe('size caps and compression', () => {
      it('throws FETCH_TOO_LARGE when a plain body exceeds maxBytes', async () => {
        // Prepare
        serve('/huge', Buffer.alloc(200_000, 0x20));
        // Act
        const err = await fetchError(fetcher({ maxBytes: 100_000 }).fetch({ url: `${base}/huge` }));
        // Assess
        expect(err.code).toBe('FETCH_TOO_LARGE');
      });

      it('throws FETCH_TOO_LARGE when a chunked body without Content-Length exceeds maxBytes', async () => {
        // Prepare
        routes.set('/stream', (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/xml' });
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          const pump = (): void => {
            while (res.write(chunk)) {
              /* keep writing until the socket pushes back */
            }
          };
          res.on('drain', pump);
          pump();
        });
        // Act
        const err = await fetchError(fetcher({ maxBytes: 1_000_000, timeoutMs: 2_000 }).fetch({ url: `${base}/stream` }));
        // Assess
        expect(err.code).toBe('FETCH_TOO_LARGE');
      });

      it('stops inflating an endless gzip bomb (16 MiB of zeros per ~16 KB member) as soon as the cap is passed', async () => {
        // Prepare: gzip members of 16 MiB zeros each, sent for as long as the client reads
        // (up to 1 TiB); a gunzip reads concatenated members as one stream.
        const member = zlib.gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
        let cutOff = false;
        routes.set('/bomb', (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip' });
          let sent = 0;
          const pump = (): void => {
            while (!res.destroyed && sent < 65_536) {
              sent++;
              if (!res.write(member)) return;
            }
            res.end();
          };
          res.on('drain', pump);
          res.on('close', () => (cutOff = !res.writableFinished));
          pump();
        });
        const started = Date.now();
        // Act
        const err = await fetchError(fetcher({ maxBytes: 15 * 1024 * 1024, timeoutMs: 5_000 }).fetch({ url: `${base}/bomb` }));
        await new Promise((r) => setTimeout(r, 50));
        // Assess
        expect(err.code).toBe('FETCH_TOO_LARGE');
        expect(err.message).toContain('after decompression');
        expect(Date.now() - started).toBeLessThan(3_000);
        expect(cutOff).toBe(true); // the client hung up instead of reading the bomb to the end
      });

      it.each([
        ['gzip', (b: Buffer) => zlib.gzipSync(b)],
        ['deflate', (b: Buffer) => zlib.deflateSync(b)],
        ['deflate', (b: Buffer) => zlib.deflateRawSync(b)],
        ['br', (b: Buffer) => zlib.brotliCompressSync(b)],
      ])('decodes a %s-encoded body', async (encoding, compress) => {
        // Prepare
        serve('/z', compress(Buffer.from(RSS)), { 'Content-Encoding': encoding });
        // Act
        const result = await fetcher().fetch({ url: `${base}/z` });
        // Assess
        expect(result.status === 'ok' && result.body).toBe(RSS);
      });

      it('counts the cap after decompression for br too', async () => {
        // Prepare
        serve('/z', zlib.brotliCompressSync(Buffer.alloc(2_000_000, 0x20)), { 'Content-Encoding': 'br' });
        // Act
        const err = await fetchError(fetcher({ maxBytes: 1_000_000 }).fetch({ url: `${base}/z` }));
        // Assess
        expect(err.code).toBe('FETCH_TOO_LARGE');
      });

      it('throws FETCH_DECODE when the gzip body is garbage', async () => {
        // Prepare
        serve('/z', Buffer.from('this is not gzip at all'), { 'Content-Encoding': 'gzip' });
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/z` }));
        // Assess
        expect(err.code).toBe('FETCH_DECODE');
      });

      it('throws FETCH_DECODE for an unknown Content-Encoding', async () => {
        // Prepare
        serve('/z', Buffer.from(RSS), { 'Content-Encoding': 'zstd-custom' });
        // Act
        const err = await fetchError(fetcher().fetch({ url: `${base}/z` }));
        // Assess
        expect(err.code).toBe('FETCH_DECODE');
      });
    });

    describe('charsets', () => {
      const JA = '日本政府、ファーウェイ製品の調達を禁止';
      const ZH = '政府禁止采购华为设备';
      const FR = 'Le gouvernement écarte Huawei — « sécurité »';
      const feedIn = (title: string, decl: string | null): string =>
        `<?xml version="1.0"${decl ? ` encoding="${decl}"` : ''}?><rss version="2.0"><channel><title>${title}</title></channel></rss>`;

      it.each([
        ['Shift_JIS', JA],
        ['EUC-JP', JA],
        ['GBK', ZH],
        ['GB2312', ZH],
        ['GB18030', ZH],
        ['Big5', '政府禁止採購華為設備'],
        ['EUC-KR', '정부, 화웨이 장비 금지'],
        ['windows-1252', FR],
        ['ISO-8859-1', 'Le gouvernement écarte Huawei'],
        ['ISO-8859-2', 'Rząd wyklucza Huawei'],
        ['windows-1251', 'Правительство запретило Huawei'],
      ])('decodes %s announced by Content-Type', async (charset, title) => {
        // Prepare
        serve('/c', iconv.encode(feedIn(title, null), charset), { 'Content-Type': `application/rss+xml; charset=${charset}` });
        // Act
        const result = await fetcher().fetch({ url: `${base}/c` });
        // Assess
        expect(result.status === 'ok' && result.body).toContain(`<title>${title}</title>`);
      });

      it.each([
        ['Shift_JIS', JA],
        ['EUC-JP', JA],
        ['GBK', ZH],
        ['windows-1252', FR],
        ['ISO-8859-1', 'Le gouvernement écarte Huawei'],
      ])('decodes %s announced only by the XML declaration', async (charset, title) => {
        // Prepare
        serve('/c', iconv.encode(feedIn(title, charset), charset), { 'Content-Type': 'application/xml' });
        // Act
        const result = await fetcher().fetch({ url: `${base}/c` });
        // Assess
        expect(result.status === 'ok' && result.body).toContain(`<title>${title}</title>`);
      });

      it.each([
        ['utf-8', Buffer.from([0xef, 0xbb, 0xbf])],
        ['utf-16le', Buffer.from([0xff, 0xfe])],
        ['utf-16be', Buffer.from([0xfe, 0xff])],
      ])('lets a %s BOM win over a wrong Content-Type charset', async (charset, bom) => {
        // Prepare
        const body = Buffer.concat([bom, iconv.encode(feedIn(JA, null), charset)]);
        serve('/c', body, { 'Content-Type': 'text/xml; charset=Shift_JIS' });
        // Act
        const result = await fetcher().fetch({ url: `${base}/c` });
        // Assess
        expect(result.status === 'ok' && result.body).toBe(feedIn(JA, null));
      });

      it('prefers the Content-Type charset over the XML declaration', async () => {
        // Prepare
        serve('/c', iconv.encode(feedIn(JA, 'utf-8'), 'EUC-JP'), { 'Content-Type': 'text/xml; charset="EUC-JP"' });
        // Act
        const result = await fetcher().fetch({ url: `${base}/c` });
        // Assess
        expect(result.status === 'ok' && result.body).toContain(JA);
      });

      it('falls back to UTF-8 when the charset is unknown', async () => {
        // Prepare
        serve('/c', Buffer.from(feedIn(FR, 'x-klingon')), { 'Content-Type': 'text/xml; charset=x-martian' });
        // Act
        const result = await fetcher().fetch({ url: `${base}/c` });
        // Assess
        expect(result.status === 'ok' && result.body).toContain(FR);
      });
    });
  });

  describe('fetch then parseFeed', () => {
    const parse = async (path: string): Promise<unknown> => {
      const result = await fetcher().fetch({ url: `${base}${path}` });
      if (result.status !== 'ok') throw new Error('expected a body');
      return parseFeed(result.body, { feedId: 'loopback', fetchedAt: new Date('2025-01-01T00:00:00Z'), baseUrl: result.finalUrl });
    };

    it('reports PARSE_NOT_A_FEED when the server returns an HTML page', async () => {
      // Prepare
      serve('/page', '<!DOCTYPE html><html><head><title>Login</title></head><body><form></form></body></html>', { 'Content-Type': 'text/html; charset=utf-8' });
      // Act
      const err = await parse('/page').catch((e: unknown) => e);
      // Assess
      expect(err).toBeInstanceOf(FeedParseError);
      expect((err as FeedParseError).code).toBe('PARSE_NOT_A_FEED');
    });

    it('reports PARSE_MALFORMED when the server returns broken XML', async () => {
      // Prepare
      serve('/broken', '<rss version="2.0"><channel><title>Broken</title><item><title>a</item></channel></rss>');
      // Act
      const err = await parse('/broken').catch((e: unknown) => e);
      // Assess
      expect(err).toBeInstanceOf(FeedParseError);
      expect((err as FeedParseError).code).toBe('PARSE_MALFORMED');
    });

    it('parses a gzip-compressed Shift_JIS feed announced only by its XML declaration', async () => {
      // Prepare
      const xml = '<?xml version="1.0" encoding="Shift_JIS"?><rss version="2.0"><channel><title>ニュース</title><item><guid>1</guid><title>ファーウェイ製品を排除</title><link>/n/1</link></item></channel></rss>';
      serve('/sjis', zlib.gzipSync(iconv.encode(xml, 'Shift_JIS')), { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip' });
      // Act
      const feed = (await parse('/sjis')) as Awaited<ReturnType<typeof parseFeed>>;
      // Assess
      expect(feed.title).toBe('ニュース');
      expect(feed.items[0]).toMatchObject({ title: 'ファーウェイ製品を排除', link: `${base}/n/1` });
    });
  });

  describe('decodeFeedBody', () => {
    it('defaults to UTF-8 without BOM, header or declaration', () => {
      // Prepare/Act
      const text = decodeFeedBody(Buffer.from('<rss>é</rss>'), null);
      // Assess
      expect(text).toBe('<rss>é</rss>');
    });

    it('reads ISO-8859-1 as windows-1252 so smart quotes survive', () => {
      // Prepare/Act
      const text = decodeFeedBody(Buffer.from([0x93, 0x41, 0x94]), 'text/xml; charset=iso-8859-1');
      // Assess
      expect(text).toBe('\u201cA\u201d');
    });
  });

  describe('parseRetryAfter', () => {
    it.each([
      ['120', 120],
      ['0', 0],
      ['Wed, 01 Jan 2025 01:00:00 GMT', 3_600],
      ['Tue, 31 Dec 2024 23:00:00 GMT', 0],
      ['999999999', 86_400],
      ['soon', undefined],
      [undefined, undefined],
    ])('parses %s as %s seconds', (value, expected) => {
      // Prepare
      const now = new Date('2025-01-01T00:00:00Z');
      // Act
      const seconds = parseRetryAfter(value, now);
      // Assess
      expect(seconds).toBe(expected);
    });
  });
});
