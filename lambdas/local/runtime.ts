/**
 * The local composition root: the one place (besides lambdas/handlers/compose.ts) that builds
 * adapters. The CLI asks it for a store on dynalite, an HTTP fetcher and a file outbox.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createDocumentClient, DynamoStore } from '../adapters/dynamo-store.js';
import { FileOutboxPublisher } from '../adapters/file-outbox.js';
import { HttpFeedFetcher } from '../adapters/http-fetcher.js';
import { systemClock, type Clock, type Logger, type Store } from '../ports.js';
import { DEFAULT_ALERT_POLICY, type AlertPolicy } from '../pipeline.js';
import { ensureTable, startLocalDynamo } from './dynalite.js';

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

export async function openLocal(opts: LocalOptions): Promise<LocalRuntime> {
  const dataDir = resolve(opts.dataDir);
  const outboxDir = resolve(opts.outboxDir ?? `${dataDir}/outbox`);
  let dbPath: string | undefined;
  if (!opts.memory) {
    dbPath = `${dataDir}/db`;
    mkdirSync(dbPath, { recursive: true });
  }
  const dynamo = await startLocalDynamo(dbPath ? { path: dbPath } : {});
  try {
    await ensureTable(dynamo.client, LOCAL_TABLE);
  } catch (err) {
    await dynamo.close();
    throw err;
  }
  const store = new DynamoStore(createDocumentClient(dynamo.client), LOCAL_TABLE, { logger: opts.logger });
  return {
    store,
    fetcher: new HttpFeedFetcher({ allowHosts: opts.allowHosts ?? [] }),
    publisher: new FileOutboxPublisher(outboxDir),
    clock: opts.clock ?? systemClock,
    logger: opts.logger,
    alertPolicy: opts.alertPolicy ?? DEFAULT_ALERT_POLICY,
    dataDir,
    outboxDir,
    close: () => dynamo.close(),
  };
}
