/**
 * HTTP feed fetcher. Feed URLs are untrusted input, so every fetch is bounded:
 * one total deadline (DNS + connect + headers + body), a connect timeout, a body cap counted
 * after decompression, a redirect limit with every hop re-validated, and private-network
 * blocking decided on the address actually connected to (a custom `lookup`), so DNS rebinding
 * cannot smuggle a request to 127.0.0.1 or the metadata service.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import zlib from 'node:zlib';
import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { FeedFetchError } from '../core/errors.js';
import type { FeedFetcher, FetchRequest, FetchResult } from '../ports.js';

export interface HttpFeedFetcherOptions {
  /**
   * Exact hostnames (as written in the URL, e.g. "127.0.0.1", "localhost") that may be reached
   * even though they resolve to a blocked address. For tests and the local demo only.
   */
  allowHosts?: string[];
  /** Total deadline of one fetch, all redirects and the whole body included. */
  timeoutMs?: number;
  /** Deadline for DNS + TCP connect of each hop. */
  connectTimeoutMs?: number;
  /** Body cap in bytes, counted after decompression. */
  maxBytes?: number;
  maxRedirects?: number;
  userAgent?: string;
}

/** A feed server gets 20 s in total: generous for slow government sites, short enough for a Lambda poll batch. */
const DEFAULT_TIMEOUT_MS = 20_000;
/** 10 s to resolve and connect: beyond that the host is down, waiting longer only burns the poll budget. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** 15 MiB decompressed: the largest real news feeds are ~5 MB; more is a bomb or not a feed. */
const DEFAULT_MAX_BYTES = 15 * 1024 * 1024;
/** 5 hops covers http→https→www→feed-path chains; browsers allow 20 but feeds never need that. */
const DEFAULT_MAX_REDIRECTS = 5;
/** Retry-After is capped at 24 h so a hostile or buggy server cannot silence a feed for months. */
const MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60;
/** The XML declaration sits at the start: 1 KB is enough to sniff it without decoding the body. */
const CHARSET_SNIFF_BYTES = 1024;

export const DEFAULT_USER_AGENT = 'banwatch/0.1 (+https://github.com/banwatch/banwatch)';

const ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// ---------------------------------------------------------------------------------------------
// Address checking

function parseIPv4(ip: string): number[] | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

/** Parses an IPv6 address into 8 16-bit groups (handles "::", an IPv4 tail and a zone id). */
function parseIPv6(input: string): number[] | null {
  let ip = input;
  const zone = ip.indexOf('%');
  if (zone >= 0) ip = ip.slice(0, zone);
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  const lastColon = ip.lastIndexOf(':');
  if (lastColon >= 0 && ip.slice(lastColon + 1).includes('.')) {
    // An IPv4 tail ("::ffff:127.0.0.1") is rewritten as its two 16-bit groups.
    const v4 = parseIPv4(ip.slice(lastColon + 1));
    if (!v4) return null;
    const hi = ((v4[0]! << 8) | v4[1]!).toString(16);
    const lo = ((v4[2]! << 8) | v4[3]!).toString(16);
    ip = `${ip.slice(0, lastColon + 1)}${hi}:${lo}`;
  }
  const halves = ip.split('::');
  if (halves.length > 2) return null;
  const toGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const groups: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
      groups.push(parseInt(g, 16));
    }
    return groups;
  };
  const head = toGroups(halves[0] ?? '');
  if (!head) return null;
  let groups: number[];
  if (halves.length === 2) {
    const rest = toGroups(halves[1] ?? '');
    if (!rest) return null;
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return null;
    groups = [...head, ...new Array<number>(missing).fill(0), ...rest];
  } else {
    groups = head;
  }
  return groups.length === 8 ? groups : null;
}

function isBlockedIPv4(o: number[]): boolean {
  const [a, b, c] = o as [number, number, number, number];
  return (
    a === 0 || // 0.0.0.0/8 "this network"
    a === 10 || // RFC 1918
    a === 127 || // loopback
    (a === 100 && b >= 64 && b <= 127) || // 100.64/10 CGNAT
    (a === 169 && b === 254) || // link-local, incl. 169.254.169.254 metadata
    (a === 172 && b >= 16 && b <= 31) || // RFC 1918
    (a === 192 && b === 168) || // RFC 1918
    (a === 192 && b === 0 && c === 0) || // 192.0.0/24 IETF protocol assignments
    (a === 192 && b === 0 && c === 2) || // TEST-NET-1
    (a === 198 && (b === 18 || b === 19)) || // 198.18/15 benchmarking
    (a === 198 && b === 51 && c === 100) || // TEST-NET-2
    (a === 203 && b === 0 && c === 113) || // TEST-NET-3
    a >= 224 // 224/4 multicast, 240/4 reserved, 255.255.255.255 broadcast
  );
}

