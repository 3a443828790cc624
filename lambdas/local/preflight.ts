/**
 * What happens to the local database directory before dynalite opens it, with the directory
 * locked (dir-lock.ts) so nothing else can touch it meanwhile:
 *
 *  1. check the files (leveldb-check.ts): a damaged store is refused with a clear error and left
 *     exactly as it was; a directory that holds data but lost CURRENT is never created over;
 *  2. compare them with the record the last clean shutdown left: after a clean shutdown every live
 *     file must be exactly as it was (a shorter log is damage, not a torn write);
 *  3. open LevelDB ourselves and finish what a killed process left half done:
 *     - a table still CREATING (dynalite flips it to ACTIVE from a timer; a kill in between left it
 *       CREATING forever) is made ACTIVE, exactly as that timer would have;
 *     - after an unclean shutdown, the secondary-index rows are rebuilt from the base rows in one
 *       atomic batch: dynalite writes index rows and the base row as separate LevelDB writes, so a
 *       kill between them leaves an event PENDING but absent from the pending index (never sent),
 *       or an index row for an event that was never written.
 *
 * The clean-shutdown record (`.banwatch-clean.json` in the database directory) is removed before
 * LevelDB opens the store for writing and written again only after dynalite closed it.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { StoreUnavailableError } from '../core/errors.js';
import { checkLevelDb, type CheckResult, type DirKind } from './leveldb-check.js';
import { LOCAL_STORE_ERROR_CODES, damagedError, translateLocalStoreError } from './store-errors.js';

export const CLEAN_RECORD = '.banwatch-clean.json';
/** Present while `banwatch repair` works on the files; holds the path of its copy of the originals. */
export const REPAIR_MARKER = '.banwatch-repairing';

interface CleanRecord {
  closedAt: string;
  files: Record<string, number>;
}

export interface PreflightResult {
  kind: DirKind;
  /** The previous process closed the store cleanly (or there was none). */
  clean: boolean;
  /** Tables found CREATING and made ACTIVE. */
  tablesActivated: string[];
  /** Index rows written or deleted by the rebuild after an unclean shutdown. */
  indexRowsFixed: number;
  /** Logs that ended in a write cut short by a killed process: file → bytes not replayed. */
  tornLogs: Record<string, number>;
  bytesChecked: number;
}

export interface PreflightOptions {
  /** The data directory, for messages. */
  dataDir: string;
  /** Rebuild the index rows even after a clean shutdown (banwatch repair). */
  rebuildIndexes?: boolean;
}

/** Runs steps 1–3 on `dbPath`. Throws StoreUnavailableError (STORE_DAMAGED, …) and changes nothing when refusing. */
export async function preflight(dbPath: string, opts: PreflightOptions): Promise<PreflightResult> {
  if (!opts.rebuildIndexes && existsSync(join(dbPath, REPAIR_MARKER))) {
    throw damagedError(opts.dataDir, 'a `banwatch repair` was interrupted before it finished (its copy of the original files is kept)');
  }
  let check: CheckResult;
  try {
    check = checkLevelDb(dbPath);
  } catch (err) {
    throw translateLocalStoreError(err, opts.dataDir);
  }
  const first = check.problems[0];
  if (first) throw damagedError(opts.dataDir, `db/${first.file} ${first.what}`);

  const record = readCleanRecord(dbPath);
  if (record && check.kind === 'existing') {
    const diff = compareFiles(record.files, check.files);
    if (diff) throw damagedError(opts.dataDir, `db/${diff} since banwatch closed it cleanly at ${record.closedAt}`);
  }
  const clean = check.kind === 'new' || record !== null;
  const result: PreflightResult = { kind: check.kind, clean, tablesActivated: [], indexRowsFixed: 0, bytesChecked: check.bytesChecked, tornLogs: check.tornLogs };

  // From here on the store may change: a crash now must not look like a clean shutdown.
  try {
    removeCleanRecord(dbPath);
  } catch (err) {
    throw translateLocalStoreError(err, opts.dataDir);
  }

  const db = new ClassicLevel<string, string>(dbPath, {
    createIfMissing: check.kind === 'new',
    errorIfExists: false,
    keyEncoding: 'utf8',
    valueEncoding: 'utf8',
  });
  try {
    await db.open();
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause;
    if (cause?.code === 'LEVEL_LOCKED') {
      throw new StoreUnavailableError(
        LOCAL_STORE_ERROR_CODES.locked,
        `the database in ${opts.dataDir} is open in another process (its LevelDB lock is held); stop that process and run again`,
        { cause: err },
      );
    }
    throw translateLocalStoreError(err, opts.dataDir);
  }
  try {
    const tables = await readTables(db, opts.dataDir);
    for (const table of tables) {
      if (table.TableStatus === 'CREATING') {
        await db.put(`table~${table.TableName}`, JSON.stringify(activated(table)));
        result.tablesActivated.push(table.TableName);
      }
      if (!clean || opts.rebuildIndexes) result.indexRowsFixed += await rebuildIndexes(db, table);
    }
  } catch (err) {
    throw translateLocalStoreError(err, opts.dataDir);
  } finally {
    await db.close().catch(() => undefined);
  }
  return result;
}

// ---------------------------------------------------------------- clean-shutdown record

