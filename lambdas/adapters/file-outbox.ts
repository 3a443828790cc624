/**
 * The local outbox: the Publisher of `banwatch run` and the demo. Alerts are appended to
 * `<dir>/alerts.jsonl`, one JSON object a line, and are reported published only once the line
 * is on disk (fsync). Idempotent by alertId, so a run killed between publishing and marking the
 * event SENT writes nothing twice when it is run again.
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
    if (lines.length > 0) await this.appendDurably(lines.join('\n') + '\n');
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
   * Appends and fsyncs. When the file ends in a line cut short by a crash, the chunk starts with a
   * newline so the torn line stays alone (and skipped) instead of swallowing the next alert.
   * A new file also gets its directory entry synced so it survives a power cut.
   */
  private async appendDurably(chunk: string): Promise<void> {
    let created = false;
    try {
      created = (await mkdir(this.dir, { recursive: true })) !== undefined;
      // a+: append, and read the last byte to see whether the previous write finished its line.
      const handle = await open(this.file, 'a+');
      try {
        const { size } = await handle.stat();
        created ||= size === 0;
        let prefix = '';
        if (size > 0) {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) prefix = '\n';
        }
        await handle.appendFile(prefix + chunk, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (err) {
      throw new PublisherUnavailableError('OUTBOX_UNWRITABLE', `cannot append to ${this.file}: ${(err as Error).message}`, { cause: err });
    }
    if (created) await syncDir(this.dir);
  }
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