/**
 * True when `ip` must not be fetched: loopback, private, link-local, CGNAT, multicast,
 * unspecified, reserved, documentation ranges, and IPv6 forms that embed such an IPv4 address.
 * Anything that does not parse as an IP address is blocked (fail closed).
 */
export function isBlockedAddress(ip: string): boolean {
  const v4 = parseIPv4(ip);
  if (v4) return isBlockedIPv4(v4);
  const g = parseIPv6(ip);
  if (!g) return true;
  const embedded = (hi: number, lo: number): number[] => [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
  const firstFiveZero = g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0;
  if (firstFiveZero && g[5] === 0xffff) return isBlockedIPv4(embedded(g[6]!, g[7]!)); // ::ffff:a.b.c.d mapped
  if (firstFiveZero && g[5] === 0) return true; // ::, ::1 and deprecated IPv4-compatible ::a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0) {
    return isBlockedIPv4(embedded(g[6]!, g[7]!)); // NAT64 64:ff9b::/96
  }
  if (g[0] === 0x2002) return isBlockedIPv4(embedded(g[1]!, g[2]!)); // 6to4 embeds an IPv4 address
  const first = g[0]!;
  return (
    (first & 0xfe00) === 0xfc00 || // fc00::/7 unique local
    (first & 0xffc0) === 0xfe80 || // fe80::/10 link-local
    (first & 0xffc0) === 0xfec0 || // fec0::/10 deprecated site-local
    (first & 0xff00) === 0xff00 || // ff00::/8 multicast
    (first === 0x2001 && g[1] === 0x0db8) || // 2001:db8::/32 documentation
    (first === 0x0100 && g[1] === 0 && g[2] === 0 && g[3] === 0) // 100::/64 discard
  );
}

// ---------------------------------------------------------------------------------------------
// Charset

/** Labels that WHATWG maps to windows-1252: servers say latin1 but mean cp1252 (smart quotes at 0x80-0x9F). */
const WINDOWS_1252_ALIASES = new Set(['iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1', 'cp819']);

function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  if (WINDOWS_1252_ALIASES.has(l)) return 'windows-1252';
  if (l === 'x-sjis' || l === 'shift-jis') return 'shift_jis';
  // GB2312 labels are served with GBK content in practice; GB18030 is a superset of both.
  if (l === 'gb2312' || l === 'gbk' || l === 'x-gbk') return 'gb18030';
  return iconv.encodingExists(l) ? l : null;
}

/** The charset parameter of a Content-Type header, or null. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m?.[2] ?? null;
}

/**
 * Decodes a feed body: BOM first, then the Content-Type charset, then the XML declaration's
 * encoding, else UTF-8. An unknown or unsupported charset falls back to UTF-8 rather than failing:
 * a few mojibake characters are better than a lost feed.
 */
export function decodeFeedBody(body: Buffer, contentType: string | null | undefined): string {
  let charset: string | null = null;
  let start = 0;
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    charset = 'utf-8';
    start = 3;
  } else if (body.length >= 2 && body[0] === 0xff && body[1] === 0xfe) {
    charset = 'utf-16le';
    start = 2;
  } else if (body.length >= 2 && body[0] === 0xfe && body[1] === 0xff) {
    charset = 'utf-16be';
    start = 2;
  }
  if (!charset) charset = normaliseCharset(charsetFromContentType(contentType));
  if (!charset) {
    const head = body.subarray(0, CHARSET_SNIFF_BYTES).toString('latin1');
    const decl = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
    const declared = normaliseCharset(decl?.[1]);
    // A declaration we could read as latin1 is ASCII-compatible, so a "UTF-16" there is a lie.
    if (declared && !declared.startsWith('utf-16') && !declared.startsWith('utf16')) charset = declared;
  }
  return iconv.decode(body.subarray(start), charset ?? 'utf-8', { stripBOM: true });
}

// ---------------------------------------------------------------------------------------------
// Retry-After

