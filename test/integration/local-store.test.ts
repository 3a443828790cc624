/**
 * The local store on disk: what opening a data directory does when a process was killed, when two
 * want it, and when its files are damaged; and `repair` / `backup`. Real dynalite and LevelDB files.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoStore } from '../../lambdas/adapters/dynamo-store.js';
import { StoreUnavailableError } from '../../lambdas/core/errors.js';
import type { PolicyEvent } from '../../lambdas/core/model.js';
import { ensureTable, startLocalDynamo } from '../../lambdas/local/dynalite.js';
import { lockDir } from '../../lambdas/local/dir-lock.js';
import { checkLevelDb, crc32c, snappyDecompress } from '../../lambdas/local/leveldb-check.js';
import { backupDataDir, repairDataDir } from '../../lambdas/local/maintenance.js';
import { CLEAN_RECORD, REPAIR_MARKER } from '../../lambdas/local/preflight.js';
import { openLocal } from '../../lambdas/local/runtime.js';
import { isLocalStoreFailure, translateLocalStoreError } from '../../lambdas/local/store-errors.js';
import { silentLogger } from '../../lambdas/ports.js';

const TABLE = 'banwatch';
const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
async function dataDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'banwatch-local-'));
  dirs.push(d);
  return d;
}

function event(id: string, extra: Partial<PolicyEvent> = {}): PolicyEvent {
  const t = '2026-11-10T09:00:00.000Z';
  return {
    eventId: id,
    clusterKey: `JP|Huawei|procurement_exclusion|${id}`,
    seq: 0,
    countries: ['JP'],
    vendors: ['Huawei'],
    measure: 'procurement_exclusion',
    stage: 'announced',
    title: `Japan to exclude Huawei (${id})`,
    sources: [{ itemKey: `k-${id}`, title: 't', link: `https://news.example/${id}`, feedId: 'f', published: t }],
    evidence: ['exclude Huawei'],
    confidence: 0.9,
    firstSeen: t,
    lastSeen: t,
    alertState: 'PENDING',
    alertedStages: [],
    version: 1,
    ...extra,
  };
}

/** A data directory with `n` pending events, closed cleanly; `compact` also turns the log into a table file. */
async function seeded(n: number, opts: { compact?: boolean } = {}): Promise<string> {
  const dir = await dataDir();
  const local = await startLocalDynamo({ path: join(dir, 'db') });
  await ensureTable(local.client, TABLE);
  const store = new DynamoStore(local.doc, TABLE);
  for (let i = 0; i < n; i++) await store.saveEvent(event(`ev${i}`), 0);
  await local.close();
  if (opts.compact) await (await startLocalDynamo({ path: join(dir, 'db') })).close();
  return dir;
}

async function withStore<T>(dir: string, fn: (store: DynamoStore) => Promise<T>): Promise<T> {
  const local = await startLocalDynamo({ path: join(dir, 'db') });
  try {
    await ensureTable(local.client, TABLE);
    return await fn(new DynamoStore(local.doc, TABLE));
  } finally {
    await local.close();
  }
}

async function digest(dir: string): Promise<string> {
  const h = createHash('sha256');
  for (const name of (await readdir(dir)).sort()) {
    const p = join(dir, name);
    // LOCK is LevelDB's empty lock file: backups and repair copies leave it out.
    if (name !== 'LOCK' && (await stat(p)).isFile()) h.update(name).update(await readFile(p));
  }
  return h.digest('hex');
}

