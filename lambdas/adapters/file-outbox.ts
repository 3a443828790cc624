/**
 * The local outbox: the Publisher of `banwatch run` and the demo. Alerts are appended to
 * `<dir>/alerts.jsonl`, one JSON object a line, and are reported published only once the line
 * is on disk (fsync). Idempotent by alertId, so a run killed between publishing and marking the
 * event SENT writes nothing twice when it is run again. Torn-tail safe: every append first repairs a
 * last line a killed process left incomplete (see recover()), so the file stays valid JSONL.
 */
import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PublisherUnavailableError } from '../core/errors.js';
import type { Alert, AlertKind } from '../core/model.js';
import type { PublishResult, Publisher } from '../ports.js';

export const OUTBOX_FILE = 'alerts.jsonl';

/**
 * One outbox line: the Alert without its `event` (subscribers read the rendered alert, not our rows),
 * with what kind of alert it is (a new stage, an official confirmation, added vendors).
 */
export type OutboxAlert = Omit<Alert, 'event' | 'mark'> & { kind: AlertKind };

/** Builds the outbox line with exactly the documented fields, in a stable order. */
export function toOutboxAlert(alert: Alert): OutboxAlert {
  return {
    alertId: alert.alertId,
    eventId: alert.eventId,
    kind: alert.mark.kind,
    subject: alert.subject,
    text: alert.text,
    attributes: {
      countries: [...alert.attributes.countries],
      vendors: [...alert.attributes.vendors],
      measure: alert.attributes.measure,
      stage: alert.attributes.stage,
    },
    topics: [...alert.topics],
    sources: alert.sources.map((s) => ({ title: s.title, link: s.link, feedId: s.feedId, published: s.published })),
    createdAt: alert.createdAt,
  };
}

export class FileOutboxPublisher implements Publisher {
  private readonly file: string;
  /** alertIds already in the file; loaded once, then kept in step with every append. */
  private known: Promise<Set<string>> | null = null;
  /** Appends run one at a time, so two overlapping publish calls cannot both write an alertId. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dir: string) {
    this.file = path.join(dir, OUTBOX_FILE);
  }

  publish(alerts: Alert[]): Promise<PublishResult> {
    const run = this.queue.then(() => this.publishNow(alerts));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async publishNow(alerts: Alert[]): Promise<PublishResult> {
    const known = await this.loadKnown();
    const failed: PublishResult['failed'] = [];
    const lines: string[] = [];
    const fresh = new Set<string>();
    /** Confirmed ids in input order; an id given twice is confirmed twice but written once. */
    const confirmed: string[] = [];

    for (const alert of alerts) {
      if (known.has(alert.alertId) || fresh.has(alert.alertId)) {
        // Already delivered (an earlier run, or earlier in this batch): confirm without writing.
        confirmed.push(alert.alertId);
        continue;
      }
      try {
        lines.push(JSON.stringify(toOutboxAlert(alert)));
        fresh.add(alert.alertId);
        confirmed.push(alert.alertId);
      } catch (err) {
        failed.push({ alertId: alert.alertId, error: `cannot serialise alert: ${(err as Error).message}` });
      }
    }

