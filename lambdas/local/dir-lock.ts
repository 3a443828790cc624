/**
 * One banwatch process at a time per directory: an OS file lock held until release() or the
 * process's death.
 *
 * Node has no flock/fcntl of its own, so the lock is LevelDB's: a tiny LevelDB kept only for its
 * LOCK file (fcntl F_SETLK on POSIX, LockFileEx on Windows). The kernel drops it when the process
 * dies, however it dies, so a SIGKILL never leaves a stale lock behind and a rerun needs no cleanup.
 * The lock directory holds no user data: if it is damaged it is recreated, but its LOCK file is
 * never deleted (another process may hold that very file).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { StoreUnavailableError } from '../core/errors.js';
import { LOCAL_STORE_ERROR_CODES, describeFsError } from './store-errors.js';

export interface DirLock {
  /** The lock directory. */
  path: string;
  release(): Promise<void>;
}

/** Name of the lock directory inside the directory it guards. */
export const LOCK_DIR = '.banwatch-lock';
const OWNER_FILE = 'owner';

/**
 * Locks `dir` (created if missing) for this process. Throws StoreUnavailableError STORE_LOCKED when
 * another process holds it (naming its pid when known). `what` names it in messages, e.g.
 * "data directory /home/me/.banwatch" (default: "directory <dir>").
 */
export async function lockDir(dir: string, what = `directory ${dir}`): Promise<DirLock> {
  const path = join(dir, LOCK_DIR);
  try {
    mkdirSync(path, { recursive: true });
  } catch (err) {
    throw new StoreUnavailableError(LOCAL_STORE_ERROR_CODES.unreadable, `cannot create ${what}: ${describeFsError(err)}`, { cause: err });
  }
  let db = await tryOpen(path);
  if (db instanceof Error && !isLocked(db)) {
    // Not held, but unreadable (damaged by hand, a disk error): it holds nothing, so start it afresh.
    wipeKeepingLock(path);
    db = await tryOpen(path);
  }
  if (db instanceof Error) {
    if (isLocked(db)) {
      const owner = readOwner(path);
      throw new StoreUnavailableError(
        LOCAL_STORE_ERROR_CODES.locked,
        `${what} is in use by another banwatch process${owner ? ` (pid ${owner})` : ''}; wait for it to finish or stop it, or use another --data directory`,
        { cause: db },
      );
    }
    throw new StoreUnavailableError(
      LOCAL_STORE_ERROR_CODES.unreadable,
      `cannot lock ${what}: ${causeMessage(db)}; check its permissions and free disk space`,
      { cause: db },
    );
  }
  const held = db;
  // Best effort: only used to name the holder in the message another process prints.
  try {
    writeFileSync(join(path, OWNER_FILE), `${process.pid}\n`);
  } catch {
    // A read-only lock directory still locks; the message just lacks the pid.
  }
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      await held.close();
    },
  };
}

async function tryOpen(path: string): Promise<ClassicLevel | Error> {
  const db = new ClassicLevel(path, { createIfMissing: true, errorIfExists: false });
  try {
    await db.open();
    return db;
  } catch (err) {
    return err as Error;
  }
}

function isLocked(err: Error): boolean {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code === 'LEVEL_LOCKED' || /\block\b.*(unavailable|held)/i.test(cause?.message ?? '');
}

function causeMessage(err: Error): string {
  return ((err as { cause?: Error }).cause ?? err).message;
}

function readOwner(path: string): string | null {
  try {
    const pid = readFileSync(join(path, OWNER_FILE), 'utf8').trim();
    return /^\d+$/.test(pid) ? pid : null;
  } catch {
    return null;
  }
}

function wipeKeepingLock(path: string): void {
  try {
    for (const name of readdirSync(path)) {
      if (name === 'LOCK') continue;
      rmSync(join(path, name), { recursive: true, force: true });
    }
  } catch {
    // Unwritable: the second open fails too and reports why.
  }
}
