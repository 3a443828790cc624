/**
 * The loopback demo server: serves the bundled demo feeds (fixtures/feeds/*.xml) on 127.0.0.1 so
 * `banwatch demo` and the tests exercise the real HTTP fetcher offline. It behaves like a
 * well-run feed host: strong ETag and Last-Modified validators, 304 on conditional GETs, gzip
 * when asked, 404 for anything that is not a file directly inside the served folder.
 */
import { createHash } from 'node:crypto';
import { lstat, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FeedConfig } from '../core/model.js';

export interface DemoServerOptions {
  /** Folder whose files are served; only files directly inside it, never subfolders. */
  dir: string;
  /** Loopback only: the demo must never listen on a public interface. */
  host?: '127.0.0.1';
  /**
   * Time travel: serve each feed as it looked at `until()` — entries dated later are left out, and
   * at most `maxItems` of the newest remain (a real feed shows its latest items). Validators follow
   * the served bytes, so a feed is "not modified" until a new entry is revealed. The demo and the
   * replay harness move `until` with the pipeline's clock.
   */
  reveal?: { until: () => Date; maxItems?: number };
}

export interface DemoServer {
  /** e.g. "http://127.0.0.1:41234", no trailing slash. */
  baseUrl: string;
  urlFor(file: string): string;
  /** Every request answered, in order (path as requested, status sent). */
  requests: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

/** The bundled demo feeds shipped with the repository. */
export const DEMO_FEEDS_DIR = fileURLToPath(new URL('../../fixtures/feeds/', import.meta.url));

/** A served name: one path segment of safe characters, not starting with a dot (no "..", no dotfiles). */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The XML declaration and root element sit at the start: 2 KB is enough to tell Atom from RSS. */
const SNIFF_BYTES = 2048;

/** Starts the server on an ephemeral port of 127.0.0.1. */
export async function startDemoServer(opts: DemoServerOptions): Promise<DemoServer> {
  const dir = path.resolve(opts.dir);
  const host = opts.host ?? '127.0.0.1';
  const requests: Array<{ path: string; status: number }> = [];

  const server = http.createServer((req, res) => {
    const rawPath = req.url ?? '/';
    const send = (status: number, headers: http.OutgoingHttpHeaders, body?: Buffer | string): void => {
      requests.push({ path: rawPath, status });
      res.writeHead(status, headers);
      if (body !== undefined && req.method !== 'HEAD' && status !== 304) res.end(body);
      else res.end();
    };
    handle(dir, req, send, opts.reveal).catch((err: unknown) => {
      if (!res.headersSent) send(500, { 'Content-Type': 'text/plain; charset=utf-8' }, `internal error: ${(err as Error).message}\n`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://${host}:${port}`;

  return {
    baseUrl,
    urlFor: (file: string) => `${baseUrl}/${encodeURIComponent(file)}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive sockets would hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}

type Send = (status: number, headers: http.OutgoingHttpHeaders, body?: Buffer | string) => void;

async function handle(dir: string, req: http.IncomingMessage, send: Send, reveal?: DemoServerOptions['reveal']): Promise<void> {
  const text = { 'Content-Type': 'text/plain; charset=utf-8' };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(405, { ...text, Allow: 'GET, HEAD' }, 'method not allowed\n');
    return;
  }

  const name = fileNameOf(req.url ?? '/');
  if (name === null) {
    send(404, text, 'not found\n');
    return;
  }
  const file = path.join(dir, name);
  // Defence in depth: SAFE_NAME already rules out separators, but the resolved path must stay in dir.
  if (path.dirname(file) !== dir) {
    send(404, text, 'not found\n');
    return;
  }
  // lstat, not stat: a symlink in the folder could point anywhere on the disk.
  const info = await lstat(file).catch(() => null);
  if (!info || !info.isFile()) {
    send(404, text, 'not found\n');
    return;
  }

  let bytes: Buffer = await readFile(file);
  let mtimeMs = info.mtimeMs;
  if (reveal && /\.(xml|rss|atom|rdf)$/i.test(name)) {
    const view = feedAsOf(bytes, reveal.until(), reveal.maxItems);
    bytes = view.bytes;
    // The feed changed when its newest shown entry appeared, not when the file was written.
    mtimeMs = view.newest ?? 0;
  }
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 32);
  // Last-Modified has one-second resolution; comparisons below use the same truncation.
  const mtimeSeconds = Math.floor(mtimeMs / 1000);
  const lastModified = new Date(mtimeSeconds * 1000).toUTCString();
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  // A strong ETag names one exact byte sequence, so the gzip representation gets its own tag.
  const etag = gzip ? `"${hash}-gz"` : `"${hash}"`;

  const headers: http.OutgoingHttpHeaders = {
    'Content-Type': contentTypeOf(name, bytes),
    ETag: etag,
    'Last-Modified': lastModified,
    // Revalidate every time: the demo edits files and expects the next poll to see it.
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
  };

  if (notModified(req.headers, hash, mtimeSeconds)) {
    send(304, { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' });
    return;
  }

  const body = gzip ? gzipSync(bytes) : bytes;
  if (gzip) headers['Content-Encoding'] = 'gzip';
  headers['Content-Length'] = body.length;
  send(200, headers, body);
}

const ENTRY = /<(item|entry)\b[\s\S]*?<\/\1\s*>/g;
const ENTRY_DATE = /<(pubDate|dc:date|published|updated)>\s*([^<]+?)\s*<\/\1>/;

/**
 * A feed's bytes as they were at `until`: entries dated later removed, then only the newest
 * `maxItems`. Works on the raw bytes read as latin1 (tags and dates are ASCII in every charset the
 * fixtures use), so Shift_JIS or GBK text passes through untouched. Entries without a date stay.
 */
export function feedAsOf(bytes: Buffer, until: Date, maxItems = Infinity): { bytes: Buffer; newest: number | null } {
  const text = bytes.toString('latin1');
  const limit = until.getTime();
  const dated: Array<{ start: number; end: number; t: number }> = [];
  for (const m of text.matchAll(ENTRY)) {
    const when = ENTRY_DATE.exec(m[0])?.[2];
    const t = when ? Date.parse(when) : NaN;
    dated.push({ start: m.index, end: m.index + m[0].length, t: Number.isFinite(t) ? t : -Infinity });
  }
  const shown = dated.filter((e) => e.t <= limit).sort((a, b) => b.t - a.t).slice(0, maxItems);
  const keep = new Set(shown);
  let out = '';
  let pos = 0;
  for (const e of dated) {
    if (keep.has(e)) continue;
    out += text.slice(pos, e.start);
    pos = e.end;
  }
  out += text.slice(pos);
  const newest = shown.reduce<number | null>((m, e) => (Number.isFinite(e.t) && (m === null || e.t > m) ? e.t : m), null);
  return { bytes: Buffer.from(out, 'latin1'), newest };
}

/** The file name a request path asks for, or null when it is not one safe segment. */
function fileNameOf(rawUrl: string): string | null {
  // Not `new URL()`: it would resolve "/../x" and "/%2e%2e/x" to "/x"; such paths are refused instead.
  const pathname = rawUrl.split(/[?#]/, 1)[0] ?? '';
  // Checked before decoding too: "/a/b" is refused whatever it decodes to.
  if (!pathname.startsWith('/') || pathname.indexOf('/', 1) !== -1) return null;
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(1));
  } catch {
    return null;
  }
  // After decoding: no "%2f" separators, no "..", no dotfiles, nothing outside SAFE_NAME.
  return SAFE_NAME.test(name) ? name : null;
}

/**
 * RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since. If-None-Match uses weak
 * comparison, so W/ prefixes are ignored, and either encoding's tag of the same bytes matches.
 */
function notModified(headers: http.IncomingHttpHeaders, hash: string, mtimeSeconds: number): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    if (inm.trim() === '*') return true;
    return inm
      .split(',')
      .map((t) => t.trim().replace(/^W\//, ''))
      .some((t) => t === `"${hash}"` || t === `"${hash}-gz"`);
  }
  const ims = headers['if-modified-since'];
  if (ims !== undefined) {
    const since = Date.parse(ims);
    if (!Number.isNaN(since)) return mtimeSeconds * 1000 <= since;
  }
  return false;
}

/** True when Accept-Encoding lists gzip (or *) with a non-zero quality. */
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function contentTypeOf(name: string, bytes: Buffer): string {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.json') return 'application/json; charset=utf-8';
  if (ext === '.txt' || ext === '.md') return 'text/plain; charset=utf-8';
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  if (ext === '.atom' || /<feed[\s>]/.test(head)) return 'application/atom+xml; charset=utf-8';
  return 'application/rss+xml; charset=utf-8';
}

interface DemoFeed {
  file: string;
  id: string;
  kind: FeedConfig['kind'];
  country?: string;
  language: string;
  comment: string;
}

/** The bundled demo feeds and how each is registered (see fixtures/feeds/README.md). */
export const DEMO_FEEDS: readonly DemoFeed[] = [
  { file: 'reuters-tech.xml', id: 'demo-reuters-tech', kind: 'news', language: 'en', comment: 'Demo: English news wire, RSS 2.0 (Japan procurement, FCC ban announced then in force, Australia/Kaspersky, noise).' },
  { file: 'mic-japan.xml', id: 'demo-mic-japan', kind: 'government', country: 'JP', language: 'ja', comment: 'Demo: Japan MIC (総務省) newsroom, RSS 1.0, Japanese (the procurement decision itself).' },
  { file: 'heise.xml', id: 'demo-heise', kind: 'news', language: 'de', comment: 'Demo: German tech news, Atom (5G core network ban, noise).' },
  { file: 'lemonde.xml', id: 'demo-lemonde', kind: 'news', language: 'fr', comment: 'Demo: French news, RSS 2.0 (Huawei 5G exclusion, ANSSI Kaspersky warning, noise).' },
  { file: 'xinhua.xml', id: 'demo-xinhua', kind: 'news', language: 'zh', comment: 'Demo: Chinese state news, RSS 2.0 (a reaction to the Japanese ban: not relevant).' },
  { file: 'yonhap.xml', id: 'demo-yonhap', kind: 'news', language: 'ko', comment: 'Demo: Korean news, RSS 2.0 (Hikvision/Dahua CCTV warning, noise).' },
];

/**
 * The demo's clock: the bundled feeds are revealed as of these instants, one poll cycle each. The
 * first poll of every feed is its backlog (stored silently); the next cycles bring news that alerts,
 * including a ban taking effect and an official confirmation; the last one finds nothing new.
 */
export const DEMO_CYCLES = ['2026-11-01T00:00:00.000Z', '2026-11-15T00:00:00.000Z', '2026-11-26T00:00:00.000Z', '2026-11-26T00:15:00.000Z'] as const;
/** Just after the newest bundled item: the demo feeds' items are news, not old news, at this time. */
export const DEMO_NOW = DEMO_CYCLES[2];

/** The FeedConfig list for the bundled demo feeds served at baseUrl. */
export function demoFeedsConfig(baseUrl: string): FeedConfig[] {
  const base = baseUrl.replace(/\/+$/, '');
  return DEMO_FEEDS.map((f) => {
    const config: FeedConfig = {
      id: f.id,
      url: `${base}/${encodeURIComponent(f.file)}`,
      kind: f.kind,
      language: f.language,
      // 5 minutes is the registry minimum; the demo polls on demand anyway.
      pollMinutes: 5,
      comment: f.comment,
    };
    if (f.country !== undefined) config.country = f.country;
    return config;
  });
}