/** Parses Retry-After (delta-seconds or HTTP-date) into seconds from `now`, capped at 24 h. */
export function parseRetryAfter(value: string | null | undefined, now: Date = new Date()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let seconds: number;
  if (/^[0-9]+$/.test(v)) {
    seconds = Number(v);
  } else {
    const at = Date.parse(v);
    if (Number.isNaN(at)) return undefined;
    seconds = Math.ceil((at - now.getTime()) / 1000);
  }
  if (!Number.isFinite(seconds)) return undefined;
  return Math.min(Math.max(0, seconds), MAX_RETRY_AFTER_SECONDS);
}

// ---------------------------------------------------------------------------------------------
// The fetcher

type HopResult =
  | { kind: 'redirect'; location: string; status: number }
  | { kind: 'done'; result: FetchResult };

/** Why a fetch was aborted, so the abort can be reported with the right code. */
type AbortReason = 'deadline' | 'caller';

export class HttpFeedFetcher implements FeedFetcher {
  private readonly allowHosts: Set<string>;
  private readonly timeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;
  private readonly userAgent: string;

  constructor(options: HttpFeedFetcherOptions = {}) {
    this.allowHosts = new Set((options.allowHosts ?? []).map((h) => stripBrackets(h.toLowerCase())));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    let url = this.validateUrl(request.url, null);
    const controller = new AbortController();
    let reason: AbortReason | null = null;
    const deadline = setTimeout(() => {
      reason = 'deadline';
      controller.abort();
    }, this.timeoutMs);
    // Never keep a Lambda or CLI process alive just for this timer.
    deadline.unref();
    const onCallerAbort = (): void => {
      reason ??= 'caller';
      controller.abort();
    };
    if (request.signal?.aborted) onCallerAbort();
    request.signal?.addEventListener('abort', onCallerAbort, { once: true });

    const visited = new Set<string>([url.href]);
    try {
      for (let hop = 0; ; hop++) {
        const res = await this.hop(url, request, controller.signal, () => reason);
        if (res.kind === 'done') return res.result;
        const next = this.validateUrl(res.location, url);
        if (visited.has(next.href)) {
          throw new FeedFetchError(
            'FETCH_TOO_MANY_REDIRECTS',
            `redirect loop at ${url.host}: ${next.href} was already visited`,
            { httpStatus: res.status },
          );
        }
        if (hop + 1 > this.maxRedirects) {
          throw new FeedFetchError(
            'FETCH_TOO_MANY_REDIRECTS',
            `more than ${this.maxRedirects} redirects fetching ${hostOf(request.url)} (last at ${url.host})`,
            { httpStatus: res.status },
          );
        }
        visited.add(next.href);
        url = next;
      }
    } finally {
      clearTimeout(deadline);
      request.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** Parses and checks one URL (the request's or a redirect target) before anything connects. */
  private validateUrl(raw: string, base: URL | null): URL {
    let url: URL;
    try {
      url = base ? new URL(raw, base) : new URL(raw);
    } catch (cause) {
      const where = base ? ` (redirect from ${base.host})` : '';
      throw new FeedFetchError('FETCH_BAD_URL', `invalid URL${where}: ${JSON.stringify(raw.slice(0, 200))}`, { cause });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      const where = base ? ` (redirect from ${base.host})` : '';
      throw new FeedFetchError('FETCH_BAD_URL', `unsupported scheme ${url.protocol} for ${url.host || raw.slice(0, 100)}${where}`);
    }
    if (!url.hostname) throw new FeedFetchError('FETCH_BAD_URL', `URL has no host: ${raw.slice(0, 200)}`);
    url.hash = '';
    const host = stripBrackets(url.hostname.toLowerCase());
    // IP literals never reach `lookup`, so they are checked here, before any socket exists.
    if (net.isIP(host) && !this.allowHosts.has(host) && isBlockedAddress(host)) {
      throw new FeedFetchError('FETCH_BLOCKED_ADDRESS', `refusing ${url.host}: ${host} is a private or reserved address`);
    }
    return url;
  }

  /** A `lookup` that refuses hostnames resolving to a blocked address (checked on what connects). */
  private guardedLookup(displayHost: string): net.LookupFunction {
    return (hostname, options, callback) => {
      dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
        if (err) return callback(err, '', 4);
        const list = addresses as dns.LookupAddress[];
        // Refuse if ANY address is blocked: a mixed answer is how rebinding attacks start.
        const bad = list.find((a) => isBlockedAddress(a.address));
        if (bad) {
          const blocked = new FeedFetchError(
            'FETCH_BLOCKED_ADDRESS',
            `refusing ${displayHost}: it resolves to ${bad.address}, a private or reserved address`,
          );
          return callback(blocked as unknown as NodeJS.ErrnoException, '', 4);
        }
        if (list.length === 0) {
          const none = Object.assign(new Error(`no addresses for ${hostname}`), { code: 'ENOTFOUND' });
          return callback(none, '', 4);
        }
        if ((options as dns.LookupOptions).all) {
          (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
        } else {
          callback(null, list[0]!.address, list[0]!.family);
        }
      });
    };
  }

  private hop(url: URL, request: FetchRequest, signal: AbortSignal, reason: () => AbortReason | null): Promise<HopResult> {
    const host = stripBrackets(url.hostname.toLowerCase());
    const headers: Record<string, string> = {
      Accept: ACCEPT,
      'Accept-Encoding': 'gzip, deflate, br',
      'User-Agent': this.userAgent,
    };
    if (request.etag) headers['If-None-Match'] = request.etag;
    if (request.lastModified) headers['If-Modified-Since'] = request.lastModified;

    const mod = url.protocol === 'https:' ? https : http;
    return new Promise<HopResult>((resolve, reject) => {
      let settled = false;
      let connectTimer: NodeJS.Timeout | undefined;
      const cleanup = (): void => {
        if (connectTimer) clearTimeout(connectTimer);
        signal.removeEventListener('abort', onAbort);
      };
      const fail = (err: FeedFetchError): void => {
        if (settled) return;
        settled = true;
        cleanup();
        req.destroy();
        reject(err);
      };
      const succeed = (value: HopResult): void => {
        if (settled) return;
        settled = true;
        cleanup();
        resolve(value);
      };
      const onAbort = (): void => fail(this.abortError(url, reason()));

      const req = mod.request(url, {
        method: 'GET',
        headers,
        // A fresh socket per request: no pooled connection outlives the fetch or skips the lookup check.
        agent: false,
        ...(this.allowHosts.has(host) ? {} : { lookup: this.guardedLookup(url.host) }),
      });
      if (signal.aborted) {
        onAbort();
        return;
      }
      signal.addEventListener('abort', onAbort, { once: true });

      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        connectTimer = setTimeout(() => {
          fail(new FeedFetchError('FETCH_TIMEOUT', `connecting to ${url.host} took longer than ${this.connectTimeoutMs} ms`));
        }, this.connectTimeoutMs);
        connectTimer.unref();
        socket.once('connect', () => clearTimeout(connectTimer));
      });

      req.on('error', (err) => fail(this.networkError(url, err)));

      req.on('response', (res) => {
        const status = res.statusCode ?? 0;
        const location = res.headers.location;
        if (REDIRECT_STATUSES.has(status) && location) {
          res.destroy();
          succeed({ kind: 'redirect', location, status });
          req.destroy();
          return;
        }
        if (status === 304) {
          res.destroy();
          succeed({ kind: 'done', result: { status: 'not_modified', httpStatus: 304, finalUrl: url.href } });
          req.destroy();
          return;
        }
        if (status < 200 || status >= 300) {
          res.destroy();
          const retryAfterSeconds = parseRetryAfter(headerOf(res.headers['retry-after']));
          if (status === 429 || (status === 503 && retryAfterSeconds !== undefined)) {
            const wait = retryAfterSeconds !== undefined ? ` (retry after ${retryAfterSeconds} s)` : '';
            fail(
              new FeedFetchError('FETCH_RATE_LIMITED', `${url.host} answered HTTP ${status}${wait}`, {
                httpStatus: status,
                ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
              }),
            );
          } else {
            fail(new FeedFetchError('FETCH_HTTP_STATUS', `${url.host} answered HTTP ${status}`, { httpStatus: status }));
          }
          return;
        }

        const encodings = (headerOf(res.headers['content-encoding']) ?? '')
          .split(',')
          .map((e) => e.trim().toLowerCase())
          .filter((e) => e && e !== 'identity');
        const declared = Number(headerOf(res.headers['content-length']) ?? NaN);
        if (encodings.length === 0 && Number.isFinite(declared) && declared > this.maxBytes) {
          fail(this.tooLarge(url));
          return;
        }
        let decoders: Transform[];
        try {
          // Content-Encoding lists codings in the order applied: undo them in reverse.
          decoders = encodings.reverse().map((e) => makeDecoder(e, url));
        } catch (err) {
          fail(err as FeedFetchError);
          return;
        }
        const chunks: Buffer[] = [];
        let total = 0;
        const destroyAll = (): void => {
          for (const d of decoders) d.destroy();
          res.destroy();
        };
        const onDecodeError = (err: Error): void => {
          destroyAll();
          if (settled) return;
          if (signal.aborted) return onAbort();
          fail(new FeedFetchError('FETCH_DECODE', `cannot decode ${encodings.join(', ')} body from ${url.host}: ${err.message}`, { cause: err }));
        };
        let stream: NodeJS.ReadableStream = res;
        for (const d of decoders) {
          d.on('error', onDecodeError);
          stream = stream.pipe(d);
        }
        res.on('error', (err) => {
          destroyAll();
          fail(signal.aborted ? this.abortError(url, reason()) : this.networkError(url, err));
        });
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          total += chunk.length;
          if (total > this.maxBytes) {
            // Stop inflating at once: a gzip bomb must never be expanded beyond the cap.
            destroyAll();
            fail(this.tooLarge(url));
            return;
          }
          chunks.push(chunk);
        });
        stream.on('end', () => {
          if (settled) return;
          const contentType = headerOf(res.headers['content-type']) ?? null;
          const body = decodeFeedBody(Buffer.concat(chunks, total), contentType);
          succeed({
            kind: 'done',
            result: {
              status: 'ok',
              httpStatus: status,
              body,
              finalUrl: url.href,
              contentType,
              etag: headerOf(res.headers.etag) ?? null,
              lastModified: headerOf(res.headers['last-modified']) ?? null,
            },
          });
        });
        res.on('close', () => {
          // The socket closed before 'end' (server crash, truncated chunked body).
          if (!settled && !res.complete) {
            fail(new FeedFetchError('FETCH_NETWORK', `${url.host} closed the connection before the body was complete`));
          }
        });
      });

      req.end();
    });
  }

  private abortError(url: URL, reason: AbortReason | null): FeedFetchError {
    if (reason === 'caller') return new FeedFetchError('FETCH_ABORTED', `fetch of ${url.host} was aborted by the caller`);
    return new FeedFetchError('FETCH_TIMEOUT', `fetching ${url.host} took longer than ${this.timeoutMs} ms`);
  }

  private tooLarge(url: URL): FeedFetchError {
    return new FeedFetchError('FETCH_TOO_LARGE', `body from ${url.host} exceeds ${this.maxBytes} bytes (after decompression)`);
  }

  private networkError(url: URL, err: unknown): FeedFetchError {
    if (err instanceof FeedFetchError) return err;
    const code = (err as NodeJS.ErrnoException | undefined)?.code;
    const message = err instanceof Error ? err.message : String(err);
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA' || code === 'EAI_NONAME') {
      return new FeedFetchError('FETCH_NETWORK', `DNS lookup failed for ${url.hostname} (${code})`, { cause: err });
    }
    return new FeedFetchError('FETCH_NETWORK', `network error fetching ${url.host}: ${code ?? message}`, { cause: err });
  }
}

