/**
 * The local composition root: the one place (besides lambdas/handlers/compose.ts) that builds
 * adapters. The CLI asks it for a store on dynalite, an HTTP fetcher and a file outbox.
 */
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StoreUnavailableError } from '../core/errors.js';
import { createDocumentClient, DynamoStore } from '../adapters/dynamo-store.js';
import { FileOutboxPublisher, OUTBOX_FILE } from '../adapters/file-outbox.js';
import { HttpFeedFetcher } from '../adapters/http-fetcher.js';
import { systemClock, type Clock, type Logger, type Store } from '../ports.js';
import { DEFAULT_ALERT_POLICY, type AlertPolicy } from '../pipeline.js';
import { lockDir } from './dir-lock.js';
import { ensureTable, startLocalDynamo } from './dynalite.js';
import { classifyDir } from './leveldb-check.js';
import { LOCAL_STORE_ERROR_CODES } from './store-errors.js';

export const LOCAL_TABLE = 'banwatch';

export interface LocalOptions {
  /** Data directory (database under <data>/db). */
  dataDir: string;
  /** Keep the database in memory (nothing on disk but the outbox). */
  memory?: boolean;
  /** Outbox directory; default <data>/outbox. */
  outboxDir?: string;
  /** Hosts the fetcher may reach even on private networks (the demo's 127.0.0.1). */
  allowHosts?: string[];
  /** A command that only reads: never creates a database on disk, nor repairs the outbox. */
  readOnly?: boolean;
  logger: Logger;
  /** The cycle's time (`run --now`, the demo, replays); default the system clock. */
  clock?: Clock;
  /** Old-news rules; default DEFAULT_ALERT_POLICY. */
  alertPolicy?: AlertPolicy;
}

export interface LocalRuntime {
  store: Store;
  fetcher: HttpFeedFetcher;
  publisher: FileOutboxPublisher;
  clock: Clock;
  logger: Logger;
  alertPolicy: AlertPolicy;
  dataDir: string;
  outboxDir: string;
  close(): Promise<void>;
}

/** Hosts from --allow-hosts and BANWATCH_ALLOW_HOSTS, comma or space separated. */
export function parseAllowHosts(...lists: Array<string | undefined>): string[] {
  return [...new Set(lists.flatMap((l) => (l ?? '').split(/[\s,]+/)).map((h) => h.trim().toLowerCase()).filter(Boolean))];
}

/**
 * Opens the local store and outbox. On disk the data directory is locked for as long as the
 * runtime is open (until close(), or the process's death); `--memory` locks the outbox directory
 * instead, the only thing it writes. Then the outbox's torn last line, if a killed run left one,
 * is repaired before anything reads it.
 */
export async function openLocal(opts: LocalOptions): Promise<LocalRuntime> {
  const dataDir = resolve(opts.dataDir);
  const outboxDir = resolve(opts.outboxDir ?? `${dataDir}/outbox`);
  const closers: Array<() => Promise<void>> = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close();
  };
  try {
    if (opts.memory) {
      const lock = await lockDir(outboxDir, `outbox directory ${outboxDir}`);
      closers.push(() => lock.release());
    }
    const dbPath = `${dataDir}/db`;
    const noDatabase = !opts.memory && classifyDir(dbPath) === 'new';
    // No database, but an outbox holding the alerts one sent: the database was deleted or moved.
    // Starting afresh would pass that off as "no events"; say so instead.
    if (noDatabase && sizeOf(join(outboxDir, OUTBOX_FILE)) > 0) {
      throw new StoreUnavailableError(
        LOCAL_STORE_ERROR_CODES.damaged,
        `the database in ${dataDir} is missing (db/ holds none) but ${join(outboxDir, OUTBOX_FILE)} holds alerts it sent: it was deleted or moved; restore the data directory from a backup, or move the whole directory aside to start afresh`,
      );
    }
    // A command that only reads, pointed at a directory where nothing was ever stored, shows an
    // empty store (in memory) instead of creating one on disk. A directory that holds data but
    // cannot be opened is an error, never "empty" (see preflight.ts).
    const nothingStored = opts.readOnly && noDatabase;
    const dynamo = await startLocalDynamo(opts.memory || nothingStored ? {} : { path: dbPath, dataDir });
    closers.push(() => dynamo.close());
    if (dynamo.preflight && !dynamo.preflight.clean) {
      opts.logger.warn('the previous run did not finish; index rows checked against the stored events', {
        indexRowsFixed: dynamo.preflight.indexRowsFixed,
        tablesActivated: dynamo.preflight.tablesActivated,
      });
    }
    for (const [file, bytes] of Object.entries(dynamo.preflight?.tornLogs ?? {})) {
      opts.logger.warn('the previous run was killed in the middle of a database write; that unconfirmed write is dropped and redone by the runs that follow', { file: `db/${file}`, bytes });
    }
    await ensureTable(dynamo.client, LOCAL_TABLE);
    const publisher = new FileOutboxPublisher(outboxDir);
    if (!opts.readOnly) {
      const torn = await publisher.recover();
      if (torn > 0) opts.logger.warn('the outbox ended in a line a killed run left incomplete; moved it aside', { bytes: torn, file: `${outboxDir}/alerts.jsonl.torn` });
    }
    const store = new DynamoStore(createDocumentClient(dynamo.client), LOCAL_TABLE, { logger: opts.logger });
    return {
      store,
      fetcher: new HttpFeedFetcher({ allowHosts: opts.allowHosts ?? [] }),
      publisher,
      clock: opts.clock ?? systemClock,
      logger: opts.logger,
      alertPolicy: opts.alertPolicy ?? DEFAULT_ALERT_POLICY,
      dataDir,
      outboxDir,
      close: closeAll,
    };
  } catch (err) {
    await closeAll().catch(() => undefined);
    throw err;
  }
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
