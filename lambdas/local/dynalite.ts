/**
 * Local DynamoDB: dynalite (a DynamoDB-compatible server on LevelDB) in this process, plus the
 * table of lambdas/table.ts. Used by the CLI's composition root, the integration tests and the
 * bench. Data lives on disk when `path` is given, in memory otherwise.
 *
 * On disk, the directory is opened only as it is: locked first, checked, never created over
 * existing files, and left untouched when it is damaged (see preflight.ts).
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  type AttributeDefinition,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { StoreUnavailableError } from '../core/errors.js';
import { STORE_ERROR_CODES, createDocumentClient, translateStoreError } from '../adapters/dynamo-store.js';
import { KEY_ATTRIBUTES, TABLE } from '../table.js';
import { lockDir, type DirLock } from './dir-lock.js';
import { preflight, writeCleanRecord, type PreflightResult } from './preflight.js';

/**
 * dynalite reads LevelDB through stream wrappers that never close their iterators: a stream read to
 * its end just stops, and one cut short (a Query's Limit) calls `iterator.return()`, which
 * abstract-level's iterators do not have. Each Query and Scan so left an iterator open, holding a
 * LevelDB snapshot, until the database closed: memory that grew with every request of a long run.
 * Give the iterators both behaviours dynalite expects: closing at their end, and `return()`.
 */
function closeLevelIteratorsLikeDynaliteExpects(): void {
  const requireFromLevel = createRequire(createRequire(import.meta.url).resolve('classic-level'));
  const abstract = requireFromLevel('abstract-level') as Record<string, { prototype: Record<string | symbol, unknown> } | undefined>;
  for (const name of ['AbstractIterator', 'AbstractKeyIterator', 'AbstractValueIterator']) {
    const proto = abstract[name]?.prototype;
    if (!proto || proto[PATCHED]) continue;
    const next = proto.next as (this: { close(): Promise<void> }) => Promise<unknown>;
    proto.next = async function (this: { close(): Promise<void> }) {
      const item = await next.call(this);
      if (item === undefined) await this.close();
      return item;
    };
    proto.return = async function (this: { close(): Promise<void> }) {
      await this.close();
      return { done: true, value: undefined };
    };
    proto[PATCHED] = true;
  }
}
const PATCHED = Symbol.for('banwatch.closesIterators');
closeLevelIteratorsLikeDynaliteExpects();

export interface LocalDynamo {
  endpoint: string;
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  /** What the start found and fixed (on-disk stores only). */
  preflight?: PreflightResult;
  close(): Promise<void>;
}

export interface LocalDynamoOptions {
  /** The LevelDB directory; in memory when omitted. */
  path?: string;
  /** The data directory named in messages; default: the parent of `path`. */
  dataDir?: string;
  /** Rebuild every index row from the base rows even after a clean shutdown (banwatch repair). */
  rebuildIndexes?: boolean;
  maxAttempts?: number;
}

/**
 * 2 attempts: a local server either answers at once or is not there; the SDK's default of 3 with
 * backoff only delays the "not running" error. Overridable for tests that want exactly 1.
 */
const LOCAL_MAX_ATTEMPTS = 2;

/**
 * Starts dynalite in this process. With a `path`, in this order: lock the directory for the life of
 * the store (dir-lock.ts), check and fix the files with nothing else open (preflight.ts), then let
 * dynalite open them. close() closes dynalite, records a clean shutdown, then releases the lock.
 */
export async function startLocalDynamo(opts: LocalDynamoOptions = {}): Promise<LocalDynamo> {
  let lock: DirLock | undefined;
  let checked: PreflightResult | undefined;
  if (opts.path) {
    const dataDir = opts.dataDir ?? dirname(opts.path);
    lock = await lockDir(opts.path, `data directory ${dataDir}`);
    try {
      checked = await preflight(opts.path, { dataDir, ...(opts.rebuildIndexes ? { rebuildIndexes: true } : {}) });
    } catch (err) {
      await lock.release();
      throw err;
    }
  }
  // 0 ms state transitions: a local table is usable as soon as CreateTable returns (tests, CLI start).
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(opts.path ? { path: opts.path } : {}) });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      // Port 0: the OS picks a free port, so parallel test files and a running CLI never collide.
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    await lock?.release();
    throw err;
  }
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    // Clearly fake: dynalite checks only that a signature is present, never its secret.
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: opts.maxAttempts ?? LOCAL_MAX_ATTEMPTS,
  });
  const doc = createDocumentClient(client);
  let closed = false;
  return {
    endpoint,
    client,
    doc,
    ...(checked ? { preflight: checked } : {}),
    async close() {
      if (closed) return;
      closed = true;
      try {
        // Drop the SDK's keep-alive sockets first, so the server's close is not held open by them.
        client.destroy();
        await new Promise<void>((resolve, reject) => server.close((err?: Error) => (err ? reject(err) : resolve())));
        // Only a store dynalite closed without error counts as cleanly shut down.
        if (opts.path) writeCleanRecord(opts.path);
      } finally {
        await lock?.release();
      }
    },
  };
}

/**
 * Creates the table of lambdas/table.ts if missing and waits until it is ACTIVE. Idempotent.
 * Same shape as the CDK stack: PAY_PER_REQUEST, every GSI projecting ALL (the store relies on it).
 * TTL is not set: dynalite has no UpdateTimeToLive (and never expires rows anyway).
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const gsi = (i: { name: string; partitionKey: string; sortKey?: string }): GlobalSecondaryIndex => ({
    IndexName: i.name,
    KeySchema: [
      { AttributeName: i.partitionKey, KeyType: 'HASH' },
      ...(i.sortKey ? [{ AttributeName: i.sortKey, KeyType: 'RANGE' as const }] : []),
    ],
    Projection: { ProjectionType: 'ALL' },
  });
  const attributes: AttributeDefinition[] = [...new Set(KEY_ATTRIBUTES)].map((name) => ({
    AttributeName: name,
    AttributeType: 'S',
  }));
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributes,
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: Object.values(TABLE.indexes).map(gsi),
      }),
    );
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceInUseException') throw translateStoreError(err, tableName, 'CreateTable');
  }
  // 100 polls of 50 ms: dynalite with createTableMs 0 is ACTIVE at once; 5 s covers a slow disk.
  for (let i = 0; i < 100; i++) {
    let status: string | undefined;
    let indexNames: string[] = [];
    try {
      const res = await client.send(new DescribeTableCommand({ TableName: tableName }));
      status = res.Table?.TableStatus;
      indexNames = (res.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName ?? '');
    } catch (err) {
      if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw translateStoreError(err, tableName, 'DescribeTable');
    }
    if (status === 'ACTIVE') {
      assertSchema(tableName, indexNames);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new StoreUnavailableError(STORE_ERROR_CODES.unavailable, `DynamoDB table "${tableName}" did not become ACTIVE within 5 s`);
}

/** A data directory made by an older banwatch may lack an index the store now queries: say so. */
function assertSchema(tableName: string, indexNames: string[]): void {
  const missing = Object.values(TABLE.indexes)
    .map((i) => i.name)
    .filter((name) => !indexNames.includes(name));
  if (missing.length > 0) {
    throw new StoreUnavailableError(
      STORE_ERROR_CODES.schemaMismatch,
      `DynamoDB table "${tableName}" exists but lacks the index(es) ${missing.join(', ')}; it was made by another version: move the data directory aside and run again`,
    );
  }
}