function makeDecoder(encoding: string, url: URL): Transform {
  // Flush partial blocks at end: servers often truncate or omit the final block marker.
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (encoding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip(flush);
    case 'deflate':
      // "deflate" should be zlib-wrapped, but some servers send raw deflate: createUnzip only
      // handles gzip/zlib, so sniff the first byte and pick.
      return new DeflateAuto();
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      throw new FeedFetchError('FETCH_DECODE', `unsupported Content-Encoding "${encoding}" from ${url.host}`);
  }
}

/** Inflates zlib-wrapped or raw deflate, chosen by the first byte (0x?8 with a valid header check). */
class DeflateAuto extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | null = null;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (!this.inner) {
      const b0 = chunk[0] ?? 0;
      const b1 = chunk[1] ?? 0;
      const zlibWrapped = (b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0;
      const opts = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
      this.inner = zlibWrapped ? zlib.createInflate(opts) : zlib.createInflateRaw(opts);
      this.inner.on('data', (d: Buffer) => this.push(d));
      this.inner.on('error', (e) => this.destroy(e));
    }
    if (this.inner.write(chunk)) done();
    else this.inner.once('drain', () => done());
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(err: Error | null, done: (error: Error | null) => void): void {
    this.inner?.destroy();
    done(err);
  }
}

function headerOf(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function stripBrackets(h: string): string {
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
}

function hostOf(raw: string): string {
  try {
    return new URL(raw).host;
  } catch {
    return raw.slice(0, 100);
  }
}
