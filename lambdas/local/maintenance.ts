/**
 * `banwatch backup DIR` and `banwatch repair`: the two things a user does with a data directory
 * besides running banwatch on it. Both lock the directory first (no banwatch process may write
 * while they work) and neither deletes anything: repair copies the database aside before it
 * changes a byte.
 */
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { StoreUnavailableError } from '../core/errors.js';
import { FileOutboxPublisher } from '../adapters/file-outbox.js';
import { LOCK_DIR, lockDir } from './dir-lock.js';
import { checkLevelDb, classifyDir, type Problem } from './leveldb-check.js';
import { CLEAN_RECORD, REPAIR_MARKER, preflight, writeCleanRecord } from './preflight.js';
import { LOCAL_STORE_ERROR_CODES, damagedError, translateLocalStoreError } from './store-errors.js';

export interface BackupResult {
  from: string;
  to: string;
  files: number;
  bytes: number;
}

export interface RepairResult {
  dataDir: string;
  /** Where the database was copied before anything changed. */
  backup: string;
  /** What the check found before repairing (empty: the files were sound). */
  problems: Problem[];
  /** LevelDB's RepairDB ran (only when the files had problems). */
  rebuiltFromFiles: boolean;
  /** Data blocks with a bad checksum that repair dropped (their rows are lost; the copy keeps them). */
  blocksDropped: number;
  tablesActivated: string[];
  indexRowsFixed: number;
  outboxTornBytes: number;
}

/** Copies the database (and the outbox, when it is inside the data directory) into `dest`. */
export async function backupDataDir(dataDirIn: string, destIn: string): Promise<BackupResult> {
  const dataDir = resolve(dataDirIn);
  const dest = resolve(destIn);
  const dbPath = join(dataDir, 'db');
  if (classifyDir(dbPath) === 'new') {
    throw new StoreUnavailableError(LOCAL_STORE_ERROR_CODES.unreadable, `there is no banwatch database in ${dataDir} to back up`);
  }
  if (exists(dest) && readdirSync(dest).length > 0) {
    throw new StoreUnavailableError(LOCAL_STORE_ERROR_CODES.unreadable, `backup destination ${dest} exists and is not empty; choose a new directory`);
  }
  const lock = await lockDir(dbPath, `data directory ${dataDir}`);
  try {
    const check = checkLevelDb(dbPath);
    const first = check.problems[0];
    if (first) throw damagedError(dataDir, `db/${first.file} ${first.what}; no backup was written`);
    const result: BackupResult = { from: dataDir, to: dest, files: 0, bytes: 0 };
    copyTree(dbPath, join(dest, 'db'), result);
    const outbox = join(dataDir, 'outbox');
    if (exists(outbox)) copyTree(outbox, join(dest, 'outbox'), result);
    return result;
  } catch (err) {
    throw translateLocalStoreError(err, dataDir);
  } finally {
    await lock.release();
  }
}

/**
 * Makes a damaged or interrupted data directory usable again, keeping a copy of everything:
 *  1. copy db/ to <data>/backups/db-<time>-before-repair/;
 *  2. when the files fail the check: mark the data blocks whose checksum fails as unreadable (so
 *     LevelDB drops exactly them instead of reading garbage) and run LevelDB's RepairDB, which
 *     rebuilds the MANIFEST and CURRENT from the table and log files;
 *  3. finish an interrupted table creation and rebuild every index row from the base rows (the
 *     pending-alert index included), then record a clean shutdown;
 *  4. move a torn last line of the outbox aside.
 */
export async function repairDataDir(dataDirIn: string, now: Date = new Date()): Promise<RepairResult> {
  const dataDir = resolve(dataDirIn);
  const dbPath = join(dataDir, 'db');
  if (classifyDir(dbPath) === 'new') {
    throw new StoreUnavailableError(LOCAL_STORE_ERROR_CODES.unreadable, `there is no banwatch database in ${dataDir} to repair`);
  }
  const lock = await lockDir(dbPath, `data directory ${dataDir}`);
  try {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    // A repair killed half way left files derived from its copy: start again from that copy,
    // moving the half-repaired files aside (kept, like everything else).
    const interrupted = readRepairMarker(dbPath);
    if (interrupted) {
      moveContents(dbPath, join(dataDir, 'backups', `db-${stamp}-interrupted-repair`));
      copyTree(interrupted, dbPath, { files: 0, bytes: 0 });
    }
    const backup = join(dataDir, 'backups', `db-${stamp}-before-repair`);
    copyTree(dbPath, backup, { files: 0, bytes: 0 });
    // From here until the end the files are in flux: the marker makes every start refuse them (and
    // the next repair start over from `backup`) if this process dies before it is done.
    writeFileSync(join(dbPath, REPAIR_MARKER), `${backup}\n`);
    const check = checkLevelDb(dbPath);
    const result: RepairResult = {
      dataDir,
      backup,
      problems: check.problems,
      rebuiltFromFiles: false,
      blocksDropped: 0,
      tablesActivated: [],
      indexRowsFixed: 0,
      outboxTornBytes: 0,
    };
    // The clean-shutdown record describes files repair is about to change (the copy keeps it).
    rmSync(join(dbPath, CLEAN_RECORD), { force: true });
    if (check.problems.length > 0) {
      for (const p of check.problems) result.blocksDropped += markUnreadable(join(dbPath, p.file), p.badBlocks ?? []);
      await ClassicLevel.repair(dbPath);
      result.rebuiltFromFiles = true;
    }
    const after = checkLevelDb(dbPath);
    const left = after.problems[0];
    if (left) throw damagedError(dataDir, `repair could not fix db/${left.file} (${left.what}); the copy in ${backup} is untouched`);
    const fixed = await preflight(dbPath, { dataDir, rebuildIndexes: true });
    result.tablesActivated = fixed.tablesActivated;
    result.indexRowsFixed = fixed.indexRowsFixed;
    writeCleanRecord(dbPath);
    rmSync(join(dbPath, REPAIR_MARKER), { force: true });
    result.outboxTornBytes = await new FileOutboxPublisher(join(dataDir, 'outbox')).recover();
    return result;
  } catch (err) {
    throw translateLocalStoreError(err, dataDir);
  } finally {
    await lock.release();
  }
}

function readRepairMarker(dbPath: string): string | null {
  try {
    const backup = readFileSync(join(dbPath, REPAIR_MARKER), 'utf8').trim();
    return backup && exists(backup) ? backup : null;
  } catch {
    return null;
  }
}

function moveContents(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (name === LOCK_DIR || name === 'LOCK') continue;
    renameSync(join(from, name), join(to, name));
  }
}

/**
 * Sets the compression-type byte of each block to a value LevelDB rejects ("bad block type"), so
 * iterators skip the block instead of decoding bytes whose checksum failed. Returns blocks marked.
 */
function markUnreadable(file: string, blocks: Array<{ offset: number; size: number }>): number {
  if (blocks.length === 0) return 0;
  const fd = openSync(file, 'r+');
  try {
    for (const b of blocks) writeSync(fd, Buffer.from([0xff]), 0, 1, b.offset + b.size);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return blocks.length;
}

function copyTree(from: string, to: string, count: { files: number; bytes: number }): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (name === LOCK_DIR || name === 'LOCK') continue;
    const src = join(from, name);
    const dst = join(to, name);
    const st = statSync(src);
    if (st.isDirectory()) {
      copyTree(src, dst, count);
      continue;
    }
    copyFileSync(src, dst);
    const fd = openSync(dst, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    count.files++;
    count.bytes += st.size;
  }
}

function exists(path: string): boolean {
  return statSafe(path) !== null;
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