function readCleanRecord(dbPath: string): CleanRecord | null {
  let text: string;
  try {
    text = readFileSync(join(dbPath, CLEAN_RECORD), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as CleanRecord;
    return parsed && typeof parsed.files === 'object' && parsed.files !== null ? parsed : null;
  } catch {
    // A record cut short is no record: the shutdown is treated as unclean (the cautious side).
    return null;
  }
}

function removeCleanRecord(dbPath: string): void {
  rmSync(join(dbPath, CLEAN_RECORD), { force: true });
  syncDir(dbPath);
}

/** Records the live files after dynalite closed the store: the next start checks them against it. */
export function writeCleanRecord(dbPath: string): void {
  const check = checkLevelDb(dbPath, { verify: false });
  if (check.kind !== 'existing' || check.problems.length > 0) return;
  const record: CleanRecord = { closedAt: new Date().toISOString(), files: check.files };
  const tmp = join(dbPath, `${CLEAN_RECORD}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(record)}\n`);
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, join(dbPath, CLEAN_RECORD));
  syncDir(dbPath);
}

/** The first difference between the recorded and the present live files, worded for a message. */
function compareFiles(recorded: Record<string, number>, now: Record<string, number>): string | null {
  for (const [name, size] of Object.entries(recorded)) {
    if (!(name in now)) return `${name} is missing`;
    if (now[name] !== size) return `${name} is ${now[name]} bytes, it was ${size}`;
  }
  for (const name of Object.keys(now)) if (!(name in recorded)) return `${name} appeared`;
  return null;
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directory fsync is not supported everywhere (Windows); the rename itself is atomic.
  }
}

// ---------------------------------------------------------------- dynalite's rows

interface IndexDef {
  IndexName: string;
  KeySchema: Array<{ AttributeName: string; KeyType: string }>;
  Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
  IndexStatus?: string;
}

interface TableDef {
  TableName: string;
  TableStatus: string;
  CreationDateTime?: number;
  GlobalSecondaryIndexes?: IndexDef[];
  LocalSecondaryIndexes?: IndexDef[];
  BillingModeSummary?: Record<string, unknown>;
  [k: string]: unknown;
}

type AttrMap = Record<string, Record<string, unknown>>;

interface DynaliteDb {
  getIndexActions(indexes: IndexDef[], existing: AttrMap | null, item: AttrMap, table: TableDef): { puts: Array<{ index: string; key: string; item: AttrMap }> };
}

/** dynalite's own index-key functions, so rebuilt rows are byte for byte what dynalite writes. */
const dynaliteDb = (): DynaliteDb => {
  const requireFromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
  return requireFromDynalite('./db/index.js') as DynaliteDb;
};

async function readTables(db: ClassicLevel<string, string>, dataDir: string): Promise<TableDef[]> {
  const tables: TableDef[] = [];
  for await (const [key, value] of db.iterator({ gte: 'table~', lt: 'table~\xff' })) {
    let table: TableDef;
    try {
      table = JSON.parse(value) as TableDef;
    } catch (err) {
      // dynalite would quietly delete an unreadable table row (and with it the table): refuse instead.
      throw damagedError(dataDir, `the definition of table "${key.slice('table~'.length)}" is unreadable`, err);
    }
    tables.push(table);
  }
  return tables;
}

/** What dynalite's CreateTable timer writes when the table becomes ACTIVE. */
function activated(table: TableDef): TableDef {
  const out: TableDef = { ...table, TableStatus: 'ACTIVE' };
  if (out.GlobalSecondaryIndexes) out.GlobalSecondaryIndexes = out.GlobalSecondaryIndexes.map((i) => ({ ...i, IndexStatus: 'ACTIVE' }));
  if (out.BillingModeSummary) out.BillingModeSummary = { ...out.BillingModeSummary, LastUpdateToPayPerRequestDateTime: out.CreationDateTime };
  return out;
}

/**
 * Makes the table's index rows exactly those its base rows imply, in one atomic batch. Returns how
 * many rows it wrote or deleted (0 when they already matched).
 */
async function rebuildIndexes(db: ClassicLevel<string, string>, table: TableDef): Promise<number> {
  const kinds: Array<['global' | 'local', IndexDef[]]> = [
    ['global', table.GlobalSecondaryIndexes ?? []],
    ['local', table.LocalSecondaryIndexes ?? []],
  ];
  if (kinds.every(([, list]) => list.length === 0)) return 0;
  const { getIndexActions } = dynaliteDb();
  const keyAttrs = [...new Set(kinds.flatMap(([, list]) => list.flatMap((i) => i.KeySchema.map((k) => k.AttributeName))))];
  const expected = new Map<string, string>();
  const itemPrefix = `item-${table.TableName}~`;
  for await (const [, value] of db.iterator({ gte: itemPrefix, lt: `${itemPrefix}\xff` })) {
    // Most rows (feed items) carry no index key: skip them without parsing.
    if (!keyAttrs.some((a) => value.includes(`"${a}":`))) continue;
    const item = JSON.parse(value) as AttrMap;
    for (const [kind, list] of kinds) {
      if (list.length === 0) continue;
      for (const put of getIndexActions(list, null, item, table).puts) {
        expected.set(`index-${kind}~${table.TableName}~${put.index}~${put.key}`, JSON.stringify(put.item));
      }
    }
  }
  const ops: Array<{ type: 'put'; key: string; value: string } | { type: 'del'; key: string }> = [];
  for (const [kind] of kinds) {
    const prefix = `index-${kind}~${table.TableName}~`;
    for await (const [key, value] of db.iterator({ gte: prefix, lt: `${prefix}\xff` })) {
      const want = expected.get(key);
      if (want === undefined) ops.push({ type: 'del', key });
      else if (want === value) expected.delete(key);
    }
  }
  for (const [key, value] of expected) ops.push({ type: 'put', key, value });
  if (ops.length > 0) await db.batch(ops, { sync: true });
  return ops.length;
}