    // Nothing is confirmed before the lines are on disk: a failed append throws and confirms nothing.
    if (lines.length > 0) await this.appendDurably(lines);
    for (const id of fresh) known.add(id);
    return { published: confirmed, failed };
  }

  private loadKnown(): Promise<Set<string>> {
    if (!this.known) {
      this.known = this.readKnown();
      // A failed load (e.g. permissions) is retried on the next publish, not cached forever.
      this.known.catch(() => {
        this.known = null;
      });
    }
    return this.known;
  }

  private async readKnown(): Promise<Set<string>> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Set();
      throw new PublisherUnavailableError('OUTBOX_UNREADABLE', `cannot read ${this.file}: ${(err as Error).message}`, { cause: err });
    }
    return new Set(parseLines(text).map((a) => a.alertId));
  }

  /**
   * Makes the file end on a complete line: a line without its newline was cut short by a process
   * killed mid-append, and was never confirmed (confirmation waits for the whole line and fsync).
   * Its bytes are moved to `alerts.jsonl.torn` (kept, never deleted) and the file is truncated to
   * its last complete line, so readers always see valid JSONL. Returns the bytes moved.
   * The local runtime calls it at start (under the data directory's lock); publish calls it too.
   */
  async recover(): Promise<number> {
    let handle;
    try {
      handle = await open(this.file, 'r+');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw new PublisherUnavailableError('OUTBOX_UNWRITABLE', `cannot open ${this.file}: ${(err as Error).message}`, { cause: err });
    }
    try {
      const { size } = await handle.stat();
      const end = await lastNewlineEnd(handle, size);
      if (end === size) return 0;
      const torn = Buffer.alloc(size - end);
      await handle.read(torn, 0, torn.length, end);
      const aside = await open(`${this.file}.torn`, 'a');
      try {
        await aside.appendFile(torn);
        await aside.sync();
      } finally {
        await aside.close();
      }
      await handle.truncate(end);
      await handle.sync();
      return torn.length;
    } catch (err) {
      if (err instanceof PublisherUnavailableError) throw err;
      throw new PublisherUnavailableError('OUTBOX_UNWRITABLE', `cannot repair the torn last line of ${this.file}: ${(err as Error).message}`, { cause: err });
    } finally {
      await handle.close();
    }
  }

  /**
   * Appends one line per write call, then fsyncs once. A kill mid-way leaves whole lines and at
   * most one torn last line, which recover() moves aside before the next append. (One write for the
   * whole batch would be split by Node above 512 KiB into several, each a place to be cut.)
   * A new file also gets its directory entry synced so it survives a power cut.
   */
  private async appendDurably(lines: string[]): Promise<void> {
    let created = false;
    try {
      created = (await mkdir(this.dir, { recursive: true })) !== undefined;
      await this.recover();
      const handle = await open(this.file, 'a');
      try {
        created ||= (await handle.stat()).size === 0;
        for (const line of lines) await writeAll(handle, Buffer.from(`${line}\n`, 'utf8'));
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (err) {
      if (err instanceof PublisherUnavailableError) throw err;
      throw new PublisherUnavailableError('OUTBOX_UNWRITABLE', `cannot append to ${this.file}: ${(err as Error).message}`, { cause: err });
    }
    if (created) await syncDir(this.dir);
  }
}

type Handle = Awaited<ReturnType<typeof open>>;

/** write(2) may write less than asked: loop until the whole line is down. */
async function writeAll(handle: Handle, buf: Buffer): Promise<void> {
  let off = 0;
  while (off < buf.length) {
    const { bytesWritten } = await handle.write(buf, off, buf.length - off);
    off += bytesWritten;
  }
}

/** Offset just past the last newline (0 when there is none), reading backwards in 64 KiB steps. */
async function lastNewlineEnd(handle: Handle, size: number): Promise<number> {
  const step = 64 * 1024;
  const buf = Buffer.alloc(step);
  for (let end = size; end > 0; ) {
    const start = Math.max(0, end - step);
    const { bytesRead } = await handle.read(buf, 0, end - start, start);
    const at = buf.subarray(0, bytesRead).lastIndexOf(0x0a);
    if (at >= 0) return start + at + 1;
    end = start;
  }
  return 0;
}

/** Reads every complete alert of an outbox; a missing outbox is empty, a torn last line is skipped. */
export async function readOutbox(dir: string): Promise<OutboxAlert[]> {
  let text: string;
  try {
    text = await readFile(path.join(dir, OUTBOX_FILE), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return parseLines(text);
}

function parseLines(text: string): OutboxAlert[] {
  const out: OutboxAlert[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      // A line cut short by a crash mid-append: it was never reported published, so skip it.
      continue;
    }
    if (value !== null && typeof value === 'object' && typeof (value as { alertId?: unknown }).alertId === 'string') {
      out.push(value as OutboxAlert);
    }
  }
  return out;
}

/** fsync of a directory makes a new entry in it durable; not supported everywhere (Windows), so best effort. */
async function syncDir(dir: string): Promise<void> {
  // Every level mkdir may have created needs it too, but the outbox dir itself is what readers open.
  for (const d of [dir, path.dirname(dir)]) {
    try {
      const handle = await open(d, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // EISDIR/EPERM/EINVAL on platforms without directory fsync: the file itself is synced.
    }
  }
}