async function openError(dir: string): Promise<StoreUnavailableError> {
  const err = await startLocalDynamo({ path: join(dir, 'db'), dataDir: dir }).then(
    async (l) => {
      await l.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StoreUnavailableError);
  return err as StoreUnavailableError;
}

async function tableFile(dir: string): Promise<string> {
  const name = (await readdir(join(dir, 'db'))).find((n) => n.endsWith('.ldb'));
  expect(name).toBeDefined();
  return join(dir, 'db', name!);
}

describe('local store', () => {
  describe('startLocalDynamo', () => {
    it('refuses a directory whose CURRENT is gone, changing nothing, when table and log files remain', async () => {
      const dir = await seeded(3);
      await unlink(join(dir, 'db', 'CURRENT'));
      const before = await digest(join(dir, 'db'));

      const err = await openError(dir);

      expect(err.code).toBe('STORE_DAMAGED');
      expect(err.message).toMatch(/db\/CURRENT is missing.*banwatch repair --data/);
      expect(await digest(join(dir, 'db'))).toBe(before);
    });

    it('refuses a table file with a flipped bit that LevelDB itself would read without noticing', async () => {
      const dir = await seeded(20, { compact: true });
      const file = await tableFile(dir);
      const buf = await readFile(file);
      buf[100] = buf[100]! ^ 0x01;
      await writeFile(file, buf);

      const err = await openError(dir);

      expect(err.code).toBe('STORE_DAMAGED');
      expect(err.message).toMatch(/\.ldb has 1 data block\(s\) with a bad checksum/);
    });

    it('refuses a truncated table file, naming the size the MANIFEST recorded', async () => {
      const dir = await seeded(20, { compact: true });
      const file = await tableFile(dir);
      await truncate(file, 100);

      expect((await openError(dir)).message).toMatch(/\.ldb is 100 bytes, the MANIFEST recorded \d+/);
    });

    it('refuses a log cut short after a clean shutdown, but opens it after a crash (a torn write)', async () => {
      const dir = await seeded(5);
      const log = (await readdir(join(dir, 'db'))).find((n) => n.endsWith('.log'))!;
      const size = (await stat(join(dir, 'db', log))).size;
      expect(size).toBeGreaterThan(100);
      await truncate(join(dir, 'db', log), size - 10);

      expect((await openError(dir)).message).toMatch(/\.log is \d+ bytes, it was \d+ since banwatch closed it cleanly/);

      await unlink(join(dir, 'db', CLEAN_RECORD));
      const local = await startLocalDynamo({ path: join(dir, 'db') });
      try {
        expect(local.preflight?.tornLogs).toEqual({ [log]: expect.any(Number) });
        await ensureTable(local.client, TABLE);
        // The torn record is the last write: the resolution head raised after the fifth event's
        // creation (harmless to lose: creation probes past the head), not the event itself.
        expect(await new DynamoStore(local.doc, TABLE).queryEvents({})).toHaveLength(5);
      } finally {
        await local.close();
      }
    });

    it('refuses a log record whose checksum fails instead of letting LevelDB drop it', async () => {
      const dir = await seeded(5);
      const log = join(dir, 'db', (await readdir(join(dir, 'db'))).find((n) => n.endsWith('.log'))!);
      const buf = await readFile(log);
      const at = Math.floor(buf.length / 2);
      buf[at] = buf[at]! ^ 0x20;
      await writeFile(log, buf);
      await unlink(join(dir, 'db', CLEAN_RECORD));

      expect((await openError(dir)).message).toMatch(/\.log checksum mismatch in the record at offset \d+/);
    });

    it('makes a table left CREATING by a killed first run ACTIVE instead of waiting for it forever', async () => {
      const dir = await seeded(2);
      const db = new ClassicLevel<string, string>(join(dir, 'db'), { valueEncoding: 'utf8' });
      const table = JSON.parse((await db.get(`table~${TABLE}`)) ?? 'null') as { TableStatus: string };
      await db.put(`table~${TABLE}`, JSON.stringify({ ...table, TableStatus: 'CREATING' }));
      await db.close();
      await unlink(join(dir, 'db', CLEAN_RECORD));

      const local = await startLocalDynamo({ path: join(dir, 'db') });
      try {
        expect(local.preflight).toMatchObject({ clean: false, tablesActivated: [TABLE] });
        await ensureTable(local.client, TABLE);
        expect((await new DynamoStore(local.doc, TABLE).queryEvents({})).length).toBe(2);
      } finally {
        await local.close();
      }
    });

    it('lists a pending event again after a crash left it out of the pending index', async () => {
      const dir = await seeded(3);
      // What a kill between dynalite's index write and base write leaves: the base row PENDING, its
      // pending-index row gone (markAlerted deletes it first), an orphan index row for another event.
      const db = new ClassicLevel<string, string>(join(dir, 'db'), { valueEncoding: 'utf8' });
      const pendingRows: string[] = [];
      for await (const key of db.keys({ gte: `index-global~${TABLE}~pending~`, lt: `index-global~${TABLE}~pending~\xff` })) pendingRows.push(key);
      expect(pendingRows).toHaveLength(3);
      await db.del(pendingRows[0] as string);
      await db.put(`index-global~${TABLE}~events~orphan`, JSON.stringify({ pk: { S: 'EVENT#ghost' } }));
      await db.close();
      await unlink(join(dir, 'db', CLEAN_RECORD));

      const local = await startLocalDynamo({ path: join(dir, 'db') });
      try {
        await ensureTable(local.client, TABLE);
        const store = new DynamoStore(local.doc, TABLE);
        expect(local.preflight?.indexRowsFixed).toBe(2);
        expect((await store.listPendingEvents()).map((e) => e.eventId).sort()).toEqual(['ev0', 'ev1', 'ev2']);
        expect((await store.queryEvents({})).map((e) => e.eventId).sort()).toEqual(['ev0', 'ev1', 'ev2']);
      } finally {
        await local.close();
      }
    });

    it('refuses a second holder with STORE_LOCKED while the first is open, and opens once it closed', async () => {
      const dir = await seeded(1);
      const first = await startLocalDynamo({ path: join(dir, 'db'), dataDir: dir });
      try {
        const err = await openError(dir);
        expect(err.code).toBe('STORE_LOCKED');
        expect(err.message).toMatch(new RegExp(`data directory .* is in use by another banwatch process \\(pid ${process.pid}\\)`));
      } finally {
        await first.close();
      }
      expect(await withStore(dir, (s) => s.queryEvents({}))).toHaveLength(1);
    });
  });

  describe('lockDir', () => {
    it('recreates a damaged lock directory, which holds no data, and still locks', async () => {
      const dir = await dataDir();
      const lock = await lockDir(dir);
      await lock.release();
      await writeFile(join(lock.path, 'CURRENT'), 'garbage');

      const again = await lockDir(dir);
      try {
        await expect(lockDir(dir)).rejects.toMatchObject({ code: 'STORE_LOCKED' });
      } finally {
        await again.release();
      }
    });
  });

  describe('openLocal', () => {
    it('shows an empty store for a command that only reads, creating nothing, when nothing was ever stored', async () => {
      const dir = join(await dataDir(), 'never-run');

      const rt = await openLocal({ dataDir: dir, readOnly: true, logger: silentLogger });
      try {
        expect(await rt.store.queryEvents({})).toEqual([]);
      } finally {
        await rt.close();
      }
      await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
    });

    it('refuses, for reading and for running, a directory whose database is gone but whose outbox holds alerts', async () => {
      const dir = await seeded(2);
      await mkdir(join(dir, 'outbox'), { recursive: true });
      await writeFile(join(dir, 'outbox', 'alerts.jsonl'), `${JSON.stringify({ alertId: 'ev0:announced', eventId: 'ev0' })}\n`);
      await rm(join(dir, 'db'), { recursive: true });

      for (const readOnly of [true, false]) {
        const err = await openLocal({ dataDir: dir, readOnly, logger: silentLogger }).then(
          (rt) => rt.close(),
          (e: unknown) => e,
        );
        expect(err).toMatchObject({ code: 'STORE_DAMAGED' });
        expect((err as Error).message).toMatch(/is missing \(db\/ holds none\) but .*alerts\.jsonl holds alerts/);
      }
      await expect(stat(join(dir, 'db'))).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });

  describe('repairDataDir', () => {
    it('rebuilds a store whose CURRENT is gone, keeping a copy of the damaged files, and every event comes back', async () => {
      const dir = await seeded(4);
      await unlink(join(dir, 'db', 'CURRENT'));
      const damaged = await digest(join(dir, 'db'));

      const r = await repairDataDir(dir, new Date('2026-12-01T00:00:00Z'));

      expect(r).toMatchObject({ rebuiltFromFiles: true, problems: [expect.objectContaining({ file: 'CURRENT' })] });
      expect(await digest(r.backup)).toBe(damaged);
      expect((await withStore(dir, (s) => s.queryEvents({}))).map((e) => e.eventId).sort()).toEqual(['ev0', 'ev1', 'ev2', 'ev3']);
    });

    it('starts over from its copy when a previous repair was killed half way, and every start refuses meanwhile', async () => {
      const dir = await seeded(3);
      const first = await repairDataDir(dir, new Date('2026-12-01T00:00:00Z'));
      // What a kill inside RepairDB leaves: its marker, and files that are neither old nor new.
      await writeFile(join(dir, 'db', REPAIR_MARKER), `${first.backup}\n`);
      await unlink(join(dir, 'db', 'CURRENT'));

      expect((await openError(dir)).message).toMatch(/a `banwatch repair` was interrupted/);

      await repairDataDir(dir, new Date('2026-12-01T00:01:00Z'));
      expect((await withStore(dir, (s) => s.queryEvents({}))).map((e) => e.eventId).sort()).toEqual(['ev0', 'ev1', 'ev2']);
      expect(await readdir(join(dir, 'backups'))).toContain('db-2026-12-01T00-01-00-000Z-interrupted-repair');
    });

    it('drops exactly the table block whose checksum failed and keeps the others', async () => {
      const dir = await seeded(200, { compact: true });
      const file = await tableFile(dir);
      const buf = await readFile(file);
      // Three quarters in are base rows (index rows sort first, and losing those the rebuild repairs).
      const at = Math.floor(buf.length * 0.75);
      buf[at] = buf[at]! ^ 0x04;
      await writeFile(file, buf);

      const r = await repairDataDir(dir);

      expect(r.blocksDropped).toBe(1);
      const left = await withStore(dir, (s) => s.queryEvents({ limit: 1000 }));
      expect(left.length).toBeGreaterThan(0);
      expect(left.length).toBeLessThan(200);
      expect(checkLevelDb(join(dir, 'db')).problems).toEqual([]);
    });
  });

  describe('backupDataDir', () => {
    it('copies a store that opens elsewhere with the same events, and refuses a non-empty destination', async () => {
      const dir = await seeded(3);
      const dest = join(await dataDir(), 'copy');

      const r = await backupDataDir(dir, dest);

      expect(r.files).toBeGreaterThan(2);
      expect((await withStore(dest, (s) => s.queryEvents({}))).map((e) => e.eventId).sort()).toEqual(['ev0', 'ev1', 'ev2']);
      await expect(backupDataDir(dir, dest)).rejects.toThrow(/not empty/);
    });
  });
});

describe('store-errors', () => {
  describe('translateLocalStoreError', () => {
    it.each([
      [Object.assign(new Error('Corruption: corrupted compressed block contents'), { code: 'LEVEL_CORRUPTION' }), 'STORE_DAMAGED', /is damaged: LevelDB reports "Corruption: corrupted compressed block contents".*banwatch repair --data \/d/],
      [Object.assign(new Error('Invalid argument: ...'), { code: 'LEVEL_IO_ERROR' }), 'STORE_DAMAGED', /is damaged/],
      [Object.assign(new Error('IO error: /d/db/000005.ldb: No space left on device'), { code: 'LEVEL_IO_ERROR' }), 'STORE_UNREADABLE', /free disk space/],
      [Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/d/db/CURRENT' }), 'STORE_UNREADABLE', /permission denied \(\/d\/db\/CURRENT\)/],
      [new Error('Database is closed'), 'STORE_UNREADABLE', /closed unexpectedly/],
    ])('gives %s the code %s and a hint', (err, code, message) => {
      expect(isLocalStoreFailure(err)).toBe(true);
      const t = translateLocalStoreError(err, '/d');
      expect(t).toBeInstanceOf(StoreUnavailableError);
      expect(t.code).toBe(code);
      expect(t.message).toMatch(message);
      expect(t.message).not.toMatch(/\n/);
    });

    it('leaves errors that are not the local store\'s alone', () => {
      expect(isLocalStoreFailure(new TypeError('x is undefined'))).toBe(false);
      expect(isLocalStoreFailure('a string')).toBe(false);
    });
  });
});

describe('leveldb-check', () => {
  describe('crc32c', () => {
    it('matches the CRC-32C check value when given "123456789"', () => {
      expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    });
  });

  describe('snappyDecompress', () => {
    it('expands literals and overlapping copies, and rejects a copy reaching before the start', () => {
      // length 10; literal "ab"; copy length 8 offset 2 (tag kind 1: len 4+4, offset 2) → "ababababab"
      expect(snappyDecompress(Buffer.from([10, 0x04, 0x61, 0x62, 0x11, 0x02]))?.toString()).toBe('ababababab');
      expect(snappyDecompress(Buffer.from([10, 0x04, 0x61, 0x62, 0x11, 0x09]))).toBeNull();
    });
  });
});
